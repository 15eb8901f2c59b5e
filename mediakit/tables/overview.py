"""The corpus at a glance: one row per article, with its metadata and readability."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..analysis.readability import readability
from ..corpus import Article

COLUMNS = ["id", "outlet", "published", "genre", "words", "sentences", "words_per_sentence",
           "long_words_pct", "grade", "reading_ease"]


def corpus_overview(articles: Iterable[Article]) -> pd.DataFrame:
    """Outlet, date, genre, length and reading grade of each article, oldest first."""
    rows = []
    for article in articles:
        figures = readability(article)
        rows.append({
            "id": article.id, "outlet": article.outlet, "published": article.published,
            "genre": article.genre or "unknown", **figures,
        })
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["published", "id"], na_position="last").reset_index(drop=True)
