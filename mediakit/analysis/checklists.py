"""Fact checklists: the facts of one story, and which articles report each one.

A checklist is a YAML file written by a person (the kit ships two under
`mediakit/data/checklists/`; an instructor can add more for new stories). It is the
answer key for "what did each outlet leave out?": students tick facts, the kit shows
the evidence. Every problem in a file is reported as a `Problem` naming the file, the
field (e.g. `facts[3].reported.bbc-2019-09-12`) and how to fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..corpus import Article
from ..problems import InputError, Problem

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True)
class Fact:
    id: str
    fact: str
    reported: dict[str, str]  # article id -> exact evidence text


@dataclass
class Checklist:
    event: str
    what: str
    same_story: bool
    articles: dict[str, str]  # article id -> outlet
    facts: list[Fact] = field(default_factory=list)
    file: str = ""

    def evidence_span(self, fact: Fact, article: Article) -> tuple[int, int] | None:
        """(start, end) of the fact's evidence in the article's text, None if not reported."""
        evidence = fact.reported.get(article.id)
        if evidence is None:
            return None
        start = article.text.find(evidence)
        return None if start < 0 else (start, start + len(evidence))


def checklist_folder() -> Path:
    return Path(str(resources.files("mediakit") / "data" / "checklists"))


def available() -> list[str]:
    """Event ids of the checklists shipped with the kit."""
    return sorted(p.stem for p in checklist_folder().glob("*.yaml"))


def _resolve(event_or_path: str | Path) -> Path:
    path = Path(event_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path
    return checklist_folder() / f"{event_or_path}.yaml"


def check_checklist(event_or_path: str | Path,
                    articles: list[Article] | None = None) -> tuple[Checklist | None, list[Problem]]:
    """Read a checklist and list every problem in it (an empty list: the file is fine).

    With `articles`, each evidence text is also looked up in its article's text.
    """
    path = _resolve(event_or_path)
    name = path.name
    if not path.is_file():
        known = ", ".join(available())
        return None, [Problem(name, None, "there is no such checklist file",
                              f"give a path to a .yaml file or one of: {known}")]
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return None, [Problem(name, None, "the file is not UTF-8 text",
                              "save the file again with the encoding UTF-8")]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" on line {mark.line + 1}" if mark is not None else ""
        return None, [Problem(name, None, f"the YAML cannot be read{where}",
                              "check the indentation and that texts with a colon are in quotes")]
    return _validate(data, name, str(path), articles)


def _validate(data, name: str, path: str,
              articles: list[Article] | None) -> tuple[Checklist | None, list[Problem]]:
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return None, [Problem(name, None, "the file is not a checklist (no 'event:', 'facts:')",
                              "start from a checklist in mediakit/data/checklists/")]

    def text_field(key: str, fix: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(name, key, f"'{key}' is missing or empty", fix))
            return ""
        return value.strip()

    event = text_field("event", "add a line such as  event: sochi-2019-09-12")
    if event and not _ID_RE.match(event):
        problems.append(Problem(name, "event", f"'{event}' is not a usable id",
                                "use lower-case letters, digits and dashes, no spaces"))
    what = text_field("what", "add one line saying what happened, e.g.  what: \"Putin meets ...\"")
    same_story = data.get("same_story", True)
    if not isinstance(same_story, bool):
        problems.append(Problem(name, "same_story", f"'{same_story}' is not true or false",
                                "write  same_story: true  (or false)"))
        same_story = True
    raw_articles = data.get("articles")
    outlets: dict[str, str] = {}
    if isinstance(raw_articles, list):
        outlets = {str(a): str(a) for a in raw_articles}
    elif isinstance(raw_articles, dict):
        outlets = {str(k): str(v) for k, v in raw_articles.items()}
    if not outlets:
        problems.append(Problem(name, "articles", "no articles are listed",
                                "list the article ids with their outlets, e.g.\n"
                                "  articles:\n    bbc-2019-09-12: BBC"))
    raw_facts = data.get("facts")
    facts: list[Fact] = []
    if not isinstance(raw_facts, list) or not raw_facts:
        problems.append(Problem(name, "facts", "there are no facts",
                                "add a list of facts: '- id: ...', 'fact: ...', 'reported: ...'"))
        raw_facts = []
    by_id = {a.id: a for a in articles or []}
    seen: set[str] = set()
    for n, entry in enumerate(raw_facts, 1):
        where = f"facts[{n}]"
        if not isinstance(entry, dict):
            problems.append(Problem(name, where, "this fact is not a list of keys",
                                    "write each fact as '- id: ...' with 'fact:' and 'reported:' "
                                    "indented under it"))
            continue
        fid = entry.get("id")
        if not isinstance(fid, str) or not _ID_RE.match(fid):
            problems.append(Problem(name, f"{where}.id", f"the id {fid!r} is missing or not usable",
                                    "give the fact a short id in lower case, e.g.  id: met-in-sochi"))
            fid = f"fact-{n}"
        elif fid in seen:
            problems.append(Problem(name, f"{where}.id", f"the id '{fid}' is used twice",
                                    "give each fact its own id"))
        seen.add(fid)
        sentence = entry.get("fact")
        if not isinstance(sentence, str) or not sentence.strip():
            problems.append(Problem(name, f"{where}.fact", "the fact sentence is missing",
                                    "add  fact: \"one neutral sentence\""))
            sentence = ""
        reported = entry.get("reported") or {}
        if not isinstance(reported, dict):
            problems.append(Problem(name, f"{where}.reported",
                                    "'reported' must map article ids to evidence",
                                    "write  reported:  then one line per article:  "
                                    "<article id>: \"exact words\""))
            reported = {}
        clean: dict[str, str] = {}
        for aid, evidence in reported.items():
            field_name = f"{where}.reported.{aid}"
            if str(aid) not in outlets:
                problems.append(Problem(name, field_name, f"'{aid}' is not in 'articles'",
                                        f"add {aid} under 'articles' or fix the id "
                                        f"(known: {', '.join(outlets) or 'none'})"))
                continue
            if not isinstance(evidence, str) or not evidence.strip():
                problems.append(Problem(name, field_name, "the evidence text is empty",
                                        "copy the exact words of the article that state the fact"))
                continue
            article = by_id.get(str(aid))
            if article is not None and evidence not in article.text:
                problems.append(Problem(name, field_name,
                                        f"the evidence “{evidence[:60]}” is not in the article",
                                        "copy the words exactly from the article text (same "
                                        "quotes, dashes and line breaks)"))
            clean[str(aid)] = evidence
        facts.append(Fact(fid, sentence.strip(), clean))
    if problems:
        return None, problems
    return Checklist(event, what, same_story, outlets, facts, path), []


def load_checklist(event_or_path: str | Path, articles: list[Article] | None = None) -> Checklist:
    """The checklist for an event id ("sochi-2019-09-12") or a YAML path.

    Raises `InputError` with the first problem (file, field, fix); use
    `check_checklist` to see them all.
    """
    checklist, problems = check_checklist(event_or_path, articles)
    if problems:
        first = problems[0]
        if len(problems) > 1:
            first = Problem(first.file, first.field,
                            f"{first.message} (and {len(problems) - 1} more problem(s))", first.fix)
        raise InputError(first)
    assert checklist is not None
    return checklist
