"""Charts of the skills-check class report (`mediakit.exercises.report`): before vs after per
skill, gain per question, and the spread of students. Describe only: the numbers come from
the report's tables. No student names go into a chart (a chart may be shared with the class).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

CHECK_COLORS = {"before": "#a9cce3", "after": "#1f618d"}
# Its own palette on purpose: charts/sourcing.py's SIDE_COLORS has the same hues, but there each
# colour means a side (red: Russia, blue: Israel); a skill must not change colour when a side does.
SKILL_COLORS = ["#c0392b", "#2e86c1", "#27ae60", "#8e44ad", "#f39c12", "#7f8c8d"]
PERCENT = alt.Axis(format="%")


def skill_before_after_chart(skills: pd.DataFrame) -> alt.Chart:
    """One pair of bars per skill (and the whole check): the class mean before and after."""
    data = skills.melt(id_vars=["skill", "n", "gain", "g"], value_vars=["before", "after"],
                       var_name="check", value_name="score")
    order = list(skills["skill"])
    return (
        alt.Chart(data, title="Skills check: class mean before and after the lessons")
        .mark_bar()
        .encode(
            x=alt.X("skill:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("check:N", sort=["before", "after"]),
            y=alt.Y("score:Q", title="Mean score (share of the points)", axis=PERCENT,
                    scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("check:N", title="Check", sort=["before", "after"],
                            scale=alt.Scale(domain=list(CHECK_COLORS),
                                            range=list(CHECK_COLORS.values()))),
            tooltip=[alt.Tooltip("skill:N", title="Skill"), alt.Tooltip("check:N", title="Check"),
                     alt.Tooltip("score:Q", title="Mean score", format=".0%"),
                     alt.Tooltip("gain:Q", title="Gain", format="+.0%"),
                     alt.Tooltip("g:Q", title="Normalised gain g", format=".2f"),
                     alt.Tooltip("n:Q", title="Students with both checks")],
        )
        .properties(width=alt.Step(36), height=260)
    )


def item_gain_chart(items: pd.DataFrame) -> alt.Chart:
    """One bar per question: the change in the class mean score, coloured by skill."""
    skills = list(dict.fromkeys(items["skill"]))
    return (
        alt.Chart(items, title="Gain per question (after minus before)")
        .mark_bar()
        .encode(
            x=alt.X("gain:Q", title="Change in mean score", axis=alt.Axis(format="+%")),
            y=alt.Y("item:N", sort=list(items["item"]), title=None),
            color=alt.Color("skill:N", title="Skill", sort=skills,
                            scale=alt.Scale(domain=skills, range=SKILL_COLORS[:len(skills)])),
            tooltip=[alt.Tooltip("item:N", title="Question"), alt.Tooltip("skill:N", title="Skill"),
                     alt.Tooltip("before:Q", title="Before", format=".0%"),
                     alt.Tooltip("after:Q", title="After", format=".0%"),
                     alt.Tooltip("gain:Q", title="Gain", format="+.0%"),
                     alt.Tooltip("g:Q", title="Normalised gain g", format=".2f"),
                     alt.Tooltip("n:Q", title="Students")],
        )
        .properties(width=360, height=alt.Step(18))
    )


def student_change_chart(students: pd.DataFrame) -> alt.LayerChart:
    """Each student with both checks as a dot: score before (x) and after (y). Dots above the
    diagonal improved. Anonymous on purpose."""
    data = students[students["status"] == "both"][["before", "after", "gain"]]
    dots = alt.Chart(data, title="Each student: before and after").mark_circle(
        size=70, opacity=0.7, color="#1f618d").encode(
        x=alt.X("before:Q", title="Score before", axis=PERCENT, scale=alt.Scale(domain=[0, 1])),
        y=alt.Y("after:Q", title="Score after", axis=PERCENT, scale=alt.Scale(domain=[0, 1])),
        tooltip=[alt.Tooltip("before:Q", title="Before", format=".0%"),
                 alt.Tooltip("after:Q", title="After", format=".0%"),
                 alt.Tooltip("gain:Q", title="Gain", format="+.0%")],
    )
    diagonal = alt.Chart(pd.DataFrame({"x": [0, 1], "y": [0, 1]})).mark_line(
        color="#7f8c8d", strokeDash=[4, 4]).encode(x="x:Q", y="y:Q")
    return (diagonal + dots).properties(width=260, height=260)
