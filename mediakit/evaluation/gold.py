"""Hand-checked answers ("gold") for a set of articles, with every string turned into offsets.

The format is described in `tests/gold/FORMAT.md`: each evidence string is an exact
substring of the article's text, and `occurrence: N` picks the N-th (overlapping,
case-sensitive) match. Resolving those once here lets every scorer work on spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..corpus import Article

# The hand-checked answers for the built-in corpus live with the tests, in the repository.
GOLD_PATH = Path(__file__).resolve().parents[2] / "tests" / "gold" / "seeds.yaml"


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    text: str
    labels: dict  # speaker/type/side/form, or use, or kind


@dataclass
class GoldArticle:
    id: str
    attributions: list[GoldSpan] = field(default_factory=list)
    quote_marks: list[GoldSpan] = field(default_factory=list)
    loaded: list[GoldSpan] = field(default_factory=list)


@dataclass
class GoldFact:
    id: str
    fact: str
    present: dict[str, GoldSpan]  # article id -> evidence span


@dataclass
class GoldEvent:
    id: str
    what: str
    articles: list[str]
    same_story: bool
    facts: list[GoldFact]


@dataclass
class Gold:
    articles: dict[str, GoldArticle]
    events: dict[str, GoldEvent]


def find_occurrence(text: str, needle: str, occurrence: int = 1) -> int:
    """Offset of the occurrence-th overlapping match of `needle` (1-based)."""
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"{needle[:60]!r} does not occur {occurrence} time(s)")
    return pos


def _span(text: str, needle: str, occurrence: int | None, labels: dict) -> GoldSpan:
    start = find_occurrence(text, needle, occurrence or 1)
    return GoldSpan(start, start + len(needle), needle, labels)


def load_gold(path: str | Path, articles: dict[str, Article]) -> Gold:
    """Read a gold file and resolve its evidence against `articles` (id -> Article)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    gold_articles: dict[str, GoldArticle] = {}
    for aid, entry in data["articles"].items():
        text = articles[aid].text
        ga = GoldArticle(aid)
        for a in entry.get("attributions") or []:
            labels = {k: a[k] for k in ("speaker", "type", "side", "form")}
            ga.attributions.append(_span(text, a["evidence"], a.get("occurrence"), labels))
        for q in entry.get("quote_marks") or []:
            ga.quote_marks.append(_span(text, q["text"], q.get("occurrence"), {"use": q["use"]}))
        for w in entry.get("loaded") or []:
            ga.loaded.append(_span(text, w["evidence"], w.get("occurrence"), {"kind": w["kind"]}))
        gold_articles[aid] = ga
    events: dict[str, GoldEvent] = {}
    for eid, ev in (data.get("events") or {}).items():
        facts = [
            GoldFact(f["id"], f["fact"], {
                aid: _span(articles[aid].text, evidence, None, {})
                for aid, evidence in (f.get("present") or {}).items()
            })
            for f in ev["facts"]
        ]
        events[eid] = GoldEvent(eid, ev["what"], list(ev["articles"]),
                                bool(ev.get("same_story", True)), facts)
    return Gold(gold_articles, events)


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 from counts, the figures every accuracy table prints.

    With overlap matching, the found items that hit the gold (`found_correct`) and
    the gold items that were hit (`expected_found`) are counted separately.
    """

    found_correct: int
    found: int
    expected_found: int
    expected: int

    @property
    def precision(self) -> float:
        return self.found_correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.expected_found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.found_correct + other.found_correct, self.found + other.found,
                     self.expected_found + other.expected_found, self.expected + other.expected)


def load_builtin_gold(path: str | Path) -> Gold:
    """Gold for the built-in corpus (the gold file's article ids are the corpus ids)."""
    from ..corpus import load_folder

    return load_gold(path, {a.id: a for a in load_folder().articles})
