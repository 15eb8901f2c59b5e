"""Bad files: corpus, exercise and answers files that are the wrong shape, too big or
hostile each give a message naming the file, the field and the fix, and the rest still works.

(The common cases live next to each loader: tests/test_corpus.py, test_exercises_schema.py,
test_exercises_store.py, test_exercises_grade.py. These are the shapes they don't try.)
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from mediakit.corpus import load_folder
from mediakit.exercises.grade import grade, load_key, read_answers
from mediakit.exercises.load import load_lesson_file, load_lessons
from mediakit.exercises.store import AnswerStore

ROOT = Path(__file__).resolve().parents[1]
LESSON0 = ROOT / "instructor" / "exercises" / "00_start_here.yaml"
GOOD_ARTICLE = "---\noutlet: Daily Good\nid: good-one\n---\nThe council met on Monday.\n"
# "Billion laughs": nine levels of nine aliases, a billion items if expanded naively
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True))


def _fast(seconds: float = 20.0):
    start = time.perf_counter()
    return lambda: time.perf_counter() - start < seconds


# --- corpus files ---------------------------------------------------------------------------

@pytest.mark.parametrize(("content", "field", "words"), [
    ("---\n- outlet\n- X\n---\nText.\n", None, "field: value"),
    ("---\njust words\n---\nText.\n", None, "field: value"),
    ("---\noutlet: {name: X}\n---\nText.\n", "outlet", "single value"),
    ("---\noutlet: X\ntitle: [a, b]\n---\nText.\n", "title", "single value"),
    ("---\n" + LAUGHS + "outlet: X\n---\nText.\n", None, None),
    (b"\xef\xbb\xbf" + b"x" * 5_100_000, None, "bytes"),
])
def test_bad_article_file_is_named_and_the_good_one_loads(tmp_path, content, field, words):
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    in_time = _fast()
    loaded = load_folder(tmp_path)
    assert in_time()
    assert [a.id for a in loaded.articles] == ["good-one"]
    (problem,) = loaded.problems
    assert problem.file == "bad.txt" and problem.fix
    if words is not None:
        assert problem.field == field
        assert words in problem.message + problem.fix, str(problem)
    assert "bad.txt" in str(problem) and "Fix:" in str(problem)


# --- exercise files -------------------------------------------------------------------------

@pytest.mark.parametrize(("content", "field", "words"), [
    ("- id: q\n  type: single_choice\n", None, "mapping"),  # YAML, but a list
    ("42\n", None, "mapping"),
    ("", None, "mapping"),
    ("lesson: bad\nexercises: {id: q}\n", "exercises", "list"),
    ("lesson: bad\nexercises: [7, 'text']\n", "#1", "field: value"),
    ("lesson: bad\n" + LAUGHS + "exercises: *i\n", "#1", "field: value"),
    ("\x00\x01binary", None, None),
    ("lesson: bad\nexercises: []\n" + "# padding\n" * 200_000, None, "bytes"),
])
def test_bad_exercise_file_is_named_and_other_lessons_load(tmp_path, content, field, words):
    (tmp_path / "00_start_here.yaml").write_bytes(LESSON0.read_bytes())
    (tmp_path / "bad.yaml").write_text(content, encoding="utf-8")
    in_time = _fast()
    docs, problems = load_lessons(tmp_path)
    assert in_time()
    assert [d.lesson for d in docs if d.lesson == "00_start_here"] == ["00_start_here"]
    assert problems and all(p.file == "bad.yaml" for p in problems)
    if words is not None:
        assert any(words in p.message + p.fix and p.field == field for p in problems), \
            [str(p) for p in problems]
    assert all(p.fix for p in problems)
    doc, again = load_lesson_file(tmp_path / "bad.yaml")
    assert again  # loading the one file says the same


def test_a_key_with_a_bad_file_is_refused_with_the_file_named(tmp_path):
    (tmp_path / "00_start_here.yaml").write_bytes(LESSON0.read_bytes())
    (tmp_path / "bad.yaml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.yaml"):
        load_key(tmp_path)


# --- answers files --------------------------------------------------------------------------

WRONG_SHAPES = {
    "number.json": b"42",
    "null.json": b"null",
    "list.json": b'[{"answers": {}}]',
    "string.json": b'"answers"',
    "answers-a-list.json": b'{"format": "mediakit-answers/1", "student": {}, "answers": []}',
    "utf16.json": '{"answers": {}}'.encode("utf-16"),
    "nan.json": b'{"format": "mediakit-answers/1", "student": {}, "answers": NaN}',
}


@pytest.mark.parametrize("name", list(WRONG_SHAPES))
def test_answers_of_the_wrong_shape_are_kept_aside_and_saving_goes_on(tmp_path, name):
    path = tmp_path / "answers.json"
    path.write_bytes(WRONG_SHAPES[name])
    store = AnswerStore(path)
    assert store.save_answer("l0", "q1", "a").ok
    assert "could not be read" in store.notice and "nothing deleted" in store.notice
    (kept,) = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert kept.read_bytes() == WRONG_SHAPES[name]
    assert json.loads(path.read_text())["answers"]["l0"]["q1"]["answer"] == "a"


def test_wrong_shapes_are_graded_zero_with_a_reason_and_the_class_is_graded(tmp_path):
    files = []
    for name, content in WRONG_SHAPES.items():
        (tmp_path / name).write_bytes(content)
        files.append(tmp_path / name)
    good = ROOT / "tests" / "fixtures" / "answers" / "full.json"
    rows = grade(files + [good], LESSON0)
    for row in rows[:-1]:
        assert row["total"] == 0 and row["problems"], row
        assert "answers file" in row["problems"]
    assert rows[-1]["total"] > 0 and not rows[-1]["problems"]


def test_a_fifty_megabyte_answers_file(tmp_path):
    """Too big to be answers: refused by size before parsing, kept aside, never loaded whole
    by the grader; the student's new answers go to a fresh file."""
    path = tmp_path / "answers.json"
    with open(path, "wb") as handle:
        handle.write(b'{"format": "mediakit-answers/1", "student": {}, "answers": {"l0": {"q": '
                     b'{"answer": "')
        handle.write(b"x" * 50_000_000)
        handle.write(b'"}}}}')
    in_time = _fast()
    data, problem = read_answers(path)
    assert data is None and "more than" in problem and "50,000," in problem
    (row,) = grade([path], LESSON0)
    assert row["total"] == 0 and "bytes" in row["problems"]
    store = AnswerStore(path)
    assert store.save_answer("l0", "q1", "a").ok
    assert "far too big" in store.notice
    (kept,) = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert kept.stat().st_size > 50_000_000
    assert path.stat().st_size < 1000
    assert in_time()


def test_answers_path_that_is_a_folder_says_not_saved(tmp_path):
    path = tmp_path / "answers.json"
    path.mkdir()
    store = AnswerStore(path)
    status = store.save_answer("l0", "q1", "a")
    assert not status.ok and "NOT SAVED" in status.message and str(path) in status.message
    (row,) = grade([path], LESSON0)
    assert "cannot be read" in row["problems"] and row["total"] == 0
