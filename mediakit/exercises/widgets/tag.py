"""tag: a label for each item, e.g. each quotation -> the side of its speaker."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from .base import ExerciseBox


class TagBox(ExerciseBox):
    def build(self):
        self.choices = {}
        rows = []
        # words of the text are quoted; items in the author's own words (e.g. facts to find in a
        # passage) are not. Decided once for all items: quoting only those copied from the
        # passage would tell the student which ones they are, and so give answers away.
        passage = self.exercise.passage
        quoted = not passage or all(item.text in passage for item in self.exercise.items)
        for item in self.exercise.items:
            menu = w.Dropdown(options=[("choose…", None)] + [(x, x) for x in self.exercise.labels],
                              value=None, layout=w.Layout(width="11em"))
            menu.observe(self.changed, names="value")
            self.choices[item.id] = menu
            shown = f"“{escape(item.text)}”" if quoted else escape(item.text)
            rows.append(w.HBox([menu, w.HTML(shown, layout=w.Layout(width="auto"))]))
        return w.VBox(rows)

    def get_answer(self):
        return {item_id: menu.value for item_id, menu in self.choices.items()
                if menu.value is not None}

    def set_answer(self, answer) -> None:
        for item_id, menu in self.choices.items():
            menu.value = answer.get(item_id)
