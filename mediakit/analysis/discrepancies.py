"""Discrepancies: two articles give different numbers or dates for the same thing.

Every number, date, year and weekday in the story's claims (page furniture left out) is
taken with the content words around it (up to `WINDOW` words each side, same sentence).
Each mention in one article is paired with the mention of the same kind in another
article whose surrounding words agree most (at least `MIN_SHARED` shared content words,
covering at least `MIN_OVERLAP` of the smaller context, rare words weighing more). If
that best partner gives a different value, the pair is reported: "more than 1 million" vs
"over 1.5 million" ex-Soviet immigrants, or "On Wednesday" vs "September 12" (a weekday
and a date are compared by working out the date's weekday; the year comes from the date
itself or from the article's `published` metadata, else the pair is not judged).
Pairing with the *best* partner first means a figure that one outlet repeats correctly
elsewhere is not reported just because a nearby sentence has another number.

Linear in the text: one token pass per claim; mentions are paired through an index of
their context words (at most `MAX_PARTNERS` partners per mention are scored).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ..corpus import Article
from .claims import split_claims
from .omissions import STOPWORDS, stem

WINDOW = 10
MIN_SHARED = 2
MIN_OVERLAP = 0.2
DECAY = 4  # a context word 4 words away counts half as much as an adjacent one
MAX_PARTNERS = 20

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split())}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# words before a number that make it a bound or an estimate (grammar, not judgement)
QUALIFIERS = {
    ("more", "than"): "at least", ("over",): "at least", ("at", "least"): "at least",
    ("upwards", "of"): "at least", ("nearly",): "at most", ("almost",): "at most",
    ("up", "to"): "at most", ("fewer", "than"): "at most", ("less", "than"): "at most",
    ("under",): "at most", ("about",): "about", ("around",): "about",
    ("roughly",): "about", ("approximately",): "about", ("some",): "about",
}

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|[^\W\d_]+")


@dataclass
class Mention:
    article: int
    start: int
    end: int
    kind: str  # "number" | "percent" | "ordinal" | "year" | "date" | "weekday"
    value: object
    bound: str  # "exact" | "at least" | "at most" | "about"
    context: dict[str, int]  # content stem -> position nearest the mention
    year: int | None = None  # for dates: the year given or taken from `published`


def _published_year(article: Article) -> int | None:
    p = article.published or ""
    return int(p[:4]) if re.match(r"\d{4}-", p) else None


def _relative_year(lows: list[str], j: int, pub_year: int | None) -> int | None:
    """'May 9 next year' in an article of 2019 is in 2020; None when unknown."""
    if pub_year is None:
        return None
    shift = {"next": 1, "last": -1, "this": 0}.get(lows[j] if j < len(lows) else "")
    if shift is not None and j + 1 < len(lows) and lows[j + 1] == "year":
        return pub_year + shift
    return None


def _has_relative_year(lows: list[str], j: int) -> bool:
    return j + 1 < len(lows) and lows[j] in ("next", "last") and lows[j + 1] == "year"


def _day(tok: str) -> int | None:
    """A day of the month (1-31) or None. `isdecimal`, not `isdigit`: "²" is a digit that
    int() rejects, and a 5,000-digit number would exceed int()'s limit."""
    return int(tok) if tok.isdecimal() and len(tok) <= 2 and 1 <= int(tok) <= 31 else None


def _num(tok: str) -> float | None:
    t = tok.replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def _mentions(article: Article, ai: int) -> list[Mention]:
    text = article.text
    pub_year = _published_year(article)
    out: list[Mention] = []
    for claim in split_claims(text).claims:
        toks = [(m.start() + claim.start, m.end() + claim.start, m.group())
                for m in _TOKEN_RE.finditer(claim.text)]
        lows = [t[2].lower() for t in toks]
        found: list[tuple[int, int, str, object, str, int | None]] = []  # i0, i1, kind, ...
        i = 0
        while i < len(toks):
            w, low = toks[i][2], lows[i]
            nxt = lows[i + 1] if i + 1 < len(toks) else ""
            month = MONTHS.get(low) if w[0].isupper() else None
            if month and _day(nxt):  # September 12(, 2019)
                j = i + 2
                year = None
                if j < len(toks) and toks[j][2].isdecimal() and len(toks[j][2]) == 4:
                    year = int(toks[j][2])
                    j += 1
                found.append((i, j, "date", (month, int(nxt)), "exact",
                              year or _relative_year(lows, j, pub_year)))
                i = j
                continue
            if _day(low) and MONTHS.get(nxt) \
                    and toks[i + 1][2][0].isupper():  # 9 May (2020)
                j = i + 2
                year = None
                if j < len(toks) and toks[j][2].isdecimal() and len(toks[j][2]) == 4:
                    year = int(toks[j][2])
                    j += 1
                found.append((i, j, "date", (MONTHS[nxt], int(low)), "exact",
                              year or _relative_year(lows, j, pub_year)))
                i = j
                continue
            if low in WEEKDAYS and w[0].isupper():
                found.append((i, i + 1, "weekday", low, "exact", None))
            elif low[:1].isdigit():
                bound, q0 = "exact", i
                for words, b in QUALIFIERS.items():
                    k = len(words)
                    if i >= k and tuple(lows[i - k:i]) == words:
                        bound, q0 = b, i - k
                        break
                if low.endswith(("st", "nd", "rd", "th")):
                    value = _num(low[:-2])
                    if value is not None:
                        found.append((q0, i + 1, "ordinal", value, bound, None))
                    i += 1
                    continue
                value = _num(low)
                if value is None:
                    i += 1
                    continue
                j = i + 1
                kind = "number"
                if nxt in MULTIPLIERS:
                    value *= MULTIPLIERS[nxt]
                    j += 1
                elif nxt == "percent" or text[toks[i][1]:toks[i][1] + 1] == "%":
                    kind = "percent"
                    j += 1 if nxt == "percent" else 0
                elif low.isdecimal() and len(low) == 4 and 1800 <= value <= 2100:
                    kind = "year"
                if kind == "number" and text[toks[i][1]:toks[i][1] + 1] == ":":
                    i += 1  # a clock time, not a quantity
                    continue
                found.append((q0, j, kind, value, bound, None))
                i = j
                continue
            i += 1
        for i0, i1, kind, value, bound, year in found:
            context: dict[str, int] = {}
            for k in range(max(0, i0 - WINDOW), min(len(toks), i1 + WINDOW)):
                if i0 <= k < i1:
                    continue
                low = lows[k]
                if low in STOPWORDS or len(low) < 3 or low[0].isdigit() or low in MONTHS \
                        or low in WEEKDAYS:
                    continue
                s = stem(low)
                dist = i0 - k if k < i0 else k - i1
                context[s] = min(dist, context.get(s, dist))
            if kind == "date" and year is None and not _has_relative_year(lows, i1):
                year = pub_year
            out.append(Mention(ai, toks[i0][0], toks[i1 - 1][1], kind, value, bound, context,
                               year))
    return out


# mentions are compared within a class: a weekday can be checked against a date
_CLASS = {"number": "number", "percent": "percent", "ordinal": "ordinal", "year": "year",
          "date": "day", "weekday": "day"}


def _weekday(m: Mention) -> str | None:
    if m.kind == "weekday":
        return str(m.value)
    if m.year is None:
        return None
    month, day = m.value
    try:
        return WEEKDAYS[dt.date(m.year, month, day).weekday()]
    except ValueError:
        return None


def _differs(a: Mention, b: Mention) -> bool | None:
    """True if the values disagree, False if they agree, None if they cannot be compared."""
    if a.kind == "date" and b.kind == "date":
        if a.year is not None and b.year is not None and a.year != b.year:
            return True
        return a.value != b.value
    if "weekday" in (a.kind, b.kind):
        wa, wb = _weekday(a), _weekday(b)
        return None if wa is None or wb is None else wa != wb
    if a.kind == "number" and b.kind == "number" and max(a.value, b.value) >= 1e3:
        return not math.isclose(a.value, b.value, rel_tol=1e-9)
    return a.value != b.value


def _show(v: str) -> str:
    return v[:1].upper() + v[1:]


def _name(arts: list[Article], i: int) -> str:
    """The outlet, or the article id where two articles come from one outlet."""
    outlet = arts[i].outlet
    if not outlet or outlet == "unknown" or sum(a.outlet == outlet for a in arts) > 1:
        return arts[i].id
    return outlet


def _reason(a: Mention, b: Mention, arts: list[Article], ta: str, tb: str) -> str:
    na, nb = _name(arts, a.article), _name(arts, b.article)
    if "weekday" in (a.kind, b.kind) and a.kind != b.kind:
        day, date = (a, b) if a.kind == "weekday" else (b, a)
        nd, ndate = _name(arts, day.article), _name(arts, date.article)
        tday, tdate = (ta, tb) if day is a else (tb, ta)
        month, dom = date.value
        when = f"{dom} {dt.date(date.year, month, dom):%B} {date.year}"  # no "%-d": not on Windows
        return (f"{nd} says “{tday}” but {ndate} says “{tdate}”, and {when} was a "
                f"{_show(_weekday(date))}, not a {_show(str(day.value))}. One of them has "
                f"the day wrong (or they mean different moments).")
    text = f"{na} says “{ta}” but {nb} says “{tb}” about what seems to be the same thing."
    if a.bound == b.bound == "at least":
        text += (" Both are lower bounds (“more than”), so both may be true, but readers "
                 "get a different idea of the size.")
    elif a.bound != "exact" or b.bound != "exact":
        text += " At least one is an estimate, so check which figure is more precise."
    else:
        text += " Both cannot be right: check another source."
    return text


def find_discrepancies(articles: list[Article]) -> list[dict]:
    """Pairs of number/date mentions in different articles that seem to be about the same
    thing but disagree, each with both spans, a label and a reason."""
    mentions = [m for i, a in enumerate(articles) for m in _mentions(a, i)]
    df: dict[str, int] = defaultdict(int)
    index: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for k, m in enumerate(mentions):
        for s in m.context:
            df[s] += 1
            index[(s, m.article, _CLASS[m.kind])].append(k)
    n = len(mentions) or 1
    idf = {s: math.log(1 + n / c) for s, c in df.items()}

    # a context word counts less the further it stands from the number or date
    near = [{s: idf[s] * DECAY / (DECAY + d) for s, d in m.context.items()} for m in mentions]
    weights = [sum(w.values()) for w in near]

    def partners(k: int, other: int) -> list[tuple[float, int]]:
        """(score, index) of the comparable mentions in article `other` whose context agrees."""
        m = mentions[k]
        cands: dict[int, None] = {}
        for s in sorted(m.context, key=lambda s: (df[s], s)):
            for j in index.get((s, other, _CLASS[m.kind]), ())[:MAX_PARTNERS]:
                cands[j] = None
            if len(cands) >= MAX_PARTNERS:
                break
        out = []
        for j in cands:
            wm, wo = near[k], near[j]
            shared = wm.keys() & wo.keys()
            if len(shared) < MIN_SHARED:
                continue
            small = min(weights[k], weights[j]) or 1.0
            score = sum(max(wm[s], wo[s]) for s in shared) / small
            if score >= MIN_OVERLAP:
                out.append((score, j))
        return out

    found: dict[tuple[int, int], float] = {}
    # quantities: each figure against its best-matching figure in the other article
    # days: one-to-one, best-matching first, so a day both articles agree on is not
    # compared again with the other article's other dates
    for ai in range(len(articles)):
        for bi in range(ai + 1, len(articles)):
            day_pairs = []
            for k, m in enumerate(mentions):
                if m.article not in (ai, bi):
                    continue
                other = bi if m.article == ai else ai
                cands = partners(k, other)
                if not cands:
                    continue
                if m.kind in ("date", "weekday"):
                    day_pairs.extend((sc, k, j) for sc, j in cands if k < j)
                    continue
                score, j = max(cands, key=lambda c: (c[0], -c[1]))
                if _differs(m, mentions[j]):
                    pair = (min(k, j), max(k, j))
                    found[pair] = max(score, found.get(pair, 0.0))
            used: set[tuple[int, str, object]] = set()
            for score, k, j in sorted(day_pairs, key=lambda p: (-p[0], p[1], p[2])):
                keys = [(mentions[x].article, mentions[x].kind, mentions[x].value) for x in (k, j)]
                if any(key in used for key in keys):
                    continue
                used.update(keys)
                if _differs(mentions[k], mentions[j]):
                    found[(k, j)] = score

    results = []
    for (k, j), score in found.items():
        a, b = mentions[k], mentions[j]
        ta, tb = articles[a.article].text[a.start:a.end], articles[b.article].text[b.start:b.end]
        label = "weekday vs date" if {"weekday", "date"} == {a.kind, b.kind} \
            else f"different {a.kind}"
        results.append({
            "label": label,
            "spans": [{"id": articles[x.article].id, "start": x.start, "end": x.end,
                       "text": t, "kind": x.kind}
                      for x, t in ((a, ta), (b, tb))],
            "score": round(min(score, 1.0), 2),
            "reason": _reason(a, b, articles, ta, tb),
        })
    results.sort(key=lambda r: (r["spans"][0]["id"], r["spans"][0]["start"]))
    return results
