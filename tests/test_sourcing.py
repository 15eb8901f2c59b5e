"""The sourcing analysis on small made-up texts from other outlets and events.

These are not the bundled articles: they check that the general patterns (reporting
verbs, "according to", anonymous sources, credits, pronouns, furniture) work on copy
the rules were not written against.
"""

from __future__ import annotations

import re
import time

from mediakit.analysis.sourcing import find_sources
from mediakit.corpus import Article
from mediakit.findings import check_offsets


def sources(text: str, **meta) -> list:
    article = Article.from_text(text, id="test", **meta)
    found = find_sources(article)
    check_offsets(text, found)
    return found


def one(found, speaker: str, form: str | None = None):
    hits = [f for f in found if f.fields["speaker"] == speaker and (form is None or f.label == form)]
    assert hits, f"no {form or ''} finding for {speaker!r} in {[f.to_record() for f in found]}"
    return hits[0]


BBC = """Ceasefire talks stall as envoys leave Cairo

By Jane Smith, BBC News

Egyptian Foreign Minister Sameh Shoukry hosted both delegations on Saturday.

The minister told reporters on Sunday that both sides had "shown flexibility" but that gaps remained.

According to a UN report published on Monday, more than 40,000 people have been displaced since March.

Sources close to the talks said the delegations would return to Cairo next week.

"We are not there yet," said Ahmed Hassan, a senior Egyptian diplomat. \
He said a new proposal would be presented "within days".

An Israeli official, speaking on condition of anonymity, said the army was ready to resume operations.

With reporting by Reuters, AFP and dpa

Share this story
The government has declared the broadcaster an "undesirable organisation", officials said.
"""


def test_a_title_resolves_to_the_person_named_before():
    f = one(sources(BBC), "Sameh Shoukry", "indirect")
    assert f.text.startswith("The minister told reporters on Sunday that both sides")
    assert f.fields["side"] == "other"  # Egyptian: not one of the main parties
    quote = one(sources(BBC), "Sameh Shoukry", "direct")
    assert quote.text == "shown flexibility"
    assert "Sameh Shoukry" in quote.reason and "quotation marks" in quote.reason


def test_according_to_a_report_names_its_publisher_as_a_document():
    f = one(sources(BBC), "United Nations")
    assert f.label == "indirect" and f.fields["type"] == "document"
    assert "according to" in f.reason


def test_sources_close_to_the_talks_are_anonymous():
    f = one(sources(BBC), "unnamed sources")
    assert f.fields["type"] == "anonymous"
    assert f.text.startswith("Sources close to the talks said")


def test_an_unnamed_official_keeps_the_nationality_and_not_the_army():
    found = sources(BBC)
    f = one(found, "unnamed Israeli official")
    assert (f.fields["type"], f.fields["side"]) == ("anonymous", "israel")
    assert not [g for g in found if g.fields["speaker"].lower().endswith("army")]


def test_quote_followed_by_said_and_pronoun_in_the_next_sentence():
    found = sources(BBC)
    assert one(found, "Ahmed Hassan", "direct").text == "We are not there yet"
    later = [f for f in found if f.fields["speaker"] == "Ahmed Hassan" and f.text == "within days"]
    assert later, "'He said' should resolve to Ahmed Hassan"


def test_wire_credit_gives_one_finding_per_agency_and_a_byline():
    found = sources(BBC)
    credits = {f.fields["speaker"]: f for f in found if f.label == "credit"}
    assert {"Reuters", "AFP", "dpa", "Jane Smith", "BBC"} <= set(credits)
    assert credits["dpa"].text == "dpa" and credits["dpa"].fields["type"] == "wire"
    assert credits["Jane Smith"].fields["type"] == "journalist"


def test_furniture_after_the_credit_line_is_not_a_source():
    found = sources(BBC)
    tail = BBC.index("With reporting by")
    assert all(f.label == "credit" for f in found if f.start >= tail)


TASS_STYLE = """Lavrov: Moscow ready for talks without preconditions

MOSCOW, June 2 (TASS) - Russian Foreign Minister Sergey Lavrov said on Friday that Moscow \
was ready to resume talks.

Speaking at a news conference, Lavrov told journalists:

"We have never refused to negotiate. The ball is in their court."

The Kremlin reportedly approved the new proposal last week.

In a statement, the ministry said it had "no illusions" about the outcome.
"""


def test_spelling_variants_resolve_to_the_canonical_name():
    found = sources(TASS_STYLE)
    f = one(found, "Sergei Lavrov", "indirect")
    assert f.fields["side"] == "russia" and f.fields["type"] == "official"


def test_headline_label_and_dateline_credit():
    found = sources(TASS_STYLE)
    head = [f for f in found if f.start == 0]
    assert head and head[0].fields["speaker"] == "Sergei Lavrov" and head[0].label == "indirect"
    dateline = one(found, "TASS", "credit")
    assert dateline.text == "TASS" and dateline.fields["side"] == "russia"


def test_quote_paragraph_after_a_colon_belongs_to_the_speaker_before():
    f = one(sources(TASS_STYLE), "Sergei Lavrov", "direct")
    assert f.text.startswith("We have never refused to negotiate.")


def test_reportedly_is_an_anonymous_source():
    f = one(sources(TASS_STYLE), "unnamed reports")
    assert f.fields["type"] == "anonymous" and "reportedly" in f.reason


TRANSCRIPT = """An interview with the mayor.

Anna Berg: Why did the city close the bridge?

Tomas Novak: It was not safe. The engineers told us so in March.

Anna Berg: And when will it open again?
"""


def test_interview_turns_are_direct_quotes_of_the_labelled_speaker():
    found = sources(TRANSCRIPT)
    turns = [(f.fields["speaker"], f.text) for f in found if f.label == "direct"]
    assert ("Tomas Novak", "It was not safe. The engineers told us so in March.") in turns
    assert ("Anna Berg", "Why did the city close the bridge?") in turns


SCARE = """The so-called "peace plan" was unveiled at the "Future of Europe" forum on Monday.

Critics called it a "fig leaf", but the government insisted it was a serious offer.
"""


def test_scare_quotes_and_titles_are_not_sources():
    found = sources(SCARE)
    assert not [f for f in found if f.text in ("peace plan", "Future of Europe")]
    assert one(found, "government").label == "indirect"


OPED = """The West still doesn't get Tehran

By Paul Green

As I argued in my column last month, sanctions alone will not change Iran's course. \
I think the talks are doomed.

Iran's repeated calls for a new deal have gone unanswered.
"""


def test_the_writer_citing_his_own_column_is_self():
    found = sources(OPED, author="Paul Green", genre="opinion")
    selfs = [f for f in found if f.fields["type"] == "self"]
    assert selfs and selfs[0].text.startswith("I argued in my column")
    assert not [f for f in selfs if "I think" in f.text], "an opinion is not a citation"
    assert one(found, "Iran").text.startswith("Iran's repeated calls")


def test_related_headline_lists_are_furniture():
    text = ("Lavrov said talks would resume.\n\n"
            "Minister Lavrov: We Will Talk To Anyone\n"
            "'Hard To Believe': Trump Rejects Report\n"
            "Kremlin Denies Claims Of New Offensive\n"
            "Israel Says Strikes Will Continue\n")
    found = sources(text)
    assert [f.fields["speaker"] for f in found] == ["Sergei Lavrov"]


def test_every_finding_has_a_reason_and_exact_offsets():
    for text in (BBC, TASS_STYLE, TRANSCRIPT, SCARE):
        for f in sources(text):
            assert f.reason.strip() and f.fields["speaker"]
            assert text[f.start:f.end] == f.text


def test_linear_time_on_two_megabytes_of_quotes_and_capitals():
    unit = ('"We will never accept this," Putin said. "Capital ' + "Word " * 40 + '" '
            + "‘" * 50 + '"' * 50 + " Mr. A. B. C. SAID said said According to ")
    text = (unit * (2_000_000 // len(unit) + 1))[:2_000_000]
    t = time.perf_counter()
    found = find_sources(Article.from_text(text))
    elapsed = time.perf_counter() - t
    assert found and elapsed < 60, f"2 MB took {elapsed:.1f} s"


AJ_STYLE = """Doha, Qatar - Qatar's foreign ministry spokesman Majed al-Ansari said on Tuesday \
that negotiators were "closer than ever" to an agreement.

"We are in the final stages," he told Al Jazeera in an interview.

A senior Hamas official, who asked not to be named, said the group had received the proposal.

Hezbollah, in a statement carried by its Al-Manar TV channel, claimed responsibility. \
The group said the attack was a response to "aggression".

Source: Al Jazeera and news agencies
"""


def test_parentheticals_pronouns_and_anaphora():
    found = sources(AJ_STYLE)
    quote = next(f for f in found if f.text == "We are in the final stages")
    assert quote.fields["speaker"] == "Majed al-Ansari" and quote.label == "direct"
    tag = [f for f in found if f.text.startswith("he told Al Jazeera")]
    assert not tag, "a quote's tag is not a second, paraphrased attribution"
    hamas = one(found, "unnamed senior Hamas official")
    assert (hamas.fields["type"], hamas.fields["side"]) == ("anonymous", "palestinian")
    claim = [f for f in found if f.text.startswith("Hezbollah, in a statement")]
    assert claim and claim[0].fields["speaker"] == "Hezbollah"
    assert one(found, "Hezbollah", "direct").text == "aggression"  # "The group said"
    assert one(found, "Al Jazeera", "credit").text == "Al Jazeera"


def test_sources_table_and_profile_count_the_same_findings():
    from mediakit.tables.sourcing import sources_table, sourcing_profile

    article = Article.from_text(BBC, id="bbc-test", outlet="BBC")
    table = sources_table(article)
    assert list(table["form"]) == [f.label for f in find_sources(article)]
    profile = sourcing_profile([article])
    got = profile.set_index(["measure", "category"])["count"]
    assert got[("form", "credit")] == (table["form"] == "credit").sum() == 5
    assert got[("sources", "attributions")] == len(table) - 5
    assert got[("named", "anonymous")] == 2  # the sources close to the talks, the official
    assert got[("credits", "wire")] == 3
    assert got[("side", "israel")] == 1


def test_sources_table_shows_link_text_not_link_syntax():
    """A copied web page keeps its links as "[words](address)": the table shows the words,
    and its offsets still point at the exact span of the article."""
    from mediakit.tables.sourcing import sources_table

    text = ('Officials met in Sochi. "We agreed on [the main points](https://example.org/a)," '
            'the minister said. [Reuters](#) reported that talks would go on.')
    article = Article.from_text(text, id="links", outlet="Test")
    table = sources_table(article)
    assert len(table) >= 2
    assert not table["text"].str.contains(r"\]\(|\[", regex=True).any(), list(table["text"])
    assert any("the main points" in t for t in table["text"])
    for row in table.itertuples():
        assert row.text == re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text[row.start:row.end])


def test_charts_stack_sides_per_outlet_with_tooltips():
    from mediakit.charts.sourcing import direct_indirect_chart, sources_by_side_chart
    from mediakit.tables.sourcing import sourcing_profile

    profile = sourcing_profile([Article.from_text(BBC, id="bbc", outlet="BBC"),
                                Article.from_text(TASS_STYLE, id="tass", outlet="TASS")])
    side = sources_by_side_chart(profile).to_dict()
    assert side["encoding"]["color"]["field"] == "category"
    assert {t["field"] for t in side["encoding"]["tooltip"]} == {"outlet", "category", "count"}
    form = direct_indirect_chart(profile).to_dict()
    assert form["encoding"]["y"]["field"] == "id"


AP_STYLE = """MOSCOW (AP) — Russia on Tuesday ordered the expulsion of four diplomats, the Foreign \
Ministry said.

“We’re ready for any scenario,” she said Tuesday.

A person familiar with the matter, who spoke on condition of anonymity, said talks had stalled.

Copyright 2023 The Associated Press. All rights reserved.
"""


def test_ap_style_dateline_institution_and_unnamed_person():
    found = sources(AP_STYLE)
    assert one(found, "AP", "credit").text == "AP"
    ministry = one(found, "Russian Foreign Ministry")
    assert ministry.fields["side"] == "russia" and ministry.text.startswith("Russia on Tuesday")
    assert one(found, "unnamed person").fields["type"] == "anonymous"
    # "she" with no woman named before: better no speaker than a wrong one
    assert not [f for f in found if "ready for any scenario" in f.text]


# -- ordinary news copy: common-noun speakers, documents, vague and anonymous sources ------
COUNCIL = """Bridge to reopen next month

The mayor of Leeds, Jane Brown, said the bridge is safe. Engineers checked every bolt.

Residents said they had not been consulted. "Nobody knocked on my door," said one neighbour, \
Tom Hale.

According to the council's engineering report, the repairs cost £1.2 million.

"We are confident," the mayor said on Tuesday.
"""


def test_a_common_noun_speaker_resolves_to_the_full_name_given_before():
    found = sources(COUNCIL)
    first = one(found, "Jane Brown", "indirect")
    assert (first.fields["type"], first.fields["side"]) == ("official", "none")  # "mayor": official
    quote = one(found, "Jane Brown", "direct")
    assert quote.text == "We are confident"
    assert "named earlier as Jane Brown" in quote.reason and "the mayor" in quote.reason
    assert one(found, "residents").fields["type"] == "other"
    assert one(found, "Tom Hale", "direct").text == "Nobody knocked on my door"
    report = one(found, "council")
    assert report.fields["type"] == "document" and report.text.startswith("According to the council")


def test_an_unnamed_title_group_or_document_is_kept_as_the_speaker():
    cases = {
        "The mayor said the bridge is safe.": ("the mayor", "official"),
        "The minister said the talks would resume.": ("the minister", "official"),
        "Police said two people died.": ("police", "official"),
        "Prosecutors said the man stole $4m.": ("prosecutors", "official"),
        "Analysts said shares would fall.": ("analysts", "expert"),
        "Witnesses said the car was speeding.": ("witnesses", "other"),
        '"The bridge is safe," the mayor said.': ("the mayor", "official"),
        "According to the report, the bridge is safe.": ("report", "document"),
        "According to a leaked memo, the plan was dropped.": ("leaked memo", "document"),
        "The study found that walkers live longer.": ("study", "document"),
        "A source close to the minister told us the talks failed.": ("unnamed source", "anonymous"),
        "The talks failed, sources familiar with the matter said.": ("unnamed sources", "anonymous"),
        "Experts agree the bridge is safe.": ("experts", "expert"),
        "It is widely believed that the bridge is safe.": ("unnamed source", "anonymous"),
    }
    for text, (speaker, typ) in cases.items():
        found = sources(text)
        assert len(found) == 1, (text, [f.to_record() for f in found])
        assert (found[0].fields["speaker"], found[0].fields["type"]) == (speaker, typ), text
        assert found[0].reason and "{" not in found[0].reason


def test_actions_that_only_look_like_reports_are_not_sources():
    for text in ("The leaders agreed to meet again next week.", "Police found a body near the river.",
                 "The company opened two factories in Ohio.", "Herzog posted a photo of the dinner."):
        assert sources(text) == [], text


def test_a_partial_quote_that_is_the_whole_report_gives_only_the_direct_entry():
    found = sources('Judge Helen Carter said he had shown "no real remorse".\n\n'
                    'His lawyer, David Moss, said his client was "deeply ashamed" and had repaid '
                    'part of the money.')
    assert [f.label for f in found if f.fields["speaker"] == "Helen Carter"] == ["direct"]
    assert sorted(f.label for f in found if f.fields["speaker"] == "David Moss") == ["direct", "indirect"]


def test_spokesperson_for_a_body_and_a_description_before_a_name():
    found = sources("The hospital trust blamed a rise in flu cases. A spokeswoman for the trust said "
                    "staff were tired.\n\n\"We have sandbags ready,\" said council leader Mark Owens.")
    assert len([f for f in found if f.fields["speaker"] == "hospital trust"]) == 2
    assert one(found, "Mark Owens", "direct").fields["type"] == "official"


def test_profile_summary_has_one_row_per_article_and_charts_by_article():
    from mediakit.charts.sourcing import sources_by_side_chart
    from mediakit.tables.sourcing import SUMMARY_COLUMNS, profile_summary, sourcing_profile

    articles = [Article.from_text(BBC, id="bbc", outlet="BBC"),
                Article.from_text(TASS_STYLE, id="tass", outlet="TASS")]
    profile = sourcing_profile(articles)
    summary = profile_summary(profile)
    assert list(summary.columns) == SUMMARY_COLUMNS and list(summary["id"]) == ["bbc", "tass"]
    bbc = summary.set_index("id").loc["bbc"]
    assert bbc["credits"] == 5 and bbc["wire credits"] == 3 and bbc["anonymous sources"] == 2
    assert bbc["sources"] == bbc["named sources"] + bbc["anonymous sources"]
    chart = sources_by_side_chart(profile, by="article").to_dict()
    assert chart["encoding"]["y"]["field"] == "id"
    assert sources_by_side_chart(profile).to_dict()["encoding"]["y"]["field"] == "outlet"
    try:
        sources_by_side_chart(profile, by="week")
    except ValueError as err:
        assert "outlet" in str(err)
    else:
        raise AssertionError("an unknown grouping must be refused")


def test_letters_that_match_ascii_ones_read_as_those():
    # "ſ" (long s) and "K" (Kelvin sign) match "s" and "k" in the patterns; their lookups
    # must find the same reporting verb (this used to crash with a KeyError)
    plain = sources("Mayor Jane Brown said the bridge would reopen in May.")
    twins = sources("Mayor Jane Brown ſaid the bridge would reopen in May.")
    assert [(f.label, f.fields["speaker"], f.reason) for f in twins] == \
        [(f.label, f.fields["speaker"], f.reason.replace("'said'", "'ſaid'")) for f in plain]
    quote = sources("“We will wait for the engineers,” Mayor Jane Brown ſaid on Monday.")
    assert one(quote, "Jane Brown", "direct")
