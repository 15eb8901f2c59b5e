"""Lesson 0's notebook shows every lesson-0 exercise once, student panel first, no outputs."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from mediakit.exercises.load import load_lesson_file

ROOT = Path(__file__).resolve().parents[1]


def test_lesson0_notebook_shows_every_exercise_after_the_student_panel():
    nb = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    shown = [m for src in code for m in re.findall(r'lesson\.show\("([^"]+)"\)', src)]
    doc, problems = load_lesson_file(ROOT / "exercises" / "00_start_here.yaml")
    assert problems == []
    assert shown == [e.id for e in doc.exercises]
    first_show = next(i for i, src in enumerate(code) if "lesson.show(" in src)
    student = next(i for i, src in enumerate(code) if "lesson.student()" in src)
    assert student < first_show
    turn = next(i for i, c in enumerate(nb.cells) if c.source.startswith("## Your turn"))
    assert all("lesson." not in c.source for c in nb.cells[:turn])
