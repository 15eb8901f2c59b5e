"""Find the phrases of a word list in a text quickly, with exactly the matches of one regex.

The sourcing analysis looks for reporting verbs, "according to", "reportedly" and other
fixed phrases in every sentence and in many small windows. A regex alternation of
hundreds of phrases tries every phrase at every word start, which made that search the
slowest part of the analysis. Here the text's word starts are found once, each with its
first run of ASCII letters and digits lower-cased ("According" -> "according"), and the
regex is tried only at the word starts whose run is the first word of some phrase.

The matches are exactly the regex's own: a phrase can only match where the text's run
equals the phrase's first run, because both runs end where a character that is not an
ASCII letter or digit follows. A text holding one of the four non-ASCII letters that
`re.IGNORECASE` matches to ASCII letters (İ ı ſ K) is searched with the plain regex.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, chain, compress
from weakref import WeakSet

# the lookbehind every phrase pattern starts with: a phrase starts a word
WORD_START = r"(?<![\w-])"
CASE_TWINS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K: match i, i, s, k under IGNORECASE
# `(?<![\w-])([A-Za-z0-9]+)` with the look-behind moved after the first character, so
# that `re` can skip fast to the next letter or digit instead of trying every position
_STARTS = re.compile(r"([A-Za-z0-9](?<![\w-][A-Za-z0-9])[A-Za-z0-9]*)")
_RUN = re.compile(r"[A-Za-z0-9]+")
_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


_KNOWN: set[str] = set()  # the first runs of every PhrasePattern: the only runs indexed
_PATTERNS: WeakSet[PhrasePattern] = WeakSet()  # to forget their last text


def word_starts(text: str) -> tuple[array, dict[str, list[int]]] | None:
    """The offsets of the word starts of `text` (ASCII letter or digit first), and the offsets
    of each lower-cased run that starts some phrase; None when the text holds a case twin
    (then every phrase is searched the slow way)."""
    return _word_starts(text, len(_KNOWN))  # _KNOWN only grows: its size names its state


@lru_cache(maxsize=1)
def _word_starts(text: str, known: int) -> tuple[array, dict[str, list[int]]] | None:
    if any(twin in text for twin in CASE_TWINS):
        return None
    # split on the runs and add up the pieces' lengths: the per-word work stays in C.
    # Without case twins, lower() keeps every character's length, and whether it is a word
    # character, a hyphen or an ASCII letter or digit (checked over all of Unicode in
    # tests/test_fast_paths.py), so the lowered text splits at the same offsets
    pieces = _STARTS.split(text.lower())  # [before, run, between, run, ..., after]
    offsets = array("q", accumulate(map(len, pieces)))[0:-1:2]  # 8 bytes a word
    runs = pieces[1::2]
    at: dict[str, list[int]] = {}
    for i in compress(range(len(runs)), map(_KNOWN.__contains__, runs)):
        at.setdefault(runs[i], []).append(offsets[i])
    return offsets, at


def forget() -> None:
    """Drop the indexes of the last text (a long article's index is large)."""
    _word_starts.cache_clear()
    for pattern in _PATTERNS:
        pattern._last = None


class PhrasePattern:
    """A compiled phrase regex (`WORD_START` + alternation) with a fast `finditer`."""

    def __init__(self, regex: re.Pattern, phrases: list[str]):
        self.regex = regex
        self.pattern = regex.pattern
        # phrases' first runs; None: no safe index, search with the regex alone
        self.firsts = _first_runs(phrases) if self.pattern.startswith(WORD_START) else None
        _KNOWN.update(self.firsts or ())
        _PATTERNS.add(self)
        # (text, its word starts, the candidate offsets) for the last text searched; replaced
        # as one tuple, so a reader never mixes two texts' indexes
        self._last: tuple | None = None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match]:
        """What `regex.finditer(text, pos, endpos)` finds, as a list."""
        endpos = len(text) if endpos is None else min(endpos, len(text))
        last = self._last
        if last is None or last[0] is not text:
            last = self._last = self._index(text)
        _, offsets, cands = last
        if offsets is None:
            return list(self.regex.finditer(text, pos, endpos))
        # most windows (a sentence, a few words before a verb) hold none of our phrases:
        # answer those with one bisection, before any other work
        first = bisect_left(cands, pos)
        if first == len(cands) or cands[first] >= endpos:
            if endpos >= len(text) or text[endpos] not in _ALNUM:
                return []  # no candidate in the window, and endpos cuts no word
        found: list[re.Match] = []
        end = pos
        for p in self._window(text, offsets, cands, pos, endpos):
            if p < end:
                continue  # inside the previous match: finditer never overlaps
            m = self.regex.match(text, p, endpos)
            if m:
                found.append(m)
                end = m.end()
        return found

    def _index(self, text: str) -> tuple:
        """A new text: its word starts, and the offsets where one of our phrases may start."""
        starts = word_starts(text) if self.firsts is not None else None
        if starts is None:
            return text, None, []
        offsets, at = starts
        return text, offsets, sorted(chain.from_iterable(map(at.__getitem__, self.firsts.intersection(at))))

    def _window(self, text: str, offsets: array, cands: list[int], pos: int, endpos: int) -> list[int]:
        """The candidate offsets in [pos, endpos), in order."""
        found = cands[bisect_left(cands, pos):bisect_left(cands, endpos)]
        if endpos >= len(text) or text[endpos] not in _ALNUM:
            return found  # endpos cuts no word
        # the word that endpos cuts: inside the window its run is shorter ("writer" -> "write")
        k = bisect_left(offsets, endpos) - 1
        if k < 0 or offsets[k] < pos or (found and found[-1] == offsets[k]):
            return found
        start = offsets[k]
        run = _RUN.match(text, start, endpos)
        if run and run.end() == endpos and run.group().lower() in self.firsts:
            found.append(start)
        return found


def _first_runs(phrases: list[str]) -> frozenset[str] | None:
    """The lower-cased first ASCII-alphanumeric run of every phrase, or None when a phrase
    does not start with one or its run is followed by a case twin (then no index is safe)."""
    firsts = set()
    for phrase in phrases:
        m = _RUN.match(phrase)
        if not m or phrase[m.end():m.end() + 1] in set(CASE_TWINS):
            return None
        firsts.add(m.group().lower())
    return frozenset(firsts)
