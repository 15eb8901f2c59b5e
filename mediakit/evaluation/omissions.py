"""How well `compare` finds omitted facts, measured on the gold fact lists.

For every ordered pair (A, B) of articles of a same-story event, the facts A reports
and B omits should be flagged in A. Recall: such facts with at least one flagged claim
of A overlapping the fact's evidence in A, over all such facts. Precision: flagged
claims of A overlapping the evidence of some fact A reports and B omits, over all
flagged claims.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import permutations

from ..analysis.omissions import compare
from ..corpus import load_folder
from .gold import GOLD_PATH, Score, load_builtin_gold


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def score_pair(result: dict, a: str, b: str, facts) -> tuple[Score, list[str], list[str]]:
    """Score the claims flagged in a (vs b); also the missed fact ids and false flags."""
    expected = [f for f in facts if a in f.present and b not in f.present]
    flagged = result["only_in"][a]
    hit_facts = [f for f in expected
                 if any(_overlaps(c["start"], c["end"], f.present[a].start, f.present[a].end)
                        for c in flagged)]
    good = [c for c in flagged
            if any(_overlaps(c["start"], c["end"], f.present[a].start, f.present[a].end)
                   for f in expected)]
    missed = [f.id for f in expected if f not in hit_facts]
    wrong = [c["text"] for c in flagged if c not in good]
    return Score(len(good), len(flagged), len(hit_facts), len(expected)), missed, wrong


@lru_cache(maxsize=1)
def _run() -> list[dict]:
    gold = load_builtin_gold(GOLD_PATH)
    articles = {a.id: a for a in load_folder().articles}
    rows = []
    for event in gold.events.values():
        if not event.same_story:
            continue
        for a, b in permutations(event.articles, 2):
            result = compare([articles[a], articles[b]])
            score, missed, wrong = score_pair(result, a, b, event.facts)
            rows.append({"event": event.id, "article": a, "other": b, "score": score,
                         "missed": missed, "wrong": wrong})
    return rows


def evaluate() -> dict:
    """Overall and per-pair precision/recall of omitted-fact flags."""
    rows = _run()
    total = sum((r["score"] for r in rows), Score(0, 0, 0, 0))
    return {
        "precision": round(total.precision, 3),
        "recall": round(total.recall, 3),
        "f1": round(total.f1, 3),
        "flagged": total.found,
        "facts": total.expected,
        "pairs": [{"article": r["article"], "other": r["other"],
                   "precision": round(r["score"].precision, 3),
                   "recall": round(r["score"].recall, 3),
                   "missed": r["missed"], "wrong": r["wrong"]} for r in rows],
    }


def table() -> str:
    """Per-pair table of omitted-fact accuracy."""
    rows = _run()
    out = ["Omitted facts (flagged in article, missing from other)",
           f"{'article':<22}{'other':<22}{'facts':>6}{'found':>6}{'flags':>6}{'P':>7}{'R':>7}"]
    total = Score(0, 0, 0, 0)
    for r in rows:
        s = r["score"]
        total = total + s
        out.append(f"{r['article']:<22}{r['other']:<22}{s.expected:>6}{s.expected_found:>6}"
                   f"{s.found:>6}{s.precision:>7.2f}{s.recall:>7.2f}")
    out.append(f"{'all':<44}{total.expected:>6}{total.expected_found:>6}{total.found:>6}"
               f"{total.precision:>7.2f}{total.recall:>7.2f}")
    return "\n".join(out) + "\n"
