"""Who reports what: a fact checklist as a tidy table (one row per fact and article).

Also `omissions_table`, the claims `compare` found in one article only, one row each.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..analysis.checklists import Checklist, load_checklist
from ..corpus import Article

COVERAGE_COLUMNS = ["fact_id", "fact", "article", "outlet", "reported", "evidence", "start",
                    "end"]
OMISSION_COLUMNS = ["article", "start", "end", "text", "best_match_article", "best_match",
                    "score", "reason"]


def coverage_table(checklist: Checklist | str, articles: Iterable[Article] | None = None
                   ) -> pd.DataFrame:
    """Fact x outlet: reported or not, with the evidence and (given the articles) its offsets.

    `start`/`end` index the article's text (missing when the article is not given, or
    the fact is not reported). Facts keep the checklist's order.
    """
    if not isinstance(checklist, Checklist):
        checklist = load_checklist(checklist)
    by_id = {a.id: a for a in articles or []}
    rows = []
    for fact in checklist.facts:
        for aid, outlet in checklist.articles.items():
            evidence = fact.reported.get(aid)
            span = checklist.evidence_span(fact, by_id[aid]) if aid in by_id else None
            rows.append({
                "fact_id": fact.id, "fact": fact.fact, "article": aid, "outlet": outlet,
                "reported": evidence is not None, "evidence": evidence or "",
                "start": span[0] if span else None, "end": span[1] if span else None,
            })
    table = pd.DataFrame(rows, columns=COVERAGE_COLUMNS)
    table["start"] = table["start"].astype("Int64")
    table["end"] = table["end"].astype("Int64")
    return table


def omissions_table(result: dict) -> pd.DataFrame:
    """The claims of `compare(...)` found in one article only, in reading order."""
    rows = []
    for aid in result["articles"]:
        for item in result["only_in"].get(aid, []):
            match = item.get("best_match") or {}
            rows.append({
                "article": aid, "start": item["start"], "end": item["end"],
                "text": item["text"], "best_match_article": match.get("id"),
                "best_match": match.get("text"), "score": match.get("score"),
                "reason": item["reason"],
            })
    return pd.DataFrame(rows, columns=OMISSION_COLUMNS)


def discrepancies_table(discrepancies: list[dict]) -> pd.DataFrame:
    """One row per clash of numbers or dates between two articles, with the reason."""
    rows = []
    for item in discrepancies:
        first, second = item["spans"][:2]
        rows.append({
            "what": item["label"],
            "article_a": first["id"], "says_a": first["text"],
            "article_b": second["id"], "says_b": second["text"],
            "score": item["score"], "reason": item["reason"],
        })
    return pd.DataFrame(rows, columns=["what", "article_a", "says_a", "article_b", "says_b",
                                       "score", "reason"])
