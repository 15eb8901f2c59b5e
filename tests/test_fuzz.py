"""Property tests: every analysis survives hostile text and keeps its offsets exact.

Each property runs 60 generated texts on every run (a few seconds). Set `MEDIAKIT_FUZZ=slow`
to run the long profile: 2,000 examples per property, 18,000 cases, about 1.5 minutes on
2 cores. The invariants: no exception; every offset inside the text; `text[start:end]` equals
the text reported; a second run gives the same output; every finding explains itself.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mediakit.analysis import run
from mediakit.analysis.claims import split_claims
from mediakit.analysis.discrepancies import find_discrepancies
from mediakit.analysis.omissions import compare
from mediakit.analysis.quote_pairs import find_quote_pairs
from mediakit.analysis.readability import readability
from mediakit.corpus import Article

_COMMON = dict(deadline=None, database=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("mediakit-quick", max_examples=60, **_COMMON)
settings.register_profile("mediakit-slow", max_examples=2000, **_COMMON)
SLOW = os.environ.get("MEDIAKIT_FUZZ") == "slow"
settings.load_profile("mediakit-slow" if SLOW else "mediakit-quick")

QUOTES = ['"', "“", "”", "‘", "’", "'", "„", "«", "»", "‹", "›", "‚", "`"]
ODD = ["\u00a0", "\u2028", "\u2029", "\u200b", "\u200f", "\u202e", "\ufeff", "\t", "\r",
       "\r\n", "\n", "\n\n", "\x00", "\x1b", "\u0301", "\u0336", "e\u0301", "👍🏽", "🇺🇦",
       "👨‍👩‍👧", "שלום", "مرحبا", "Ünïcödé", "—", " – ", " -- ", "…", "...", "?!", ";", ":",
       "(", ")", "[", "]", "{", "}", "<", ">", "&amp;", "%", "$", "1.5", "2,000", "12th",
       "2019", "Sept.", "U.S.", "Mr.", "J.", "#", "@", "\\", "*", "_"]
WORDS = ["said", "says", "told", "according to", "Putin", "Netanyahu", "the", "a",
         "officials", "A spokesman", "Minister", "regime", "terrorists", "so-called",
         "claimed", "alleged", "Wednesday", "September", "12", "million", "more than",
         "percent", "Israel", "Russia", "Iran", "sources", "reported", "added", "he",
         "She", "The", "It", "annexation", "don't", "Israel's", "’90s", "In", "on"]
HTML = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>", "</p>",
        '<a href="javascript:alert(1)">x</a>', "\"'><", "<!--", "-->", "&lt;"]
SENTENCES = [
    "“We will not allow it,” Putin said.",
    "According to officials, 1.5 million people voted on Wednesday.",
    "The so-called ‘experts’ claimed \"victory\".",
    "Netanyahu told reporters: «It is over».",
    "More than 1 million immigrants arrived, a spokesman said on September 12, 2019.",
    "„Nested ‚quote‘ here“ — said nobody.",
    "Israeli sources said the regime's terrorists attacked.",
]

SPEAKERS = ["Putin", "Sergey Lavrov", "Mr. Netanyahu", "the ministry", "A spokesman for the U.S. "
            "State Department", "He", "they", "Officials", "Dr. J. Smith", "al-Ansari", "Ümit Özdağ",
            "שלום"]
VERBS = ["said", "told reporters", "added", "claimed", "according to", "says", "wrote", "insisted",
         "noted", "said:"]
_filler = st.lists(st.sampled_from(WORDS + ODD + HTML + ["", ","]), max_size=6).map(" ".join)
_mark, _who, _verb = st.sampled_from(QUOTES), st.sampled_from(SPEAKERS), st.sampled_from(VERBS)
# reporting sentences built from parts, with any marks: “...,” X said. / According to X, "...
reporting = st.one_of(
    st.builds(lambda o, w, c, p, x, v: f"{o}{w}{p}{c} {x} {v}.", _mark, _filler, _mark,
              st.sampled_from([",", ".", "", ":"]), _who, _verb),
    st.builds(lambda v, x, w, o: f"{v} {x}, {o}{w}", _verb, _who, _filler, _mark),
    st.builds(lambda x, v, o, w: f"{x} {v} {o}{w}", _who, _verb, _mark, _filler))
token = st.one_of(reporting, st.sampled_from(QUOTES), st.sampled_from(ODD), st.sampled_from(WORDS),
                  st.sampled_from(HTML), st.sampled_from(SENTENCES),
                  st.text(min_size=1, max_size=8))
joined = st.lists(token, max_size=60).flatmap(
    lambda parts: st.lists(st.sampled_from([" ", "", "\n", "\u00a0"]), min_size=len(parts),
                           max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True))))
long_line = st.builds(lambda w, n: w * n, st.sampled_from(["a", "Said ", "“", "'x' ", "— ",
                                                           "A.", "Big "]),
                      st.integers(200, 3000))
texts = st.one_of(joined, st.text(max_size=300), long_line,
                  st.sampled_from(["", " ", "\n\n\t ", "\u00a0", "\u2028"]))

# Hostile texts found by hand or by earlier runs, kept as regression examples.
EXAMPLES = ["", " ", "\"", "“", "'", "’s", "\u2028“x”\u2028", "« »", "„“", "\x00said\x00",
            "He said. . . . ", "A said: “", "U.S.\nU.S.\nU.S.", "said " * 50]


def article(text: str, i: int = 0, **meta) -> Article:
    return Article(id=f"fuzz-{i}", text=text, outlet=f"Outlet {i}", **meta)


def check_spans(text: str, spans) -> None:
    """Every (start, end, reported text) lies inside the text and matches it."""
    for start, end, shown in spans:
        assert 0 <= start <= end <= len(text), (start, end, len(text))
        assert text[start:end] == shown


def with_examples(f):
    for e in EXAMPLES:
        f = example(text=e)(f)
    return f


@pytest.mark.parametrize("name", ["sources", "quote_marks", "loaded"])
@given(text=texts)
@with_examples
def test_findings_are_exact_and_stable(name, text):
    art = article(text)
    found = run(name, art)
    check_spans(text, [(f.start, f.end, f.text) for f in found])
    for f in found:
        assert f.reason.strip() and f.label
        assert isinstance(f.to_record(), dict)
    assert run(name, art) == found


@given(text=texts)
@with_examples
def test_readability_never_fails(text):
    figures = readability(article(text))
    assert set(figures) >= {"words", "sentences", "grade", "reading_ease"}
    assert all(isinstance(v, int | float) for v in figures.values())
    assert readability(article(text)) == figures


@given(text=texts)
@with_examples
def test_claims_cover_the_text_exactly(text):
    split = split_claims(text)
    check_spans(text, [(c.start, c.end, c.text) for c in split.claims])
    check_spans(text, [(f.start, f.end, f.text) for f in split.furniture])
    assert all(f.reason.strip() for f in split.furniture)
    assert split_claims(text) == split


@given(text=texts)
@with_examples
def test_quote_pairs_are_inside_the_text(text):
    pairs = find_quote_pairs(text)
    for p in pairs:
        assert 0 <= p.open < len(text) and text[p.open] == p.open_mark
        if p.close is not None:
            assert p.open < p.close < len(text) and text[p.close] == p.close_mark
        assert p.open < p.start <= p.end <= len(text)
        assert p.outer_start <= p.start <= p.end <= p.outer_end <= len(text)
        assert p.depth >= 0
    assert find_quote_pairs(text) == pairs


def _check_compare(texts_: list[str]) -> None:
    arts = [article(t, i) for i, t in enumerate(texts_)]
    by_id = {a.id: a.text for a in arts}
    result = compare(arts)
    assert result["articles"] == list(by_id)
    for aid, items in result["only_in"].items():
        check_spans(by_id[aid], [(r["start"], r["end"], r["text"]) for r in items])
        for r in items:
            assert r["reason"].strip()
            m = r["best_match"]
            if m is not None:
                assert m["id"] != aid
                check_spans(by_id[m["id"]], [(m["start"], m["end"], m["text"])])
    for entry in result["shared"]:
        spans = {k: v for k, v in entry.items() if k != "score"}
        assert len(spans) >= 2
        for aid, s in spans.items():
            check_spans(by_id[aid], [(s["start"], s["end"], s["text"])])
    assert compare(arts) == result


def _check_discrepancies(texts_: list[str], published: list[str | None]) -> None:
    arts = [article(t, i, published=p) for i, (t, p) in enumerate(zip(texts_, published, strict=True))]
    by_id = {a.id: a.text for a in arts}
    found = find_discrepancies(arts)
    for d in found:
        assert d["label"] and d["reason"].strip()
        assert len(d["spans"]) == 2
        for s in d["spans"]:
            check_spans(by_id[s["id"]], [(s["start"], s["end"], s["text"])])
    assert find_discrepancies(arts) == found


groups = st.lists(texts, min_size=2, max_size=3)
dates = st.sampled_from([None, "2019-09-12", "2020-02-30", "0001-01-01", "9999-12-31", "x"])


@given(groups)
@example(["", ""])
@example([" ", "\u2028", "“"])
@example([SENTENCES[4], "Over 1.5 million immigrants came, officials said on Thursday."])
def test_compare_is_exact_and_stable(texts_):
    _check_compare(texts_)


@given(groups, st.lists(dates, min_size=3, max_size=3))
@example(["", ""], [None, None, None])
@example([SENTENCES[4], "Over 1.5 million immigrants came, officials said on Thursday."],
         ["2019-09-12", "2020-02-30", None])
@example(["On Wednesday 2,000 people marched, police said.",
          "On September 12 3,000 people marched, police said."], ["0001-01-01", "x", None])
@example(["", '² " '], [None, None, None])  # "²" is a digit int() rejects (fixed)
@example(["September ²² and " + "1" * 5000 + " May", "12 May ²²²² said"], [None] * 3)
def test_discrepancies_are_exact_and_stable(texts_, published):
    _check_discrepancies(texts_, published[: len(texts_)])


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


@given(text=texts)
@example(text='"<script>alert(1)</script>" so-called "reform" <img src=x onerror=alert(2)>')
@example(text="</style><script>x</script>")
def test_highlighted_view_never_turns_text_into_markup(text):
    from mediakit.views.highlight import highlight_html

    art = article(text)
    found = [f for name in ("sources", "quote_marks", "loaded") for f in run(name, art)]
    parser = _Tags()
    parser.feed(highlight_html(art, found))
    parser.close()
    allowed = {"div", "style", "h3", "p", "span", "b", "mark", "sup", "a", "details", "summary",
               "ol", "li"}
    for tag, attrs in parser.tags:
        assert tag in allowed, tag
        assert not any(name.startswith("on") for name, _ in attrs), (tag, attrs)
        if tag == "a":
            assert dict(attrs)["href"].startswith("#")
