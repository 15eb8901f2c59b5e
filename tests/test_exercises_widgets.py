"""Every widget type driven from Python: answers, Check, feedback, hints, restore, escaping."""

from __future__ import annotations

import errno
import json
import textwrap
from pathlib import Path

import pytest

from mediakit.exercises import Lesson
from mediakit.exercises import store as store_module
from mediakit.exercises.lesson import find_exercises_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def answers(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "answers.json"
    monkeypatch.setenv("MEDIAKIT_ANSWERS", str(path))
    monkeypatch.setenv("MEDIAKIT_EXERCISES", str(ROOT / "exercises"))
    return path


def saved(path: Path, exercise: str) -> dict:
    return json.loads(path.read_text())["answers"]["00_start_here"][exercise]


def test_single_choice_feedback_explains_and_points_at_the_text(answers):
    box = Lesson("00_start_here").show("genre-check")
    box.choice.value = "rferl-2019"
    assert saved(answers, "genre-check") == {**saved(answers, "genre-check"),
                                             "answer": "rferl-2019", "attempts": 0}
    box.check_button.click()
    assert "Not yet" in box.feedback.value and "0 / 1 points" in box.feedback.value
    assert "Look again" in box.feedback.value and "<mark>it&#x27;s important to share</mark>" in \
        box.feedback.value
    box.choice.value = "gr"
    box.check_button.click()
    html = box.feedback.value
    assert "Right!" in html and "1 / 1 points" in html and "attempt 2" in html
    assert "unforgettable exception" in html  # the explanation, opened from the sealed file
    assert saved(answers, "genre-check")["attempts"] == 2


def test_multiple_choice_partial_credit(answers):
    box = Lesson("00_start_here").show("opinion-signs")
    box.boxes["judgement"].value = True
    box.check()
    assert "Partly right" in box.feedback.value and "1 / 2 points" in box.feedback.value
    box.boxes["dateline"].value = True
    box.check()
    assert "0 / 2 points" in box.feedback.value
    assert "tells you nothing about the genre" in box.feedback.value


def test_highlight_marks_words_and_colours_them(answers):
    box = Lesson("00_start_here").show("spot-scare-quotes")
    words = [w[2] for w in box.words]
    israel, also = words.index("Israel"), words.index("also")
    box.marker.marked = [israel, also]
    assert saved(answers, "spot-scare-quotes")["answer"] == sorted([israel, also])
    result = box.check()
    assert result.points == 0.0  # (1 found - 1 false mark) / 3 targets
    assert box.marker.states == {str(israel): "right", str(also): "wrong"}
    assert "not part of an answer: also" in box.feedback.value
    assert "2 more phrase(s) to find" in box.feedback.value
    box.marker.marked = [israel, words.index("Israeli"), 23]
    assert box.marker.states == {}  # old colours cleared on change
    assert box.check().points == 2.0


def test_highlight_excerpt_hides_copied_link_markup_but_keeps_its_words():
    box = Lesson("02_loaded_wording").show("mark-scare-quotes")
    shown = "".join(seg["t"] for seg in box.marker.segments)
    assert "](#)" in box.exercise.span and "](#)" not in shown and "[" not in shown
    assert "biggest diplomatic event" in shown
    clickable = [seg["t"] for seg in box.marker.segments if seg["w"] >= 0]
    assert clickable == [w[2] for w in box.words]  # the words a key counts are unchanged


def test_highlight_widget_ships_local_accessible_js():
    js = (ROOT / "mediakit" / "static" / "highlight.js").read_text()
    assert "aria-pressed" in js and 'createElement("button")' in js
    assert "innerHTML =" not in js and "http" not in js and "import " not in js


def test_tag_and_checklist_feedback(answers):
    lesson = Lesson("00_start_here")
    tag = lesson.show("quote-sides")
    tag.choices["compatriots"].value = "russia"
    tag.choices["sovereignty"].value = "russia"
    assert tag.check().points == 0.5
    assert "Putin said" in tag.feedback.value and "not quite" in tag.feedback.value
    grid = lesson.show("sochi-facts")
    for fact, outlet in [("met-in-sochi", "rferl-2019-09-12"), ("met-in-sochi", "sputnik-2019-09-12"),
                         ("iran-attacks", "sputnik-2019-09-12")]:
        grid.ticks[(fact, outlet)].value = True
    assert grid.check().points == 0.6  # (2 hits - 1 false tick) / 5 reported cells * 3
    assert "both outlets report it" in grid.feedback.value


def test_short_answer_is_saved_not_scored(answers):
    box = Lesson("00_start_here").show("what-is-missing")
    box.text.value = "Too short."
    result = box.check()
    assert result.points is None
    assert "at least 15 words" in box.feedback.value and "A person will mark" in box.feedback.value
    assert saved(answers, "what-is-missing")["answer"] == "Too short."


def test_hint_button_and_progress(answers):
    lesson = Lesson("00_start_here")
    box = lesson.show("sochi-facts")
    box.hint_button.click()
    assert "Search each article" in box.hint.value
    lesson.show("genre-check").choice.value = "gr"
    table = lesson.progress().value
    assert "genre-check" in table and "1 / 1" in table and "/ 10" in table


def test_answers_survive_a_kernel_restart(answers):
    first = Lesson("00_start_here")
    first.show("genre-check").choice.value = "gr"
    box = first.show("spot-scare-quotes")
    box.marker.marked = [7, 22]
    box.check()
    first.show("quote-sides").choices["compatriots"].value = "russia"
    first.show("what-is-missing").text.value = "My words"
    del first, box
    again = Lesson("00_start_here")  # a new kernel: only the file is left
    assert again.show("genre-check").choice.value == "gr"
    restored = again.show("spot-scare-quotes")
    assert restored.marker.marked == [7, 22] and restored.attempts == 1
    assert "Partly right" in restored.feedback.value
    assert again.show("quote-sides").choices["compatriots"].value == "russia"
    assert again.show("what-is-missing").text.value == "My words"
    assert "saved answer is back" in again.show("genre-check").status.value


def test_failed_save_is_shown_to_the_student(answers, monkeypatch):
    box = Lesson("00_start_here").show("genre-check")
    box.choice.value = "gr"

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.os, "fsync", full)
    box.choice.value = "jpost"
    assert "NOT SAVED" in box.status.value
    assert saved(answers, "genre-check")["answer"] == "gr"


def test_corrupt_answers_file_message_in_widget(answers):
    answers.write_text("{broken")
    box = Lesson("00_start_here").show("genre-check")
    assert "could not be read" in box.status.value
    box.choice.value = "gr"
    assert saved(answers, "genre-check")["answer"] == "gr"


def test_student_panel_saves_name_and_offers_download(answers):
    lesson = Lesson("00_start_here")
    panel = lesson.student()
    assert "No answers saved yet" in panel.download.value
    panel.name.value = "<b>Ann</b>"
    panel.student_id.value = "s1"
    assert json.loads(answers.read_text())["student"] == {"name": "<b>Ann</b>", "id": "s1"}
    lesson.show("genre-check").choice.value = "gr"
    assert "data:application/json;base64," in panel.download.value
    assert str(answers) in panel.where.value


def test_text_is_escaped_in_widgets(tmp_path, monkeypatch):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "evil.yaml").write_text(textwrap.dedent("""
        lesson: evil
        exercises:
          - id: q
            type: tag
            prompt: "<script>alert(1)</script> Who?"
            article: none
            hint: "<img src=x onerror=alert(2)>"
            labels: [a, b]
            items:
              - {text: "<b>bold</b>", label: a, explanation: "<i>x</i> & y"}
    """))
    monkeypatch.setenv("MEDIAKIT_ANSWERS", str(tmp_path / "a.json"))
    box = Lesson("evil", exercises=folder).show("q")
    box.choices["1"].value = "a"
    box.check()
    box.hint_button.click()
    item_html = box.controls.children[0].children[1].value
    html = box.prompt.value + box.feedback.value + box.hint.value + item_html
    assert "<script>" not in html and "<img" not in html and "<b>bold" not in html
    assert "&lt;script&gt;" in html and "&lt;i&gt;x&lt;/i&gt; &amp; y" in html


def test_exercises_folder_is_found_upward(tmp_path, monkeypatch):
    monkeypatch.delenv("MEDIAKIT_EXERCISES", raising=False)
    (tmp_path / "exercises").mkdir()
    (tmp_path / "notebooks").mkdir()
    assert find_exercises_dir(tmp_path / "notebooks") == tmp_path / "exercises"
    with pytest.raises(FileNotFoundError, match="MEDIAKIT_EXERCISES"):
        find_exercises_dir(Path("/"))


def test_unknown_exercise_id_lists_the_known_ones(answers):
    with pytest.raises(KeyError, match="genre-check"):
        Lesson("00_start_here").show("nope")
