"""Who is speaking: turn "he", "the minister", "Lavrov" or "Moscow" into one named source.

News copy names a person once in full ("Russian Foreign Minister Sergei Lavrov") and
then by surname, title or pronoun. This module reads the article's capitalised names
once (a `Registry`), then resolves each mention to a canonical `Speaker` with a side
and a type, looked up in `data/speakers.yaml` or guessed from general cues
(`data/speaker_cues.yaml`: "Russian", "Tehran", "spokesman", "analyst" ...).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from operator import add, itemgetter

from .sourcing_data import Entity, norm, sourcing_data, word_set

TOKEN = re.compile(r"[A-Za-z0-9][\w’'\-/&.]*")
_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"}
_TITLE_WORDS = word_set("title_words")
_COMPANY = word_set("company_words")
_ORG_WORDS = word_set("organisation_words") | word_set("place_words") | _COMPANY
_PLACE_ORG = word_set("place_words")  # a place or an event: never speaks
_INSTITUTIONS = word_set("institution_words")
_NAMES_WITH_THE = word_set("names_with_the")
PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "group"}
_CONNECTORS = {"al-", "bin", "ibn", "de", "da", "del", "van", "von", "der", "ben", "abu", "el"}


@dataclass(frozen=True)
class Speaker:
    """A source, as tables and charts show it."""

    name: str
    type: str
    side: str
    kind: str  # person | thing | group | anonymous | self
    why: str = ""  # where side and type come from


@dataclass(frozen=True)
class Cand:
    """A possible speaker mention in a clause."""

    start: int
    end: int
    speaker: Speaker | None
    pronoun: str = ""  # he/she/it/they, resolved later
    role: tuple[str, ...] = ()  # "the Russian leader": (modifier words..., role)


@dataclass
class Mention:
    start: int
    end: int
    name: str  # canonical person name


@dataclass
class Registry:
    """The people an article names, with their titles, in order of mention."""

    author: str | None
    outlet_side: str
    home_side: str | None = None
    full_names: dict[str, str] = field(default_factory=dict)  # norm(surname) -> canonical
    titles: dict[str, set[str]] = field(default_factory=dict)  # canonical -> title words
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class State:
    """What the text last talked about, for pronouns ("he", "it") and titles ("the minister")."""

    person: Speaker | None = None
    thing: Speaker | None = None
    group: Speaker | None = None
    last: Speaker | None = None

    def update(self, sp: Speaker | None) -> None:
        if sp is None:
            return
        self.last = sp
        if sp.kind in ("person", "self"):
            self.person = sp
        elif sp.kind == "thing":
            self.thing = sp
        else:
            self.group = sp


def who(sp: Speaker) -> str:
    """The speaker as a sentence can name it: "the company", "an unnamed source", "police"."""
    name = sp.name
    if not name[:1].islower():  # "the Kremlin", "the Russian Foreign Ministry"; "Vladimir Putin"
        return f"the {name}" if norm(name.split()[-1]) in _NAMES_WITH_THE else name
    if name.startswith(("the ", "a ", "an ", "some ", "many ")):
        return name
    last = name.split()[-1]
    plural = last.endswith("s") or last in ("police", "people", "staff", "media", "data")
    if plural:
        return name
    if name.startswith("unnamed "):
        return f"an {name}"
    return f"the {name}"


def named_earlier(subject: str, sp: Speaker) -> str:
    """'the mayor' said by a person named before: ", named earlier as Jane Brown" (else "")."""
    words = subject.split()
    if sp.kind != "person" or len(words) < 2 or norm(words[0]) not in ("the", "his", "her", "its",
                                                                        "their", "our"):
        return ""
    if any(norm(w) in norm(subject) for w in sp.name.split()):
        return ""
    return f"{' '.join(words).lower()}, named earlier as {sp.name}"


def tokens(plain: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The words of plain[a:b] as (start, end, word): trailing dots, apostrophes, hyphens and
    slashes cut, except in abbreviations such as "U.S."; a word cut by a or b is cut too.

    The sourcing analysis asks for the words of many small windows of one text, so the
    whole text is tokenised once (`_TokenIndex`) and each window is a slice of that."""
    if b - a < _SMALL_WINDOW:
        return _scan(plain, a, b)
    return _token_index(plain).window(a, b)


_SMALL_WINDOW = 24  # characters: a window this short is quicker to scan than to look up


def _scan(plain: str, a: int, b: int) -> list[tuple[int, int, str]]:
    return [_token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(plain, a, b)]


_TRAILING = (".", "’", "'", "-", "/")
_TRAILING_SET = frozenset(_TRAILING)  # all one character long


def _token(s: int, e: int, word: str) -> tuple[int, int, str]:
    """Cut trailing marks (never the first character, which is a letter or digit)."""
    while word.endswith(_TRAILING) and not _is_abbrev(word):
        word, e = word[:-1], e - 1
    return s, e, word


class _TokenIndex:
    """Every TOKEN match of one text, found once, so any window's words are a slice.

    A window scan and the whole-text scan agree on every match that lies inside the
    window: matches are maximal runs of word characters. Only a match cut by the window's
    start or end differs, and those (at most two) are scanned again inside the window."""

    def __init__(self, plain: str):
        self.plain = plain
        # split on the matches and add up the pieces' lengths: the per-word work stays in C
        pieces = _TOKEN_SPLIT.split(plain)  # [between, word, between, word, ..., after]
        words = pieces[1::2]
        self.starts = list(accumulate(map(len, pieces)))[0:-1:2]
        self.ends = list(map(add, self.starts, map(len, words)))
        self.tokens = list(zip(self.starts, self.ends, words, strict=True))
        # words that end with a trailing mark, found by their last character (a TOKEN match
        # is never empty, and every trailing mark is one character): a set lookup per word
        # is half the time of `endswith` with a tuple
        ends_marked = map(_TRAILING_SET.__contains__, map(itemgetter(-1), words))
        for i in compress(range(len(words)), ends_marked):
            self.tokens[i] = _token(*self.tokens[i])

    def window(self, a: int, b: int) -> list[tuple[int, int, str]]:
        if a >= b:
            return []
        starts, ends = self.starts, self.ends
        i = bisect_left(starts, a)  # matches i.. start inside the window
        out = []
        if i and ends[i - 1] > a:  # a match that starts before a runs into the window
            out += _scan(self.plain, a, min(ends[i - 1], b))
        j = bisect_right(ends, b)  # matches ..j-1 end inside the window
        if j > i:
            out += self.tokens[i:j]
        k = max(i, j)
        if k < len(starts) and starts[k] < b:  # a match that starts inside runs past b
            out += _scan(self.plain, starts[k], b)
        return out


@lru_cache(maxsize=1)
def _token_index(plain: str) -> _TokenIndex:
    return _TokenIndex(plain)


def forget_tokens() -> None:
    """Drop the last text's token index (a long article's index is large)."""
    _token_index.cache_clear()


def _is_abbrev(word: str) -> bool:
    return word.count(".") >= 2 and len(word) <= 6  # U.S., U.N.


@lru_cache(maxsize=1 << 16)
def _cap(word: str) -> bool:
    return word[:1].isupper() or norm(word) in _CONNECTORS or word.startswith(("al-", "el-"))


def chunks(plain: str, toks: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words separated only by spaces: candidate names.

    Most words are not capitalised, so the loop visits only the capitalised words that
    start a run (found with C-level passes) and the words that extend it."""
    out: list[list[tuple[int, int, str]]] = []
    caps = list(map(_cap, map(itemgetter(2), toks)))
    n = len(toks)
    free = 0  # the first word not yet in a run
    for i in compress(range(n), caps):
        if i < free:
            continue
        j = i + 1
        while j < n and _only_spaces(plain, toks[j - 1][1], toks[j][0]):
            word = toks[j][2]
            if not (caps[j] and word[:1] != "'" or len(word) <= 3 and word.isdigit()):
                break
            j += 1  # a capitalised word, or a short number ("Channel 12")
        out.append(toks[i:j])
        free = j
    return out


def _only_spaces(plain: str, a: int, b: int) -> bool:
    """Nothing but spaces (plain or no-break) between a and b."""
    return b <= a or (b - a == 1 and plain[a] == " ") or not plain[a:b].strip(" \u00a0")


def _person_role(word: str) -> bool:
    """A title word for a person ("President", "Minister"), not "Channel" or "Report"."""
    return sourcing_data().role_type.get(norm(word)) in ("official", "journalist", "expert")


def _appositive(plain: str, end: int) -> str:
    """', a senior Egyptian diplomat' after a name: the words that say who the person is."""
    rest = plain[end:end + 80]
    if not rest.startswith(", "):
        return ""
    words = rest[2:].split()[:6]
    if not words or norm(words[0]) not in ("a", "an", "the", "who", "its", "his", "her") \
            and not words[0][:1].isupper():
        return ""
    out = []
    for w in words:
        out.append(w.rstrip(",.;:"))
        if w[-1:] in ",.;:":
            break
    return norm(" ".join(out))


def _leading_appositive(plain: str, start: int, end: int) -> str:
    """'The mayor of Leeds, Jane Brown, said': the title written before the name, between
    commas. Kept only when it holds a role word, so "In Leeds, Jane Brown said" adds nothing."""
    if not plain.startswith(",", end):
        return ""
    lead = plain[max(0, start - 100):start].rstrip(" \u00a0")
    if not lead.endswith(","):
        return ""
    seg = lead[:-1]
    cut = max(seg.rfind(c) for c in ".;:!?\n\"“”,()")
    words = seg[cut + 1:].split()
    if not 1 <= len(words) <= 8:
        return ""
    roles = sourcing_data().role_type
    low = [norm(_strip_possessive(w)[0]) for w in words]
    if not any(w in roles or f"{w} {v}" in roles for w, v in zip(low, [*low[1:], ""], strict=False)):
        return ""
    return norm(" ".join(words))


def _strip_possessive(word: str) -> tuple[str, bool]:
    for suffix in ("’s", "'s"):
        if word.endswith(suffix):
            return word[: -len(suffix)], True
    if word.endswith(("s’", "s'")):
        return word[:-1], True
    return word, False


def _title_case(word: str) -> str:
    if word.isupper() and len(word) > 3 and "." not in word:
        return word[:1] + word[1:].lower()
    return word


@lru_cache(maxsize=1 << 14)
def _person_from_words(chunk: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """(a person's name, the title words before it) in a run of capitalised words; a pure
    function of the words, so each run is read once however often it recurs."""
    data = sourcing_data()
    words = [_title_case(w) for w in chunk]
    while len(words) > 1 and norm(words[0]) in data.not_speakers:
        words.pop(0)
    title: list[str] = []
    while words and (norm(words[0]) in _DETERMINERS or norm(words[0]) in _TITLE_WORDS
                     or norm(_strip_possessive(words[0])[0]) in data.place_side
                     or _person_role(words[0])):
        title.append(words.pop(0))
    if len(words) < 2 or len(words) > 4:
        return None, tuple(title)
    if not Resolver._looks_like_name(words):
        return None, tuple(title)
    words[-1] = _strip_possessive(words[-1])[0]
    return " ".join(words), tuple(title)


@lru_cache(maxsize=1 << 16)
def _mention_key(word: str) -> str:
    """The lookup key of a word that may name a known person ("PUTIN'S" -> "putin")."""
    return norm(_title_case(_strip_possessive(word)[0]))


def entity_speaker(ent: Entity, why: str = "") -> Speaker:
    kind = "person" if ent.person else "thing"
    return Speaker(ent.name, ent.type, ent.side, kind, why or ent.note)


def side_and_type(words: list[str], default_type: str = "other") -> tuple[str, str, str]:
    """(side, type, why) from title words such as "Russian Foreign Minister"."""
    data = sourcing_data()
    side, typ, why = "none", default_type, ""
    low = [norm(w).strip(",.;:()\"“”") for w in words]
    for i in range(len(low)):
        for n in (3, 2, 1):
            phrase = " ".join(low[i:i + n])
            base, _ = _strip_possessive(phrase)
            if side == "none" and base in data.place_side:
                side, why = data.place_side[base], f"'{' '.join(words[i:i + n])}' is a cue for this side"
            if phrase in data.entities and side == "none" and not data.entities[phrase].person:
                side = data.entities[phrase].side
                why = data.entities[phrase].note
    for i in range(len(low)):
        for n in (3, 2, 1):
            phrase = " ".join(low[i:i + n])
            if phrase in data.role_type:
                typ = data.role_type[phrase]
                break
        if typ != default_type:
            break
    return side, typ, why


class Resolver:
    """Resolves mentions in one article, in reading order."""

    def __init__(self, text: str, plain: str, author: str | None, outlet: str | None,
                 skip: list[tuple[int, int]]):
        self.text, self.plain = text, plain
        data = sourcing_data()
        out_ent = data.entities.get(norm(outlet or ""))
        self.reg = Registry(author, out_ent.side if out_ent else "none",
                            out_ent.home_side if out_ent else None)
        self.state = State()
        self._resolved: dict[tuple, Speaker | None] = {}  # resolve_chunk's answers
        self._build(skip)

    # -- the registry of full names -------------------------------------------------
    def _build(self, skip: list[tuple[int, int]]) -> None:
        plain = self.plain
        toks = tokens(plain, 0, len(plain))
        mask = bytearray(len(plain) + 1)
        for a, b in skip:
            mask[a:b] = b"\x01" * (b - a)
        all_chunks = chunks(plain, toks)
        for ch in all_chunks:
            if mask[ch[0][0]]:
                continue
            name, title = self._person_from_chunk(ch)
            if not name:
                continue
            canon = self._canonical_person(name)
            last = norm(canon).split()[-1]
            self.reg.full_names.setdefault(last, canon)
            first = norm(canon).split()[0]
            self.reg.full_names.setdefault("first:" + first, canon)
            before = plain[max(0, ch[0][0] - 60):ch[0][0]].split()[-6:]
            while any((w[-1:] in ",.;:\"”“)(" and not (w[-1:] == "." and norm(w[:-1]) in _TITLE_WORDS))
                      or w[:1] in "\"“(" for w in before):
                before.pop(0)  # only the title words right before the name ("Sen." is one)
            before = [w.rstrip(".") if norm(w.rstrip(".")) in _TITLE_WORDS else w for w in before]
            self.reg.titles.setdefault(canon, set()).add(norm(" ".join(before + title)))
            leading = _leading_appositive(plain, ch[0][0], ch[-1][1])
            if leading:
                self.reg.titles[canon].add(leading)
            appositive = _appositive(plain, ch[-1][1])
            if appositive:
                self.reg.titles[canon].add(appositive)
        # every mention of a known person, full or surname, in order
        for ch in all_chunks:
            for s, e, w in ch:
                key = _mention_key(w)
                if key in self.reg.full_names:
                    self.reg.mentions.append(Mention(s, e, self.reg.full_names[key]))
                elif key in sourcing_data().surnames:
                    self.reg.mentions.append(Mention(s, e, sourcing_data().surnames[key].name))

    def _person_from_chunk(self, ch) -> tuple[str | None, list[str]]:
        name, title = _person_from_words(tuple(w for _, _, w in ch))
        return name, list(title)

    @staticmethod
    def _looks_like_name(words: list[str]) -> bool:
        data = sourcing_data()
        full = norm(" ".join(words))
        if full in data.entities:
            return data.entities[full].person
        for w in words:
            n = norm(_strip_possessive(w)[0])
            if (n in _ORG_WORDS or n in data.place_side or n in data.not_speakers
                    or n in data.role_type or n in data.entities and not data.entities[n].person
                    or any(c.isdigit() for c in n) or n in _DETERMINERS):
                return False
        return True

    @staticmethod
    def _canonical_person(name: str) -> str:
        data = sourcing_data()
        ent = data.entities.get(norm(name))
        return ent.name if ent and ent.person else name

    def person_speaker(self, canon: str) -> Speaker:
        data = sourcing_data()
        ent = data.entities.get(norm(canon))
        if ent:
            return entity_speaker(ent)
        if self.reg.author and norm(canon) == norm(self.reg.author):
            return Speaker(canon, "self", "other" if self.reg.outlet_side == "none"
                           else self.reg.outlet_side, "self", "the article's own writer")
        titles = " ".join(sorted(self.reg.titles.get(canon, ()))).split()
        side, typ, why = side_and_type(titles)
        return Speaker(canon, typ, side, "person", why or "not in the speakers table")

    # -- resolving one chunk ----------------------------------------------------------
    def resolve_chunk(self, ch, allow_unknown: bool) -> Speaker | None:
        """The speaker a run of capitalised words names, if any. The answer depends only on
        the words and the registry (complete once built), so each run is resolved once."""
        key = (tuple(w for _, _, w in ch), allow_unknown)
        if key not in self._resolved:
            self._resolved[key] = self._resolve_chunk(ch, allow_unknown)
        return self._resolved[key]

    def _resolve_chunk(self, ch, allow_unknown: bool) -> Speaker | None:
        data = sourcing_data()
        while len(ch) > 1 and norm(ch[0][2]) in data.not_speakers:
            ch = ch[1:]  # "After Herzog", "In Moscow"
        words = [w for _, _, w in ch]
        # a known organisation or person, possibly after a determiner or a possessive place
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                phrase = norm(" ".join(words[i:j]))
                if phrase in data.entities:
                    ent = data.entities[phrase]
                    if ent.person and j == len(words) and j - i >= 2:
                        return entity_speaker(ent)  # a full name ends the chunk: "UN chief X Y"
                    if j == len(words) or not ent.person:
                        if i == 0 or norm(words[i - 1]) in _DETERMINERS or _strip_possessive(
                                words[i - 1])[1] or norm(words[i - 1]) in data.role_type or norm(
                                words[i - 1]) in _TITLE_WORDS or norm(words[i - 1]) in data.place_side:
                            if ent.person or j == len(words):
                                return entity_speaker(ent)
        # "Russia's Foreign Ministry" -> "Russian Foreign Ministry"
        base, poss = _strip_possessive(words[0])
        if poss and len(words) > 1 and norm(base) in data.demonym \
                and any(norm(w) in _INSTITUTIONS for w in words[1:]):
            rest = " ".join(words[1:])
            name = f"{data.demonym[norm(base)]} {rest}"
            ent = data.entities.get(norm(name))
            if ent:
                return entity_speaker(ent)
            side, typ, _ = side_and_type([base, *words[1:]], "official")
            return Speaker(name, typ, side, "thing", data.place_reason.get(norm(base), ""))
        person, title = self._person_from_chunk(ch)
        if person:
            return self.person_speaker(self._canonical_person(person))
        core = [w for w in words if norm(w) not in _DETERMINERS]
        if len(core) >= 2 and norm(core[-1]) in _INSTITUTIONS | {"agency", "council", "committee"}:
            side, typ, why = side_and_type(core, "official")  # "the Foreign Ministry"
            return Speaker(" ".join(core), typ, side, "thing", why or "an institution")
        rest = [w for w in words if norm(w) not in _DETERMINERS]
        while rest and (norm(rest[0]) in _TITLE_WORDS or _person_role(rest[0])
                        or norm(_strip_possessive(rest[0])[0]) in data.place_side and len(rest) > 1):
            rest.pop(0)
        if len(rest) != 1:
            if len(rest) >= 2 and any(norm(w) in _ORG_WORDS for w in rest[1:]) \
                    and not any(norm(w) in _PLACE_ORG for w in rest):  # "National News Agency"
                name = " ".join(rest)
                side, typ, why = side_and_type(words, "official")
                if any(norm(_strip_possessive(w)[0]) in _COMPANY for w in rest):
                    typ, why = "other", why or "a company, club or charity: it speaks for itself"
                return Speaker(name, typ, side, "thing", why)
            return None
        word = _title_case(_strip_possessive(rest[0])[0])
        key = norm(word)
        if key in data.not_speakers:
            return None
        if key in self.reg.full_names:
            return self.person_speaker(self.reg.full_names[key])
        if key in data.surnames:
            return entity_speaker(data.surnames[key])
        if key in data.metonyms:
            ent = data.entities.get(key)
            if ent:
                return entity_speaker(ent)
            return Speaker(word, "official", data.place_side[key], "thing",
                           data.place_reason.get(key, ""))
        if key in data.place_side:
            if key.endswith("s"):  # "the Palestinians", "Israelis"
                return Speaker(word, "official", data.place_side[key], "group",
                               data.place_reason.get(key, ""))
            return None
        if key in _ORG_WORDS or key in data.role_type:
            return None
        if allow_unknown and word[:1].isupper():
            side, typ, why = side_and_type(title)
            if not title and len(word) > 3 and any(c.isupper() for c in word[1:]):
                # "StudyPal said": a one-word name never given a first name, written like a brand
                return Speaker(word, typ, side, "thing", why or "a name not in the speakers table")
            return Speaker(word, typ, side, "person", why or "not in the speakers table")
        return None

    # -- titles and pronouns -----------------------------------------------------------
    def resolve_role(self, words: list[str], pos: int) -> Speaker | None:
        """'the minister', 'the Israeli prime minister', 'his counterpart' -> a person named earlier."""
        data = sourcing_data()
        low = [norm(w) for w in words]
        role = low[-1]
        if len(low) >= 2 and " ".join(low[-2:]) in data.role_type:
            role = " ".join(low[-2:])
        mods = [w for w in low[:-1] if w not in _DETERMINERS]
        side = next((data.place_side[_strip_possessive(m)[0]] for m in mods
                     if _strip_possessive(m)[0] in data.place_side), None)
        ends = self._mention_ends()
        k = bisect_right(ends, pos)
        before = self.reg.mentions[max(0, k - 200):k]  # the last 200 mentions are plenty
        if role == "counterpart" or role in ("host", "guest", "interlocutor"):
            current = self.state.person.name if self.state.person else None
            for m in reversed(before):
                if m.name != current:
                    return self.person_speaker(m.name)
            return None
        wanted = set(data.role_synonyms.get(role, ())) | {role}
        if mods and mods[-1] in ("prime", "foreign", "defense", "defence") and " " not in role:
            wanted = {f"{mods[-1]} {role}"}
        for m in reversed(before):
            sp = self.person_speaker(m.name)
            if side and sp.side != side:
                continue
            titles = " | ".join(sorted(self.reg.titles.get(m.name, ())))
            ent = data.entities.get(norm(m.name))
            roles = " | ".join(ent.roles if ent else ())
            text = titles + " | " + roles
            if any(w in text for w in wanted):
                return sp
        return None

    def _mention_ends(self) -> list[int]:
        if getattr(self, "_ends", None) is None or len(self._ends) != len(self.reg.mentions):
            self._ends = [m.end for m in self.reg.mentions]
        return self._ends

    def resolve_pronoun(self, pronoun: str) -> Speaker | None:
        kind = PRONOUNS.get(pronoun.lower())
        if kind == "person":
            return self.state.person
        if kind == "thing":
            return self.state.thing
        if kind == "group":
            return self.state.group
        return None

    def self_speaker(self) -> Speaker:
        name = self.reg.author or "the author"
        ent = sourcing_data().entities.get(norm(name))
        side = ent.side if ent else ("other" if self.reg.outlet_side == "none" else self.reg.outlet_side)
        return Speaker(name, "self", side, "self", "the article's own writer")
