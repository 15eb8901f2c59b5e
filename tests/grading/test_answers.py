"""One test per exercise: passes with full points; its points are in the test id."""

from __future__ import annotations

import pytest

from mediakit.exercises.score import score


def test_exercise(exercise, answers, unmarked):
    lesson, ex = exercise
    records = answers.get(lesson) if isinstance(answers.get(lesson), dict) else {}
    record = records.get(ex.id)
    if not ex.auto_scored:
        pytest.skip("short answer: marked by your teacher")
    if not isinstance(record, dict) or "answer" not in record:
        pytest.fail(f"{lesson}/{ex.id}: not answered (0 of {ex.points:g} points)", pytrace=False)
    if lesson in unmarked:
        return  # answered: that is all a check asks; the teacher sees the results
    result = score(ex, record["answer"])
    if result.problem:
        pytest.fail(f"{lesson}/{ex.id}: {result.problem} (0 of {ex.points:g} points)",
                    pytrace=False)
    # pytest.fail, not assert: assertion introspection would print the key (the Exercise)
    if result.points != ex.points:
        pytest.fail(f"{lesson}/{ex.id}: {result.points:g} of {ex.points:g} points; open the "
                    "notebook, press Check and read the feedback", pytrace=False)
