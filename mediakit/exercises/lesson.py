"""`Lesson`: what a lesson notebook calls to show its exercises and the student panel."""

from __future__ import annotations

import os
import warnings
from html import escape
from pathlib import Path

import ipywidgets as w

from .load import load_lesson_file
from .schema import LessonDoc
from .score import answered, score
from .store import AnswerStore, answers_path

ENV_EXERCISES = "MEDIAKIT_EXERCISES"


def find_exercises_dir(start: str | Path | None = None) -> Path:
    """$MEDIAKIT_EXERCISES, else the nearest `exercises/` folder from `start` (cwd) upward."""
    env = os.environ.get(ENV_EXERCISES)
    if env:
        return Path(env).expanduser()
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "exercises").is_dir():
            return folder / "exercises"
    raise FileNotFoundError(
        f"no 'exercises' folder in {here} or any folder above it: open the notebook from the "
        f"course folder, or set {ENV_EXERCISES} to the exercises folder")


class Lesson:
    """The exercises of one lesson, with answers saved to the student's answers file."""

    def __init__(self, name: str, *, exercises: str | Path | None = None,
                 answers: str | Path | None = None):
        folder = Path(exercises) if exercises else find_exercises_dir()
        path = folder / f"{name}.yaml"
        doc, problems = load_lesson_file(path)
        listed = "\n".join(f"- {p}" for p in problems)
        if doc is None:
            raise ValueError(f"the exercises of lesson {name!r} cannot be used:\n{listed}")
        if problems:  # a stale span should not stop a student: warn, go on
            warnings.warn(f"lesson {name!r} has problems (tell your teacher):\n{listed}",
                          stacklevel=2)
        self.doc: LessonDoc = doc
        self.name = name
        self.store = AnswerStore(answers if answers is not None
                                 else answers_path(folder.resolve().parent))
        self._panels: list = []
        self.boxes: dict[str, w.Widget] = {}

    def __repr__(self) -> str:
        return f"Lesson({self.name!r}, exercises={len(self.doc.exercises)}, answers={self.store.path})"

    def student(self):
        """Name/ID fields, where answers are saved, and a link to download them."""
        from .widgets import StudentBox
        panel = StudentBox(self.store)
        self._panels.append(panel)
        return panel

    def _saved(self) -> None:
        for panel in self._panels:  # keep every download link up to date
            panel.refresh()

    def show(self, exercise_id: str):
        """The widget for one exercise, with the student's saved answer restored."""
        from .widgets import BOXES
        exercise = self.doc.get(exercise_id)
        box = BOXES[exercise.type](self.name, exercise, self.store, on_saved=self._saved,
                                   feedback=self.doc.feedback)
        self.boxes[exercise_id] = box
        return box

    def scores(self) -> list[dict]:
        """Per exercise: id, done, attempts, points so far (None for teacher-marked)."""
        answers = self.store.read()["answers"].get(self.name, {})
        rows = []
        for ex in self.doc.exercises:
            record = answers.get(ex.id)
            answer = record.get("answer") if isinstance(record, dict) else None
            result = score(ex, answer)
            rows.append({"exercise": ex.id, "done": answered(answer),
                         "attempts": record.get("attempts", 0) if isinstance(record, dict) else 0,
                         "points": result.points if ex.auto_scored else None,
                         "max": ex.points})
        return rows

    def progress(self):
        """A small table: done, attempts and points so far (with `feedback: off`: done only)."""
        rows, marked = self.scores(), self.doc.feedback
        columns = [("Exercise" if marked else "Question", lambda r: escape(r["exercise"])),
                   ("Done" if marked else "Answered", lambda r: "✓" if r["done"] else "–")]
        if marked:
            columns += [("Attempts", lambda r: escape(str(r["attempts"]))),
                        ("Points", lambda r: f"{_points(r['points'])} / {r['max']:g}")]
            got = sum(r["points"] or 0 for r in rows)
            total = ["", "", f"{got:g} / {self.doc.total_points:g}"]
        else:  # feedback off: no attempts or points
            total = [f"{sum(r['done'] for r in rows)} of {len(rows)} answered"]
        head = "".join(f"<th>{name}</th>" for name, _ in columns)
        body = "".join("<tr>" + "".join(f"<td>{cell(r)}</td>" for _, cell in columns) + "</tr>"
                       for r in rows)
        foot = "".join(f"<td><b>{x}</b></td>" if x else "<td></td>" for x in ["Total", *total])
        return w.HTML(f"<table><tr>{head}</tr>{body}<tr>{foot}</tr></table>")


def _points(points: float | None) -> str:
    return "teacher" if points is None else f"{points:g}"
