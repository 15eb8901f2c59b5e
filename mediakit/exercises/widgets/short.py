"""short_answer: free text, saved as typed, marked by a person with the rubric."""

from __future__ import annotations

import ipywidgets as w

from .base import ExerciseBox


class ShortAnswerBox(ExerciseBox):
    check_label = "Submit"

    def build(self):
        self.text = w.Textarea(placeholder="Write your answer here…", rows=4,
                               continuous_update=False, layout=w.Layout(width="100%"))
        self.text.observe(self.changed, names="value")
        return self.text

    def get_answer(self):
        return self.text.value

    def set_answer(self, answer) -> None:
        self.text.value = answer
