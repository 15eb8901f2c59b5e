"""A student's own article: pasted, from a file, or from a web address served on 127.0.0.1.

Every bad input must end in an `InputError` whose message says what went wrong and whose fix
says what to do; a page's scripts and event handlers must never reach any HTML we show.
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mediakit.corpus import Article
from mediakit.corpus.user_input import (
    MAX_CHARS,
    article_from_bytes,
    article_from_file,
    article_from_html,
    article_from_text,
    article_from_url,
    check_url,
    looks_like_prose,
)
from mediakit.problems import InputError

SENTENCES = [
    "The city council voted 7-2 on Tuesday to close two branch libraries to save money.",
    "\u201cWe simply cannot afford to keep every building open,\u201d Mayor Linda Park told reporters.",
    "She said the savings, about $1.2 million a year, would pay for longer hours at the main library.",
    "Opponents called the decision a \u201cdisastrous\u201d blow to poor neighbourhoods.",
    "According to a council report, the two branches had 40,000 visits last year.",
    "A city official, who asked not to be named, said more closures were likely next year.",
    "Residents plan to protest outside city hall before the budget vote in March.",
]
STORY = "\n\n".join(SENTENCES)
HOSTILE = "Some readers typed &lt;script&gt;alert(2)&lt;/script&gt; into the comment box, the paper said."

ARTICLE_PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8">
<title>Council closes two libraries &lt;b&gt; | Town Crier</title>
<meta property="og:title" content="Council closes two libraries <script>alert(3)</script>">
<meta property="og:site_name" content="Town Crier">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<script>alert('in the head')</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport
</a></li><li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
<header><h1>Council closes two libraries</h1><p class="byline">By Jane Roe</p></header>
<article>
{"".join(f"<p>{s}</p>" for s in SENTENCES)}
<p>{HOSTILE} <img src="x" onerror="alert(1)"><script>alert('in the body')</script></p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Cat rescued from tree</a></li>
<li><a href="/b">Ten best pizzas in town</a></li></ul></aside>
<footer><p>Copyright 2024 Town Crier Media Ltd. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a></p></footer>
</body></html>"""

HOME_PAGE = ("<!doctype html><html><head><title>Town Crier - Home</title></head><body><nav>"
             + "".join(f'<a href="/n{i}">Story number {i} of the day</a> ' for i in range(40))
             + "</nav><form><input name=q><button>Search</button></form>"
             "<footer>Copyright Town Crier</footer></body></html>")
LOGIN_PAGE = ("<!doctype html><html><head><title>Sign in</title></head><body><h1>Sign in</h1>"
              "<form><input name=user><input name=pw type=password><button>Log in</button></form>"
              "</body></html>")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass

    def send(self, body: bytes, content_type: str | None = "text/html; charset=utf-8",
             status: int = 200, length: int | None = None, headers: dict | None = None):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: C901 - one branch per kind of page
        path = self.path
        if path == "/article":
            self.send(ARTICLE_PAGE.encode("utf-8"))
        elif path == "/latin1":
            page = ARTICLE_PAGE.replace('<meta charset="utf-8">', "").replace("Jane Roe", "Ren\u00e9e Roe")
            self.send(page.encode("latin-1", errors="replace"), "text/html; charset=iso-8859-1")
        elif path == "/home":
            self.send(HOME_PAGE.encode())
        elif path == "/login":
            self.send(LOGIN_PAGE.encode())
        elif path == "/missing":
            self.send(b"<html><body><h1>Not found</h1></body></html>", status=404)
        elif path == "/forbidden":
            self.send(b"<html><body>No robots</body></html>", status=403)
        elif path == "/broken":
            self.send(b"<html><body>Oops</body></html>", status=500)
        elif path == "/slow-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(60):  # one byte every 0.2 s: each read is quick, the whole is not
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
        elif path == "/slow-start":
            time.sleep(6)
            self.send(ARTICLE_PAGE.encode())
        elif path == "/big-declared":
            self.send(b"<html></html>", length=50_000_000)
        elif path == "/big-stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except OSError:
                pass
        elif path == "/report.pdf":
            self.send(b"%PDF-1.4 not really", "application/pdf")
        elif path == "/picture":
            self.send(b"\x89PNG\r\n", "image/png")
        elif path == "/plain":
            self.send(STORY.encode(), "text/plain; charset=utf-8")
        elif path == "/no-type":
            self.send(ARTICLE_PAGE.encode(), None)
        elif path == "/redirect":
            self.send(b"", status=302, headers={"Location": "/article"})
        elif path == "/redirect-ftp":
            self.send(b"", status=302, headers={"Location": "ftp://127.0.0.1/secret.txt"})
        elif path == "/redirect-file":
            self.send(b"", status=302, headers={"Location": "file:///etc/passwd"})
        else:
            self.send(b"<html><body>?</body></html>", status=404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def problem_of(call, *args, **kwargs):
    with pytest.raises(InputError) as caught:
        call(*args, **kwargs)
    problem = caught.value.problem
    assert problem.message and problem.fix, problem
    return problem


# -- pasted text ---------------------------------------------------------------------------

def test_pasted_text_is_kept_exactly_with_title_and_outlet():
    text = "  " + STORY + "\r\n"
    article = article_from_text(text, title="Council closes two libraries", outlet=" Town  Crier ")
    assert isinstance(article, Article)
    assert article.text == text  # offsets index the text as pasted
    assert article.title == "Council closes two libraries" and article.outlet == "Town Crier"
    assert article.id == "council-closes-two-libraries"
    assert article_from_text(STORY).id == "my-article" and article_from_text(STORY).outlet == "unknown"


@pytest.mark.parametrize("text, words", [("", "no text"), ("   \n\t ", "no text"),
                                         ("Putin met Netanyahu.", "only 3 words"),
                                         (None, "not text")])
def test_empty_or_short_text_is_refused_with_a_fix(text, words):
    problem = problem_of(article_from_text, text)
    assert words in problem.message
    assert "paste" in problem.fix or "string" in problem.fix


def test_too_long_text_is_refused():
    problem = problem_of(article_from_text, "word " * (MAX_CHARS // 5 + 10))
    assert "too long" in problem.message and f"{MAX_CHARS:,}" in problem.fix


def test_bad_date_names_the_field():
    problem = problem_of(article_from_text, STORY, published="5 March")
    assert problem.field == "published" and "YYYY-MM-DD" in problem.fix
    assert article_from_text(STORY, published="2024-03-05").published == "2024-03-05"


# -- files and uploads ---------------------------------------------------------------------

def test_txt_file_with_and_without_header(tmp_path):
    plain = tmp_path / "my story.txt"
    plain.write_text(STORY, encoding="utf-8")
    article = article_from_file(plain)
    assert article.text == STORY and article.id == "my-story"
    headed = tmp_path / "b.txt"
    headed.write_text("---\noutlet: Town Crier\ntitle: Libraries\n---\n" + STORY, encoding="utf-8")
    article = article_from_file(headed)
    assert (article.outlet, article.title, article.text) == ("Town Crier", "Libraries", STORY)


def test_bad_files_say_what_and_how_to_fix(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(("Caf\u00e9 " + STORY).encode("cp1252"))
    assert "not UTF-8" in problem_of(article_from_file, latin).message
    word = tmp_path / "story.docx"
    word.write_bytes(b"PK\x03\x04")
    assert ".txt" in problem_of(article_from_file, word).fix
    binary = tmp_path / "story.txt"
    binary.write_bytes(b"%PDF\x00\x01")
    assert "binary" in problem_of(article_from_file, binary).message
    short = tmp_path / "short.txt"
    short.write_text("Only a headline here", encoding="utf-8")
    assert "too short" in problem_of(article_from_file, short).message
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"a " * 2_600_000 + b"</p>")
    assert "too big" in problem_of(article_from_file, big).message


def test_saved_page_that_cannot_be_read_names_the_file(tmp_path):
    folder = tmp_path / "saved.html"  # a folder with a web page's name: stat() works, reading fails
    folder.mkdir()
    problem = problem_of(article_from_file, folder)
    assert problem.file == "saved.html" and "cannot be read" in problem.message
    assert "folder" in problem.fix


def test_other_file_kinds_are_told_both_kinds_that_load(tmp_path):
    pdf = tmp_path / "story.pdf"
    pdf.write_bytes(b"%PDF-1.4 " + b"x" * 100)
    problem = problem_of(article_from_file, pdf)
    assert problem.file == "story.pdf" and "'.pdf' files cannot be read" in problem.message
    assert ".txt" in problem.fix and ".html" in problem.fix  # a saved web page loads too
    assert "'.pdf' files" in problem_of(article_from_file, tmp_path / "missing.pdf").message


def test_saved_web_page_and_uploaded_bytes(tmp_path):
    page = tmp_path / "saved.html"
    page.write_text(ARTICLE_PAGE, encoding="utf-8")
    article = article_from_file(page)
    assert SENTENCES[0] in article.text and "Copyright" not in article.text
    uploaded = article_from_bytes(STORY.encode("utf-8"), "C:\\fakepath\\../story.txt")
    assert uploaded.text == STORY and uploaded.path is None
    assert "not UTF-8" in problem_of(article_from_bytes, "\u00e9t\u00e9 ".encode("cp1252") * 30,
                                     "story.txt").message
    assert "files cannot be read" in problem_of(article_from_bytes, b"x", "story.pdf").message


# -- web addresses -------------------------------------------------------------------------

def test_article_page_gives_body_without_boilerplate_and_its_metadata(server):
    article = article_from_url(server + "/article")
    for sentence in SENTENCES:
        assert sentence in article.text
    for furniture in ("Subscribe now", "Most read", "Cat rescued", "Copyright", "Privacy policy",
                      "alert('in", "onerror"):
        assert furniture not in article.text
    assert article.title.startswith("Council closes two libraries")
    assert article.outlet == "Town Crier" and article.author == "Jane Roe"
    assert article.published == "2024-03-05"
    assert article.url == server + "/article" and "trafilatura" in article.source


def test_redirect_charset_plain_text_and_missing_type(server):
    assert SENTENCES[0] in article_from_url(server + "/redirect").text
    assert article_from_url(server + "/latin1").author == "Ren\u00e9e Roe"
    plain = article_from_url(server + "/plain")
    assert plain.text == STORY and plain.outlet == "127.0.0.1"
    assert SENTENCES[0] in article_from_url(server + "/no-type").text


@pytest.mark.parametrize("path, words", [("/home", "not sentences"), ("/login", "words of article text")])
def test_page_that_is_not_an_article_is_refused(server, path, words):
    problem = problem_of(article_from_url, server + path)
    assert words in problem.message and "paste" in problem.fix


@pytest.mark.parametrize("path, words", [("/missing", "404"), ("/forbidden", "403"),
                                         ("/broken", "500")])
def test_http_errors_say_what_the_site_answered(server, path, words):
    problem = problem_of(article_from_url, server + path)
    assert words in problem.message
    assert path not in ("/missing",) or "check the address" in problem.fix


@pytest.mark.parametrize("path", ["/slow-body", "/slow-start"])
def test_slow_server_times_out_within_the_limit(server, path):
    started = time.monotonic()
    problem = problem_of(article_from_url, server + path, timeout=1)
    took = time.monotonic() - started
    assert took < 3, f"the time limit was 1 s but the download took {took:.1f} s"
    assert "did not answer within 1 seconds" in problem.message and "paste" in problem.fix


@pytest.mark.parametrize("path", ["/big-declared", "/big-stream"])
def test_too_large_page_is_refused(server, path):
    problem = problem_of(article_from_url, server + path, max_bytes=1_000_000)
    assert "too big" in problem.message and "1,000,000" in problem.message


@pytest.mark.parametrize("path, words", [("/report.pdf", "a PDF file"), ("/picture", "a picture")])
def test_non_html_content_is_refused(server, path, words):
    problem = problem_of(article_from_url, server + path)
    assert words in problem.message and "not a web page" in problem.message


@pytest.mark.parametrize("path", ["/redirect-ftp", "/redirect-file"])
def test_redirects_leave_the_web_never(server, path):
    problem = problem_of(article_from_url, server + path)
    assert "refused" in problem.message or "instead of the page" in problem.message


def test_unreachable_port_says_offline_and_paste_instead():
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    problem = problem_of(article_from_url, f"http://127.0.0.1:{port}/news", timeout=3)
    assert "you seem to be offline" in problem.message and "paste" in problem.fix


def test_unknown_host_says_offline_within_the_limit():
    started = time.monotonic()
    problem = problem_of(article_from_url, "http://no-such-site.invalid/news", timeout=2)
    assert time.monotonic() - started < 4
    assert "offline" in problem.message and "paste" in problem.fix


@pytest.mark.parametrize("url, words", [
    ("", "no address"), ("javascript:alert(1)", "http:// or https://"),
    ("file:///etc/passwd", "http:// or https://"), ("ftp://example.org/a", "http:// or https://"),
    ("https://exa mple.org", "no spaces"), ("http://", "no site name"),
    ("http://example.org:99999/", "bad port")])
def test_only_http_addresses_are_fetched(url, words):
    assert words in problem_of(article_from_url, url).message


def test_address_without_scheme_gets_https():
    assert check_url(" www.example.org/news/story ") == "https://www.example.org/news/story"


def test_empty_page_and_empty_body():
    assert "no article text" in problem_of(article_from_html, "").message
    assert "no article text" in problem_of(article_from_html, b"<html><body></body></html>").message


def test_missing_extraction_library_is_a_problem_not_a_crash(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "trafilatura", None)  # import now fails
    problem = problem_of(article_from_html, "<p>x</p>", name="saved.html")
    assert "cannot start" in problem.message and "paste" in problem.fix


def test_prose_check_tells_articles_from_lists():
    assert looks_like_prose(STORY)
    assert not looks_like_prose(" ".join(f"Story number {i} of the day" for i in range(40)))


# -- nothing from the page runs ------------------------------------------------------------

def _all_html(article: Article) -> str:
    from mediakit.views.article_report import article_card, show_sources, show_wording

    return "\n".join(view(article).data for view in (article_card, show_sources, show_wording))


def test_hostile_page_never_reaches_html_unescaped(server):
    article = article_from_url(server + "/article")
    assert "<script>alert(2)</script>" in article.text  # the article's own words, as text
    html = _all_html(article)
    assert "<script" not in html.lower() and "onerror" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(3)" in html  # the title from the page's metadata, escaped


def test_hostile_title_and_outlet_typed_by_a_student_are_escaped():
    evil = '<img src=x onerror="alert(1)">'
    article = article_from_text(STORY + " " + evil, title=evil, outlet=evil)
    html = _all_html(article)
    assert "<img" not in html and "&lt;img src=x onerror=" in html
