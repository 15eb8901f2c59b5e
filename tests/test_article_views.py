"""The article input box and the one-call report of lesson 4, on any article."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import mediakit as mk
from mediakit.corpus.user_input import article_from_text
from mediakit.views import article_report as report
from mediakit.views.article_input import FILE, PASTE, URL, ArticleInput

STORY = (
    "The city council voted 7-2 on Tuesday to close two branch libraries to save money. "
    "\u201cWe simply cannot afford to keep every building open,\u201d Mayor Linda Park told reporters. "
    "She said the savings, about $1.2 million a year, would pay for longer hours at the main library. "
    "A city official, who asked not to be named, said more closures were likely next year.")
OTHER = (
    "Two branch libraries will close after a council vote on Tuesday, the third closure plan in "
    "five years. Parents said the branches were the only quiet place for children to study. "
    "The mayor said the city would save about $2 million a year. Friends of the Library called "
    "the vote a betrayal and promised a petition.")
EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def upload(box: ArticleInput, name: str, data: bytes) -> None:
    box.upload.value = ({"name": name, "type": "", "size": len(data), "content": memoryview(data),
                         "last_modified": dt.datetime.now(dt.UTC)},)
    box.tabs.selected_index = FILE


def test_box_gives_no_article_until_load_so_run_all_uses_the_example():
    box = ArticleInput("your article")
    example = mk.load_article("rferl-2019-09-12")
    assert box.article is None and (box.article or example) is example
    assert "example" in box.status.value


def test_paste_load_with_title_and_outlet():
    box = ArticleInput()
    box.text.value = STORY
    box.title.value, box.outlet.value = "Libraries close", "Town Crier"
    box.button.click()
    assert box.article.text == STORY
    assert (box.article.title, box.article.outlet) == ("Libraries close", "Town Crier")
    assert "Loaded" in box.status.value and "run the cells below again" in box.status.value
    first, second = ArticleInput("your article"), ArticleInput("the second report")
    for one in (first, second):
        one.text.value = STORY
        one.load()
    assert (first.article.id, second.article.id) == ("your-article", "the-second-report")


def test_failed_load_shows_the_problem_escaped_and_keeps_the_last_article():
    box = ArticleInput()
    box.text.value = "Too short " + EVIL
    assert box.load() is None and box.article is None
    assert "Not loaded" in box.status.value and "What to do" in box.status.value
    box.text.value = STORY
    first = box.load()
    box.tabs.selected_index = URL
    box.url.value = "javascript:" + EVIL
    assert box.load() is None and box.article is first
    assert "still uses" in box.status.value
    assert "<script" not in box.status.value and "<img" not in box.status.value


def test_upload_tab_reads_txt_and_html_and_refuses_others(tmp_path):
    box = ArticleInput()
    box.tabs.selected_index = FILE
    assert box.load() is None and "no file is chosen" in box.status.value.lower()
    upload(box, "story.txt", STORY.encode("utf-8"))
    assert box.load().text == STORY
    page = f"<html><head><title>{EVIL}</title></head><body><article>" + "".join(
        f"<p>{s}.</p>" for s in (STORY + " " + OTHER).split(". ")) + "</article></body></html>"
    upload(box, "saved.html", page.encode("utf-8"))
    article = box.load()
    assert "Mayor Linda Park" in article.text and "<script" not in box.status.value
    upload(box, "story.docx", b"PK\x03\x04")
    assert box.load() is None and ".txt" in box.status.value
    box.tabs.selected_index = PASTE


def test_report_parts_on_a_new_article():
    article = article_from_text(STORY, title="Libraries close", outlet="Town Crier")
    summary = report.sourcing_summary(article).set_index("what")["count"]
    assert summary["direct quotes"] == 1 and summary["anonymous sources"] == 1
    speakers = report.who_speaks(article)
    assert speakers.iloc[0]["speaker"] == "Linda Park" and speakers.iloc[0]["total"] == 2
    assert list(speakers.columns) == ["speaker", "type", "quotes", "reported", "documents", "credits",
                                      "total"]
    wording = report.wording_summary(article)
    assert set(wording["what"]) == {"quotation marks", "loaded wording"}
    assert wording.loc[wording["label"] == "speech", "count"].item() == 1
    level = report.reading_level(article).set_index("figure")["value"]
    assert level["words"] == article.words and level["grade"] > 0
    overview = report.reading_overview(article)
    assert len(overview) == 6 and article.id in set(overview["id"])


def test_who_speaks_on_a_text_without_sources():
    article = article_from_text("The river rose two metres overnight and flooded the low streets. " * 3)
    assert report.who_speaks(article).empty


def test_two_pasted_texts_get_distinct_ids_for_the_comparison():
    first, second = article_from_text(STORY), article_from_text(OTHER)
    assert first.id == second.id == "my-article"
    pair = report.distinct([first, second])
    assert [a.id for a in pair] == ["my-article", "my-article-2"] and pair[1].text == OTHER
    gaps = report.gaps_table(first, second)
    assert set(gaps["article"]) <= {"my-article", "my-article-2"} and len(gaps) > 0
    assert {"only_in", "text", "best_match", "score", "reason"} <= set(gaps.columns)
    clashes = report.clashes_table(first, second)
    assert isinstance(clashes, pd.DataFrame)
    with pytest.raises(ValueError, match="same text"):
        report.gaps_table(first, first)


def test_show_report_on_a_hostile_article_escapes_everything(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    article = article_from_text(STORY + " \u201c" + EVIL + "\u201d, he said.", title=EVIL, outlet=EVIL)
    report.show_report(article, article_from_text(OTHER, outlet="Daily Post"))
    html = "\n".join(getattr(obj, "data", "") for obj in shown if isinstance(getattr(obj, "data", ""), str))
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "<script" not in html and "<img" not in html
    kinds = {type(obj).__name__ for obj in shown}
    assert {"HTML", "DataFrame", "Chart"} <= kinds


def test_lesson4_shows_every_exercise_once_and_runs_without_a_click():
    import re
    from pathlib import Path

    import nbformat
    import yaml

    root = Path(__file__).resolve().parent.parent
    nb = nbformat.read(root / "notebooks" / "04_your_own_article.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    shown = re.findall(r'lesson\.show\("([^"]+)"\)', code)
    key = yaml.safe_load((root / "instructor" / "exercises" / "04_your_own_article.yaml").read_text())
    assert sorted(shown) == sorted(e["id"] for e in key["exercises"])
    assert "box.article or " in code and "second_box.article or " in code  # examples without a click


def test_wording_views_take_the_findings_found_once(monkeypatch):
    article = article_from_text(STORY, title="Libraries close", outlet="Town Crier")
    found = report.wording_findings(article)
    assert found and {f.analysis for f in found} <= {"quote_marks", "loaded"}
    pd.testing.assert_frame_equal(report.wording_summary(article, findings=found),
                                  report.wording_summary(article))
    runs = []  # the finders, wherever they are called from (tables import them by name)
    for module, name in [("mediakit.analysis.quote_marks", "find_quote_marks"),
                         ("mediakit.analysis.loaded", "find_loaded"),
                         ("mediakit.tables.wording", "find_quote_marks"),
                         ("mediakit.tables.wording", "find_loaded")]:
        real = getattr(__import__(module, fromlist=[name]), name)
        monkeypatch.setattr(f"{module}.{name}", lambda a, real=real, name=name: (
            runs.append(name) if a is article else None) or real(a))
    monkeypatch.setattr("IPython.display.display", lambda obj: None)
    report.show_report(article)
    assert sorted(runs) == ["find_loaded", "find_quote_marks"], runs  # once each, for both views
