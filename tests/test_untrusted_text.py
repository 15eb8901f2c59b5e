"""Untrusted text is shown, never run: article text and metadata, exercise files, student
answers and chart data all reach HTML, CSV and chart specs as plain text.

(tests/test_highlight.py and test_exercises_widgets.py cover the article body in the view and
the prompt/hint/tag items of one exercise; this file covers the other ways in.)
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from mediakit.analysis import run
from mediakit.corpus import Article
from mediakit.exercises import Lesson
from mediakit.exercises.grade import fieldnames, grade, load_key, short_answers, write_csv
from mediakit.views.highlight import highlight_html

ATTACKS = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
           '<a href="javascript:alert(3)">x</a>', "\"'><svg onload=alert(4)>"]
EVIL = " ".join(ATTACKS)


class Tags(HTMLParser):
    """Every tag and attribute, and the text a reader would see."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def assert_inert(markup: str, must_show: str | None = None) -> Tags:
    """No tag, event handler or javascript: link came from the attack strings."""
    parsed = Tags()
    parsed.feed(markup)
    parsed.close()
    names = {t for t, _ in parsed.tags}
    assert not names & {"script", "img", "svg", "iframe", "object"}, names
    for tag, attrs in parsed.tags:
        assert not any(a.lower().startswith("on") for a in attrs), (tag, attrs)
        assert "javascript:" not in json.dumps(attrs), (tag, attrs)
    if must_show is not None:  # the words are still there, as text
        assert must_show in "".join(parsed.text)
    return parsed


# --- the highlighted view: title, outlet, labels and legend text ---------------------------

def test_view_escapes_title_labels_and_legend():
    text = f'Officials said the "{ATTACKS[0]}" plan was a so-called "reform" {ATTACKS[3]}.'
    art = Article(id="evil", text=text, outlet=EVIL, title=ATTACKS[1] + " headline")
    found = run("quote_marks", art) + run("loaded", art)
    assert found
    page = highlight_html(art, found, explain={"scare": ATTACKS[2], "label": ATTACKS[3]})
    parsed = assert_inert(page, must_show=ATTACKS[1] + " headline")
    assert ATTACKS[0] in "".join(parsed.text)
    page = highlight_html(text, found, title=EVIL)
    assert_inert(page, must_show=ATTACKS[3])


# --- exercise widgets: options, explanations, checklist, short answers, progress ----------

LESSON = textwrap.dedent("""
    lesson: evil
    exercises:
      - id: pick
        type: single_choice
        prompt: "Pick <b>one</b>"
        article: gr-2020-01-24
        span: "it's important to share"
        options:
          - {id: a, text: "EVIL", correct: true, explanation: "EVIL"}
          - {id: b, text: "plain", explanation: "EVIL"}
        explanation: "EVIL"
      - id: many
        type: multiple_choice
        prompt: "EVIL"
        article: none
        options:
          - {id: a, text: "EVIL", correct: true, explanation: "EVIL"}
          - {id: b, text: "x", explanation: "EVIL"}
      - id: write
        type: short_answer
        prompt: "EVIL"
        article: none
        min_words: 2
        rubric: ["EVIL"]
        model_answer: "EVIL"
      - id: grid
        type: checklist
        prompt: "EVIL"
        article: none
        outlets: [rferl-2019-09-12, sputnik-2019-09-12]
        facts:
          - id: f1
            text: "EVIL"
            reported: {rferl-2019-09-12: "Putin"}
            explanation: "EVIL"
""").replace("EVIL", EVIL.replace("\\", "\\\\").replace('"', '\\"'))


@pytest.fixture
def evil_lesson(tmp_path):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "evil.yaml").write_text(LESSON, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every exercise of the file is valid
        return Lesson("evil", exercises=folder, answers=tmp_path / "answers.json")


def test_choice_options_and_explanations_are_text(evil_lesson):
    box = evil_lesson.show("pick")
    assert EVIL in box.choice.options[0][0]  # a radio label is text, not HTML
    box.choice.value = "b"
    box.check()
    box.choice.value = "a"
    box.check()
    box.hint_button.click()
    for html_value in (box.prompt.value, box.feedback.value, box.hint.value, box.status.value):
        assert_inert(html_value)
    assert "&lt;script&gt;" in box.feedback.value  # the explanation, escaped
    many = evil_lesson.show("many")
    assert all(not cb.description_allow_html for cb in many.boxes.values())
    many.boxes["a"].value = many.boxes["b"].value = True
    many.check()
    assert_inert(many.prompt.value + many.feedback.value)


def test_checklist_facts_and_short_answers_are_text(evil_lesson):
    grid = evil_lesson.show("grid")
    cells = [c for c in grid.controls.children if hasattr(c, "description")]
    assert cells and all(not c.description_allow_html for c in cells)
    html_cells = [c.value for c in grid.controls.children if hasattr(c, "value")
                  and isinstance(c.value, str)]
    for value in html_cells:
        assert_inert(value.split("</style>")[-1])
    grid.check()
    assert_inert(grid.feedback.value)
    short = evil_lesson.show("write")
    short.text.value = EVIL + " is my answer"
    short.check()
    assert_inert(short.prompt.value + short.feedback.value + short.status.value)
    again = evil_lesson.show("write")  # restored after a restart: still text
    assert again.text.value == EVIL + " is my answer"
    assert_inert(again.status.value + again.feedback.value)


def test_tampered_answers_file_shows_as_text(evil_lesson):
    """A student (or anyone) editing the answers file cannot put markup in the notebook."""
    evil_lesson.show("write").text.value = "first answer here"
    data = json.loads(evil_lesson.store.path.read_text())
    data["answers"]["evil"]["write"].update(attempts=ATTACKS[1], saved=ATTACKS[0])
    data["answers"]["evil"]["pick"] = {"answer": ATTACKS[3], "attempts": 1}
    data["student"] = {"name": ATTACKS[1], "id": ATTACKS[2]}
    evil_lesson.store.path.write_text(json.dumps(data))
    progress = evil_lesson.progress().value
    assert_inert(progress, must_show=ATTACKS[1])  # attempts was shown raw before: fixed
    restored = evil_lesson.show("write")
    assert_inert(restored.status.value, must_show=ATTACKS[0])
    pick = evil_lesson.show("pick")  # an answer that is no option: a problem, escaped
    assert_inert(pick.status.value)
    panel = evil_lesson.student()
    assert panel.name.value == ATTACKS[1]  # a Text widget holds text
    assert_inert(panel.where.value + panel.download.value + panel.status.value)


# --- grades CSV: formulas neutralised in every cell a student controls ---------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_grade_csv_neutralises_formulas_in_names_ids_files_and_texts(tmp_path):
    key = load_key("instructor/exercises/00_start_here.yaml")
    lesson = key.lessons[0].lesson
    short = next(ex.id for ex in key.lessons[0].exercises if not ex.auto_scored)
    files = []
    for n, formula in enumerate(FORMULAS):
        path = tmp_path / f"{formula.strip()[:6].replace('/', '_')}{n}.json"
        path.write_text(json.dumps({
            "format": "mediakit-answers/1", "student": {"name": formula, "id": formula},
            "answers": {lesson: {short: {"answer": formula + " " + EVIL, "attempts": 1}}}}))
        files.append(path)
    cwd_file = tmp_path / "=cmd.json"
    cwd_file.write_text(files[0].read_text())
    rows = grade(files + [cwd_file], key)
    out = io.StringIO()
    write_csv(rows, fieldnames(key), out)
    texts = io.StringIO()
    write_csv(short_answers(files, key), ["file", "exercise", "points", "answer", "rubric",
                                          "model_answer"], texts)
    for table in (out.getvalue(), texts.getvalue()):
        for record in csv.DictReader(io.StringIO(table)):
            for column, cell in record.items():
                assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), (column, cell)
    assert any(r["name"] == "'=HYPERLINK(\"http://x\",\"y\")" for r in rows)


def test_short_answers_reach_the_marker_whole(tmp_path):
    """Neutralising formulas must not cut a long answer (it was cut to 200 characters)."""
    key = load_key("instructor/exercises/00_start_here.yaml")
    lesson = key.lessons[0].lesson
    short = next(ex.id for ex in key.lessons[0].exercises if not ex.auto_scored)
    essay = "=" + " ".join(f"word{i}" for i in range(1500))  # ~12,000 characters
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"format": "mediakit-answers/1", "student": {},
                                "answers": {lesson: {short: {"answer": essay, "attempts": 1}}}}))
    (row,) = short_answers([path], key)
    assert row["answer"] == "'" + essay


def test_grade_csv_file_column_is_neutralised_for_relative_paths(tmp_path, monkeypatch):
    key = load_key("instructor/exercises/00_start_here.yaml")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "=1+1.json").write_text(json.dumps({"format": "mediakit-answers/1",
                                                    "student": {}, "answers": {}}))
    row = grade([Path("=1+1.json")], key)[0]
    assert row["file"] == "'=1+1.json"


# --- charts: untrusted names travel as data values, never as markup --------------------------

def _chart_specs(articles: list[Article]) -> list[dict]:
    from mediakit.charts.omissions import coverage_heatmap
    from mediakit.charts.overview import reading_grade_chart
    from mediakit.charts.sourcing import direct_indirect_chart, sources_by_side_chart
    from mediakit.charts.wording import loaded_density_chart, quote_mark_chart, readability_chart
    from mediakit.tables.overview import corpus_overview
    from mediakit.tables.sourcing import sourcing_profile
    from mediakit.tables.wording import loaded_density, quote_mark_uses, readability_by_outlet

    profile = sourcing_profile(articles)
    coverage = pd.DataFrame({"fact_id": ["f1", "f1"], "fact": [EVIL, EVIL],
                             "outlet": [a.outlet for a in articles], "reported": [True, False],
                             "evidence": [EVIL, ""]})
    charts = [loaded_density_chart(loaded_density(articles)),
              quote_mark_chart(quote_mark_uses(articles)),
              readability_chart(readability_by_outlet(articles)),
              reading_grade_chart(corpus_overview(articles)),
              sources_by_side_chart(profile), direct_indirect_chart(profile),
              coverage_heatmap(coverage)]
    return [c.to_dict() for c in charts]


def _strings_outside_data(node, inside_data=False, out=None):
    out = [] if out is None else out
    if isinstance(node, dict):
        for k, v in node.items():
            _strings_outside_data(v, inside_data or k in ("datasets", "values"), out)
            if not inside_data:
                out.append(str(k))
    elif isinstance(node, list):
        for v in node:
            _strings_outside_data(v, inside_data, out)
    elif isinstance(node, str) and not inside_data:
        out.append(node)
    return out


def test_chart_tooltips_and_titles_carry_untrusted_text_only_as_data():
    text = (f'Officials said "{ATTACKS[0]}" and the so-called "reform" was a disgrace, '
            f"according to the ministry. {ATTACKS[3]} Putin said it was fine.")
    articles = [Article(id="evil-a", text=text, outlet=ATTACKS[1], genre="news",
                        published="2019-09-12", title=ATTACKS[2]),
                Article(id="evil-b", text=text, outlet=ATTACKS[3], genre="opinion")]
    for spec in _chart_specs(articles):
        dumped = json.dumps(spec)
        outside = " ".join(_strings_outside_data(spec))
        for attack in ATTACKS:
            assert attack not in outside, (attack, spec.get("title"))
        assert '"html"' not in dumped.lower() and "usermeta" not in spec
        data = json.dumps(spec.get("datasets", {}))
        assert ATTACKS[1] in data or ATTACKS[3] in data or EVIL in data  # shown as a value
