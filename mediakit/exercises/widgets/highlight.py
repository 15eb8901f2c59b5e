"""highlight: mark words of an article excerpt by clicking them (a small anywidget).

The JS and CSS ship in mediakit/static/ (nothing is loaded from the internet). Words are
buttons, so Tab reaches them and Space/Enter toggles them; aria-pressed says if one is marked.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import anywidget
import traitlets

from .base import ExerciseBox

STATIC = Path(str(resources.files("mediakit") / "static"))


class HighlightWidget(anywidget.AnyWidget):
    _esm = STATIC / "highlight.js"
    _css = STATIC / "highlight.css"
    segments = traitlets.List().tag(sync=True)  # [{"t": text, "w": word index or -1}]
    marked = traitlets.List(traitlets.Int()).tag(sync=True)
    states = traitlets.Dict().tag(sync=True)  # word index (str) -> "right" | "wrong"
    label = traitlets.Unicode("Words of the excerpt: press a word to mark it").tag(sync=True)


def _link_markup(span: str) -> set[int]:
    """Positions of link markup copied with a web page's text, "[words](#)", when the address
    has no words: the brackets and the address are hidden; the link's words stay clickable."""
    from ...analysis.sourcing_text import MARKDOWN_LINK  # here: importing analysis costs ~0.1 s

    hidden: set[int] = set()
    for m in MARKDOWN_LINK.finditer(span):
        if m.group(1) and not re.search(r"\w", m.group(2)):
            hidden.update((m.start(), *range(m.end(1), m.end())))
    return hidden


def _shown(span: str, start: int, end: int, hidden: set[int]) -> str:
    return "".join(ch for i, ch in enumerate(span[start:end], start) if i not in hidden)


def segments(span: str, words: list[tuple[int, int, str]]) -> list[dict]:
    """The excerpt cut into clickable words and the text between them."""
    hidden = _link_markup(span)
    out, pos = [], 0
    for index, (start, end, text) in enumerate(words):
        if start > pos:
            out.append({"t": _shown(span, pos, start, hidden), "w": -1})
        out.append({"t": text, "w": index})
        pos = end
    if pos < len(span):
        out.append({"t": _shown(span, pos, len(span), hidden), "w": -1})
    return out


class HighlightBox(ExerciseBox):
    def build(self):
        self.words = self.exercise.words()
        self.marker = HighlightWidget(segments=segments(self.exercise.excerpt, self.words))
        self.marker.observe(self.changed, names="marked")
        return self.marker

    def get_answer(self):
        return sorted(set(self.marker.marked))

    def set_answer(self, answer) -> None:
        self.marker.marked = sorted(set(answer))

    def changed(self, *args):
        self.marker.states = {}
        super().changed(*args)

    def show_marks(self, result) -> None:
        inside = {i for t in self.exercise.targets for i in t.words}
        self.marker.states = {str(i): "right" if i in inside else "wrong"
                              for i in self.marker.marked}
