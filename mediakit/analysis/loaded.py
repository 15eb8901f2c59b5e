"""Loaded wording: labels, intensifiers, emotive and delegitimising words, hedges.

Only the writer's own voice counts: words inside someone's quoted words, inside scare
quotes (scored by the quotation-mark analysis), titles and mentions, and interview
transcript turns are skipped. The words come from `data/loaded_words.yaml`, which an
instructor can extend; each entry carries the reason shown to students.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Final

from ..corpus import Article
from ..findings import Finding
from ..labels import EXPLAINED as LABELS
from .quote_marks import EXPLAINED as QUOTE_USES
from .quote_marks import classified
from .quote_pairs import ALL_MARKS
from .wording_lexicon import Match, Tokens, longest_first, matches, text_tokens
from .wording_text import load_data, speech_turn_spans

KINDS: Final = ("label", "intensifier", "emotive", "delegitimizing", "hedge")
EXPLAINED: Final = LABELS["loaded"]


def find_loaded(article: Article, *, include_scare_titles: bool = False) -> list[Finding]:
    """Loaded words and phrases in the writer's own voice, with kind and reason.

    With `include_scare_titles`, a title of office in scare quotes ("President" Rivlin)
    is also reported as delegitimizing; it is off by default because the quotation-mark
    analysis already reports those pairs and counting them twice inflates the density.
    """
    text = article.text
    pairs = classified(text)
    quoted = [(q.pair.outer_start, q.pair.outer_end) for q in pairs]
    quoted += speech_turn_spans(text)
    toks = text_tokens(text)
    skip = _Inside(toks, quoted)
    found = [m for m in matches(text, skip, toks) if not _attributes_quote(text, m)]
    findings = [_finding(text, m) for m in longest_first(found)]
    if include_scare_titles:
        findings += [
            Finding.at("loaded", text, q.pair.start, q.pair.end, "delegitimizing",
                       f"'{q.quoted}' is a title of office in scare quotes: the writer "
                       f"denies that the person holds it, without saying why.", cue="scare")
            for q in pairs if q.use == "scare" and q.cue == "office"]
    return sorted(findings, key=lambda f: (f.start, f.end))


def _finding(text: str, m: Match) -> Finding:
    words = text[m.start:m.end]
    return Finding.at("loaded", text, m.start, m.end, m.entry.kind,
                      m.entry.reason.replace("{match}", " ".join(words.split())))


class _Inside:
    """skip[i]: does token span i fall inside one of the regions? Answered only for the
    tokens asked about (the few that start a lexicon entry), by a bisect each."""

    def __init__(self, toks: Tokens, regions: list[tuple[int, int]]):
        regions = sorted(regions)
        self.toks = toks
        self.starts = [s for s, _ in regions]
        self.reach: list[int] = []  # furthest end among regions[0..k]
        for _, e in regions:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def __len__(self) -> int:  # `matches` reads `if skip` as "is there a skip list": non-empty
        return len(self.toks.words)

    def __getitem__(self, i: int) -> bool:
        s, e = self.toks.span(i)
        k = bisect_right(self.starts, s) - 1
        return k >= 0 and self.reach[k] >= e


def _attributes_quote(text: str, m: Match) -> bool:
    """'what he called "disastrous flaws"': a hedge that only attributes a quotation."""
    if m.entry.kind != "hedge" or not m.entry.pattern.startswith("what"):
        return False
    rest = text[m.end:m.end + 3].lstrip()
    return bool(rest) and rest[0] in ALL_MARKS


def charged_terms(text: str) -> list[tuple[str, str]]:
    """(words, kind) of the charged words in a short string, e.g. a quoted term."""
    return [(text[m.start:m.end], m.entry.kind) for m in longest_first(list(matches(text)))
            if m.entry.kind in ("label", "emotive", "delegitimizing")]


def lexicon_size() -> int:
    return sum(len(g["words"]) for g in load_data("loaded_words.yaml")["groups"])


__all__ = ["EXPLAINED", "KINDS", "QUOTE_USES", "charged_terms", "find_loaded", "lexicon_size"]
