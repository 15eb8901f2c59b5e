"""The whole analysis of any article, in parts a lesson can show one at a time, or in one call.

Each function takes an `Article` (a student's own, or a built-in one) and returns a table,
a chart or an escaped HTML view; `show_report(article, second)` shows them all in order.
Nothing here assumes the article is about the kit's own story: sides are shown only
when the speaker table knows them, and every flag keeps its reason for the student to check.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from html import escape

import pandas as pd

from ..corpus import Article
from ..corpus.article import UNKNOWN
from ..findings import Finding

# The sourcing summary's rows, each with what it means for a reader.
SOURCING_ROWS = [
    ("sources", "sources quoted or cited", "claims the writer says come from someone"),
    ("direct quotes", "direct quotes", "a speaker's own words, in quotation marks"),
    ("indirect (paraphrased)", "reported speech", "the writer's version of what someone said"),
    ("named sources", "named sources", "sources we are told the name of"),
    ("anonymous sources", "anonymous sources", "sources we cannot check: no name is given"),
    ("links", "documents and links", "statements, reports or pages the text points to"),
    ("credits", "credit lines", "bylines and agency credits: who supplied the story"),
    ("wire credits", "news agencies credited", "agencies such as AP or Reuters"),
    ("self-citations", "the writer citing their own work", "no one else backs the claim up"),
]
READABILITY_ROWS = ["words", "sentences", "words_per_sentence", "long_words_pct", "grade",
                    "reading_ease", "reading_minutes"]


def article_card(article: Article):
    """Headline, outlet, byline, date, length and source of an article, as escaped HTML."""
    from IPython.display import HTML

    rows = [("Outlet", article.outlet), ("Author", article.author), ("Published", article.published),
            ("Words", f"{article.words:,}"), ("From", article.url or article.source)]
    cells = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{escape(k)}</th>"
                    f"<td style='text-align:left'>{escape(str(v))}</td></tr>" for k, v in rows if v)
    head = escape(article.title or article.id)
    start = escape(" ".join(article.text[:300].split()))
    more = "…" if len(article.text) > 300 else ""
    return HTML(f"<div class='mk-article-card'><h3>{head}</h3><table>{cells}</table>"
                f"<p style='color:#555'><i>Starts:</i> {start}{more}</p></div>")


def sourcing_summary(article: Article) -> pd.DataFrame:
    """How the article brings in its sources: one row per count, with what it means."""
    from ..tables.sourcing import profile_summary, sourcing_profile

    row = profile_summary(sourcing_profile([article])).iloc[0]
    return pd.DataFrame([{"what": name, "count": int(row[column]), "means": means}
                         for column, name, means in SOURCING_ROWS],
                        columns=["what", "count", "means"])


def who_speaks(article: Article) -> pd.DataFrame:
    """One row per speaker: how often they are quoted, reported or cited, most often first."""
    from ..tables.sourcing import sources_table

    table = sources_table(article)
    columns = ["speaker", "type", "quotes", "reported", "documents", "credits", "total"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    forms = {"direct": "quotes", "indirect": "reported", "link": "documents", "credit": "credits"}
    counts = pd.crosstab([table["speaker"], table["type"]], table["form"])
    counts = counts.rename(columns=forms).reindex(columns=list(forms.values()), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts = counts.reset_index().sort_values(["total", "speaker"], ascending=[False, True])
    return counts[columns].reset_index(drop=True).rename_axis(None, axis=1)


def show_sources(article: Article):
    """The article with every source the finder found highlighted, each with its reason."""
    from ..analysis import run
    from .highlight import show_highlights

    return show_highlights(article, run("sources", article))


WORDING = ("quote_marks", "loaded")  # the analyses of the wording part


def wording_findings(article: Article) -> list[Finding]:
    """The article's quotation-mark and loaded-wording findings, for the two wording views."""
    from ..analysis import run

    return [f for name in WORDING for f in run(name, article)]


def wording_summary(article: Article, *, findings: Iterable[Finding] | None = None) -> pd.DataFrame:
    """Quotation marks by use and loaded words by kind, with counts per 1,000 words.

    `findings` (from `wording_findings`) spares running the analyses again; without, they run.
    """
    from ..analysis.loaded import EXPLAINED as KINDS
    from ..analysis.quote_marks import EXPLAINED as USES
    from ..tables.wording import _loaded_rows, _quote_mark_rows

    found = wording_findings(article) if findings is None else list(findings)
    words = article.words
    rows = [{"what": "quotation marks", "label": r["use"], "count": r["count"],
             "per_1000_words": round(1000 * r["count"] / (words or 1), 1), "means": USES.get(r["use"], "")}
            for r in _quote_mark_rows(article, [f for f in found if f.analysis == "quote_marks"])]
    rows += [{"what": "loaded wording", "label": r["kind"], "count": r["count"],
              "per_1000_words": r["per_1000"], "means": KINDS.get(r["kind"], "")}
             for r in _loaded_rows(article, [f for f in found if f.analysis == "loaded"], words)]
    return pd.DataFrame(rows, columns=["what", "label", "count", "per_1000_words", "means"])


def show_wording(article: Article, *, findings: Iterable[Finding] | None = None):
    """The article with quotation marks and loaded words highlighted, each with its reason.

    `findings` (from `wording_findings`) spares running the analyses again; without, they run.
    """
    from .highlight import show_highlights

    return show_highlights(article, None if findings is None else list(findings), analyses=WORDING)


def reading_level(article: Article) -> pd.DataFrame:
    """Readability figures of the article, each with what it measures (and cannot say)."""
    from ..analysis.readability import EXPLAINED, readability

    figures = readability(article)
    # `value` holds whole counts and rounded figures: as objects, "741" shows as 741, not 741.0
    return pd.DataFrame({"figure": [k.replace("_", " ") for k in READABILITY_ROWS],
                         "value": pd.Series([figures[k] for k in READABILITY_ROWS], dtype=object),
                         "means": [EXPLAINED[k] for k in READABILITY_ROWS]})


def reading_overview(article: Article, others: list[Article] | None = None) -> pd.DataFrame:
    """The `corpus_overview` table of the article next to others (the built-in five by default)."""
    from ..corpus import load_folder
    from ..tables.overview import corpus_overview

    others = load_folder().articles if others is None else others
    return corpus_overview(distinct([article, *others]))


def distinct(articles: list[Article]) -> list[Article]:
    """The articles with ids made unique ("my-article", "my-article-2"), the first ones kept.

    Two pasted texts both get the id "my-article"; tables and the omission finder need
    one id per article. The same article given twice is kept once.
    """
    out: list[Article] = []
    used: set[str] = set()
    for article in articles:
        if any(article == kept for kept in out):
            continue
        new_id, n = article.id, 1
        while new_id in used:
            n += 1
            new_id = f"{article.id}-{n}"
        used.add(new_id)
        out.append(article if new_id == article.id else dataclasses.replace(article, id=new_id))
    return out


def compare_pair(first: Article, second: Article) -> dict:
    """`omissions.compare` of two articles, their ids made distinct first."""
    return _compare(distinct([first, second]))


def _compare(pair: list[Article]) -> dict:
    from ..analysis.omissions import compare

    if len(pair) < 2:
        raise ValueError("both articles are the same text: load a second article on the same story")
    return compare(pair)


def gaps_table(first: Article, second: Article) -> pd.DataFrame:
    """Sentences only one of the two articles reports, each with its closest match and reason."""
    return _gaps_table(distinct([first, second]))


def _gaps_table(pair: list[Article]) -> pd.DataFrame:
    from ..tables.omissions import omissions_table

    result = _compare(pair)
    table = omissions_table(result)
    names = {a: _name(art) for a, art in zip(result["articles"], pair, strict=True)}
    table.insert(0, "only_in", table["article"].map(names))
    return table


def _name(article: Article) -> str:
    return article.outlet if article.outlet and article.outlet != UNKNOWN else article.id


def clashes_table(first: Article, second: Article) -> pd.DataFrame:
    """Numbers and dates the two articles seem to give differently, with the reason."""
    return _clashes_table(distinct([first, second]))


def _clashes_table(pair: list[Article]) -> pd.DataFrame:
    from ..analysis.discrepancies import find_discrepancies
    from ..tables.omissions import discrepancies_table

    return discrepancies_table(find_discrepancies(pair))


def show_report(article: Article, second: Article | None = None) -> None:
    """Every part of the analysis, one after the other; with `second`, the comparison too."""
    from IPython.display import HTML, display

    from ..charts.overview import reading_grade_chart

    def heading(text: str) -> None:
        display(HTML(f"<h3>{escape(text)}</h3>"))

    display(article_card(article))
    heading("Who is telling me this?")
    display(sourcing_summary(article))
    display(who_speaks(article))
    display(show_sources(article))
    heading("Do the words report, or judge?")
    wording = wording_findings(article)  # found once for the table and the highlighted text
    display(wording_summary(article, findings=wording))
    display(show_wording(article, findings=wording))
    heading("How hard is it to read?")
    display(reading_level(article))
    display(reading_grade_chart(reading_overview(article)))
    if second is not None:
        heading(f"What is missing? Compared with {_name(second)}")
        pair = distinct([article, second])  # ids made distinct once for both tables
        gaps = _gaps_table(pair)
        display(gaps[["only_in", "text", "best_match", "score", "reason"]])
        display(_clashes_table(pair))
