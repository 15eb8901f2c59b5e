"""A student's own article: pasted text, a file, or a web address, as an `Article`.

Everything here is input a person gives, so every failure is an `InputError` whose
`Problem` says what went wrong and what to do instead (most often: paste the text).

Web pages are fetched here, with `urllib`, a hard time limit and a byte cap, and the
article body is cut out of the page by trafilatura (`extract`, `extract_metadata`):
menus, footers, share buttons and adverts are left out. Trafilatura never touches the
network here, so the time limit and the size limit are ours. Only http and https
addresses are fetched, redirects included. Private and local addresses are not blocked:
the code runs in the student's own kernel, which can reach them anyway (and the tests serve
pages on 127.0.0.1). The text that comes back is still untrusted: every view escapes it.
"""

from __future__ import annotations

import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..problems import InputError, Problem
from .article import _DATE_RE, UNKNOWN, Article, make_id
from .loader import MAX_BYTES, SUFFIX, article_from_raw, read_article

MIN_WORDS = 20  # fewer words are a sentence or two, not an article: the analyses need more
MIN_PAGE_WORDS = 60  # a web page's extracted body below this is a menu, a teaser or an error page
MAX_CHARS = 200_000  # about 30,000 words: far longer than any news article, still fast to analyse
TIMEOUT = 10  # seconds for the whole download
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_SUFFIXES = (".html", ".htm")
USER_AGENT = "Mozilla/5.0 (compatible; mediakit teaching kit; reads one article for a class)"
OFFLINE_FIX = "check the address; if you are offline, copy the article's text and paste it instead"
PASTE_FIX = "open the page in your browser, copy the article's text and paste it instead"

# the end of a sentence: a full stop, ! or ? (maybe closed by a quote mark or bracket), then space
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]]?(?:\s|$)")
MIN_SENTENCES = 3
MAX_WORDS_PER_SENTENCE = 60  # news prose averages 15-35; a list of headlines has no full stops

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.I)


def _problem(where: str, message: str, fix: str, field: str | None = None) -> InputError:
    return InputError(Problem(where, field, message, fix))


def _id_for(*names: str | None) -> str:
    for name in names:
        if name and name.strip():
            return make_id(name.strip())[:48].strip("-.") or "my-article"
    return "my-article"


def check_text(text: str, where: str = "the pasted text", min_words: int = MIN_WORDS) -> str:
    """The text, if it can be analysed as an article; else an `InputError` saying why."""
    if not isinstance(text, str):
        raise _problem(where, f"the text is a {type(text).__name__}, not text",
                       "give the article's words as a string", "text")
    if not text.strip():
        raise _problem(where, "there is no text", "paste the article's words (all of them)", "text")
    if len(text) > MAX_CHARS:
        raise _problem(where, f"the text has {len(text):,} characters, too long for one article",
                       f"use one article at a time, under {MAX_CHARS:,} characters", "text")
    words = len(text.split())
    if words < min_words:
        raise _problem(where, f"the text has only {words} word{'s' if words != 1 else ''}, "
                       "too short to analyse as an article",
                       f"paste the whole article: at least {min_words} words", "text")
    return text


def article_from_text(text: str, title: str | None = None, outlet: str | None = None, *,
                      id: str | None = None, author: str | None = None,
                      published: str | None = None, url: str | None = None,
                      source: str = "pasted by a student") -> Article:
    """An article from pasted text; its words are kept exactly as given."""
    check_text(text)
    title = _clean(title)
    outlet = _clean(outlet)
    published = _clean(published)
    if published and not _DATE_RE.match(published):
        raise _problem("the pasted text", f"'{published}' is not a date",
                       "write the date as YYYY-MM-DD, e.g. 2019-09-12, or leave it out", "published")
    return Article(id=_id_for(id, title, outlet), text=text, outlet=outlet or UNKNOWN, title=title,
                   author=_clean(author), published=published, source=source, url=_clean(url))


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def article_from_file(path: str | Path) -> Article:
    """An article from a .txt file (with or without a metadata header) or a saved web page."""
    path = Path(path)
    if path.suffix.lower() == SUFFIX:
        article = read_article(path)  # size, binary, UTF-8, header: each with its own Problem
        check_text(article.text, path.name)
        return article
    _check_suffix(path.name)  # before reading: a .pdf is refused for what it is, not for its size
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # checked before reading: a huge file is never loaded into memory
            raise _too_big(path.name, size)
        data = path.read_bytes()  # a folder or a file we may not read fails here, not at stat()
    except OSError as err:
        raise _problem(path.name, f"the file cannot be read ({err.strerror or type(err).__name__})",
                       "check the file exists, is a file (not a folder) and you may read it") from err
    return article_from_bytes(data, path.name)


def _check_suffix(name: str) -> None:
    suffix = Path(name).suffix.lower()
    if suffix != SUFFIX and suffix not in HTML_SUFFIXES:
        raise _problem(name, f"'{suffix or name}' files cannot be read as articles",
                       "save the article as plain text (.txt, UTF-8) or as a web page (.html)")


def article_from_bytes(data: bytes, name: str) -> Article:
    """An article from an uploaded file's bytes: a .txt file or a saved web page (.html)."""
    name = Path(str(name)).name or "upload"
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    _check_suffix(name)
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        return article_from_html(data, name=name)
    article = article_from_raw(data, name)  # binary, UTF-8, header: each with its own Problem
    check_text(article.text, name)
    return article


def _too_big(where: str, size: int) -> InputError:
    return _problem(where, f"it is {size:,} bytes, too big for one article",
                    f"use one article, under {MAX_BYTES:,} bytes, or paste its text instead")


def _decode(raw: bytes, charset: str | None) -> str:
    """Page bytes as text: the charset the server or the page names, else UTF-8, else cp1252."""
    names = [charset] if charset else []
    found = _META_CHARSET.search(raw[:4096])
    if found:
        names.append(found.group(1).decode("ascii"))
    for name in [*names, "utf-8"]:
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("cp1252", errors="replace")


def looks_like_prose(text: str) -> bool:
    """True when a text is written in sentences, as an article is, not a list of links."""
    sentences = len(_SENTENCE_END.findall(text))
    return sentences >= MIN_SENTENCES and len(text.split()) / sentences <= MAX_WORDS_PER_SENTENCE


def article_from_html(html: str | bytes, url: str | None = None, *, name: str | None = None) -> Article:
    """The article inside a web page: its body text (menus, footers left out) and its metadata."""
    where = name or url or "the web page"
    try:
        import trafilatura
    except ImportError as err:  # a broken install must not look like a bad page
        raise _problem(where, f"the kit's web-page reader cannot start ({err})",
                       "copy the article's text and paste it instead; tell your teacher that "
                       "trafilatura is not installed") from err
    if isinstance(html, bytes):
        html = _decode(html, None)
    body = None
    if html.strip():
        body = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                                   include_images=False, include_links=False, deduplicate=False,
                                   output_format="txt")
    words = len(body.split()) if body else 0
    if words >= MIN_PAGE_WORDS and not looks_like_prose(body):
        raise _problem(where, "the text on this page is not sentences (a list of headlines or links?), "
                       "so it is not an article", "give the address of one article's own page, or "
                       "copy the article's text in your browser and paste it instead")
    if words < MIN_PAGE_WORDS:
        found = f"only {words} words of article text" if words else "no article text"
        raise _problem(where, f"the kit found {found} on this page; it may be a home page, a list "
                       "of links, a page behind a login, or a page built by JavaScript",
                       "give the address of the article's own page, or copy the article's text in "
                       "your browser and paste it instead")
    check_text(body, where, MIN_PAGE_WORDS)
    meta = trafilatura.extract_metadata(html, default_url=url)
    title = _clean(getattr(meta, "title", None))
    outlet = _clean(getattr(meta, "sitename", None)) or _clean(getattr(meta, "hostname", None))
    if not outlet and url:
        outlet = urllib.parse.urlsplit(url).hostname
    date = _clean(getattr(meta, "date", None))
    return Article(id=_id_for(title, outlet, name), text=body, outlet=outlet or UNKNOWN, title=title,
                   author=_clean(getattr(meta, "author", None)),
                   published=date[:10] if date and _DATE_RE.match(date[:10]) else None,
                   source=f"extracted from {url or name or 'a web page'} by trafilatura", url=url)


# -- web addresses -------------------------------------------------------------------------

def check_url(url: str) -> str:
    """A fetchable http(s) address ('www.x.org/a' gets https://), else an `InputError`."""
    shown = _shorten(url if isinstance(url, str) else repr(url))
    if not isinstance(url, str) or not url.strip():
        raise _problem("the web address", "there is no address",
                       "copy the address from your browser's address bar", "url")
    url = url.strip()
    if any(c.isspace() for c in url):
        raise _problem(shown, "a web address has no spaces",
                       "copy the address again from your browser's address bar", "url")
    if "://" not in url and not url.lower().startswith(("http:", "https:")) and "." in url.split("/")[0]:
        url = "https://" + url
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise _problem(shown, "only web addresses that start with http:// or https:// can be loaded",
                       "copy the address from your browser's address bar", "url")
    try:
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as err:
        raise _problem(shown, "the address has a bad port number", "copy the address again", "url") from err
    if not parts.hostname:
        raise _problem(shown, "the address has no site name", "copy the whole address, e.g. "
                       "https://www.example.org/news/story", "url")
    return url


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) addresses only (never to ftp: or file:)."""

    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to a {scheme}: address refused",
                                         headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_HttpOnlyRedirects)


@dataclass(frozen=True)
class Page:
    """A downloaded page: its bytes, the server's content type and charset, the final address."""

    raw: bytes
    content_type: str | None
    charset: str | None
    url: str


def _download(url: str, timeout: float, max_bytes: int) -> Page:
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"})
    deadline = time.monotonic() + timeout
    with _opener.open(request, timeout=timeout) as response:
        length = response.headers.get("Content-Length")
        if length and length.strip().isdigit() and int(length) > max_bytes:
            raise _SizeError(int(length))
        raw_type = response.headers.get("Content-Type")
        content_type = response.headers.get_content_type() if raw_type else None
        charset = response.headers.get_content_charset()
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() > deadline:
                raise TimeoutError("the download took too long")
            chunk = response.read1(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise _SizeError(size, at_least=True)
            chunks.append(chunk)
        return Page(b"".join(chunks), content_type, charset, response.geturl())


class _SizeError(Exception):
    def __init__(self, size: int, at_least: bool = False):
        super().__init__(size)
        self.size, self.at_least = size, at_least


def fetch_page(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Page:
    """Download a page within `timeout` seconds in all (DNS, connection and body) and `max_bytes`.

    The download runs in a helper thread so that no step (a slow name lookup, a server that
    sends one byte a second) can hold the notebook longer than the time limit.
    """
    url = check_url(url)
    host = urllib.parse.urlsplit(url).hostname
    result: dict = {}

    def work() -> None:
        try:
            result["page"] = _download(url, timeout, max_bytes)
        except BaseException as err:  # handed to the caller's thread below
            result["error"] = err

    worker = threading.Thread(target=work, name="mediakit-fetch", daemon=True)
    worker.start()
    worker.join(timeout + 0.5)
    if worker.is_alive():  # it gives up by itself at its own deadline; a daemon, it holds nothing
        raise _timed_out(url, timeout)
    if "error" in result:
        err = result["error"]
        explained = _explain(err, url, host, timeout, max_bytes)
        if explained is err:  # already an InputError, or a bug: raised as it was
            raise err
        raise explained from err
    return result["page"]


def _timed_out(url: str, timeout: float) -> InputError:
    return _problem(_shorten(url), f"the site did not answer within {timeout:g} seconds: you seem "
                    "to be offline, or the site is very slow",
                    "try once more; if it fails again, copy the article's text and paste it instead")


def _explain(err: BaseException, url: str, host: str | None, timeout: float, max_bytes: int
             ) -> InputError | BaseException:
    """A plain-language `InputError` for whatever stopped the download."""
    where = _shorten(url)
    if isinstance(err, InputError):
        return err
    if isinstance(err, _SizeError):
        size = f"more than {max_bytes:,}" if err.at_least else f"{err.size:,}"
        return _problem(where, f"the page is {size} bytes, too big for one article (the limit is "
                        f"{max_bytes:,} bytes)", PASTE_FIX)
    if isinstance(err, urllib.error.HTTPError):
        return _http_error(where, err.code, str(err.reason or ""))
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    if isinstance(reason, socket.gaierror):
        return _problem(where, f"the kit cannot find the site '{host}': you seem to be offline, "
                        "or the address is wrong", OFFLINE_FIX)
    if isinstance(reason, TimeoutError):  # socket.timeout is TimeoutError since 3.10
        return _timed_out(url, timeout)
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return _problem(where, "the site's secure connection could not be checked", PASTE_FIX)
    if isinstance(reason, ConnectionRefusedError):
        return _problem(where, f"the site '{host}' refused the connection: you seem to be offline, "
                        "or the site is down", OFFLINE_FIX)
    if isinstance(reason, OSError | EOFError) or isinstance(err, urllib.error.URLError):
        return _problem(where, f"the connection to '{host}' failed: you seem to be offline, or the "
                        "site is down", OFFLINE_FIX)
    import http.client

    if isinstance(err, http.client.HTTPException):
        return _problem(where, f"the site sent a broken answer ({type(err).__name__})", PASTE_FIX)
    return err  # a bug, not bad input: let it show


def _http_error(where: str, code: int, reason: str) -> InputError:
    status = f"{code} {reason}".strip()
    if code == 404 or code == 410:
        return _problem(where, f"the site answered '{status}': there is no page at this address",
                        "check the address (copy it again from the address bar)")
    if code in (401, 402, 403):
        return _problem(where, f"the site answered '{status}': it does not let the kit read this "
                        "page (a paywall, a login, or a block on programs)", PASTE_FIX)
    if code == 429 or code >= 500:
        return _problem(where, f"the site answered '{status}': it is busy or has a problem",
                        "try again in a minute, or " + PASTE_FIX)
    return _problem(where, f"the site answered '{status}' instead of the page", PASTE_FIX)


def article_from_url(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Article:
    """The article at a web address: fetched (time and size limited), body and metadata extracted."""
    page = fetch_page(url, timeout=timeout, max_bytes=max_bytes)
    where = _shorten(page.url)
    kind = page.content_type
    if kind is None:  # no Content-Type: look at the first bytes
        kind = "text/html" if page.raw.lstrip()[:1] == b"<" else "application/octet-stream"
    if kind == "text/plain":
        text = _decode(page.raw, page.charset)
        check_text(text, where)
        host = urllib.parse.urlsplit(page.url).hostname
        return Article(id=_id_for(Path(urllib.parse.urlsplit(page.url).path).stem, host), text=text,
                       outlet=host or UNKNOWN, source=f"downloaded from {page.url}", url=page.url)
    if kind not in HTML_TYPES:
        what = {"application/pdf": "a PDF file"}.get(kind, f"a '{kind}' file")
        if kind.startswith("image/"):
            what = "a picture"
        raise _problem(where, f"this address gives {what}, not a web page", PASTE_FIX)
    return article_from_html(_decode(page.raw, page.charset), url=page.url, name=where)
