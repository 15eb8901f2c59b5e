"""Who each article lets speak: one row per source (`sources_table`) and a tidy profile
of every article (`sourcing_profile`) that charts and exercises read.

A credit line ("By ...", "With reporting by AP") says who supplied the story, not who
claims something, so the profile counts credits apart from the sources quoted or cited.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..analysis.sourcing import find_sources

# the link pattern the sourcing analysis blanks, so the table shows exactly the links it read
from ..analysis.sourcing_text import MARKDOWN_LINK
from ..corpus import Article

SOURCE_COLUMNS = ["id", "outlet", "start", "end", "speaker", "type", "side", "form", "named",
                  "text", "reason"]
PROFILE_COLUMNS = ["id", "outlet", "measure", "category", "count"]
SUMMARY_COLUMNS = ["id", "outlet", "sources", "direct quotes", "indirect (paraphrased)", "credits",
                   "links", "named sources", "anonymous sources", "wire credits", "self-citations"]
SIDES = ["russia", "israel", "iran", "palestinian", "us", "other", "none"]
FORMS = ["direct", "indirect", "link", "credit"]


def sources_table(article: Article) -> pd.DataFrame:
    """One row per attribution in the article, in reading order.

    `start` and `end` point at the exact span of the article's text; `text` shows it as a
    reader sees it, with the link syntax a copied web page keeps ("[words](address)" ->
    "words")."""
    rows = []
    for f in find_sources(article):
        typ = f.fields.get("type", "other")
        rows.append({
            "id": article.id, "outlet": article.outlet, "start": f.start, "end": f.end,
            "speaker": f.fields.get("speaker", ""), "type": typ, "side": f.fields.get("side", "none"),
            "form": f.label, "named": typ != "anonymous", "text": MARKDOWN_LINK.sub(r"\1", f.text),
            "reason": f.reason,
        })
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


def _counts(article: Article, table: pd.DataFrame) -> list[dict]:
    rows: list[dict] = []

    def add(measure: str, category: str, count: int) -> None:
        rows.append({"id": article.id, "outlet": article.outlet, "measure": measure,
                     "category": category, "count": int(count)})

    claims = table[table["form"] != "credit"]
    credits = table[table["form"] == "credit"]
    add("sources", "attributions", len(claims))
    add("sources", "distinct speakers", claims["speaker"].nunique())
    for form in FORMS:
        add("form", form, (table["form"] == form).sum())
    add("named", "named", claims["named"].sum())
    add("named", "anonymous", (~claims["named"].astype(bool)).sum())
    for side in SIDES:
        add("side", side, (claims["side"] == side).sum())
    for typ in sorted(set(table["type"])):
        add("type", typ, (table["type"] == typ).sum())
    add("credits", "wire", (credits["type"] == "wire").sum())
    add("credits", "all", len(credits))
    add("self", "self-citations", (table["type"] == "self").sum() - (credits["type"] == "self").sum())
    return rows


def sourcing_profile(articles: Iterable[Article]) -> pd.DataFrame:
    """A tidy table: for each article, how many sources of each form, side and type.

    Columns: id, outlet, measure, category, count. Measures: "sources" (attributions
    and distinct speakers, credits left out), "form" (direct, indirect, link, credit),
    "named" (named or anonymous), "side", "type", "credits" (wire credits, all
    credits) and "self" (the writer citing his or her own work).
    """
    rows: list[dict] = []
    for article in articles:
        rows.extend(_counts(article, sources_table(article)))
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


def profile_summary(profile: pd.DataFrame) -> pd.DataFrame:
    """One row per article from a `sourcing_profile` table, with plain column names.

    "sources" counts quoted or cited attributions (credits left out); "named sources"
    and "anonymous sources" split them; "wire credits" counts news agencies credited
    for the story; "self-citations" counts the writer citing his or her own work.
    """
    picks = {
        "sources": ("sources", "attributions"),
        "direct quotes": ("form", "direct"),
        "indirect (paraphrased)": ("form", "indirect"),
        "credits": ("form", "credit"),
        "links": ("form", "link"),
        "named sources": ("named", "named"),
        "anonymous sources": ("named", "anonymous"),
        "wire credits": ("credits", "wire"),
        "self-citations": ("self", "self-citations"),
    }
    rows = []
    for (aid, outlet), part in profile.groupby(["id", "outlet"], sort=False):
        counts = {(m, c): n for m, c, n in zip(part["measure"], part["category"], part["count"],
                                               strict=True)}
        row = {"id": aid, "outlet": outlet}
        for column, key in picks.items():
            row[column] = int(counts.get(key, 0))
        rows.append(row)
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
