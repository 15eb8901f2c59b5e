"""Behaviour of the quotation-mark analysis on small made-up texts from other outlets."""

from __future__ import annotations

import time

from mediakit.analysis.quote_marks import find_quote_marks
from mediakit.analysis.quote_pairs import find_quote_pairs
from mediakit.corpus import Article
from mediakit.findings import check_offsets


def uses(text: str) -> dict[str, str]:
    article = Article.from_text(text, id="made-up")
    found = find_quote_marks(article)
    check_offsets(article.text, found)
    assert all(f.reason.strip() for f in found)
    return {f.text: f.label for f in found}


WIRE = (
    "BRUSSELS (Reuters) - EU finance ministers agreed on Tuesday to extend the budget "
    "rules, a move officials described as \"a necessary step\".\n\n"
    "\"We cannot let the recovery stall now,\" Finance Minister Eelco Heinen told "
    "reporters. He said the deal was \"balanced\" and \"fair to all members\".\n\n"
    "According to a draft seen by Reuters, the rules apply \"from January next year\". "
    "The Commission called the agreement \"historic\".\n\n"
    "\"This is good news,\" said Valdis Dombrovskis, the Commission's vice-president."
)


def test_wire_story_with_only_speech_quotes_has_no_scare_quotes():
    found = uses(WIRE)
    assert len(found) == 7
    assert set(found.values()) == {"speech"}


def test_speaker_named_after_the_quote_is_in_the_reason():
    article = Article.from_text('"We will not back down," Lavrov said on Monday.')
    (finding,) = find_quote_marks(article)
    assert finding.label == "speech"
    assert "Lavrov" in finding.reason


def test_op_ed_so_called_peace_plan_is_a_scare_quote():
    found = uses('The government\'s so-called "peace plan" is nothing of the sort, and its '
                 '"experts" have never visited the region.')
    assert found["peace plan"] == "scare"
    assert found["experts"] == "scare"


def test_office_title_in_marks_before_a_name_is_a_scare_quote():
    found = uses('Yesterday "President" Smith met reporters. Later President Smith left.')
    assert found["President"] == "scare"


def test_book_title_after_titled_and_event_names_are_titles():
    found = uses('Her memoir, titled "Becoming Free", came out in 2019. The film premiered '
                 'at the "Voices of Change" festival in Berlin.')
    assert found == {"Becoming Free": "title", "Voices of Change": "title"}


def test_bulleted_list_of_headlines_gives_titles():
    found = uses('Read more:\n\n- "Ministers meet in Oslo"\n- "Talks end without a deal"\n')
    assert set(found.values()) == {"title"}


def test_word_discussed_as_a_word_is_a_mention():
    found = uses('The word "refugee" has a legal meaning. Some use the term "migrant" for '
                 'everyone, but "migrant" means something else.')
    assert set(found.values()) == {"mention"}


def test_coined_names_and_named_works():
    found = uses('A group calling itself "Free Homeland" said it was behind the attack. His '
                 'new book "The Long Road" is out, and protesters chanted "Freedom" outside.')
    assert found == {"Free Homeland": "mention", "The Long Road": "title", "Freedom": "speech"}


def test_label_credited_to_an_authority_is_speech():
    found = uses('The group was declared an "extremist organisation" by the Interior Ministry.')
    assert found["extremist organisation"] == "speech"


def test_single_quoted_words_in_a_headline_are_speech():
    found = uses("Minister Rejects 'Totally Unfounded' Claims Over Budget\n\nThe minister spoke.")
    assert found["Totally Unfounded"] == "speech"


def test_short_quote_echoing_a_longer_quotation_is_speech():
    found = uses('The two sides agreed to cooperate "in practice".\n\n"We will work together, '
                 'in practice and not only in words," the minister said.')
    assert found["in practice"] == "speech"


def test_quote_inside_a_title_is_a_mention_unless_it_is_a_charged_word():
    found = uses("His essay was titled \"Why 'Balance' Is Not 'Betrayal'\" and sold well.")
    assert found["Balance"] == "mention"
    assert found["Betrayal"] == "scare"


def test_pairs_with_no_words_are_not_reported():
    assert uses('He typed "" and then "?" by mistake.') == {}


# A 5 MB text is run through find_loaded in tests/test_loaded.py, which classifies every
# quote pair first, so it covers this analysis too.
def test_one_hundred_thousand_quotation_marks_finish():
    text = ('"' * 50_000) + (' “a ‘b ' * 25_000)
    start = time.perf_counter()
    find_quote_pairs(text)
    find_quote_marks(Article.from_text(text))
    assert time.perf_counter() - start < 120  # only that it finishes: timing is a benchmark
