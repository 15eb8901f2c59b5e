"""Every label the kit shows, explained in one sentence a student can read.

Like `spacy.explain`: tables, legends, charts and exercises take their wording from
here, so a label means the same thing everywhere.
"""

from __future__ import annotations

# analysis -> label -> plain explanation
EXPLAINED: dict[str, dict[str, str]] = {
    "sources": {
        "direct": "someone's exact words, credited to them",
        "indirect": "someone's words retold by the writer",
        "credit": "a byline or credit line",
        "link": "a document or page the text points to, or words referred to but not given",
    },
    "quote_marks": {
        "speech": "someone's words, quoted",
        "scare": "scare quotes: the writer keeps the word at a distance, doubts or mocks it",
        "title": "the name of a work, event, page or headline",
        "mention": "a word talked about as a word, or a coined name",
    },
    "loaded": {
        "label": "a name for a person, group or place that takes a side",
        "intensifier": "makes a claim sound bigger or more certain than the facts shown",
        "emotive": "asks the reader to feel rather than to weigh facts",
        "delegitimizing": "casts doubt on or dismisses people or their views",
        "hedge": "keeps the writer from standing behind a claim",
    },
    "source_types": {
        "official": "speaks for a government, state body or public office",
        "journalist": "a reporter, editor or presenter",
        "outlet": "a newspaper, website or broadcaster",
        "wire": "a news agency whose reports many outlets reuse (AP, Reuters, AFP, dpa, TASS)",
        "document": "a written record: a report, statement, web page or earlier article",
        "anonymous": "a source the text does not name",
        "expert": "someone quoted for their knowledge: an analyst, scientist or professor",
        "self": "the writer citing his or her own earlier work",
        "other": "anyone else: witnesses, residents, groups",
    },
}


def explain(label: str) -> str:
    """The plain explanation of a label, or '' if the kit does not know it."""
    for labels in EXPLAINED.values():
        if label in labels:
            return labels[label]
    return ""
