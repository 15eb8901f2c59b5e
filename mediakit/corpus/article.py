"""An article: its text exactly as written, and what we know about where it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Metadata an article file may carry, with the sentence `mediakit check` shows when a
# value is wrong. Order is the order of `mediakit corpus` columns.
FIELDS: dict[str, str] = {
    "id": "a short name without spaces, e.g. bbc-2019-09-12",
    "title": "the headline",
    "outlet": "who published it, e.g. The Jerusalem Post",
    "author": "the byline, or leave it out",
    "published": "the date as YYYY-MM-DD",
    "genre": "news or opinion",
    "event": "a short name for the story, shared by articles that cover the same event",
    "language": "a language code such as en",
    "source": "a note on where the text came from",
    "url": "the web address of the original",
}
REQUIRED_FIELDS = ("outlet",)
GENRES = ("news", "opinion")
UNKNOWN = "unknown"

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def make_id(name: str) -> str:
    """A safe article id from a file name or title: 'My Story.txt' -> 'my-story'."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-.")
    return slug or "article"


@dataclass(frozen=True)
class Article:
    """One article. `text` is never altered: every finding's offsets index it."""

    id: str
    text: str
    outlet: str = UNKNOWN
    title: str | None = None
    author: str | None = None
    published: str | None = None
    genre: str | None = None
    event: str | None = None
    language: str = "en"
    source: str | None = None
    url: str | None = None
    path: str | None = field(default=None, compare=False)

    @classmethod
    def from_text(cls, text: str, *, id: str = "pasted", outlet: str = UNKNOWN,
                  **meta: str | None) -> Article:
        """An article from pasted text, for students' own examples."""
        if not isinstance(text, str) or not text.strip():
            raise ValueError("the article text is empty: paste the article's words between the quotes")
        return cls(id=make_id(id), text=text, outlet=outlet, **meta)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def metadata(self) -> dict:
        """The article's metadata as a plain dict (no text), in FIELDS order."""
        return {name: getattr(self, name) for name in FIELDS}

    def __repr__(self) -> str:  # the text is long: keep reprs readable in notebooks
        return f"Article(id={self.id!r}, outlet={self.outlet!r}, words={self.words})"
