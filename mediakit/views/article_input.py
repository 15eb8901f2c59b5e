"""A box where a student brings in an article: paste it, give its web address, or upload a file.

The notebook stays runnable with no network and no clicks: `box.article` is None until the
student presses Load, so a lesson writes `article = box.article or example` and runs the
cells below again after loading. Every message (and every title from a web page) is shown
escaped: the article's text and metadata are untrusted.
"""

from __future__ import annotations

import dataclasses
from html import escape

import ipywidgets as w

from ..corpus import Article
from ..corpus.article import UNKNOWN
from ..corpus.user_input import (
    HTML_SUFFIXES,
    TIMEOUT,
    article_from_bytes,
    article_from_text,
    article_from_url,
)
from ..problems import InputError, Problem

TABS = ("Paste the text", "Web address", "Upload a file")
PASTE, URL, FILE = range(3)


class ArticleInput(w.VBox):
    """Paste box, web address box and file upload, one Load button and a status line.

    After Load, `.article` is the `Article` (None until one loads; a failed Load keeps the one
    before) and `.problem` the `Problem` of the last failed Load (or None).
    The optional title and outlet boxes name a pasted text, and replace what a page or a
    file says when the student fills them in.
    """

    def __init__(self, label: str = "your article", timeout: float = TIMEOUT):
        super().__init__(layout=w.Layout(border="1px solid #d0d7de", padding="8px", margin="8px 0"))
        self.add_class("mk-article-input")
        self.label = label
        self.timeout = timeout
        self.article: Article | None = None
        self.problem = None
        wide = w.Layout(width="100%")
        self.text = w.Textarea(placeholder="Paste the whole article here: headline, byline and text.",
                               rows=8, layout=wide)
        self.url = w.Text(placeholder="https://www.example.org/news/the-story", layout=wide)
        self.upload = w.FileUpload(accept=".txt," + ",".join(HTML_SUFFIXES), multiple=False,
                                   description="Choose file")
        self.tabs = w.Tab(children=[
            self.text,
            w.VBox([self.url, w.HTML("<small>The kit downloads the page and keeps only the "
                                     "article's text. Some sites block this: then paste the "
                                     "text instead.</small>")]),
            w.VBox([self.upload, w.HTML("<small>A plain-text file (.txt, saved as UTF-8) or a web "
                                        "page saved from your browser (.html).</small>")]),
        ])
        for i, title in enumerate(TABS):
            self.tabs.set_title(i, title)
        self.title = w.Text(placeholder="optional", description="Headline:",
                            layout=w.Layout(width="60%"))
        self.outlet = w.Text(placeholder="optional, e.g. BBC News", description="Outlet:",
                             layout=w.Layout(width="60%"))
        self.button = w.Button(description="Load", button_style="primary",
                               tooltip=f"Load {label}")
        self.button.on_click(lambda _button: self.load())
        self.status = w.HTML(self._message(f"Nothing loaded yet: the notebook uses its example for "
                                           f"{label}."))
        self.children = [w.HTML(f"<b>Bring in {escape(label)}</b>"), self.tabs, self.title,
                         self.outlet, self.button, self.status]

    @staticmethod
    def _message(text: str, colour: str = "#444") -> str:
        return f'<p style="color:{colour}">{escape(text)}</p>'

    def load(self) -> Article | None:
        """Read the article from the open tab; show what was loaded, or what went wrong."""
        self.status.value = self._message("Loading…")
        try:
            article = self._read()
        except InputError as err:
            self.problem = p = err.problem
            kept = (f"<br>The notebook still uses {escape(describe(self.article))}."
                    if self.article else "")
            self.status.value = (f'<p style="color:#b00020"><b>Not loaded.</b> '
                                 f"{escape(_sentence(p.message))}. <small>({escape(p.file)})</small>"
                                 f"<br><b>What to do:</b> {escape(_sentence(p.fix))}.{kept}</p>")
            return None
        self.article, self.problem = article, None
        self.status.value = self._message(f"Loaded: {describe(article)}. Now run the cells below "
                                          "again to analyse it.", "#1a7f37")
        return article

    def _read(self) -> Article:
        title = self.title.value.strip() or None
        outlet = self.outlet.value.strip() or None
        tab = self.tabs.selected_index or PASTE
        if tab == PASTE:
            # no title or outlet: the box's label names it ("your-article", "the-second-report")
            return article_from_text(self.text.value, title=title, outlet=outlet,
                                     id=None if title or outlet else self.label)
        if tab == URL:
            article = article_from_url(self.url.value, timeout=self.timeout)
        else:
            files = self.upload.value
            if not files:
                raise InputError(Problem("the file box", None, "no file is chosen",
                                         "press 'Choose file' and pick the article's file first"))
            upload = files[0]
            article = article_from_bytes(bytes(upload["content"]), upload["name"])
        changes = {k: v for k, v in (("title", title), ("outlet", outlet)) if v}
        return dataclasses.replace(article, **changes) if changes else article


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def describe(article: Article) -> str:
    """'“Headline” (Outlet, 2024-03-05), 512 words' in plain text (escape it for HTML)."""
    head = f"“{article.title}”" if article.title else article.id
    about = ", ".join(x for x in (article.outlet if article.outlet != UNKNOWN else None,
                                  article.published) if x)
    return f"{head}{f' ({about})' if about else ''}, {article.words:,} words"
