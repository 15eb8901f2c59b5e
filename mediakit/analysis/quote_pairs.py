"""Pair up quotation marks as real copy writes them: straight, curly, single, unbalanced.

Both the sourcing analysis (direct quotes) and the quotation-mark analysis (speech,
scare, title, mention) start from these pairs, so marks are paired once, here.

Real copy is messy: a quote opened with “ and closed with ’, a closing mark that
never comes, apostrophes that look like single quotes (Israel's, Shi'ite). The rules
below use only the characters around each mark, so they work for any text, and the
scan is a single pass over the text (linear time, no regular-expression backtracking).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

DOUBLE_OPEN: Final = "“„«‟"
DOUBLE_CLOSE: Final = "”»"
SINGLE_OPEN: Final = "‘‚‹"
SINGLE_CLOSE: Final = "’›"
STRAIGHT_DOUBLE: Final = '"'
STRAIGHT_SINGLE: Final = "'"
ALL_MARKS: Final = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE

_SINGLES: Final = frozenset(SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE)  # the rest are double
_APOSTROPHES: Final = frozenset(STRAIGHT_SINGLE + SINGLE_CLOSE)  # also written inside words
_OPENING: Final = frozenset(DOUBLE_OPEN + SINGLE_OPEN)
_CLOSING: Final = frozenset(DOUBLE_CLOSE + SINGLE_CLOSE)
_DOUBLE_CLOSING: Final = frozenset(DOUBLE_CLOSE + STRAIGHT_DOUBLE)
_CLOSE_AFTER: Final = frozenset(")]}" + ALL_MARKS)
_OPENERS_BEFORE: Final = set(" \t\n\r\u00a0([{/—–-") | set(DOUBLE_OPEN) | set(SINGLE_OPEN) | {'"', "'"}
_SENTENCE_PUNCT: Final = set(".,!?;:")
_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t\u00a0]*\n")
# An unclosed quote most often ends where the reporting clause starts: ", Lavrov said".
_REPORTING_AFTER_COMMA: Final = re.compile(
    r",\s+(?:[A-Z][\w’'.-]*\s+){0,4}?(?:said|says|told|added|noted|asked|explained|stressed)\b"
)
_SENTENCE_END: Final = re.compile(r"[.!?](?=\s)")
_UNCLOSED_MAX: Final = 1000  # characters
_ANY_MARK: Final = re.compile("[" + re.escape(ALL_MARKS) + "]")


@dataclass(frozen=True, slots=True)
class QuotePair:
    """A pair of quotation marks and the words between them.

    `start`/`end` delimit the quoted words (marks excluded); `open`/`close` are the
    offsets of the marks. `close` is None when the closing mark is missing in the copy.
    """

    open: int
    close: int | None
    start: int
    end: int
    open_mark: str
    close_mark: str | None
    depth: int  # 0 for an outer quote, 1 for a quote inside a quote

    @property
    def single(self) -> bool:
        return self.open_mark in SINGLE_OPEN + STRAIGHT_SINGLE

    @property
    def mismatched(self) -> bool:
        return self.close_mark is not None and _kind(self.open_mark) != _kind(self.close_mark)

    @property
    def outer_start(self) -> int:
        return self.open

    @property
    def outer_end(self) -> int:
        return (self.close + 1) if self.close is not None else self.end


def _kind(mark: str) -> str:
    return "single" if mark in _SINGLES else "double"


def _role(text: str, i: int, lo: int, hi: int) -> str | None:
    """'open', 'close', 'either' or None (an apostrophe) for the mark at text[i]."""
    mark = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    space_before = prev in _OPENERS_BEFORE
    space_after = nxt.isspace() or nxt in _SENTENCE_PUNCT or nxt in _CLOSE_AFTER
    if mark in _APOSTROPHES and prev.isalnum() and nxt.isalnum():
        return None  # apostrophe inside a word: don't, Israel's, Shi'ite
    if mark in _OPENING:
        return "close" if (not space_before and space_after) else "open"
    if mark in _CLOSING:
        if space_before and not nxt.isspace():
            return "open" if mark in DOUBLE_CLOSE else None  # ’90s, ’em: apostrophes
        return "close"
    # straight marks
    if space_before and not nxt.isspace():
        return "open"
    if space_after and not prev.isspace():
        return "close"
    if mark == STRAIGHT_SINGLE:
        return None
    return "either"


def find_quote_pairs(text: str) -> list[QuotePair]:
    """Every pair of quotation marks in `text`, in reading order (outer before inner)."""
    return list(_quote_pairs(text))


@lru_cache(maxsize=4)
def _quote_pairs(text: str) -> tuple[QuotePair, ...]:
    """The pairs, remembered for the last few texts: the sourcing and the quotation-mark
    analyses both pair the marks of the same article."""
    pairs: list[QuotePair] = []
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(text + "\n\n"):
        _pair_paragraph(text, pos, min(brk.start(), len(text)), pairs)
        pos = brk.end()
    return tuple(sorted(pairs, key=lambda p: (p.open, p.depth)))


def _pair_paragraph(text: str, lo: int, hi: int, out: list[QuotePair]) -> None:
    stack: list[int] = []  # offsets of open marks
    open_doubles = 0  # how many double marks are on the stack, so checks stay O(1)
    marks = [m.start() for m in _ANY_MARK.finditer(text, lo, hi)]
    # offset of the last mark that can close a double quote: "is one still to come?" in O(1)
    last_double_close = max((j for j in marks if text[j] in _DOUBLE_CLOSING), default=-1)

    def pop() -> int:
        nonlocal open_doubles
        top = stack.pop()
        open_doubles -= _kind(text[top]) == "double"
        return top

    for i in marks:
        role = _role(text, i, lo, hi)
        if role is None:
            continue
        kind = _kind(text[i])
        if role == "either":
            open_same = open_doubles if kind == "double" else len(stack) - open_doubles
            role = "close" if open_same else "open"
        if role == "open":
            while kind == "double" and stack and _kind(text[stack[-1]]) == "single":
                pop()  # a single mark left open inside a double quote: not a quote
            if kind == "double" and stack:  # a double quote is never nested in a double
                _close_unclosed(text, pop(), i, out, len(stack))
            stack.append(i)
            open_doubles += kind == "double"
            continue
        # a closing mark
        if not stack:
            continue  # a stray closing mark, with no opening one in this paragraph
        top = stack[-1]
        if _kind(text[top]) == kind:
            pop()
            out.append(QuotePair(top, i, top + 1, i, text[top], text[i], len(stack)))
        elif kind == "double":
            while stack and _kind(text[stack[-1]]) == "single":
                pop()
            if stack:
                top = pop()
                out.append(QuotePair(top, i, top + 1, i, text[top], text[i], len(stack)))
        elif text[i - 1] in _SENTENCE_PUNCT and last_double_close < i:
            # “ ... again.’ : a single mark after sentence punctuation, no double close to come
            pop()
            out.append(QuotePair(top, i, top + 1, i, text[top], text[i], len(stack)))
    while stack:
        top = pop()
        if _kind(text[top]) == "double":
            _close_unclosed(text, top, hi, out, len(stack))


def _close_unclosed(text: str, open_at: int, limit: int, out: list[QuotePair], depth: int) -> None:
    """A quote whose closing mark is missing ends at the reporting clause or sentence end."""
    start = open_at + 1
    # a quote with no closing mark runs at most to the end of its sentence; the cap keeps
    # the work per mark bounded on copy with no sentence ends at all
    segment = text[start:min(limit, start + _UNCLOSED_MAX)]
    ends = [len(segment)]
    for pattern in (_REPORTING_AFTER_COMMA, _SENTENCE_END):
        m = pattern.search(segment)
        if m:
            ends.append(m.start() + (1 if pattern is _SENTENCE_END else 0))
    end = start + min(ends)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end > start:
        out.append(QuotePair(open_at, None, start, end, text[open_at], None, depth))
