"""Shared test fixtures: the built-in corpus, the gold answers, and a place to report figures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "gold" / "seeds.yaml"

# Figures measured by the accuracy tests, printed at the end of every run.
_FIGURES: list[tuple[str, str]] = []

# `tests/grading` grades a student's answers file; it runs on its own
# (`pytest tests/grading`), not inside the kit's own suite.
collect_ignore = ["grading"]


@pytest.fixture(autouse=True)
def _private_answers_file(tmp_path, monkeypatch):
    """No test may write a real student's answers file."""
    monkeypatch.setenv("MEDIAKIT_ANSWERS", str(tmp_path / "answers.json"))


@pytest.fixture(scope="session")
def corpus():
    from mediakit.corpus import load_folder

    loaded = load_folder()
    assert loaded.ok, loaded.problems
    return {a.id: a for a in loaded.articles}


@pytest.fixture(scope="session")
def gold(corpus):
    from mediakit.evaluation import load_gold

    return load_gold(GOLD, corpus)


@pytest.fixture(scope="session")
def record_figures():
    """Call record_figures(title, text) to have the text printed in the run's summary."""

    def record(title: str, text: str) -> None:
        _FIGURES.append((title, text))

    return record


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "pure_python: the test swaps a function inside the analysis, which compiled "
        "code never sees (it calls its own directly): with the compiled build in use, the test "
        "runs in a pure-Python pytest of its own (MEDIAKIT_PURE=1)")


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run a `pure_python` test in a pure-Python subprocess when this process runs compiled."""
    if pyfuncitem.get_closest_marker("pure_python") is None:
        return None
    from mediakit.analysis import compiled

    if not compiled.in_use():
        return None  # already pure Python: run it here
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", pyfuncitem.nodeid],
                          cwd=pyfuncitem.config.rootpath, env={**os.environ, compiled.PURE_ENV: "1"},
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{pyfuncitem.nodeid} failed in pure Python:\n{done.stdout[-4000:]}"
    assert " passed" in done.stdout, done.stdout[-2000:]
    return True


def pytest_terminal_summary(terminalreporter):
    if not _FIGURES:
        return
    terminalreporter.section("measured figures")
    for title, text in _FIGURES:
        terminalreporter.write_line(f"## {title}")
        for line in text.rstrip().splitlines():
            terminalreporter.write_line(line)
    if os.environ.get("MEDIAKIT_FIGURES_FILE"):
        with open(os.environ["MEDIAKIT_FIGURES_FILE"], "w", encoding="utf-8") as fh:
            for title, text in _FIGURES:
                fh.write(f"## {title}\n{text.rstrip()}\n\n")
