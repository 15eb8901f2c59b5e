"""A small word-pattern matcher for the loaded-wording lexicon (`data/loaded_words.yaml`).

Instructors extend the lexicon with plain words and phrases plus a few simple
patterns (`indoctrinat*`, `his|her`, `{class}`, `never … ever`), so this matcher
works on word tokens rather than on regular expressions: matching is a dictionary
look-up per token plus a bounded look-ahead, linear in the length of the text, and an
entry an instructor writes cannot make it backtrack.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress
from typing import Final, Protocol

from .memo import Memo
from .wording_text import FUNCTION_WORDS, WORD, WordIndex, load_data, norm

_WORD_SPLIT: Final = re.compile(f"({WORD.pattern})")

GAP: Final = 8  # words allowed where an entry says "…"
_STEM: Final = 3  # a stem* entry needs at least this many letters before the *
# `[.!?][\"”’')\]]*\s|\n|[:;]\s`, written to start with one character class so that `re`
# skips quickly to the next candidate character instead of trying every position
_SENTENCE_BREAK: Final = re.compile(r"[.!?\n:;](?:(?<=[.!?])[\"”’')\]]*\s|(?<=\n)|(?<=[:;])\s)")


class Skip(Protocol):
    """Which tokens may not be matched words: `skip[i]`, asked only for a few tokens."""

    def __len__(self) -> int: ...

    def __getitem__(self, i: int) -> bool: ...


@dataclass(frozen=True)
class Entry:
    pattern: str
    kind: str
    reason: str
    parts: tuple  # tuple of steps; a step is a tuple of token tests, or "GAP"
    not_after: frozenset = frozenset()  # a word right before the match that shows plain sense
    not_before: frozenset = frozenset()  # words right after the match that show plain sense
    second: frozenset | None = None  # the exact words allowed second, if the entry lists them


@dataclass(frozen=True)
class Match:
    start: int  # character offsets
    end: int
    entry: Entry




def _test(word: str, classes: dict[str, frozenset]) -> tuple:
    """One token test: ('any',) | ('in', words) | ('prefix', stem)."""
    if word == "{any}":
        return ("any",)
    if word.startswith("{") and word.endswith("}"):
        return ("in", classes[word[1:-1]])
    if word.endswith("*") and "|" not in word:
        if len(word) - 1 < _STEM:
            raise ValueError(f"loaded_words.yaml: '{word}' is too short a stem: write at "
                             f"least {_STEM} letters before the *")
        return ("prefix", norm(word[:-1]))
    return ("in", frozenset(norm(w) for w in word.split("|")))


def _ok(test: tuple, tok: str) -> bool:
    if test[0] == "in":
        return tok in test[1]
    if test[0] == "prefix":
        return tok.startswith(test[1])
    return tok not in FUNCTION_WORDS


@cache
def lexicon() -> tuple[tuple[Entry, ...], dict[str, list[Entry]], dict[str, list[Entry]]]:
    """All entries, indexed by exact first word; entries that start with a pattern apart."""
    data = load_data("loaded_words.yaml")
    classes = {name: frozenset(norm(str(w)) for w in words)
               for name, words in (data.get("classes") or {}).items()}
    entries: list[Entry] = []
    by_first: dict[str, list[Entry]] = {}
    other: dict[str, list[Entry]] = {}
    for group in data["groups"]:
        not_after = frozenset(norm(str(w)) for w in group.get("not_after") or [])
        not_before = frozenset(tuple(norm(t) for t in str(w).split())
                               for w in group.get("not_before") or [])
        for pattern in group["words"]:
            steps: list = []  # tuples of token tests, or "GAP"
            current: list[tuple] = []
            for word in str(pattern).replace("...", "…").split():
                if word == "…":
                    steps.append(tuple(current))
                    steps.append("GAP")
                    current = []
                else:
                    current.append(_test(word, classes))
            steps.append(tuple(current))
            first_run: tuple = steps[0]
            second = first_run[1][1] if len(first_run) > 1 and first_run[1][0] == "in" else None
            entry = Entry(str(pattern), group["kind"], group["reason"], tuple(steps),
                          not_after, not_before, second)
            entries.append(entry)
            first = steps[0][0]
            if first[0] == "in":
                for w in first[1]:
                    by_first.setdefault(w, []).append(entry)
            else:  # a stem*: indexed by its first letters (stems are at least 3 long)
                other.setdefault(first[1][:_STEM], []).append(entry)
    return tuple(entries), by_first, other


class Tokens:
    """The words of a text with their offsets; sentence numbers on demand.

    Built with C-level passes (split on the words, add up the pieces' lengths, map), so
    a long text costs no Python loop per word. A word's end without its possessive 's and
    its sentence number are worked out only for the words asked about."""

    def __init__(self, text: str):
        pieces = _WORD_SPLIT.split(text)  # [between, word, between, word, ..., after]
        self.text = text
        self.raw: list[str] = pieces[1::2]  # the words as written
        self.words: list[str] = list(map(norm, self.raw))
        self._offsets = list(accumulate(map(len, pieces)))  # word i starts at _offsets[2 * i]
        self._index: WordIndex | None = None  # worked out when first asked for
        self._breaks: list[int] | None = None

    def start(self, i: int) -> int:
        return self._offsets[2 * i]

    def end(self, i: int) -> int:
        """End of word i; a possessive 's is not part of the word: "the regime's" marks "regime"."""
        raw = self.raw[i]
        return self._offsets[2 * i] + len(raw) - (2 if raw.endswith(("'s", "’s")) else 0)

    def span(self, i: int) -> tuple[int, int]:
        return self.start(i), self.end(i)

    @property
    def index(self) -> WordIndex:
        """The words with their offsets as written (a possessive 's included), for windows."""
        if self._index is None:
            offsets = self._offsets
            self._index = WordIndex(self.text, offsets[0:-1:2], offsets[1::2], self.raw, self.words)
        return self._index

    def sentence(self, i: int) -> int:
        """Sentence number of word i: how many sentence breaks come before it."""
        if self._breaks is None:
            self._breaks = [m.start() for m in _SENTENCE_BREAK.finditer(self.text)]
        return bisect_left(self._breaks, self._offsets[2 * i])


@lru_cache(maxsize=2)
def text_tokens(text: str) -> Tokens:
    """`Tokens(text)`, remembered for the last two texts: the quotation-mark and the
    loaded-wording analyses both read the words of the same article, one after the other."""
    return Tokens(text)


def _match_steps(toks: Tokens, i: int, steps: tuple) -> int | None:
    """Index after the last token of a match of `steps` starting at token i, or None."""
    words, sentence = toks.words, toks.sentence
    pos = i
    k = 0
    while k < len(steps):
        step = steps[k]
        if step == "GAP":
            # the first place in the gap where the rest starts; sentence numbers only grow,
            # so if that place is still in word i's sentence, so is every word before it
            found = _gap_search(words, pos, min(len(words), pos + GAP + 1), steps[k + 1])
            if found is None:
                return None
            j, pos = found
            if j != i and sentence(j) != sentence(i):
                return None
            k += 2
            continue
        end = _match_run(words, pos, step)
        if end is None or (end - 1 > i and sentence(end - 1) != sentence(i)):
            return None
        pos = end
        k += 1
    return pos


def _gap_search(words: list[str], lo: int, hi: int, run: tuple) -> tuple[int, int] | None:
    """(j, end) for the first j in lo..hi-1 where `run` matches, or None. Most runs after a
    gap start with listed words ("... ever", "... whatsoever"): a set test picks the places."""
    first = run[0]
    places = (compress(range(lo, hi), map(first[1].__contains__, words[lo:hi]))
              if first[0] == "in" else range(lo, hi))
    for j in places:
        end = _match_run(words, j, run)
        if end is not None:
            return j, end
    return None


def _match_run(words: list[str], pos: int, run: tuple) -> int | None:
    if pos + len(run) > len(words):
        return None
    for n, test in enumerate(run):
        if not _ok(test, words[pos + n]):
            return None
    return pos + len(run)


def matches(text: str, skip: Skip | None = None, toks: Tokens | None = None
            ) -> Iterator[Match]:
    """Every lexicon match in `text` (overlaps included); tokens flagged in `skip` may
    not be matched words (they may sit in a `…` gap)."""
    toks = toks or Tokens(text)
    # `len` of `skip` once here, not once per candidate word
    skipped = skip.__getitem__ if skip else None
    _, by_first, other = lexicon()
    words = toks.words
    for i in _candidates(words):
        if skipped and skipped(i):
            continue
        word = words[i]
        candidates = by_first.get(word, ())
        stems = other.get(word[:_STEM])
        if stems:
            candidates = [*candidates, *[e for e in stems if _ok(e.parts[0][0], word)]]
        for entry in candidates:
            if entry.second is not None and (i + 1 >= len(words) or words[i + 1] not in entry.second):
                continue  # "in his view" needs "his" next: a cheap test before the full match
            end = _match_steps(toks, i, entry.parts)
            if end is None or _plain_sense(toks.words, i, end, entry):
                continue
            if skipped and any(map(skipped, _matched_tokens(toks, i, end, entry))):
                continue
            yield Match(toks.start(i), toks.end(end - 1), entry)


def _candidates(words: list[str]) -> Iterator[int]:
    """Indexes of the words at which some entry may match, in order: a word that starts an
    entry, or the first word of a listed pair ("the regime", "in his view").

    Common words ("the", "of", "in") start only entries that name the next word, so
    testing the next word here leaves a few words in a hundred for the full match."""
    kinds = list(map(_start_kind, words))
    seconds = _second_words()
    last = len(words) - 1
    for i in compress(range(len(words)), kinds):
        if kinds[i] == _STARTS or (i < last and words[i + 1] in seconds[words[i]]):
            yield i


_STARTS, _PAIR_ONLY = 1, 2  # _start_kind: an entry may start here / only if the next word fits


def _kind_of_start(word: str) -> int:
    """0 if no entry starts with `word`; _PAIR_ONLY if every such entry names the word
    after it (`Entry.second`); _STARTS otherwise."""
    _, by_first, other = lexicon()
    if any(_ok(e.parts[0][0], word) for e in other.get(word[:_STEM], ())):
        return _STARTS
    entries = by_first.get(word, ())
    if any(e.second is None for e in entries):
        return _STARTS
    return _PAIR_ONLY if entries else 0


_start_kind = Memo(_kind_of_start, 1 << 16).__getitem__


@cache
def _second_words() -> dict[str, frozenset[str]]:
    """First word -> every second word its pair entries allow."""
    _, by_first, _ = lexicon()
    return {word: frozenset().union(*[e.second for e in entries if e.second is not None])
            for word, entries in by_first.items()}


def _plain_sense(words: list[str], i: int, end: int, entry: Entry) -> bool:
    if i > 0 and words[i - 1] in entry.not_after:
        return True
    return any(tuple(words[end:end + len(after)]) == after for after in entry.not_before)


def _matched_tokens(toks: Tokens, i: int, end: int, entry: Entry) -> list[int]:
    """The first and last tokens of a match: they must be in the writer's own words."""
    return [i, end - 1]


def longest_first(found: list[Match]) -> list[Match]:
    """Keep the longest of overlapping matches (earlier first on ties), in text order."""
    starts: list[int] = []  # kept matches never overlap, so sorted starts mean sorted ends
    kept: list[Match] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        k = bisect_left(starts, m.end)  # kept matches that start before m ends: 0..k-1
        if k and kept[k - 1].end > m.start:
            continue
        starts.insert(k, m.start)
        kept.insert(k, m)
    return kept
