"""The one result type every analysis returns."""

import pytest

from mediakit.findings import Finding, check_offsets, sorted_findings

TEXT = "Lavrov said “it is important” today."


def test_at_takes_text_from_offsets_and_records_use_the_contract_keys():
    f = Finding.at("quote_marks", TEXT, 13, 28, "speech", "Lavrov's words: 'Lavrov said' comes first.")
    assert f.text == "it is important"
    assert f.to_record() == {"start": 13, "end": 28, "text": "it is important", "use": "speech",
                             "reason": "Lavrov's words: 'Lavrov said' comes first."}
    src = Finding.at("sources", TEXT, 0, 11, "indirect", "reported speech", speaker="Sergei Lavrov",
                     type="official", side="russia")
    assert list(src.to_record()) == ["start", "end", "text", "speaker", "type", "side", "form",
                                     "reason"]


def test_findings_refuse_inconsistent_spans_and_missing_reasons():
    with pytest.raises(ValueError):
        Finding("loaded", 5, 3, "", "emotive", "why")
    with pytest.raises(ValueError):
        Finding("loaded", 0, 3, "four", "emotive", "why")
    with pytest.raises(ValueError, match="reason"):
        Finding("loaded", 0, 4, "four", "emotive", "  ")


def test_check_offsets_catches_a_finding_that_points_elsewhere():
    good = Finding.at("loaded", TEXT, 0, 6, "label", "x")
    check_offsets(TEXT, [good])
    with pytest.raises(AssertionError):
        check_offsets("Putin said", [good])


def test_sorted_in_reading_order_longest_first():
    a = Finding.at("loaded", TEXT, 7, 11, "label", "x")
    b = Finding.at("sources", TEXT, 0, 11, "indirect", "x")
    c = Finding.at("loaded", TEXT, 0, 6, "label", "x")
    assert sorted_findings([a, c, b]) == [b, c, a]


def test_findings_table_matches_the_json_records(corpus):
    from mediakit.analysis import run
    from mediakit.tables.findings import findings_table

    article = corpus["rferl-2019-09-12"]
    table = findings_table(article, "quote_marks")
    assert len(table) == len(run("quote_marks", article)) > 0
    assert list(table.columns) == ["id", "start", "end", "text", "use", "reason"]
    assert list(table["start"]) == sorted(table["start"])
    for row in table.itertuples():
        assert article.text[row.start:row.end] == row.text
