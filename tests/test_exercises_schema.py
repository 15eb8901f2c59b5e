"""Exercise files: validation messages, release/sealing round trip, key not in plain text."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from mediakit.exercises import seal
from mediakit.exercises.load import load_lesson_file, load_lessons
from mediakit.exercises.release import dump, main_release, released_data, student_copy
from mediakit.exercises.validate import validate_exercises

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "instructor" / "exercises"
RELEASED = ROOT / "exercises"

GOOD = """
lesson: demo
exercises:
  - id: q1
    type: single_choice
    prompt: Which is opinion?
    article: gr-2020-01-24
    span: "it's important to share"
    options:
      - {id: a, text: News, explanation: credited claims}
      - {id: b, text: Opinion, correct: true, explanation: first person}
"""


def write(tmp_path: Path, text: str, name: str = "demo.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    return [str(p) for p in validate_exercises(path)]


def test_builtin_lessons_are_valid_source_and_released():
    assert validate_exercises(SOURCE) == []
    assert validate_exercises(RELEASED) == []
    docs, _ = load_lessons(SOURCE)
    assert "00_start_here" in {d.lesson for d in docs}


def test_lesson0_has_every_type_and_the_genre_question():
    doc, _ = load_lesson_file(SOURCE / "00_start_here.yaml")
    assert {e.type for e in doc.exercises} == {"single_choice", "multiple_choice", "highlight",
                                               "tag", "checklist", "short_answer"}
    genre = doc.get("genre-check")
    right = [o for o in genre.options if o.correct]
    assert len(right) == 1 and "Korybko" in right[0].text
    assert len(genre.options) == 5


def test_good_file_has_no_problems(tmp_path):
    assert messages(write(tmp_path, GOOD)) == []


@pytest.mark.parametrize("change, field, words", [
    (("type: single_choice", "type: single_choise"), "q1", "did you mean 'single_choice'"),
    (("prompt: Which is opinion?", "prompt: ''"), "q1.prompt", "prompt is missing"),
    (("correct: true", "correct: false"), "q1.options", "exactly one correct option"),
    (("article: gr-2020-01-24", "article: gr-2020-01-25"), "q1.article", "no built-in article"),
    (("it's important to share", "it is important to share"), "q1.span", "not found"),
    (("it's important to share", "it’s important to share"), "q1.span", "curly quotes"),
    (("    options:", "    points: -2\n    options:"), "q1.points", "above 0"),
    (("    options:", "    occurrence: 9\n    options:"), "q1.span", "occurs 1 time"),
    (("    options:", "    colour: red\n    options:"), "q1.colour", "not used by"),
])
def test_validation_messages_name_file_exercise_field_and_fix(tmp_path, change, field, words):
    path = write(tmp_path, GOOD.replace(*change))
    problems = validate_exercises(path)
    assert problems, change
    match = [p for p in problems if words in str(p)]
    assert match, [str(p) for p in problems]
    problem = match[0]
    assert problem.file == "demo.yaml"
    assert problem.field.startswith(field.split(".")[0])
    assert "q1" in problem.message and problem.fix


def test_duplicate_ids_and_unknown_answer_label(tmp_path):
    text = GOOD + GOOD.split("exercises:\n", 1)[1]
    assert any("used by another exercise" in m for m in messages(write(tmp_path, text)))
    tag = """
    lesson: demo
    exercises:
      - id: t
        type: tag
        prompt: Sides?
        article: none
        labels: [russia, israel]
        items:
          - {text: a quote, label: iran, explanation: why}
    """
    found = messages(write(tmp_path, tag))
    assert any("t.items[1].label" in m and "not among the labels" in m for m in found), found


def test_not_yaml_and_wrong_lesson_name(tmp_path):
    assert any("not valid YAML" in m for m in messages(write(tmp_path, "a: [b\n")))
    assert any("differs from the file name" in m
               for m in messages(write(tmp_path, GOOD, "other.yaml")))


def test_highlight_target_must_be_in_excerpt(tmp_path):
    text = """
    lesson: demo
    exercises:
      - id: h
        type: highlight
        prompt: Mark it
        article: gr-2020-01-24
        span: "it's important to share"
        targets:
          - {text: sharing, explanation: x}
    """
    found = messages(write(tmp_path, text))
    assert any("h.targets[1].text" in m and "not found in the excerpt" in m for m in found)


# release ---------------------------------------------------------------------------------

def test_released_files_are_in_sync_with_the_instructor_files():
    """Re-derive every released file with its stored salt: it must match byte for byte."""
    docs, problems = load_lessons(SOURCE)
    assert problems == []
    for doc in docs:
        released = RELEASED / f"{doc.lesson}.yaml"
        assert released.is_file(), "run: mediakit release instructor/exercises --out exercises"
        salt = yaml.safe_load(released.read_text(encoding="utf-8"))["released"]["salt"]
        assert released.read_text(encoding="utf-8") == dump(released_data(doc, salt)), (
            f"{released} is out of date: run mediakit release instructor/exercises --out exercises")


def test_release_round_trip_recovers_key_and_explanations(tmp_path):
    assert main_release([str(SOURCE), "--out", str(tmp_path)]) == 0
    (source,), _ = load_lessons(SOURCE / "00_start_here.yaml")
    (released,), problems = load_lessons(tmp_path / "00_start_here.yaml")
    assert problems == [] and released.released
    for a, b in zip(source.exercises, released.exercises, strict=True):
        assert [(o.id, o.correct, o.explanation) for o in a.options] == \
               [(o.id, o.correct, o.explanation) for o in b.options]
        assert [(t.first, t.last, t.explanation) for t in a.targets] == \
               [(t.first, t.last, t.explanation) for t in b.targets]
        assert [(i.id, i.label, i.explanation) for i in a.items] == \
               [(i.id, i.label, i.explanation) for i in b.items]
        assert [(f.id, f.reported, f.explanation) for f in a.facts] == \
               [(f.id, f.reported, f.explanation) for f in b.facts]
        assert b.rubric == [] and b.model_answer is None
    # a second release keeps the salt (no churn); --new-salt changes it
    before = (tmp_path / "00_start_here.yaml").read_text()
    assert main_release([str(SOURCE), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "00_start_here.yaml").read_text() == before
    assert main_release([str(SOURCE), "--out", str(tmp_path), "--new-salt"]) == 0
    assert (tmp_path / "00_start_here.yaml").read_text() != before


def test_key_is_not_in_plain_text_in_the_released_file():
    text = (RELEASED / "00_start_here.yaml").read_text(encoding="utf-8")
    source = yaml.safe_load((SOURCE / "00_start_here.yaml").read_text(encoding="utf-8"))
    released = yaml.safe_load(text)
    assert not re.search(r"\b(correct|label|reported|rubric|model_answer|explanation):", text)
    for ex in source["exercises"]:
        for entry in ex.get("options", []) + ex.get("targets", []) + ex.get("items", []) + \
                ex.get("facts", []):
            explanation = " ".join(entry["explanation"].split())
            assert explanation[:40] not in " ".join(text.split())
        for field in ("model_answer", "explanation"):
            if field in ex:
                assert " ".join(ex[field].split())[:40] not in " ".join(text.split())
        for rule in ex.get("rubric", []):
            assert rule[:40] not in text
        released_ex = next(e for e in released["exercises"] if e["id"] == ex["id"])
        released_text = yaml.safe_dump(released_ex, allow_unicode=True, width=10**6)
        for fact in ex.get("facts", []):
            for evidence in fact["reported"].values():
                assert evidence not in released_text


def test_seal_opens_only_with_the_right_value():
    sealed = seal.seal("because “quotes”", "salt", "ex", "item", "right")
    assert "because" not in sealed
    assert seal.open_sealed(sealed, "salt", "ex", "item", "right") == "because “quotes”"
    assert seal.open_sealed(sealed, "salt", "ex", "item", "wrong") != "because “quotes”"
    assert seal.check("s", "e", "i", "a") != seal.check("s", "e", "i", "b")


def test_tampered_released_file_is_reported(tmp_path):
    assert main_release([str(SOURCE), "--out", str(tmp_path)]) == 0
    path = tmp_path / "00_start_here.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"check: [0-9a-f]{32}", "check: 0000", text, count=1), encoding="utf-8")
    found = [str(p) for p in validate_exercises(path)]
    assert any("genre-check.options[1].check" in m and "mediakit release" in m for m in found)


def test_student_copy_leaves_out_the_key(tmp_path):
    project = tmp_path / "course"
    (project / "instructor" / "exercises").mkdir(parents=True)
    (project / "instructor" / "exercises" / "a.yaml").write_text("key")
    (project / "exercises").mkdir()
    (project / "exercises" / "a.yaml").write_text("released")
    (project / "mediakit-answers.json").write_text("{}")
    for folder in ("docs/instructors", "tests/fixtures/answers", "artifacts", "docs/other",
                   "mediakit/analysis/_compiled"):
        (project / folder).mkdir(parents=True)
        (project / folder / "f.md").write_text("x")
    (project / ".gitignore").write_text(".venv/\nmediakit-answers*.json\nmediakit-answers*.json.lock\n")
    dest = student_copy(project, tmp_path / "copy")
    assert (dest / "exercises" / "a.yaml").is_file()
    assert not (dest / "instructor").exists()
    assert not (dest / "mediakit-answers.json").exists()
    # the guide discusses answers; fixtures hold full-mark answers files; artifacts are junk
    assert not (dest / "docs" / "instructors").exists() and (dest / "docs" / "other").is_dir()
    assert not (dest / "tests" / "fixtures" / "answers").exists()
    assert not (dest / "artifacts").exists()
    assert not (dest / "mediakit" / "analysis" / "_compiled").exists()  # built per machine
    # students must be able to commit their answers file in the class copy
    assert (dest / ".gitignore").read_text() == ".venv/\n"


def test_every_example_in_the_schema_readme_validates(tmp_path):
    text = (SOURCE / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if b.startswith("  - id:")]
    types = set()
    for number, block in enumerate(blocks):
        path = tmp_path / f"example{number}.yaml"
        path.write_text(f"lesson: example{number}\nexercises:\n{block}", encoding="utf-8")
        assert [str(p) for p in validate_exercises(path)] == [], block[:60]
        types.add(yaml.safe_load(block)[0]["type"])
    assert types == {"single_choice", "multiple_choice", "highlight", "tag", "checklist",
                     "short_answer"}
