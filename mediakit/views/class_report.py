"""The skills-check class report as one HTML page for the instructor: summary, charts, tables.

Student names and file names come from answers files (untrusted): they only appear in tables,
escaped by pandas (`escape=True`), never inside the charts' script. The charts' JavaScript is
inlined when vl-convert-python is installed (the page then works offline); otherwise the page
loads it from a CDN and says so.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import altair as alt

from ..charts.report import item_gain_chart, skill_before_after_chart, student_change_chart
from ..exercises.report import ClassReport

G_NOTE = ("Scores are shares of the points (0 to 1). Gain = mean after - mean before, over the "
          "students who took both checks. g (Hake's normalised gain) = gain / (1 - mean before): "
          "the share of the possible improvement that happened; n/a when the mean before is 1.")


def report_charts(report: ClassReport) -> alt.VConcatChart:
    """The three charts of the report, one under the other."""
    return alt.vconcat(skill_before_after_chart(report.skills), item_gain_chart(report.items),
                       student_change_chart(report.students)).resolve_scale(color="independent")


def _can_inline() -> bool:
    try:
        import vl_convert  # noqa: F401
    except ImportError:
        return False
    return True


def _table(frame) -> str:
    return frame.to_html(index=False, escape=True, na_rep="n/a", float_format=lambda x: f"{x:.2f}",
                         border=0, classes="mk-table")


def report_html(report: ClassReport, title: str = "Skills check: class report") -> str:
    """The whole report as one HTML document."""
    inline = _can_inline()
    page = report_charts(report).to_html(output_div="mk-charts", inline=inline)
    note = "" if inline else ("<p><small>The charts load their JavaScript from the internet "
                              "(install vl-convert-python to write a page that works offline)."
                              "</small></p>")
    problems = "".join(f"<li>{html.escape(p)}</li>" for p in report.problems)
    notes = report.students[report.students["notes"] != ""][["student", "status", "notes"]]
    apart = report.students[report.students["status"] != "both"][["student", "status", "before",
                                                                   "after", "files"]]
    head = (f"<h1>{html.escape(title)}</h1><p>{html.escape(report.summary())}</p>"
            f"<p><small>{html.escape(G_NOTE)}</small></p>{note}")
    tail = (f"<h2>Per skill</h2>{_table(report.skills)}<h2>Per question</h2>{_table(report.items)}"
            + (f"<h2>Not in the gains (took one check or none)</h2>{_table(apart)}"
               if len(apart) else "")
            + (f"<h2>Notes on students</h2>{_table(notes)}" if len(notes) else "")
            + (f"<h2>Problems</h2><ul>{problems}</ul>" if problems else "")
            + f"<h2>Students</h2>{_table(report.students.drop(columns=['notes']))}")
    style = ("<style>body{font-family:sans-serif;margin:2em}.mk-table{border-collapse:collapse}"
             ".mk-table td,.mk-table th{padding:2px 8px;border-bottom:1px solid #ddd;"
             "text-align:left}</style>")
    chart_div = re.search(r'<div[^>]*id="mk-charts"[^>]*></div>', page)
    if chart_div is None:  # an altair template we do not know: charts left out, tables kept
        return f"<!DOCTYPE html><html><head>{style}</head><body>{head}{tail}</body></html>"
    start, end = chart_div.span()
    return page[:start] + style + head + page[start:end] + tail + page[end:]


def write_report_html(report: ClassReport, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(report_html(report), encoding="utf-8")
    return path
