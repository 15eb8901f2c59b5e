"""Instructions the analysis takes, this tree against a git ref's, counted by valgrind.

On a shared machine the seconds a run takes move by a third from one hour to the next, more
than most speed-ups worth keeping. The number of instructions the CPU executes does not
move with the load: valgrind's callgrind counts them, the same count for the same code and
input whatever else the machine runs (with a fixed hash seed). So a change of 1% shows,
and two versions can be compared at any time of day.

Both trees run the same program: warm up, analyse `n` other synthetic articles (so that the
per-word memos are as warm as in a long corpus run), then count only the analysis of the `n`
measured articles (`--toggle-collect` on the C function that runs that loop). The ref's
tree is compiled too when this machine can compile (`mediakit.analysis.build`), so that
compiled code is compared with compiled code. The two counts run side by side, one per core.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from mediakit.analysis.compiled import PURE_ENV

ROOT = Path(__file__).resolve().parents[1]
# the counted loop runs inside functools.reduce: a C function nothing else in the run calls
PROGRAM = """
import functools, importlib.util, sys
sys.path.insert(0, sys.argv[1])
import mediakit
assert mediakit.__file__.startswith(sys.argv[1]), mediakit.__file__
spec = importlib.util.spec_from_file_location("bench_run", sys.argv[3])
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
from mediakit.analysis import analyze, compiled
from mediakit.batch import warm_up
warm_up()
n = int(sys.argv[2])
for i in range(n, 2 * n):
    analyze(bench.synthetic_article(i))
articles = [bench.synthetic_article(i) for i in range(n)]
functools.reduce(lambda _, article: analyze(article), articles, None)
print("compiled" if compiled.in_use() else "pure")
"""


def instructions_row(ref: str, tree: Path, n: int = 60) -> str:
    """The counts for this tree and for REF's `mediakit/`, extracted in `tree` (run.py's
    `extract_ref`), side by side; valgrind must be on the PATH."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop(PURE_ENV, None)
    subprocess.run([sys.executable, "-m", "mediakit.analysis.build", "--if-stale"], cwd=tree, env=env,
                   capture_output=True)  # no compiler, or a ref without a build: runs pure
    runs = {"this tree": _start(ROOT, n, tree / "this.out"), ref: _start(tree, n, tree / "ref.out")}
    counts = {who: _count(run) for who, run in runs.items()}
    failed = [f"{who}: {count}" for who, count in counts.items() if isinstance(count, str)]
    if failed:
        return "; ".join(failed)
    (here, how_here), (there, how_there) = counts["this tree"], counts[ref]
    return (f"this tree {here / n / 1e6:.1f} M instructions per article ({how_here}), {ref} "
            f"{there / n / 1e6:.1f} M ({how_there}): x{here / there:.3f} the instructions of {ref}; "
            "warm memos, hash seed 0")


def _start(tree: Path, n: int, out: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # dicts and sets the same in every run
    env.pop(PURE_ENV, None)
    return subprocess.Popen(
        ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
         f"--callgrind-out-file={out}", sys.executable, "-c", PROGRAM, str(tree), str(n),
         str(ROOT / "benchmarks" / "run.py")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _count(run: subprocess.Popen) -> tuple[int, str] | str:
    out, err = run.communicate()
    found = re.search(r"Collected : (\d+)", err)
    if run.returncode != 0 or not found:
        return f"the run failed ({err.strip().splitlines()[-1] if err.strip() else run.returncode})"
    return int(found.group(1)), out.strip().splitlines()[-1]
