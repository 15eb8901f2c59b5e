"""Omitted facts, discrepancies and fact checklists on made-up articles (not the bundled five)."""

from __future__ import annotations

import random
import time

import pytest

from mediakit.analysis.checklists import check_checklist, load_checklist
from mediakit.analysis.claims import split_claims
from mediakit.analysis.discrepancies import find_discrepancies
from mediakit.analysis.omissions import compare, format_compare_table
from mediakit.corpus import Article
from mediakit.problems import InputError

FLOOD_A = """Breaking News
Share
Tweet
Updated 10:32 GMT

Town Flooded After Night Of Heavy Rain

Heavy rain flooded the town of Millbrook on Tuesday, forcing 300 residents from their homes.
Mayor Jane Ortiz said the river rose two metres overnight.

The state government promised $2 million in emergency aid to repair roads and bridges.

Critics said the town's levee had not been repaired since 2015, despite repeated warnings from engineers.

Related stories
Drought hits farmers in the south
Storm season starts early this year

To find out more, click here.
"""

FLOOD_B = """Floodwaters swept through Millbrook on Tuesday and 300 residents had to leave their homes.

The river rose by two metres during the night, Mayor Jane Ortiz said.

Volunteers from the Red Cross opened a shelter at the Lincoln High School gym for 120 people.
"""

FLOOD_C = """Residents of Millbrook were evacuated on Tuesday after floods forced 300 people from their homes.

Volunteers from the Red Cross set up a shelter in the Lincoln High School gym.
"""


def art(text: str, aid: str, outlet: str, published: str | None = None) -> Article:
    return Article.from_text(text, id=aid, outlet=outlet, published=published)


def only_texts(result: dict, aid: str) -> list[str]:
    return [c["text"] for c in result["only_in"][aid]]


def check_spans(result: dict, articles: list[Article]) -> None:
    texts = {a.id: a.text for a in articles}
    for aid, items in result["only_in"].items():
        for it in items:
            assert texts[aid][it["start"]:it["end"]] == it["text"]
            bm = it["best_match"]
            if bm is not None:
                assert texts[bm["id"]][bm["start"]:bm["end"]] == bm["text"]
                assert 0 <= bm["score"] <= 1
            assert it["reason"]
    for entry in result["shared"]:
        for key, span in entry.items():
            if key != "score":
                assert texts[key][span["start"]:span["end"]] == span["text"]


# --- claims ------------------------------------------------------------------------------

def test_splitter_keeps_abbreviations_and_quotes_together():
    text = ('The remains of Sgt. Zachary Baumel were returned by the U.S. Army and Dr. Smith. '
            '"We are glad. It took years," he said. Talks start at 9 a.m. tomorrow.')
    claims = [c.text for c in split_claims(text).claims]
    assert claims == [
        "The remains of Sgt. Zachary Baumel were returned by the U.S. Army and Dr. Smith.",
        '"We are glad.',
        'It took years," he said.',
        "Talks start at 9 a.m. tomorrow.",
    ]


def test_long_sentences_are_cut_into_clauses_with_exact_offsets():
    text = ("The council approved the new budget for schools, roads and the hospital after a long "
            "debate in the town hall on Monday evening -- a plan that the opposition says will "
            "raise local taxes for most families within the next three years.")
    split = split_claims(text)
    assert [c.kind for c in split.claims] == ["clause", "clause"]
    for c in split.claims:
        assert text[c.start:c.end] == c.text
    assert split.claims[1].text.startswith("a plan that")


def test_furniture_is_set_apart():
    split = split_claims(FLOOD_A)
    furniture = [f.text for f in split.furniture]
    claims = [c.text for c in split.claims]
    for bit in ("Breaking News", "Share", "Updated 10:32 GMT", "Drought hits farmers in the south",
                "To find out more, click here."):
        assert any(bit in f for f in furniture), bit
        assert not any(bit in c for c in claims), bit
    assert "Town Flooded After Night Of Heavy Rain" in furniture  # short heading
    assert len(claims) == 4


def test_repeated_caption_and_footer_are_furniture():
    text = ("Crowds gather in the square of Tolvik on Friday as the vote is counted.\n"
            "Crowds gather in the square of Tolvik on Friday as the vote is counted.\n\n"
            "Voters in Tolvik chose a new mayor on Friday after a close race between two "
            "candidates.\n\nThe winner, Ana Berg, promised cheaper buses.\n\n"
            "With reporting by Reuters\nOur journalists report the news in 20 languages.\n")
    split = split_claims(text)
    assert [c.text[:12] for c in split.claims] == ["Crowds gathe", "Voters in To", "The winner, "]
    assert any("20 languages" in f.text for f in split.furniture)


# --- compare -----------------------------------------------------------------------------

def test_fact_missing_in_other_article_is_flagged_and_paraphrase_is_not():
    a, b = art(FLOOD_A, "daily-a", "Daily A"), art(FLOOD_B, "times-b", "Times B")
    result = compare([a, b])
    assert result["articles"] == ["daily-a", "times-b"]
    check_spans(result, [a, b])
    only_a = only_texts(result, "daily-a")
    assert any("$2 million" in t for t in only_a)
    assert any("levee" in t for t in only_a)
    assert not any("forcing 300 residents" in t for t in only_a)
    assert not any("rose two metres" in t for t in only_a)
    only_b = only_texts(result, "times-b")
    assert only_b == [FLOOD_B.splitlines()[4]]  # the Red Cross shelter
    reason = result["only_in"]["times-b"][0]["reason"]
    assert reason.startswith("No sentence in Daily A mentions Red Cross")
    assert "similarity" in reason
    shared = {entry["times-b"]["text"][:20] for entry in result["shared"]}
    assert {"Floodwaters swept th", "The river rose by tw"} <= shared


def test_three_articles():
    arts = [art(FLOOD_A, "a", "A"), art(FLOOD_B, "b", "B"), art(FLOOD_C, "c", "C")]
    result = compare(arts)
    check_spans(result, arts)
    # the shelter is in B and C: not "only in" either of them
    assert not any("Red Cross" in t for t in only_texts(result, "b"))
    assert not any("Red Cross" in t for t in only_texts(result, "c"))
    assert any("levee" in t for t in only_texts(result, "a"))
    assert "B or C" in result["only_in"]["a"][0]["reason"]
    three = [e for e in result["shared"] if {"a", "b", "c"} <= e.keys()]
    assert three, "the evacuation of 300 residents is in all three"


def test_best_match_is_null_when_the_other_article_has_no_claim():
    a = art("Share\nTweet\n", "empty", "E")
    b = art("Volunteers opened a shelter at the school gym on Sunday night.", "full", "F")
    result = compare([a, b])
    assert result["only_in"]["empty"] == []
    (item,) = result["only_in"]["full"]
    assert item["best_match"] is None and item["reason"]


def test_compare_needs_two_articles_with_distinct_ids():
    a = art(FLOOD_A, "a", "A")
    with pytest.raises(ValueError):
        compare([a])
    with pytest.raises(ValueError):
        compare([a, a])


def test_table_formatter_lists_both_sides():
    result = compare([art(FLOOD_A, "a", "A"), art(FLOOD_B, "b", "B")])
    table = format_compare_table(result)
    assert "Only in a (" in table and "Only in b (1 claim)" in table
    assert "Red Cross" in table and "Shared (" in table


def _big_text(seed: int, size: int = 1_000_000) -> str:
    """News-like noise: Zipf-distributed made-up words, a number every ~20 words."""
    rng = random.Random(seed)
    letters = "bcdfgklmnprstvz"
    words = ["".join(rng.choice(letters) + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))
             for _ in range(20000)]
    words += [str(rng.randint(2, 5000)) for _ in range(1000)]
    weights = [1 / (i + 1) for i in range(20000)] + [0.0005] * 1000
    parts, n = [], 0
    while n < size:
        sentence = " ".join(rng.choices(words, weights=weights, k=rng.randint(8, 30)))
        sentence = sentence[0].upper() + sentence[1:] + ". "
        parts.append(sentence + ("\n\n" if rng.random() < 0.2 else ""))
        n += len(parts[-1])
    return "".join(parts)


def test_two_one_megabyte_texts_finish_in_bounded_time():
    a, b = art(_big_text(1), "big-a", "A"), art(_big_text(2), "big-b", "B")
    t0 = time.perf_counter()
    result = compare([a, b])
    found = find_discrepancies([a, b])
    elapsed = time.perf_counter() - t0
    assert result["only_in"]["big-a"] and isinstance(found, list)
    assert elapsed < 90, f"compare took {elapsed:.1f}s on two 1 MB texts"


# --- discrepancies -------------------------------------------------------------------------

def test_weekday_against_date_uses_the_published_year():
    a = art("On Wednesday, the prime minister met the president in Lisbon for talks on trade.",
            "x", "X", published="2025-03-06")
    b = art("The prime minister met the president in Lisbon on March 6 for talks on trade.",
            "y", "Y", published="2025-03-06")
    (d,) = find_discrepancies([a, b])
    assert d["label"] == "weekday vs date"
    assert {s["text"] for s in d["spans"]} == {"Wednesday", "March 6"}
    assert "Thursday" in d["reason"]  # 6 March 2025 was a Thursday
    for s in d["spans"]:
        assert {"x": a, "y": b}[s["id"]].text[s["start"]:s["end"]] == s["text"]
    c = art("On Thursday, the prime minister met the president in Lisbon for talks on trade.",
            "z", "Z", published="2025-03-06")
    assert find_discrepancies([c, b]) == []


def test_weekday_without_a_known_year_is_not_judged():
    a = art("On Wednesday, the prime minister met the president in Lisbon for talks.", "x", "X")
    b = art("The prime minister met the president in Lisbon on March 6 for talks.", "y", "Y")
    assert find_discrepancies([a, b]) == []


def test_different_figures_for_the_same_thing_are_reported():
    a = art("Officials said more than 2,000 people were evacuated from the coastal villages.\n\n"
            "The storm damaged 40 fishing boats.", "a", "A")
    b = art("Over 3,500 people were evacuated from coastal villages, officials said.\n\n"
            "The storm damaged 40 fishing boats in the harbour.", "b", "B")
    (d,) = find_discrepancies([a, b])
    assert d["label"] == "different number"
    assert [s["text"] for s in d["spans"]] == ["more than 2,000", "Over 3,500"]
    assert "lower bounds" in d["reason"]


def test_unrelated_numbers_are_not_paired():
    a = art("The bridge, built in 1931, carries 40,000 cars a day.", "a", "A")
    b = art("The mayor has held office since 2019 and leads a council of 12 members.", "b", "B")
    assert find_discrepancies([a, b]) == []


# --- checklists ------------------------------------------------------------------------------

def test_shipped_checklists_load():
    sochi = load_checklist("sochi-2019-09-12")
    assert sochi.same_story and len(sochi.facts) >= 25
    assert set(sochi.articles) == {"rferl-2019-09-12", "sputnik-2019-09-12"}
    assert not load_checklist("background").same_story


GOOD = """event: flood-millbrook
what: "Floods in Millbrook"
articles:
  daily-a: Daily A
  times-b: Times B
facts:
  - id: evacuated
    fact: "300 residents left their homes."
    reported:
      daily-a: "forcing 300 residents from their homes"
      times-b: "300 residents had to leave their homes"
"""


def _write(tmp_path, text):
    path = tmp_path / "flood.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_custom_checklist_and_evidence_check(tmp_path):
    path = _write(tmp_path, GOOD)
    arts = [art(FLOOD_A, "daily-a", "Daily A"), art(FLOOD_B, "times-b", "Times B")]
    checklist = load_checklist(path, arts)
    assert checklist.facts[0].reported["times-b"] == "300 residents had to leave their homes"
    _, problems = check_checklist(_write(tmp_path, GOOD.replace("had to leave", "left")), arts)
    (p,) = problems
    assert p.file == "flood.yaml" and p.field == "facts[1].reported.times-b"
    assert "not in the article" in p.message and "copy" in p.fix


@pytest.mark.parametrize("change, field", [
    (("event: flood-millbrook\n", ""), "event"),
    (("      times-b:", "      bbc-b:"), "facts[1].reported.bbc-b"),
    (("  - id: evacuated", "  - id: Evacuated Now"), "facts[1].id"),
    (('    fact: "300 residents left their homes."\n', ""), "facts[1].fact"),
    (("articles:\n  daily-a: Daily A\n  times-b: Times B\n", ""), "articles"),
])
def test_checklist_problems_name_field_and_fix(tmp_path, change, field):
    _, problems = check_checklist(_write(tmp_path, GOOD.replace(*change)))
    assert problems and any(p.field == field for p in problems), problems
    for p in problems:
        assert p.file == "flood.yaml" and p.fix
    with pytest.raises(InputError) as err:
        load_checklist(tmp_path / "flood.yaml")
    assert "flood.yaml" in str(err.value)


def test_duplicate_fact_ids_and_bad_yaml(tmp_path):
    doubled = GOOD + GOOD[GOOD.index("  - id: evacuated"):]
    _, problems = check_checklist(_write(tmp_path, doubled))
    assert [p.field for p in problems] == ["facts[2].id"]
    _, problems = check_checklist(_write(tmp_path, "event: [unclosed\n"))
    assert problems[0].field is None and "line" in problems[0].message
    _, problems = check_checklist("no-such-event")
    assert "sochi-2019-09-12" in problems[0].fix


# --- tables and charts ---------------------------------------------------------------------

def test_coverage_table_is_tidy_with_exact_offsets():
    from mediakit.corpus import load_folder
    from mediakit.tables.omissions import coverage_table

    articles = load_folder().articles
    table = coverage_table("sochi-2019-09-12", articles)
    checklist = load_checklist("sochi-2019-09-12")
    assert len(table) == 2 * len(checklist.facts)
    texts = {a.id: a.text for a in articles}
    reported = table[table["reported"]]
    for row in reported.itertuples():
        assert texts[row.article][row.start:row.end] == row.evidence
    left_out = table[~table["reported"]]
    assert left_out["start"].isna().all() and (left_out["evidence"] == "").all()
    jordan = table[(table.fact_id == "jordan-valley-plan")].set_index("outlet")["reported"]
    assert jordan.to_dict() == {"RFE/RL": True, "Sputnik": False}


def test_heatmap_and_omissions_table():
    from mediakit.charts.omissions import coverage_heatmap
    from mediakit.tables.omissions import coverage_table, omissions_table

    spec = coverage_heatmap(coverage_table("background")).to_dict()
    assert spec["mark"]["type"] == "rect"
    assert spec["encoding"]["color"]["field"] == "status"
    result = compare([art(FLOOD_A, "a", "A"), art(FLOOD_B, "b", "B")])
    rows = omissions_table(result)
    assert list(rows["article"]).count("b") == 1
    assert rows["reason"].str.len().min() > 20


def test_claims_and_furniture_point_at_the_text():
    rng = random.Random(7)
    pieces = list("ab .?!\"”’'\nS") + ["S.", "U.S.", "Mr.", " -- ", ";", ":", "0", "12"]
    for _ in range(300):
        _check_split("".join(rng.choice(pieces) for _ in range(rng.randint(0, 120))))


def _check_split(text: str) -> None:
    split = split_claims(text)
    spans = sorted([(c.start, c.end, c.text) for c in split.claims]
                   + [(f.start, f.end, f.text) for f in split.furniture])
    for start, end, piece in spans:
        assert text[start:end] == piece and piece.strip()
    for (_, e1, _), (s2, _, _) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2


def test_sochi_reports_disagree_on_the_day():
    """Gold inconsistency 1: Sputnik's "On Wednesday" vs RFE/RL's "September 12" (a Thursday)."""
    from mediakit.corpus import load_folder

    corpus = load_folder()
    found = find_discrepancies([corpus.get("rferl-2019-09-12"), corpus.get("sputnik-2019-09-12")])
    pairs = {tuple(s["text"] for s in d["spans"]): d for d in found}
    assert ("September 12", "Wednesday") in pairs
    assert "Thursday" in pairs[("September 12", "Wednesday")]["reason"]
    assert ("more than 1 million", "over 1.5 million") in pairs
    assert len(found) == 2  # "September 17" (the election) is not paired with the meeting day


def test_discrepancies_table_has_one_row_per_clash():
    from mediakit.analysis.discrepancies import find_discrepancies
    from mediakit.corpus import load_article
    from mediakit.tables.omissions import discrepancies_table

    found = find_discrepancies([load_article("rferl-2019-09-12"), load_article("sputnik-2019-09-12")])
    table = discrepancies_table(found)
    assert len(table) == len(found) >= 2
    assert {"Wednesday", "September 12"} <= set(table["says_a"]) | set(table["says_b"])
    assert table["reason"].str.len().min() > 20
