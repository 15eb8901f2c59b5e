"""A hostile article shown through the highlighted view runs nothing in the student's browser.

The article (and its title) carries a <script>, an <img onerror> and a javascript: link. In
JupyterLab the HTML a kernel sends in a live session is trusted, so scripts and event handlers
in it WOULD run; a control cell proves that on the same page. The view must show the markup
as text: no such element may exist in its output, and clicking around sets nothing.
"""

from __future__ import annotations

import json
import sys

import nbformat

from .jlab import error_outputs, open_notebook, run_all

HOSTILE = (
    'Officials said the "<script>window.__pwned=1</script>" plan was a disaster. Critics called '
    'it a so-called "reform" <img src=x onerror="window.__pwned=1">, and the minister said: '
    '"See <a href="javascript:window.__pwned=1">x</a> for details."'
)
TITLE = '<img src=x onerror="window.__pwned=1"> A <b>report</b>'
NOTEBOOK = "generated/hostile_article.ipynb"

CELLS = [
    "from mediakit.corpus import Article\nfrom mediakit.views.highlight import show_highlights",
    f"text = {HOSTILE!r}\narticle = Article.from_text(text, id='hostile', outlet={TITLE!r})",
    f"show_highlights(article, title={TITLE!r})",
    "import sys\nprint('kernel prefix:', sys.prefix)",
    # Control: trusted HTML with a handler does run here, so the checks below can fail.
    "from IPython.display import HTML\n"
    "HTML('<img id=\"mk-control\" src=\"data:,\" onerror=\"window.__control=1\">')",
]


def write_notebook(root) -> None:
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(src) for src in CELLS],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}})
    path = root / NOTEBOOK
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def test_hostile_article_renders_as_text_and_runs_nothing(tab, lab):
    page = tab.page
    write_notebook(lab.root)
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    assert not error_outputs(page), error_outputs(page)

    page.wait_for_function("() => window.__control === 1")  # the control's handler ran
    prefix = page.locator(".jp-OutputArea-output", has_text="kernel prefix:").inner_text()
    assert prefix.split("kernel prefix:")[1].strip() == sys.prefix, prefix  # the kit's venv
    view = page.locator(".jp-OutputArea-output").filter(has=page.locator(".mk-view"))
    assert view.count() == 1, "the highlighted view did not appear"
    found = view.evaluate("""out => ({
      scripts: out.querySelectorAll('script').length,
      images: out.querySelectorAll('img').length,
      jsLinks: [...out.querySelectorAll('a')].filter(
          a => /^\\s*javascript:/i.test(a.getAttribute('href') || '')).length,
      handlers: [...out.querySelectorAll('*')].flatMap(
          el => [...el.attributes].map(a => a.name)).filter(n => n.startsWith('on')),
      marks: out.querySelectorAll('mark').length,
      bold: [...out.querySelectorAll('b')].map(b => b.textContent).filter(t => t === 'report'),
    })""")
    assert found == {"scripts": 0, "images": 0, "jsLinks": 0, "handlers": [],
                     "marks": found["marks"], "bold": []}, found
    assert found["marks"] > 0, "the view highlighted nothing: the analyses did not run"

    # Every character of the article is shown, as text (note numbers aside).
    shown = view.evaluate("""out => {
      const copy = out.cloneNode(true);
      copy.querySelectorAll('sup, style').forEach(el => el.remove());
      return copy.textContent;
    }""")
    assert HOSTILE in shown, json.dumps(shown[:600])
    assert TITLE in shown

    # Click what looks like the link, and every real link of the view (its note numbers).
    view.get_by_text("javascript:window.__pwned=1", exact=False).first.click()
    links = view.locator("a")
    for i in range(links.count()):
        links.nth(i).click()
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
