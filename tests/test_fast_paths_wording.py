"""The fast paths of the wording analyses give exactly what the plain code gives (issue 9).

The quotation-mark and loaded-wording analyses read the words of each article once and
slice windows out of that reading; each test runs the plain reading next to the fast one
on random text built to hit the edge cases (windows that cut words, apostrophes and
possessives, quotation marks next to words, newlines after closing marks, case twins
such as 'ſ', 'K' and 'İ', a final sigma) and requires equal results. (Readability's
shortcuts are checked against textstat itself in test_fast_paths.py.)
"""

from __future__ import annotations

import random
from bisect import bisect_left

import pytest

from mediakit.analysis import quote_marks as QM
from mediakit.analysis import wording_lexicon as WL
from mediakit.analysis import wording_text as WT
from mediakit.analysis.quote_pairs import find_quote_pairs

PIECES = ["said", "Said", "Putin's", "Putin’s", "'s", "’s", "don't", "x-'y", "_a", "é", "-", "’",
          "'", '"', "“", "”", "‘", ".", ". ", '." ', ".”\n", "!)\n", "?' ", "\n", "\n\n", ": ",
          "; ", "\u00a0", "  ", "[link](#)", "12", "ſaid", "Kill", "İt", "ΟΔΟΣ", "Σ", "not",
          "ever", "the regime", "so-called", "in his view", "whatsoever", "never"]


def _texts(seed: int, n: int, length: int = 80) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES + [" "] * 8) for _ in range(rng.randint(0, length)))
            for _ in range(n)]


def _spans(rng: random.Random, text: str, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        a = rng.randint(0, len(text))
        out.append((a, min(len(text), a + rng.randint(0, 12))))
    return sorted(out)


def test_word_windows_equal_findall_of_the_window():
    rng = random.Random(2)
    for text in _texts(2, 300):
        index = WL.Tokens(text).index
        assert index.raw == WT.WORD.findall(text)
        for _ in range(10):
            a = rng.randint(0, len(text))
            b = rng.randint(a - 2, len(text) + 2)  # an empty window too (b < a)
            raw = WT.WORD.findall(text, a, b)
            assert index.window(a, b) == (raw, [WT.norm(w) for w in raw]), (text, a, b)
            limit = rng.randint(0, 4)
            assert index.window(a, b, limit) == (raw[:limit], [WT.norm(w) for w in raw[:limit]])


def test_masked_index_equals_the_words_of_the_masked_text():
    rng = random.Random(3)
    for text in _texts(3, 300):
        spans = _spans(rng, text, rng.randint(0, 6))
        masked = WT.masked(text, spans)
        index = WL.Tokens(text).index.masked(masked, spans)
        words = list(WT.WORD.finditer(masked))
        assert index.raw == [m.group() for m in words], (text, spans)
        assert list(zip(index.starts, index.ends, strict=True)) == [m.span() for m in words]
        assert index.words == [WT.norm(m.group()) for m in words]
        for _ in range(8):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text) + 2)
            raw = WT.WORD.findall(masked, a, b)
            assert index.window(a, b) == (raw, [WT.norm(w) for w in raw]), (text, spans, a, b)


def test_sentence_breaks_equal_the_windowed_scans():
    rng = random.Random(4)
    for text in _texts(4, 300, 200):
        breaks = WT.SentenceBreaks(text)
        for pos in range(len(text) + 1):
            limit = rng.choice([3, 10, 40, 400])
            assert breaks.start(pos, limit) == WT.sentence_start(text, pos, limit), (text, pos, limit)
            assert breaks.end(pos, limit) == WT.sentence_end(text, pos, limit), (text, pos, limit)


# --- the lexicon matcher: candidate words, pair look-up, gaps, sentence numbers on demand ---

LEXICON_PIECES = ["not", "ever", "never", "whatsoever", "in any shape or form", "in his view",
                  "in her view", "in fact", "the regime", "the", "regime", "so-called", "what",
                  "what he called", "extremely", "very", "utter", "indoctrinated", "indoctrinat",
                  "warmongers", "it", "is", "will", "of", "by any means", "supposedly", ".", ". ",
                  "\n", ": ", "; ", "Putin’s", "regime's", '"', "“", "”"]


def _lexicon_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    pieces = LEXICON_PIECES + PIECES[:12]
    return [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def _plain_matches(text: str, skip: list[bool] | None) -> list[tuple[int, int, str]]:
    """The matcher as it was: every word tried against every entry it starts, sentence
    numbers worked out for every word first."""
    _, by_first, other = WL.lexicon()
    found = list(WT.WORD.finditer(text))
    words = [WT.norm(m.group()) for m in found]
    spans = [(m.start(), m.end() - 2 * (m.group()[-2:] in ("'s", "’s"))) for m in found]
    breaks = [m.start() for m in WL._SENTENCE_BREAK.finditer(text)]
    sent = [bisect_left(breaks, m.start()) for m in found]

    def steps_end(i: int, steps: tuple) -> int | None:
        pos, k = i, 0
        while k < len(steps):
            if steps[k] == "GAP":
                for j in range(pos, min(len(words), pos + WL.GAP + 1)):
                    if sent[j] != sent[i]:
                        return None
                    end = WL._match_run(words, j, steps[k + 1])
                    if end is not None:
                        pos = end
                        break
                else:
                    return None
                k += 2
                continue
            end = WL._match_run(words, pos, steps[k])
            if end is None or (end > i and sent[end - 1] != sent[i]):
                return None
            pos, k = end, k + 1
        return pos

    out = []
    for i, word in enumerate(words):
        if skip and skip[i]:
            continue
        entries = list(by_first.get(word, ())) + [e for e in other.get(word[:3], ())
                                                  if WL._ok(e.parts[0][0], word)]
        for entry in entries:
            if entry.second is not None and (i + 1 >= len(words) or words[i + 1] not in entry.second):
                continue
            end = steps_end(i, entry.parts)
            if end is None or WL._plain_sense(words, i, end, entry):
                continue
            if skip and (skip[i] or skip[end - 1]):
                continue
            out.append((spans[i][0], spans[end - 1][1], entry.pattern))
    return out


def test_lexicon_matches_equal_the_plain_matcher():
    rng = random.Random(5)
    for text in _lexicon_texts(5, 400):
        toks = WL.Tokens(text)
        assert toks.words == [WT.norm(m.group()) for m in WT.WORD.finditer(text)]
        assert list(map(toks.span, range(len(toks.words)))) == \
            [(m.start(), m.end() - 2 * (m.group()[-2:] in ("'s", "’s"))) for m in WT.WORD.finditer(text)]
        skip = [rng.random() < 0.2 for _ in toks.words] if rng.random() < 0.5 else None
        got = [(m.start, m.end, m.entry.pattern) for m in WL.matches(text, skip, toks)]
        assert got == _plain_matches(text, skip), text


# --- quotation marks: each pair's windows, names used without marks, echoes of speech ---

QUOTE_PIECES = ['"', '"', "“", "”", "‘", "’", "'", "Foo", "Bar", "Foo’s", "FOO'S", "so-called",
                "said", "told reporters", "the", "regime", "titled", "a", "word", ".", ". ",
                ".\n", "\n", ", ", "(", "[x](#)", "Moscow", "peace talks", "x-", "Kill", "ſaid",
                "He said the peace talks", "were over", "ΟΔΟΣ", "ΟΔΟΣ's", "Foo's's"]


def _quote_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(QUOTE_PIECES + [" "] * 10) for _ in range(rng.randint(0, 90)))
            for _ in range(n)]


def test_pair_windows_equal_a_reading_of_the_masked_text():
    for text in _quote_texts(6, 400):
        pairs = [p for p in find_quote_pairs(text) if WT.WORD.search(text, p.start, p.end)]
        reader = QM._Reader(text, pairs)
        m = WT.masked(text, [(p.start, p.end) for p in pairs])
        for q in reader.items:
            p, parent = q.pair, q.parent
            words = WT.WORD.findall(text, p.start, p.end)[:QM._MAX_WORDS]
            if len(words) < QM._MAX_WORDS and "[" in text[p.start:p.end]:
                words = WT.WORD.findall(WT.strip_links(text[p.start:p.end]))
            seen = text if parent else m
            s0, s1 = WT.sentence_start(seen, p.open), WT.sentence_end(seen, p.outer_end)
            if parent:
                s0, s1 = max(s0, parent.pair.start), min(s1, parent.pair.end)
            before = WT.WORD.findall(seen, s0, p.open)[-QM.REPORTING_WINDOW:]
            after = WT.WORD.findall(seen, p.outer_end, s1)[:10]
            prev = seen[s0:p.open].rstrip(" \t\u00a0([")
            assert (q.words, q.toks) == (words, [WT.norm(w) for w in words]), text
            assert (q.before_raw, q.before) == (before, [WT.norm(w) for w in before]), text
            assert (q.after_raw, q.after) == (after, [WT.norm(w) for w in after]), text
            assert q.sentence_initial == (not prev or prev[-1] in ".!?:\n"), text


def _plain_scan(words: list[str], wanted: dict, flag: str) -> None:
    for i in range(len(words)):
        for key, items in wanted.items():
            if tuple(words[i:i + len(key)]) == key:
                for q in items:
                    q.extra[flag] = True


def _plain_unquoted_names(reader) -> None:
    wanted: dict = {}
    for q in reader.items:
        if 1 <= len(q.words) <= 4 and QM._is_name(q.words):
            wanted.setdefault(tuple(w.replace("’", "'").removesuffix("'s") for w in q.words),
                              []).append(q)
    words = [w.removesuffix("'s") for w in WT.WORD.findall(reader.masked.replace("’", "'"))]
    _plain_scan(words, wanted, "unquoted_elsewhere")


def _plain_inside_speech(reader, items) -> None:
    wanted: dict = {}
    for q in items:
        wanted.setdefault(tuple(q.toks), []).append(q)
    speech = "\n".join(reader.text[q.pair.start:q.pair.end] for q in reader.items
                       if q.use == "speech" and len(q.words) >= QM.LONG_QUOTE)
    _plain_scan([WT.norm(w) for w in WT.WORD.findall(speech)], wanted, "inside_speech")


@pytest.mark.pure_python
def test_quote_uses_equal_those_of_the_plain_scans(monkeypatch):
    texts = _quote_texts(7, 400)
    fast = [[(q.use, q.reason, q.cue) for q in QM.classify_pairs(t)] for t in texts]
    monkeypatch.setattr(QM, "_mark_unquoted_names", _plain_unquoted_names)
    monkeypatch.setattr(QM, "_mark_inside_speech", _plain_inside_speech)
    plain = [[(q.use, q.reason, q.cue) for q in QM.classify_pairs(t)] for t in texts]
    assert fast == plain
    assert any(any(cue == "capitalised" for _, _, cue in uses) for uses in plain)  # the scans ran
