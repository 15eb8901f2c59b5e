"""Small text helpers shared by the quotation-mark and loaded-wording analyses.

Both analyses look at the words around a span: tokenise a window, hide quoted words,
find the sentence a span sits in. Keeping these in one place keeps each analysis short
and every helper linear in the size of the window it is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib.resources import files

import yaml

WORD = re.compile(r"[^\W_][\w’'\-]*")
# `[.!?][\"”’')\]]*\s|\n`, starting with one character class so that `re` skips fast
_SENTENCE_BREAK = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’')\]]*\s|(?<=\n))")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\s]{0,300}\)?")
FUNCTION_WORDS = frozenset(
    "a an the of and or for in on at to by with from de du la le al el bin von van der".split())


@cache
def load_data(name: str) -> dict:
    """A YAML file from mediakit/data/, read once."""
    return yaml.safe_load((files("mediakit") / "data" / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1 << 16)
def norm(token: str) -> str:
    """Lower-case a token and use one kind of apostrophe and no possessive 's."""
    t = token.lower().replace("’", "'")
    return t[:-2] if t.endswith("'s") else t


def tokens(text: str) -> list[str]:
    return [norm(m.group()) for m in WORD.finditer(text)]


def phrases(words: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Word-list entries as token tuples ('according to' -> ('according', 'to'))."""
    return frozenset(tuple(tokens(w)) for w in words if tokens(w))


def ends_with(toks: list[str], phrase_set: frozenset[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The longest listed phrase that the token list ends with."""
    for n in (4, 3, 2, 1):
        if len(toks) >= n and tuple(toks[-n:]) in phrase_set:
            return tuple(toks[-n:])
    return None


def starts_with(toks: list[str], phrase_set: frozenset[tuple[str, ...]]) -> tuple[str, ...] | None:
    for n in (4, 3, 2, 1):
        if len(toks) >= n and tuple(toks[:n]) in phrase_set:
            return tuple(toks[:n])
    return None


def find_phrase(toks: list[str], phrase_set: frozenset[tuple[str, ...]]) -> tuple[int, tuple]:
    """(index, phrase) of the last listed phrase in the token list, or (-1, ())."""
    firsts = _first_words(phrase_set)
    for i in range(len(toks) - 1, -1, -1):
        if toks[i] not in firsts:
            continue  # no listed phrase starts with this word
        for n in (4, 3, 2, 1):
            if tuple(toks[i:i + n]) in phrase_set:
                return i, tuple(toks[i:i + n])
    return -1, ()


@lru_cache(maxsize=64)
def _first_words(phrase_set: frozenset[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(p[0] for p in phrase_set if p)


def strip_links(text: str) -> str:
    """'[words](#)' -> 'words': web links are kept in the copy as Markdown."""
    return _MARKDOWN_LINK.sub(r"\1", text)


def masked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with every span blanked out (same length), so quoted words are not read."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out.append(text[pos:s])
        out.append(" " * (e - s))
        pos = e
    out.append(text[pos:])
    return "".join(out)


def sentence_start(text: str, pos: int, limit: int = 400) -> int:
    """Offset where the sentence holding `pos` starts (looking back at most `limit` chars)."""
    lo = max(0, pos - limit)
    last = lo
    for m in _SENTENCE_BREAK.finditer(text, lo, pos):
        last = m.end()
    return last


def sentence_end(text: str, pos: int, limit: int = 300) -> int:
    """Offset where the sentence holding `pos` ends (looking on at most `limit` chars)."""
    m = _SENTENCE_BREAK.search(text, pos, min(len(text), pos + limit))
    return m.start() + 1 if m else min(len(text), pos + limit)


def line_bounds(text: str, pos: int, limit: int = 600) -> tuple[int, int]:
    """Start and end of the line holding `pos` (bounded, for very long lines)."""
    start = text.rfind("\n", max(0, pos - limit), pos) + 1 or max(0, pos - limit)
    end = text.find("\n", pos, pos + limit)
    return start, (end if end >= 0 else min(len(text), pos + limit))


def speech_turn_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs of an interview transcript ("Vladimir Putin: ...", "Q: ..."): spoken words
    with no quotation marks."""
    # a turn is one whole line, so trying the pattern at each line start finds what
    # `_TURN.finditer(text)` finds, without trying every character of the text
    found = (_TURN.match(text, start) for start in _line_starts(text))
    return [(m.start(), m.end()) for m in found if m]


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


_TURN = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][\w.'’-]*[ \t]){0,3}[A-Z][\w.'’-]*:[ \t]+[^\n]{20,}$")
_NEWLINE = re.compile("\n")
