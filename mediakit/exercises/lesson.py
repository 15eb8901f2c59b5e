"""`Lesson`: what a lesson notebook calls to show its exercises and the student panel."""

from __future__ import annotations

import os
import warnings
from html import escape
from pathlib import Path

import ipywidgets as w

from .load import load_lesson_file
from .schema import LessonDoc
from .score import score
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
            rows.append({"exercise": ex.id, "done": answer not in (None, "", [], {}),
                         "attempts": record.get("attempts", 0) if isinstance(record, dict) else 0,
                         "points": result.points if ex.auto_scored else None,
                         "max": ex.points})
        return rows

    def progress(self):
        """A small table: done, attempts and points so far (with `feedback: off`: done only)."""
        rows = self.scores()
        if not self.doc.feedback:
            done = sum(r["done"] for r in rows)
            body = "".join(f"<tr><td>{escape(r['exercise'])}</td><td>{'✓' if r['done'] else '–'}"
                           "</td></tr>" for r in rows)
            return w.HTML(f"<table><tr><th>Question</th><th>Answered</th></tr>{body}<tr><td><b>"
                          f"Total</b></td><td><b>{done} of {len(rows)} answered</b></td></tr>"
                          "</table>")
        body = "".join(
            f"<tr><td>{escape(r['exercise'])}</td><td>{'✓' if r['done'] else '–'}</td>"
            f"<td>{escape(str(r['attempts']))}</td><td>{_points(r['points'])} / {r['max']:g}</td></tr>"
            for r in rows)
        got = sum(r["points"] or 0 for r in rows)
        total = self.doc.total_points
        return w.HTML("<table><tr><th>Exercise</th><th>Done</th><th>Attempts</th><th>Points</th>"
                      f"</tr>{body}<tr><td><b>Total</b></td><td></td><td></td>"
                      f"<td><b>{got:g} / {total:g}</b></td></tr></table>")


def _points(points: float | None) -> str:
    return "teacher" if points is None else f"{points:g}"
