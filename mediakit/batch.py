"""Analyse a whole corpus on every core, with a progress bar.

Each article's analysis is a pure function of the article, so articles are independent: a
process pool analyses them in chunks (one task per chunk keeps pickling small next to the
work) and the records come back in input order. At most a few chunks per worker are in
flight, so a generator of 100,000 articles never sits in memory at once. A broken article
never stops the run: its error becomes a `Problem` naming the file, and the rest go on.

    from mediakit.batch import analyze_corpus
    result = analyze_corpus(load_folder("my_articles"))   # all cores, a progress bar
    result.records, result.problems
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .problems import Problem

SMALL_RUN = 16  # with jobs=None, fewer articles than this run in-process: workers cost more
MAX_CHUNK = 64  # articles per task; small enough that the bar moves and the cores stay even
CHUNKS_PER_JOB = 8  # aim for this many chunks per worker, so a slow chunk does not idle a core
AHEAD = 4  # chunks in flight per worker: enough to keep workers busy, little memory


@dataclass(frozen=True)
class Outcome:
    """One article's result, in input order: its record, or the problem that stopped it."""

    index: int
    id: str
    record: dict | None = None
    problem: Problem | None = None


@dataclass
class CorpusAnalysis:
    """Every record that was made (input order) and every problem met on the way."""

    records: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def default_jobs() -> int:
    """The cores this process may use (a container's limit, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def analyze_corpus(articles, *, jobs: int | None = None, progress: bool = True,
                   chunksize: int | None = None) -> CorpusAnalysis:
    """Analyse every article (an iterable of `Article`s or a `CorpusLoad`) on `jobs` cores.

    jobs=None uses every core (in-process for fewer than SMALL_RUN articles); jobs=1 runs
    in this process with no pool. Records keep the input order; a `CorpusLoad`'s own
    loading problems come first in `problems`."""
    result = CorpusAnalysis(problems=list(getattr(articles, "problems", [])))
    for outcome in iter_analyze(articles, jobs=jobs, progress=progress, chunksize=chunksize):
        if outcome.problem is not None:
            result.problems.append(outcome.problem)
        else:
            result.records.append(outcome.record)
    return result


def iter_analyze(articles, *, jobs: int | None = None, progress: bool = True,
                 total: int | None = None, chunksize: int | None = None) -> Iterator[Outcome]:
    """Yield one `Outcome` per article, in input order, as soon as it (and those before) are done.

    `total` sizes the progress bar when `articles` is a generator. The bar is tqdm.auto on
    stderr: a widget in a notebook, a text bar in a terminal; progress=False hides it."""
    if hasattr(articles, "articles") and hasattr(articles, "problems"):  # a CorpusLoad
        articles = articles.articles
    if total is None and hasattr(articles, "__len__"):
        total = len(articles)
    jobs = resolve_jobs(jobs, total)
    if chunksize is None:
        chunksize = _chunksize(total, jobs)
    elif chunksize < 1:
        raise ValueError(f"chunksize must be 1 or more, not {chunksize}")
    return _outcomes(articles, jobs, chunksize, total, progress)  # bad arguments raise now


def _outcomes(articles, jobs: int, chunksize: int, total: int | None, progress: bool):
    bar = _bar(total, progress)
    try:
        results = _in_process(articles) if jobs == 1 else _in_pool(articles, jobs, chunksize)
        for index, (article_id, record, problem) in enumerate(results):
            yield Outcome(index, article_id, record, problem)
            bar.update(1)
    finally:
        bar.close()


def resolve_jobs(jobs: int | None, total: int | None = None) -> int:
    """Worker count: the given number, or every core (one for a small run)."""
    if jobs is None:
        return 1 if total is not None and total < SMALL_RUN else default_jobs()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of 1 or more, not {jobs!r}")
    return jobs


def _chunksize(total: int | None, jobs: int) -> int:
    if total is None:
        return MAX_CHUNK // 4
    return max(1, min(MAX_CHUNK, -(-total // (jobs * CHUNKS_PER_JOB))))


def _bar(total: int | None, progress: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="analysing", unit=" articles", file=sys.stderr, mininterval=0.5,
                dynamic_ncols=True, disable=not progress)  # disabled: writes nothing, counts nothing


# --- the work (module level, so worker processes can unpickle it) ---------------------------
def analyze_one(article) -> tuple[str, dict | None, Problem | None]:
    """(id, record, None), or (id, None, problem) if the analysis raised: never raises itself."""
    from .analysis import analyze

    try:
        return article.id, analyze(article), None
    except Exception as err:  # one article's bug must not stop a corpus run
        return getattr(article, "id", "?"), None, _problem(article, err)


def _problem(article, err: Exception) -> Problem:
    path = getattr(article, "path", None)
    where = Path(path).name if path else f"article {getattr(article, 'id', repr(article)[:60])}"
    detail = " ".join(str(err).split())[:200]
    return Problem(where, None,
                   f"the analysis stopped with an error ({type(err).__name__}: {detail}); the other "
                   "articles were analysed",
                   "run `mediakit analyze` on this file alone to see the error, and report it to the "
                   "kit's maintainers with the file")


def _analyze_chunk(chunk: list) -> list[tuple[str, dict | None, Problem | None]]:
    return [analyze_one(article) for article in chunk]


def warm_up() -> None:
    """Load the word lists and compile the patterns once (the first analysis pays ~2 s)."""
    from .corpus import Article

    analyze_one(Article.from_text('A warm-up: "a quotation," she said.', id="warm-up"))


def _worker_init(warm: bool) -> None:
    # Ctrl+C goes to the whole process group: only the parent should stop (it cancels the rest)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if warm:
        warm_up()


def _in_process(articles: Iterable) -> Iterator[tuple]:
    for article in articles:
        yield analyze_one(article)


def _chunks(articles: Iterable, size: int) -> Iterator[list]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def _in_pool(articles: Iterable, jobs: int, chunksize: int) -> Iterator[tuple]:
    chunks = _chunks(articles, chunksize)
    forked = multiprocessing.get_start_method() == "fork"
    if forked:
        warm_up()  # once here, and every forked worker starts warm
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(not forked,))
    try:
        pending = deque(pool.submit(_analyze_chunk, c) for c in islice(chunks, jobs * AHEAD))
        while pending:
            done = pending.popleft().result()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(pool.submit(_analyze_chunk, nxt))
            yield from done
    except BrokenProcessPool as err:
        raise RuntimeError("a worker process died (out of memory, or killed?) and the run stopped; "
                           "run again with jobs=1 (--jobs 1) to find the article") from err
    finally:  # also when the caller stops early or presses Ctrl+C: drop the queued chunks
        pool.shutdown(wait=True, cancel_futures=True)
