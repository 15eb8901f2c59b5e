"""Read article files: one `.txt` file per article, metadata in an optional header.

An article file is plain UTF-8 text. It may start with a metadata header between two
`---` lines (YAML), for example::

    ---
    id: bbc-2019-09-12
    outlet: BBC
    published: 2019-09-12
    ---
    Putin and Netanyahu met in Sochi ...

Everything after the header is the article text, kept exactly as written. A file
without a header loads too, with outlet "unknown". Bad files are reported as
`Problem`s naming the file, the field and the fix; the good files still load.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..problems import InputError, Problem
from .article import _DATE_RE, _ID_RE, FIELDS, GENRES, REQUIRED_FIELDS, UNKNOWN, Article, make_id

HEADER_LINE = "---"
SUFFIX = ".txt"
MAX_BYTES = 5_000_000  # a news article is a few KB; larger files are almost surely not one


@dataclass
class CorpusLoad:
    """What loading a folder gave: the articles that loaded, and the problems found."""

    folder: str
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def get(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        known = ", ".join(a.id for a in self.articles)
        raise KeyError(f"no article with id {article_id!r} in {self.folder}; known ids: {known}")


def builtin_folder() -> Path:
    """The folder of the kit's own five articles, inside the installed package."""
    return Path(str(resources.files("mediakit.corpus") / "builtin"))


def load_folder(folder: str | Path | None = None) -> CorpusLoad:
    """Load every article file in `folder` (the built-in corpus by default)."""
    folder = Path(folder) if folder is not None else builtin_folder()
    result = CorpusLoad(str(folder))
    if not folder.is_dir():
        result.problems.append(Problem(str(folder), None, "this folder does not exist",
                                       "give the path of a folder that holds .txt article files"))
        return result
    seen: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "_")) or path.name.lower().startswith("readme"):
            continue
        if path.is_dir():
            continue
        try:
            article = read_article(path)
        except InputError as err:
            result.problems.append(err.problem)
            continue
        if article.id in seen:
            result.problems.append(Problem(
                path.name, "id", f"the id '{article.id}' is already used by {seen[article.id]}",
                "give this article an id of its own in its header"))
            continue
        seen[article.id] = path.name
        result.articles.append(article)
    if not result.articles and not result.problems:
        result.problems.append(Problem(str(folder), None, "this folder has no .txt article files",
                                       "add articles as UTF-8 .txt files, one file per article"))
    return result


def read_article(path: str | Path) -> Article:
    """Read one article file; raise `InputError` naming the file, field and fix."""
    path = Path(path)
    name = path.name
    if path.suffix.lower() != SUFFIX:
        raise InputError(Problem(
            name, None, f"'{path.suffix or name}' files are not read as articles, only .txt files",
            "save the article as plain text with a .txt ending"))
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(Problem(name, None, f"the file cannot be read ({err.strerror})",
                                 "check the file exists and you may read it")) from err
    return article_from_raw(raw, name, path=str(path))


def article_from_raw(raw: bytes, name: str, path: str | None = None) -> Article:
    """An article from the bytes of a .txt file called `name` (a file read from disk or an
    upload): size, binary, UTF-8 and header checks, each raising `InputError`."""
    if len(raw) > MAX_BYTES:
        raise InputError(Problem(name, None, f"the file is {len(raw):,} bytes, too big for one article",
                                 f"keep one article per file, under {MAX_BYTES:,} bytes"))
    if b"\x00" in raw:
        raise InputError(Problem(name, None, "this is a binary file (a PDF, Word or image file?), not text",
                                 "copy the article's words into a plain .txt file saved as UTF-8"))
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise InputError(Problem(
            name, None, f"byte 0x{raw[err.start]:02x} on line {line} is not UTF-8 text",
            "open the file in a text editor and save it again with the encoding UTF-8")) from err
    content = content.removeprefix("\ufeff")  # a byte-order mark is not part of the text
    meta, text = split_header(content, name)
    if not text.strip():
        raise InputError(Problem(name, "text", "the article has no text",
                                 "paste the article's words below the header (or into the file)"))
    return Article(text=text, path=path, **_check_metadata(meta, name, Path(name).stem))


def split_header(content: str, name: str) -> tuple[dict, str]:
    """Split a file into (metadata, text); the text is returned exactly as written."""
    first_end = content.find("\n")
    if content[: first_end if first_end >= 0 else None].rstrip("\r") != HEADER_LINE:
        return {}, content
    pos = first_end + 1
    while pos <= len(content):
        end = content.find("\n", pos)
        line_end = len(content) if end < 0 else end
        if content[pos:line_end].rstrip("\r") == HEADER_LINE:
            header, text = content[first_end + 1: pos], content[line_end + 1:]
            return _parse_header(header, name), text
        if end < 0:
            break
        pos = end + 1
    raise InputError(Problem(name, None, "the metadata header starts with '---' but never ends",
                             "add a line with just '---' after the last metadata line"))


def _parse_header(header: str, name: str) -> dict:
    try:
        meta = yaml.safe_load(header)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        raise InputError(Problem(
            name, None, f"the metadata header is not valid{where} ({getattr(err, 'problem', err)})",
            "write one 'field: value' per line; put values with a colon in quotes")) from err
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise InputError(Problem(name, None, "the metadata header is not a list of 'field: value' lines",
                                 "write one 'field: value' per line between the two '---' lines"))
    return meta


def _check_metadata(meta: dict, name: str, stem: str) -> dict:
    for key in meta:
        if key not in FIELDS:
            close = difflib.get_close_matches(str(key), FIELDS, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise InputError(Problem(name, str(key), "this field is not known",
                                     f"{hint}the fields are: {', '.join(FIELDS)}"))
    if meta:
        for key in REQUIRED_FIELDS:
            if meta.get(key) in (None, ""):
                raise InputError(Problem(name, key, "this field is missing",
                                         f"add a line '{key}: ...' to the header ({FIELDS[key]})"))
    clean: dict[str, str] = {}
    for key, value in meta.items():
        if value is None:
            continue
        if isinstance(value, dt.date):
            value = value.isoformat()
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise InputError(Problem(name, key, "this field should be a single value",
                                     f"write it as one line of text: {FIELDS[key]}"))
        clean[key] = str(value).strip()
    if "id" in clean and not _ID_RE.match(clean["id"]):
        raise InputError(Problem(name, "id", f"'{clean['id']}' is not a usable id",
                                 "use lower-case letters, digits and dashes only, e.g. bbc-2019-09-12"))
    if "published" in clean and not _DATE_RE.match(clean["published"]):
        raise InputError(Problem(name, "published", f"'{clean['published']}' is not a date",
                                 "write the date as YYYY-MM-DD, e.g. 2019-09-12"))
    if "genre" in clean and clean["genre"] not in GENRES:
        raise InputError(Problem(name, "genre", f"'{clean['genre']}' is not a genre the kit knows",
                                 f"write one of: {', '.join(GENRES)}"))
    clean.setdefault("id", make_id(stem))
    clean.setdefault("outlet", UNKNOWN)
    return clean


def load_article(ref: str | Path, folder: str | Path | None = None) -> Article:
    """An article by file path, or by id in `folder` (the built-in corpus by default)."""
    path = Path(ref)
    if path.suffix.lower() == SUFFIX or path.exists():
        return read_article(path)
    corpus = load_folder(folder)
    try:
        return corpus.get(str(ref))
    except KeyError:
        known = ", ".join(a.id for a in corpus.articles)
        raise InputError(Problem(str(ref), None, "no such file, and no article with this id",
                                 f"give a .txt file's path or one of these ids: {known}")) from None
