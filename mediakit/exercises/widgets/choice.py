"""single_choice (radio buttons) and multiple_choice (checkboxes)."""

from __future__ import annotations

import ipywidgets as w

from .base import ExerciseBox

WIDE = w.Layout(width="auto")


class SingleChoiceBox(ExerciseBox):
    def build(self):
        options = [(o.text, o.id) for o in self.exercise.options]
        self.choice = w.RadioButtons(options=options, value=None, layout=WIDE)
        self.choice.observe(self.changed, names="value")
        return self.choice

    def get_answer(self):
        return self.choice.value

    def set_answer(self, answer) -> None:
        self.choice.value = answer


class MultipleChoiceBox(ExerciseBox):
    def build(self):
        self.boxes = {o.id: w.Checkbox(description=o.text, value=False, indent=False,
                                       layout=WIDE) for o in self.exercise.options}
        for box in self.boxes.values():
            box.observe(self.changed, names="value")
        return w.VBox(list(self.boxes.values()))

    def get_answer(self):
        return [opt_id for opt_id, box in self.boxes.items() if box.value]

    def set_answer(self, answer) -> None:
        for opt_id, box in self.boxes.items():
            box.value = opt_id in answer
