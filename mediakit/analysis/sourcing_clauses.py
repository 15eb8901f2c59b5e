"""Reporting clauses: "Lavrov said", "according to Haaretz", "Iran's calls", "reportedly".

Each clause names who is speaking (resolved by `sourcing_speakers`) and where the
reported content is. The speaker of a reporting verb is the nearest name, title,
pronoun or group before it ("Russian President Vladimir Putin has said"), or just
after it when the verb follows a quotation or a comma ('..., said the minister').
Common nouns can speak: titles ("the mayor"), groups ("police", "critics"), unnamed
people ("a retired driver who ...") and documents ("the council's report").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import itemgetter
from typing import Final

from .sourcing_data import norm, sourcing_data, word_set
from .sourcing_speakers import (
    _DETERMINERS,
    PRONOUNS,
    Cand,
    Resolver,
    Speaker,
    _strip_possessive,
    chunks,
)
from .word_index import Token, tokens, uncovered_tokens

_AUX: Final = {"has", "have", "had", "also", "will", "would", "could", "may", "might", "did", "does",
               "do", "then", "later", "earlier", "previously", "again", "once", "repeatedly", "himself",
               "herself", "itself", "themselves", "not", "never", "reportedly", "publicly", "recently",
               "already", "still", "just", "last", "this", "week", "on", "monday", "tuesday",
               "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
_BE: Final = {"is", "are", "was", "were", "be", "been", "being"}
_BREAK: Final = {"that", "which", "who", "whom", "whose", "because", "since", "while", "if", "but",
                 "although", "though", "where", "and", "or", "when", "after", "before", "as"}
_ANON_MODIFIERS: Final = word_set("anonymous_modifiers")
_DOC_NOUNS: Final = word_set("document_nouns")
_OFFICIAL_ANON: Final = word_set("official_anonymous")
_ANAPHORIC: Final = word_set("anaphoric_nouns")
_SINGULAR_ANON: Final = word_set("singular_anonymous")
_PREP_OBJ: Final = {"in", "at", "from", "to", "with", "for", "of", "on", "by", "about", "near", "into",
                    "over", "under", "between", "against", "toward", "towards", "across", "through"}
_FINITE: Final = {"was", "is", "were", "are", "would", "will", "had", "has", "have", "could", "should",
                  "must", "can", "may", "might", "did", "does", "do"}
_NOT_PERSON_ROLES: Final = word_set("not_person_roles")
_TITLES: Final = word_set("title_words")
_ISSUED: Final = {"statement", "readout", "communique", "communiqué", "release"}  # issued by a body


@dataclass
class Clause:
    """A reporting expression found in a sentence."""

    kind: str  # verb | participle | according | passive | noun | agentless | link | self | group
    cue_start: int
    cue_end: int
    subj_start: int
    speaker: Speaker
    form: str  # indirect | link
    reason: str
    inverted: bool = False
    span: tuple[int, int] | None = None  # set for clauses with a fixed span
    subject_after: bool = False  # '"...," said the minister'



class ClauseFinder:
    """Finds the reporting clauses of one sentence at a time, in reading order."""

    def __init__(self, res: Resolver, covered: bytearray):
        self.res = res
        self.plain = res.plain
        self.covered = covered  # 1 inside quotations and transcript turns

    # -- candidate speakers in a stretch of text ----------------------------------------
    def words(self, a: int, b: int) -> list[Token]:
        """The words of plain[a:b] outside quotations and transcript turns."""
        return uncovered_tokens(self.plain, a, b, self.covered)

    def candidates(self, a: int, b: int, allow_unknown: bool = False,
                   toks: list[Token] | None = None) -> list[Cand]:
        """Possible speakers in plain[a:b]; `toks` are its words outside quotations, when the
        caller has them already."""
        data = sourcing_data()
        plain = self.plain
        if toks is None:
            toks = self.words(a, b)
        cands: list[Cand] = []
        assert data.self_re is not None and data.anonymous_phrases_re is not None  # set on load
        for m in data.self_re.finditer(plain, a, b):
            if not self.covered[m.start()]:
                cands.append(Cand(m.start(), m.end(), self.res.self_speaker()))
        for m in data.anonymous_phrases_re.finditer(plain, a, b):
            head: list[str] = m.group().split()
            noun = next((w for w in head if norm(w) in ("people", "person", "source", "sources",
                                                         "those")), head[0])
            sp = Speaker(f"unnamed {norm(noun)}", "anonymous", "none", "anonymous",
                         f"'{m.group()} ...' describes the source without naming it")
            cands.append(Cand(m.start(), m.end(), sp))
        for ch in chunks(plain, toks):
            found = self.res.resolve_chunk(ch, allow_unknown)
            if found is not None:
                if found.kind == "thing" and found.side == "none" and found.why == "an institution":
                    found = self._nationalise(found, toks, ch[0][0])
                cands.append(Cand(ch[0][0], ch[-1][1], found))
        lows = list(map(norm, map(itemgetter(2), toks)))
        # only the words that can stand for a speaker (the test below is a pure filter)
        for n in compress(range(len(toks)), map(_speaker_words().__contains__, lows)):
            s, e, w = toks[n]
            low = lows[n]
            if low in PRONOUNS:
                cands.append(Cand(s, e, None, pronoun=low))
                continue
            if w == "I" and self.res.reg.author:
                cands.append(Cand(s, e, self.res.self_speaker(), pronoun="i"))
                continue
            if (low in data.anonymous_nouns or low in data.group_nouns) and (
                    w[:1].islower() or n == 0 or plain[toks[n - 1][1]:s].strip()):
                cands.append(self._group(toks, n))  # not "National News Agency": a name
                continue
            if w[:1].isupper():
                continue
            if low in data.role_type and data.role_type[low] in ("official", "journalist", "expert",
                                                                 "other") \
                    and low not in _DOC_NOUNS and low not in _NOT_PERSON_ROLES:
                nxt = toks[n + 1][2] if n + 1 < len(toks) else ""
                if nxt[:1].isupper() and plain[e:toks[n + 1][0]].strip() == "":
                    continue  # a title before a name: "Jewish Agency head Isaac Herzog"
                words = [w]
                k = n - 1
                while k >= 0 and len(words) < 4 and plain[toks[k][1]:toks[k + 1][0]].strip() == "":
                    words.insert(0, toks[k][2])
                    if norm(toks[k][2]) in _DETERMINERS:
                        break
                    k -= 1
                if norm(words[0]) in _DETERMINERS:
                    cands.append(Cand(toks[k][0], e, None, role=tuple(words)))
        cands.extend(self._documents(toks, lows))
        return sorted(cands, key=lambda c: (c.end, -c.start))

    def document_np(self, toks: list[Token], i: int) -> tuple[Speaker, int, int] | None:
        """A document named by a common noun, from toks[i]: 'the council's engineering report',
        'a leaked memo', 'court documents', 'a 2023 survey by the Reading Agency'.

        The speaker is the document's owner when the text gives one (type document)."""
        data = sourcing_data()
        plain = self.plain
        owner: list[str] = []
        mods: list[str] = []
        head: int | None = None
        for k in range(i, min(i + 6, len(toks))):
            s, _, w = toks[k]
            if k > i and plain[toks[k - 1][1]:s].strip(" \u00a0"):
                return None  # punctuation inside: not one noun phrase
            low = norm(w)
            base, poss = _strip_possessive(w)
            if low in _DOC_NOUNS and not poss:
                head = k
                break
            if low in _DETERMINERS or low in ("own", "one", "new"):
                continue
            if poss:
                owner, mods = [*mods, base], []
                continue
            if w[:1].isupper():
                return None  # "a UN report": the name is resolved as a name
            if low in _BREAK or low in _PREP_OBJ or low in PRONOUNS:
                return None
            mods.append(w)
        if head is None:
            return None
        end = toks[head][1]
        nxt = toks[head + 1:head + 12]
        k = 0
        while k < len(nxt) and k < 5 and norm(nxt[k][2]) not in ("by", "from", "of") \
                and nxt[k][2][:1].islower() and norm(nxt[k][2]) not in _BREAK:
            k += 1  # "a study published last year by ..."
        if k < len(nxt) and norm(nxt[k][2]) in ("by", "from", "of") and (k == 0 or norm(nxt[k][2]) == "by") \
                and plain[toks[head][1]:nxt[k][0]].replace(" ", "").replace("-", "").isalnum() | (k == 0):
            cap: list[Token] = []
            for t in nxt[k + 1:]:
                if not cap and norm(t[2]) == "the":
                    continue
                if t[2][:1].isupper() or (cap and norm(t[2]) in ("of", "for", "and")):
                    cap.append(t)
                    continue
                break
            while cap and not cap[-1][2][:1].isupper():
                cap.pop()
            if cap:  # "a survey by the Reading Agency": the agency owns the survey
                owner, end = [w for _, _, w in cap], cap[-1][1]
        words = [w for w in mods if not any(c.isdigit() for c in w)] + [toks[head][2]]
        name = " ".join(owner) if owner else " ".join(words).lower()
        side = "none"
        for w in [*owner, *mods]:
            base = norm(_strip_possessive(w)[0])
            if base in data.place_side:
                side = data.place_side[base]
            elif base in data.entities and side == "none":
                side = data.entities[base].side
        if not owner and norm(toks[head][2]) == "reports" and not any(
                norm(t[2]) in _DETERMINERS for t in toks[i:head]):  # "according to reports in Spain"
            return Speaker(f"unnamed {name}", "anonymous", side, "anonymous",
                           "reports whose authors the writer does not name"), toks[i][0], end
        why = f"'{toks[head][2]}' is a document" + (f" of {name}" if owner else "")
        return Speaker(name, "document", side, "thing", why), toks[i][0], end

    def _documents(self, toks: list[Token], lows: list[str]) -> list[Cand]:
        """Documents as subjects: 'The study found', 'the report said' (`lows`: the words
        normalised)."""
        out: list[Cand] = []
        for n in compress(range(len(toks)), map(_DOC_NOUNS.__contains__, lows)):
            w = toks[n][2]
            if w[:1].isupper() and n > 0:
                continue  # "a UN Report" is a name; "Data show ..." at the start is not
            k = n
            while k > 0 and n - k < 4 and self.plain[toks[k - 1][1]:toks[k][0]].strip(" \u00a0") == "":
                low = norm(toks[k - 1][2])
                if low in _BREAK or low in _PREP_OBJ:
                    break
                k -= 1
                if low in _DETERMINERS:
                    break
            bare = norm(w).endswith("s") or norm(w) == "data"  # "new figures show", "studies show"
            if (k == n and not bare) or norm(toks[k][2]) not in _DETERMINERS and \
                    not _strip_possessive(toks[k][2])[1] and not bare:
                continue
            prev = toks[k - 1][2] if k > 0 else ""
            if prev[:1].islower() and norm(prev) not in _BREAK and \
                    self.plain[toks[k - 1][1]:toks[k][0]].strip(" \u00a0") == "":
                continue  # "Herzog posted a tweet saying": the tweet is an object, not a subject
            got = self.document_np(toks, k)
            if not got:
                continue
            sp = got[0]
            thing = self.res.state.thing
            if norm(w) in _ISSUED and " " not in sp.name and thing is not None \
                    and thing.type != "document":  # '"...", a statement said': the body last cited
                sp = Speaker(thing.name, thing.type, thing.side, thing.kind,
                             f"a {norm(w)} of {thing.name}, the body the text last cited")
            out.append(Cand(got[1], got[2], sp))
        return out

    def _nationalise(self, sp: Speaker, toks: list[Token], pos: int) -> Speaker:
        """'Russia ordered ..., the Foreign Ministry said': the ministry of the country just named."""
        data = sourcing_data()
        for _, _, w in reversed([t for t in toks if t[1] <= pos]):
            base = norm(_strip_possessive(w)[0])
            if base in data.demonym:
                name = f"{data.demonym[base]} {sp.name}"
                ent = data.entities.get(norm(name))
                if ent:
                    return Speaker(ent.name, ent.type, ent.side, "thing", ent.note)
                return Speaker(name, sp.type, data.place_side[base], "thing",
                               f"the ministry of {w}, the country named just before")
        return sp

    def _group(self, toks: list[Token], n: int) -> Cand:
        data = sourcing_data()
        s, e, w = toks[n]
        mods: list[str] = []
        start = s
        k = n - 1
        singular = False
        while k >= 0 and len(mods) < 3 and self.plain[toks[k][1]:toks[k + 1][0]].strip() == "":
            low = norm(toks[k][2])
            if low in ("a", "an", "one"):
                singular = True
                start = toks[k][0]
                break
            if low in _ANON_MODIFIERS or toks[k][2][:1].isupper() and low not in _DETERMINERS:
                mods.insert(0, toks[k][2])
                start = toks[k][0]
                k -= 1
                continue
            break
        low = norm(w)
        name = " ".join([*[m if m[:1].isupper() and (norm(m) not in _ANON_MODIFIERS
                                                     or norm(m) in data.place_side) else m.lower()
                           for m in mods], w.lower()])
        side = "none"
        for m in mods:
            base = norm(_strip_possessive(m)[0])
            if base in data.place_side:
                side = data.place_side[base]
                break
            if base in data.entities:  # "a senior Hamas official"
                side = data.entities[base].side
                break
        if side == "none" and low in _OFFICIAL_ANON and self.res.reg.home_side:
            side = self.res.reg.home_side  # an Israeli paper's unnamed officials are Israeli
        if low in _SINGULAR_ANON and not singular:
            return Cand(start, e, None, role=tuple([*mods, w]) if mods else ("the", w))
        if low in data.anonymous_nouns and low not in data.group_nouns:
            label = name if name.lower().startswith(("unnamed", "anonymous")) else f"unnamed {name}"
            if singular:
                label = f"unnamed {name}"
            sp = Speaker(label[0].lower() + label[1:], "anonymous", side, "anonymous",
                         "the writer does not name this source")
        elif not mods and n > 0 and norm(toks[n - 1][2]) == "the" and self.res.state.thing \
                and self.res.state.thing.type != "document" \
                and (low in norm(self.res.state.thing.name) or low in _ANAPHORIC):
            return Cand(toks[n - 1][0], e, self.res.state.thing)  # "the ministry": named before
        else:
            typ = data.role_type.get(low, "official")
            sp = Speaker(name, typ, side, "group" if low.endswith("s") else "thing",
                         "a group named by its role, not by a person's name")
        return Cand(start, e, sp)

    def resolve(self, c: Cand) -> Speaker | None:
        if c.speaker is not None:
            return c.speaker
        if c.pronoun:
            return self.res.resolve_pronoun(c.pronoun)
        if c.role:
            sp = self.res.resolve_role(list(c.role), c.start)
            if sp is None:
                sp = self._unnamed_role(list(c.role))
            return sp
        return None

    def _unnamed_role(self, words: list[str]) -> Speaker | None:
        """'the Egyptian foreign minister' with no name given: the title is the speaker."""
        data = sourcing_data()
        det = norm(words[0]) if words and norm(words[0]) in _DETERMINERS else ""
        words = [w for w in words if norm(w) not in _DETERMINERS]
        if not words or norm(words[-1]) in ("counterpart", "host", "guest"):
            return None
        side = "none"
        for w in words:
            base = norm(_strip_possessive(w)[0])
            if base in data.place_side:
                side = data.place_side[base]
        role = " ".join(w.lower() if norm(w) not in data.place_side else w for w in words)
        if det in ("a", "an", "one"):  # "a senator said": someone the writer does not name
            return Speaker(f"unnamed {role}", "anonymous", side, "anonymous",
                           f"'{det} {role}' describes the source without naming them")
        typ = data.role_type.get(norm(words[-1]), "other")
        if len(words) == 1:  # "the mayor said" with no one named before: the title speaks
            role = f"the {role}"
        return Speaker(role, typ, side, "person",
                       "named only by a title, never by name" + (
                           "; the side comes from the title" if side != "none" else ""))

    # -- the subject of a verb ------------------------------------------------------------
    def subject_before(self, lo: int, verb: int, max_gap: int = 6) -> tuple[Speaker, int] | None:
        lo = max(lo, verb - 200)  # a subject is a few words before its verb
        head = self.plain[lo:verb].rstrip()
        if head.endswith(","):  # "Hezbollah, in a statement carried by ..., claimed"
            inner = self.plain.rfind(",", lo, lo + len(head) - 1)
            words = self.plain[inner + 1:lo + len(head) - 1].split()
            if inner > lo and not all(w[:1].isupper() for w in words[:4]):
                got = self.subject_before(lo, inner, max_gap=3)
                if got is not None:
                    return got
        toks = self.words(lo, verb)
        cands = [c for c in self.candidates(lo, verb, toks=toks) if c.end <= verb]
        anon = [c for c in cands if c.speaker is not None and c.speaker.kind == "anonymous"
                and self.plain[c.start:c.end].lower().endswith((" to", " with", " of", " on"))]
        for c in reversed(cands):
            if any(a.end <= c.start and self.plain[a.end:c.start].strip() == "" for a in anon):
                continue  # "a source close to the minister": the minister is not the source
            pre = [w for s, _, w in toks if s < c.start][-3:]
            if pre and pre[-1].endswith("ing") and pre[-1][:1].islower() and \
                    norm(pre[-1]) not in sourcing_data().participles and \
                    (len(pre) < 2 or norm(pre[-2]) not in _DETERMINERS
                     and not _strip_possessive(pre[-2])[1]):
                continue  # "the union representing workers said": the workers are an object
            if pre and c.speaker is not None and c.speaker.kind != "self":
                at = len(pre) - 1 if norm(pre[-1]) in _PREP_OBJ else (
                    len(pre) - 2 if len(pre) >= 2 and norm(pre[-2]) in _PREP_OBJ
                    and pre[-1][:1].islower() and norm(pre[-1]) not in data_nouns() else -1)
                spokes = at >= 1 and norm(pre[at]) in ("for", "of") \
                    and norm(pre[at - 1]) in sourcing_data().role_type
                if at >= 0 and not spokes:
                    continue  # "speaking in Beirut", "critics on social media": not the speaker
                # "a spokeswoman for the trust": the trust speaks through its spokeswoman
            gap = [norm(w) for s, _, w in toks if s >= c.end]
            if len(gap) > max_gap or any(g in _BREAK for g in gap):
                continue
            if any(g in data_nouns() and g not in _DOC_NOUNS for g in gap[:1]) and len(gap) > 3:
                continue
            sp = self.resolve(c)
            if sp is None:
                return None
            named = self._outlet_name(c, toks, verb)
            return named if named else (sp, c.start)
        unnamed = self._indefinite_person(toks, verb)
        if unnamed is not None:
            return unnamed
        # an unknown name right before the verb: "Smith said"
        unknown = [c for c in self.candidates(lo, verb, allow_unknown=True, toks=toks) if c.end <= verb]
        if unknown:
            c = unknown[-1]
            gap = [norm(w) for s, _, w in toks if s >= c.end]
            if len(gap) <= 1 and all(g in _AUX for g in gap) and c.speaker is not None:
                return c.speaker, c.start
        return None

    def _outlet_name(self, c: Cand, toks: list[Token],
                     verb: int) -> tuple[Speaker, int] | None:
        """'the newspaper Marca reported', 'the official IRNA news agency said': a news
        organisation's own name beside its common noun is the speaker."""
        data = sourcing_data()
        sp = c.speaker
        if sp is None or sp.name[:1].isupper() or data.role_type.get(norm(sp.name.split()[-1])) != "outlet" \
                and norm(sp.name) != "agency":
            return None
        after = [t for t in toks if c.end <= t[0] < verb]
        before = [t for t in toks if t[1] <= c.start][-3:]
        for side in (after, before):
            kept = [t for t in side if norm(t[2]) not in ("news", "the", "official", "state")]
            if side is before:
                while kept and not kept[0][2][:1].isupper():
                    kept.pop(0)
            words = [w for _, _, w in kept]
            if 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and \
                    not any(norm(w) in data.not_speakers for w in words):
                name = " ".join(words)
                start = min(c.start, kept[0][0])
                ent = data.entities.get(norm(name))
                if ent:
                    return Speaker(ent.name, ent.type, ent.side, "thing", ent.note), start
                return Speaker(name, "outlet", sp.side, "thing", f"the {sp.name} {name}"), start
        return None

    def _name_right_after(self, c: Cand, cands: list[Cand]) -> tuple[Speaker, int] | None:
        """'the newspaper Marca', 'the broadcaster CNN': a common noun, then the name itself."""
        if c.speaker is None or c.speaker.name[:1].isupper() or " " in c.speaker.name:
            return None
        for c2 in cands:
            if c2.start > c.end and c2.speaker is not None and c2.speaker.name[:1].isupper() \
                    and self.plain[c.end:c2.start].strip(" \u00a0") == "":
                return c2.speaker, c.start
        return None

    def _titled_person_after(self, c: Cand, cands: list[Cand],
                             toks: list[Token]) -> tuple[Speaker, int] | None:
        """'council leader Mark Owens': a group word that is part of a person's title."""
        data = sourcing_data()
        for c2 in cands:
            if c2.start < c.end or c2.speaker is None or c2.speaker.kind != "person":
                continue
            between = [w for s, _, w in toks if c.end <= s < c2.start]
            if 1 <= len(between) <= 2 and all(norm(w) in data.role_type or norm(w) in _TITLES
                                               for w in between) \
                    and self.plain[c.end:c2.start].replace(" ", "").isalpha():
                return c2.speaker, c2.start
        return None

    def _indefinite_person(self, toks: list[Token], verb: int) -> tuple[Speaker, int] | None:
        """'a retired driver who lost half his pension told reporters': someone described
        but not named, at the start of the clause. Anonymous."""
        for n, (s, _, w) in enumerate(toks):
            if norm(w) not in ("a", "an", "one"):
                continue
            if n and self.plain[toks[n - 1][1]:s].strip(" \u00a0") not in (",", "—", "–", ":"):
                return None  # only at the start of the sentence or of a clause
            words: list[str] = []
            for _, _, v in toks[n + 1:n + 4]:
                if norm(v) in ("who", "whose") or not v[:1].islower() or norm(v) in _BREAK:
                    break
                words.append(v)
            rest = toks[n + 1 + len(words):]
            if not words or len(rest) > 9 or (rest and norm(rest[0][2]) not in ("who", "whose")):
                return None
            if any(c.isdigit() for c in "".join(words)) or norm(words[-1]) in _DOC_NOUNS:
                return None
            name = " ".join(words).lower()
            return Speaker(f"unnamed {name}", "anonymous", "none", "anonymous",
                           f"'{w} {name}' describes the source without naming them"), s
        return None

    def subject_after(self, verb_end: int, hi: int) -> tuple[Speaker, int] | None:
        hi = min(hi, verb_end + 200)
        toks = uncovered_tokens(self.plain, verb_end, hi, self.covered)[:5]
        if not toks:
            return None
        cands = [c for c in self.candidates(verb_end, toks[-1][1], allow_unknown=True)]
        for c in sorted(cands, key=lambda c: c.start):
            first = [w for s, _, w in toks if s < c.start]
            nxt = [w for s, _, w in tokens(self.plain, c.end, hi)][:1]
            if nxt and norm(nxt[0]) in _FINITE:
                return None  # "said the army was ready": the army is what was said
            person = c.speaker is not None and c.speaker.kind == "person"
            titled = 2 <= len(first) <= 4 and person \
                and all(w[:1].islower() or norm(w) in _TITLES for w in first) \
                and any(norm(w) in sourcing_data().role_type or norm(f"{w} {v}") in sourcing_data().role_type
                        for w, v in zip(first, [*first[1:], ""], strict=False))
            # "said lead author Dr. Amara Singh": title words, then the name
            described = 2 <= len(first) <= 3 and person and all(w[:1].islower() for w in first) \
                and self.plain[verb_end:c.start].rstrip(" \u00a0").endswith(",")
            # "said one mother, Angela Ruiz": a description, a comma, then the name
            named = 2 <= len(first) <= 3 and c.speaker is not None and c.speaker.kind == "thing" \
                and norm(first[0]) in _DETERMINERS and all(w[:1].islower() for w in first)
            # "said the official IRNA news agency": a name after "the" and a plain adjective
            if titled or described or named or len(first) <= 1 and all(
                    norm(w) in _DETERMINERS or norm(w) in _TITLES for w in first):
                if c.speaker is None or c.speaker.kind != "person":
                    later = self._titled_person_after(c, cands, toks)
                    if later is not None:  # "said council leader Mark Owens": Owens, not the council
                        return later
                    nxt_name = self._name_right_after(c, cands)
                    if nxt_name is not None:  # "the newspaper Marca reported": Marca
                        return nxt_name

                sp = self.resolve(c)
                if sp is not None:
                    return sp, c.start
        return None


@cache
def _speaker_words() -> frozenset[str]:
    """Every normalised word that `ClauseFinder.candidates` reads as a possible speaker on
    its own: pronouns, "I", group and anonymous nouns, and person roles ("the minister")."""
    data = sourcing_data()
    roles = {w for w, typ in data.role_type.items() if typ in ("official", "journalist", "expert", "other")}
    return frozenset(PRONOUNS) | {"i"} | frozenset(data.anonymous_nouns) | frozenset(data.group_nouns) | roles


def data_nouns() -> set[str]:
    return sourcing_data().nouns
