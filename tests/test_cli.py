"""The `mediakit` command, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mediakit.findings import LABEL_KEYS

ROOT = Path(__file__).resolve().parents[1]
CONTRACT_KEYS = {"id", "outlet", "sources", "quote_marks", "loaded", "readability"}
RECORD_KEYS = {
    "sources": {"start", "end", "text", "speaker", "type", "side", "form", "reason"},
    "quote_marks": {"start", "end", "text", "use", "reason"},
    "loaded": {"start", "end", "text", "kind", "reason"},
}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mediakit", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_console_script_is_installed():
    script = Path(sys.executable).with_name("mediakit")
    result = subprocess.run([str(script), "corpus"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "sputnik-2019-09-12" in result.stdout


def test_corpus_lists_the_builtin_articles():
    result = run("corpus")
    assert result.returncode == 0
    for article_id in ("gr-2020-01-24", "jpost-2018-12-17", "rferl-2018-01-29",
                       "rferl-2019-09-12", "sputnik-2019-09-12"):
        assert article_id in result.stdout
    assert "Global Research" in result.stdout and "opinion" in result.stdout


def test_check_names_the_broken_file_and_fails(tmp_path):
    (tmp_path / "good.txt").write_text("---\noutlet: Example Times\n---\nWords.\n", encoding="utf-8")
    (tmp_path / "broken.txt").write_text("---\noutlet: X\ngenre: gossip\n---\nWords.\n",
                                         encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    assert "broken.txt" in result.stderr and "'genre'" in result.stderr and "Fix:" in result.stderr
    assert "good.txt" not in result.stderr
    assert "1 articles loaded fine" in result.stdout.replace("article ", "articles ")


def test_check_reads_fact_checklists_as_checklists(tmp_path):
    shipped = ROOT / "mediakit" / "data" / "checklists"
    result = run("check", str(shipped))
    assert result.returncode == 0 and "2 fact checklists" in result.stdout, result.stderr
    text = (shipped / "sochi-2019-09-12.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "new-event.yaml"
    bad.write_text(text.replace('"the two met in', '"the two flew to', 1), encoding="utf-8")
    result = run("check", str(bad))
    assert result.returncode == 1
    assert "new-event.yaml" in result.stderr and "is not in the article" in result.stderr
    assert "Fix:" in result.stderr


def test_check_passes_a_good_folder(tmp_path):
    (tmp_path / "good.txt").write_text("Just text.\n", encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.returncode == 0 and "OK" in result.stdout


def test_analyze_json_prints_the_contract(corpus):
    result = run("analyze", "gr-2020-01-24", "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert set(record) == CONTRACT_KEYS
    assert record["id"] == "gr-2020-01-24" and record["outlet"] == "Global Research"
    text = corpus["gr-2020-01-24"].text
    for name, keys in RECORD_KEYS.items():
        assert isinstance(record[name], list)
        for item in record[name]:
            assert set(item) == keys, (name, item)
            assert text[item["start"]:item["end"]] == item["text"]
            assert item["reason"].strip() and item[LABEL_KEYS[name]]
    assert record["readability"]["words"] > 1000 and record["readability"]["grade"] > 0


def test_analyze_a_file_and_an_unknown_id(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("The mayor said the bridge will open in May.\n", encoding="utf-8")
    result = run("analyze", str(path), "no-such-id", "--format", "json")
    assert result.returncode == 1
    records = json.loads(result.stdout)
    assert [r["id"] for r in records] == ["mine"] and records[0]["outlet"] == "unknown"
    assert "no-such-id" in result.stderr and "Fix:" in result.stderr


def test_analyze_table_explains_each_finding():
    result = run("analyze", "rferl-2019-09-12")
    assert result.returncode == 0, result.stderr
    assert "== rferl-2019-09-12 (RFE/RL)" in result.stdout and "readability:" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_compare_two_articles(fmt, corpus):
    result = run("compare", "rferl-2019-09-12", "sputnik-2019-09-12", "--format", fmt)
    assert result.returncode == 0, result.stderr
    if fmt == "table":
        assert "rferl-2019-09-12" in result.stdout
        return
    data = json.loads(result.stdout)
    assert data["articles"] == ["rferl-2019-09-12", "sputnik-2019-09-12"]
    assert set(data["only_in"]) == set(data["articles"]) and isinstance(data["shared"], list)
    for article_id, claims in data["only_in"].items():
        assert claims, f"{article_id} reports facts the other leaves out"
        for claim in claims:
            assert corpus[article_id].text[claim["start"]:claim["end"]] == claim["text"]
            match = claim["best_match"]
            if match is not None:
                assert corpus[match["id"]].text[match["start"]:match["end"]] == match["text"]


def test_help_lists_every_verb():
    result = run("--help")
    for verb in ("corpus", "check", "analyze", "compare", "release", "grade"):
        assert verb in result.stdout
    assert os.EX_OK == result.returncode
