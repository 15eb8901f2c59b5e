"""Behaviour of the loaded-wording analysis on small made-up texts from other outlets."""

from __future__ import annotations

import pytest

from mediakit.analysis.loaded import KINDS, charged_terms, find_loaded
from mediakit.analysis.wording_lexicon import lexicon
from mediakit.corpus import Article
from mediakit.findings import check_offsets
from mediakit.tables.wording import loaded_density_by_outlet


def flagged(text: str, **options) -> dict[str, str]:
    article = Article.from_text(text, id="made-up")
    found = find_loaded(article, **options)
    check_offsets(article.text, found)
    assert all(f.reason.strip() and "{match}" not in f.reason for f in found)
    return {f.text: f.label for f in found}


NEUTRAL_WIRE = [
    "WASHINGTON (AP) — The Senate on Thursday passed a $1.2 trillion spending bill, sending "
    "it to the president's desk hours before a midnight deadline. The vote was 74-24. "
    "Republicans, who hold a narrow majority in the House, were divided over the package.",
    "Police in Ohio arrested a man suspected of an attack on a synagogue that left two people "
    "injured. He was charged with attempted murder, officials said.",
    "Shares in technology companies fell sharply after the central bank held interest rates "
    "steady, and oil prices rose 2%. The company reported record profits for the quarter.",
    "The storm completely destroyed dozens of homes and the region was badly damaged. The "
    "fire was entirely contained by Friday, the fire service said.",
    "The government extended the sanctions regime for another year and eased the visa "
    "regime for students. Analysts expect inflation to ease in the spring.",
    "The opposition party, which won 35% of the vote, called for new elections. Government "
    "forces backed by Russian air power retook the town after a week of fighting.",
    "A militant group claimed responsibility for the bombing, which claimed the lives of 12 "
    "people. The patient was admitted to hospital and later discharged.",
]


@pytest.mark.parametrize("text", NEUTRAL_WIRE)
def test_neutral_wire_copy_is_not_flagged(text):
    assert flagged(text) == {}


def test_op_ed_wording_is_flagged_with_kinds():
    found = flagged(
        "The so-called experts have shown their utter contempt for voters. Their disastrous "
        "policies, cheered on by the mainstream media, will be remembered for generations. "
        "The regime's mouthpieces will no doubt call this a conspiracy theory. Reportedly, "
        "the minister knew for months.")
    assert found["so-called experts"] == "delegitimizing"
    assert found["utter contempt"] == "intensifier"
    assert found["disastrous"] == "emotive"
    assert found["mainstream media"] == "label"
    assert found["regime"] == "label"
    assert found["no doubt"] == "intensifier"
    assert found["Reportedly"] == "hedge"
    assert set(found.values()) <= set(KINDS)


def test_words_inside_speech_and_scare_quotes_are_not_flagged():
    text = ('The minister called the report "a disgraceful, utterly baseless smear," and '
            'said its "experts" were "so-called".')
    assert flagged(text) == {}


def test_interview_transcript_turns_are_someone_elses_words():
    text = ("Vladimir Putin: These threats are absolutely unacceptable and evil.\n\n"
            "The interview ended at noon.")
    assert flagged(text) == {}


def test_gap_patterns_stay_inside_one_sentence():
    assert "never support them in any shape or form" in flagged(
        "We will never support them in any shape or form.")
    assert flagged("He never left. Ever since, it works.") == {}


def test_what_it_describes_as_is_a_hedge_unless_it_introduces_a_quote():
    assert flagged("Israel struck what it describes as Iranian targets.") == {
        "what it describes as": "hedge"}
    assert flagged('He wants to fix what he called "deep flaws" in the deal.') == {}


def test_plain_senses_are_excluded():
    assert flagged("Poverty is a vicious cycle in the region.") == {}
    assert flagged("The minister claimed the figures were right.") == {"claimed": "delegitimizing"}
    assert flagged("The vicious attack shocked the town.") == {"vicious": "emotive"}


def test_title_of_office_in_scare_quotes_is_delegitimizing_on_request():
    text = 'He met "President" Smith on Monday.'
    assert flagged(text) == {}
    assert flagged(text, include_scare_titles=True) == {"President": "delegitimizing"}


def test_charged_terms_of_a_quoted_word():
    assert charged_terms("Betrayal") == [("Betrayal", "emotive")]
    assert charged_terms("Balance") == []


def test_every_lexicon_entry_has_a_kind_and_a_reason():
    entries, _, _ = lexicon()
    assert len(entries) > 300
    for entry in entries:
        assert entry.kind in KINDS
        assert len(entry.reason) > 20


def test_density_per_outlet_and_kind():
    a = Article.from_text("The regime lied. " * 10, id="a", outlet="Daily A")
    b = Article.from_text("The council met on Monday. " * 10, id="b", outlet="Daily B")
    rows = {(r["outlet"], r["kind"]): r for r in loaded_density_by_outlet([a, b]).to_dict("records")}
    assert rows[("Daily A", "label")]["count"] == 10
    assert rows[("Daily A", "label")]["per_1000"] == pytest.approx(1000 * 10 / 30, abs=0.01)
    assert rows[("Daily B", "label")]["count"] == 0
    assert len(rows) == 2 * len(KINDS)


def test_five_megabyte_text_finishes():
    """Linear time: a 5 MB article (quotes, loaded words) is analysed in one go."""
    paragraph = ('Officials said the plan was "balanced", while critics called the '
                 'so-called reform "a sham" and the utterly baseless claims of the '
                 '"Ministry" a disgrace. The vote was 74-24 on Thursday. ') * 10
    text = (paragraph + "\n\n") * (5_000_000 // (len(paragraph) + 2) + 1)
    assert len(text) >= 5_000_000
    found = find_loaded(Article.from_text(text))
    assert len(found) > 50_000


def test_wording_tables_and_charts_per_outlet():
    from mediakit.charts.wording import loaded_density_chart, quote_mark_chart
    from mediakit.tables.wording import loaded_density_by_outlet, quote_mark_uses

    a = Article.from_text('The regime lied, "they" said. ' * 5, id="a", outlet="Daily <b>A</b>")
    b = Article.from_text("The council met on Monday. " * 5, id="b", outlet="Daily B")
    density = loaded_density_by_outlet([a, b])
    label = density.set_index(["outlet", "kind"]).loc[("Daily <b>A</b>", "label")]
    assert label["count"] == 5 and label["per_1000"] == pytest.approx(1000 * 5 / a.words, abs=0.01)
    uses = quote_mark_uses([a, b])
    assert uses.groupby("outlet")["count"].sum().to_dict() == {"Daily <b>A</b>": 5, "Daily B": 0}
    for chart in (loaded_density_chart(density), quote_mark_chart(uses)):
        spec = chart.to_dict()
        assert spec["mark"]["type"] == "bar" and spec["encoding"]["tooltip"]
