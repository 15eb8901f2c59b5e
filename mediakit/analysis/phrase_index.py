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
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, chain, compress, count
from typing import Final

from .memo import Memo
from .word_index import token_index

# the lookbehind every phrase pattern starts with: a phrase starts a word
WORD_START: Final = r"(?<![\w-])"
CASE_TWINS: Final = "\u0130\u0131\u017f\u212a"  # İ ı ſ K: match i, i, s, k under IGNORECASE
# a run that starts inside a word: after ’ ' / & or . (a word character or a hyphen before a
# letter does not start a word: "well-known", "café")
_INNER_START: Final = re.compile(r"[’'/&.]([A-Za-z0-9]+)")
_RUN: Final = re.compile(r"[A-Za-z0-9]+")
_TWIN_SET: Final = frozenset(CASE_TWINS)
_ALNUM: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


_KNOWN: set[str] = set()  # the first runs of every PhrasePattern: the only runs indexed
# each pattern's index of the last text it searched, by the pattern's serial number: one
# dict, so that `forget` drops them all (a long article's indexes are large)
_LAST: dict[int, tuple] = {}
_SERIAL: Final = count()


@lru_cache(maxsize=1)
def word_starts(text: str) -> dict[str, list[int]] | None:
    """The offsets of the word starts of `text` whose lower-cased first run starts some phrase,
    by run; None when the text holds a case twin (then every phrase is searched the slow way)."""
    if any(twin in text for twin in CASE_TWINS):
        return None
    # Read from the words the sourcing analysis splits the text into anyway (`token_index`).
    # Every ASCII letter or digit lies in one of those words (a word runs on through letters,
    # digits and ’'-/&.), so every word start does: at the word's own start unless a word
    # character or a hyphen comes right before it ("_said", "a-said"), or inside it right
    # after ’ ' / & or . ("U.S.", "AT&T"). A run's lower case is plain ASCII; a case twin
    # would match one under IGNORECASE without being one, hence the slow way above.
    index = token_index(text)
    runs = list(map(_RUNS_OF_WORD.__getitem__, index.raw))  # most words: () and no more work
    at: dict[str, list[int]] = {}
    starts = index.starts
    for i in compress(range(len(runs)), runs):
        start = starts[i]
        for offset, run in runs[i]:
            if offset == 0 and start and _word_or_hyphen(text[start - 1]):
                continue  # inside a longer word: not a word start
            at.setdefault(run, []).append(start + offset)
    return at  # words in text order, and each word's own start before those inside it


def _known_runs_of(word: str) -> tuple[tuple[int, str], ...]:
    """(offset in the word, lower-cased run) of the word's start and of every start inside it
    ("U.S.", "AT&T", "and/or") whose run is the first run of some phrase; a pure function of
    the word while `_KNOWN` stays the same (a new `PhrasePattern` empties the memo)."""
    found: list[tuple[int, str]] = []
    if word.isascii() and word.isalnum():
        run = word.lower()  # most words: one run, the whole word
        if run in _KNOWN:
            found.append((0, run))
        return tuple(found)
    first = _RUN.match(word).group().lower()  # type: ignore[union-attr]  # a word starts with one
    if first in _KNOWN:
        found.append((0, first))
    for m in _INNER_START.finditer(word):
        run = m.group(1).lower()
        if run in _KNOWN:
            found.append((m.start(1), run))
    return tuple(found)


_RUNS_OF_WORD: Final = Memo(_known_runs_of, 1 << 16)


def _word_or_hyphen(char: str) -> bool:
    r"""`re`'s [\w-] for one character: \w is what str.isalnum() accepts, and the underscore."""
    return char.isalnum() or char == "_" or char == "-"


def forget() -> None:
    """Drop the indexes of the last text (a long article's index is large)."""
    word_starts.cache_clear()
    _LAST.clear()


class PhrasePattern:
    """A compiled phrase regex (`WORD_START` + alternation) with a fast `finditer`."""

    def __init__(self, regex: re.Pattern, phrases: list[str]):
        self.regex = regex
        # phrases' first runs; None: no safe index, search with the regex alone
        self.firsts = _first_runs(phrases) if regex.pattern.startswith(WORD_START) else None
        if not _KNOWN.issuperset(self.firsts or ()):  # new first runs: words read before, read again
            _KNOWN.update(self.firsts or ())
            _RUNS_OF_WORD.clear()
            word_starts.cache_clear()
        # no phrase ends with a space: see `_clean_end`
        self.whole = all(p == p.rstrip() for p in phrases)
        # its `_LAST` entry: (text, the candidate offsets) for the last text searched,
        # replaced as one tuple, so a reader never mixes two texts' indexes
        self._key = next(_SERIAL)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match]:
        """What `regex.finditer(text, pos, endpos)` finds, as a list."""
        endpos = len(text) if endpos is None else min(endpos, len(text))
        last = _LAST.get(self._key)
        if last is None or last[0] is not text:
            last = _LAST[self._key] = self._index(text)
        _, cands = last
        if cands is None:
            return list(self.regex.finditer(text, pos, endpos))
        return self._scan(text, cands, pos, endpos)

    def _scan(self, text: str, cands: list[int], pos: int, endpos: int) -> list[re.Match]:
        """The regex's matches in text[pos:endpos], tried only at the candidate offsets."""
        # most windows (a sentence, a few words before a verb) hold none of our phrases:
        # answer those with one bisection, before any other work
        first = bisect_left(cands, pos)
        if first == len(cands) or cands[first] >= endpos:
            if endpos >= len(text) or text[endpos] not in _ALNUM:
                return []  # no candidate in the window, and endpos cuts no word
        found: list[re.Match] = []
        end = pos
        for p in self._window(text, cands, pos, endpos):
            if p < end:
                continue  # inside the previous match: finditer never overlaps
            m = self.regex.match(text, p, endpos)
            if m:
                found.append(m)
                end = m.end()
        return found

    def _index(self, text: str) -> tuple:
        """A new text: the offsets where one of our phrases may start (None: search it all)."""
        firsts = self.firsts
        if firsts is None:
            return text, None
        at = word_starts(text)
        if at is None:
            return text, None
        return text, sorted(chain.from_iterable(map(at.__getitem__, firsts.intersection(at))))

    def _window(self, text: str, cands: list[int], pos: int, endpos: int) -> list[int]:
        """The candidate offsets in [pos, endpos), in order."""
        found = cands[bisect_left(cands, pos):bisect_left(cands, endpos)]
        if endpos >= len(text) or text[endpos] not in _ALNUM:
            return found  # endpos cuts no word
        # the word that endpos cuts: inside the window its run is shorter ("writer" -> "write")
        start = endpos
        while start > pos and text[start - 1] in _ALNUM:
            start -= 1
        if start == endpos or (start and _word_or_hyphen(text[start - 1])):
            return found  # no run ends at endpos, or it starts before pos or inside a word
        if found and found[-1] == start:
            return found
        if text[start:endpos].lower() in (self.firsts or ()):
            found.append(start)
        return found


def _clean_end(text: str, endpos: int, whole: bool) -> bool:
    r"""Does a match attempt see the same at `endpos` with the text cut there as without?
    At the text's end, yes. Before a character that is not a word character or a hyphen,
    yes: the closing look-ahead `(?![\w-])` succeeds either way. After a space, yes: only
    `\s+` between two words of a phrase reads a space, and a word must follow it, so an
    attempt that reaches `endpos` either fails in both texts or, uncut, ends past `endpos`
    (a match across the edge, which the caller rules out). This needs phrases that do not
    end with a space (`whole`)."""
    if endpos >= len(text):
        return True
    if not _word_or_hyphen(text[endpos]):
        return True
    return whole and text[endpos - 1].isspace()


class PhraseSet:
    """Several phrase patterns searched in the same windows of one text (the sourcing
    analysis looks for seven kinds of cue in every sentence): one merged list of their
    whole-text matches answers a window with two bisections instead of seven searches."""

    def __init__(self, patterns: list[PhrasePattern]):
        self.patterns = patterns
        self.whole = all(p.whole for p in patterns)
        self._key = next(_SERIAL)  # `_LAST`: (text, match starts, running max of ends, matches)

    def finditer(self, text: str, pos: int, endpos: int) -> list[list[re.Match]]:
        """[p.finditer(text, pos, endpos) for p in self.patterns]."""
        endpos = min(endpos, len(text))
        if pos >= endpos:
            return [[] for _ in self.patterns]
        last = _LAST.get(self._key)
        if last is None or last[0] is not text:
            last = _LAST[self._key] = self._index(text)
        _, starts, reach, found = last
        i = bisect_left(starts, pos)
        j = bisect_left(starts, endpos, i)
        # the whole text's matches inside the window are the window's own when no match
        # runs across either edge (of any pattern: `reach` is the furthest end so far) and
        # the window's end cannot change how an attempt ends (`_clean_end`); a regex sees the
        # characters before `pos` either way (look-behind reads the whole string)
        if (i == 0 or reach[i - 1] <= pos) and (j == 0 or reach[j - 1] <= endpos) \
                and _clean_end(text, endpos, self.whole):
            out: list[list[re.Match]] = [[] for _ in self.patterns]
            for k, m in found[i:j]:
                out[k].append(m)
            return out
        return [p.finditer(text, pos, endpos) for p in self.patterns]

    def _index(self, text: str) -> tuple:
        """A new text: every pattern's matches in the whole text, in order of start."""
        found = sorted([(k, m) for k, p in enumerate(self.patterns) for m in p.finditer(text)],
                       key=lambda km: (km[1].start(), km[0]))
        starts = [m.start() for _, m in found]
        reach = list(accumulate([m.end() for _, m in found], max))
        return text, starts, reach, found


def _first_runs(phrases: list[str]) -> frozenset[str] | None:
    """The lower-cased first ASCII-alphanumeric run of every phrase, or None when a phrase
    does not start with one or its run is followed by a case twin (then no index is safe)."""
    firsts = set()
    for phrase in phrases:
        m = _RUN.match(phrase)
        if not m or phrase[m.end():m.end() + 1] in _TWIN_SET:
            return None
        firsts.add(m.group().lower())
    return frozenset(firsts)
