"""Who is speaking: turn "he", "the minister", "Lavrov" or "Moscow" into one named source.

News copy names a person once in full ("Russian Foreign Minister Sergei Lavrov") and
then by surname, title or pronoun. This module reads the article's capitalised names
once (a `Registry`), then resolves each mention to a canonical `Speaker` with a side
and a type, looked up in `data/speakers.yaml` or guessed from general cues
(`data/speaker_cues.yaml`: "Russian", "Tehran", "spokesman", "analyst" ...).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import Final

from .memo import Memo
from .sourcing_data import Entity, norm, sourcing_data, word_set
from .sourcing_text import cover
from .word_index import Token, tokens

_DETERMINERS: Final = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"}
_TITLE_WORDS: Final = word_set("title_words")
_COMPANY: Final = word_set("company_words")
_ORG_WORDS: Final = word_set("organisation_words") | word_set("place_words") | _COMPANY
_PLACE_ORG: Final = word_set("place_words")  # a place or an event: never speaks
_INSTITUTIONS: Final = word_set("institution_words")
_NAMES_WITH_THE: Final = word_set("names_with_the")
PRONOUNS: Final = {"he": "person", "she": "person", "it": "thing", "they": "group"}
_CONNECTORS: Final = {"al-", "bin", "ibn", "de", "da", "del", "van", "von", "der", "ben", "abu", "el"}


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


class State:
    """What the text last talked about, for pronouns ("he", "it") and titles ("the minister").

    A sentence that reports nothing may still change who "he" is ("Putin arrived on
    Monday."), but finding its subject costs as much as reading a clause, and most of those
    answers are never asked for: the next report names its speaker. So such a sentence is
    `defer`red, and its subject found only when `person` or `last` is read before a newer
    person replaces it. The answers are the same as reading every subject at once."""

    def __init__(self) -> None:
        self._person: Speaker | None = None
        self.thing: Speaker | None = None
        self.group: Speaker | None = None
        self._last: Speaker | None = None
        # subjects not found yet, oldest first (functions to call)
        self._pending: list[Callable[[], Speaker | None]] = []
        self._newer_than_last = 0  # pending[i:] came after the last update of `last`

    def update(self, sp: Speaker | None) -> None:
        if sp is None:
            return
        self._last = sp
        if sp.kind in ("person", "self"):
            self._person = sp
            self._pending.clear()  # older possible subjects can no longer be "he"
        elif sp.kind == "thing":
            self.thing = sp
        else:
            self.group = sp
        self._newer_than_last = len(self._pending)

    def defer(self, subject: Callable[[], Speaker | None]) -> None:
        """`subject()` gives the speaker a sentence is about (or None), for when it is needed:
        a person replaces `person` and `last`, anything else changes nothing."""
        self._pending.append(subject)

    def forget_pending(self) -> None:
        """Drop the subjects never asked for (the reading is over)."""
        self._pending.clear()

    def _settle(self) -> None:
        """Find the newest deferred subject that is a person: it is "he" now."""
        pending, self._pending = self._pending, []
        for i in range(len(pending) - 1, -1, -1):
            sp = pending[i]()
            if sp is not None and sp.kind == "person":
                self._person = sp
                if i >= self._newer_than_last:
                    self._last = sp
                break
        self._newer_than_last = 0

    @property
    def person(self) -> Speaker | None:
        if self._pending:
            self._settle()
        return self._person

    @property
    def last(self) -> Speaker | None:
        if self._pending:
            self._settle()
        return self._last


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


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or norm(word) in _CONNECTORS or word.startswith(("al-", "el-"))


_cap: Callable[[str], bool] = Memo(_is_cap, 1 << 16).__getitem__


def chunks(plain: str, toks: list[Token]) -> list[list[Token]]:
    """Runs of capitalised words separated only by spaces: candidate names.

    Most words are not capitalised, so the loop visits only the capitalised words that
    start a run (found with C-level passes) and the words that extend it."""
    out: list[list[Token]] = []
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
    out: list[str] = []
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


def _looks_like_name(words: list[str]) -> bool:
    """Can these capitalised words be a person's name (not an organisation, place or title)?"""
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


def _canonical_person(name: str) -> str:
    """The speakers table's spelling of a known person's name, else the name as written."""
    data = sourcing_data()
    ent = data.entities.get(norm(name))
    return ent.name if ent and ent.person else name


def _read_person(chunk: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
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
    if not _looks_like_name(words):
        return None, tuple(title)
    words[-1] = _strip_possessive(words[-1])[0]
    return " ".join(words), tuple(title)


_person_from_words: Callable[[tuple[str, ...]], tuple[str | None, tuple[str, ...]]] = \
    Memo(_read_person, 1 << 14).__getitem__


def _key_of_mention(word: str) -> str:
    """The lookup key of a word that may name a known person ("PUTIN'S" -> "putin")."""
    return norm(_title_case(_strip_possessive(word)[0]))


_mention_key: Callable[[str], str] = Memo(_key_of_mention, 1 << 16).__getitem__


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


_ChunkKey = tuple[tuple[str, ...], bool]  # a chunk's words, and whether an unknown name may speak


def _read_chunk(key: _ChunkKey) -> tuple[str, str, Speaker | None]:
    """What a run of capitalised words names, as far as the words alone tell. Names recur
    across articles, so this pure part is cached; `Resolver.resolve_chunk` adds what only the
    article knows (its writer, the titles it gave each person, the full names it used).

    Returns (how, name, speaker): ("speaker", "", a Speaker or None) when the words
    decide; ("person", a canonical full name, None) for a person named in full; ("surname",
    a lookup key, fallback) for one word that is the surname of a person the article named
    in full if the registry has it, else `fallback`. `key` is (the words, whether an unknown
    name may speak)."""
    given, allow_unknown = key
    data = sourcing_data()
    while len(given) > 1 and norm(given[0]) in data.not_speakers:
        given = given[1:]  # "After Herzog", "In Moscow"
    person, title = _person_from_words(given)
    words = list(given)
    # a known organisation or person, possibly after a determiner or a possessive place
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            phrase = norm(" ".join(words[i:j]))
            if phrase in data.entities:
                ent = data.entities[phrase]
                if ent.person and j == len(words) and j - i >= 2:
                    return "speaker", "", entity_speaker(ent)  # a full name ends the chunk: "UN chief X Y"
                if j == len(words) or not ent.person:
                    if i == 0 or norm(words[i - 1]) in _DETERMINERS or _strip_possessive(
                            words[i - 1])[1] or norm(words[i - 1]) in data.role_type or norm(
                            words[i - 1]) in _TITLE_WORDS or norm(words[i - 1]) in data.place_side:
                        if ent.person or j == len(words):
                            return "speaker", "", entity_speaker(ent)
    # "Russia's Foreign Ministry" -> "Russian Foreign Ministry"
    base, poss = _strip_possessive(words[0])
    if poss and len(words) > 1 and norm(base) in data.demonym \
            and any(norm(w) in _INSTITUTIONS for w in words[1:]):
        name = f"{data.demonym[norm(base)]} {' '.join(words[1:])}"
        known = data.entities.get(norm(name))
        if known:
            return "speaker", "", entity_speaker(known)
        side, typ, _ = side_and_type([base, *words[1:]], "official")
        return "speaker", "", Speaker(name, typ, side, "thing", data.place_reason.get(norm(base), ""))
    if person:
        return "person", _canonical_person(person), None
    core = [w for w in words if norm(w) not in _DETERMINERS]
    if len(core) >= 2 and norm(core[-1]) in _INSTITUTIONS | {"agency", "council", "committee"}:
        side, typ, why = side_and_type(core, "official")  # "the Foreign Ministry"
        return "speaker", "", Speaker(" ".join(core), typ, side, "thing", why or "an institution")
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
            return "speaker", "", Speaker(name, typ, side, "thing", why)
        return "speaker", "", None
    word = _title_case(_strip_possessive(rest[0])[0])
    surname = norm(word)
    if surname in data.not_speakers:
        return "speaker", "", None
    return "surname", surname, _one_word_speaker(word, surname, title, allow_unknown)


_chunk_reading: Callable[[_ChunkKey], tuple[str, str, Speaker | None]] = \
    Memo(_read_chunk, 1 << 15).__getitem__


def _one_word_speaker(word: str, key: str, title: tuple[str, ...], allow_unknown: bool) -> Speaker | None:
    """The speaker one capitalised word names when it is not a surname the article gave in
    full: a known surname, a capital standing for its government, a people, or a new name."""
    data = sourcing_data()
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
        side, typ, why = side_and_type(list(title))
        if not title and len(word) > 3 and any(c.isupper() for c in word[1:]):
            # "StudyPal said": a one-word name never given a first name, written like a brand
            return Speaker(word, typ, side, "thing", why or "a name not in the speakers table")
        return Speaker(word, typ, side, "person", why or "not in the speakers table")
    return None


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
        self._resolved: dict[_ChunkKey, Speaker | None] = {}  # resolve_chunk's answers
        self._chunks: list[list[Token]] | None = None
        self._ends: list[int] = []  # where each mention ends (for bisection), with the mentions
        self._build(skip)

    # -- the registry of full names -------------------------------------------------
    def _build(self, skip: list[tuple[int, int]]) -> None:
        plain = self.plain
        toks = tokens(plain, 0, len(plain))
        mask = bytearray(len(plain) + 1)
        for a, b in skip:
            cover(mask, a, b)
        all_chunks = chunks(plain, toks)
        for ch in all_chunks:
            if len(ch) < 2 or mask[ch[0][0]]:
                continue  # one word is never a full name: `_person_from_words` wants two or more
            name, title = _person_from_words(tuple(map(itemgetter(2), ch)))
            if not name:
                continue
            canon = _canonical_person(name)
            last = norm(canon).split()[-1]
            self.reg.full_names.setdefault(last, canon)
            first = norm(canon).split()[0]
            self.reg.full_names.setdefault("first:" + first, canon)
            before = plain[max(0, ch[0][0] - 60):ch[0][0]].split()[-6:]
            while any((w[-1:] in ",.;:\"”“)(" and not (w[-1:] == "." and norm(w[:-1]) in _TITLE_WORDS))
                      or w[:1] in "\"“(" for w in before):
                before.pop(0)  # only the title words right before the name ("Sen." is one)
            before = [w.rstrip(".") if norm(w.rstrip(".")) in _TITLE_WORDS else w for w in before]
            self.reg.titles.setdefault(canon, set()).add(norm(" ".join([*before, *title])))
            leading = _leading_appositive(plain, ch[0][0], ch[-1][1])
            if leading:
                self.reg.titles[canon].add(leading)
            appositive = _appositive(plain, ch[-1][1])
            if appositive:
                self.reg.titles[canon].add(appositive)
        self._chunks = all_chunks  # for the mentions, listed when a title is first resolved

    def _list_mentions(self) -> list[Mention]:
        """Every mention of a known person, full or surname, in order: only titles ("the
        minister") need them, and many articles never use one, so they are listed on demand."""
        if self._chunks is not None:
            data = sourcing_data()
            for ch in self._chunks:
                for s, e, w in ch:
                    key = _mention_key(w)
                    if key in self.reg.full_names:
                        self.reg.mentions.append(Mention(s, e, self.reg.full_names[key]))
                    elif key in data.surnames:
                        self.reg.mentions.append(Mention(s, e, data.surnames[key].name))
            self._chunks = None
            self._ends = [m.end for m in self.reg.mentions]
        return self.reg.mentions

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
    def resolve_chunk(self, ch: list[Token], allow_unknown: bool) -> Speaker | None:
        """The speaker a run of capitalised words names, if any. The answer depends only on
        the words and the registry (complete once built), so each run is resolved once."""
        key: _ChunkKey = (tuple(map(itemgetter(2), ch)), allow_unknown)
        if key not in self._resolved:
            how, name, sp = _chunk_reading(key)
            if how == "person":
                sp = self.person_speaker(name)
            elif how == "surname" and name in self.reg.full_names:
                sp = self.person_speaker(self.reg.full_names[name])
            self._resolved[key] = sp
        return self._resolved[key]

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
        mentions = self._list_mentions()
        k = bisect_right(self._ends, pos)
        before = mentions[max(0, k - 200):k]  # the last 200 mentions are plenty
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
