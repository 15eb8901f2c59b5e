"""Driving JupyterLab in the browser the way a student does: open, Run All, restart, read outputs.

Every wait is on a condition in the page (cell prompts, kernel status), never a fixed sleep.
Selectors are JupyterLab 4's own stable ones: menu items carry `data-command`, cells
`.jp-CodeCell`, outputs `data-mime-type`.
"""

from __future__ import annotations

import re
from pathlib import Path

RUN_TIMEOUT = 240_000  # ms: a whole lesson on a slow 2-core CI machine

# True when every code cell has run ("[n]:") and the kernel is idle.
ALL_DONE_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
    .map(p => p.textContent.trim());
  const idle = panel.querySelector('.jp-Notebook-ExecutionIndicator[data-status="idle"]');
  return idle !== null && prompts.length > 0 && prompts.every(p => /^\\[\\d+\\]:$/.test(p));
}"""

# Chart outputs: what altair's "mimetype" renderer sends, drawn by JupyterLab's own Vega
# extension with no network (.jp-RenderedVegaCommon5), and altair's HTML output
# (div#altair-viz-*), which loads the chart libraries from a CDN and so must not appear (`cdn`).
CHARTS_JS = """() => {
  const panel = '.jp-NotebookPanel:not(.lm-mod-hidden) ';
  const outputs = [...document.querySelectorAll(
      panel + '.jp-RenderedVegaCommon5, '
      + panel + '.jp-OutputArea-output[data-mime-type^="application/vnd.vega"], '
      + panel + '[id^="altair-viz-"]')]
    .filter((el, i, all) => !all.some(o => o !== el && o.contains(el)));
  return outputs.map(el => ({
    renderer: el.classList.contains('jp-RenderedVegaCommon5') ? 'jupyterlab-vega' : 'html',
    cdn: el.matches('[id^="altair-viz-"]') || el.querySelector('[id^="altair-viz-"]') !== null,
    embedded: el.matches('.vega-embed') || el.querySelector('.vega-embed') !== null,
    drawn: el.querySelector('svg.marks, canvas.marks') !== null,
    error: (el.querySelector('.error') || {}).textContent
      || (/Error/.test(el.textContent) ? el.textContent.slice(0, 500) : null),
  }));
}"""


def open_notebook(page, lab, path: str) -> None:
    """Open `path` (relative to the server root) and wait for its kernel to be idle."""
    page.goto(lab.url(path))
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)
    wait_kernel_ready(page)


def wait_kernel_ready(page) -> None:
    # The toolbar names the kernel once a session is connected; the indicator says idle.
    page.wait_for_function("""() => {
      const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
      const name = panel && panel.querySelector('.jp-Toolbar-kernelName');
      const idle = panel && panel.querySelector(
        '.jp-Notebook-ExecutionIndicator[data-status="idle"]');
      return name && /python/i.test(name.getAttribute('aria-label') || name.textContent)
        && idle !== null;
    }""", timeout=120_000)


def menu_command(page, menu: str, command: str) -> None:
    """Click a top menu (e.g. "Run") and then its item for `command` (e.g. runmenu:run-all)."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{menu}$")).click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').first.click()


def run_all(page) -> None:
    """Run → Run All Cells, then wait until every cell ran and the kernel is idle."""
    menu_command(page, "Run", "runmenu:run-all")
    wait_all_done(page)


def restart_and_run_all(page) -> None:
    """Run → Restart Kernel and Run All Cells…, confirm, and wait until done."""
    menu_command(page, "Run", "runmenu:restart-and-run-all")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.wait_for_selector(".jp-Dialog", state="detached")
    wait_all_done(page)


def wait_all_done(page) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(ALL_DONE_JS, timeout=RUN_TIMEOUT)
    except PlaywrightTimeout:
        state = page.evaluate("""() => ({
          prompts: [...document.querySelectorAll(
            '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')]
            .map(p => p.textContent.trim()),
          kernel: (document.querySelector('.jp-Notebook-ExecutionIndicator') || {}).dataset,
        })""")
        raise AssertionError(f"the notebook did not finish running in {RUN_TIMEOUT // 1000} s: "
                             f"{state}; errors: {error_outputs(page)}") from None


def error_outputs(page) -> list[str]:
    """Text of every error output, and of stderr output carrying a Traceback."""
    return page.evaluate("""() => [...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output')]
      .filter(o => {
        const mime = o.getAttribute('data-mime-type') || '';
        const text = o.textContent || '';
        return (mime === 'application/vnd.jupyter.stderr'
                && /Traceback|[A-Za-z](Error|Exception)\b/.test(text))
          || /Error displaying widget|Failed to load model class/.test(text);
      })
      .map(o => o.textContent.slice(0, 2000))""")


def stderr_outputs(page) -> list[str]:
    return page.evaluate("""() => [...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) '
        + '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
      .map(o => o.textContent.slice(0, 500))""")


def wait_charts(page) -> list[dict]:
    """Wait until every chart drew (or failed, or needs the CDN), then describe each one."""
    page.wait_for_function(f"""() => ({CHARTS_JS})().every(c => c.drawn || c.error || c.cdn)""",
                           timeout=60_000)
    return page.evaluate(CHARTS_JS)


def screenshot_notebook(page, path: Path) -> Path:
    """The whole notebook in one image: side bar closed, window as tall as the notebook."""
    left_tab = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if left_tab.count():
        left_tab.first.click()  # clicking the open side panel's tab closes it
    scroller = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"
    height = page.evaluate(f"() => document.querySelector('{scroller}').scrollHeight")
    extra = page.evaluate(f"() => window.innerHeight - document.querySelector('{scroller}').clientHeight")
    tall = min(height + extra + 20, 16_000)
    page.set_viewport_size({"width": page.viewport_size["width"], "height": max(tall, 900)})
    # Lumino lays the panels out again after the resize: wait until nothing scrolls.
    page.wait_for_function(f"""() => {{
      const s = document.querySelector('{scroller}');
      s.scrollTop = 0;
      return s.scrollHeight <= s.clientHeight + 2 || window.innerHeight >= 16000;
    }}""", timeout=30_000)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").screenshot(path=str(path))
    return path


def clear_all_outputs(page) -> None:
    """Edit → Clear Outputs of All Cells: every prompt back to "[ ]:" before a re-run."""
    menu_command(page, "Edit", "editmenu:clear-all")
    page.wait_for_function("""() => [...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')]
      .every(p => !/^\\[\\d+\\]:$/.test(p.textContent.trim()))""")
