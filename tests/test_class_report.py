"""The class report of the skills check: numbers on a small class worked out by hand, students
with one check counted, Hake's g edge cases, the CLI, the charts and the instructor notebook."""

from __future__ import annotations

import csv
import json
import math
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from mediakit.cli import main
from mediakit.exercises.report import class_report, hake_gain
from mediakit.exercises.sample_class import make_sample_class
from mediakit.exercises.store import FORMAT

ROOT = Path(__file__).resolve().parents[1]
KEY_TEXT = """
lessons: [skills_check_before, skills_check_after]
feedback: off
exercises:
  - id: q1
    skill: sourcing
    type: single_choice
    prompt: Who is quoted?
    passage: "“We won,” said Ann Lee. Fans cheered."
    options:
      - {id: ann, text: Ann Lee, correct: true, explanation: quoted}
      - {id: fans, text: The fans, explanation: not quoted}
  - id: q2
    skill: sourcing
    type: tag
    points: 2
    prompt: Named or not?
    passage: "Ann Lee said yes. An official said no."
    labels: [named, anonymous]
    items:
      - {id: lee, text: Ann Lee, label: named, explanation: named}
      - {id: official, text: An official, label: anonymous, explanation: not named}
  - id: q3
    skill: wording
    type: multiple_choice
    prompt: Which words are loaded?
    article: none
    options:
      - {id: mob, text: mob, correct: true, explanation: judges}
      - {id: regime, text: regime, correct: true, explanation: judges}
      - {id: crowd, text: crowd, explanation: neutral}
"""
RIGHT = {"q1": "ann", "q2": {"lee": "named", "official": "anonymous"}, "q3": ["mob", "regime"]}


def answers_file(folder: Path, name: str, student: dict, answers: dict) -> Path:
    """answers: lesson -> {item: (answer, saved)}"""
    data = {"format": FORMAT, "student": student,
            "answers": {lesson: {i: {"answer": a, "attempts": 1, "saved": s}
                                 for i, (a, s) in items.items()}
                        for lesson, items in answers.items()}}
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def on(day: str, answers: dict) -> dict:
    return {item: (answer, f"2026-{day}T09:0{n}:00Z") for n, (item, answer) in enumerate(answers.items())}


@pytest.fixture
def small_class(tmp_path) -> tuple[Path, Path]:
    """Worked out by hand (score = share of points):
    Ann  before q1 0, q2 1/2 (of 2 pts), q3 (1-0)/2=1/2 -> 1.5/4 = .375; after all right -> 1
    Bo   two files; before q1 'fans' then later 'ann' (the later wins) -> all right -> 1;
         after q1 1, q2 1/2, q3 (2-1)/2 = 1/2 -> 2.5/4 = .625
    Cy   before only: q1 1, q2 unanswered 0, q3 'crowd' -> 0 -> .25
    Di   after only: all right; Ed: another lesson only (neither); one damaged file."""
    key = tmp_path / "key"
    key.mkdir()
    (key / "skills_check.yaml").write_text(KEY_TEXT, encoding="utf-8")
    folder = tmp_path / "class"
    folder.mkdir()
    b, a = "skills_check_before", "skills_check_after"
    answers_file(folder, "ann.json", {"name": "Ann", "id": "S1"}, {
        b: on("01-10", {"q1": "fans", "q2": {"lee": "named", "official": "named"}, "q3": ["mob"]}),
        a: on("03-01", RIGHT)})
    answers_file(folder, "bo-first.json", {"name": "Bo", "id": "S2"}, {
        b: {"q1": ("fans", "2026-01-10T09:00:00Z"), "q2": (RIGHT["q2"], "2026-01-10T09:01:00Z"),
            "q3": (RIGHT["q3"], "2026-01-10T09:02:00Z")}})
    answers_file(folder, "a-bo-later.json", {"name": "Bo B.", "id": "s2 "}, {
        b: {"q1": ("ann", "2026-01-10T09:05:00Z"), "q2": (RIGHT["q2"], "2026-01-10T09:01:00Z"),
            "q3": (RIGHT["q3"], "2026-01-10T09:02:00Z")},
        a: on("03-01", {"q1": "ann", "q2": {"lee": "anonymous", "official": "anonymous"},
                        "q3": ["mob", "regime", "crowd"]})})
    answers_file(folder, "cy.json", {"name": "Cy", "id": ""}, {b: on("01-10", {"q1": "ann",
                                                                            "q3": ["crowd"]})})
    answers_file(folder, "di.json", {"name": "Di", "id": "S4"}, {a: on("03-01", RIGHT)})
    answers_file(folder, "ed.json", {"name": "Ed", "id": "S5"}, {"01_sourcing": {}})
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return folder, key


def row(frame, column, value) -> dict:
    rows = frame[frame[column] == value].to_dict("records")
    assert len(rows) == 1, (value, rows)
    return rows[0]


def test_hake_gain_edge_cases():
    assert hake_gain(0.5, 0.75) == 0.5
    assert hake_gain(0.0, 1.0) == 1.0
    assert hake_gain(0.2, 0.1) == pytest.approx(-0.125)  # a loss is a negative g
    assert math.isnan(hake_gain(1.0, 1.0)) and math.isnan(hake_gain(1.0, 0.5))  # nothing to gain
    assert math.isnan(hake_gain(math.nan, 0.5)) and math.isnan(hake_gain(0.5, math.nan))


def test_small_class_numbers_match_the_hand_computation(small_class):
    folder, key = small_class
    report = class_report(folder, key)
    items = report.items
    q1, q2, q3 = (row(items, "item", i) for i in ("q1", "q2", "q3"))
    assert (q1["n"], q1["before"], q1["after"], q1["gain"], q1["g"]) == (2, 0.5, 1.0, 0.5, 1.0)
    assert (q2["before"], q2["after"], q2["gain"], q2["g"]) == (0.75, 0.75, 0.0, 0.0)
    assert (q3["before"], q3["after"], q3["gain"], q3["g"]) == (0.75, 0.75, 0.0, 0.0)
    sourcing = row(report.skills, "skill", "sourcing")  # Ann 1/3 -> 1, Bo 1 -> 2/3
    assert sourcing["items"] == 2 and sourcing["n"] == 2
    assert sourcing["before"] == pytest.approx(2 / 3) and sourcing["after"] == pytest.approx(5 / 6)
    assert sourcing["g"] == pytest.approx(0.5)
    wording = row(report.skills, "skill", "wording")
    assert (wording["before"], wording["after"], wording["g"]) == (0.75, 0.75, 0.0)
    whole = row(report.skills, "skill", "all skills")  # (.375 + 1)/2 -> (1 + .625)/2
    assert whole["before"] == pytest.approx(0.6875) and whole["after"] == pytest.approx(0.8125)
    assert whole["g"] == pytest.approx(0.125 / 0.3125)
    ann, bo = row(report.students, "student", "Ann"), row(report.students, "student", "Bo B.")
    assert (ann["before"], ann["after"], ann["g"]) == (0.375, 1.0, 1.0)
    assert (bo["before"], bo["after"]) == (1.0, 0.625) and math.isnan(bo["g"])  # before was 1
    assert bo["files"] == "a-bo-later.json, bo-first.json"  # merged on the ID (" s2" = "S2")
    pairs = report.student_items()
    assert row(pairs[pairs["student"] == "Ann"], "item", "q2")["gain"] == 0.5


def test_students_with_one_check_are_counted_not_dropped(small_class):
    folder, key = small_class
    report = class_report(folder, key)
    assert report.counts == {"files": 7, "unreadable": 1, "students": 5, "both": 2,
                             "before only": 1, "after only": 1, "neither": 1}
    status = dict(zip(report.students["student"], report.students["status"], strict=True))  # first name seen
    assert status == {"Ann": "both", "Bo B.": "both", "Cy": "before only", "Di": "after only",
                      "Ed": "neither"}
    cy = row(report.students, "student", "Cy")
    assert cy["before"] == 0.25 and math.isnan(cy["after"])
    assert set(report.scores.loc[report.scores["student"] == "Cy", "check"]) == {"before"}
    assert not row(report.scores[report.scores["student"] == "Cy"], "item", "q2")["answered"]
    assert "2 took both checks, 1 only the check before, 1 only the check after, 1 neither" \
        in report.summary()
    assert report.problems == ["broken.json: not a JSON answers file (JSONDecodeError); not counted"]
    assert "Cy" in report.table() and "broken.json" in report.table()


def test_a_before_changed_after_the_after_check_began_is_flagged(small_class):
    folder, key = small_class
    answers_file(folder, "fay.json", {"name": "Fay", "id": "S6"}, {
        "skills_check_before": {"q1": ("ann", "2026-03-02T10:00:00Z")},
        "skills_check_after": {"q1": ("ann", "2026-03-01T09:00:00Z")}})
    report = class_report(folder, key)
    assert "changed answers of the check before" in row(report.students, "student", "Fay")["notes"]
    assert row(report.students, "student", "Ann")["notes"] == ""


def test_same_name_different_ids_stay_two_students(small_class):
    folder, key = small_class
    answers_file(folder, "ann2.json", {"name": "Ann", "id": "S9"},
                 {"skills_check_before": on("01-10", RIGHT)})
    report = class_report(folder, key)
    assert {"Ann", "Ann (S9)"} <= set(report.students["student"])


def test_files_without_name_or_id_in_their_own_folders_stay_two_students(tmp_path, small_class):
    """An LMS download puts each student's mediakit-answers.json in a folder of its own."""
    _, key = small_class
    lms = tmp_path / "lms"
    for folder, answers in (("Ann_101", RIGHT), ("Bo_102", {"q1": "fans"})):
        (lms / folder).mkdir(parents=True)
        answers_file(lms / folder, "mediakit-answers.json", {"name": "", "id": ""},
                     {"skills_check_before": on("01-10", answers)})
    (lms / "Cy_103").mkdir()
    (lms / "Cy_103" / "mediakit-answers.json").write_text("{not json", encoding="utf-8")
    report = class_report(lms, key)
    assert report.counts["students"] == 2
    ann = row(report.students, "student", "Ann_101/mediakit-answers.json")
    bo = row(report.students, "student", "Bo_102/mediakit-answers.json")
    assert (ann["before"], bo["before"]) == (1.0, 0.0)
    assert ann["files"] == "Ann_101/mediakit-answers.json"
    assert report.problems == ["Cy_103/mediakit-answers.json: not a JSON answers file "
                               "(JSONDecodeError); not counted"]


def test_a_key_without_the_two_checks_is_refused(tmp_path, small_class):
    folder, _ = small_class
    with pytest.raises(ValueError, match="has no lesson 'skills_check_before'"):
        class_report(folder, ROOT / "instructor" / "exercises" / "00_start_here.yaml")


def test_cli_writes_csv_and_an_escaped_html_page(small_class, tmp_path, monkeypatch, capsys):
    import mediakit.views.class_report as view

    monkeypatch.setattr(view, "_can_inline", lambda: False)  # fast: no 900 kB of inlined JS
    folder, key = small_class
    answers_file(folder, "evil.json", {"name": "<img src=x onerror=alert(1)>", "id": "=1+1"},
                 {"skills_check_before": on("01-10", RIGHT)})
    out, table, pupils = tmp_path / "r.html", tmp_path / "r.csv", tmp_path / "s.csv"
    assert main(["report", str(folder), "--key", str(key), "--out", str(out), "--csv", str(table),
                 "--students", str(pupils)]) == 0
    captured = capsys.readouterr()
    assert "2 took both checks" in captured.out and "broken.json" in captured.err
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert [(r["level"], r["name"]) for r in rows][:3] == [("skill", "sourcing"), ("skill", "wording"),
                                                          ("skill", "all skills")]
    assert row_of(rows, "q1")["g"] == "1.0000"
    students = list(csv.DictReader(pupils.open(encoding="utf-8")))
    assert all(not r["student"].startswith("=") for r in students)
    page = out.read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page
    assert "Per skill" in page and "Hake" in page and "before only" in page


def row_of(rows: list[dict], name: str) -> dict:
    return next(r for r in rows if r["name"] == name)


def test_cli_prints_tables_and_fails_clearly(small_class, tmp_path, capsys):
    folder, key = small_class
    assert main(["report", str(folder), "--key", str(key)]) == 0
    out = capsys.readouterr().out
    assert "Per skill" in out and "all skills" in out and "q3" in out
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty), "--key", str(key)]) == 2
    assert "no answers files found" in capsys.readouterr().err
    assert main(["report", str(folder), "--key", str(ROOT / "instructor" / "exercises" /
                                                        "00_start_here.yaml")]) == 2
    assert "has no lesson" in capsys.readouterr().err


def test_charts_show_the_tables_without_names(small_class):
    from mediakit.charts.report import item_gain_chart, skill_before_after_chart, student_change_chart

    folder, key = small_class
    report = class_report(folder, key)
    skills = skill_before_after_chart(report.skills).to_dict()
    values = next(iter(skills["datasets"].values()))
    assert {(v["skill"], v["check"]) for v in values} >= {("sourcing", "before"),
                                                          ("all skills", "after")}
    items = item_gain_chart(report.items).to_dict()
    assert [v["item"] for v in next(iter(items["datasets"].values()))] == ["q1", "q2", "q3"]
    dots = json.dumps(student_change_chart(report.students).to_dict())
    assert "Ann" not in dots and "Bo" not in dots and '"before": 0.375' in dots


def test_a_sample_class_needs_a_key_with_the_two_checks(tmp_path):
    with pytest.raises(ValueError, match="has no lesson 'skills_check_before', 'skills_check_after'"
                       r" \(it has: 00_start_here\); give the instructor's exercises folder"):
        make_sample_class(tmp_path, ROOT / "instructor" / "exercises" / "00_start_here.yaml")


def test_sample_class_is_realistic_and_deterministic(tmp_path):
    key = ROOT / "instructor" / "exercises"
    first = class_report(make_sample_class(tmp_path / "a", key), key)
    again = class_report(make_sample_class(tmp_path / "b", key), key)
    assert first.counts == {"files": 29, "unreadable": 1, "students": 25, "both": 19,
                            "before only": 4, "after only": 2, "neither": 0}
    assert first.skills.equals(again.skills)
    whole = row(first.skills, "skill", "all skills")
    assert 0.2 < whole["before"] < whole["after"] < 0.95  # the class learned, not perfectly
    assert len(first.items) == 14 and (first.items["n"] == 19).all()


def test_instructor_notebook_runs_top_to_bottom(tmp_path, monkeypatch, record_figures):
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the sample class goes here
    path = ROOT / "instructor" / "class_report.ipynb"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert not [c for c in raw["cells"] if c["cell_type"] == "code" and c.get("outputs")]
    nb = nbformat.read(path, as_version=4)
    started = time.monotonic()
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    record_figures("instructor/class_report.ipynb", f"ran in {time.monotonic() - started:.1f} s")
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") for o in outputs)
    assert "25 student(s): 19 took both checks, 4 only the check before, 2 only the check after" in text
    charts = [o for o in outputs if "application/vnd.vegalite.v5+json" in o.get("data", {})]
    assert len(charts) == 3
    assert list(tmp_path.glob("*/sample-class/*.json"))
