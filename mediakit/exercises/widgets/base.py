"""What every exercise widget shares: prompt, Check and Hint buttons, saving and feedback.

Each type subclass only builds its controls and converts between them and the JSON answer;
saving (the moment an answer changes), restoring, attempts and feedback live here.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from ..load import builtin_names
from ..schema import Exercise
from ..score import score
from ..store import AnswerStore
from .feedback import feedback_html, quote_html


def css_name(text: str) -> str:
    """`text` as a safe CSS class part: letters, digits, "-" and "_" kept, the rest "-"."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in str(text))


def exercise_classes(exercise: Exercise) -> list[str]:
    """Stable classes of an exercise's box, for styles, tests and assistive tech alike:
    `mk-exercise`, `mk-exercise-<id>` and `mk-type-<type>` (not its prompt or position)."""
    return ["mk-exercise", f"mk-exercise-{css_name(exercise.id)}",
            f"mk-type-{css_name(exercise.type)}"]


def passage_html(passage: str) -> str:
    """An exercise's own passage as escaped paragraphs (blank lines split them)."""
    paragraphs = [" ".join(p.split()) for p in passage.split("\n\n") if p.strip()]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return ("<blockquote class='mk-passage' style='border-left:4px solid #d0d7de;margin:4px 0;"
            f"padding:0 10px'>{body}</blockquote>")


class ExerciseBox(w.VBox):
    """One exercise as a widget; subclasses implement build/get_answer/set_answer.

    `feedback=False` (a lesson file with `feedback: off`): answers are saved and the button
    says Save, but no score, right/wrong marks or explanations are ever shown."""

    check_label = "Check"

    def __init__(self, lesson: str, exercise: Exercise, store: AnswerStore, on_saved=None,
                 feedback: bool = True):
        super().__init__(layout=w.Layout(border="1px solid #d0d7de", padding="8px",
                                          margin="8px 0"))
        for name in exercise_classes(exercise):
            self.add_class(name)
        self.lesson, self.exercise, self.store = lesson, exercise, store
        self.on_saved = on_saved
        self.gives_feedback = feedback
        self.attempts = 0
        self.result = None
        self._restoring = False
        points = f"{exercise.points:g} point{'s' if exercise.points != 1 else ''}"
        marked = "" if exercise.auto_scored else ", marked by your teacher"
        worth = f" <small>({points}{marked})</small>" if feedback else ""  # off: no scores at all
        self.prompt = w.HTML(f"<p><b>{escape(exercise.prompt)}</b>{worth}</p>")
        context = []
        if exercise.article and exercise.span and exercise.type not in ("highlight",):
            name = builtin_names().get(exercise.article, exercise.article)
            context.append(w.HTML(f"<p><small>About the article: {escape(name)} "
                                  f"(<code>{escape(exercise.article)}</code>)</small></p>"))
        # a highlight marks words in its excerpt: the whole passage is shown only when the
        # excerpt is a `span` of it
        if exercise.passage and (exercise.type != "highlight" or exercise.span):
            context.append(w.HTML(passage_html(exercise.passage)))
        self.check_button = w.Button(description=self.check_label, button_style="primary",
                                     tooltip="Check your answer and see why")
        if not feedback:
            self.check_button.description = "Save"
            self.check_button.tooltip = "Save your answer (no score is shown in this check)"
        self.hint_button = w.Button(description="Hint", disabled=not exercise.hint,
                                    tooltip="Show a hint")
        if not feedback and not exercise.hint:
            self.hint_button.layout.display = "none"
        self.hint = w.HTML()
        self.status = w.HTML()
        self.feedback = w.HTML()
        self.check_button.on_click(lambda _: self.check())
        self.hint_button.on_click(lambda _: self.show_hint())
        self.controls = self.build()
        self.children = [self.prompt, *context, self.controls,
                         w.HBox([self.check_button, self.hint_button]),
                         self.hint, self.feedback, self.status]
        self.restore()

    # for subclasses ----------------------------------------------------------------------
    def build(self) -> w.Widget:
        raise NotImplementedError

    def get_answer(self):
        raise NotImplementedError

    def set_answer(self, answer) -> None:
        raise NotImplementedError

    def show_marks(self, result) -> None:
        """Type-specific marks on the controls after a check (e.g. coloured words)."""

    # behaviour ---------------------------------------------------------------------------
    def changed(self, *_):
        """Called by controls on every change: save at once."""
        if not self._restoring:
            self.feedback.value = ""  # feedback was about the previous answer
            self.save(checked=False)

    def save(self, *, checked: bool):
        status = self.store.save_answer(self.lesson, self.exercise.id, self.get_answer(),
                                        checked=checked)
        if status.ok:
            self.attempts = status.record["attempts"]
            time = dt.datetime.now().strftime("%H:%M:%S")
            self.status.value = f"<small style='color:#57606a'>Saved {time}</small>"
            if self.on_saved:
                self.on_saved()
        else:
            self.status.value = f"<p style='color:#b42318'><b>{escape(status.message)}</b></p>"
        self._notice()
        return status

    def _notice(self) -> None:
        if self.store.notice:
            self.status.value += f"<p style='color:#b42318'>{escape(self.store.notice)}</p>"

    def check(self):
        status = self.save(checked=True)
        if not status.ok:
            self.attempts += 1
        self.render()
        return self.result

    def render(self) -> None:
        if not self.gives_feedback:
            self.result = None
            self.feedback.value = ""
            return
        self.result = score(self.exercise, self.get_answer())
        if not self.result.answered and self.exercise.auto_scored:
            self.feedback.value = "<p>Give an answer first, then press Check.</p>"
            return
        self.feedback.value = feedback_html(self.exercise, self.result, self.attempts)
        self.show_marks(self.result)

    def show_hint(self) -> None:
        ex = self.exercise
        text = f"<p>💡 {escape(ex.hint or '')}</p>"
        if ex.article and ex.span and ex.type != "highlight":
            text += f"<p>{quote_html(ex.article, ex.span, ex.occurrence)}</p>"
        self.hint.value = text

    def restore(self) -> None:
        """Show the saved answer (after a restart or re-run) and its feedback."""
        record = self.store.record(self.lesson, self.exercise.id)
        self._notice()
        if not isinstance(record, dict) or record.get("answer") is None:
            return
        result = score(self.exercise, record["answer"])
        if result.problem:
            self.status.value = ("<p style='color:#b42318'>Your saved answer could not be "
                                 f"shown: {escape(result.problem)}</p>")
            return
        self._restoring = True
        try:
            self.set_answer(record["answer"])
        finally:
            self._restoring = False
        attempts = record.get("attempts", 0)
        self.attempts = attempts if isinstance(attempts, int) else 0
        if self.attempts:
            self.render()
        self.status.value = ("<small style='color:#57606a'>Your saved answer is back "
                             f"(saved {escape(str(record.get('saved', '')))}).</small>")
