"""How well the loaded-wording analysis finds the gold `loaded` spans.

Scored by span overlap: a found span is right when it overlaps a gold span, and a gold
span is found when some found span overlaps it (precision and recall are counted on
their own sides, as `Score` does). The kind is reported separately: on gold spans that
were found, how often the first overlapping finding has the gold kind.
"""

from __future__ import annotations

from pathlib import Path

from ..analysis.loaded import find_loaded
from ..corpus import load_folder
from ..findings import Finding
from .gold import GOLD_PATH, GoldSpan, Score, load_builtin_gold


def score_article(gold: list[GoldSpan], found: list[Finding]) -> dict:
    def hits(f: Finding) -> list[GoldSpan]:
        return [g for g in gold if f.start < g.end and g.start < f.end]

    found_correct = sum(bool(hits(f)) for f in found)
    kind_right = found_gold = 0
    missed = []
    for g in gold:
        over = [f for f in found if f.start < g.end and g.start < f.end]
        if over:
            found_gold += 1
            kind_right += over[0].label == g.labels["kind"]
        else:
            missed.append(g.text)
    extra = [f.text for f in found if not hits(f)]
    return {"score": Score(found_correct, len(found), found_gold, len(gold)),
            "kind_right": kind_right, "missed": missed, "extra": extra}


def evaluate(gold_path: str | Path = GOLD_PATH) -> dict:
    """Per-article and overall span precision, recall and F1, plus kind agreement."""
    gold = load_builtin_gold(gold_path)
    per_article = {}
    for article in load_folder().articles:
        if article.id in gold.articles:
            per_article[article.id] = score_article(gold.articles[article.id].loaded,
                                                    find_loaded(article))
    total = sum((a["score"] for a in per_article.values()), Score(0, 0, 0, 0))
    kind_right = sum(a["kind_right"] for a in per_article.values())
    return {"articles": per_article, "score": total, "f1": total.f1,
            "kind_accuracy": kind_right / total.expected_found if total.expected_found else 1.0}


def table(figures: dict | None = None) -> str:
    """A printable table: one row per article, then the totals, misses and extras."""
    fig = figures or evaluate()
    rows = [f"{'article':22} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for aid, a in fig["articles"].items():
        s = a["score"]
        rows.append(f"{aid:22} {s.expected:5d} {s.found:5d} {s.precision:6.3f} "
                    f"{s.recall:6.3f} {s.f1:6.3f}")
    s = fig["score"]
    rows.append(f"{'all':22} {s.expected:5d} {s.found:5d} {s.precision:6.3f} "
                f"{s.recall:6.3f} {s.f1:6.3f}")
    rows.append(f"kind agreement on found gold spans: {fig['kind_accuracy']:.3f}")
    for aid, a in fig["articles"].items():
        if a["missed"]:
            rows.append(f"missed in {aid}: " + "; ".join(t[:40] for t in a["missed"]))
        if a["extra"]:
            rows.append(f"not in gold, {aid}: " + "; ".join(t[:40] for t in a["extra"]))
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
