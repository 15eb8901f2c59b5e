"""The skills check: feedback off hides every verdict, passages validate and seal, one source
file makes two lessons that stay in sync, the items are transfer items, and both notebooks
show every question once."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import ipywidgets as w
import pytest
import yaml

from mediakit.exercises import Lesson
from mediakit.exercises.load import builtin_articles, load_lesson_file, load_lessons
from mediakit.exercises.release import main_release
from mediakit.exercises.validate import validate_exercises

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "instructor" / "exercises"
CHECK = SOURCE / "skills_check.yaml"
RELEASED = ROOT / "exercises"
LESSONS = ("skills_check_before", "skills_check_after")


@pytest.fixture(scope="module")
def key_doc():
    """The instructor's skills check (the key), loaded once for the tests that only read it."""
    docs, problems = load_lessons(CHECK)
    assert problems == []
    return docs[0]


def write(tmp_path: Path, text: str, name: str = "demo.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    return [str(p) for p in validate_exercises(path)]


def all_html(widget) -> str:
    """Every HTML string a widget tree shows (values, descriptions, options)."""
    parts = []
    if isinstance(widget, w.HTML):
        parts.append(widget.value)
    for attr in ("description", "tooltip"):
        parts.append(str(getattr(widget, attr, "") or ""))
    for child in getattr(widget, "children", ()):
        parts.append(all_html(child))
    return "\n".join(parts)


@pytest.fixture
def answers(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "answers.json"
    monkeypatch.setenv("MEDIAKIT_ANSWERS", str(path))
    monkeypatch.setenv("MEDIAKIT_EXERCISES", str(RELEASED))
    return path


# feedback off ---------------------------------------------------------------------------

def right_answer(ex):
    if ex.type == "single_choice":
        return next(o.id for o in ex.options if o.correct)
    if ex.type == "multiple_choice":
        return [o.id for o in ex.options if o.correct]
    if ex.type == "tag":
        return {i.id: i.label for i in ex.items}
    if ex.type == "highlight":
        return sorted(i for t in ex.targets for i in t.words)
    raise AssertionError(ex.type)


def wrong_answer(ex):
    if ex.type == "single_choice":
        return next(o.id for o in ex.options if not o.correct)
    if ex.type == "multiple_choice":
        return [o.id for o in ex.options if not o.correct]
    if ex.type == "tag":
        return {i.id: next(x for x in ex.labels if x != i.label) for i in ex.items}
    if ex.type == "highlight":
        inside = {i for t in ex.targets for i in t.words}
        return [next(i for i in range(len(ex.words())) if i not in inside)]
    raise AssertionError(ex.type)


VERDICTS = ("Right!", "Partly right", "Not yet", "points ·", "✓", "✗", "more phrase",
            "not part of an answer", "look again", "Look again")


@pytest.mark.parametrize("lesson", LESSONS)
def test_feedback_off_shows_no_verdict_or_explanation_for_any_answer(answers, lesson, key_doc):
    check = Lesson(lesson)
    assert check.doc.feedback is False
    key = {e.id: e for e in key_doc.exercises}
    for ex in check.doc.exercises:
        box = check.show(ex.id)
        assert box.check_button.description == "Save"
        assert "point" not in box.prompt.value and box.hint_button.layout.display == "none"
        for answer in (wrong_answer(ex), right_answer(ex)):
            box.set_answer(answer)
            box.save(checked=False)
            assert box.check() is None
            shown = all_html(box)
            assert box.feedback.value == "" and "Saved" in box.status.value
            assert not [v for v in VERDICTS if v in shown], (ex.id, shown)
            explanations = [o.explanation for o in key[ex.id].options] + \
                [i.explanation for i in key[ex.id].items] + [t.explanation for t in key[ex.id].targets]
            assert not [x for x in explanations if x and x in shown], ex.id
            if ex.type == "highlight":
                assert box.marker.states == {}
        again = Lesson(lesson).show(ex.id)  # restored after a restart: still no verdict
        assert again.feedback.value == "" and "saved answer is back" in again.status.value
    saved = json.loads(answers.read_text())["answers"][lesson]
    assert set(saved) == {e.id for e in check.doc.exercises}
    assert all(r["attempts"] == 2 for r in saved.values())
    progress = check.progress().value
    assert "14 of 14 answered" in progress and "Points" not in progress and "/ 1" not in progress


def test_the_same_exercise_with_feedback_on_does_show_the_verdict(answers, tmp_path):
    """The check above can fail: with feedback on, the same widget shows verdicts."""
    data = yaml.safe_load(CHECK.read_text(encoding="utf-8"))
    data.pop("lessons")
    data.pop("feedback")
    data["lesson"] = "demo"
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "demo.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                                encoding="utf-8")
    assert main_release([str(tmp_path / "src"), "--out", str(tmp_path / "out")]) == 0
    lesson = Lesson("demo", exercises=tmp_path / "out")
    assert lesson.doc.feedback is True
    box = lesson.show("src-who-quoted")
    box.choice.value = "adeyemi"
    assert box.check().correct and "Right!" in box.feedback.value
    assert "said Councillor Ruth Adeyemi" in box.feedback.value  # the explanation


def test_feedback_setting_validates_and_survives_release(tmp_path):
    base = """
    lesson: demo
    feedback: {value}
    exercises:
      - id: q1
        type: single_choice
        prompt: Pick
        article: none
        options:
          - {{id: a, text: A, correct: true, explanation: x}}
          - {{id: b, text: B, explanation: y}}
    """
    assert load_lesson_file(write(tmp_path, base.format(value="on")))[0].feedback is True
    assert load_lesson_file(write(tmp_path, base.format(value="off")))[0].feedback is False
    found = messages(write(tmp_path, base.format(value="sometimes")))
    assert any("feedback must be on or off" in m for m in found)
    write(tmp_path, base.format(value="off"))
    assert main_release([str(tmp_path / "demo.yaml"), "--out", str(tmp_path / "out")]) == 0
    released, problems = load_lesson_file(tmp_path / "out" / "demo.yaml")
    assert problems == [] and released.released and released.feedback is False


# passages -------------------------------------------------------------------------------

PASSAGE = """
lesson: demo
exercises:
  - id: p1
    type: tag
    skill: sourcing
    prompt: Named or not?
    passage: |
      “We won,” said Ann Lee. An official said <b>no</b>.

      Second paragraph.
    labels: [named, anonymous]
    items:
      - {id: lee, text: Ann Lee, label: named, explanation: named, occurrence: 1}
      - {id: official, text: An official, label: anonymous, explanation: not named}
  - id: p2
    type: highlight
    prompt: Click the claim.
    passage: "Fans cheered. The move angered many fans. The club said so."
    targets:
      - {text: The move angered many fans, explanation: nobody says so}
  - id: p3
    type: highlight
    prompt: Click the loaded word.
    passage: "A mob gathered. A crowd left."
    span: "A mob gathered."
    targets:
      - {text: mob, explanation: judges}
"""


def test_a_valid_passage_exercise_loads_with_its_text(tmp_path):
    doc, problems = load_lesson_file(write(tmp_path, PASSAGE))
    assert problems == []
    p1, p2, p3 = doc.exercises
    assert p1.article is None and p1.passage.startswith("“We won,”") and p1.skill == "sourcing"
    assert p2.excerpt == p2.passage and p2.targets[0].text == "The move angered many fans"
    assert p3.excerpt == "A mob gathered." and [x[2] for x in p3.words()] == ["A", "mob", "gathered"]


@pytest.mark.parametrize("change, expected", [
    (("    passage: \"Fans cheered", "    article: gr-2020-01-24\n    passage: \"Fans cheered"),
     "p2.article': exercise 'p2': the exercise gives both an article and a passage"),
    (("    passage: \"A mob gathered. A crowd left.\"", "    passage: \"  \""),
     "p3.passage': exercise 'p3': the passage is empty or not text"),
    (("span: \"A mob gathered.\"", "span: \"A riot\""),
     "p3.span': exercise 'p3': the text 'A riot' is not found in the passage"),
    (("{text: The move angered many fans,", "{text: The move angered all fans,"),
     "p2.targets[1].text': exercise 'p2': the target 'The move angered all fans' is not found"),
    (("{id: lee, text: Ann Lee,", "{id: lee, text: Ann Leigh,"),
     "p1.items[1].text': exercise 'p1': the text 'Ann Leigh' is not found in the passage"),
    (("    skill: sourcing", "    skill: Source Checking!"),
     "p1.skill': exercise 'p1': the skill must be one short name"),
])
def test_passage_mistakes_are_named_with_a_fix(tmp_path, change, expected):
    text = textwrap.dedent(PASSAGE).replace(*change)
    found = messages(write(tmp_path, text))
    assert any(expected in m and "Fix:" in m for m in found), found


def test_a_passage_is_capped_and_a_checklist_takes_none(tmp_path):
    long = textwrap.dedent(PASSAGE).replace("Fans cheered.", "Fans cheered. " * 500)
    assert any("too long" in m for m in messages(write(tmp_path, long)))
    grid = """
    lesson: demo
    exercises:
      - id: g
        type: checklist
        prompt: Tick
        passage: Some text.
        outlets: [rferl-2019-09-12]
        facts:
          - {id: f, text: F, explanation: x}
    """
    assert any("a checklist compares built-in articles" in m for m in messages(write(tmp_path, grid)))


def test_passages_survive_release_with_answers_sealed(tmp_path):
    write(tmp_path, PASSAGE)
    assert main_release([str(tmp_path / "demo.yaml"), "--out", str(tmp_path / "out")]) == 0
    text = (tmp_path / "out" / "demo.yaml").read_text(encoding="utf-8")
    (source,), _ = load_lessons(tmp_path / "demo.yaml")
    (released,), problems = load_lessons(tmp_path / "out" / "demo.yaml")
    assert problems == [] and validate_exercises(tmp_path / "out") == []
    for a, b in zip(source.exercises, released.exercises, strict=True):
        assert (a.passage, a.span, a.skill, a.article) == (b.passage, b.span, b.skill, b.article)
        assert [(t.first, t.last, t.explanation) for t in a.targets] == \
            [(t.first, t.last, t.explanation) for t in b.targets]
        assert [(i.id, i.label, i.explanation) for i in a.items] == \
            [(i.id, i.label, i.explanation) for i in b.items]
    assert "nobody says so" not in text and "not named" not in text and "label:" not in text
    assert "article:" not in text  # a passage exercise has no article


def test_the_passage_is_shown_escaped_in_paragraphs(answers, tmp_path):
    write(tmp_path, PASSAGE)
    assert main_release([str(tmp_path / "demo.yaml"), "--out", str(tmp_path / "out")]) == 0
    box = Lesson("demo", exercises=tmp_path / "out").show("p1")
    shown = all_html(box)
    assert "&lt;b&gt;no&lt;/b&gt;" in shown and "<b>no</b>" not in shown
    assert "<p>Second paragraph.</p>" in shown
    highlight = Lesson("demo", exercises=tmp_path / "out").show("p2")
    assert "".join(s["t"] for s in highlight.marker.segments) == highlight.exercise.passage


def test_tag_items_are_quoted_only_when_they_are_words_of_the_passage(answers):
    check = Lesson("skills_check_before")
    words = all_html(check.show("src-direct-paraphrase"))
    assert "“it had followed every safety rule”" in words
    facts = all_html(check.show("omi-fact-grid"))
    assert "Fares will rise by 20% from 1 May." in facts and "“Fares" not in facts


@pytest.mark.parametrize("ex_id, copied", [
    ("omi-fact-grid", "Students and people over 65 will still travel free."),
    ("src-sides", "A Dalmoran government spokeswoman"),
])
def test_tag_items_are_all_quoted_or_none_so_quotes_give_nothing_away(answers, ex_id, copied):
    """Some items are copied from the passage, others are not: quoting only the copied ones
    would tell the student which facts a report gives, or which sources it names that way."""
    shown = all_html(Lesson("skills_check_before").show(ex_id))
    assert copied in shown and f"“{copied}" not in shown


def test_a_highlight_with_a_span_of_its_passage_shows_the_passage(answers, tmp_path):
    write(tmp_path, PASSAGE)
    assert main_release([str(tmp_path / "demo.yaml"), "--out", str(tmp_path / "out")]) == 0
    lesson = Lesson("demo", exercises=tmp_path / "out")
    assert "A crowd left." in all_html(lesson.show("p3"))  # the span is "A mob gathered."
    assert "mk-passage" not in all_html(lesson.show("p2"))  # no span: the words to mark are it


def test_passage_mistakes_get_the_same_diagnosis_as_article_ones(tmp_path):
    text = textwrap.dedent(PASSAGE).replace('span: "A mob gathered."', "span: 'A \"mob\" gathered.'")
    text = text.replace('passage: "A mob gathered. A crowd left."',
                        'passage: "A “mob” gathered. A crowd left."')
    text = text.replace("{text: The move angered many fans,", "{text: The move angered all fans,")
    found = messages(write(tmp_path, text))
    assert any("p3.span" in m and "the passage uses curly quotes or non-breaking spaces here: copy "
               "the span from the passage" in m for m in found), found
    assert any("p2.targets[1].text" in m and "not found in the excerpt (passage). Fix: copy the "
               "target's words from the passage" in m for m in found), found
    no_text = "lesson: demo\nexercises:\n  - {id: h, type: highlight, prompt: Mark}\n"
    found = messages(write(tmp_path, no_text))
    assert any("article field is missing" in m and "'passage: |'" in m for m in found), found


# one file, two lessons ------------------------------------------------------------------

def test_the_check_is_one_source_file_released_as_two_identical_lessons():
    docs, problems = load_lessons(CHECK)
    assert problems == [] and [d.lesson for d in docs] == list(LESSONS)
    released = [load_lesson_file(RELEASED / f"{name}.yaml") for name in LESSONS]
    assert all(p == [] and d.released and not d.feedback for d, p in released)

    def key(doc):
        return [(e.id, e.type, e.skill, e.prompt, e.passage, e.span, e.points,
                 [(o.id, o.text, o.correct, o.explanation) for o in e.options],
                 [(i.id, i.text, i.label, i.explanation) for i in e.items],
                 [(t.first, t.last, t.explanation) for t in e.targets], e.labels)
                for e in doc.exercises]

    assert key(docs[0]) == key(docs[1]) == key(released[0][0]) == key(released[1][0])
    before, after = (yaml.safe_load((RELEASED / f"{n}.yaml").read_text()) for n in LESSONS)
    assert before["lesson"] != after["lesson"]
    assert [e["id"] for e in before["exercises"]] == [e["id"] for e in after["exercises"]]


ONE_QUESTION = """
    exercises:
      - id: q1
        type: single_choice
        prompt: Pick
        article: none
        options:
          - {id: a, text: A, correct: true, explanation: x}
          - {id: b, text: B, explanation: y}
    """


def test_lessons_list_mistakes(tmp_path):
    body = ONE_QUESTION
    for head, expected in [("lessons: [only_one]", "lessons must list two or more"),
                           ("lessons: [a, a]", "lessons must list two or more"),
                           ("lessons: [a, b]\nlesson: a", "gives both 'lesson' and 'lessons'")]:
        found = messages(write(tmp_path, head + textwrap.dedent(body), "x.yaml"))
        assert any(expected in m for m in found), (head, found)
    docs, problems = load_lessons(write(tmp_path, "lessons: [pre, post]" + textwrap.dedent(body),
                                        "x.yaml"))
    assert problems == [] and [d.lesson for d in docs] == ["pre", "post"]
    docs[0].exercises[0].prompt = "changed"  # own copies: editing one leaves the other
    assert docs[1].exercises[0].prompt == "Pick"


# the items ------------------------------------------------------------------------------

def test_the_items_cover_three_skills_in_a_short_auto_scored_check(key_doc):
    doc = key_doc
    per_skill: dict[str, int] = {}
    for ex in doc.exercises:
        per_skill[ex.skill] = per_skill.get(ex.skill, 0) + 1
        assert ex.auto_scored and ex.points == 1 and ex.article is None and not ex.hint
    assert set(per_skill) == {"sourcing", "wording", "omissions"}
    assert all(4 <= n <= 6 for n in per_skill.values()) and 12 <= len(doc.exercises) <= 15
    assert doc.feedback is False


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?”])\s+", text) if len(s.split()) >= 6]


def test_passages_are_new_texts_not_from_the_articles_or_the_lessons(key_doc):
    """Transfer, not recall: no sentence of a passage appears in a built-in article or in
    another lesson's exercise file."""
    doc = key_doc
    elsewhere = list(builtin_articles().values()) + [
        p.read_text(encoding="utf-8") for p in SOURCE.glob("*.yaml") if p != CHECK]
    for ex in doc.exercises:
        for sentence in _sentences(ex.passage or ""):
            core = sentence.removeprefix("REPORT A: ").removeprefix("REPORT B: ")[:60]
            assert not any(core in text for text in elsewhere), (ex.id, core)


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_notebook_shows_every_question_exactly_once(lesson, key_doc):
    nb = json.loads((ROOT / "notebooks" / f"{lesson}.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert f'Lesson("{lesson}")' in code
    shown = re.findall(r'check\.show\("([^"]+)"\)', code)
    ids = [e.id for e in key_doc.exercises]
    assert shown == ids
    prose = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert f"{len(ids)} short questions" in prose  # the count students are told is right


def test_a_lesson_name_used_by_two_files_is_a_problem(tmp_path):
    body = ONE_QUESTION
    write(tmp_path, "lesson: pre" + textwrap.dedent(body), "pre.yaml")
    write(tmp_path, "lessons: [pre, post]" + textwrap.dedent(body), "check.yaml")
    docs, problems = load_lessons(tmp_path)
    assert [d.lesson for d in docs] == ["pre", "post"]  # files in name order: check.yaml first
    assert [str(p) for p in problems] == [
        "pre.yaml, field 'lesson': the lesson name 'pre' is also used by check.yaml. Fix: give "
        "every lesson its own name (answers are stored under it)"]
