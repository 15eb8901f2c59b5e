"""How well the quotation-mark analysis labels the pairs in the gold file.

Each gold pair is scored against the found pair that overlaps it most: right when the
use (speech, scare, title, mention) is the same. Besides accuracy, scare quotes get
precision, recall and F1 of their own, because they are what lesson 2 is about.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..analysis.quote_marks import USES, find_quote_marks
from ..corpus import load_folder
from ..findings import Finding
from .gold import GOLD_PATH, GoldSpan, Score, load_builtin_gold


def best_match(gold: GoldSpan, found: list[Finding]) -> Finding | None:
    """The found span that overlaps the gold span most (None if none overlaps).

    Ties (a quote inside a quote overlaps its outer pair as much) go to the span
    closest in length to the gold one.
    """
    best, best_key = None, (0, 0)
    for f in found:
        overlap = min(f.end, gold.end) - max(f.start, gold.start)
        exact = f.start == gold.start and f.end == gold.end
        key = (overlap, -abs((f.end - f.start) - (gold.end - gold.start)))
        if (overlap > 0 or exact) and (best is None or key > best_key):
            best, best_key = f, key
    return best


def score_article(gold: list[GoldSpan], found: list[Finding]) -> dict:
    """Counts for one article: right labels, confusion pairs and scare-quote counts."""
    right = 0
    confusion: Counter = Counter()
    matched: set[int] = set()
    tp = 0
    for g in gold:
        f = best_match(g, found)
        want = g.labels["use"]
        got = f.label if f else "missed"
        if f is not None:
            matched.add(id(f))
        right += got == want
        confusion[(want, got)] += 1
        tp += want == got == "scare"
    found_scare = sum(f.label == "scare" for f in found)
    gold_scare = sum(g.labels["use"] == "scare" for g in gold)
    return {"pairs": len(gold), "found": len(found), "right": right, "confusion": confusion,
            "scare": Score(tp, found_scare, tp, gold_scare),
            "unmatched_found": len(found) - len(matched)}


def evaluate(gold_path: str | Path = GOLD_PATH) -> dict:
    """Per-article and overall figures: accuracy and scare-quote precision/recall/F1."""
    gold = load_builtin_gold(gold_path)
    per_article = {}
    for article in load_folder().articles:
        if article.id not in gold.articles:
            continue
        per_article[article.id] = score_article(gold.articles[article.id].quote_marks,
                                                find_quote_marks(article))
    pairs = sum(a["pairs"] for a in per_article.values())
    right = sum(a["right"] for a in per_article.values())
    scare = sum((a["scare"] for a in per_article.values()), Score(0, 0, 0, 0))
    confusion = sum((a["confusion"] for a in per_article.values()), Counter())
    return {"articles": per_article, "pairs": pairs, "right": right,
            "accuracy": right / pairs if pairs else 1.0, "scare": scare,
            "scare_f1": scare.f1, "confusion": confusion}


def table(figures: dict | None = None) -> str:
    """A printable table: one row per article, then the totals and the confusions."""
    fig = figures or evaluate()
    rows = [f"{'article':22} {'pairs':>5} {'right':>5} {'acc':>6} {'scare P':>8} "
            f"{'scare R':>8} {'scare F1':>8}"]
    for aid, a in fig["articles"].items():
        s = a["scare"]
        rows.append(f"{aid:22} {a['pairs']:5d} {a['right']:5d} {a['right'] / a['pairs']:6.3f} "
                    f"{s.precision:8.3f} {s.recall:8.3f} {s.f1:8.3f}")
    s = fig["scare"]
    rows.append(f"{'all':22} {fig['pairs']:5d} {fig['right']:5d} {fig['accuracy']:6.3f} "
                f"{s.precision:8.3f} {s.recall:8.3f} {s.f1:8.3f}")
    wrong = [f"{want}->{got}: {n}" for (want, got), n in sorted(fig["confusion"].items())
             if want != got]
    rows.append("errors (gold->found): " + (", ".join(wrong) if wrong else "none"))
    rows.append("uses: " + ", ".join(USES))
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
