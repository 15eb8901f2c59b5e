"""Charts of who gets to speak in each outlet's coverage, drawn from `tables.sourcing`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..tables.sourcing import FORMS, SIDES

SIDE_COLORS = ["#c0392b", "#2e86c1", "#27ae60", "#8e44ad", "#f39c12", "#7f8c8d", "#d5d8dc"]
FORM_COLORS = ["#1f618d", "#5dade2", "#a9cce3", "#d5d8dc"]


def sources_by_side_chart(profile: pd.DataFrame, by: str = "outlet") -> alt.Chart:
    """One stacked bar per outlet (or per article, `by="article"`): how many quoted or
    cited sources speak for each side."""
    if by not in ("outlet", "article"):
        raise ValueError(f'by must be "outlet" or "article", not {by!r}')
    data = profile[profile["measure"] == "side"]
    keys = ["outlet", "category"] if by == "outlet" else ["id", "outlet", "category"]
    data = data.groupby(keys, as_index=False)["count"].sum()
    row = "outlet" if by == "outlet" else "id"
    tooltip = [alt.Tooltip("outlet:N", title="Outlet")]
    if by == "article":
        tooltip.insert(0, alt.Tooltip("id:N", title="Article"))
    return (
        alt.Chart(data, title="Whose side do the sources speak for?")
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title="Quoted or cited sources (credits left out)"),
            y=alt.Y(f"{row}:N", title=None),
            color=alt.Color("category:N", title="Side",
                            scale=alt.Scale(domain=SIDES, range=SIDE_COLORS)),
            order=alt.Order("category:N"),
            tooltip=[*tooltip, alt.Tooltip("category:N", title="Side"),
                     alt.Tooltip("count:Q", title="Sources")],
        )
        .properties(width=420, height=alt.Step(32))
    )


def direct_indirect_chart(profile: pd.DataFrame) -> alt.Chart:
    """One stacked bar per article: quotes in their own words, paraphrases, links, credits."""
    data = profile[profile["measure"] == "form"]
    return (
        alt.Chart(data, title="How are sources brought in?")
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title="Attributions"),
            y=alt.Y("id:N", title=None),
            color=alt.Color("category:N", title="Form",
                            scale=alt.Scale(domain=FORMS, range=FORM_COLORS)),
            order=alt.Order("category:N"),
            tooltip=[alt.Tooltip("id:N", title="Article"),
                     alt.Tooltip("outlet:N", title="Outlet"),
                     alt.Tooltip("category:N", title="Form"),
                     alt.Tooltip("count:Q", title="Attributions")],
        )
        .properties(width=420, height=alt.Step(32))
    )
