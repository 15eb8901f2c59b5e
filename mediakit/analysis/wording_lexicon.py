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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress, repeat
from operator import add, itemgetter, or_

from .wording_text import FUNCTION_WORDS, WORD, load_data

_WORD_SPLIT = re.compile(f"({WORD.pattern})")
_POSSESSIVE = re.compile(r"['’]s(?![\w’'\-])")  # 's at the end of a word

GAP = 8  # words allowed where an entry says "…"
_STEM = 3  # a stem* entry needs at least this many letters before the *
# `[.!?][\"”’')\]]*\s|\n|[:;]\s`, written to start with one character class so that `re`
# skips quickly to the next candidate character instead of trying every position
_SENTENCE_BREAK = re.compile(r"[.!?\n:;](?:(?<=[.!?])[\"”’')\]]*\s|(?<=\n)|(?<=[:;])\s)")


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


@lru_cache(maxsize=1 << 16)
def _norm(word: str) -> str:
    w = word.lower().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w


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
        return ("prefix", _norm(word[:-1]))
    return ("in", frozenset(_norm(w) for w in word.split("|")))


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
    classes = {name: frozenset(_norm(str(w)) for w in words)
               for name, words in (data.get("classes") or {}).items()}
    entries, by_first, other = [], {}, {}
    for group in data["groups"]:
        not_after = frozenset(_norm(str(w)) for w in group.get("not_after") or [])
        not_before = frozenset(tuple(_norm(t) for t in str(w).split())
                               for w in group.get("not_before") or [])
        for pattern in group["words"]:
            steps, current = [], []
            for word in str(pattern).replace("...", "…").split():
                if word == "…":
                    steps.append(tuple(current))
                    steps.append("GAP")
                    current = []
                else:
                    current.append(_test(word, classes))
            steps.append(tuple(current))
            first_run = steps[0]
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
    """The words of a text with their offsets and sentence numbers.

    Built with C-level passes (split on the words, add up the pieces' lengths, map), so
    a long text costs no Python loop per word."""

    def __init__(self, text: str):
        pieces = _WORD_SPLIT.split(text)  # [between, word, between, word, ..., after]
        raw = pieces[1::2]
        starts = list(accumulate(map(len, pieces)))[0:-1:2]
        self.words: list[str] = list(map(_norm, raw))
        ends = list(map(add, starts, map(len, raw)))
        # a possessive 's is not part of the word: "the regime's" marks "regime"; the few
        # words that end in 's are found by one search of the text, then by their end offset
        for m in _POSSESSIVE.finditer(text):
            i = bisect_left(ends, m.end())
            if i < len(ends) and ends[i] == m.end() and raw[i].endswith(("'s", "’s")):
                ends[i] -= 2
        self.spans: list[tuple[int, int]] = list(zip(starts, ends, strict=True))
        breaks = [m.start() for m in _SENTENCE_BREAK.finditer(text)]
        # sentence number: how many breaks come before the word
        self.sentence: list[int] = list(map(bisect_left, repeat(breaks), starts))


def _match_steps(toks: Tokens, i: int, steps: tuple) -> int | None:
    """Index after the last token of a match of `steps` starting at token i, or None."""
    words, sent = toks.words, toks.sentence
    pos = i
    k = 0
    while k < len(steps):
        step = steps[k]
        if step == "GAP":
            following = steps[k + 1]
            for j in range(pos, min(len(words), pos + GAP + 1)):
                if sent[j] != sent[i]:
                    return None
                end = _match_run(words, j, following)
                if end is not None:
                    pos = end
                    break
            else:
                return None
            k += 2
            continue
        end = _match_run(words, pos, step)
        if end is None or (end > i and sent[end - 1] != sent[i]):
            return None
        pos = end
        k += 1
    return pos


def _match_run(words: list[str], pos: int, run: tuple) -> int | None:
    if pos + len(run) > len(words):
        return None
    for n, test in enumerate(run):
        if not _ok(test, words[pos + n]):
            return None
    return pos + len(run)


def matches(text: str, skip: Sequence[bool] | None = None, toks: Tokens | None = None
            ) -> Iterator[Match]:
    """Every lexicon match in `text` (overlaps included); tokens flagged in `skip` may
    not be matched words (they may sit in a `…` gap)."""
    toks = toks or Tokens(text)
    skip = skip or None  # tested once here, not once per candidate word (`len` of a Sequence)
    _, by_first, other = lexicon()
    words = toks.words
    # only words that start some entry, found with C-level passes over the word list
    starts_entry = map(or_, map(by_first.__contains__, words),
                       map(other.__contains__, map(itemgetter(slice(0, _STEM)), words)))
    for i in compress(range(len(words)), starts_entry):
        if skip and skip[i]:
            continue
        word = words[i]
        candidates = by_first.get(word, ())
        stems = other.get(word[:_STEM])
        if stems:
            candidates = [*candidates, *(e for e in stems if _ok(e.parts[0][0], word))]
        for entry in candidates:
            if entry.second is not None and (i + 1 >= len(words) or words[i + 1] not in entry.second):
                continue  # "in his view" needs "his" next: a cheap test before the full match
            end = _match_steps(toks, i, entry.parts)
            if end is None or _plain_sense(toks.words, i, end, entry):
                continue
            if skip and any(skip[j] for j in _matched_tokens(toks, i, end, entry)):
                continue
            yield Match(toks.spans[i][0], toks.spans[end - 1][1], entry)


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
