"""Every lesson, opened in JupyterLab in Chromium and run with Run All, shows no error and
draws every chart with no internet: what a student sees, not only what the kernel computed.

Every request that leaves 127.0.0.1 is refused and fails the test, so the charts drawn here
are proof that they need no CDN."""

from __future__ import annotations

import importlib
import time
from pathlib import Path

import nbformat
import pytest

from .jlab import error_outputs, open_notebook, run_all, screenshot_notebook, stderr_outputs, wait_charts

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def chart_functions() -> set[str]:
    """Names of the public functions in mediakit.charts' modules (each returns a chart)."""
    import inspect
    import pkgutil

    import mediakit.charts as charts

    names = set()
    for info in pkgutil.iter_modules(charts.__path__):
        module = importlib.import_module(f"mediakit.charts.{info.name}")
        names |= {name for name, obj in vars(module).items() if inspect.isfunction(obj)
                  and obj.__module__ == module.__name__ and not name.startswith("_")}
    return names


def shown_charts(path: Path) -> int:
    """How many code cells of a notebook end by calling a chart function (and so show one)."""
    names = chart_functions()
    count = 0
    for cell in nbformat.read(path, as_version=4).cells:
        lines = cell.source.strip().splitlines() if cell.cell_type == "code" else []
        if lines and lines[-1].split("(")[0].strip() in names:
            count += 1
    return count


def test_there_are_lessons_to_run():
    assert LESSONS, "no notebooks/*.ipynb found"


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_runs_in_the_browser_without_errors_and_draws_its_charts(tab, lab, screenshots,
                                                                        record_figures, lesson):
    page = tab.page
    started = time.monotonic()
    open_notebook(page, lab, f"notebooks/{lesson}")
    run_all(page)
    charts = wait_charts(page)
    took = time.monotonic() - started
    shot = screenshot_notebook(page, screenshots / f"{Path(lesson).stem}.png")
    record_figures(f"browser: {lesson}", f"opened, Run All and {len(charts)} chart(s) drawn in "
                   f"{took:.0f} s; screenshot: {shot}")
    for text in stderr_outputs(page):
        print(f"stderr output: {text[:200]}")

    errors = error_outputs(page)
    assert not errors, f"{lesson}: error output in the browser:\n" + "\n---\n".join(errors)
    assert not tab.refused_requests, (
        f"{lesson}: the page tried to leave 127.0.0.1 (refused; a classroom may have no "
        f"internet): {tab.refused_requests}")
    cdn = [c for c in charts if c["cdn"]]
    assert not cdn, f"{lesson}: charts drawn with altair's CDN renderer, not the offline one: {cdn}"
    broken = [c for c in charts if not (c["embedded"] and c["drawn"])]
    assert not broken, f"{lesson}: charts not drawn: {broken}; console: {tab.console_errors[-5:]}"
    expected = shown_charts(ROOT / "notebooks" / lesson)
    assert len(charts) >= expected, (
        f"{lesson} shows {expected} chart(s) (cells ending in a mediakit.charts call) but "
        f"{len(charts)} appeared in the page")
