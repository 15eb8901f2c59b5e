"""checklist: a grid of facts x outlets; tick each cell where the outlet reports the fact."""

from __future__ import annotations

from html import escape
from importlib import resources
from pathlib import Path

import ipywidgets as w

from ..load import builtin_names
from .base import ExerciseBox, css_name

CHECKLIST_CSS = (Path(str(resources.files("mediakit") / "static")) / "checklist.css").read_text(
    encoding="utf-8")


def outlet_name(article_id: str) -> str:
    return builtin_names().get(article_id, article_id)


def cell_label(fact_text: str, outlet: str) -> str:
    """What a screen reader says for one checkbox (its description): the outlet and the fact,
    since a grid cell on its own has no visible words."""
    return f"{outlet_name(outlet)} reports: {fact_text}"


class ChecklistBox(ExerciseBox):
    def build(self):
        ex = self.exercise
        columns = f"minmax(14em, 3fr) repeat({len(ex.outlets)}, minmax(7em, 1fr))"
        heading = w.HTML(f"<style>{CHECKLIST_CSS}</style><b>Fact</b>")
        cells = [heading] + [w.HTML(f"<b>{escape(outlet_name(o))}</b>") for o in ex.outlets]
        self.ticks: dict[tuple[str, str], w.Checkbox] = {}
        for fact in ex.facts:
            cells.append(w.HTML(escape(fact.text)))
            for outlet in ex.outlets:
                # The description is the checkbox's accessible name; CHECKLIST_CSS hides it on
                # screen, where the row and column headings already say it.
                box = w.Checkbox(value=False, indent=False, description=cell_label(fact.text, outlet))
                box.add_class("mk-cell")
                box.add_class(f"mk-fact-{css_name(fact.id)}")
                box.add_class(f"mk-outlet-{css_name(outlet)}")
                box.observe(self.changed, names="value")
                self.ticks[(fact.id, outlet)] = box
                cells.append(box)
        return w.GridBox(cells, layout=w.Layout(grid_template_columns=columns))

    def get_answer(self):
        answer = {}
        for fact in self.exercise.facts:
            answer[fact.id] = [o for o in self.exercise.outlets if self.ticks[(fact.id, o)].value]
        return answer

    def set_answer(self, answer) -> None:
        for (fact_id, outlet), box in self.ticks.items():
            box.value = outlet in (answer.get(fact_id) or [])
