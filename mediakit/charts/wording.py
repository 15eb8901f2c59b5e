"""Charts of wording: loaded-wording density, quotation-mark uses, readability per outlet.

Tooltips show plain text (altair renders them as text, not HTML), and titles say what
is counted, so a chart can be read without the code.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..analysis.loaded import EXPLAINED as KIND_EXPLAINED
from ..analysis.loaded import KINDS
from ..analysis.quote_marks import EXPLAINED as USE_EXPLAINED
from ..analysis.quote_marks import USES


def _with_meaning(table: pd.DataFrame, column: str, meanings: dict[str, str]) -> pd.DataFrame:
    out = table.copy()
    out["meaning"] = out[column].map(meanings).fillna("")
    return out


def loaded_density_chart(density: pd.DataFrame) -> alt.Chart:
    """Loaded words per 1,000 words, one bar per outlet, split by kind."""
    data = _with_meaning(density, "kind", KIND_EXPLAINED)
    return (
        alt.Chart(data, title="Loaded wording per 1,000 words")
        .mark_bar()
        .encode(
            x=alt.X("sum(per_1000):Q", title="Loaded words or phrases per 1,000 words"),
            y=alt.Y("outlet:N", sort="-x", title=None),
            color=alt.Color("kind:N", scale=alt.Scale(domain=list(KINDS)), title="Kind"),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("meaning:N", title="Means"),
                alt.Tooltip("count:Q", title="Found"),
                alt.Tooltip("per_1000:Q", title="Per 1,000 words"),
            ],
        )
        .properties(width=420, height=alt.Step(28))
    )


def quote_mark_chart(uses: pd.DataFrame) -> alt.Chart:
    """Quotation-mark pairs per outlet, split by use (speech, scare, title, mention)."""
    data = _with_meaning(uses, "use", USE_EXPLAINED)
    return (
        alt.Chart(data, title="What the quotation marks are used for")
        .mark_bar()
        .encode(
            x=alt.X("sum(count):Q", title="Pairs of quotation marks"),
            y=alt.Y("outlet:N", sort="-x", title=None),
            color=alt.Color("use:N", scale=alt.Scale(domain=list(USES)), title="Use"),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("use:N", title="Use"),
                alt.Tooltip("meaning:N", title="Means"),
                alt.Tooltip("sum(count):Q", title="Pairs"),
            ],
        )
        .properties(width=420, height=alt.Step(28))
    )


def readability_chart(by_outlet: pd.DataFrame, measure: str = "grade") -> alt.Chart:
    """One bar per outlet: a readability figure (default: Flesch-Kincaid grade)."""
    from ..analysis.readability import EXPLAINED

    return (
        alt.Chart(by_outlet, title=f"Readability per outlet: {measure.replace('_', ' ')}")
        .mark_bar()
        .encode(
            x=alt.X(f"{measure}:Q", title=EXPLAINED.get(measure, measure)[:60]),
            y=alt.Y("outlet:N", sort="-x", title=None),
            tooltip=[alt.Tooltip("outlet:N", title="Outlet"),
                     alt.Tooltip("articles:Q", title="Articles"),
                     alt.Tooltip("words:Q", title="Words (average)"),
                     alt.Tooltip("words_per_sentence:Q", title="Words per sentence"),
                     alt.Tooltip("grade:Q", title="Grade"),
                     alt.Tooltip("reading_ease:Q", title="Reading ease")],
        )
        .properties(width=420, height=alt.Step(28),
                    description=EXPLAINED.get(measure, measure))
    )
