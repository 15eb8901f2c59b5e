"""Split an article into claims (sentences and long-sentence clauses) and page furniture.

Comparing what two outlets report needs units smaller than a paragraph: one sentence
usually states one fact. Web captures also carry furniture (menus, share buttons,
footers, related-headline lists, captions shown twice) that is not part of the story;
counting it as a "fact the other outlet left out" would mislead a student, so it is set
apart here, each piece with a reason.

Furniture is found by general patterns that hold for any news page:
- a block of two or more lines that all lack a full stop (a list of links or headlines);
- a short line without a full stop (under 8 words: a heading, label, button, timestamp);
- a comma-separated list of names without a verb (a tag list);
- a line shown again (a caption or teaser repeated);
- a phrase or end-of-article marker from `mediakit/data/furniture.yaml`.

Sentences end at . ! ? or … (with any closing quote or bracket after it) when the next
word starts with a capital letter, digit or an opening quote, except after a known
abbreviation ("Sgt.", "Mr.", "Jan."), a single initial ("J.") or a dotted acronym
("U.S."). Sentences longer than 40 words are cut into clauses at semicolons and spaced
dashes. Everything is one pass over the text: linear time, no backtracking regex.
Offsets index the text exactly as given: `text[claim.start:claim.end] == claim.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

SHORT_LINE_WORDS = 8  # a line without a full stop and fewer words is a heading or label
LONG_SENTENCE_WORDS = 40  # longer sentences are cut into clauses
MIN_CLAUSE_WORDS = 6  # a clause shorter than this stays with its neighbour
REPEAT_MIN_CHARS = 20  # shorter repeated lines ("Share") are caught as short lines anyway

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sgt lt col gen capt cpl pvt maj adm cmdr gov sen rep rev st jr sr
mt ft no nos vs etc inc ltd co corp bros dept est approx fig jan feb mar apr jun jul aug
sep sept oct nov dec mon tue tues wed thu thurs fri sat sun pres govt hon messrs mme
""".split())

_END_CHARS = ".!?…"
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_TERMINAL = ".!?…:\"'”’)]»"  # a line ending in one of these ends a sentence
_DASH_SPLIT = (" -- ", " — ", " – ", "; ")
_TIMESTAMP_RE = re.compile(r"\d{1,2}:\d{2}")
_WORD_RE = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence, clause or headline of an article, with exact offsets."""

    start: int
    end: int
    text: str
    kind: str  # "sentence" | "clause" | "headline"


@dataclass(frozen=True, slots=True)
class Furniture:
    """A span of page furniture, with why it is not part of the story."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class Split:
    claims: list[Claim]
    furniture: list[Furniture]


@lru_cache(maxsize=1)
def furniture_data() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(phrases, end_markers) from data/furniture.yaml, each as (lowercase text, reason)."""
    path = resources.files("mediakit") / "data" / "furniture.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    phrases = tuple((e["phrase"].lower(), e["reason"]) for e in data.get("phrases") or [])
    markers = tuple((e["marker"].lower(), e["reason"]) for e in data.get("end_markers") or [])
    return phrases, markers


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line without its newline, stripped of outer whitespace."""
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        spans.append((s, e))
        if nl < 0:
            break
        pos = nl + 1
    return spans


def _word_count(s: str) -> int:
    return len(_WORD_RE.findall(s))


def _is_tag_list(s: str) -> bool:
    """'meeting, Sergei Lavrov, Benjamin Netanyahu': items of 1-3 words, no full stop."""
    items = [i.strip() for i in s.split(",")]
    return len(items) >= 3 and all(0 < _word_count(i) <= 3 for i in items)


def _phrase_reason(s: str) -> str | None:
    low = s.lower()
    for phrase, reason in furniture_data()[0]:
        if phrase in low:
            return f"page furniture: {reason}"
    return None


def _abbreviation_before(text: str, i: int, floor: int) -> bool:
    """Is the full stop at text[i] the end of an abbreviation, initial or acronym?"""
    j = i
    while j > floor and i - j < 20 and not text[j - 1].isspace() and text[j - 1] not in _OPENERS:
        j -= 1
    token = text[j:i]
    if not token:
        return False
    if len(token) == 1 and token.isalpha():  # an initial: "J. Smith"
        return True
    if "." in token and all(len(p) <= 2 for p in token.split(".")):  # "U.S", "e.g"
        return True
    return token.lower() in ABBREVIATIONS


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end] (one paragraph), trimmed of outer whitespace."""
    spans = []
    s = start
    i = start
    while i < end:
        ch = text[i]
        if ch in _END_CHARS:
            j = i + 1
            while j < end and (text[j] in _END_CHARS or text[j] in _CLOSERS):
                j += 1
            if j >= end:
                break
            if not text[j].isspace():
                i = j
                continue
            k = j
            while k < end and text[k].isspace():
                k += 1
            nxt = text[k] if k < end else ""
            ok = nxt.isupper() or nxt.isdigit() or nxt in _OPENERS
            if ok and ch == "." and j == i + 1 and _abbreviation_before(text, i, s):
                ok = False
            if ok:
                spans.append((s, j))
                s = k
            i = k
            continue
        i += 1
    if s < end:
        spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a long sentence at semicolons and spaced dashes (each piece long enough)."""
    if _word_count(text[start:end]) <= LONG_SENTENCE_WORDS:
        return [(start, end)]
    cuts = []
    seg = text[start:end]
    for sep in _DASH_SPLIT:
        pos = seg.find(sep)
        while pos >= 0:
            cuts.append((start + pos, start + pos + len(sep)))
            pos = seg.find(sep, pos + 1)
    cuts.sort()
    pieces = []
    a = start
    for c0, c1 in cuts:
        left = c0 + (1 if text[c0] == ";" else 0)
        if _word_count(text[a:left]) >= MIN_CLAUSE_WORDS and \
                _word_count(text[c1:end]) >= MIN_CLAUSE_WORDS:
            pieces.append((a, left))
            a = c1
    pieces.append((a, end))
    return pieces


def split_claims(text: str) -> Split:
    """Claims and furniture of an article text, both in reading order."""
    claims: list[Claim] = []
    furniture: list[Furniture] = []
    lines = _lines(text)
    _, markers = furniture_data()
    half = len(text) // 2
    seen: set[str] = set()

    def furn(a: int, b: int, reason: str) -> None:
        furniture.append(Furniture(a, b, text[a:b], reason))

    # blocks: runs of non-blank lines
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for span in lines:
        if span[0] == span[1]:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(span)
    if current:
        blocks.append(current)

    for block in blocks:
        first = text[block[0][0]:block[0][1]].lower()
        marker = next((r for m, r in markers if first.startswith(m)), None)
        if marker and block[0][0] >= half:
            furn(block[0][0], len(text.rstrip()), f"footer: {marker}")
            break
        unpunctuated = [text[e - 1] not in _TERMINAL for _, e in block]
        if len(block) >= 2 and all(unpunctuated):
            for a, b in block:
                furn(a, b, "a list of short lines without full stops: links, headlines or menu")
            continue
        if len(block) == 1 and unpunctuated[0]:
            a, b = block[0]
            line = text[a:b]
            reason = _phrase_reason(line)
            if reason:
                furn(a, b, reason)
            elif _word_count(line) < SHORT_LINE_WORDS:
                why = ("a timestamp" if _TIMESTAMP_RE.search(line)
                       else "a short line without a full sentence: a heading, label or button")
                furn(a, b, why)
            elif _is_tag_list(line):
                furn(a, b, "a list of tags or names without a sentence")
            elif line.lower() in seen:
                furn(a, b, "a line shown twice on the page (a caption or teaser)")
            else:
                seen.add(line.lower())
                claims.append(Claim(a, b, line, "headline"))
            continue
        # prose: a paragraph, possibly hard-wrapped over several lines
        for a, b in _paragraph_lines(text, block, seen, furn):
            for s0, s1 in _sentence_spans(text, a, b):
                reason = _phrase_reason(text[s0:s1])
                if reason:
                    furn(s0, s1, reason)
                    continue
                pieces = _clauses(text, s0, s1)
                kind = "sentence" if len(pieces) == 1 else "clause"
                for c0, c1 in pieces:
                    claims.append(Claim(c0, c1, text[c0:c1], kind))
    return Split(claims, furniture)


def _paragraph_lines(text, block, seen, furn):
    """Drop repeated lines (captions shown twice) from a prose block; yield text runs."""
    run_start = None
    run_end = None
    for a, b in block:
        line = text[a:b]
        key = line.lower()
        if len(line) >= REPEAT_MIN_CHARS and key in seen:
            if run_start is not None:
                yield run_start, run_end
                run_start = None
            furn(a, b, "a line shown twice on the page (a caption or teaser)")
            continue
        if len(line) >= REPEAT_MIN_CHARS:
            seen.add(key)
        if run_start is None:
            run_start = a
        run_end = b
    if run_start is not None:
        yield run_start, run_end
