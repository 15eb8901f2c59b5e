"""Bounded time: inputs built to make a careless parser backtrack or loop all finish.

Each hostile text goes through every analysis, the claim splitter, omissions and
discrepancies, and the highlighted view. The bound is generous (a loaded 2-core CI
machine); the measured times are printed in the run's summary. Other files already
time 2-5 MB of ordinary prose (test_sourcing, test_loaded, test_omissions); these are
the pathological shapes.
"""

from __future__ import annotations

import time

import pytest

from mediakit.analysis import run
from mediakit.analysis.claims import split_claims
from mediakit.analysis.discrepancies import find_discrepancies
from mediakit.analysis.omissions import compare
from mediakit.analysis.quote_pairs import find_quote_pairs
from mediakit.analysis.readability import readability
from mediakit.corpus import Article
from mediakit.views.highlight import highlight_html

BOUND = 60.0  # seconds per step: far above the measured times, far below "hangs"
MARKS = '"“”‘’\'„«»‹›'

HOSTILE = {
    "100k alternating quotation marks": "".join(MARKS[i % len(MARKS)] + ("a" if i % 7 else " ")
                                                for i in range(100_000)),
    "200k capitalised words": " ".join(f"Capital{'Word' if i % 3 else ''}"
                                       for i in range(200_000)),
    "punctuation, dashes, brackets": ("—" * 20_000 + "-- " * 20_000 + "([{" * 20_000
                                      + ".!?…" * 20_000 + ")]}" * 20_000 + "; ,:" * 20_000),
    "1 MB line without spaces": ("Said" + "x" * 96 + "“.") * 10_000,
    "50k said": " ".join(("said", "Said", "said:", "said,", "according to")[i % 5]
                         for i in range(50_000)),
    "numbers and dates": " ".join(f"{i} million on September {i % 28 + 1}, 20{i % 90:02d}"
                                  for i in range(20_000)),
}


def _timed(times: dict, name: str, f, *args):
    t = time.perf_counter()
    out = f(*args)
    times[name] = time.perf_counter() - t
    return out


@pytest.mark.parametrize("shape", list(HOSTILE))
def test_every_analysis_finishes(shape, record_figures):
    text = HOSTILE[shape]
    art = Article(id="hostile", text=text, outlet="Hostile")
    other = Article(id="other", text=text[: len(text) // 2], outlet="Other")
    times: dict[str, float] = {}
    found = []
    for name in ("sources", "quote_marks", "loaded"):
        found += _timed(times, name, run, name, art)
    for f in found:
        assert text[f.start:f.end] == f.text
    _timed(times, "quote_pairs", find_quote_pairs, text)
    figures = _timed(times, "readability", readability, art)
    assert figures["words"] >= 0
    split = _timed(times, "claims", split_claims, text)
    assert all(text[c.start:c.end] == c.text for c in split.claims)
    _timed(times, "omissions", compare, [art, other])
    _timed(times, "discrepancies", find_discrepancies, [art, other])
    page = _timed(times, "highlight view", highlight_html, art, found)
    assert page.count("<mark") >= min(1, len(found))
    record_figures(f"bounded time: {shape} ({len(text):,} chars)",
                   "  ".join(f"{k} {v:.2f}s" for k, v in times.items()))
    slow = {k: round(v, 1) for k, v in times.items() if v > BOUND}
    assert not slow, f"{shape}: took too long: {slow}"
