"""Omitted facts: which claims of one article have no counterpart in the others.

Each article is split into claims (`claims.split_claims`: sentences, long-sentence
clauses, headlines; page furniture left out). Every claim of one article is compared
with every claim of the other articles by shared content words:

    score(a, b) = IDF-weighted share of a's content words that b also uses

Words are lower-cased, stripped of common endings and cut to their first six letters, so
"annex"/"annexation" and "Israel"/"Israeli" count as one word; names spelled two ways
("Sergei"/"Sergey") are joined with rapidfuzz. IDF (inverse document frequency over all
claims being compared) makes rare words count more than "Putin", "said" or "Israel", which
both outlets use everywhere. The score is asymmetric on purpose: it asks "how much of
what a says can be found in b", so a long sentence of b that restates a and adds more
still counts as a counterpart. A counterpart must share at least two content words
(one, for a one-word claim): a single shared name says the topic is the same, not the fact.

Threshold (`SHARED_AT = 0.35`): a claim whose best counterpart restates less than about
a third of its weighted content is reported as omitted by the other articles. Two
reports of one fact in different words typically share the names, numbers and the key
noun or verb of the fact; a different fact told about the same people shares only those
people and common words, which IDF weighs down. On the two Sochi reports, claims the
other outlet leaves out score 0.06-0.32 and most restated facts 0.39-0.75; the cut sits
in that gap and uses no word of any one article. Restatements in wholly different words
("continue cooperation to prevent miscommunication" / "continue the military dialogue")
score low and are reported: lexical overlap cannot see them, so the reason always shows
the closest sentence for the student to judge. `compare(..., threshold=)` lets a
teacher try other cuts.

Cost: an inverted index from word to claims gives each claim its candidate partners
from its rarest words (at most `MAX_CANDIDATES` of them), so two texts of n claims are
compared in O(n * MAX_CANDIDATES) set operations instead of n * n: linear in length.
Below `MAX_CANDIDATES` claims per article the comparison is exact.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..corpus import Article
from .claims import Claim, split_claims

SHARED_AT = 0.35
MIN_SHARED_WORDS = 2  # one shared word is a topic ("Iran"), not the same fact
MAX_CANDIDATES = 100
FUZZY_NAME_SCORE = 80  # rapidfuzz ratio at which two capitalised spellings are one name
FUZZY_MAX_VOCAB = 4000  # skip name-spelling matching for very large inputs (cost V^2)
STEM_LEN = 6
# endings cut before the stem is shortened (longest first; plural -ies -> y)
_SUFFIXES = (("ations", ""), ("ation", ""), ("ments", ""), ("ment", ""), ("ings", ""),
             ("ing", ""), ("ions", ""), ("ion", ""), ("ies", "y"), ("ied", "y"), ("ed", ""),
             ("es", ""), ("ly", ""), ("s", ""))

# Function words carry no fact of their own; kept here (not in data/) because they are
# grammar, not a judgement an instructor would edit.
STOPWORDS = frozenset("""
a about above after again against all also although am among an and any are as at be
because been before being below between both but by can could did do does doing down
during each either even ever every few for from further had has have having he her here
hers herself him himself his how however i if in into is it its itself just like may me
might more most much must my myself no nor not now of off on once only or other our ours
ourselves out over own same she should since so some such than that the their theirs them
themselves then there these they this those though through to too under until up upon us
very was we were what when where whether which while who whom whose why will with within
without would yet you your yours yourself mr mrs ms said says say told tell according
one two new
""".split())

_TOKEN_RE = re.compile(r"[^\W_]+|\d+(?:[.,]\d+)*")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Lower case, common English endings cut, first six letters: a cheap, light stem.

    "annexation"/"annex", "elected"/"elections", "Israel"/"Israeli" meet; "countries"
    and "counterproductive" do not.
    """
    w = word.lower()
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4 and not w.endswith("ss"):
            w = w[: len(w) - len(suffix)] + repl
            break
    return w[:STEM_LEN]


@dataclass
class _Doc:
    article: int
    claim: Claim
    terms: frozenset[str]
    surface: dict[str, str]  # stem -> first surface form in the claim
    capital: frozenset[str]  # stems written with a capital letter inside the claim


def _analyse(claim: Claim, article: int, alias: dict[str, str]) -> _Doc:
    terms: set[str] = set()
    surface: dict[str, str] = {}
    capital: set[str] = set()
    for i, m in enumerate(_TOKEN_RE.finditer(claim.text)):
        w = m.group()
        low = w.lower()
        if low in STOPWORDS or (len(w) < 3 and not w[0].isdigit()):
            continue
        s = alias.get(low, stem(low))
        terms.add(s)
        surface.setdefault(s, w)
        if w[0].isupper() and i > 0:
            capital.add(s)
    return _Doc(article, claim, frozenset(terms), surface, frozenset(capital))


def _name_aliases(splits: list[list[Claim]]) -> dict[str, str]:
    """Join capitalised words spelled two ways in different articles (Sergei/Sergey)."""
    vocab: list[set[str]] = []
    for claims in splits:
        words = set()
        for c in claims:
            for m in _TOKEN_RE.finditer(c.text):
                w = m.group()
                if len(w) >= 5 and w[0].isupper() and w.lower() not in STOPWORDS:
                    words.add(w.lower())
        vocab.append(words)
    alias: dict[str, str] = {}
    if sum(len(v) for v in vocab) > FUZZY_MAX_VOCAB:
        return alias
    for i, words in enumerate(vocab):
        others = sorted(set().union(*(v for j, v in enumerate(vocab) if j != i)))
        other_stems = {stem(w) for w in others}
        for w in sorted(words):
            if stem(w) in other_stems:
                continue
            hit = process.extractOne(w, others, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME_SCORE)
            if hit and hit[0][0] == w[0]:
                alias[w] = stem(hit[0])
    return alias


def _span(claim: Claim) -> dict:
    return {"start": claim.start, "end": claim.end, "text": claim.text}


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _names(ids: list[str], articles: list[Article]) -> str:
    outlets = [a.outlet if a.outlet and a.outlet != "unknown" else a.id for a in articles]
    names = [outlets[i] for i in range(len(articles)) if articles[i].id in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _or_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def compare(articles: list[Article], threshold: float = SHARED_AT) -> dict:
    """Claims each article reports that the others do not, and the claims they share.

    Returns the `mediakit compare --format json` record:
    {"articles": [ids], "only_in": {id: [claim + best_match + reason]},
     "shared": [{id: span, ..., "score"}]}.
    """
    if len(articles) < 2:
        raise ValueError("compare needs at least two articles about the same event")
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise ValueError(f"two articles share an id ({', '.join(ids)}): give each its own id")
    splits = [split_claims(a.text).claims for a in articles]
    alias = _name_aliases(splits)
    docs = [[_analyse(c, i, alias) for c in claims] for i, claims in enumerate(splits)]
    flat = [d for ds in docs for d in ds]
    df: dict[str, int] = defaultdict(int)
    art_df: dict[str, set[int]] = defaultdict(set)
    for d in flat:
        for t in d.terms:
            df[t] += 1
            art_df[t].add(d.article)
    n = len(flat) or 1
    idf = {t: math.log(1 + n / k) for t, k in df.items()}
    postings: dict[tuple[str, int], list[int]] = defaultdict(list)
    first_of: dict[int, int] = {}
    for k, d in enumerate(flat):
        first_of.setdefault(d.article, k)
        for t in d.terms:
            postings[(t, d.article)].append(k)

    def best(d: _Doc, target: int) -> tuple[_Doc | None, float]:
        """Best counterpart of d in article `target`, with its score."""
        cands: dict[int, None] = {}
        for t in sorted(d.terms, key=lambda t: (df[t], t)):  # rarest words first
            for k in postings.get((t, target), ())[:MAX_CANDIDATES]:
                cands[k] = None
            if len(cands) >= MAX_CANDIDATES:
                break
        weight = sum(idf[t] for t in d.terms)
        need = min(MIN_SHARED_WORDS, len(d.terms))
        top, top_score = None, 0.0
        for k in cands:
            o = flat[k]
            common = d.terms & o.terms
            if len(common) < need:
                continue
            score = sum(map(idf.__getitem__, common)) / weight
            if score > top_score or (score == top_score and top is not None
                                     and o.claim.start < top.claim.start):
                top, top_score = o, score
        if top is None and target in first_of:  # no shared word: show its first claim
            top = flat[first_of[target]]
        return top, top_score

    only_in: dict[str, list[dict]] = {i: [] for i in ids}
    shared: list[dict] = []
    in_shared: set[tuple[int, int]] = set()
    for ai, ds in enumerate(docs):
        others = [ids[j] for j in range(len(ids)) if j != ai]
        for d in ds:
            if not d.terms:  # "He agreed." carries no checkable content of its own
                continue
            per = {j: best(d, j) for j in range(len(ids)) if j != ai}
            match, score = max(per.values(), key=lambda ms: ms[1])
            if match is None or score < threshold:
                only_in[ids[ai]].append(_omission(d, match, score, others, articles, ids,
                                                  art_df, idf))
                continue
            if (ai, d.claim.start) in in_shared:
                continue
            entry: dict = {ids[ai]: _span(d.claim)}
            low = 1.0
            for j, (m, s) in per.items():
                if m is not None and s >= threshold:
                    entry[ids[j]] = _span(m.claim)
                    in_shared.add((j, m.claim.start))
                    low = min(low, s)
            entry["score"] = round(low, 2)
            shared.append(entry)
    return {"articles": ids, "only_in": only_in, "shared": shared}


def _omission(d: _Doc, match: _Doc | None, score: float, others: list[str],
              articles: list[Article], ids: list[str], art_df, idf) -> dict:
    where = _names(others, articles)
    record = _span(d.claim)
    if match is None:
        record["best_match"] = None
        record["reason"] = f"{where} has no sentence to compare with."
        return record
    record["best_match"] = {"id": ids[match.article], **_span(match.claim),
                            "score": round(score, 2)}
    missing = {t for t in d.terms if art_df[t] == {d.article}}
    words = _missing_words(d, missing, idf)
    closest = f"the closest is “{_short(match.claim.text)}” (similarity {score:.2f})"
    if words:
        record["reason"] = f"No sentence in {where} mentions {_or_list(words)}; {closest}."
    else:
        record["reason"] = (f"{where} uses these words, but no sentence there says this; "
                            f"{closest}.")
    return record


def _missing_words(d: _Doc, missing: set[str], idf: dict[str, float]) -> list[str]:
    """Up to three words or names of the claim that the other articles never use.

    Names (runs of capitalised words inside the sentence, "Jordan Valley") come first,
    then numbers, then the rarest, longest other words.
    """
    names: list[str] = []
    used: set[str] = set()
    run: list[re.Match] = []
    text = d.claim.text

    def close_run() -> None:
        if run:
            names.append(text[run[0].start():run[-1].end()])
            used.update(stem(m.group()) for m in run)
            run.clear()

    for i, m in enumerate(_TOKEN_RE.finditer(text)):
        w = m.group()
        s = stem(w)
        gap = text[run[-1].end():m.start()] if run else " "
        if i > 0 and w[0].isupper() and s in missing and gap in (" ", "-"):
            run.append(m)
        else:
            close_run()
            if i > 0 and w[0].isupper() and s in missing:
                run.append(m)
    close_run()
    rest = sorted((t for t in missing if t not in used),
                  key=lambda t: (not d.surface[t][0].isdigit(), -idf[t], -len(d.surface[t]),
                                 d.surface[t]))
    return (names + [d.surface[t] for t in rest])[:3]


def format_compare_table(result: dict) -> str:
    """A plain-text table of `compare`'s result, for `mediakit compare --format table`."""
    lines = []
    ids = result["articles"]
    lines.append("Compared: " + ", ".join(ids))
    for aid in ids:
        items = result["only_in"].get(aid, [])
        lines.append("")
        lines.append(f"Only in {aid} ({len(items)} claim{'s' if len(items) != 1 else ''}):")
        lines.append(f"  {'start':>6} {'end':>6} {'score':>5}  claim")
        for it in items:
            bm = it["best_match"]
            sc = f"{bm['score']:.2f}" if bm else "  -  "
            lines.append(f"  {it['start']:>6} {it['end']:>6} {sc:>5}  {_short(it['text'], 80)}")
            if bm:
                lines.append(f"  {'':>6} {'':>6} {'':>5}  ~ {bm['id']}: {_short(bm['text'], 76)}")
    lines.append("")
    lines.append(f"Shared ({len(result['shared'])}):")
    for entry in result["shared"]:
        spans = [(k, v) for k, v in entry.items() if k != "score"]
        first = True
        for k, v in spans:
            head = f"{entry['score']:.2f}" if first else ""
            lines.append(f"  {head:>5}  {k}: {_short(v['text'], 80)}")
            first = False
    return "\n".join(lines)
