"""The words of one text, found once: every window the sourcing analysis reads is a slice.

The sourcing analysis asks for the words of hundreds of small windows of one article
(a sentence, the few words before a verb, a quotation), so the whole text is tokenised
once and each window's words are a slice of that (`tokens`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter
from typing import Final

# `[A-Za-z0-9][\w’'\-/&.]*`, with the ASCII word characters listed before \w: `re` tries a
# character against them first, a table look-up, before \w's Unicode look-up (the same set)
TOKEN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_’'\-/&.\w]*")
Token = tuple[int, int, str]  # a word of the text: (start, end, the word as written)
_TOKEN_SPLIT: Final = re.compile(f"({TOKEN.pattern})")


def tokens(plain: str, a: int, b: int) -> list[Token]:
    """The words of plain[a:b] as (start, end, word): trailing dots, apostrophes, hyphens and
    slashes cut, except in abbreviations such as "U.S."; a word cut by a or b is cut too.

    The sourcing analysis asks for the words of many small windows of one text, so the
    whole text is tokenised once (`_TokenIndex`) and each window is a slice of that."""
    if b - a < _SMALL_WINDOW:
        return _scan(plain, a, b)
    return token_index(plain).window(a, b)


def uncovered_tokens(plain: str, a: int, b: int, covered: bytearray) -> list[Token]:
    """`tokens(plain, a, b)` without the words that start where `covered` is set (inside
    quotations); most windows hold no quotation, and those are not filtered word by word."""
    toks = tokens(plain, a, b)
    if covered.find(1, a, b) < 0:
        return toks
    return [t for t in toks if not covered[t[0]]]


_SMALL_WINDOW: Final = 24  # characters: a window this short is quicker to scan than to look up


def _scan(plain: str, a: int, b: int) -> list[Token]:
    return [_token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(plain, a, b)]


_TRAILING: Final = (".", "’", "'", "-", "/")
_TRAILING_SET: Final = frozenset(_TRAILING)  # all one character long


def _token(s: int, e: int, word: str) -> Token:
    """Cut trailing marks (never the first character, which is a letter or digit)."""
    while word.endswith(_TRAILING) and not _is_abbrev(word):
        word, e = word[:-1], e - 1
    return s, e, word


class _TokenIndex:
    """Every TOKEN match of one text, found once, so any window's words are a slice.

    A window scan and the whole-text scan agree on every match that lies inside the
    window: matches are maximal runs of word characters. Only a match cut by the window's
    start or end differs, and those (at most two) are scanned again inside the window."""

    def __init__(self, plain: str):
        self.plain = plain
        # split on the matches and add up the pieces' lengths: the per-word work stays in C
        pieces = _TOKEN_SPLIT.split(plain)  # [between, word, between, word, ..., after]
        words = pieces[1::2]
        offsets = list(accumulate(map(len, pieces)))  # where each piece ends
        self.starts, self.ends = offsets[0:-1:2], offsets[1::2]
        self.raw: list[str] = words  # as matched, trailing marks included (phrase_index reads them)
        self.tokens = list(zip(self.starts, self.ends, words, strict=True))
        # words that end with a trailing mark, found by their last character (a TOKEN match
        # is never empty, and every trailing mark is one character): a set lookup per word
        # is half the time of `endswith` with a tuple
        ends_marked = map(_TRAILING_SET.__contains__, map(itemgetter(-1), words))
        for i in compress(range(len(words)), ends_marked):
            self.tokens[i] = _token(*self.tokens[i])

    def window(self, a: int, b: int) -> list[Token]:
        if a >= b:
            return []
        starts, ends = self.starts, self.ends
        i = bisect_left(starts, a)  # matches i.. start inside the window
        out = []
        if i and ends[i - 1] > a:  # a match that starts before a runs into the window
            out += _scan(self.plain, a, min(ends[i - 1], b))
        j = bisect_right(ends, b)  # matches ..j-1 end inside the window
        if j > i:
            out += self.tokens[i:j]
        k = max(i, j)
        if k < len(starts) and starts[k] < b:  # a match that starts inside runs past b
            out += _scan(self.plain, starts[k], b)
        return out


@lru_cache(maxsize=1)
def token_index(plain: str) -> _TokenIndex:
    return _TokenIndex(plain)


def forget_tokens() -> None:
    """Drop the last text's token index (a long article's index is large)."""
    token_index.cache_clear()


def _is_abbrev(word: str) -> bool:
    return word.count(".") >= 2 and len(word) <= 6  # U.S., U.N.
