"""Credit lines: bylines, "With reporting by AP, dpa ...", "originally published on", image credits.

A credit is not a claim: it tells the reader who wrote or supplied the story. One
finding is made per credited name, so "With reporting by AP, dpa and AFP" shows that
the story leans on three news agencies.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from ..findings import Finding
from .sourcing_data import norm, normalise, sourcing_data
from .sourcing_speakers import Resolver, Speaker

_SPLIT: Final = re.compile(r",|;|\||&|\band\b")
_SENTENCE_END: Final = re.compile(r"[.!?](?:\s|$)")
_CONNECT: Final = {"and", "of", "the", "de", "van", "von", "al", "bin", "dpa", "el", "da"}
_LEAD: Final = " \t-*•–—>_(\u00a0"
# "MOSCOW, March 3 (Reuters) -": the agency that supplied the story, in the dateline
_DATELINE: Final = re.compile(
    r"[A-Z][A-Z .'’-]{1,40}(?:,[^()\n]{0,40})?\(([A-Z][\w./ -]{1,30})\)\s*[-–—]")
# "AP and Reuters contributed to this report."
_CONTRIBUTED: Final = re.compile(r"[ \t]*([A-Z][^\n]{1,80}?) contributed (?:reporting )?to this "
                                 r"(?:report|story|article)\.?[ \t]*$")
# "REUTERS/Maxim Shemetov", "AFP/Getty Images": a photo credit at the end of a caption
_PHOTO: Final = re.compile(r"\b((?:[A-Z][A-Za-z]{1,15} )?[A-Z]{2,15})(?: Photo)?/"
                           r"[A-Z][\w.-]{0,30}(?: [A-Z][\w.-]{0,30}){0,2}\s*$")


def _name_spans(plain: str, a: int, b: int) -> list[tuple[int, int]]:
    """The comma/and-separated names in plain[a:b], as trimmed spans."""
    out: list[tuple[int, int]] = []
    pos = a
    for m in [*_SPLIT.finditer(plain, a, b), None]:
        end = m.start() if m else b
        s, e = pos, end
        while s < e and (plain[s].isspace() or plain[s] in "[*_"):
            s += 1
        while e > s and (plain[e - 1].isspace() or plain[e - 1] in ".]*_:)"):
            e -= 1
        words = plain[s:e].split()
        if e > s and not any(w[:1].islower() and w not in _CONNECT for w in words):
            out.append((s, e))  # "Writing by Tom Black" is another credit, not a name
        pos = m.end() if m else b
    return out


def _speaker_for(name: str, kind: str, res: Resolver, byline_first: bool) -> Speaker:
    data = sourcing_data()
    ent = data.entities.get(norm(name)) or data.entities.get(norm(name.removeprefix("the ")))
    if ent:
        if ent.person:
            return Speaker(ent.name, "journalist" if kind == "byline" else ent.type, ent.side,
                           "person", ent.note)
        return Speaker(ent.name, ent.type, ent.side, "thing", ent.note)
    if kind == "byline" and byline_first:
        side = res.reg.outlet_side
        return Speaker(name, "journalist", side, "person",
                       "the byline names the writer, who works for this outlet")
    if kind == "reporting":
        words = name.split()
        if 2 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words):
            return Speaker(name, "journalist", res.reg.outlet_side, "person",
                           "a reporter credited for gathering the news")
        return Speaker(name, "wire", "none", "thing", "credited as a source of reporting")
    return Speaker(name, "outlet", "none", "thing", "not in the speakers table")


def find_credits(text: str, plain: str, lines: list[tuple[int, int]],
                 res: Resolver) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Credit findings and the spans of the credit lines (skipped by the other rules)."""
    data = sourcing_data()
    findings: list[Finding] = []
    spans: list[tuple[int, int]] = []
    for a, b in lines[:12]:
        m = _DATELINE.match(plain, a, b)
        if m:
            sp = _speaker_for(m.group(1), "reporting", res, False)
            findings.append(Finding.at("sources", text, m.start(1), m.end(1), "credit",
                                       f"the dateline names {sp.name}, the agency that supplied "
                                       "this story", speaker=sp.name, type=sp.type, side=sp.side))
    for a, b in lines:
        lo = max(a, b - 100)  # only the end of a caption
        m = _PHOTO.search(plain, lo, b) if plain.find("/", lo, b) >= 0 else None
        if m and len(plain[a:b].split()) <= 40:
            sp = _speaker_for(m.group(1).title() if m.group(1).isupper() and len(m.group(1)) > 4
                              else m.group(1), "image", res, False)
            findings.append(Finding.at("sources", text, m.start(), m.end(), "credit",
                                       f"a photo credit: the picture comes from {sp.name}",
                                       speaker=sp.name, type=sp.type, side=sp.side))
    for a, b in lines:
        m = _CONTRIBUTED.match(plain, a, b) if plain.find(" contributed ", a, b) >= 0 else None
        if m:
            for s_, e_ in _name_spans(plain, m.start(1), m.end(1)):
                sp = _speaker_for(text[s_:e_], "reporting", res, False)
                findings.append(Finding.at(
                    "sources", text, s_, e_, "credit",
                    f"'contributed to this report' credits {sp.name} with part of the reporting",
                    speaker=sp.name, type=sp.type, side=sp.side))
            spans.append((a, b))
    for a, b in lines:
        line = plain[a:b]
        lead = len(line) - len(line.lstrip(_LEAD))
        low = normalise(line[lead:])
        if not low.startswith(_credit_phrases()):
            continue  # no credit phrase starts this line (most lines): skip the list
        for cr, phrase in zip(data.credits, _credit_phrases(), strict=True):
            if not low.startswith(phrase):
                continue
            after = a + lead + len(cr["phrase"])
            if not phrase.endswith(":") and (after >= b or not plain[after].isspace()):
                continue
            kind = cr["kind"]
            stop = _SENTENCE_END.search(plain, after, b)
            if stop and kind in ("byline", "reporting"):
                b_names = stop.start()  # "Reporting by Reuters. Editing by ...": stop at the full stop
            else:
                b_names = b
            rest = plain[after:b_names].strip()
            if not rest:
                continue
            kind = cr["kind"]
            if kind == "byline":
                words = rest.split()
                if len(words) > 10 or not rest[:1].isupper() and norm(rest) not in data.entities:
                    continue
                if any(w[:1].islower() and w not in ("and", "of", "the", "de", "van", "von", "al")
                       for w in words):
                    continue
            if cr.get("each") or kind == "byline":
                names = _name_spans(plain, after, b_names)
            else:
                names = [_whole(plain, after, b)]
            made = 0
            for n, (s, e) in enumerate(names):
                name = text[s:e].strip()
                if not name or any(c.isdigit() for c in name) or len(name.split()) > 6:
                    continue
                if kind == "byline" and n > 0 and norm(name) not in data.entities \
                        and not name.isupper():
                    continue
                if kind != "byline" and not (name[:1].isupper() or norm(name) in data.entities):
                    continue
                sp = _speaker_for(name, kind, res, n == 0)
                fs, fe = s, e
                if kind == "byline" and n == 0:
                    fs = a + lead
                    e2 = e
                    while e2 < b and text[e2] in "])(#":
                        e2 += 1
                    fe = e2 if text[e:e2].endswith(")") else e
                elif kind in ("origin", "image"):
                    fs, fe = a + lead, b
                    while fe > fs and text[fe - 1].isspace():
                        fe -= 1
                reason = cr["reason"].replace("{speaker}", sp.name)
                if kind == "byline" and n > 0:
                    reason = f"the byline names the outlet {sp.name}, which published the article"
                findings.append(Finding.at("sources", text, fs, fe, "credit", reason,
                                           speaker=sp.name, type=sp.type, side=sp.side))
                made += 1
            if made:
                spans.append((a, b))
            break
    return findings, spans


@cache
def _credit_phrases() -> tuple[str, ...]:
    return tuple(norm(cr["phrase"]) for cr in sourcing_data().credits)


def _whole(plain: str, a: int, b: int) -> tuple[int, int]:
    s, e = a, b
    while s < e and (plain[s].isspace() or plain[s] in "[*_"):
        s += 1
    while e > s and (plain[e - 1].isspace() or plain[e - 1] in ".]*_:"):
        e -= 1
    return s, e
