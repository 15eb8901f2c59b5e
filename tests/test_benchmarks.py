"""The benchmark script runs end to end (--quick) and prints every row; targets are its job."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "run.py"


def row_kinds() -> tuple[str, ...]:
    spec = importlib.util.spec_from_file_location("mediakit_benchmarks_run", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # main() is guarded by __name__, so nothing runs
    return module.ROW_KINDS


def test_quick_benchmark_prints_every_row():
    done = subprocess.run([sys.executable, str(SCRIPT), "--quick", "--jobs", "2"], cwd=ROOT,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    table = lines[lines.index(next(x for x in lines if x.startswith("row "))):]
    names = [line.split(" | ")[0] for line in table[2:] if " | " in line]
    for kind in row_kinds():
        assert any(name.startswith(kind) for name in names), f"no row {kind!r} in:\n{done.stdout}"
    statuses = {line.rsplit("|", 1)[1].strip() for line in table[2:] if " | " in line}
    assert statuses <= {"PASS", "MISS", "info"}, statuses
    assert "MISS of" in done.stdout  # the summary line, whatever the figures are


def test_help_lists_the_side_by_side_and_only_options():
    done = subprocess.run([sys.executable, str(SCRIPT), "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "--side-by-side" in done.stdout and "--only" in done.stdout
    bad = subprocess.run([sys.executable, str(SCRIPT), "--only", "everything"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "unknown --only group(s) everything" in bad.stderr


def test_against_a_git_ref_prints_the_ratio_or_says_the_ref_is_unknown():
    done = subprocess.run([sys.executable, str(SCRIPT), "--quick", "--only", "against", "--against", "HEAD"],
                          cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    row = next(line for line in done.stdout.splitlines() if line.startswith("analysis vs HEAD"))
    assert "the speed of HEAD: this tree" in row and "ms/article" in row, row
    bad = subprocess.run([sys.executable, str(SCRIPT), "--quick", "--only", "against", "--against",
                          "no-such-ref"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 0 and "no such git ref here" in bad.stdout, bad.stdout


def test_python_option_runs_the_rows_under_the_interpreter_given_or_says_why_not(tmp_path):
    other = tmp_path / "python"  # this same interpreter, reached by another path
    other.symlink_to(sys.executable)
    done = subprocess.run([sys.executable, str(SCRIPT), "--python", str(other), "--quick", "--only",
                           "builtin"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"({other})" in done.stdout and "analyze 5 built-in articles" in done.stdout, done.stdout
    bad = subprocess.run([sys.executable, str(SCRIPT), "--python", str(tmp_path / "no-python"), "--only",
                          "builtin"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "not a Python 3." in bad.stderr, bad.stderr


def test_instructions_row_needs_a_ref_and_says_how_to_get_valgrind(tmp_path):
    done = subprocess.run([sys.executable, str(SCRIPT), "--only", "instructions"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "needs --against REF" in done.stdout, done.stdout + done.stderr
    (tmp_path / "git").symlink_to(shutil.which("git"))  # git, but no valgrind, on the PATH
    done = subprocess.run([sys.executable, str(SCRIPT), "--only", "instructions", "--against", "HEAD"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PATH": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "valgrind not found: install it" in done.stdout and "analysis vs HEAD" not in done.stdout
