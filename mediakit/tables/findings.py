"""Any analysis's findings for one article as a table: one row per finding, in reading order."""

from __future__ import annotations

import pandas as pd

from ..analysis import run
from ..corpus import Article
from ..findings import sorted_findings


def findings_table(article: Article, analysis: str) -> pd.DataFrame:
    """Rows of the CLI's JSON records ("sources", "quote_marks" or "loaded"), with the article id."""
    records = [{"id": article.id, **f.to_record()} for f in sorted_findings(run(analysis, article))]
    return pd.DataFrame(records)
