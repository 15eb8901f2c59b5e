"""The layout the sourcing analysis reads: lines, sentences, quotations and page furniture.

A web capture mixes the story with menus, footers and lists of other headlines. The
sourcing analysis must not count "RFE/RL has been declared ..." in a footer as a
source, so it first marks what is furniture, using general patterns: a credit or
footer line near the end ends the story; a run of short headline-like lines is a list
of links; lines with share buttons or copyright notices are skipped.

All work here is a single pass over the text (no backtracking patterns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from .quote_pairs import QuotePair, find_quote_pairs
from .sourcing_data import normalise, sourcing_data
from .word_index import TOKEN

# "[words](address)" copied with a web page's text (bounded, so it cannot backtrack far)
MARKDOWN_LINK: Final = re.compile(r"\[([^\[\]\n]{0,300})\]\(([^()\s]{0,500})\)")
_ABBREVIATIONS: Final = {"mr", "mrs", "ms", "dr", "st", "sgt", "gen", "col", "lt", "capt", "prof", "jan",
                         "feb", "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u",
                         "vs", "no", "jr", "sr", "inc", "co", "gov", "sen", "rep", "adm", "maj", "cpl",
                         "pvt", "rev", "fr", "mt", "ft", "approx", "etc", "al"}
_STOP: Final = re.compile(r"[.!?]")
MAX_SENTENCE: Final = 1500  # longer "sentences" (lists, run-on captures) are cut at a space


@dataclass
class Layout:
    """Where lines, sentences, quotations and furniture are in one text."""

    text: str
    plain: str  # same length as text; markdown link targets and brackets blanked
    lines: list[tuple[int, int]]
    furniture: list[tuple[int, int, str]]
    sentences: list[tuple[int, int]]
    quotes: list[QuotePair]
    tail_start: int  # where the footer begins (len(text) if none)
    _furn_lines: set[int] = field(default_factory=set)
    _mask: bytearray | None = None

    def in_furniture(self, pos: int) -> bool:
        if self._mask is None:
            self._mask = bytearray(len(self.text) + 1)
            for a, b, _ in self.furniture:
                cover(self._mask, a, b)
        return bool(self._mask[pos]) if 0 <= pos < len(self._mask) else False


def cover(buf: bytearray, a: int, b: int) -> None:
    """Mark buf[a:b] (one slice assignment, not a loop over characters)."""
    if b > a:
        buf[a:b] = b"\x01" * (b - a)


def plain_text(text: str) -> str:
    """The text with markdown link syntax blanked out, keeping every offset."""
    pieces: list[str] = []
    pos = 0
    for m in MARKDOWN_LINK.finditer(text):
        # "[words](url)" -> " words      ": the bracket, then "](url)", become spaces
        pieces += [text[pos:m.start()], " ", text[m.start() + 1:m.end(1)], " " * (m.end() - m.end(1))]
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces)


def split_lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_headline_like(s: str) -> bool:
    """A short line without a full stop whose words are mostly capitalised: a link to a story."""
    s = s.strip()
    if s[-1:] in ".!?\"”:":
        return False  # checked first: most lines of prose end here, before their words are read
    words: list[str] = TOKEN.findall(s)
    if not 3 <= len(words) <= 20:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return caps >= 0.6 * len(words)


def find_furniture(text: str,
                   lines: list[tuple[int, int]]) -> tuple[list[tuple[int, int, str]], int, set[int]]:
    """(furniture spans with reasons, start of the footer, indices of furniture lines)."""
    data = sourcing_data()
    furn: list[tuple[int, int, str]] = []
    furn_lines: set[int] = set()
    tail = len(text)
    half = len(text) // 2
    for n, (a, b) in enumerate(lines):
        low = normalise(text[a:b]).lstrip("-*•–—( ")
        if a >= half and tail == len(text):
            for marker, reason in data.end_markers:
                if low.startswith(marker):
                    tail = a
                    furn.append((a, len(text), f"page furniture: {reason}"))
                    break
        for phrase, reason in data.furniture_phrases:
            if phrase in low:
                furn.append((a, b, f"page furniture: {reason}"))
                furn_lines.add(n)
                break
    # runs of three or more headline-like lines: a list of links to other stories
    run: list[int] = []
    for n, (a, b) in enumerate([*lines, (len(text), len(text))]):
        s = text[a:b]
        if s.strip() and _is_headline_like(s) and not s.lstrip().startswith(("-", "*", "•")):
            run.append(n)
            continue
        if not s.strip() and run and run[-1] == n - 1 and n < len(lines):
            continue  # one blank line between two links does not end the list
        if len(run) >= 3:
            furn.append((lines[run[0]][0], lines[run[-1]][1],
                         "page furniture: a list of headlines linking to other stories"))
            furn_lines.update(run)
        run = []
    for n in range(len(lines)):
        if lines[n][0] >= tail:
            furn_lines.add(n)
    return furn, tail, furn_lines


def _sentence_breaks(text: str, a: int, b: int, inside_quote: bytearray) -> list[int]:
    """Offsets (in a line) where a new sentence starts: after . ! or ? outside a quotation,
    closing marks and spaces, before a capital, a digit or an opening mark."""
    starts: list[int] = []
    for m in _STOP.finditer(text, a, b):
        i = m.start()
        if inside_quote[i]:
            continue
        j = i + 1
        while j < b and text[j] in "\"”’'":
            j += 1
        if j < b and text[j] in " \u00a0\t":
            k = j
            while k < b and text[k] in " \u00a0\t":
                k += 1
            if k < b and (text[k].isupper() or text[k].isdigit() or text[k] in "\"“‘'["):
                if text[i] != "." or not _abbreviation(text, i, a):
                    starts.append(k)
    return starts


def _abbreviation(text: str, i: int, floor: int) -> bool:
    j = i
    while j > floor and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:i].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str, lines: list[tuple[int, int]],
                    quotes: list[QuotePair]) -> list[tuple[int, int]]:
    """Sentences never cross a line break and never cut through a quotation."""
    covered = bytearray(len(text) + 1)
    for q in quotes:
        if q.depth == 0:
            lo, hi = q.outer_start + 1, max(q.outer_end - 1, q.outer_start + 1)
            cover(covered, lo, hi)
    out: list[tuple[int, int]] = []
    for a, b in lines:
        if not text[a:b].strip():
            continue
        bounds = [a, *_sentence_breaks(text, a, b, covered), b]
        for s, e in zip(bounds, bounds[1:], strict=False):
            while e - s > MAX_SENTENCE:
                cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
                cut = cut if cut > s else s + MAX_SENTENCE
                _add(text, s, cut, out)
                s = cut
            _add(text, s, e, out)
    return out


def _add(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


def layout(text: str) -> Layout:
    lines = split_lines(text)
    quotes = find_quote_pairs(text)
    furn, tail, furn_lines = find_furniture(text, lines)
    sentences = split_sentences(text, lines, quotes)
    return Layout(text, plain_text(text), lines, furn, sentences, quotes, tail, furn_lines)
