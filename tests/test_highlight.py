"""The highlighted view: findings marked, reasons shown, and article text never live HTML."""

from __future__ import annotations

from html.parser import HTMLParser

from mediakit.analysis.loaded import find_loaded
from mediakit.analysis.quote_marks import find_quote_marks
from mediakit.corpus import Article
from mediakit.findings import Finding
from mediakit.views import highlight_html, show_highlights

ATTACK = ('Officials said the "<script>alert(1)</script>" was <img src=x onerror=alert(1)> '
          'a so-called "reform" <a href="javascript:alert(1)">here</a>, reportedly.')


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html_text: str) -> Tags:
    parser = Tags()
    parser.feed(html_text)
    parser.close()
    return parser


def render(text: str, findings=None, **options) -> tuple[Article, str, Tags]:
    article = Article.from_text(text, id="attack")
    if findings is None:
        findings = find_quote_marks(article) + find_loaded(article)
    out = highlight_html(article, findings, **options)
    return article, out, parse(out)


def test_article_text_never_becomes_markup():
    article, out, tags = render(ATTACK)
    names = [t for t, _ in tags.tags]
    assert "script" not in names and "img" not in names
    for tag, attrs in tags.tags:
        assert not any(name.lower().startswith("on") for name in attrs), (tag, attrs)
        if tag == "a":  # only the view's own note links, all inside the page
            assert attrs["href"].startswith("#"), attrs
    assert "javascript:" not in " ".join(str(a) for _, a in tags.tags)
    # ... and the words are still all there, as text
    shown = "".join(tags.text)
    assert "<script>alert(1)</script>" in shown and "onerror=alert(1)" in shown


def test_reasons_are_escaped_too():
    text = "A plain sentence."
    bad = Finding.at("loaded", text, 2, 7, "label", 'x"><script>alert(2)</script>')
    _, out, tags = render(text, [bad])
    assert "script" not in [t for t, _ in tags.tags]
    assert '<script>alert(2)' not in out


def test_every_finding_is_marked_with_its_reason_on_hover_and_in_the_notes():
    article, out, tags = render(ATTACK)
    found = find_quote_marks(article) + find_loaded(article)
    assert found
    titles = " ".join(a.get("title", "") for t, a in tags.tags if t == "mark")
    notes = [a for t, a in tags.tags if t == "li"]
    assert len(notes) == len(found)
    for f in found:
        assert f.reason in titles
    marks = [a for t, a in tags.tags if t == "mark"]
    assert all(a.get("tabindex") == "0" for a in marks)  # reachable by keyboard
    assert all(a.get("aria-describedby") for a in marks)


def test_overlapping_findings_are_split_not_lost():
    text = "one two three four"
    a = Finding.at("loaded", text, 0, 13, "intensifier", "first reason")
    b = Finding.at("loaded", text, 4, 18, "emotive", "second reason")
    _, out, tags = render(text, [a, b])
    marks = [a for t, a in tags.tags if t == "mark"]
    assert len(marks) == 3  # "one ", "two three" (both), " four"
    assert "first reason" in marks[1]["title"] and "second reason" in marks[1]["title"]
    assert "".join(tags.text).count("one two three four") == 0  # cut into pieces...
    assert "one two three four" in "".join(
        d for d in tags.text if d not in ("1", "2"))  # ...that still read as the text


def test_legend_lists_labels_with_explanations():
    _, out, tags = render(ATTACK)
    legend = "".join(tags.text)
    assert "scare" in legend and "keeps the word at a distance" in legend


def test_no_findings_still_renders_the_text():
    _, out, tags = render("Nothing here.", [])
    assert "Nothing was flagged" in out and "Nothing here." in "".join(tags.text)


def test_show_highlights_returns_notebook_html():
    shown = show_highlights(Article.from_text(ATTACK))
    assert "<mark" in shown.data and "<script>alert" not in shown.data


def test_view_classes_are_its_own_not_the_exercise_widgets():
    """The exercise highlight widget styles `.mk-hl*` (mediakit/static/highlight.css); the
    view, which can share a page with it, uses only `mk-view*` classes and selectors."""
    import re

    _, out, tags = render(ATTACK)
    classes = {c for _, attrs in tags.tags for c in (attrs.get("class") or "").split()}
    assert {"mk-view", "mk-view-text", "mk-view-legend", "mk-view-notes"} <= classes
    assert all(c.startswith("mk-view") for c in classes), classes
    assert tags.tags[0] == ("div", {"class": "mk-view", "id": tags.tags[0][1]["id"]})
    style = out[out.index("<style>") + 7:out.index("</style>")]
    selectors = [rule.split("{")[0].strip() for rule in style.split("}") if "{" in rule]
    assert selectors and all(s.startswith(".mk-view") for s in selectors), selectors
    assert not re.search(r"\.mk-hl\b|mk-hl-", out)
