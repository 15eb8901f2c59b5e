"""The built-in corpus, and loading folders an instructor made, broken files included."""

from __future__ import annotations

import hashlib

import pytest

from mediakit.corpus import Article, load_article, load_folder, read_article
from mediakit.problems import InputError

# sha256 of the five articles exactly as received: the kit must not change their wording.
ORIGINAL_SHA256 = {
    "gr-2020-01-24": "c9e1bba46725f0312021d741e3bcc4ad75cbad3ffa1504180e91a289b4bd3db7",
    "jpost-2018-12-17": "3f046513373ffb955be340d7295c2173ba95551e740ef7700408156ea07ecdf2",
    "rferl-2018-01-29": "acac612ed62dc99ea2b272619969629d2e82d3afafe0cb971af66449fab48540",
    "rferl-2019-09-12": "e53d1a4b3f42bf93b6383ff9f5083ed0831e3cbe20303f33ff6bd1a55cfed566",
    "sputnik-2019-09-12": "325724f6ad130ab84f5ac2da55bc5a5ed325ecc294cedaf862a596eb7d37888d",
}


def test_builtin_texts_are_the_originals_unchanged(corpus):
    assert set(corpus) == set(ORIGINAL_SHA256)
    for article_id, digest in ORIGINAL_SHA256.items():
        assert hashlib.sha256(corpus[article_id].text.encode("utf-8")).hexdigest() == digest


def test_builtin_metadata(corpus):
    gr = corpus["gr-2020-01-24"]
    assert (gr.outlet, gr.author, gr.genre, gr.published) == (
        "Global Research", "Andrew Korybko", "opinion", "2020-01-24")
    assert corpus["jpost-2018-12-17"].author == "Herb Keinon"
    sputnik = corpus["sputnik-2019-09-12"]
    assert sputnik.published == "2019-09-12"  # not the "06 July 2020" page timestamp
    assert "timestamp" in sputnik.source
    assert sputnik.event == corpus["rferl-2019-09-12"].event == "sochi-2019-09-12"
    for article in corpus.values():
        assert article.language == "en" and article.source and article.genre in ("news", "opinion")


def test_gold_evidence_is_found_in_the_builtin_texts(gold):
    # load_gold resolves every evidence string to offsets; a changed text would raise.
    assert sum(len(a.attributions) for a in gold.articles.values()) == 108
    assert len(gold.events["sochi-2019-09-12"].facts) == 31


def write(folder, name, content):
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


GOOD = "---\nid: good-one\noutlet: Example Times\npublished: 2021-03-04\n---\nThe minister said it.\n"


def test_plain_text_file_loads_with_unknown_outlet(tmp_path):
    write(tmp_path, "My Story.txt", "Plain words, no header.\n")
    loaded = load_folder(tmp_path)
    assert loaded.ok
    (article,) = loaded.articles
    assert (article.id, article.outlet, article.text) == ("my-story", "unknown", "Plain words, no header.\n")


def test_header_is_split_off_and_text_kept_exactly(tmp_path):
    body = "“Curly” and \"straight\"\u00a0quotes,\r\n  spaces   kept.\n"
    path = write(tmp_path, "a.txt", "---\noutlet: X\n---\n" + body)
    article = read_article(path)
    assert article.text == body
    assert article.published is None and article.outlet == "X"


def test_dates_written_without_quotes_load_as_text(tmp_path):
    article = read_article(write(tmp_path, "a.txt", GOOD))
    assert article.published == "2021-03-04"


@pytest.mark.parametrize(
    ("name", "content", "field", "words"),
    [
        ("bad-yaml.txt", "---\noutlet: [unclosed\n---\nText.\n", None, "not valid"),
        ("unknown-field.txt", "---\noutlet: X\noutlett: Y\n---\nText.\n", "outlett", "not known"),
        ("missing-outlet.txt", "---\nauthor: Someone\n---\nText.\n", "outlet", "missing"),
        ("bad-date.txt", "---\noutlet: X\npublished: 12 May\n---\nText.\n", "published", "not a date"),
        ("bad-genre.txt", "---\noutlet: X\ngenre: rant\n---\nText.\n", "genre", "genre"),
        ("bad-id.txt", "---\noutlet: X\nid: Has Spaces\n---\nText.\n", "id", "id"),
        ("no-end.txt", "---\noutlet: X\nText.\n", None, "never ends"),
        ("empty.txt", "---\noutlet: X\n---\n  \n", "text", "no text"),
        ("latin1.txt", "Caf\xe9 au lait".encode("latin-1"), None, "not UTF-8"),
        ("binary.txt", b"%PDF-1.4\x00\x01\x02", None, "binary"),
        ("report.pdf", b"%PDF-1.4", None, ".txt"),
    ],
)
def test_each_broken_file_is_reported_and_the_good_one_still_loads(
        tmp_path, name, content, field, words):
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, name, content)
    loaded = load_folder(tmp_path)
    assert [a.id for a in loaded.articles] == ["good-one"]
    (problem,) = loaded.problems
    assert problem.file == name
    assert problem.field == field
    assert words in problem.message
    assert problem.fix  # every problem says how to fix it
    assert name in str(problem) and "Fix:" in str(problem)


def test_unknown_field_suggests_the_right_name(tmp_path):
    write(tmp_path, "a.txt", "---\noutlet: X\nauthr: Y\n---\nText.\n")
    (problem,) = load_folder(tmp_path).problems
    assert "did you mean 'author'" in problem.fix


def test_duplicate_ids_keep_the_first(tmp_path):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", GOOD)
    loaded = load_folder(tmp_path)
    assert len(loaded.articles) == 1
    assert loaded.problems[0].file == "b.txt" and loaded.problems[0].field == "id"


def test_missing_folder_and_empty_folder_are_problems(tmp_path):
    assert "does not exist" in load_folder(tmp_path / "nope").problems[0].message
    assert "no .txt" in load_folder(tmp_path).problems[0].message


def test_load_article_by_id_or_path(tmp_path):
    assert load_article("rferl-2019-09-12").outlet == "RFE/RL"
    path = write(tmp_path, "x.txt", GOOD)
    assert load_article(str(path)).id == "good-one"
    with pytest.raises(InputError) as err:
        load_article("no-such-article")
    assert "rferl-2019-09-12" in err.value.problem.fix  # lists the ids that exist


def test_pasted_text():
    article = Article.from_text("Some words here.", id="My paste")
    assert article.id == "my-paste" and article.outlet == "unknown" and article.words == 3
    with pytest.raises(ValueError, match="empty"):
        Article.from_text("   ")
