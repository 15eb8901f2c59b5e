"""Accuracy bars for lesson 2's analyses, measured against tests/gold/seeds.yaml.

Quotation marks: use accuracy >= 0.95 and scare-quote F1 >= 0.95 over the 94 gold pairs.
Loaded wording: span-overlap F1 >= 0.75 over the gold `loaded` entries.
"""

from __future__ import annotations

import pytest

from mediakit.evaluation import loaded as loaded_eval
from mediakit.evaluation import quote_marks as quote_eval


@pytest.fixture(scope="module")
def quote_figures():
    return quote_eval.evaluate()


@pytest.fixture(scope="module")
def loaded_figures():
    return loaded_eval.evaluate()


def test_quote_mark_use_accuracy(quote_figures, record_figures):
    record_figures("quotation marks (use per gold pair)", quote_eval.table(quote_figures))
    assert quote_figures["pairs"] == 94
    assert quote_figures["accuracy"] >= 0.95


def test_scare_quote_f1(quote_figures):
    assert quote_figures["scare"].expected > 0
    assert quote_figures["scare_f1"] >= 0.95


def test_loaded_wording_span_f1(loaded_figures, record_figures):
    record_figures("loaded wording (span overlap)", loaded_eval.table(loaded_figures))
    assert loaded_figures["score"].expected == 54
    assert loaded_figures["f1"] >= 0.75


def test_loaded_wording_finds_nothing_in_plain_wire_copy(corpus):
    """RFE/RL's 2018 report has no loaded wording in the gold: nothing may be flagged."""
    from mediakit.analysis.loaded import find_loaded

    assert find_loaded(corpus["rferl-2018-01-29"]) == []
