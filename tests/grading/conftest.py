"""Grade a student's answers file as pytest tests (GitHub Classroom autograding style).

Run:  pytest tests/grading            (grades ./mediakit-answers.json)
      MEDIAKIT_ANSWERS=path/to/answers.json pytest tests/grading
The key is $MEDIAKIT_KEY, else instructor/exercises/ if present, else the released exercises/.
The kit's own suite does not collect this folder: tests/conftest.py has
`collect_ignore = ["grading"]`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mediakit.exercises.grade import load_key, read_answers
from mediakit.exercises.store import ENV_VAR, FILE_NAME

ROOT = Path(__file__).resolve().parents[2]


def answers_file() -> Path:
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else ROOT / FILE_NAME


def key_path() -> Path:
    env = os.environ.get("MEDIAKIT_KEY")
    if env:
        return Path(env)
    source = ROOT / "instructor" / "exercises"
    return source if source.is_dir() else ROOT / "exercises"


KEY = load_key(key_path())
# Read once at import: tests/conftest.py points MEDIAKIT_ANSWERS at a temporary file for each
# of the kit's own tests, which must not change which file is graded here.
ANSWERS = answers_file()


def pytest_generate_tests(metafunc):
    if "exercise" in metafunc.fixturenames:
        pairs = [(lesson, ex) for lesson, ex in KEY.columns]
        ids = [f"{lesson}/{ex.id}:{ex.points:g}pt" for lesson, ex in pairs]
        metafunc.parametrize("exercise", pairs, ids=ids)


@pytest.fixture(scope="session")
def answers() -> dict:
    path = ANSWERS
    if not path.is_file():
        pytest.fail(f"no answers file found at {path}: save your answers in the notebooks "
                    f"(they go to {FILE_NAME} in the course folder) or set {ENV_VAR}",
                    pytrace=False)
    data, problem = read_answers(path)
    if data is None:
        pytest.fail(f"{path}: {problem}", pytrace=False)
    return data["answers"]


@pytest.fixture(scope="session")
def unmarked() -> set[str]:
    """Lessons with `feedback: off` (the skills check): their tests say only whether each item
    is answered, so grading never shows a student the check's results before the second check."""
    return set(KEY.known) - KEY.marked
