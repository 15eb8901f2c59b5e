"""A heatmap of which outlet reports which fact (from `tables.omissions.coverage_table`)."""

from __future__ import annotations

import altair as alt
import pandas as pd


def coverage_heatmap(coverage: pd.DataFrame, title: str | None = None) -> alt.Chart:
    """One square per fact and outlet: dark when the outlet reports the fact, pale when not.

    Hover a square to read the fact and the outlet's words (evidence).
    """
    data = coverage.assign(status=coverage["reported"].map({True: "reported",
                                                            False: "left out"}))
    facts = list(dict.fromkeys(data["fact_id"]))
    return (
        alt.Chart(data[["fact_id", "fact", "outlet", "status", "evidence"]],
                  title=title or "Which outlet reports which fact")
        .mark_rect(stroke="white")
        .encode(
            x=alt.X("outlet:N", title=None, axis=alt.Axis(orient="top", labelAngle=0)),
            y=alt.Y("fact_id:N", sort=facts, title=None),
            color=alt.Color("status:N", title=None,
                            scale=alt.Scale(domain=["reported", "left out"],
                                            range=["#2b6ca3", "#eeeeee"])),
            tooltip=[alt.Tooltip("fact:N", title="Fact"),
                     alt.Tooltip("outlet:N", title="Outlet"),
                     alt.Tooltip("status:N", title="Status"),
                     alt.Tooltip("evidence:N", title="Their words")],
        )
        .properties(width=alt.Step(110), height=alt.Step(18),
                    description="Fact checklist coverage: reported or left out, per outlet")
    )
