"""The compiled analysis: used only when built from the sources as they are, and it finds
exactly what the pure Python finds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from mediakit.analysis import build, compiled

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of the sources `source_hash` reads, with `compiled` pointed at it."""
    package = tmp_path / "mediakit"
    shutil.copytree(ROOT / "mediakit" / "analysis", package / "analysis",
                    ignore=shutil.ignore_patterns("__pycache__", "_compiled"))
    shutil.copytree(ROOT / "mediakit" / "corpus", package / "corpus",
                    ignore=shutil.ignore_patterns("__pycache__", "builtin"))
    for name in ("findings.py", "labels.py"):
        shutil.copy2(ROOT / "mediakit" / name, package / name)
    here = package / "analysis"
    monkeypatch.setattr(compiled, "HERE", here)
    monkeypatch.setattr(compiled, "FOLDER", here / "_compiled")
    monkeypatch.setattr(compiled, "STAMP", here / "_compiled" / "stamp.json")
    monkeypatch.delenv(compiled.PURE_ENV, raising=False)
    return here


def stamp(here: Path, sources: str) -> None:
    (here / "_compiled").mkdir(exist_ok=True)
    (here / "_compiled" / "stamp.json").write_text(json.dumps({"sources": sources}), encoding="utf-8")


def test_a_current_build_is_searched_first(package_copy, monkeypatch):
    stamp(package_copy, compiled.source_hash())
    monkeypatch.setattr(compiled, "_loads", lambda: True)  # the copy has no library to load
    path = [str(package_copy)]
    assert compiled.activate(path) is True
    assert path == [str(package_copy / "_compiled"), str(package_copy)]
    assert compiled.activate(path) is True and len(path) == 2  # never added twice


@pytest.mark.parametrize("edited", ["analysis/sourcing.py", "analysis/memo.py", "findings.py",
                                    "corpus/article.py"])
def test_an_edit_to_any_source_the_build_relies_on_makes_it_stale(package_copy, edited):
    stamp(package_copy, compiled.source_hash())
    target = package_copy.parent / edited
    assert target.exists(), edited
    target.write_text(target.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    path = [str(package_copy)]
    assert compiled.activate(path) is False and path == [str(package_copy)]
    assert compiled.is_current() is False


def test_no_build_a_broken_stamp_or_mediakit_pure_means_pure_python(package_copy, monkeypatch):
    path = [str(package_copy)]
    assert compiled.activate(path) is False  # never built
    (package_copy / "_compiled").mkdir()
    (package_copy / "_compiled" / "stamp.json").write_text("{not json", encoding="utf-8")
    assert compiled.activate(path) is False
    stamp(package_copy, compiled.source_hash())
    monkeypatch.setattr(compiled, "_loads", lambda: True)
    monkeypatch.setenv(compiled.PURE_ENV, "1")
    assert compiled.activate(path) is False and path == [str(package_copy)]


def test_a_damaged_build_leaves_the_analysis_in_pure_python(package_copy, monkeypatch):
    stamp(package_copy, compiled.source_hash())
    monkeypatch.delitem(sys.modules, f"{compiled.GROUP}__mypyc", raising=False)  # load it afresh
    name = compiled.GROUP.rpartition(".")[2] + "__mypyc" + EXTENSION_SUFFIXES[0]
    (package_copy / "_compiled" / name).write_bytes(b"not a shared library")
    path = [str(package_copy)]
    assert compiled.activate(path) is False and path == [str(package_copy)]
    (package_copy / "_compiled" / "stamp.json").write_text('["a list, not a stamp"]', encoding="utf-8")
    assert compiled.is_current() is False


def test_status_command_says_whether_the_build_is_current(package_copy, capsys):
    assert build.main(["status"]) == 1
    assert "pure Python" in capsys.readouterr().out
    stamp(package_copy, compiled.source_hash())
    assert build.main(["status"]) == 0
    assert build.main(["build", "--if-stale"]) == 0  # current: nothing to build
    assert "up to date" in capsys.readouterr().out


# Runs in a fresh interpreter: every analysis of the built-in articles, synthetic ones and
# awkward texts; prints whether the compiled build ran and a hash of every record.
_FINDINGS = r"""
import hashlib, importlib.util, json, sys
spec = importlib.util.spec_from_file_location("bench_run", sys.argv[1])
bench = importlib.util.module_from_spec(spec); spec.loader.exec_module(bench)
from mediakit.analysis import analyze, compiled
from mediakit.corpus import Article, load_folder
articles = list(load_folder().articles) + [bench.synthetic_article(i) for i in range(40)]
odd = ['"', '""', 'He said: "', '\u201c' * 50, 'ſaid Putin, \u201cno\u201d.', 'A. B. said, "X" said B.',
       "\n\n".join(['"Yes," she said.'] * 30), "Mr. Smith, a U.S. official, told AP: 'it is so'."]
articles += [Article.from_text(t, id=f"odd-{i}", outlet="Test") for i, t in enumerate(odd)]
digest = hashlib.sha256()
for a in articles:
    digest.update(json.dumps(analyze(a), sort_keys=True).encode())
print(json.dumps({"compiled": compiled.in_use(), "records": digest.hexdigest(), "n": len(articles)}))
"""


def run_findings(pure: bool) -> dict:
    env = {**os.environ, compiled.PURE_ENV: "1" if pure else "0"}
    done = subprocess.run([sys.executable, "-c", _FINDINGS, str(ROOT / "benchmarks" / "run.py")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_compiled_and_pure_python_find_exactly_the_same():
    """`python3 tasks.py test` builds the compiled analysis whenever a C compiler is there,
    and says so (MEDIAKIT_EXPECT_COMPILED): then it must be in use here, and must agree."""
    if not compiled.is_current():
        if os.environ.get("MEDIAKIT_EXPECT_COMPILED"):
            pytest.fail("tasks.py built the compiled analysis, but it is not current")
        pytest.skip("no current compiled build (python -m mediakit.analysis.build)")
    fast, pure = run_findings(pure=False), run_findings(pure=True)
    assert fast["compiled"] is True and pure["compiled"] is False
    assert fast["records"] == pure["records"], "the compiled analysis finds something else"
    print(f"\ncompiled and pure Python: identical records for {fast['n']} articles")
