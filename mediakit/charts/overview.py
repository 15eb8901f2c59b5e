"""Charts that compare whole articles (length, reading grade)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..analysis.readability import EXPLAINED


def reading_grade_chart(overview: pd.DataFrame) -> alt.Chart:
    """One bar per article: its reading grade, coloured by genre (news or opinion)."""
    return (
        alt.Chart(overview, title="Reading grade of each article (Flesch-Kincaid)")
        .mark_bar()
        .encode(
            x=alt.X("grade:Q", title="School year needed to read it easily"),
            y=alt.Y("id:N", sort="-x", title=None),
            color=alt.Color("genre:N", title="Genre"),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("published:N", title="Published"),
                alt.Tooltip("words:Q", title="Words"),
                alt.Tooltip("grade:Q", title="Grade"),
                alt.Tooltip("words_per_sentence:Q", title="Words per sentence"),
            ],
        )
        .properties(width=420, height=alt.Step(28))
        .properties(description=EXPLAINED["grade"])
    )
