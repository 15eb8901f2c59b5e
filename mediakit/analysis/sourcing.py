"""Sourcing: who is telling the reader this, and how (quoted, paraphrased, credited, linked).

`find_sources(article)` returns one `Finding` per attribution, with the speaker's
canonical name, a type (official, journalist, outlet, wire, document, anonymous,
expert, self, other), a side (russia, israel, iran, palestinian, us, other, none),
a form (direct, indirect, credit, link) and a reason a student can read.

The rules are general news-writing patterns (reporting verbs, "according to", quotes
followed by "X said", bylines, wire credits), driven by the word lists and the
speaker table in `mediakit/data/`. Speakers need not be names: a title ("the mayor")
is resolved to the person the article named with it earlier, else kept as written;
groups ("police", "residents", "experts"), unnamed sources ("a source close to ..."),
and documents ("according to a leaked memo", "the study found") are sources too. When
a reporting clause's only content is a partial quote ('X said he was "deeply sorry"'),
only the direct quote is listed, as the gold conventions ask. The modules beside this one each do one job:
`sourcing_text` (lines, sentences, furniture), `sourcing_speakers` (names, titles,
pronouns), `sourcing_clauses` (reporting clauses), `sourcing_credits` (credit lines).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, partial
from itertools import compress
from operator import itemgetter
from typing import Final

from ..corpus import Article
from ..findings import Finding, sorted_findings
from .phrase_index import PhraseSet
from .phrase_index import forget as forget_phrases
from .quote_pairs import QuotePair
from .sourcing_clauses import _BE, _DOC_NOUNS, _FINITE, Clause, ClauseFinder
from .sourcing_credits import _DATELINE, find_credits
from .sourcing_data import norm, phrase_key, sourcing_data, word_set
from .sourcing_speakers import (
    Resolver,
    Speaker,
    _strip_possessive,
    chunks,
    named_earlier,
    who,
)
from .sourcing_text import Layout, cover, layout
from .word_index import Token, forget_tokens, tokens, uncovered_tokens

_LABEL: Final = re.compile(r"[ \t]*([A-Z][\w’'.\-]*(?:[ \t]+[A-Z][\w’'.\-]*){0,3}):[ \t]+")
_SCARE_CUES: Final = word_set("scare_cues")
_SMALL: Final = {"of", "the", "and", "in", "for", "to", "a", "an", "on", "vs", "vs.", "at", "with", "from"}
_MANY_WORDS: Final = ("many", "some", "most", "few", "others")
_MANY_IN: Final = re.compile(rf"\b({'|'.join(_MANY_WORDS)})\s+in\s+(?:the\s+)?", re.IGNORECASE)
MAX_CUES: Final = 40
_TITLE_OK: Final = {"the", "a", "an", "foreign", "prime", "defense", "defence", "former", "deputy",
                    "senior", "top", "chief", "head", "his", "her", "its"}
_THEN_PREPS: Final = {"while", "when", "at", "during", "in", "on", "about", "to", "before", "after",
                      "with", "last", "earlier"}
# a finding to make: (start, end, form, reason, speaker)
_Item = tuple[int, int, str, str, Speaker]


@cache
def _noun_cue_words() -> frozenset[str]:
    """Words that start a speech-noun cue: speech nouns and demonstratives."""
    data = sourcing_data()
    return frozenset(data.nouns) | frozenset(data.demonstratives)


# the phrase cues `_Run._clauses` looks for in every sentence: (kind, pattern in SourcingData)
_CUES: Final = (("passive", "passive_re"), ("verb", "verbs_re"), ("according", "according_re"),
                ("agentless", "agentless_re"), ("made", "made_re"), ("page", "page_nouns_re"),
                ("self", "self_re"))
_OTHER_CUES: Final = tuple(kind for kind, _ in _CUES[2:])  # after passive and verb, read alike


@cache
def _cue_patterns() -> PhraseSet:
    """The patterns of `_CUES`, in that order, searched together."""
    data = sourcing_data()
    return PhraseSet([getattr(data, name) for _, name in _CUES])


def _many_in(plain: str, s: int, e: int) -> list[re.Match]:
    """`_MANY_IN.finditer(plain, s, e)`, skipped when none of its words is in the sentence
    (casefold maps every letter that IGNORECASE matches to these words onto them)."""
    low = plain[s:e].casefold()
    if not any(w in low for w in _MANY_WORDS):
        return []
    return list(_MANY_IN.finditer(plain, s, e))


def find_sources(article: Article) -> list[Finding]:
    """Every attribution in the article: quotes, reported speech, credits and cited pages."""
    run = None
    try:
        run = _Run(article)
        return run.findings()
    finally:  # the word indexes built for this article are not needed any more
        if run is not None:  # subjects never asked for point back at the run: let it go now
            run.res.state.forget_pending()
        forget_tokens()
        forget_phrases()


class _Run:
    """One pass over one article, in reading order (pronouns need the order)."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.lay: Layout = layout(self.text)
        furn = [(a, b) for a, b, _ in self.lay.furniture]
        self.res = Resolver(self.text, self.lay.plain, article.author, article.outlet, furn)
        self.covered = bytearray(len(self.text) + 1)
        for q in self.lay.quotes:
            cover(self.covered, q.start, q.end)
        self.out: list[Finding] = []
        self.last_direct: Speaker | None = None
        self._opens = [q.open for q in self.lay.quotes]  # where the quotations open
        # the words of the sentence `_clauses` reads (outside quotes), their starts and ends
        self._toks: list[Token] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._verb_cues = 0  # verb, "according to" and passive cues of that sentence

    # -- helpers --------------------------------------------------------------------------
    def emit(self, start: int, end: int, form: str, reason: str, sp: Speaker) -> None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in "-–—*•"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        if end <= start:
            return
        start, end = self._whole_links(start, end)
        self.out.append(Finding.at("sources", text, start, end, form, reason,
                                   speaker=sp.name, type=sp.type, side=sp.side))

    def _whole_links(self, start: int, end: int) -> tuple[int, int]:
        """Never cut a markdown link "[words](url)" in half."""
        text = self.text
        if start > 0 and text[start - 1] == "[" and self.lay.plain[start - 1] == " ":
            start -= 1
        seg = text[start:end]
        if seg.rfind("[") > seg.rfind("]"):  # "Those [powerful words": finish the link text
            close = text.find("](", end, end + 300)
            if close > 0 and "[" not in text[end:close]:
                end = close
        if text.startswith("](", end) and self.lay.plain[end] == " ":
            close = text.find(")", end, end + 600)
            end = close + 1 if close > 0 else end
        return start, end

    def in_furniture(self, pos: int) -> bool:
        return pos >= self.lay.tail_start or self.lay.in_furniture(pos)

    # -- the whole article --------------------------------------------------------------
    def findings(self) -> list[Finding]:
        credits, credit_lines = find_credits(self.text, self.lay.plain, self.lay.lines, self.res)
        self.out.extend(credits)
        skip_lines = set(credit_lines)
        labelled = self._label_lines(skip_lines)
        turns = [(a, b) for a, b, _ in labelled if b > a]
        for a, b in turns:
            cover(self.covered, a, b)
        pending = {a: item for a, _, item in labelled}
        turn_at = {a: (a, b) for a, b in turns}
        skip_at = {a for a, _ in skip_lines}
        prev_speaker: Speaker | None = None
        prev_end = -1
        intro: Speaker | None = None  # a source that introduces a list ("... website:")
        for s, e in self.lay.sentences:
            line_start = self.text.rfind("\n", 0, s) + 1
            if self.in_furniture(s) or line_start in skip_at or self._author_bio(s, e):
                continue
            dateline = _DATELINE.match(self.lay.plain, s, e)
            if dateline:  # "MOSCOW (AP) — Russia ...": the credit is found apart
                s = dateline.end()
                while s < e and self.text[s].isspace():
                    s += 1
            turn = turn_at.get(line_start)
            if turn:
                item = pending.pop(turn[0], None)
                if item:
                    start, end, form, reason, sp = item
                    self.emit(start, end, form, reason, sp)
                    self.res.state.update(sp)
                    if form == "direct":
                        self.last_direct = sp
                continue
            if intro and self.text[line_start:s].strip(" \t") in ("-", "*", "•", "") and \
                    self.text[s:e].lstrip("-*• [").startswith(('"', "“")):
                self._list_item(s, e, intro)
                continue
            intro = None
            if "\n\n" in self.text[prev_end:s] and prev_end >= 0 and \
                    self.text[prev_end:s].count("\n") > 2:
                prev_speaker = None
            clauses = self._clauses(s, e)
            self._quotes_and_clauses(s, e, clauses, prev_speaker)
            speakers = [c.speaker for c in clauses if c.kind not in ("agentless",)]
            prev_speaker = speakers[-1] if speakers else None
            if self.text[s:e].rstrip().endswith(":"):
                links = [c for c in clauses if c.form == "link"]
                intro = links[-1].speaker if links else None
            prev_end = e
            # update "he"/"it" with the sentence's subject when it reports nothing
            if not clauses:
                self.res.state.defer(partial(self._subject_with, s, e, self.res.state.thing))
        out = self._dedupe(sorted_findings(self.out))
        return out

    def _author_bio(self, s: int, e: int) -> bool:
        """'Karen Liu is a teacher and writes a column for ...': the writer's bio, not a source."""
        author = self.article.author
        if not author:
            return False
        rest = self.text[s:e]
        return rest.startswith(author) and rest[len(author):].lstrip().startswith(("is ", "was "))

    def _subject_with(self, s: int, e: int, thing: Speaker | None) -> Speaker | None:
        """`_sentence_subject` as it was when the sentence was read ("the ministry" stands
        for the thing named last then), for a subject found later (`State.defer`)."""
        now, self.res.state.thing = self.res.state.thing, thing
        try:
            return self._sentence_subject(s, e)
        finally:
            self.res.state.thing = now

    def _sentence_subject(self, s: int, e: int) -> Speaker | None:
        cf = ClauseFinder(self.res, self.covered)
        toks = tokens(self.lay.plain, s, e)[:6]
        if not toks:
            return None
        cands = sorted(cf.candidates(s, toks[-1][1]), key=lambda c: c.start)
        for c in cands[:1]:
            if c.speaker is not None and c.start - s < 40:
                return c.speaker
        comma = self.text.find(", ", s, min(e, s + 80))
        if comma > 0:  # "Asked about the rumours, manager Pep Guardiola refused ...": after the comma
            lead = tokens(self.lay.plain, comma, e)[:6]
            if lead:
                for c in sorted(cf.candidates(comma, lead[-1][1]), key=lambda c: c.start)[:1]:
                    between = tokens(self.lay.plain, comma, c.start)
                    if c.speaker is not None and len(between) <= 2:
                        return c.speaker
        return None

    def _list_item(self, s: int, e: int, sp: Speaker) -> None:
        lo, hi = bisect_left(self._opens, s), bisect_left(self._opens, e)
        q = next((q for q in self.lay.quotes[lo:hi] if q.depth == 0), None)
        if q is None:
            return
        self.emit(q.start, q.end, "link", f"a page of {sp.name}, listed after the writer "
                  f"points the reader to it", Speaker(sp.name, "document", sp.side, "thing"))

    # -- "Name: words" lines: headlines and interview transcripts --------------------------
    def _label_lines(self, skip_lines: set[tuple[int, int]]) -> list[tuple[int, int, _Item]]:
        """Lines that start with "Name:": (line start, line end, the finding to make there)."""
        data = sourcing_data()
        turns: list[tuple[int, int, _Item]] = []
        first = True
        for a, b in self.lay.lines:
            line = self.text[a:b]
            if not line.strip():
                continue
            is_headline = first or bool(self.article.title and line.strip() == self.article.title.strip())
            first = False
            if self.in_furniture(a) or (a, b) in skip_lines:
                continue
            m = _LABEL.match(line)
            if not m:
                continue
            label: str = m.group(1)
            if norm(label.split()[0]) in data.transcript_not_names:
                continue
            toks = tokens(self.lay.plain, a + m.start(1), a + m.end(1))
            sp = self.res.resolve_chunk(toks, allow_unknown=len(toks) >= 2)
            if sp is None or sp.kind not in ("person", "self"):
                continue
            rest_start = a + m.end()
            rest = line[m.end():].rstrip()
            if is_headline and not rest.endswith((".", "!", "?")):
                turns.append((a, b, (a, b, "indirect", f"a headline that starts with '{label}:' "
                                     f"passes on what {sp.name} said", sp)))
                continue
            if len(rest.split()) < 3 or not rest.endswith((".", "!", "?", '"', "”")):
                continue
            end = a + len(line.rstrip())
            for mark in ('"', "”"):
                if rest.endswith(mark) and rest.count('"') + rest.count("“") + rest.count("”") % 2:
                    if (rest.count('"') % 2 == 1) or (mark == "”" and rest.count("“") < rest.count("”")):
                        end -= 1
            turns.append((a, b, (rest_start, end, "direct", f"{sp.name}'s own words in a "
                                 f"transcript: the line starts with '{label}:'", sp)))
        return turns

    # -- reporting clauses of one sentence -------------------------------------------------
    def _clauses(self, s: int, e: int) -> list[Clause]:
        data = sourcing_data()
        plain = self.lay.plain
        cf = ClauseFinder(self.res, self.covered)
        clauses: list[Clause] = []
        toks = uncovered_tokens(plain, s, e, self.covered)
        self._toks, self._starts = toks, list(map(itemgetter(0), toks))
        self._ends = list(map(itemgetter(1), toks))
        passive, verbs, *others = _cue_patterns().finditer(plain, s, e)
        passive_spans = [(m.start(), m.end()) for m in passive if not self.covered[m.start()]]
        cues: list[tuple[int, int, str]] = []  # (start, end, kind)
        for m in verbs:
            if not self.covered[m.start()] and not any(a <= m.start() < b for a, b in passive_spans):
                cues.append((m.start(), m.end(), "verb"))
        for a, b in passive_spans:
            cues.append((a, b, "passive"))
        for kind, found in zip(_OTHER_CUES, others, strict=True):
            for m in found:
                if not self.covered[m.start()]:
                    cues.append((m.start(), m.end(), kind))
        if self.article.author and (plain.find("my", s, e) >= 0 or plain.find("My", s, e) >= 0):
            for ts, te, w in toks:  # "in my column last month": the writer's own earlier work
                if w in ("my", "My"):
                    cues.append((ts, te, "self"))
        for m in _many_in(plain, s, e):
            if not self.covered[m.start()]:
                cues.append((m.start(), m.end(), "many"))
        lows = list(map(norm, map(itemgetter(2), toks)))
        for n in compress(range(len(toks)), map(_noun_cue_words().__contains__, lows)):
            ts, te, _ = toks[n]
            if lows[n] in data.nouns:
                cues.append((ts, te, "noun"))
            elif n + 1 < len(toks):  # a demonstrative: "these remarks", "those comments"
                for k in range(n + 1, min(n + 4, len(toks))):
                    if lows[k] in data.remark_nouns:
                        cues.append((ts, toks[k][1], "remarks"))
                        break
        cues.sort()
        self._verb_cues = sum(1 for c in cues if c[2] in ("verb", "according", "passive"))
        cues = cues[:MAX_CUES]  # real sentences have a handful; this bounds run-on junk
        last_end = s
        for cs, ce, kind in cues:
            clause = getattr(self, f"_cue_{kind}")(cf, s, e, cs, ce, clauses, last_end, toks)
            if clause is None:
                continue
            clauses.append(clause)
            if clause.kind not in ("agentless",):
                self.res.state.update(clause.speaker)
            if kind in ("verb", "passive", "according"):
                last_end = ce
        return clauses

    def _before(self, pos: int, n: int) -> list[Token]:
        """The last n tokens (outside quotes) of the sentence that end by pos."""
        k = bisect_right(self._ends, pos)
        return self._toks[max(0, k - n):k]

    def _after(self, pos: int, n: int) -> list[Token]:
        """The first n tokens (outside quotes) of the sentence that start at or after pos."""
        k = bisect_left(self._starts, pos)
        return self._toks[k:k + n]

    def _cue_verb(self, cf: ClauseFinder, s: int, e: int, cs: int, ce: int, clauses: list[Clause],
                  last_end: int, toks: list[Token]) -> Clause | None:
        data = sourcing_data()
        plain = self.lay.plain
        word = plain[cs:ce]
        key = phrase_key(word)  # "ſaid" matched "said"
        kind = data.verb_kind.get(key, "speech")
        before = self._before(cs, 16)
        after = self._after(ce, 40)
        k = len(before) - 1
        while k >= 0 and (norm(before[k][2]).endswith("ly") or norm(before[k][2]) in ("also", "not")):
            k -= 1
        if k >= 0 and norm(before[k][2]) in _BE:
            if after and norm(after[0][2]) == "by":
                got = cf.subject_after(after[0][1], e)
                if got:
                    return self._clause("passive", cs, ce, got[1], got[0], word,
                                        data.verb_reason[key], clauses)
            return None
        if k >= 0 and norm(before[k][2]) in ("to",) and kind != "participle":
            return None  # "to say", "wanted to express": not a report
        inverted = False
        if kind == "participle":
            nxt = norm(after[0][2]) if after else ""
            prev = norm(before[-1][2]) if before else ""
            if nxt in ("otherwise", "so", "nothing") or prev in ("and", "or", "of", "for"):
                return None
            if plain[s:cs].rstrip().endswith(","):
                owners = [c for c in clauses if c.kind != "agentless"]
                got = (owners[-1].speaker, owners[-1].subj_start) if owners else \
                    self._first_subject(cf, s, cs)
            else:
                got = cf.subject_before(s, cs) or (
                    (clauses[-1].speaker, clauses[-1].subj_start) if clauses else None)
            if not got:
                return None
            return self._clause("participle", cs, ce, got[1] if got[1] >= s else cs, got[0], word,
                                data.verb_reason[key], clauses)
        if after and norm(after[0][2]) in data.verb_not_then.get(key, ()):
            return None  # "agreed to meet" reports a deal, not a view
        then = data.verb_then.get(key)
        if then and then not in [norm(w) for _, _, w in after[:4]]:
            return None  # "held talks" is not "held X responsible"
        got = cf.subject_before(max(s, last_end), cs)
        prev_word = norm(before[k][2]) if k >= 0 else ""
        if got is None and prev_word in ("and", "but") and clauses:
            owner = [c for c in clauses if c.kind in ("verb", "participle", "group", "according")]
            if owner:  # "Trump said ... and warned that ...": the same speaker
                got = (owner[-1].speaker, cs)
        if got is None and prev_word in ("and", "but") and not clauses:
            first = self._first_subject(cf, s, cs)
            if first and len(self._before(first[1], 3)) <= 1:
                got = first  # "The agency issued warnings and said ...": the sentence's subject
        if got is None:
            stripped = plain[s:cs].rstrip()
            if not stripped or stripped[-1] in ",\"”’'":
                got = cf.subject_after(ce, e)
                inverted = got is not None
        if got is None:
            return None
        sp, subj = got
        if sp.kind == "self" and self.text[subj:subj + 2] in ("I ", "I\u00a0") and \
                key not in data.first_person_verbs:
            return None  # "I think": the writer's own view, not a citation of earlier work
        if kind == "findings" and (sp.type != "document" or clauses):
            return None  # "police found a body" is not a report; "the study found" is
        if kind == "stance" and self.text[subj:subj + 3].lower() == "it ":
            return None  # "what it thinks of them": not a source's view
        if kind == "naming":  # "what he called ...", "called it a \"fig leaf\""
            pre = [norm(w) for _, _, w in self._before(subj, 2)]
            obj = norm(after[0][2]) if after else ""
            if not (pre and pre[-1] in ("what", "which")) and not (
                    obj in ("it", "them", "him", "her", "this", "that", "the", "a", "an", "as")
                    and self._quote_within(after[0][1], 12)):
                return None
        form = "indirect"
        gap = [norm(w) for ts, _, w in self._before(cs, 40) if subj <= ts]
        if any(g in data.page_nouns for g in gap) and sp.type != "document":
            sp = Speaker(sp.name, "document", sp.side, sp.kind, sp.why)
            form = "link"
        pre = [norm(w) for _, _, w in self._before(subj, 1)]
        nxt = norm(after[0][2]) if after else ""
        quote_next = self.covered[min(ce + 2, len(self.text) - 1)] or \
            self.text[ce:ce + 3].strip()[:1] in ('"', "“", "'", "‘")
        if pre == ["what"] and (not after or nxt in _THEN_PREPS) and not quote_next:
            form = "link"
        after_words = [norm(w) for _, _, w in after]
        if not inverted and len(after) <= 8 and "that" not in after_words \
                and len(self._before(subj, 3)) >= 3 and self._comma_before(s, subj):
            inverted = True  # "Israeli and Russian militaries are ..., Lavrov told Herzog."
        c = self._clause("verb", cs, ce, subj, sp, word, data.verb_reason[key], clauses)
        c.form, c.inverted, c.subject_after = form, inverted, subj > cs
        return c

    def _comma_before(self, s: int, subj: int) -> bool:
        """The subject follows a comma with only title words between: ", Foreign Minister X"."""
        comma = self.lay.plain.rfind(",", s, subj)
        if comma < 0:
            return False
        words = [w for _, _, w in tokens(self.lay.plain, comma, subj)]
        data = sourcing_data()
        return all(w[:1].isupper() or norm(w) in _TITLE_OK or norm(w) in data.role_type
                   for w in words)

    def _quote_within(self, pos: int, n: int) -> bool:
        k = bisect_left(self._opens, pos)
        return k < len(self._opens) and self._opens[k] - pos <= n

    def _first_subject(self, cf: ClauseFinder, s: int, cs: int) -> tuple[Speaker, int] | None:
        for c in sorted(cf.candidates(s, cs), key=lambda c: c.start)[:1]:
            sp = cf.resolve(c)
            if sp:
                return sp, c.start
        return None

    def _clause(self, kind: str, cs: int, ce: int, subj: int, sp: Speaker, word: str, template: str,
                clauses: list[Clause]) -> Clause:
        if sp.type == "self":
            template = f"{sourcing_data().self_reason} ({{speaker}} is the writer of this article)"
        subject = " ".join(self.text[subj:cs].split()) if subj < cs else ""
        earlier = named_earlier(subject, sp)
        if earlier:  # "'the mayor said' credits this claim to the mayor, named earlier as Jane Brown"
            reason = f"'{subject} {word.strip()}' credits this claim to {earlier}"
        else:
            reason = template.replace("{speaker}", who(sp))
        if "'" not in reason[:3]:
            reason = f"{reason} ('{word.strip()}')"
        return Clause(kind, cs, ce, min(subj, cs), sp, "indirect", reason)

    def _cue_passive(self, cf: ClauseFinder, s: int, e: int, cs: int, ce: int, clauses: list[Clause],
                     last_end: int, toks: list[Token]) -> Clause | None:
        data = sourcing_data()
        got = cf.subject_after(ce, e)
        if not got:
            return None
        c = self._clause("passive", cs, ce, cs, got[0], self.text[cs:ce], data.passive_reason, clauses)
        c.inverted = True
        return c

    def _cue_according(self, cf: ClauseFinder, s: int, e: int, cs: int, ce: int, clauses: list[Clause],
                       last_end: int, toks: list[Token]) -> Clause | None:
        data = sourcing_data()
        got = cf.subject_after(ce, e)
        if not got:
            after = uncovered_tokens(self.lay.plain, ce, min(e, ce + 200), self.covered)
            doc = cf.document_np(after, 0) if after else None
            if doc is None:
                return None
            got = (doc[0], doc[1])
        sp = got[0]
        nxt = [w for _, _, w in tokens(self.lay.plain, got[1], e)][1:4]
        if any(norm(w) in _DOC_NOUNS for w in nxt):  # "according to a UN report"
            sp = Speaker(sp.name, "document", sp.side, sp.kind, sp.why)
        c = self._clause("according", cs, ce, cs, sp, self.text[cs:ce], data.according_reason, clauses)
        c.inverted = self.lay.plain[s:cs].strip() != ""
        return c

    def _cue_agentless(self, cf: ClauseFinder, s: int, e: int, cs: int, ce: int, clauses: list[Clause],
                       last_end: int, toks: list[Token]) -> Clause | None:
        found = sourcing_data().agentless_by.get(phrase_key(self.lay.plain[cs:ce]))
        if not found:
            return None
        name, reason = found
        sp = Speaker(name, "anonymous", "none", "anonymous", "no source is named")
        c = Clause("agentless", cs, ce, cs, sp, "indirect", reason)
        lo = max(s, cs - 12)
        pre = self.lay.plain[lo:cs].lower()
        if "what" in pre:  # "what was billed as the biggest event": just that phrase
            end = ce
            for ts, te, _ in self._after(ce, 6):
                if self.text[end:ts].strip(" []"):
                    break
                end = te
            c.span = (lo + pre.rfind("what"), end)
        return c

    def _cue_made(self, cf: ClauseFinder, s: int, e: int, cs: int, ce: int, clauses: list[Clause],
                  last_end: int, toks: list[Token]) -> Clause | None:
        got = cf.subject_before(s, cs, max_gap=1)
        if not got:
            return None
        sp, subj = got
        c = Clause("link", cs, ce, subj, sp, "link",
                   sourcing_data().remarks_reason.replace("{speaker}", sp.name))
        return c

    def _cue_remarks(self, cf: ClauseFinder, s: int, e: int, cs: int, ce: int, clauses: list[Clause],
                     last_end: int, toks: list[Token]) -> Clause | None:
        word = norm(self.lay.plain[cs:ce].split()[0])
        sp = self.res.state.person if word in ("his", "her") else (self.last_direct or self.res.state.last)
        if sp is None or any(c.kind == "verb" for c in clauses):
            return None
        c = Clause("link", cs, ce, cs, sp, "link",
                   sourcing_data().remarks_reason.replace("{speaker}", sp.name))
        c.span = (cs, ce)
        return c

    def _cue_page(self, cf: ClauseFinder, s: int, e: int, cs: int, ce: int, clauses: list[Clause],
                  last_end: int, toks: list[Token]) -> Clause | None:
        data = sourcing_data()
        before = self._before(cs, 4)
        while before and norm(before[-1][2]) in ("official", "own", "main", "english-language"):
            before.pop()
        if not before:
            return None
        ch = chunks(self.lay.plain, before)
        if not ch or ch[-1][-1][1] != before[-1][1]:
            return None
        sp = self.res.resolve_chunk(ch[-1], allow_unknown=False)
        if sp is None or sp.kind == "person":
            return None
        start = ch[-1][0][0]
        pre = self._before(start, 2)
        for ts, _, w in reversed(pre):
            if norm(w) in ("the", "official"):
                start = ts
            else:
                break
        doc = Speaker(sp.name, "document", sp.side, "thing", sp.why)
        c = Clause("link", cs, ce, start, doc, "link",
                   data.pages_reason.replace("{speaker}", sp.name))
        c.span = (start, ce)
        return c

    def _cue_self(self, cf: ClauseFinder, s: int, e: int, cs: int, ce: int, clauses: list[Clause],
                  last_end: int, toks: list[Token]) -> Clause | None:
        data = sourcing_data()
        after = self._after(cs, 30)
        for n, (ts, _, w) in enumerate(after):
            if norm(w) in ("his", "her", "their", "my") and (norm(w) == "my" or ts > cs):
                for k in range(n + 1, min(n + 4, len(after))):
                    if norm(after[k][2]) in data.self_works:
                        sp = self.res.self_speaker()
                        c = Clause("link", ts, after[k][1], ts, sp, "link", data.self_reason)
                        c.span = (ts, e)
                        return c
        return None

    def _cue_many(self, cf: ClauseFinder, s: int, e: int, cs: int, ce: int, clauses: list[Clause],
                  last_end: int, toks: list[Token]) -> Clause | None:
        data = sourcing_data()
        plain = self.lay.plain
        j = ce
        while j < e and plain[j] in "\"“‘' ":
            j += 1
        raw = [t for t in tokens(plain, j, e)]
        ch = chunks(plain, raw[:4])
        if not ch or ch[0][0][0] != raw[0][0]:
            return None
        words = [w for _, _, w in ch[0]]
        later = [norm(w) for _, _, w in self._after(ch[0][-1][1], 400)]
        if not any(w in data.verb_reason or w in data.nouns for w in later):
            return None
        quant = plain[cs:ce].split()[0].lower()
        group = " ".join(words)
        side = "none"
        for w in words:
            b = norm(_strip_possessive(w)[0])
            if b in data.place_side:
                side = data.place_side[b]
        if any(norm(_strip_possessive(w)[0]) in data.place_side for w in words):
            sp = Speaker(f"{quant} in {group}", "anonymous", side, "anonymous",
                         "a vague group of people in a country: no one is named")
        else:
            sp = Speaker(group, "other", side, "group",
                         "a named movement or milieu, not a person or an institution")
        c = Clause("group", cs, ce, cs, sp, "indirect",
                   f"'{plain[cs:ce].strip()} {group}' stands for a vague group whose views "
                   "the writer reports without naming anyone")
        c.span = (cs, e)
        return c

    def _cue_noun(self, cf: ClauseFinder, s: int, e: int, cs: int, ce: int, clauses: list[Clause],
                  last_end: int, toks: list[Token]) -> Clause | None:
        data = sourcing_data()
        word = self.text[cs:ce]
        before = self._before(cs, 3)
        owner: int | None = None
        for k in range(len(before) - 1, -1, -1):
            w = before[k][2]
            base, poss = _strip_possessive(w)
            if poss:
                owner = k
                break
            if w[:1].isupper() or norm(w) in ("the", "a", "an", "and", "of"):
                break
        if owner is None or len(before) - owner > 2:
            return None  # "Iran's repeated calls"; not "Moldova's ruling party claims victory"
        ch = chunks(self.lay.plain, before[: owner + 1])
        if not ch:
            return None
        sp = self.res.resolve_chunk(ch[-1], allow_unknown=False)
        if sp is None:
            return None
        end = ce
        for ts, te, _ in self._after(ce, 8):
            if any(ch_ in self.text[end:ts] for ch_ in ",;.—–()"):
                break
            end = te
        form = "link" if norm(word) in ("remarks", "comments", "words") else "indirect"
        c = Clause("noun", cs, ce, ch[-1][0][0], sp, form,
                   data.nouns_reason.replace("{speaker}", sp.name).replace("{noun}", word))
        c.span = (ch[-1][0][0], end)
        return c

    # -- quotes, then the findings of one sentence -----------------------------------------
    def _quotes_and_clauses(self, s: int, e: int, clauses: list[Clause],
                            prev_speaker: Speaker | None) -> None:
        lo, hi = bisect_left(self._opens, s), bisect_left(self._opens, e)
        quotes = [q for q in self.lay.quotes[lo:hi] if q.depth == 0]
        owned: dict[int, int] = {}
        owned_quotes: dict[int, list[QuotePair]] = {}
        tagged: set[int] = set()
        for q in quotes:
            if not self._speech_like(q, s, e):
                continue
            owner = self._owner(q, clauses)
            if owner is not None:
                c = clauses[owner]
                sp = c.speaker
                tag = self.text[min(c.subj_start, c.cue_start):c.cue_end]
                if len(tag) > 40 or "\n" in tag or c.subj_start < q.outer_end <= c.cue_start:
                    tag = self.text[c.cue_start:c.cue_end]
                how = f"'{' '.join(tag.split())}'"
                subject = " ".join(self.text[c.subj_start:c.cue_start].split())
                earlier = named_earlier(subject, sp) if c.subj_start < c.cue_start else ""
                reason = (f"{who(sp)}'s own words in quotation marks, "
                          f"{'followed by' if c.cue_start >= q.outer_end else 'after'} {how}"
                          + (f" ({earlier})" if earlier else ""))
                owned[owner] = owned.get(owner, 0) + 1
                owned_quotes.setdefault(owner, []).append(q)
                if c.cue_start >= q.outer_end and "that" not in [
                        norm(w) for _, _, w in self._after(c.cue_end, 3)]:
                    tagged.add(owner)  # '"...," he told Al Jazeera': the tag, not a paraphrase
            elif not clauses and not self._verb_cues and prev_speaker is not None \
                    and self._strong_quote(q, s, e):
                sp = prev_speaker
                reason = (f"{who(sp)}'s own words in quotation marks: the sentence before "
                          f"names {who(sp)} as the speaker")
            else:
                continue
            self.emit(q.start, q.end, "direct", reason, sp)
            self.last_direct = sp
            self.res.state.update(sp)
        for n, c in enumerate(clauses):
            span = c.span or self._span(c, n, clauses, s, e)
            if c.span is None and span[1] < e and not self._has_content(span, c, need=2):
                span = (span[0], e)  # "X said Y had warned ...": Y's report is X's content
            if c.kind in ("verb", "participle", "according", "passive") and c.span is None:
                if n in tagged and not c.inverted:
                    continue
                if owned.get(n) and not c.inverted and \
                        not self._separate_paraphrase(c, owned_quotes[n], span):
                    continue  # 'X said that "..."': the quote is the report, one direct entry
                if not self._has_content(span, c) and (owned.get(n) or c.kind == "participle"):
                    continue
                if not self._has_content(span, c, need=1 if not owned.get(n) else 2):
                    continue
            self.emit(span[0], span[1], c.form, c.reason, c.speaker)

    def _separate_paraphrase(self, c: Clause, quotes: list[QuotePair], span: tuple[int, int]) -> bool:
        """Does the reporting clause paraphrase something of its own, beside its partial
        quotes? 'X said that A happened, and "..."' does; 'X said he planned to "..."' does
        not: there the quoted words are the report and only the direct entry is kept."""
        first, last = quotes[0], quotes[-1]
        if first.open < c.cue_end:
            return True
        before = self.text[c.cue_end:first.open].rstrip(" \u00a0")
        words = [w for _, _, w in tokens(self.lay.plain, c.cue_end, first.open)]
        if len(words) >= 3 and (before.endswith((",", ";", ":", "—", "–")) or
                                norm(words[-1]) in ("and", "but", "while", "adding")):
            return True  # a whole proposition, then the quote
        if last.close is None:
            return False
        after = self.text[last.outer_end:span[1]]
        for joint in (", and ", "; ", ", but ", " and that ", " but that ", ", adding "):
            k = after.find(joint)
            if k >= 0 and len(tokens(self.lay.plain, last.outer_end + k, span[1])) >= 4:
                return True
        nxt = tokens(self.lay.plain, last.outer_end, span[1])[:3]
        if len(nxt) >= 3 and norm(nxt[0][2]) == "and" and (
                norm(nxt[1][2]) in _FINITE or norm(nxt[1][2]) in sourcing_data().verb_reason):
            return True  # '... "deeply ashamed" and had repaid part of the money'
        return False
        return False

    def _span(self, c: Clause, n: int, clauses: list[Clause], s: int, e: int) -> tuple[int, int]:
        if c.inverted:
            start = s
            for p in clauses[:n]:
                if p.kind in ("verb", "according", "passive") and p.cue_end <= c.subj_start:
                    start = max(start, p.cue_end)
            return start, e
        end = e
        for p in clauses[n + 1:]:
            if p.kind in ("verb", "according", "passive") and not p.inverted \
                    and p.speaker.name != c.speaker.name:
                end = min(end, p.subj_start)
                break
        return c.subj_start, end

    def _has_content(self, span: tuple[int, int], c: Clause, need: int = 4) -> bool:
        hi = c.cue_start if c.subject_after else span[1]  # "..., said X, a diplomat": not content
        toks = [t for t in tokens(self.lay.plain, span[0], min(span[1], hi))
                if not self.covered[t[0]] and not (c.subj_start <= t[0] < c.cue_end)]
        return len(toks) >= need + (2 if c.inverted else 0)

    def _owner(self, q: QuotePair, clauses: list[Clause]) -> int | None:
        usable = [n for n, c in enumerate(clauses) if c.kind not in ("agentless", "link")]
        for n in reversed(usable):  # "X said that \"...\"": the clause right before the quote
            c = clauses[n]
            if c.cue_end <= q.open:
                gap = tokens(self.lay.plain, c.cue_end, q.open)
                if len(gap) <= 3 and "\n" not in self.text[c.cue_end:q.open]:
                    return n
                break
        if q.close is not None:
            for n in usable:
                c = clauses[n]
                anchor = min(c.subj_start, c.cue_start)
                if anchor >= q.outer_end and self.text[q.outer_end:anchor].strip(" ,.;:—–-\u00a0") == "":
                    return n
        before = [n for n in usable if clauses[n].cue_end <= q.open]
        if before:
            return before[-1]
        after = [n for n in usable if clauses[n].cue_start >= q.outer_end]
        if after:  # '"...", the minister, who ..., said': near, and no "but" in between
            c = clauses[after[0]]
            between = self.text[q.outer_end:min(c.subj_start, c.cue_start)]
            if (len(between) <= 80 or c.inverted) and \
                    not any(w in f" {between} " for w in (" but ", ";", " while ")):
                return after[0]
        return None

    def _speech_like(self, q: QuotePair, s: int, e: int) -> bool:
        words = [w for _, _, w in tokens(self.lay.plain, q.start, q.end)]
        if not words:
            return False
        if len(words) <= 10 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL
                                   for w in words):
            return False  # a name or a title: "Israel", "Fighting Antisemitism"
        before = [norm(w) for _, _, w in tokens(self.lay.plain, max(s, q.open - 30), q.open)][-2:]
        return not any(b in _SCARE_CUES for b in before)

    def _strong_quote(self, q: QuotePair, s: int, e: int) -> bool:
        words = tokens(self.lay.plain, q.start, q.end)
        content = self.text[q.start:q.end].rstrip()
        return len(words) >= 2 and (len(words) >= 5 or content[-1:] in ".!?,"
                                     or (q.outer_end - q.outer_start) * 2 >= e - s)

    @staticmethod
    def _dedupe(findings: list[Finding]) -> list[Finding]:
        """One finding per speaker and span: repeats, and a link inside the same
        speaker's reported speech ("according to a UN report"), are dropped."""
        reports: dict[str, list[Finding]] = {}
        kept: dict[str, list[Finding]] = {}
        out: list[Finding] = []
        for f in findings:  # in reading order: only the last few of a speaker can overlap
            who = f.fields.get("speaker", "")
            if f.label == "link" and any(g.start <= f.start and f.end <= g.end
                                         for g in reports.get(who, [])[-4:]):
                continue
            if any(g.label == f.label and g.overlaps(f.start, f.end) for g in kept.get(who, [])[-6:]):
                continue
            out.append(f)
            kept.setdefault(who, []).append(f)
            if f.label == "indirect":
                reports.setdefault(who, []).append(f)
        return out

