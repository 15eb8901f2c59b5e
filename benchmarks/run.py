"""Benchmark mediakit honestly: every figure is measured here, printed next to its target.

Run: .venv/bin/python benchmarks/run.py [--quick] [--sizes 1000,10000,100000] [--jobs N]
         [--binder-venv PATH] [--profile] [--side-by-side [--students 30]] [--against REF]
         [--only GROUPS]

Targets (issue 9): grading 1,000 answer files < 1 s; analysis >= 1 MB/s of text per core;
`import mediakit` < 0.5 s cold; each lesson's Run-All < 15 s; kernel memory < 250 MB after
any lesson. A MISS is printed, never hidden; rows without a target from the issue say "info".
MB is 10**6 bytes of UTF-8 text; memory is MiB (ru_maxrss is in KiB on Linux).

Synthetic articles recombine paragraphs of the five built-in articles with a seeded random
generator, so every run measures the same text; throughput runs them through `mediakit.batch`,
the code `mediakit analyze --corpus` runs. `--quick` is a small version of every row (a smoke
test, not a measurement). `--side-by-side` grades the same class with otter-grader in a
separate venv (see benchmarks/side_by_side/README.md). The analysis runs compiled when
`python3 tasks.py` has built it (mediakit/analysis/compiled.py; the header says which);
`--only compiled` times the compiled build against pure Python.
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
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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


# --- run in child processes (module level so multiprocessing can pickle them) ---------------
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


def bench_throughput(table: Table, sizes: list[int], jobs: int, budget: float | None = None) -> None:
    """Synthetic corpora through `mediakit.batch.iter_analyze`: the code `mediakit analyze
    --corpus` runs (lazy input, chunked process pool, progress bar), records thrown away.
    With a `budget` (seconds per size), a size that runs out of time stops there and its row
    says how far it got: the figures then cover the articles done."""
    import resource

    from mediakit.batch import iter_analyze, warm_up

    warm_up()  # once, outside the clock (forked workers inherit it, as in a real run)
    per_mb: dict[int, float] = {}
    for n in sizes:
        size = 0
        start = time.perf_counter()

        def articles(n=n, start=start):
            nonlocal size
            for i in range(n):
                if budget is not None and time.perf_counter() - start > budget:
                    return  # out of time: no more input; the articles already sent finish
                article = synthetic_article(i)
                size += len(article.text.encode("utf-8"))
                yield article

        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        start, own = time.perf_counter(), time.process_time()
        problems = done = 0
        for outcome in iter_analyze(articles(), jobs=jobs, total=n, progress=True):
            problems += outcome.problem is not None
            done += 1
        wall, own = time.perf_counter() - start, time.process_time() - own
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, now joined
        busy = (after.ru_utime - children.ru_utime) + (after.ru_stime - children.ru_stime)
        if jobs == 1:  # in-process: the work is this process's own CPU time
            busy, own = own, 0.0
        per_mb[n] = busy / (size / MB)
        core_rate = size / MB / busy
        growth = f"; x{per_mb[n] / per_mb[sizes[0]]:.2f} time per MB vs {sizes[0]:,}" if n != sizes[0] else ""
        stopped = "" if done == n else f"; STOPPED by the {budget:.0f} s budget at {done:,} of {n:,}"
        table.add(f"throughput {n:,} articles ({size / MB:.1f} MB{' done' if stopped else ''}, {jobs} jobs, "
                  "mediakit.batch)",
                  f"{core_rate:.2f} MB/s and {count_rate(done, busy):.0f} articles/s per core "
                  f"(worker CPU {busy:.0f} s; parent {own:.0f} s making articles, reading records); "
                  f"all cores {size / MB / wall:.2f} MB/s, {done / wall:.0f} articles/s, "
                  f"wall {wall:.1f} s{growth}{stopped}" + (f"; {problems} PROBLEMS" if problems else ""),
                  ">= 1 MB/s per core", core_rate >= 1.0 and not problems)
    if len(sizes) >= 2:
        steps = ", ".join(f"{n:,}: {per_mb[n]:.2f}" for n in sizes)
        ratio = per_mb[sizes[-1]] / per_mb[sizes[0]]
        table.add(f"time per MB growth ({sizes[-1]:,} vs {sizes[0]:,} articles)",
                  f"x{ratio:.2f} (core-s per MB: {steps})", "~x1 (linear)", None)
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


# --- side by side with otter-grader -------------------------------------------------------
SIDE = ROOT / "benchmarks" / "side_by_side"
SIDE_VENV = ROOT / "benchmarks" / ".sidebyside-venv"  # git-ignored, made on demand
# lesson 0's five auto-graded exercises: (otter variable, points, mediakit answer right / wrong,
# the notebook's answer right / wrong). Each wrong answer scores 0 in both graders, so both
# graders must give every student the same total (the row checks it).
SIDE_QUESTIONS = {
    "genre-check": ("genre_check", 1, "gr", "sputnik", "gr", "sputnik"),
    "opinion-signs": ("opinion_signs", 2, ["judgement", "scare-quotes"], ["quotes-putin", "dateline"],
                      ["judgement", "scare-quotes"], ["quotes-putin", "dateline"]),
    "spot-scare-quotes": ("scare_quotes", 2, [7, 22, 23], [0, 1],
                          ["Israel", "Israeli", "President"], ["Russia", "is"]),
    "quote-sides": ("quote_sides", 2,
                    {"compatriots": "russia", "iran-attempts": "israel", "kremlin-agenda": "russia",
                     "sovereignty": "israel"},
                    {"compatriots": "israel", "iran-attempts": "russia", "kremlin-agenda": "israel",
                     "sovereignty": "russia"}, None, None),
    "sochi-facts": ("sochi_facts", 3,
                    {"met-in-sochi": ["rferl-2019-09-12", "sputnik-2019-09-12"],
                     "compatriots": ["rferl-2019-09-12"], "iran-attacks": ["rferl-2019-09-12"],
                     "snap-election": ["sputnik-2019-09-12"]},
                    {"met-in-sochi": [], "compatriots": ["sputnik-2019-09-12"],
                     "iran-attacks": ["sputnik-2019-09-12"], "snap-election": ["rferl-2019-09-12"]},
                    None, None),
}


def otter_check(var: str, right) -> str:
    """The otter doctest line that passes exactly for the right answer: a list answer is a
    set of choices (any order), a dict answer leaves out the keys answered with nothing."""
    if isinstance(right, list):
        return f"set({var}) == {{{', '.join(map(repr, sorted(right)))}}}"
    if isinstance(right, dict) and any(isinstance(v, list) for v in right.values()):
        given = {k: sorted(v) for k, v in right.items() if v}
        return f"{{k: sorted(v) for k, v in {var}.items() if v}} == {given!r}"
    return f"{var} == {right!r}"


def write_otter_tests(folder: Path) -> Path:
    """One otter test per question (OK format: one all-or-nothing case, the question's points),
    written from SIDE_QUESTIONS so the two graders cannot drift apart."""
    tests = folder / "tests"
    tests.mkdir()
    for n, (var, points, mk_right, _, nb_right, _) in enumerate(SIDE_QUESTIONS.values(), start=1):
        check = otter_check(var, nb_right if nb_right is not None else mk_right)
        case = {"code": f">>> {check}\nTrue", "hidden": False, "locked": False}
        test = {"name": f"q{n}", "points": points, "suites": [
            {"cases": [case], "scored": True, "setup": "", "teardown": "", "type": "doctest"}]}
        (tests / f"q{n}.py").write_text(f"OK_FORMAT = True\n\ntest = {test!r}\n", encoding="utf-8")
    return tests


def side_venv() -> Path:
    """The side-by-side venv's Python, made once from side_by_side/requirements.txt."""
    python = SIDE_VENV / "bin" / "python"
    if not (SIDE_VENV / "bin" / "otter").exists():
        progress("side by side: making benchmarks/.sidebyside-venv (once; a minute or two)")
        subprocess.run([sys.executable, "-m", "venv", str(SIDE_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(SIDE / "requirements.txt")],
                       check=True, capture_output=True)
        progress("")
    return python


def write_class(folder: Path, students: int) -> dict[str, float]:
    """Each student's answers twice: a mediakit answers file and a filled-in otter notebook.
    Returns the expected total per student (the points of the questions answered right)."""
    import nbformat

    template = nbformat.read(SIDE / "assignment.ipynb", as_version=4)
    (folder / "answers").mkdir()
    (folder / "notebooks").mkdir()
    rng = random.Random(SEED + 30)
    expected = {}
    for i in range(students):
        name = f"student{i:03d}"
        right = {ex: rng.random() < 0.7 for ex in SIDE_QUESTIONS}
        expected[name] = float(sum(q[1] for ex, q in SIDE_QUESTIONS.items() if right[ex]))
        answers = {ex: {"answer": q[2] if right[ex] else q[3], "attempts": 1,
                        "saved": "2026-01-01T10:00:00Z"} for ex, q in SIDE_QUESTIONS.items()}
        (folder / "answers" / f"{name}.json").write_text(json.dumps(
            {"format": "mediakit-answers/1", "student": {"name": f"Student {i}", "id": name},
             "answers": {"00_start_here": answers}}), encoding="utf-8")
        nb = nbformat.from_dict(template)
        values = {}
        for ex, (var, _, mk_right, mk_wrong, nb_right, nb_wrong) in SIDE_QUESTIONS.items():
            values[var] = (nb_right if nb_right is not None else mk_right) if right[ex] else \
                (nb_wrong if nb_wrong is not None else mk_wrong)
        for cell in nb.cells:
            var = cell.metadata.get("benchmark_answer")
            if var:
                cell.source = f"{var} = {values[var]!r}"
        nbformat.write(nb, folder / "notebooks" / f"{name}.ipynb")
    return expected


def bench_side_by_side(table: Table, students: int) -> None:
    import csv

    python = side_venv()
    otter = SIDE_VENV / "bin" / "otter"
    version = subprocess.run([str(python), "-c", "import otter; print(otter.__version__)"],
                             capture_output=True, text=True, check=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="mediakit-side-") as tmp:
        folder = Path(tmp)
        expected = write_class(folder, students)
        tests = write_otter_tests(folder)
        start = time.perf_counter()
        subprocess.run([str(otter), "generate", "-t", str(tests), "-o", "autograder.zip",
                        "--no-config", "--no-requirements", "--no-environment"],
                       cwd=folder, check=True, capture_output=True)
        generate = time.perf_counter() - start
        progress(f"side by side: otter-grader grading {students} notebooks")
        start = time.perf_counter()
        subprocess.run([str(python), str(SIDE / "grade_with_otter.py"), "autograder.zip", "notebooks",
                        "otter.json"], cwd=folder, check=True, capture_output=True)
        otter_seconds = time.perf_counter() - start
        progress("side by side: mediakit grade")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mediakit", "grade", "answers", "--key", str(KEY),
                        "--out", "grades.csv"], cwd=folder, check=True, capture_output=True)
        mediakit_seconds = time.perf_counter() - start
        progress("")
        otter_totals = {k: float(v["total"]) for k, v in
                        json.loads((folder / "otter.json").read_text(encoding="utf-8")).items()}
        with open(folder / "grades.csv", encoding="utf-8", newline="") as f:
            mediakit_totals = {Path(r["file"]).stem: float(r["total"]) for r in csv.DictReader(f)}
    agree = sum(otter_totals.get(k) == v == mediakit_totals.get(k) for k, v in expected.items())
    ratio = otter_seconds / mediakit_seconds
    table.add(f"side by side: grading {students} students, lesson 0's 5 auto-graded questions",
              f"otter-grader {version} (no Docker: otter.api.grade_submission, one process, a kernel "
              f"per notebook) {otter_seconds:.1f} s = {otter_seconds / students:.2f} s/student; "
              f"`mediakit grade` (CLI incl. start-up) {mediakit_seconds:.2f} s; otter/mediakit "
              f"x{ratio:.0f}; totals agree for {agree}/{students} students"
              + ("" if agree == students else " (GRADERS DISAGREE)")
              + f"; not counted: otter generate {generate:.1f} s", "-", None)


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


def bench_against(table: Table, ref: str, n: int, passes: int = 3) -> None:
    """This tree's analysis against a git ref's, article by article in one process.

    A shared machine's speed drifts (other tenants, throttling) by more than a speed-up
    worth having, so two separate runs cannot be compared; interleaving the two versions
    on each article makes them share the drift. The ref's `mediakit/` is extracted under
    another package name; it reads this tree's data files (`mediakit/data`), so the row
    compares code, not word lists."""
    folder = extract_ref(ref)
    if isinstance(folder, str):
        table.add(f"analysis vs {ref}", folder, "-", None)
        return
    try:
        (folder / "mediakit").rename(folder / "mediakit_ref")
        sys.path.insert(0, str(folder))
        versions = {"this tree": _analysis_of("mediakit"), ref: _analysis_of("mediakit_ref")}
        texts = [synthetic_text(i) for i in range(n)]
        for i, text in enumerate(texts[:20]):  # warm-up: lexicons, regexes, caches
            for analyse in versions.values():
                analyse(text, i)
        best = dict.fromkeys(versions, float("inf"))
        for _ in range(passes):
            spent = dict.fromkeys(versions, 0.0)
            for i, text in enumerate(texts):
                for name in (list(versions) if i % 2 else list(versions)[::-1]):
                    start = time.process_time()
                    versions[name](text, i)
                    spent[name] += time.process_time() - start
            best = {name: min(best[name], spent[name]) for name in versions}
    finally:
        if str(folder) in sys.path:
            sys.path.remove(str(folder))
        shutil.rmtree(folder, ignore_errors=True)
    size = sum(len(t.encode("utf-8")) for t in texts) / MB
    here, there = best["this tree"], best[ref]
    table.add(f"analysis vs {ref} (interleaved, one process)",
              f"x{there / here:.2f} the speed of {ref}: this tree {1000 * here / n:.1f} ms/article "
              f"({size / here:.2f} MB/s), {ref} {1000 * there / n:.1f} ms/article "
              f"({size / there:.2f} MB/s); {n} synthetic articles, best of {passes} passes", "-", None)


def extract_ref(ref: str) -> Path | str:
    """git REF's `mediakit/` in a new temporary folder (the caller removes it), or why not."""
    import tarfile

    done = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref, "mediakit"],
                          capture_output=True)
    if done.returncode != 0:
        return f"no such git ref here: {done.stderr.decode().strip()}"
    folder = Path(tempfile.mkdtemp(prefix="mediakit-ref-"))
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # 3.11.4+
        archive.extractall(folder, **safe)
    return folder


def _benchmark_module(name: str):
    """benchmarks/NAME.py, loaded by path (benchmarks/ is not a package)."""
    import importlib.util

    path = ROOT / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"mediakit_benchmarks_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_compiled(table: Table, n: int) -> None:
    """The compiled analysis against pure Python (benchmarks/compiled.py)."""
    name, measured = _benchmark_module("compiled").compiled_row(n, rounds=2, progress=progress)
    table.add(name, measured, "-", None)


def bench_instructions(table: Table, ref: str | None, n: int) -> None:
    """Instructions of the analysis, this tree against REF's (benchmarks/instructions.py)."""
    name = f"instructions vs {ref or 'a git ref'} (callgrind, {n} articles)"
    if not ref:
        table.add(name, "needs --against REF (e.g. --against main)", "-", None)
        return
    if shutil.which("valgrind") is None:
        table.add(name, "valgrind not found: install it (Debian/Ubuntu: apt install valgrind) to count",
                  "-", None)
        return
    folder = extract_ref(ref)
    if isinstance(folder, str):
        table.add(name, folder, "-", None)
        return
    try:
        table.add(name, _benchmark_module("instructions").instructions_row(ref, folder, n), "-", None)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _analysis_of(package: str):
    """Every analysis of one text with the `mediakit` code found under `package`."""
    import importlib

    analysis = importlib.import_module(f"{package}.analysis")
    corpus = importlib.import_module(f"{package}.corpus")
    finders = []
    for target in analysis.FINDERS.values():  # "mediakit.analysis.sourcing:find_sources"
        module, func = target.split(":")
        finders.append(getattr(importlib.import_module(package + module.removeprefix("mediakit")), func))
    readability = importlib.import_module(f"{package}.analysis.readability").readability

    def analyse(text: str, index: int) -> None:
        article = corpus.Article.from_text(text, id=f"synth-{index:06d}", outlet=f"Outlet {index % 7}")
        for find in finders:
            [f.to_record() for f in find(article)]
        readability(article)

    return analyse


def profile_analysis(n: int) -> str:
    from mediakit.analysis import analyze
    from mediakit.batch import warm_up

    warm_up()
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
    parser.add_argument("--jobs", type=int, default=None,
                        help="worker processes (default: every core, as mediakit.batch does)")
    parser.add_argument("--binder-venv", help="measure this venv's installed size")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile the 1k-article analysis, print the top 25 functions")
    parser.add_argument("--side-by-side", action="store_true",
                        help="also grade a class with otter-grader (in benchmarks/.sidebyside-venv, "
                        "made on first use) and with mediakit, and report the ratio")
    parser.add_argument("--students", type=int, default=30, help="class size for --side-by-side")
    parser.add_argument("--budget", type=float, metavar="SECONDS",
                        help="stop each throughput size after this long and report how far it got")
    parser.add_argument("--against", metavar="REF",
                        help="also time this tree's analysis against git REF's (e.g. main, HEAD~3), "
                        "interleaved in one process: a ratio that holds on a busy machine; with "
                        "--only instructions, count both versions' instructions with valgrind instead")
    parser.add_argument("--only", help=f"run only these groups (comma-separated): {', '.join(GROUPS)}")
    parser.add_argument("--python", metavar="PATH",
                        help="run under this other CPython of the same version (e.g. a distribution's "
                        "optimised build), with this environment's packages and compiled analysis")
    args = parser.parse_args(argv)
    if args.only:
        unknown = set(args.only.split(",")) - set(GROUPS)
        if unknown:
            parser.error(f"unknown --only group(s) {', '.join(sorted(unknown))}; choose from "
                         f"{', '.join(GROUPS)}")
    return args


GROUPS = ("import", "builtin", "throughput", "compare", "grading", "lessons", "size", "pathological",
          "side-by-side", "against", "compiled", "instructions")
# they install a venv of their own, or need valgrind and minutes: only when asked for
OPT_IN = {"side-by-side", "compiled", "instructions"}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.python:
        return run_under(args.python, sys.argv[1:] if argv is None else argv)
    quick = args.quick
    sizes = ([int(s.replace("_", "")) for s in args.sizes.split(",")] if args.sizes
             else [50, 100] if quick else [1000, 10000])
    from mediakit.batch import default_jobs

    jobs = max(1, args.jobs or default_jobs())
    lessons = sorted(NOTEBOOKS.glob("*.ipynb"))[:1] if quick else sorted(NOTEBOOKS.glob("*.ipynb"))
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    started = time.perf_counter()
    table = Table()
    only = set(args.only.split(",")) if args.only else set(GROUPS) - OPT_IN
    if args.side_by_side:
        only.add("side-by-side")
    if not args.against:
        only.discard("against")  # nothing to compare with
    elif "instructions" not in only:  # (`--only instructions --against REF` counts instructions only)
        only.add("against")
    if "import" in only:
        bench_import(table, runs=3 if quick else 5)
    if "builtin" in only:
        bench_builtin(table, runs=3 if quick else 5)
    if "against" in only:
        bench_against(table, args.against, 30 if quick else 300)
    if "compiled" in only:
        bench_compiled(table, 30 if quick else 300)
    if "instructions" in only:
        bench_instructions(table, args.against, 10 if quick else 60)
    if "throughput" in only:
        bench_throughput(table, sizes, jobs, args.budget)
    if "compare" in only:
        bench_compare(table, 10 if quick else 100)
    if "grading" in only:
        bench_grading(table, [50] if quick else [1000, 10000])
    if "side-by-side" in only:
        bench_side_by_side(table, args.students)
    if "lessons" in only:
        bench_lessons(table, lessons)
    if "size" in only:
        bench_size(table, args.binder_venv)
    if "pathological" in only and quick:
        bench_pathological(table, megabytes=0.5, marks=10_000, bound=60)
    elif "pathological" in only:
        bench_pathological(table, megabytes=10, marks=100_000, bound=300)
    end_load = os.getloadavg() if load else None
    print(f"mediakit benchmark{' (--quick: smoke test, not a measurement)' if quick else ''}")
    from mediakit.analysis import compiled

    build = "compiled (mypyc)" if compiled.in_use() else "pure Python (no current compiled build)"
    print(f"python {sys.version.split()[0]} ({sys.executable}), {os.cpu_count()} CPUs, --jobs {jobs}, "
          f"analysis {build}; "
          f"load average (1/5/15 min) at start {fmt_load(load)}, at end {fmt_load(end_load)}; "
          f"total {time.perf_counter() - started:.0f} s")
    print(table.render())
    misses = sum(r[3] == "MISS" for r in table.rows)
    print(f"{misses} MISS of {sum(r[3] in ('PASS', 'MISS') for r in table.rows)} rows with a target")
    if args.profile:
        print()
        print(profile_analysis(50 if quick else 1000))
    return 0


def run_under(python: str, argv: list[str]) -> int:
    """The same benchmark under another interpreter of this Python version. The speed of the
    analysis depends on how CPython itself was built: a build made with profile-guided and
    link-time optimisation (as distributions and conda-forge ship it) runs the same code
    faster than one made with a plain `./configure` (pyenv's default)."""
    import sysconfig

    try:
        version = subprocess.run([python, "-c", "import sys; print(sys.version_info[:2])"],
                                 capture_output=True, text=True, timeout=60)
    except OSError as err:
        version = subprocess.CompletedProcess([python], 1, "", err.strerror or str(err))
    if version.returncode or version.stdout.strip() != str(sys.version_info[:2]):
        print(f"--python {python}: not a Python {sys.version_info[0]}.{sys.version_info[1]} "
              f"({(version.stdout or version.stderr).strip() or 'it did not start'}); the packages "
              "and the compiled analysis of this environment only load in the same version",
              file=sys.stderr)
        return 2
    rest = [a for i, a in enumerate(argv) if a != "--python" and not a.startswith("--python=")
            and (i == 0 or argv[i - 1] != "--python")]
    paths = [str(ROOT), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}
    return subprocess.run([python, str(Path(__file__).resolve()), *rest], env=env).returncode


def fmt_load(load) -> str:
    return "/".join(f"{x:.2f}" for x in load) if load else "n/a"


if __name__ == "__main__":
    sys.exit(main())
