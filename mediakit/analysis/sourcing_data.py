"""The sourcing analysis's word lists and speaker table, read once from `mediakit/data/`.

Everything a teacher may want to extend (known speakers, reporting verbs, credit
lines, cues such as "Russian" or "Tehran") lives in YAML; this module turns it into
lookups and compiled patterns. Patterns are plain alternations of fixed phrases, so
matching stays linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Final

import yaml

from .memo import Memo
from .phrase_index import CASE_TWINS, WORD_START, PhrasePattern


def _load(name: str) -> dict:
    path = resources.files("mediakit") / "data" / name
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def normalise(s: object) -> str:
    """Lower case, curly apostrophes straightened, spaces collapsed: the key of every lookup.
    Use it for whole lines (each read once); `norm` remembers the answers for words."""
    return " ".join(str(s).replace("’", "'").replace("\u00a0", " ").lower().split())


# `normalise`, remembered: for words and names
norm: Callable[[object], str] = Memo(normalise, 1 << 16).__getitem__

_CASE_TWINS: Final = str.maketrans(CASE_TWINS, "iisk")  # the letters IGNORECASE matches to these


def phrase_key(s: str) -> str:
    """The lookup key of words a phrase pattern matched: `norm`, with the four letters that
    match ASCII letters under IGNORECASE read as those ("ſaid" matched "said")."""
    return norm(s.translate(_CASE_TWINS))


def phrase_pattern(phrases: Iterable[object], *, flags: int = re.IGNORECASE) -> PhrasePattern:
    """One regex matching any of the phrases as whole words (longest first, apostrophes either way).

    A long alternation is slow in Python's `re`: at every word start it tries every phrase.
    So phrases are grouped by their first letter behind a look-ahead for that letter: only
    one group is tried at a word start. Phrases of one group keep their order, and two
    groups can never match at the same place, so the matches are the same as with the flat
    alternation. `PhrasePattern` then tries the regex only where a phrase's first word is."""
    ordered = sorted({str(p) for p in phrases}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for p in ordered:
        groups.setdefault(p[:1].lower(), []).append(_escape(p))
    if all(_ascii_letter(first) for first in groups):
        alts = [f"(?={first})(?:{'|'.join(group)})" for first, group in groups.items()]
    else:  # a phrase starting with a mark or a non-ASCII letter: keep the flat alternation
        alts = [_escape(p) for p in ordered]
    regex = re.compile(WORD_START + "(?:" + "|".join(alts) + r")(?![\w-])", flags)
    return PhrasePattern(regex, ordered)


def _escape(phrase: str) -> str:
    return re.escape(phrase).replace("\\ ", r"\s+").replace("'", "['’]")


def _ascii_letter(char: str) -> bool:
    return len(char) == 1 and "a" <= char <= "z"


@cache
def word_set(name: str) -> frozenset[str]:
    """One list of data/name_words.yaml, normalised ("organisation_words", "title_words" ...)."""
    return frozenset(norm(w) for w in (_load("name_words.yaml").get(name) or {}).get("words", []))


@dataclass(frozen=True)
class Entity:
    """A known speaker from speakers.yaml."""

    name: str
    type: str
    side: str
    note: str
    person: bool
    roles: tuple[str, ...] = ()
    home_side: str | None = None


@dataclass
class SourcingData:
    entities: dict[str, Entity] = field(default_factory=dict)  # norm(alias) -> entity
    surnames: dict[str, Entity] = field(default_factory=dict)  # norm(surname) -> person
    place_side: dict[str, str] = field(default_factory=dict)  # norm(word) -> side
    place_reason: dict[str, str] = field(default_factory=dict)
    metonyms: set[str] = field(default_factory=set)
    demonym: dict[str, str] = field(default_factory=dict)  # norm(place) -> "Russian"
    role_type: dict[str, str] = field(default_factory=dict)  # norm(role) -> type
    role_synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    anonymous_nouns: set[str] = field(default_factory=set)
    anonymous_phrases_re: PhrasePattern | None = None
    group_nouns: set[str] = field(default_factory=set)
    not_speakers: set[str] = field(default_factory=set)
    verb_reason: dict[str, str] = field(default_factory=dict)  # norm(verb) -> reason
    verb_kind: dict[str, str] = field(default_factory=dict)  # norm(verb) -> group name
    verb_then: dict[str, str] = field(default_factory=dict)  # "held" -> "responsible"
    verb_not_then: dict[str, frozenset[str]] = field(default_factory=dict)  # "agree" -/-> "to"
    verbs_re: PhrasePattern | None = None
    participles: set[str] = field(default_factory=set)
    participle_reason: str = ""
    according_re: PhrasePattern | None = None
    according_reason: str = ""
    passive_re: PhrasePattern | None = None
    passive_reason: str = ""
    nouns: set[str] = field(default_factory=set)
    nouns_reason: str = ""
    agentless_re: PhrasePattern | None = None  # all agentless cues in one pattern
    agentless_by: dict[str, tuple[str, str]] = field(default_factory=dict)  # norm -> (speaker, reason)
    made_re: PhrasePattern | None = None
    demonstratives: set[str] = field(default_factory=set)
    remark_nouns: set[str] = field(default_factory=set)
    remarks_reason: str = ""
    page_nouns_re: PhrasePattern | None = None
    page_nouns: frozenset[str] = frozenset()
    pages_reason: str = ""
    self_re: PhrasePattern | None = None
    self_works: set[str] = field(default_factory=set)
    first_person_verbs: set[str] = field(default_factory=set)
    self_reason: str = ""
    transcript_not_names: set[str] = field(default_factory=set)
    credits: list[dict] = field(default_factory=list)
    end_markers: list[tuple[str, str]] = field(default_factory=list)
    furniture_phrases: list[tuple[str, str]] = field(default_factory=list)


def _entities(data: SourcingData, speakers: dict) -> None:
    surname_count: dict[str, int] = {}
    for kind in ("people", "organisations"):
        for e in speakers.get(kind) or []:
            ent = Entity(e["name"], e["type"], e["side"], e.get("note", ""), kind == "people",
                         tuple(norm(r) for r in e.get("roles") or ()), e.get("home_side"))
            for alias in [e["name"], *(e.get("aliases") or [])]:
                data.entities[norm(alias)] = ent
            if ent.person:
                for alias in [e["name"], *(e.get("aliases") or [])]:
                    last = norm(alias).split()[-1]
                    if len(norm(alias).split()) > 1:
                        surname_count[last] = surname_count.get(last, 0) + 1
                        data.surnames.setdefault(last, ent)
    # a surname shared by two known people is no clue on its own
    for last in surname_count:
        owners = {e.name for k, e in data.entities.items() if e.person and k.split()[-1] == last}
        if len(owners) > 1:
            data.surnames.pop(last, None)


@lru_cache(maxsize=1)
def sourcing_data() -> SourcingData:
    """All sourcing data, loaded once."""
    d = SourcingData()
    _entities(d, _load("speakers.yaml"))
    cues = _load("speaker_cues.yaml")
    for p in cues.get("places") or []:
        for w in p["words"]:
            d.place_side[norm(w)] = p["side"]
            d.place_reason[norm(w)] = p.get("reason", "")
            if p.get("metonym"):
                d.metonyms.add(norm(w))
            if p.get("demonym"):
                d.demonym[norm(w)] = p["demonym"]
    for typ, words in (cues.get("roles") or {}).items():
        for w in words:
            d.role_type.setdefault(norm(w), typ)
    for k, v in (cues.get("role_synonyms") or {}).items():
        d.role_synonyms[norm(k)] = tuple(norm(x) for x in v)
    d.anonymous_nouns = {norm(w) for w in cues.get("anonymous_nouns") or []}
    d.anonymous_phrases_re = phrase_pattern(cues.get("anonymous_phrases") or ["people familiar with"])
    d.group_nouns = {norm(w) for w in cues.get("group_nouns") or []}
    d.not_speakers = {norm(w) for w in cues.get("not_speakers") or []}

    rv = _load("reporting_verbs.yaml")
    for kind, group in (rv.get("verbs") or {}).items():
        for w in group["words"]:
            d.verb_reason[norm(w)] = group["reason"]
            d.verb_kind[norm(w)] = kind
            if group.get("then"):
                d.verb_then[norm(w)] = norm(group["then"])
            if group.get("not_then"):
                d.verb_not_then[norm(w)] = frozenset(norm(x) for x in group["not_then"])
    part = rv.get("participles") or {}
    d.participles = {norm(w) for w in part.get("words") or []}
    d.participle_reason = part.get("reason", "")
    for w in d.participles:
        d.verb_reason.setdefault(w, d.participle_reason)
        d.verb_kind.setdefault(w, "participle")
    d.verbs_re = phrase_pattern(d.verb_reason)
    acc = rv.get("according_to") or {}
    d.according_re = phrase_pattern(acc.get("words") or ["according to"])
    d.according_reason = acc.get("reason", "")
    pas = rv.get("passive_by") or {}
    d.passive_re = phrase_pattern(pas.get("words") or ["reported by"])
    d.passive_reason = pas.get("reason", "")
    nouns = rv.get("speech_nouns") or {}
    d.nouns = {norm(w) for w in nouns.get("words") or []}
    d.nouns_reason = nouns.get("reason", "")
    for a in rv.get("agentless") or []:
        for w in a["words"]:
            d.agentless_by[norm(w)] = (a["speaker"], a["reason"].replace("{word}", w))
    d.agentless_re = phrase_pattern(d.agentless_by or ["reportedly"])
    links = rv.get("links") or {}
    remarks = links.get("remarks") or {}
    d.made_re = phrase_pattern(remarks.get("made") or ["made the remarks"])
    d.demonstratives = {norm(w) for w in remarks.get("demonstratives") or []}
    d.remark_nouns = {norm(w) for w in remarks.get("nouns") or []}
    d.remarks_reason = remarks.get("reason", "")
    pages = links.get("pages") or {}
    d.page_nouns_re = phrase_pattern(pages.get("nouns") or ["website"])
    d.page_nouns = frozenset(norm(w) for w in pages.get("nouns") or ["website"])
    d.pages_reason = pages.get("reason", "")
    slf = rv.get("self") or {}
    d.self_re = phrase_pattern(slf.get("subjects") or ["the author"])
    d.self_works = {norm(w) for w in slf.get("works") or []}
    d.first_person_verbs = {norm(w) for w in slf.get("first_person_verbs") or []}
    d.self_reason = slf.get("reason", "")
    d.transcript_not_names = {norm(w) for w in rv.get("transcript_not_names") or []}

    cr = _load("credits.yaml")
    d.credits = sorted(cr.get("credits") or [], key=lambda c: len(c["phrase"]), reverse=True)
    d.end_markers = [(norm(m["phrase"]), m["reason"]) for m in cr.get("end_markers") or []]
    d.furniture_phrases = [(norm(m["phrase"]), m["reason"]) for m in cr.get("furniture_phrases") or []]
    return d
