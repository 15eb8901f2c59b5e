"""Benchmark mediakit honestly: every figure is measured here, printed next to its target.

Run: .venv/bin/python benchmarks/run.py [--quick] [--sizes 1000,10000] [--jobs N]
         [--binder-venv PATH] [--profile]

Targets (issue 9): grading 1,000 answer files < 1 s; analysis >= 1 MB/s of text per core;
`import mediakit` < 0.5 s cold; each lesson's Run-All < 15 s; kernel memory < 250 MB after
any lesson. A MISS is printed, never hidden; rows without a target from the issue say "info".
MB is 10**6 bytes of UTF-8 text; memory is MiB (ru_maxrss is in KiB on Linux).

Synthetic articles recombine paragraphs of the five built-in articles with a seeded random
generator, so every run measures the same text. `--quick` is a small version of every row
(a smoke test, not a measurement).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import multiprocessing
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEY = ROOT / "instructor" / "exercises"
NOTEBOOKS = ROOT / "notebooks"
SEED = 9
MB = 1_000_000

# Every row's name starts with one of these (tests/test_benchmarks.py checks they all print).
ROW_KINDS = (
    "import mediakit (cold)",
    "analyze 5 built-in articles (warm)",
    "throughput",
    "time per MB growth",
    "omissions.compare",
    "grading",
    "lesson Run-All",
    "lesson kernel memory",
    "installed size",
    "pathological: long article",
    "pathological: quotation marks",
)


# --- results table ------------------------------------------------------------------------
class Table:
    """Rows of (name, measured, target, status); printed at the end, in the order measured."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, name: str, measured: str, target: str = "-", ok: bool | None = None) -> None:
        status = "info" if ok is None else ("PASS" if ok else "MISS")
        self.rows.append((name, measured, target, status))
        print(f"[row] {name}: {measured} ({status})", file=sys.stderr, flush=True)

    def render(self) -> str:
        head = ("row", "measured", "target", "status")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(4)]

        def line(row) -> str:
            return " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()

        return "\n".join([line(head), "-+-".join("-" * w for w in widths),
                          *(line(r) for r in self.rows)])


def progress(text: str) -> None:
    print(f"\r{text}\x1b[K", end="", file=sys.stderr, flush=True)


# --- synthetic corpus ----------------------------------------------------------------------
_PARAGRAPHS: list[str] = []


def paragraphs() -> list[str]:
    """The built-in articles' paragraphs (blank-line separated), loaded once per process."""
    if not _PARAGRAPHS:
        from mediakit.corpus import load_folder

        for article in load_folder().articles:
            _PARAGRAPHS.extend(p for p in article.text.split("\n\n") if p.strip())
    return _PARAGRAPHS


def synthetic_text(index: int, n_paragraphs: int = 20) -> str:
    """Article `index` of the synthetic corpus: the same text for the same index, every run."""
    rng = random.Random(SEED * 1_000_003 + index)
    return "\n\n".join(rng.choices(paragraphs(), k=n_paragraphs))


def synthetic_article(index: int, text: str | None = None):
    from mediakit.corpus import Article

    return Article.from_text(text if text is not None else synthetic_text(index),
                             id=f"synth-{index:06d}", outlet=f"Outlet {index % 7}")


# --- workers (module level so ProcessPoolExecutor can pickle them) ---------------------------
def _warm_worker() -> None:
    from mediakit.analysis import analyze
    from mediakit.corpus import load_folder

    for article in load_folder().articles:
        analyze(article)


def _ready(delay: float) -> int:
    time.sleep(delay)
    return os.getpid()


def _analyze_chunk(indices: list[int]) -> tuple[int, int, float]:
    """Analyse synthetic articles; (articles, bytes, seconds spent analysing) for this chunk."""
    from mediakit.analysis import analyze

    articles = [synthetic_article(i) for i in indices]  # built outside the timed part
    start = time.process_time()  # CPU time: "per core" even when a shared machine is busy
    for article in articles:
        analyze(article)
    busy = time.process_time() - start
    return len(articles), sum(len(a.text.encode("utf-8")) for a in articles), busy


def _analyze_text_to_pipe(text: str, conn) -> None:
    from mediakit.analysis import analyze

    article = synthetic_article(0, text)
    start = time.perf_counter()
    analyze(article)
    conn.send(time.perf_counter() - start)
    conn.close()


# --- rows ----------------------------------------------------------------------------------
def cold_import(statement: str, runs: int) -> float:
    """Median seconds of `statement` timed inside `runs` fresh interpreters."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, cwd=ROOT)
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def bench_import(table: Table, runs: int = 5) -> None:
    median = cold_import("import mediakit", runs)
    table.add("import mediakit (cold)", f"{median:.3f} s (median of {runs} fresh interpreters)",
              "< 0.5 s", median < 0.5)
    # `import mediakit` is lazy; this is what the first analysis pays on top (info only)
    modules = ("mediakit.corpus", "mediakit.analysis.sourcing", "mediakit.analysis.quote_marks",
               "mediakit.analysis.loaded", "mediakit.analysis.readability",
               "mediakit.analysis.omissions")
    median = cold_import("; ".join(f"import {m}" for m in modules), runs)
    table.add("import mediakit (cold) + corpus and analysis modules",
              f"{median:.3f} s (median of {runs})", "-", None)


def bench_builtin(table: Table, runs: int = 5) -> None:
    from mediakit.analysis import analyze
    from mediakit.corpus import load_folder

    articles = load_folder().articles
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    for article in articles:  # warm-up: lexicons, regexes, textstat
        analyze(article)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for article in articles:
            analyze(article)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    rate = size / MB / median
    table.add("analyze 5 built-in articles (warm)",
              f"{median * 1000:.0f} ms for {size / 1000:.1f} kB = {rate:.2f} MB/s (1 core, median "
              f"of {runs})", ">= 1 MB/s per core", rate >= 1.0)


def bench_throughput(table: Table, sizes: list[int], jobs: int) -> None:
    per_mb: dict[int, float] = {}
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_worker) as pool:
        # start and warm every worker before the clock runs
        list(pool.map(_ready, [0.3] * jobs))
        for n in sizes:
            chunk = max(1, min(100, n // (jobs * 8) or 1))
            chunks = [list(range(i, min(n, i + chunk))) for i in range(0, n, chunk)]
            done = size = 0
            busy = 0.0
            start = time.perf_counter()
            futures = [pool.submit(_analyze_chunk, c) for c in chunks]
            for future in as_completed(futures):
                count, nbytes, seconds = future.result()
                done, size, busy = done + count, size + nbytes, busy + seconds
                progress(f"throughput {n:,} articles: {done:,}/{n:,} done, "
                         f"{time.perf_counter() - start:.0f} s")
            wall = time.perf_counter() - start
            progress("")
            print(file=sys.stderr)
            core_rate = size / MB / busy
            per_mb[n] = busy / (size / MB)
            table.add(f"throughput {n:,} articles ({size / MB:.1f} MB, {jobs} jobs)",
                      f"{core_rate:.2f} MB/s and {count_rate(n, busy):.0f} articles/s per core "
                      f"(CPU time); all cores {size / MB / wall:.2f} MB/s, {n / wall:.0f} articles/s, "
                      f"wall {wall:.1f} s", ">= 1 MB/s per core", core_rate >= 1.0)
    if len(sizes) >= 2:
        small, big = sizes[0], sizes[-1]
        ratio = per_mb[big] / per_mb[small]
        table.add(f"time per MB growth ({big:,} vs {small:,} articles)",
                  f"x{ratio:.2f} ({per_mb[small]:.2f} -> {per_mb[big]:.2f} core-s/MB)",
                  "~x1 (linear)", None)
    else:
        table.add("time per MB growth", "needs two sizes", "~x1 (linear)", None)


def count_rate(n: int, seconds: float) -> float:
    return n / seconds if seconds else float("inf")


def bench_compare(table: Table, pairs: int) -> None:
    from mediakit.analysis.omissions import compare

    duos = []
    for i in range(pairs):
        rng = random.Random(SEED + 7919 * i)
        base = synthetic_text(100_000 + i).split("\n\n")
        # the second outlet keeps about half the first one's paragraphs and adds its own
        kept = [p for p in base if rng.random() < 0.5]
        other = kept + synthetic_text(200_000 + i, 10).split("\n\n")
        rng.shuffle(other)
        duos.append((synthetic_article(2 * i, "\n\n".join(base)),
                     synthetic_article(2 * i + 1, "\n\n".join(other))))
    compare(list(duos[0]))  # warm-up
    start = time.perf_counter()
    for a, b in duos:
        compare([a, b])
    seconds = time.perf_counter() - start
    table.add(f"omissions.compare {pairs} article pairs",
              f"{seconds:.2f} s ({seconds / pairs * 1000:.0f} ms per pair, 1 core)", "-", None)


def write_answer_files(folder: Path, n: int) -> list[Path]:
    """Valid answers files for lesson 00, varied per student (seeded), in the store's format."""
    template = json.loads((ROOT / "tests/fixtures/answers/full.json").read_text(encoding="utf-8"))
    lesson_answers = template["answers"]["00_start_here"]
    rng = random.Random(SEED)
    files = []
    for i in range(n):
        answers = {}
        for exercise, record in lesson_answers.items():
            if rng.random() < 0.1:
                continue  # not answered
            answer = record["answer"]
            if exercise == "genre-check":
                answer = rng.choice(["gr", "jpost", "sputnik"])
            answers[exercise] = {"answer": answer, "attempts": rng.randint(1, 4),
                                 "saved": "2026-01-01T10:00:00Z"}
        data = {"format": "mediakit-answers/1",
                "student": {"name": f"Student {i}", "id": f"s{i:06d}"},
                "answers": {"00_start_here": answers}}
        path = folder / f"student{i:06d}.json"
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")
        files.append(path)
    return files


def bench_grading(table: Table, counts: list[int]) -> None:
    from mediakit.exercises.grade import grade, load_key

    with tempfile.TemporaryDirectory(prefix="mediakit-bench-") as tmp:
        for n in counts:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            files = write_answer_files(folder, n)
            start = time.perf_counter()
            rows = grade(files, KEY)  # includes loading the key, as `mediakit grade` does
            seconds = time.perf_counter() - start
            assert len(rows) == n and not any(r["problems"] for r in rows), "answers not valid"
            start = time.perf_counter()
            load_key(KEY)
            key_seconds = time.perf_counter() - start
            per_1000 = seconds / n * 1000
            table.add(f"grading {n:,} answer files",
                      f"{seconds:.2f} s incl. {key_seconds:.2f} s loading the key ({per_1000:.2f} s "
                      "per 1,000; files in page cache)",
                      "< 1 s per 1,000", per_1000 < 1.0)


MEMORY_CELL = ("import resource\n"
               "print('MEDIAKIT_MAXRSS_KIB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")


def bench_lessons(table: Table, lessons: list[Path]) -> None:
    import nbformat
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory(prefix="mediakit-bench-") as tmp:
        old = os.environ.get("MEDIAKIT_ANSWERS")
        os.environ["MEDIAKIT_ANSWERS"] = str(Path(tmp) / "answers.json")  # the kernel inherits it
        try:
            for path in lessons:
                nb = nbformat.read(path, as_version=4)
                nb.cells.append(nbformat.v4.new_code_cell(MEMORY_CELL))  # in memory only
                last = len(nb.cells) - 1
                marks: dict[str, float] = {}

                def on_start(cell, cell_index, marks=marks, last=last):
                    if cell_index == 0:
                        marks["first"] = time.perf_counter()
                    if cell_index == last:
                        marks["last"] = time.perf_counter()

                client = NotebookClient(nb, timeout=300, kernel_name="python3",
                                        resources={"metadata": {"path": str(path.parent)}},
                                        on_cell_start=on_start)
                progress(f"lesson {path.stem}: running")
                start = time.perf_counter()
                client.execute()
                total = time.perf_counter() - start
                progress("")
                run_all = marks["last"] - marks["first"]
                text = "".join(o.get("text", "") for o in nb.cells[last].outputs)
                kib = int(text.split("MEDIAKIT_MAXRSS_KIB", 1)[1].split()[0])
                table.add(f"lesson Run-All {path.stem}",
                          f"{run_all:.1f} s (with kernel start {total:.1f} s)", "< 15 s",
                          run_all < 15)
                table.add(f"lesson kernel memory {path.stem}",
                          f"{kib / 1024:.0f} MiB peak RSS", "< 250 MB", kib * 1024 < 250 * MB)
        finally:
            if old is None:
                os.environ.pop("MEDIAKIT_ANSWERS", None)
            else:
                os.environ["MEDIAKIT_ANSWERS"] = old
        print(file=sys.stderr)


def tree_size(path: Path) -> int:
    total = 0
    for folder, _, names in os.walk(path):
        for name in names:
            try:
                total += os.lstat(os.path.join(folder, name)).st_size
            except OSError:
                pass
    return total


def bench_size(table: Table, binder_venv: str | None) -> None:
    if binder_venv:
        path, label = Path(binder_venv), "installed size (Binder venv)"
    else:
        import sysconfig

        path = Path(sysconfig.get_paths()["purelib"])
        label = "installed size (current venv site-packages, dev+test deps; not Binder)"
    if not path.exists():
        table.add(label, f"{path} does not exist", "-", None)
        return
    table.add(label, f"{tree_size(path) / MB:.0f} MB in {path}", "-", None)


def run_bounded(text: str, bound: float) -> float | None:
    """Analyse `text` in a child process; its seconds, or None if it exceeded `bound`."""
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_analyze_text_to_pipe, args=(text, child))
    proc.start()
    child.close()
    try:
        if parent.poll(bound):
            return parent.recv()
        return None
    except EOFError:  # the child died
        return None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()


def bench_pathological(table: Table, megabytes: float, marks: int, bound: float) -> None:
    parts, size, i = [], 0, 0
    while size < megabytes * MB:
        text = synthetic_text(300_000 + i)
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        i += 1
    long_text = "\n\n".join(parts)
    quote_marks = '"“”‘’\'„«»‹›'
    quotes = "".join(quote_marks[k % len(quote_marks)] for k in range(marks))
    for name, text in ((f"pathological: long article ({len(long_text.encode()) / MB:.1f} MB)",
                        long_text),
                       (f"pathological: quotation marks ({marks:,} marks)", quotes)):
        progress(f"{name}: running (bound {bound:.0f} s)")
        seconds = run_bounded(text, bound)
        progress("")
        if seconds is None:
            table.add(name, f"did not finish in {bound:.0f} s (killed)", f"< {bound:.0f} s", False)
        else:
            rate = len(text.encode("utf-8")) / MB / seconds
            table.add(name, f"{seconds:.2f} s ({rate:.2f} MB/s)", f"< {bound:.0f} s (bounded)",
                      seconds < bound)
    print(file=sys.stderr)


def profile_analysis(n: int) -> str:
    from mediakit.analysis import analyze

    _warm_worker()
    articles = [synthetic_article(i) for i in range(n)]
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        analyze(article)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(25)
    return f"cProfile of analyze() on {n:,} synthetic articles (top 25, cumulative):\n{out.getvalue()}"


# --- main ----------------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small version of every row")
    parser.add_argument("--sizes", help="synthetic corpus sizes, e.g. 1000,10000,100000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--binder-venv", help="measure this venv's installed size")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile the 1k-article analysis, print the top 25 functions")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    quick = args.quick
    sizes = ([int(s.replace("_", "")) for s in args.sizes.split(",")] if args.sizes
             else [50, 100] if quick else [1000, 10000])
    jobs = max(1, args.jobs)
    lessons = sorted(NOTEBOOKS.glob("*.ipynb"))[:1] if quick else sorted(NOTEBOOKS.glob("*.ipynb"))
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    started = time.perf_counter()
    table = Table()
    bench_import(table, runs=3 if quick else 5)
    bench_builtin(table, runs=3 if quick else 5)
    bench_throughput(table, sizes, jobs)
    bench_compare(table, 10 if quick else 100)
    bench_grading(table, [50] if quick else [1000, 10000])
    bench_lessons(table, lessons)
    bench_size(table, args.binder_venv)
    if quick:
        bench_pathological(table, megabytes=0.5, marks=10_000, bound=60)
    else:
        bench_pathological(table, megabytes=10, marks=100_000, bound=300)
    end_load = os.getloadavg() if load else None
    print(f"mediakit benchmark{' (--quick: smoke test, not a measurement)' if quick else ''}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, --jobs {jobs}; load average "
          f"(1/5/15 min) at start {fmt_load(load)}, at end {fmt_load(end_load)}; "
          f"total {time.perf_counter() - started:.0f} s")
    print(table.render())
    misses = sum(r[3] == "MISS" for r in table.rows)
    print(f"{misses} MISS of {sum(r[3] in ('PASS', 'MISS') for r in table.rows)} rows with a target")
    if args.profile:
        print()
        print(profile_analysis(50 if quick else 1000))
    return 0


def fmt_load(load) -> str:
    return "/".join(f"{x:.2f}" for x in load) if load else "n/a"


if __name__ == "__main__":
    sys.exit(main())
