"""Grading: answers files -> one CSV row per student, reading data only, never stopping."""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from mediakit.exercises.grade import grade, load_key, main_grade

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "instructor" / "exercises"
RELEASED = ROOT / "exercises"
FIXTURES = ROOT / "tests" / "fixtures" / "answers"
L0 = "00_start_here"

# Answers with their points, worked out by hand from instructor/exercises/00_start_here.yaml
# and the partial-credit rules in its README (not computed by the code under test).
CHOICES = {
    "genre-check": [("gr", 1.0), ("jpost", 0.0), ("sputnik", 0.0)],
    "opinion-signs": [(["judgement", "scare-quotes"], 2.0), (["judgement"], 1.0),
                      (["judgement", "dateline"], 0.0), (["scare-quotes", "judgement",
                                                          "quotes-putin"], 1.0)],
    # words 7 Israel, 22 Israeli, 23 President are the targets; 12 "also" is not
    "spot-scare-quotes": [([7, 22, 23], 2.0), ([7, 22], 1.33), ([7, 12, 22], 0.67),
                          ([7, 12], 0.0), ([], 0.0)],
    "quote-sides": [({"compatriots": "russia", "iran-attempts": "israel",
                      "kremlin-agenda": "russia", "sovereignty": "israel"}, 2.0),
                    ({"compatriots": "russia", "iran-attempts": "israel"}, 1.0),
                    ({"compatriots": "israel"}, 0.0)],
    "sochi-facts": [({"met-in-sochi": ["rferl-2019-09-12", "sputnik-2019-09-12"],
                      "compatriots": ["rferl-2019-09-12"], "iran-attacks": ["rferl-2019-09-12"],
                      "snap-election": ["sputnik-2019-09-12"]}, 3.0),
                    ({"met-in-sochi": ["rferl-2019-09-12", "sputnik-2019-09-12"]}, 1.2),
                    ({"met-in-sochi": ["rferl-2019-09-12"], "snap-election":
                      ["rferl-2019-09-12"]}, 0.0)],
}


def write_answers(path: Path, name: str, answers: dict) -> None:
    path.write_text(json.dumps({"format": "mediakit-answers/1",
                                "student": {"name": name, "id": name},
                                "answers": {L0: {k: {"answer": v, "attempts": 1}
                                                 for k, v in answers.items()}}}))


def test_fixtures_full_partial_and_broken():
    rows = {Path(r["file"]).name: r for r in grade(sorted(FIXTURES.glob("*.json")), SOURCE)}
    full, partial = rows["full.json"], rows["partial.json"]
    assert full["total"] == 10.0 and full["problems"] == ""
    assert full["max"] == load_key(SOURCE).max_points  # every lesson in the key counts
    assert full[f"{L0}/what-is-missing"] == ""  # marked by a person
    assert partial["total"] == 3.67 and partial[f"{L0}/spot-scare-quotes"] == 0.67
    tampered = rows["tampered.json"]
    assert tampered["total"] == 0.0
    assert tampered["name"].startswith("'=")  # no spreadsheet formula
    for words in ("not an option id", "no option 'no-such-option'", "word number is outside",
                  "quote-sides: the record has no 'answer'", "unknown exercise 'invented'",
                  "unknown lesson '99_unknown'", "ticks for fact 'met-in-sochi'"):
        assert words in tampered["problems"], words
    assert "not a JSON answers file" in rows["not_json.json"]["problems"]
    assert "not a JSON answers file" in rows["truncated.json"]["problems"]


def test_released_key_grades_like_the_instructor_key():
    files = sorted(FIXTURES.glob("*.json"))
    assert grade(files, SOURCE) == grade(files, RELEASED)


def test_giant_and_deep_files_score_zero_without_stopping(tmp_path):
    huge = tmp_path / "huge.json"
    huge.write_text('{"answers": {"x": "' + "a" * 6_000_000 + '"}}')
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    long_text = tmp_path / "long.json"
    write_answers(long_text, "L", {"what-is-missing": "word " * 10_000, "genre-check": "x" * 10**5})
    rows = grade([huge, deep, long_text, FIXTURES / "full.json"], SOURCE)
    assert "more than" in rows[0]["problems"] and rows[0]["total"] == 0
    assert "not a JSON answers file" in rows[1]["problems"]
    assert "not an option id" in rows[2]["problems"]
    assert rows[3]["total"] == 10.0


def test_a_class_of_1000_graded_to_the_expected_csv(tmp_path, capsys):
    rng = random.Random(7)
    expected = {}
    folder = tmp_path / "class"
    folder.mkdir()
    for n in range(1000):
        answers, points = {}, {}
        for exercise, options in CHOICES.items():
            if rng.random() < 0.1:
                points[exercise] = 0.0  # not answered
                continue
            answers[exercise], points[exercise] = rng.choice(options)
        name = f"student{n:04d}"
        write_answers(folder / f"{name}.json", name, answers)
        expected[name] = points
    out = tmp_path / "grades.csv"
    start = time.perf_counter()
    assert main_grade([str(folder), "--key", str(SOURCE), "--out", str(out)]) == 0
    seconds = time.perf_counter() - start
    print(f"\n[figures] graded 1000 answers files in {seconds:.2f} s")
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1000
    for row in rows:
        points = expected[row["name"]]
        for exercise, value in points.items():
            assert float(row[f"{L0}/{exercise}"]) == value, (row["name"], exercise)
        assert float(row["total"]) == round(sum(points.values()), 2)
        assert row["problems"] == ""
    assert seconds < 30


def test_grading_never_executes_answers(tmp_path):
    marker = tmp_path / "pwned"
    evil = tmp_path / "evil.json"
    write_answers(evil, "e", {"genre-check": f"__import__('os').system('touch {marker}')",
                              "what-is-missing": "{{7*7}} ${{7*7}} `touch x`"})
    row = grade([evil], SOURCE)[0]
    assert not marker.exists() and row["total"] == 0


def test_cli_writes_texts_for_hand_marking(tmp_path):
    out, texts = tmp_path / "g.csv", tmp_path / "t.csv"
    assert main_grade([str(FIXTURES / "full.json"), "--key", str(SOURCE / f"{L0}.yaml"),
                       "--out", str(out), "--texts", str(texts)]) == 0
    with open(texts, newline="", encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert "Netanyahu" in row["answer"] and row["rubric"] and row["model_answer"]
    assert main_grade([str(FIXTURES), "--key", str(tmp_path / "missing")]) == 2


def with_check_answers(tmp_path) -> Path:
    """partial.json plus skills-check answers: one right, one wrong (a check is not marked)."""
    data = json.loads((FIXTURES / "partial.json").read_text(encoding="utf-8"))
    data["answers"]["skills_check_before"] = {"src-who-quoted": {"answer": "adeyemi"},
                                              "wrd-why-quotes": {"answer": "no-such-option"}}
    path = tmp_path / "with-check.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_skills_check_points_are_shown_but_not_in_total(tmp_path):
    path = with_check_answers(tmp_path)
    (row,) = grade([path], SOURCE)
    key = load_key(SOURCE)
    assert row["skills_check_before/src-who-quoted"] == 1.0
    lessons = sum(row[f"{lesson}/{ex.id}"] for lesson, ex in key.columns
                  if ex.auto_scored and lesson in key.marked)
    assert row["total"] == round(lessons, 2)
    assert "skills_check_before" not in key.marked and L0 in key.marked
    assert row["max"] == sum(ex.points for lesson, ex in key.columns
                             if ex.auto_scored and not lesson.startswith("skills_check"))


def test_pytest_grading_agrees_with_mediakit_grade(tmp_path):
    for path in (FIXTURES / "partial.json", with_check_answers(tmp_path)):
        fixture = path.name  # some exercises pass, some fail, one is skipped
        report = tmp_path / f"{fixture}.xml"
        env = {**os.environ, "MEDIAKIT_ANSWERS": str(path)}
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        str(ROOT / "tests" / "grading"), f"--junitxml={report}"],
                       env=env, cwd=ROOT, capture_output=True, timeout=120)
        outcome = {}
        for case in ET.parse(report).getroot().iter("testcase"):
            test_id = case.get("name").split("[", 1)[1].rstrip("]")
            column = test_id.rsplit(":", 1)[0]
            state = "skipped" if case.find("skipped") is not None else \
                "failed" if case.find("failure") is not None else "passed"
            outcome[column] = state
        (row,) = grade([path], SOURCE)
        key = load_key(SOURCE)
        assert set(outcome) == {f"{lesson}/{ex.id}" for lesson, ex in key.columns}
        for lesson, ex in key.columns:
            column = f"{lesson}/{ex.id}"
            if not ex.auto_scored:
                assert outcome[column] == "skipped"
            elif lesson not in key.marked:  # a check: passes once answered, right or wrong
                answered = ex.id in json.loads(path.read_text()).get("answers", {}).get(lesson, {})
                assert (outcome[column] == "passed") == answered, column
            else:
                assert (outcome[column] == "passed") == (row[column] == ex.points), column
        assert {"passed", "failed", "skipped"} == set(outcome.values())


def test_one_lesson_key_does_not_flag_other_lessons(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"format": "mediakit-answers/1", "student": {},
                                "answers": {"05_other": {"q": {"answer": 1}},
                                            L0: {"genre-check": {"answer": "gr"}}}}))
    (row,) = grade([path], SOURCE / f"{L0}.yaml")
    assert row["problems"] == "" and row["total"] == 1.0
    (row,) = grade([path], SOURCE)
    assert "unknown lesson '05_other'" in row["problems"]


def random_json(rng: random.Random, depth: int = 0):
    """A random JSON value, biased towards the shapes answers have (ids, word numbers)."""
    kind = rng.randrange(9 if depth < 3 else 6)
    atoms = [None, True, 0, -1, 7, 10**30, 1.5, float("nan"), "", "gr", "russia", "7",
             "rferl-2019-09-12", "x" * 300]
    if kind < 6:
        return rng.choice(atoms)
    if kind < 8:
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(5))]
    keys = ["compatriots", "met-in-sochi", "gr", "", "?"]
    return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randrange(4))}


def test_score_never_raises_on_any_json_answer():
    from mediakit.exercises.score import score

    rng = random.Random(3)
    key = load_key(SOURCE)
    for _ in range(2000):
        value = random_json(rng)
        for _, ex in key.columns:
            result = score(ex, value)
            assert result.fraction is None or 0.0 <= result.fraction <= 1.0, (ex.id, value)
