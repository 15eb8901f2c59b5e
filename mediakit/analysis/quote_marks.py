"""Quotation marks: what each pair is used for (speech, scare, title, mention).

Writers put words in marks for four reasons: to give someone's words (speech), to keep
a word at a distance or mock it (scare), to name a work or event (title), or to talk
about a word as a word (mention). Students learn to tell them apart from the same cues
an editor uses, so the analysis uses only those cues, read from `data/quote_cues.yaml`:
a reporting verb near the marks, how long the quote is, a capitalised name that the
writer also uses without marks, a word like "so-called" or "titled" before it, a list
line. Each finding's reason names the cue that decided it.

Rules are tried in a fixed order, most specific first; quotes with no cue of their own
are decided in a second pass from what the rest of the text shows (the same words
quoted earlier, or found inside someone's longer quotation). The work is linear in the
length of the text: every window read around a pair has a fixed maximum size.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import compress
from typing import Final, cast

from ..corpus import Article
from ..findings import Finding
from ..labels import EXPLAINED as LABELS
from .quote_pairs import QuotePair, find_quote_pairs
from .wording_lexicon import text_tokens
from .wording_text import (
    FUNCTION_WORDS,
    WORD,
    SentenceBreaks,
    ends_with,
    find_phrase,
    line_bounds,
    load_data,
    masked,
    norm,
    phrases,
    sentence_end,
    sentence_start,
    starts_with,
    strip_links,
)

USES: Final = ("speech", "scare", "title", "mention")
EXPLAINED: Final = LABELS["quote_marks"]
REPORTING_WINDOW: Final = 25  # words before the marks in which a reporting verb counts
LONG_QUOTE: Final = 4  # words: from this length on, marks hold someone's words
_LIST_ITEM: Final = re.compile(r"[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]")
_MAX_WORDS: Final = 40  # words read from a quote: enough for every rule, bounded for long quotes


@cache
def _cues() -> dict[str, tuple[str, frozenset[tuple[str, ...]]]]:
    data = load_data("quote_cues.yaml")
    return {name: (group["reason"], phrases(group["words"])) for name, group in data.items()}


def _said(phrase: tuple[str, ...]) -> str:
    return " ".join(phrase)


@dataclass
class _Pair:
    """A quote pair and what has been read around it."""

    pair: QuotePair
    words: list[str]  # the quoted words, as written (links stripped)
    toks: list[str]  # the same, normalised
    before: list[str]  # words of the sentence before the marks (quoted words hidden)
    before_raw: list[str]
    after: list[str]  # words of the sentence after the marks
    after_raw: list[str]
    sentence_initial: bool
    line: str
    parent: _Pair | None = None
    use: str | None = None
    reason: str = ""
    cue: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def quoted(self) -> str:
        return " ".join(self.words)


class _Reader:
    """Everything the rules need about one text, computed once.

    The words of the text are read once (`text_tokens`, shared with the loaded-wording
    analysis); the words of the text with the quotes blanked out, and the sentence breaks
    of that text, are worked out from them once, so each pair's windows are slices."""

    def __init__(self, text: str, pairs: list[QuotePair]):
        self.text = text
        spans = sorted((p.start, p.end) for p in pairs)
        self.masked = masked(text, spans)
        self.words = text_tokens(text).index
        self.masked_words = self.words.masked(self.masked, spans)
        self.masked_breaks = SentenceBreaks(self.masked)
        self.items: list[_Pair] = []
        stack: list[_Pair] = []
        for p in pairs:
            while stack and stack[-1].pair.outer_end <= p.open:
                stack.pop()
            parent = stack[-1] if p.depth and stack else None
            item = self._read(p, parent)
            item.parent = parent
            stack.append(item)
            self.items.append(item)

    def _read(self, p: QuotePair, parent: _Pair | None) -> _Pair:
        text, m = self.text, self.masked
        words, toks = self.words.window(p.start, p.end, _MAX_WORDS)
        if len(words) < _MAX_WORDS and text.find("[", p.start, p.end) >= 0:
            words = WORD.findall(strip_links(text[p.start:p.end]))  # link text, not link syntax
            toks = [norm(w) for w in words]
        if parent is None:
            s0 = self.masked_breaks.start(p.open)
            s1 = self.masked_breaks.end(p.outer_end)
            before_raw, before = self.masked_words.window(s0, p.open)
            after_raw, after = self.masked_words.window(p.outer_end, s1, 10)
        else:  # a quote inside a quote: read the words inside the parent
            m = text
            s0 = max(sentence_start(text, p.open), parent.pair.start)
            s1 = min(sentence_end(text, p.outer_end), parent.pair.end)
            before_raw, before = self.words.window(s0, p.open)
            after_raw, after = self.words.window(p.outer_end, s1, 10)
        prev = m[s0:p.open].rstrip(" \t\u00a0([")
        lo, hi = line_bounds(text, p.open)
        return _Pair(p, words, toks, before[-REPORTING_WINDOW:], before_raw[-REPORTING_WINDOW:],
                     after, after_raw, sentence_initial=not prev or prev[-1] in ".!?:\n",
                     line=text[lo:hi])


# --- rules: each returns (use, reason) or None -------------------------------------------

Rule = Callable[[_Pair, "_Reader"], "tuple[str, str] | None"]


def _list_item(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    item = _LIST_ITEM.match(q.line)
    if not item:
        return None
    body: list[str] = WORD.findall(strip_links(q.line[item.end():]))
    if len(q.words) >= 0.6 * len(body):
        return "title", ("These marks make up a whole item of a bulleted list; lists like this "
                         "give the names of pages, articles or events, so the marks give a title.")
    return None


def _titled(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    reason, cues = _cues()["title_words_before"]
    hit = ends_with(q.before, cues)
    if hit:
        return "title", f"Right after '{_said(hit)}': {reason}."
    return None


def _nested(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    parent = q.parent
    if parent is None or parent.use is None:
        return None
    if parent.use == "title":
        from .loaded import charged_terms

        charged = charged_terms(q.quoted)
        if charged:
            word, kind = charged[0]
            return "scare", (f"Inside a title, '{q.quoted}' is put in its own marks and is a "
                             f"charged word ({kind}): the writer holds it at a distance as "
                             f"someone else's accusation.")
        return "mention", (f"Inside a title, '{q.quoted}' is put in its own marks: the title "
                           f"is talking about the word itself.")
    if parent.use == "speech":
        return "speech", ("These marks sit inside someone's quoted words: the speaker is "
                          "quoting in turn.")
    return None


def _distancing(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    reason, cues = _cues()["distancing_words"]
    hit = ends_with(q.before[-3:], cues)
    if hit:
        return "scare", f"'{_said(hit)}' comes right before the marks: {reason}."
    return None


def _designation(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    reason, cues = _cues()["designation_verbs"]
    before = q.before[-3:]
    if before and before[-1] in ("a", "an", "the", "as"):
        before = before[:-1]
    if before and before[-1] == "as":
        before = before[:-1]
    hit = ends_with(before, cues)
    if hit and q.after[:1] == ["by"]:
        who = _noun_phrase(q.after_raw[1:6]) or "someone named after 'by'"
        return "speech", (f"'{_said(hit)} ... by {who}': the marks hold a label that {who} "
                          f"gave, so they are {who}'s words.")
    return None


def _title_noun(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    reason, cues = _cues()["title_nouns"]
    if q.before and (q.before[-1],) in cues and _is_name(q.words) and not q.sentence_initial:
        return "title", f"Right after '{q.before_raw[-1]}' and written like a name: {reason}."
    after = q.after[:3]
    for i, tok in enumerate(after):
        if (tok,) in cues:
            return "title", f"Followed by '{' '.join(q.after_raw[:i + 1])}': {reason}."
        if not q.after_raw[i][:1].isalpha():
            break
    if len(q.toks) >= 2 and starts_with(q.toks[:1], cues):
        return "title", f"The quoted words start with '{q.words[0]}': {reason}."
    return None


def _mention(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    reason, cues = _cues()["mention_before"]
    hit = ends_with(q.before[-4:], cues)
    if hit:
        return "mention", f"Right after '{_said(hit)}': {reason}."
    reason, cues = _cues()["mention_after"]
    hit = starts_with(q.after[:3], cues)
    if hit:
        return "mention", f"Followed by '{_said(hit)}': {reason}."
    return None


def _headline(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    if len(q.words) < 2 or not _is_headline(q.line):
        return None
    return "speech", ("These marks are in a headline: headlines put a speaker's words in marks "
                      "(often single ones) to show they are quoted, not the outlet's claim.")


def _is_headline(line: str) -> bool:
    line = line.strip()
    if line[-1:] in ".!\"”" or line.startswith(("-", "*", "•")):
        return False  # checked first: most lines end here, before their words are read
    words: list[str] = WORD.findall(strip_links(line))
    if not 3 <= len(words) <= 25:
        return False
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    return bool(content) and sum(w[:1].isupper() for w in content) >= 0.75 * len(content)


def _office(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    reason, cues = _cues()["office_titles"]
    if tuple(q.toks) in cues and q.after_raw[:1] and q.after_raw[0][:1].isupper():
        name = q.after_raw[0]
        return "scare", (f"'{q.quoted}' is a title of office, put in marks right before the "
                         f"name '{name}': the writer does not accept that {name} really holds "
                         f"that office.")
    return None


def _verb_first(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    """'chanted "Freedom"', 'said: "Yes"': a reporting verb right before the marks."""
    reason, cues = _cues()["reporting_verbs"]
    if q.before and (q.before[-1],) in cues:
        speaker = _speaker_before(q.before_raw, len(q.before_raw) - 1)
        return "speech", (f"Right after '{q.before_raw[-1]}': these are {_whose(speaker)} "
                          f"words.")
    return None


def _capitalised(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    if not 1 <= len(q.words) <= 4 or q.sentence_initial or not _is_name(q.words):
        return None
    if q.extra.get("unquoted_elsewhere"):
        return "scare", (f"No one is said to have spoken '{q.quoted}', and the same name "
                         f"appears elsewhere in the text without marks: the marks show the "
                         f"writer keeping the name at a distance.")
    return "scare", (f"'{q.quoted}' is a capitalised name put in marks, and no one is said to "
                     f"have spoken it: the writer keeps the name at arm's length.")


def _is_name(words: list[str]) -> bool:
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in FUNCTION_WORDS for w in words)


def _reporting(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    reason, cues = _cues()["reporting_verbs"]
    p, text = q.pair, r.text
    comma = text[p.end - 1:p.end] in (",", "!", "?") or text[p.outer_end:p.outer_end + 1] == ","
    for n in range(4 if comma else 1):  # '", Lavrov said' / '", the minister said' / '" said X'
        if not _CLAUSE_WORDS.isdisjoint(q.after[:n]):
            break
        hit = starts_with(q.after[n:n + 4], cues)
        if hit:
            said = " ".join(q.after_raw[:n + len(hit)])
            speaker = " ".join(q.after_raw[:n]) or " ".join(
                w for w in q.after_raw[len(hit):len(hit) + 3] if w[:1].isupper())
            if speaker.lower() in _DETERMINERS:  # '", a statement said': the words of a text
                return "speech", f"Followed by '{said}': these words come from {said.split(' said')[0]}."
            return "speech", f"Followed by '{said}': these are {_whose(speaker)} words."
    i, hit = find_phrase(q.before, cues)
    if i >= 0:
        speaker = _speaker_before(q.before_raw, i)
        return "speech", (f"'{_said(hit)}' comes before the marks in the same sentence: "
                          f"these are {_whose(speaker)} words, not the writer's.")
    return None


def _whose(speaker: str) -> str:
    if not speaker or speaker.lower() in _PRONOUNS:
        return "someone's"
    return f"{speaker}'" if speaker.endswith("s") else f"{speaker}'s"


_CLAUSE_WORDS: Final = {"but", "and", "or", "while", "which", "who", "that", "because", "as", "if"}


_PRONOUNS: Final = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "the"}
_DETERMINERS: Final = {"a", "an", "the", "one"}


def _noun_phrase(raw: list[str]) -> str:
    """The words up to the first punctuation mark: 'the Russian government.' -> 'the Russian government'."""
    words: list[str] = []
    for w in raw:
        bare = w.rstrip(".,;:!?)”\"’'")
        if bare:
            words.append(bare)
        if bare != w:
            break
    return " ".join(words)


def _speaker_before(raw: list[str], i: int) -> str:
    names: list[str] = []
    for w in reversed(raw[max(0, i - 3):i]):
        if not w[:1].isupper() or w.lower() in FUNCTION_WORDS:
            break
        names.append(w)
    return " ".join(reversed(names))


def _repeat(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    earlier = q.extra.get("earlier")
    if earlier is None:
        return None
    if earlier.use == "speech":
        return "mention", ("The same words were quoted earlier as someone's words; here no one "
                           "is said to speak them, so the phrase is used as a label.")
    return earlier.use, (f"The same words were in marks earlier in the text ({earlier.use}), "
                         f"and nothing here says they are used differently.")


def _long(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    if len(q.words) >= LONG_QUOTE:
        n = f"{len(q.words)}" if len(q.words) < _MAX_WORDS else f"Over {_MAX_WORDS}"
        return "speech", (f"{n} words in marks, a whole phrase or sentence: marks "
                          f"round this much text give someone's words.")
    return None


def _echo(q: _Pair, r: _Reader) -> tuple[str, str] | None:
    if q.extra.get("inside_speech"):
        return "speech", (f"The words '{q.quoted}' also appear inside a longer quotation of "
                          f"someone's words in this text, so they are that speaker's words.")
    return None


def _default(q: _Pair, r: _Reader) -> tuple[str, str]:
    n = len(q.words)
    return "scare", (f"Only {n} word{'s' if n != 1 else ''} in marks, and no one is said to "
                     f"have spoken {'them' if n != 1 else 'it'}: the writer is keeping the "
                     f"words at a distance.")


FIRST_PASS: list[Rule] = [_nested, _list_item, _titled, _distancing, _designation,
                          _title_noun, _mention, _headline, _office, _verb_first, _capitalised,
                          _reporting,
                          _repeat, _long]
SECOND_PASS: list[Rule] = [_echo]


def classify_pairs(text: str, pairs: list[QuotePair] | None = None) -> list[_Pair]:
    """Every quote pair of `text` with its use and reason (internal form)."""
    pairs = find_quote_pairs(text) if pairs is None else pairs
    pairs = [p for p in pairs if WORD.search(text, p.start, p.end)]
    if not pairs:
        return []  # no words in marks: nothing to read (and the text's words are not needed)
    reader = _Reader(text, pairs)
    _mark_unquoted_names(reader)
    seen: dict[str, _Pair] = {}
    undecided: list[_Pair] = []
    for q in reader.items:
        key = " ".join(q.toks)
        q.extra["earlier"] = seen.get(key)
        for rule in FIRST_PASS:
            got = rule(q, reader)
            if got:
                q.use, q.reason = got
                q.cue = rule.__name__.strip("_")
                break
        if q.use is None:
            undecided.append(q)
        elif key not in seen:
            seen[key] = q
    _mark_inside_speech(reader, undecided)
    for q in undecided:
        for rule in SECOND_PASS:
            got = rule(q, reader)
            if got:
                q.use, q.reason = got
                q.cue = rule.__name__.strip("_")
                break
        else:
            q.use, q.reason = _default(q, reader)
            q.cue = "short"
    return reader.items


def _mark_unquoted_names(reader: _Reader) -> None:
    """Flag capitalised quotes whose words the writer also uses without marks (one scan)."""
    wanted: dict[tuple[str, ...], list[_Pair]] = {}
    for q in reader.items:
        if 1 <= len(q.words) <= 4 and _is_name(q.words):
            wanted.setdefault(tuple(map(_as_named, q.words)), []).append(q)
    if not wanted:
        return
    # places are found by normal form, already worked out for every word: a word that reads
    # as a name's first word (whatever its apostrophes, with or without 's) has the normal
    # form of that word or of the word with 's; only there are the words read as written
    firsts: set[str] = {norm(w) for key in wanted for w in (key[0], key[0] + "'s")}
    words = reader.masked_words
    longest = max(map(len, wanted))
    for i in compress(range(len(words.words)), map(firsts.__contains__, words.words)):
        named = list(map(_as_named, words.raw[i:i + longest]))
        for n in range(1, longest + 1):
            for q in wanted.get(tuple(named[:n]), ()):
                q.extra["unquoted_elsewhere"] = True


def _as_named(word: str) -> str:
    """A word with one kind of apostrophe and no possessive 's, case kept ("Putin’s" -> "Putin")."""
    return word.replace("’", "'").removesuffix("'s")


def _mark_inside_speech(reader: _Reader, items: list[_Pair]) -> None:
    """Flag short quotes whose words occur inside a longer speech quote (one scan)."""
    wanted: dict[tuple[str, ...], list[_Pair]] = {}
    for q in items:
        wanted.setdefault(tuple(q.toks), []).append(q)
    if not wanted:
        return
    words: list[str] = []
    for q in reader.items:
        if q.use == "speech" and len(q.words) >= LONG_QUOTE:
            # the words of the quotes joined by newlines: one run (a newline is no word)
            words += reader.words.window(q.pair.start, q.pair.end)[1]
    _scan(words, wanted, "inside_speech")


def _scan(words: list[str], wanted: dict[tuple[str, ...], list[_Pair]], flag: str) -> None:
    """Flag the pairs of every `wanted` word sequence found in `words`."""
    lengths = sorted({len(k) for k in wanted})
    firsts = {k[0] for k in wanted}
    for i in compress(range(len(words)), map(firsts.__contains__, words)):
        for n in lengths:
            got = wanted.get(tuple(words[i:i + n]))
            if got:
                for q in got:
                    q.extra[flag] = True


@lru_cache(maxsize=8)
def classified(text: str) -> tuple[_Pair, ...]:
    """`classify_pairs`, remembered for the last few texts: the quotation-mark and the
    loaded-wording analyses both need it, and `analyze` runs both on the same article.
    Callers only read the pairs."""
    return tuple(classify_pairs(text))


def find_quote_marks(article: Article) -> list[Finding]:
    """Each pair of quotation marks in the article, labelled speech, scare, title or mention."""
    text = article.text
    return [Finding.at("quote_marks", text, q.pair.start, q.pair.end, cast(str, q.use), q.reason)
            for q in classified(text)]
