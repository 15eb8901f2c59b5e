"""The article with its findings highlighted, a legend, and every reason written out.

Article text is untrusted (students paste their own), so every character of it and of
every reason goes through `html.escape`; the view has no scripts and no event handlers.
Reasons are shown two ways: on hover (the `title` attribute) and as numbered notes
under the text, which a keyboard or screen-reader user reaches by following the note
number (an in-page link) or by tabbing to the highlighted words.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from itertools import count

from ..corpus import Article
from ..findings import Finding, sorted_findings
from ..labels import explain

# label -> (background colour, plain explanation). Colours are light enough for black text.
# Highlight colour of each label; the words of the legend come from mediakit.labels.
COLOURS: dict[str, str] = {
    "speech": "#cfe8ff", "scare": "#ffd6a5", "title": "#d9f2d0", "mention": "#e8dcff",
    "label": "#ffc9de", "intensifier": "#fff1a8", "emotive": "#ff8f80",
    "delegitimizing": "#f5c6ff", "hedge": "#d6f5f5",
    "direct": "#cfe8ff", "indirect": "#e3f0ff", "credit": "#eeeeee", "link": "#e6e6e6",
}
LEGEND: dict[str, tuple[str, str]] = {label: (colour, explain(label)) for label, colour in COLOURS.items()}
_DEFAULT_COLOUR = "#eeeeee"
_ids = count(1)

# Every class of the view starts with "mk-view": the exercise highlight widget owns "mk-hl"
# (mediakit/static/highlight.css), and both can be on the same page.
_CSS = """
.mk-view {{ font-family: Georgia, serif; line-height: 1.6; max-width: 46em; }}
.mk-view .mk-view-text {{ white-space: pre-wrap; }}
.mk-view mark {{ color: #000; padding: 0 1px; border-radius: 2px; }}
.mk-view mark:focus {{ outline: 2px solid #000; }}
.mk-view sup a {{ color: #333; text-decoration: none; font-size: 0.75em; }}
.mk-view sup a:focus {{ outline: 2px solid #000; }}
.mk-view .mk-view-legend span {{ display: inline-block; margin: 0 0.6em 0.3em 0; padding: 0 4px; }}
.mk-view .mk-view-notes li {{ margin-bottom: 0.3em; }}
{colours}
"""


def _colour(label: str) -> str:
    return LEGEND.get(label, (_DEFAULT_COLOUR, ""))[0]


def _class(label: str) -> str:
    return "mk-view-mark-" + "".join(c if c.isalnum() else "-" for c in label.lower())


def highlight_html(article: Article | str, findings: Iterable[Finding], *,
                   title: str | None = None, notes: bool = True,
                   explain: dict[str, str] | None = None) -> str:
    """HTML for the article with each finding highlighted and explained.

    Overlapping findings are split into pieces at every start and end, so each piece
    is one `<mark>` listing all findings that cover it. `explain` overrides legend text.
    """
    text = article.text if isinstance(article, Article) else str(article)
    heading = title if title is not None else (
        article.title or article.id if isinstance(article, Article) else None)
    found = [f for f in sorted_findings(findings) if 0 <= f.start <= f.end <= len(text)
             and f.end > f.start]
    uid = f"mk-view{next(_ids)}"
    number = {id(f): n for n, f in enumerate(found, 1)}
    labels = sorted({f.label for f in found}, key=lambda lab: (lab not in LEGEND, lab))
    explain = {**{k: v[1] for k, v in LEGEND.items()}, **(explain or {})}

    parts = [f'<div class="mk-view" id="{uid}">', _style(labels)]
    if heading:
        parts.append(f"<h3>{html.escape(heading)}</h3>")
    parts.append(_legend(labels, explain))
    parts.append(f'<div class="mk-view-text">{_body(text, found, number, uid, notes)}</div>')
    if notes and found:
        parts.append(_notes(found, number, uid))
    parts.append("</div>")
    return "\n".join(parts)


def _style(labels: Sequence[str]) -> str:
    colours = "\n".join(f".mk-view mark.{_class(lab)} {{ background: {_colour(lab)}; }}"
                        for lab in labels)
    return f"<style>{_CSS.format(colours=colours)}</style>"


def _legend(labels: Sequence[str], explain: dict[str, str]) -> str:
    if not labels:
        return '<p class="mk-view-legend">Nothing was flagged in this text.</p>'
    items = "".join(
        f'<span style="background: {_colour(lab)}"><b>{html.escape(lab)}</b>: '
        f"{html.escape(explain.get(lab, ''))}</span>" for lab in labels)
    return f'<p class="mk-view-legend" aria-label="legend">{items}</p>'


def _body(text: str, found: list[Finding], number: dict[int, int], uid: str,
          notes: bool = True) -> str:
    """The text cut at every finding boundary; each cut piece marked by what covers it."""
    cuts = sorted({0, len(text), *(f.start for f in found), *(f.end for f in found)})
    ends_at: dict[int, list[Finding]] = {}
    for f in found:
        ends_at.setdefault(f.end, []).append(f)
    out: list[str] = []
    active: list[Finding] = []
    by_start: dict[int, list[Finding]] = {}
    for f in found:
        by_start.setdefault(f.start, []).append(f)
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [f for f in active if f.end > a] + by_start.get(a, [])
        piece = html.escape(text[a:b])
        if active:
            tip = "\n".join(f"[{number[id(f)]}] {f.label}: {f.reason}" for f in active)
            classes = " ".join(sorted({_class(f.label) for f in active}))
            first = min(number[id(f)] for f in active)
            described = f' aria-describedby="{uid}-n{first}"' if notes else ""
            out.append(f'<mark class="{classes}" tabindex="0" title="{html.escape(tip)}"'
                       f'{described}>{piece}</mark>')
        else:
            out.append(piece)
        for f in sorted(ends_at.get(b, []), key=lambda f: number[id(f)]) if notes else ():
            n = number[id(f)]
            out.append(f'<sup><a href="#{uid}-n{n}" id="{uid}-r{n}" '
                       f'aria-label="note {n}">{n}</a></sup>')
    return "".join(out)


def _notes(found: list[Finding], number: dict[int, int], uid: str) -> str:
    items = []
    for f in found:
        n = number[id(f)]
        items.append(
            f'<li id="{uid}-n{n}" value="{n}"><b>{html.escape(f.label)}</b> '
            f"“{html.escape(_short(f.text))}”: {html.escape(f.reason)} "
            f'<a href="#{uid}-r{n}" aria-label="back to the text">↩</a></li>')
    return ('<details class="mk-view-notes" open><summary>Why each passage is marked '
            f'({len(found)})</summary><ol>{"".join(items)}</ol></details>')


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def show_highlights(article: Article | str, findings: Iterable[Finding] | None = None,
                    *, analyses: Sequence[str] = ("quote_marks", "loaded"), **options):
    """The highlighted view as a notebook HTML object (runs the analyses if no findings)."""
    from IPython.display import HTML

    if findings is None:
        if not isinstance(article, Article):
            article = Article.from_text(str(article))
        from ..analysis import run

        findings = [f for name in analyses for f in run(name, article)]
    return HTML(highlight_html(article, findings, **options))
