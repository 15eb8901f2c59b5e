"""Small text helpers shared by the quotation-mark and loaded-wording analyses.

Both analyses look at the words around a span: tokenise a window, hide quoted words,
find the sentence a span sits in. Keeping these in one place keeps each analysis short
and every helper linear in the size of the window it is given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib.resources import files
from itertools import compress
from typing import Final

import yaml

from .memo import Memo

# `[^\W_][\w’'\-]*`, with the ASCII word characters listed before \w (see `word_index.TOKEN`)
WORD: Final = re.compile(r"[^\W_][A-Za-z0-9_’'\-\w]*")
# `[.!?][\"”’')\]]*\s|\n`, starting with one character class so that `re` skips fast
_SENTENCE_BREAK: Final = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’')\]]*\s|(?<=\n))")
_MARKDOWN_LINK: Final = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\s]{0,300}\)?")
FUNCTION_WORDS: Final = frozenset(
    "a an the of and or for in on at to by with from de du la le al el bin von van der".split())


@cache
def load_data(name: str) -> dict:
    """A YAML file from mediakit/data/, read once."""
    return yaml.safe_load((files("mediakit") / "data" / name).read_text(encoding="utf-8"))


def _normal_token(token: str) -> str:
    t = token.lower().replace("’", "'")
    return t[:-2] if t.endswith("'s") else t


# a token lower-cased, with one kind of apostrophe and no possessive 's (remembered per word)
norm = Memo(_normal_token, 1 << 16).__getitem__


def tokens(text: str) -> list[str]:
    return [norm(m.group()) for m in WORD.finditer(text)]


def phrases(words: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Word-list entries as token tuples ('according to' -> ('according', 'to'))."""
    return frozenset(tuple(tokens(w)) for w in words if tokens(w))


def ends_with(toks: list[str], phrase_set: frozenset[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The longest listed phrase that the token list ends with."""
    if not toks or toks[-1] not in _last_words(phrase_set):
        return None  # most lists end with a word no phrase ends with: one set test
    for n in (4, 3, 2, 1):
        if len(toks) >= n and tuple(toks[-n:]) in phrase_set:
            return tuple(toks[-n:])
    return None


def starts_with(toks: list[str], phrase_set: frozenset[tuple[str, ...]]) -> tuple[str, ...] | None:
    if not toks or toks[0] not in _first_words(phrase_set):
        return None
    for n in (4, 3, 2, 1):
        if len(toks) >= n and tuple(toks[:n]) in phrase_set:
            return tuple(toks[:n])
    return None


def find_phrase(toks: list[str], phrase_set: frozenset[tuple[str, ...]]) -> tuple[int, tuple]:
    """(index, phrase) of the last listed phrase in the token list, or (-1, ())."""
    firsts = _first_words(phrase_set)
    # only the words some listed phrase starts with, last first (one C-level pass)
    for i in reversed(list(compress(range(len(toks)), map(firsts.__contains__, toks)))):
        for n in (4, 3, 2, 1):
            if tuple(toks[i:i + n]) in phrase_set:
                return i, tuple(toks[i:i + n])
    return -1, ()


@lru_cache(maxsize=64)
def _first_words(phrase_set: frozenset[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(p[0] for p in phrase_set if p)


@lru_cache(maxsize=64)
def _last_words(phrase_set: frozenset[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(p[-1] for p in phrase_set if p)


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
    found = [_TURN.match(text, start) for start in _line_starts(text)]
    return [(m.start(), m.end()) for m in found if m]


def _line_starts(text: str) -> list[int]:
    return [0, *[m.end() for m in _NEWLINE.finditer(text)]]


_TURN: Final = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][\w.'’-]*[ \t]){0,3}[A-Z][\w.'’-]*:[ \t]+[^\n]{20,}$")
_NEWLINE: Final = re.compile("\n")


class WordIndex:
    """The words of a string as `WORD.findall` reads them, with their offsets, so that the
    words of any window of it are sliced out by two bisections instead of read again.

    `window(a, b)` equals `WORD.findall(s, a, b)`: a word cut by `a` or `b` is read again
    from the string (only there can the window's words differ from the string's)."""

    def __init__(self, s: str, starts: list[int], ends: list[int], raw: list[str],
                 words: list[str]):
        self.s = s
        self.starts = starts  # word i is s[starts[i]:ends[i]] == raw[i]
        self.ends = ends
        self.raw = raw
        self.words = words  # norm(raw[i])

    def window(self, a: int, b: int, limit: int | None = None) -> tuple[list[str], list[str]]:
        """(words as written, normalised words) of s[a:b], the first `limit` of them."""
        starts, ends = self.starts, self.ends
        i = bisect_left(starts, a)
        j = bisect_left(starts, b)
        raw_tail = []
        if j > i and ends[j - 1] > b:  # the last word runs past b: only its part before b
            j -= 1
            raw_tail = [self.s[starts[j]:b]]
        if limit is not None:
            j = min(j, i + limit)
        raw = self.raw[i:j]
        words = self.words[i:j]
        if i and ends[i - 1] > a:  # a word begun before a: what of it a window starting at a reads
            head = WORD.findall(self.s, a, min(ends[i - 1], b))
            raw = head + raw
            words = [norm(w) for w in head] + words
        if raw_tail:
            raw += raw_tail
            words += [norm(w) for w in raw_tail]
        if limit is not None:
            return raw[:limit], words[:limit]
        return raw, words

    def masked(self, s: str, spans: list[tuple[int, int]]) -> WordIndex:
        """The index of `s` = `masked(self.s, spans)` (spans sorted), from this one: the
        words of each part left unmasked, which are exactly the words of that part of
        self.s (blanks hold no words and cut the words they touch)."""
        starts: list[int] = []
        ends: list[int] = []
        raw: list[str] = []
        words: list[str] = []
        for a, b in _unmasked_parts(spans, len(s)):
            i = bisect_left(self.starts, a)
            j = bisect_left(self.starts, b)
            if i and self.ends[i - 1] > a:  # a word begun before the part: what is in the part
                for m in WORD.finditer(self.s, a, min(self.ends[i - 1], b)):
                    starts.append(m.start())
                    ends.append(m.end())
                    raw.append(m.group())
                    words.append(norm(m.group()))
            cut = j > i and self.ends[j - 1] > b  # the last word runs past the part
            if cut:
                j -= 1
            starts += self.starts[i:j]
            ends += self.ends[i:j]
            raw += self.raw[i:j]
            words += self.words[i:j]
            if cut:
                starts.append(self.starts[j])
                ends.append(b)
                raw.append(self.s[self.starts[j]:b])
                words.append(norm(raw[-1]))
        return WordIndex(s, starts, ends, raw, words)


def _unmasked_parts(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The parts of 0..length outside every span (spans sorted by start)."""
    parts, pos = [], 0
    for s, e in spans:
        if e <= s:
            continue  # masks nothing
        if s > pos:
            parts.append((pos, s))
        pos = max(pos, e)
    if pos < length:
        parts.append((pos, length))
    return parts


class SentenceBreaks:
    """`sentence_start` / `sentence_end` for many positions of one string, from one scan.

    The windowed scans find the breaks of the whole-string scan that lie inside the window,
    plus one case at the window's start: a window starting inside a break ('."\n', cut after
    the '.') still finds that break's closing newline, which ends where the break ends."""

    def __init__(self, s: str):
        self.s = s
        found = [m.span() for m in _SENTENCE_BREAK.finditer(s)]
        self.starts = [a for a, _ in found]
        self.ends = [b for _, b in found]

    def start(self, pos: int, limit: int = 400) -> int:
        """`sentence_start(s, pos, limit)`."""
        lo = max(0, pos - limit)
        k = bisect_right(self.ends, pos) - 1  # the last break ending by pos
        if k < 0:
            return lo
        start, end = self.starts[k], self.ends[k]
        if start >= lo or (lo < end and self.s[end - 1] == "\n"):
            return end
        return lo

    def end(self, pos: int, limit: int = 300) -> int:
        """`sentence_end(s, pos, limit)`."""
        hi = min(len(self.s), pos + limit)
        k = bisect_left(self.starts, pos)  # the first break starting at or after pos
        if k and self.ends[k - 1] > pos:  # pos inside a break: its closing newline counts
            end = self.ends[k - 1]
            if self.s[end - 1] == "\n" and end <= hi:
                return end
        if k < len(self.starts) and self.ends[k] <= hi:
            return self.starts[k] + 1
        return hi
