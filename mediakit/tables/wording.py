"""Wording tables: quotation-mark uses, loaded-wording density and readability per outlet.

One row per thing counted (tidy), so a chart or a student's `groupby` can read them.
Densities are per 1,000 words, so long and short articles can be compared.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..analysis.loaded import KINDS, find_loaded
from ..analysis.quote_marks import USES, find_quote_marks
from ..corpus import Article

READABILITY_COLUMNS = ["words", "words_per_sentence", "long_words_pct", "grade",
                       "reading_ease"]


def _label_counts(findings, labels) -> dict[str, int]:
    """How many findings carry each label (every label listed, zeros included)."""
    counts = dict.fromkeys(labels, 0)
    for f in findings:
        counts[f.label] = counts.get(f.label, 0) + 1
    return counts


def quote_mark_uses(articles: Iterable[Article]) -> pd.DataFrame:
    """How many quotation-mark pairs of each use (speech, scare, title, mention) per article."""
    rows = [{"id": a.id, "outlet": a.outlet, "use": use, "count": n}
            for a in articles
            for use, n in _label_counts(find_quote_marks(a), USES).items()]
    return pd.DataFrame(rows, columns=["id", "outlet", "use", "count"])


def loaded_density(articles: Iterable[Article]) -> pd.DataFrame:
    """Loaded words per 1,000 words, per article and kind (label, intensifier, ...)."""
    rows = [{"id": a.id, "outlet": a.outlet, "kind": kind, "count": n, "words": a.words,
             "per_1000": round(1000 * n / a.words, 2) if a.words else 0.0}
            for a in articles
            for kind, n in _label_counts(find_loaded(a), KINDS).items()]
    return pd.DataFrame(rows, columns=["id", "outlet", "kind", "count", "words", "per_1000"])


def loaded_density_by_outlet(articles: Iterable[Article]) -> pd.DataFrame:
    """The same per outlet: all of an outlet's articles pooled, then per 1,000 words."""
    per_article = loaded_density(articles)
    if per_article.empty:
        return per_article.drop(columns=["id"])
    words = per_article.drop_duplicates("id").groupby("outlet")["words"].sum()
    counts = per_article.groupby(["outlet", "kind"], sort=False)["count"].sum().reset_index()
    counts["words"] = counts["outlet"].map(words)
    counts["per_1000"] = (1000 * counts["count"] / counts["words"]).round(2)
    return counts


def readability_by_outlet(articles: Iterable[Article]) -> pd.DataFrame:
    """Readability figures averaged per outlet (one row per outlet, number of articles)."""
    from ..analysis.readability import readability

    rows = [{"outlet": a.outlet, **{k: figures[k] for k in READABILITY_COLUMNS}}
            for a in articles for figures in (readability(a),)]
    table = pd.DataFrame(rows, columns=["outlet", *READABILITY_COLUMNS])
    grouped = table.groupby("outlet")
    out = grouped.mean(numeric_only=True).round(1)
    out["articles"] = grouped.size()
    return out.reset_index()
