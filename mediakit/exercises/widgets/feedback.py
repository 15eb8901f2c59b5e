"""Feedback as HTML: what was right or wrong, why, and the article's words it is about.

Every piece of text (article, exercise, student input) is escaped here: it is untrusted.
"""

from __future__ import annotations

from html import escape

from ..load import builtin_articles, builtin_names
from ..schema import Exercise, find_occurrence
from ..score import Result

CONTEXT = 90
ICONS = {"right": ("✓", "#1a7f37"), "wrong": ("✗", "#b42318"), "missed": ("…", "#9a6700"),
         "info": ("ℹ", "#0b5cad")}


def quote_html(article: str | None, quote: str | None, occurrence: int = 1,
               at: int | None = None) -> str:
    """The quoted words marked inside a little of their context, or just quoted if not found.
    `at` gives the quote's start in the article when known (else its `occurrence`)."""
    if not quote:
        return ""
    text = builtin_articles().get(article or "", "")
    if at is not None and text[at:at + len(quote)] == quote:
        start = at
    else:
        start = find_occurrence(text, quote, occurrence) if text else -1
    if start < 0:
        return f"<q>{escape(quote)}</q>"
    end = start + len(quote)
    left = text[max(0, start - CONTEXT):start].rsplit("\n", 1)[-1]
    right = text[end:end + CONTEXT].split("\n", 1)[0]
    dots_l = "…" if start - len(left) > 0 and left else ""
    dots_r = "…" if right and end + len(right) < len(text) else ""
    name = builtin_names().get(article, article)
    return (f"<span class='mk-quote'>{escape(name)}: “{dots_l}{escape(left)}"
            f"<mark>{escape(quote)}</mark>{escape(right)}{dots_r}”</span>")


def feedback_html(ex: Exercise, result: Result | None, attempts: int) -> str:
    if result is None:
        return ""
    parts = []
    if result.problem:
        parts.append(f"<p style='color:#b42318'>{escape(result.problem)}</p>")
    if result.fraction is not None:
        icon, color = ICONS["right" if result.correct else "wrong" if not result.fraction
                            else "missed"]
        verdict = "Right!" if result.correct else "Partly right" if result.fraction else \
            "Not yet"
        parts.append(f"<p style='color:{color}'><b>{icon} {verdict}</b> Score: "
                     f"{result.points:g} / {ex.points:g} points · attempt {attempts}</p>")
    items = []
    for line in result.lines:
        icon, color = ICONS.get(line.status, ICONS["info"])
        item = f"<span style='color:{color}'>{icon}</span> {escape(line.text)}"
        if line.explanation:
            item += f"<br><i>{escape(line.explanation)}</i>"
        if line.quote and line.article:
            at = None
            if line.in_span is not None and ex.span:
                base = find_occurrence(builtin_articles().get(line.article, ""), ex.span,
                                       ex.occurrence)
                at = base + line.in_span if base >= 0 else None
            item += f"<br>{quote_html(line.article, line.quote, line.occurrence, at)}"
        items.append(f"<li>{item}</li>")
    if items:
        parts.append("<ul class='mk-feedback'>" + "".join(items) + "</ul>")
    if ex.explanation and result.correct:
        parts.append(f"<p><i>{escape(ex.explanation)}</i></p>")
    if ex.span and ex.article and ex.type != "highlight" and not result.correct \
            and result.fraction is not None:
        parts.append(f"<p>Look again at the article: {quote_html(ex.article, ex.span, ex.occurrence)}"
                     "</p>")
    return "".join(parts)
