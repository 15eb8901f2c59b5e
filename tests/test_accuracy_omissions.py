"""Accuracy bars for omitted facts on the gold fact list of the Sochi story."""

from __future__ import annotations

import pytest

from mediakit.evaluation.omissions import evaluate, table


@pytest.fixture
def record(request):
    """The lead's `record_figures` fixture when it exists, else print."""
    try:
        return request.getfixturevalue("record_figures")
    except pytest.FixtureLookupError:
        return lambda name, text: print(f"\n[{name}]\n{text}")


def test_omission_accuracy_bars(record):
    figures = evaluate()
    record("omissions", table())
    assert figures["facts"] == 23  # 12 facts only in RFE/RL, 11 only in Sputnik
    assert figures["recall"] >= 0.85, figures
    assert figures["precision"] >= 0.70, figures
