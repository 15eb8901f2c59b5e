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
from ..findings import Finding

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
    rows = [row for a in articles for row in _quote_mark_rows(a, find_quote_marks(a))]
    return pd.DataFrame(rows, columns=["id", "outlet", "use", "count"])


def _quote_mark_rows(article: Article, findings: Iterable[Finding]) -> list[dict]:
    """`quote_mark_uses` rows of one article from its quote-mark findings (found once, shared)."""
    return [{"id": article.id, "outlet": article.outlet, "use": use, "count": n}
            for use, n in _label_counts(findings, USES).items()]


def loaded_density(articles: Iterable[Article]) -> pd.DataFrame:
    """Loaded words per 1,000 words, per article and kind (label, intensifier, ...)."""
    rows = [row for a in articles for row in _loaded_rows(a, find_loaded(a), a.words)]
    return pd.DataFrame(rows, columns=["id", "outlet", "kind", "count", "words", "per_1000"])


def _loaded_rows(article: Article, findings: Iterable[Finding], words: int) -> list[dict]:
    """`loaded_density` rows of one article of `words` words (counted once: it splits the text)."""
    return [{"id": article.id, "outlet": article.outlet, "kind": kind, "count": n, "words": words,
             "per_1000": round(1000 * n / words, 2) if words else 0.0}
            for kind, n in _label_counts(findings, KINDS).items()]


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

    rows = [{"outlet": a.outlet, **readability(a)} for a in articles]
    table = pd.DataFrame(rows, columns=["outlet", *READABILITY_COLUMNS])  # the other figures left out
    grouped = table.groupby("outlet")
    out = grouped.mean(numeric_only=True).round(1)
    out["articles"] = grouped.size()
    return out.reset_index()
