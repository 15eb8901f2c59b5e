"""Readability figures from textstat, each with a sentence saying what it measures.

Readability formulas count sentence length and syllables; they say nothing about
whether a text is true, fair or clear. The lessons say so next to every chart.
"""

from __future__ import annotations

import re

from ..corpus import Article

# What each figure means, in words a student can read (shown in tables and tooltips).
EXPLAINED = {
    "words": "How many words the article has.",
    "sentences": "How many sentences textstat counted.",
    "words_per_sentence": "Average sentence length in words: long sentences are harder to follow.",
    "long_words_pct": "Share of words with three or more syllables, in percent.",
    "grade": "Flesch-Kincaid grade: roughly the school year a reader needs to be in "
             "to follow the text easily (10 = year 10).",
    "reading_ease": "Flesch reading ease from 0 (very hard) to 100 (very easy).",
    "reading_minutes": "About how long it takes to read, in minutes.",
}

_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*\)")


def prose(text: str) -> str:
    """The text without web-link syntax ('[words](#)' -> 'words'), so links aren't counted."""
    return _MARKDOWN_LINK.sub(r"\1", text)


def readability(article: Article) -> dict:
    """Readability figures for one article, rounded for display."""
    import textstat

    text = prose(article.text)
    words = textstat.lexicon_count(text)
    sentences = max(1, textstat.sentence_count(text))
    if not words:
        return dict.fromkeys(EXPLAINED, 0)
    return {
        "words": words,
        "sentences": sentences,
        "words_per_sentence": round(words / sentences, 1),
        "long_words_pct": round(100 * textstat.polysyllabcount(text) / words, 1),
        "grade": round(textstat.flesch_kincaid_grade(text), 1),
        "reading_ease": round(textstat.flesch_reading_ease(text), 1),
        "reading_minutes": round(textstat.reading_time(text, ms_per_char=14.69) / 60, 1),
    }
