"""Corpus-scale analysis: same records as one-by-one, input order, all cores, bad articles reported."""

from __future__ import annotations

import json
import re
from itertools import islice

import pytest

from mediakit import batch, cli
from mediakit.analysis import analyze
from mediakit.batch import analyze_corpus, iter_analyze
from mediakit.corpus import Article, load_folder

BUILTIN = load_folder().articles


def small_articles(n: int) -> list[Article]:
    """n short articles made of the built-in paragraphs, each different (rotated)."""
    paragraphs = [p for a in BUILTIN for p in a.text.split("\n\n") if p.strip()]
    return [Article.from_text("\n\n".join(paragraphs[(i * 3 + k) % len(paragraphs)] for k in range(3)),
                              id=f"small-{i:03d}", outlet=f"Outlet {i % 3}") for i in range(n)]


def broken_article() -> Article:
    # a bug stand-in: text that is not a string makes the analysis raise (from_text would refuse it)
    return Article(id="broken", text=None, outlet="X", path="/somewhere/broken-file.txt")


@pytest.fixture(scope="module")
def serial_records():
    articles = [*BUILTIN, *small_articles(12)]
    return articles, [analyze(a) for a in articles]


def test_in_process_gives_the_same_records_as_analyze_in_input_order(serial_records, capsys):
    articles, expected = serial_records
    result = analyze_corpus(articles, jobs=1, progress=False)
    assert result.ok and result.records == expected
    assert capsys.readouterr().err == ""  # progress=False: no bar


def test_two_workers_give_the_same_records_in_input_order(serial_records):
    articles, expected = serial_records
    outcomes = list(iter_analyze(articles, jobs=2, progress=False, chunksize=2))
    assert [o.index for o in outcomes] == list(range(len(articles)))
    assert [o.id for o in outcomes] == [a.id for a in articles]
    assert [o.record for o in outcomes] == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_broken_article_is_reported_by_file_and_the_rest_are_analysed(jobs):
    articles = small_articles(4)
    result = analyze_corpus([articles[0], articles[1], broken_article(), articles[2], articles[3]],
                            jobs=jobs, progress=False, chunksize=2)
    assert [r["id"] for r in result.records] == [a.id for a in articles]
    (problem,) = result.problems
    assert problem.file == "broken-file.txt"
    assert re.search(r"the analysis stopped with an error \(\w+Error: ", problem.message)
    assert "other articles were analysed" in problem.message and "mediakit analyze" in problem.fix


def test_a_corpus_load_keeps_its_loading_problems(tmp_path):
    (tmp_path / "good.txt").write_text("---\noutlet: Example Times\n---\nThe mayor said \"no\".\n",
                                       encoding="utf-8")
    (tmp_path / "bad.txt").write_text("---\noutlet: X\ngenre: gossip\n---\nWords.\n", encoding="utf-8")
    result = analyze_corpus(load_folder(tmp_path), jobs=1, progress=False)
    assert [r["id"] for r in result.records] == ["good"]
    assert [p.file for p in result.problems] == ["bad.txt"]


def test_the_progress_bar_counts_articles_on_stderr(capsys):
    analyze_corpus(small_articles(3), jobs=1, progress=True)
    captured = capsys.readouterr()
    assert "3/3" in captured.err and "analysing" in captured.err
    assert captured.out == ""


def test_a_generator_is_read_a_few_chunks_ahead_not_all_at_once():
    pulled = 0

    def articles():
        nonlocal pulled
        for article in small_articles(200):
            pulled += 1
            yield article

    outcomes = iter_analyze(articles(), jobs=2, progress=False, total=200, chunksize=2)
    first = list(islice(outcomes, 3))
    outcomes.close()  # stops the pool, drops queued chunks
    assert [o.id for o in first] == ["small-000", "small-001", "small-002"]
    assert pulled <= (2 * batch.AHEAD + 2) * 2 < 200


def test_jobs_default_to_every_core_but_small_runs_stay_in_process():
    assert batch.resolve_jobs(None) == batch.default_jobs() >= 1
    assert batch.resolve_jobs(None, total=batch.SMALL_RUN - 1) == 1
    assert batch.resolve_jobs(3, total=2) == 3
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="jobs must be"):
            batch.resolve_jobs(bad)
    with pytest.raises(ValueError, match="jobs must be"):
        iter_analyze(BUILTIN, jobs=0)  # at the call, not at the first next()


def test_cli_analyzes_a_whole_folder_on_two_workers(tmp_path, capsys):
    articles = small_articles(5)
    for article in articles:
        (tmp_path / f"{article.id}.txt").write_text(
            f"---\nid: {article.id}\noutlet: {article.outlet}\n---\n{article.text}", encoding="utf-8")
    (tmp_path / "broken.txt").write_text("---\noutlet: X\ngenre: gossip\n---\nWords.\n", encoding="utf-8")
    status = cli.main(["analyze", "--corpus", str(tmp_path), "--jobs", "2", "--format", "json"])
    out, err = capsys.readouterr()
    assert status == 1  # one file did not load
    assert "broken.txt" in err and "'genre'" in err
    records = json.loads(out)
    assert [r["id"] for r in records] == [a.id for a in articles]
    assert records == [analyze(load_folder(tmp_path).get(a.id)) for a in articles]


def test_cli_refuses_a_bad_job_count_and_a_missing_corpus(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["analyze", "--jobs", "0", "gr-2020-01-24"])
    assert stop.value.code == 2 and "1 or more" in capsys.readouterr().err
    assert cli.main(["analyze"]) == 2
    assert "--corpus FOLDER" in capsys.readouterr().err
