"""`validate_exercises`: every problem in a lesson file or folder, for `mediakit check`."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..problems import Problem
from .load import load_lessons

LEAKY = ("model_answer", "rubric", "correct", "label", "explanation", "reported")


def validate_exercises(path: str | Path) -> list[Problem]:
    """Problems in a lesson file or a folder of them (source or released); [] if all is well."""
    docs, problems = load_lessons(path)
    for doc in docs:
        if doc.released:
            problems.extend(_leaks(Path(doc.path)))
    return problems


def _leaks(path: Path) -> list[Problem]:
    """A released file must not carry answer fields in plain text."""
    found = []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def walk(node, ex_id):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in LEAKY:
                    found.append(Problem(path.name, f"{ex_id}.{key}",
                                         f"exercise '{ex_id}': the student file shows '{key}' "
                                         "in plain text", "edit instructor/exercises/ and run "
                                         "'mediakit release' instead of editing this file"))
                walk(value, ex_id)
        elif isinstance(node, list):
            for value in node:
                walk(value, ex_id)

    for exercise in data.get("exercises") or []:
        if isinstance(exercise, dict):
            walk({k: v for k, v in exercise.items()}, exercise.get("id"))
    return found
