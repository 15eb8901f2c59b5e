"""Readability figures and the corpus overview table."""

from mediakit.analysis.readability import EXPLAINED, prose, readability
from mediakit.corpus import Article
from mediakit.tables.overview import corpus_overview


def test_short_plain_sentences_read_easier_than_long_ones():
    easy = Article.from_text("The cat sat. The dog ran. We ate lunch. It was fun. The sun shone.")
    hard = Article.from_text(
        "Notwithstanding considerable international apprehension, the administration "
        "characterised its unprecedented constitutional reinterpretation as fundamentally "
        "indispensable for institutional modernisation and intergovernmental cooperation.")
    e, h = readability(easy), readability(hard)
    assert set(e) == set(EXPLAINED)
    assert e["grade"] < h["grade"] and e["words_per_sentence"] < h["words_per_sentence"]
    assert e["long_words_pct"] < h["long_words_pct"]
    assert (e["words"], e["sentences"]) == (15, 5)


def test_link_syntax_is_not_counted_as_words():
    assert prose("his trip to \"[Israel](#)\" on [Thursday](http://x.y/z)") == \
        'his trip to "Israel" on Thursday'


def test_whitespace_only_prose_gives_zeros():
    assert readability(Article.from_text("[ ](#)"))["words"] == 0


def test_overview_has_one_row_per_article_oldest_first(corpus):
    table = corpus_overview(corpus.values())
    assert list(table["id"]) == ["rferl-2018-01-29", "jpost-2018-12-17", "rferl-2019-09-12",
                                 "sputnik-2019-09-12", "gr-2020-01-24"]
    assert table.loc[table["id"] == "gr-2020-01-24", "genre"].item() == "opinion"
    assert (table["grade"] > 5).all() and (table["words"] > 500).all()
