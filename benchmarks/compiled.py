"""The compiled analysis against pure Python, on the same articles (`--only compiled`).

The compiled build (mediakit/analysis/compiled.py) keeps the modules' names, so the two cannot
share a process: each pass is a fresh subprocess, run with MEDIAKIT_PURE=1 or without it, the
two alternate, and each keeps its best pass. Each pass also hashes every analysis record, so
the row says whether the compiled build finds exactly what pure Python finds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANALYSES = ("sources", "quote_marks", "loaded", "readability")

# the best seconds per analysis over the passes, and a hash of every record found
_WORKER = """
import hashlib, importlib.util, json, sys, time
spec = importlib.util.spec_from_file_location("bench_run", sys.argv[1])
bench = importlib.util.module_from_spec(spec); spec.loader.exec_module(bench)
from mediakit.analysis import FINDERS, compiled, run
from mediakit.analysis.readability import readability
articles = [bench.synthetic_article(i) for i in range(int(sys.argv[2]))]
for a in articles[:20]:
    for name in FINDERS:
        run(name, a)
    readability(a)
digest, best = hashlib.sha256(), {}
for n in range(int(sys.argv[3])):
    spent = dict.fromkeys((*FINDERS, "readability"), 0.0)
    for a in articles:
        for name in FINDERS:
            t = time.process_time(); records = [f.to_record() for f in run(name, a)]
            spent[name] += time.process_time() - t
            if n == 0: digest.update(json.dumps(records, sort_keys=True).encode())
        t = time.process_time(); figures = readability(a); spent["readability"] += time.process_time() - t
        if n == 0: digest.update(json.dumps(figures, sort_keys=True).encode())
    best = {k: min(best.get(k, v), v) for k, v in spent.items()}
print(json.dumps({"seconds": best, "records": digest.hexdigest(), "compiled": compiled.in_use()}))
"""


def compiled_row(n: int, rounds: int, progress) -> tuple[str, str]:
    """(row name, measured): the compiled build against pure Python, per analysis and in all."""
    from mediakit.analysis import compiled

    if not compiled.is_current():
        return ("compiled analysis vs pure Python",
                "not measured: no current build here (python -m mediakit.analysis.build)")
    results: dict[str, list[dict]] = {"pure": [], "compiled": []}
    for r in range(rounds):
        for name in (("pure", "compiled") if r % 2 == 0 else ("compiled", "pure")):
            progress(f"compiled: round {r + 1} of {rounds}, {name}")
            env = {**os.environ, compiled.PURE_ENV: "1" if name == "pure" else "0"}
            done = subprocess.run([sys.executable, "-c", _WORKER, str(ROOT / "benchmarks" / "run.py"),
                                   str(n), "2"], env=env, capture_output=True, text=True, check=True)
            got = json.loads(done.stdout.splitlines()[-1])
            assert got["compiled"] == (name == "compiled"), f"the {name} pass ran the wrong build"
            results[name].append(got)
    progress("")
    best = {name: {a: min(r["seconds"][a] for r in runs) for a in ANALYSES} for name, runs in results.items()}
    pure, fast = sum(best["pure"].values()), sum(best["compiled"].values())
    same = len({r["records"] for runs in results.values() for r in runs}) == 1
    each = ", ".join(f"{a} x{best['pure'][a] / best['compiled'][a]:.2f}" for a in ANALYSES)
    return ("compiled analysis vs pure Python",
            f"x{pure / fast:.2f} the speed of pure Python ({1000 * pure / n:.1f} -> {1000 * fast / n:.1f} "
            f"ms/article; {each}); records {'identical' if same else 'DIFFERENT'}; {n} synthetic "
            f"articles, best of {2 * rounds} passes each, the two alternating")
