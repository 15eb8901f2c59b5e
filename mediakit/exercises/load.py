"""Read lesson files (instructor source or released student copy) into `LessonDoc`s.

Every mistake becomes a `Problem` naming the file, the exercise id, the field and the fix, and
loading goes on, so `mediakit check` lists them all at once. A released file's answers are
recovered from its hashes with the salt stored in the file (see `seal.py`).
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import functools
from pathlib import Path

import yaml

from ..corpus import load_folder
from ..problems import Problem
from . import seal
from .schema import (
    ID_RE,
    RELEASE_FORMAT,
    TYPES,
    Exercise,
    Fact,
    LessonDoc,
    Option,
    TagItem,
    Target,
    find_occurrence,
    words_in,
)

MAX_FILE_BYTES = 2_000_000
COMMON = ("id", "type", "prompt", "article", "span", "occurrence", "points", "hint",
          "explanation", "passage", "skill")
MAX_PASSAGE_CHARS = 5000
SOURCE_FIELDS = {
    "single_choice": ("options",), "multiple_choice": ("options",), "highlight": ("targets",),
    "tag": ("labels", "items"), "checklist": ("outlets", "facts"),
    "short_answer": ("min_words", "rubric", "model_answer"),
}
RELEASED_EXTRA = ("explanation_sealed",)
SUB_FIELDS = {
    ("options", False): ("id", "text", "correct", "explanation"),
    ("options", True): ("id", "text", "check", "explanation_sealed"),
    ("targets", False): ("text", "occurrence", "explanation"),
    ("targets", True): ("words", "check", "explanation_sealed"),
    ("items", False): ("id", "text", "label", "explanation", "occurrence"),
    ("items", True): ("id", "text", "occurrence", "check", "explanation_sealed"),
    ("facts", False): ("id", "text", "reported", "explanation"),
    ("facts", True): ("id", "text", "checks", "evidence_sealed", "explanation_sealed"),
}


@functools.lru_cache(maxsize=1)
def builtin_articles() -> dict[str, str]:
    """Built-in article id -> text (exercises are about the kit's own corpus)."""
    return {a.id: a.text for a in load_folder().articles}


@functools.lru_cache(maxsize=1)
def builtin_names() -> dict[str, str]:
    """Built-in article id -> a name a student recognises: 'Sputnik, 2019-09-12'."""
    return {a.id: f"{a.outlet}, {a.published}" if a.published else a.outlet
            for a in load_folder().articles}


class _Report:
    """Collects problems for one file, phrased the same way everywhere."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, ex_id: str | None, field: str | None, message: str, fix: str) -> None:
        where = f"exercise '{ex_id}': " if ex_id else ""
        full_field = f"{ex_id}.{field}" if ex_id and field else (field or ex_id)
        self.problems.append(Problem(self.file, full_field, where + message, fix))


def lesson_files(path: str | Path) -> list[Path]:
    """The lesson files at `path`: the file itself, or every .yaml/.yml in a folder."""
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.iterdir()
                      if p.suffix in (".yaml", ".yml") and not p.name.startswith((".", "_")))
    return [path]


def load_lessons(path: str | Path) -> tuple[list[LessonDoc], list[Problem]]:
    docs, problems = [], []
    path = Path(path)
    if not path.exists():
        return [], [Problem(str(path), None, "this file or folder does not exist",
                            "give the path of an exercises folder or a lesson .yaml file")]
    seen: dict[str, str] = {}
    for file in lesson_files(path):
        doc, found = load_lesson_file(file)
        problems.extend(found)
        for one in each_lesson(doc) if doc is not None else []:
            if one.lesson in seen:  # e.g. a 'lessons:' name that another file also uses
                problems.append(Problem(file.name, "lesson", f"the lesson name '{one.lesson}' is "
                                        f"also used by {seen[one.lesson]}", "give every lesson "
                                        "its own name (answers are stored under it)"))
                continue
            seen[one.lesson] = file.name
            docs.append(one)
    return docs, problems


def each_lesson(doc: LessonDoc) -> list[LessonDoc]:
    """A file with `lessons: [a, b]` as one LessonDoc per name (same exercises, own copies)."""
    if len(doc.names) < 2:
        return [doc]
    return [dataclasses.replace(doc, lesson=name, exercises=copy.deepcopy(doc.exercises))
            for name in doc.names]


def load_lesson_file(path: str | Path) -> tuple[LessonDoc | None, list[Problem]]:
    path = Path(path)
    report = _Report(path.name)
    try:
        raw = path.read_bytes()
    except OSError as err:
        report.add(None, None, f"the file cannot be read ({err.strerror})",
                   "check the path and that you may read the file")
        return None, report.problems
    if len(raw) > MAX_FILE_BYTES:
        report.add(None, None, f"the file is {len(raw):,} bytes, far too big for a lesson",
                   f"keep a lesson file under {MAX_FILE_BYTES:,} bytes")
        return None, report.problems
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as err:
        mark = getattr(err, "problem_mark", None)
        where = f" on line {mark.line + 1}" if mark is not None else ""
        report.add(None, None, f"this is not valid YAML{where} ({getattr(err, 'problem', err)})",
                   "check indentation and put text containing ': ' or quotes in quotes")
        return None, report.problems
    if not isinstance(data, dict):
        report.add(None, None, "the file should be a mapping with 'lesson' and 'exercises'",
                   "start the file with 'lesson: <name>' and 'exercises:' followed by a list")
        return None, report.problems
    return parse_lesson(data, path, report), report.problems


def parse_lesson(data: dict, path: Path, report: _Report) -> LessonDoc | None:
    for key in data:
        if key not in ("lesson", "lessons", "title", "feedback", "exercises", "released"):
            report.add(None, str(key), "this top-level field is not known",
                       "use only lesson (or lessons), title, feedback, exercises (and released "
                       "in student files)")
    names = _lesson_names(data, report) if "lessons" in data else []
    lesson = data.get("lesson")
    if "lessons" in data:  # several names: the file name is free (e.g. skills_check.yaml)
        lesson = names[0] if names else path.stem
    elif not isinstance(lesson, str) or not lesson:
        report.add(None, "lesson", "the lesson name is missing",
                   f"add 'lesson: {path.stem}' at the top of the file")
        lesson = path.stem
    elif lesson != path.stem:
        report.add(None, "lesson", f"the lesson name '{lesson}' differs from the file name",
                   f"write 'lesson: {path.stem}' or rename the file to {lesson}.yaml")
    released = data.get("released")
    salt = None
    if released is not None:
        if (not isinstance(released, dict) or released.get("format") != RELEASE_FORMAT
                or not isinstance(released.get("salt"), str) or not released["salt"]):
            report.add(None, "released", "the release header is damaged (format or salt)",
                       "run 'mediakit release' again from the instructor's files")
            return None
        salt = released["salt"]
    title = data.get("title")
    doc = LessonDoc(lesson=lesson, path=str(path), title=title if isinstance(title, str) else None,
                    released=salt is not None, salt=salt, feedback=_feedback(data, report),
                    names=names or [lesson])
    if names and salt:
        report.add(None, "lessons", "a student file holds one lesson", "run 'mediakit release' "
                   "again from the instructor's files")
    exercises = data.get("exercises")
    if not isinstance(exercises, list) or not exercises:
        report.add(None, "exercises", "there is no list of exercises",
                   "add 'exercises:' followed by one '- id: ...' block per exercise")
        return doc
    seen: set[str] = set()
    for number, raw in enumerate(exercises, 1):
        exercise = _parse_exercise(raw, number, report, salt)
        if exercise is None:
            continue
        if exercise.id in seen:
            report.add(exercise.id, "id", "this id is used by another exercise in the file",
                       "give every exercise its own id")
            continue
        seen.add(exercise.id)
        doc.exercises.append(exercise)
    return doc


def _lesson_names(data: dict, report: _Report) -> list[str]:
    """`lessons: [a, b]`: one exercise file released as several lessons (e.g. the same check
    before and after a unit, so the gain can be measured on the same items)."""
    names = data["lessons"]
    fix = "write e.g. 'lessons: [skills_check_before, skills_check_after]' and no 'lesson:'"
    if "lesson" in data:
        report.add(None, "lessons", "the file gives both 'lesson' and 'lessons'", fix)
    if (not isinstance(names, list) or len(names) < 2 or len(set(map(str, names))) != len(names)
            or not all(isinstance(n, str) and ID_RE.match(n) for n in names)):
        report.add(None, "lessons", f"lessons must list two or more different lesson names, not "
                   f"{names!r}", fix + " (names: lower-case letters, digits, - and _)")
        return [n for n in names if isinstance(n, str) and ID_RE.match(n)][:1] \
            if isinstance(names, list) else []
    return names


def _feedback(data: dict, report: _Report) -> bool:
    value = data.get("feedback", True)
    if value in (True, "on"):
        return True
    if value in (False, "off"):
        return False
    report.add(None, "feedback", f"feedback must be on or off, not {value!r}",
               "write 'feedback: off' to hide scores and explanations, or leave the line out")
    return True


def _text(value) -> str | None:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _parse_exercise(raw, number: int, report: _Report, salt: str | None) -> Exercise | None:
    if not isinstance(raw, dict):
        report.add(f"#{number}", None, "this exercise is not a block of 'field: value' lines",
                   "start each exercise with '- id: ...' and indent its fields")
        return None
    ex_id = raw.get("id")
    if not isinstance(ex_id, str) or not ID_RE.match(ex_id):
        shown = f"#{number}" if ex_id is None else f"#{number} ({ex_id!r})"
        report.add(shown, "id", "the id is missing or not usable",
                   "write 'id: some-name' with lower-case letters, digits, - and _ only")
        return None
    ex_type = raw.get("type")
    if ex_type not in TYPES:
        close = difflib.get_close_matches(str(ex_type), TYPES, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        report.add(ex_id, "type", f"the type {ex_type!r} is not known",
                   f"{hint}use one of: {', '.join(TYPES)}")
        return None
    allowed = COMMON + SOURCE_FIELDS[ex_type] + (RELEASED_EXTRA if salt else ())
    for key in raw:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            report.add(ex_id, str(key), f"the field '{key}' is not used by {ex_type} exercises",
                       f"{hint}the fields are: {', '.join(allowed)}")
    prompt = _text(raw.get("prompt"))
    if prompt is None:
        report.add(ex_id, "prompt", "the prompt is missing", "add 'prompt: <the question>'")
        prompt = ""
    exercise = Exercise(id=ex_id, type=ex_type, prompt=prompt)
    exercise.hint = _text(raw.get("hint"))
    if salt:
        exercise.explanation = seal.open_sealed(raw.get("explanation_sealed"), salt, ex_id, "*", "")
    else:
        exercise.explanation = _text(raw.get("explanation"))
    _parse_points(raw, exercise, report)
    _parse_skill(raw, exercise, report)
    if "passage" in raw:
        _parse_passage(raw, exercise, report)
    else:
        _parse_article(raw, exercise, report)
    parser = {"single_choice": _parse_options, "multiple_choice": _parse_options,
              "highlight": _parse_targets, "tag": _parse_tags, "checklist": _parse_facts,
              "short_answer": _parse_short}[ex_type]
    parser(raw, exercise, report, salt)
    return exercise


def _parse_points(raw: dict, exercise: Exercise, report: _Report) -> None:
    points = raw.get("points", 1)
    if isinstance(points, bool) or not isinstance(points, int | float) or not 0 < points <= 1000:
        report.add(exercise.id, "points", f"points must be a number above 0, not {points!r}",
                   "write e.g. 'points: 1' (at most 1000)")
        points = 1
    exercise.points = float(points)


def _parse_skill(raw: dict, exercise: Exercise, report: _Report) -> None:
    skill = raw.get("skill")
    if skill is None:
        return
    if not isinstance(skill, str) or not ID_RE.match(skill):
        report.add(exercise.id, "skill", f"the skill must be one short name, not {skill!r}",
                   "write e.g. 'skill: sourcing' (lower-case letters, digits, - and _)")
        return
    exercise.skill = skill


def _parse_passage(raw: dict, exercise: Exercise, report: _Report) -> None:
    """`passage:` is the exercise's own text (e.g. a made-up news item for a check): shown to
    the student, and what `span`, highlight targets and tag items point into."""
    ex_id = exercise.id
    passage = raw.get("passage")
    fix = "write 'passage: |' and the text on the lines below it, indented"
    if not isinstance(passage, str) or not passage.strip():
        report.add(ex_id, "passage", "the passage is empty or not text", fix)
        passage = None
    elif len(passage) > MAX_PASSAGE_CHARS:
        report.add(ex_id, "passage", f"the passage has {len(passage):,} characters, too long "
                   "for one exercise", f"keep it under {MAX_PASSAGE_CHARS:,} characters")
        passage = None
    article = raw.get("article")
    if article is not None and not (isinstance(article, str) and article.lower() == "none"):
        report.add(ex_id, "article", "the exercise gives both an article and a passage",
                   "remove 'article:' (the passage is the text this exercise is about)")
    if exercise.type == "checklist":
        report.add(ex_id, "passage", "a checklist compares built-in articles, not a passage",
                   "remove 'passage:' and list article ids under 'outlets'")
    exercise.passage = passage.strip() if passage else None
    _parse_span(raw, exercise, report)
    if exercise.span and exercise.passage:
        _check_span(exercise.passage, exercise.span, exercise.occurrence, ex_id, "span", report,
                    None)


def _parse_span(raw: dict, exercise: Exercise, report: _Report) -> None:
    """`span` (the words the exercise is about) and which `occurrence` of them is meant."""
    exercise.occurrence = _occurrence(raw.get("occurrence"), exercise.id, "occurrence", report)
    span = raw.get("span")
    if span is not None and not isinstance(span, str):
        report.add(exercise.id, "span", "the span must be text", "put the span in quotes")
        span = None
    exercise.span = span or None


def _occurrence(value, ex_id: str, field: str, report: _Report) -> int:
    if value is None:
        return 1
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        report.add(ex_id, field, f"occurrence must be a whole number from 1, not {value!r}",
                   "write 'occurrence: 2' for the second time the words appear, or leave it out")
        return 1
    return value


def _parse_article(raw: dict, exercise: Exercise, report: _Report) -> None:
    ex_id = exercise.id
    if "article" not in raw:
        report.add(ex_id, "article", "the article field is missing",
                   "add 'article: <article id>' or 'article: none', or give the exercise its own "
                   "text as 'passage: |'")
    article = raw.get("article")
    if article is None or (isinstance(article, str) and article.lower() == "none"):
        article = None
    articles = builtin_articles()
    if article is not None and article not in articles:
        close = difflib.get_close_matches(str(article), articles, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        report.add(ex_id, "article", f"there is no built-in article with id {article!r}",
                   f"{hint}use one of: {', '.join(sorted(articles))}, or none")
        article = None
        exercise.article = None
        return
    exercise.article = article
    _parse_span(raw, exercise, report)
    if article is None:
        if exercise.type == "highlight":
            report.add(ex_id, "article", "a highlight exercise needs an article to mark words in",
                       "give 'article: <id>' and the excerpt as 'span', or the exercise's own "
                       "text as 'passage: |'")
        return
    if not exercise.span:
        report.add(ex_id, "span", "the span is missing",
                   "add 'span: <exact words of the article>' that the feedback points at")
        return
    _check_span(articles[article], exercise.span, exercise.occurrence, ex_id, "span", report, article)


def _check_span(text: str, span: str, occurrence: int, ex_id: str, field: str,
                report: _Report, article: str | None) -> bool:
    """`article` None: `text` is the exercise's own passage."""
    if find_occurrence(text, span, occurrence) >= 0:
        return True
    count = text.count(span)
    where = f"article {article}" if article else "the passage"
    if count:
        report.add(ex_id, field, f"the span occurs {count} time(s) in {where}, not {occurrence}",
                   f"use an occurrence from 1 to {count}")
        return False
    source = f"mediakit/corpus/builtin/{article}.txt" if article else "the passage"
    straight = {"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "}
    plain = text.translate(str.maketrans(straight))
    if span.translate(str.maketrans(straight)) in plain:
        fix = (f"{'the article' if article else 'the passage'} uses curly quotes or non-breaking "
               f"spaces here: copy the span from {source}")
    else:
        fix = f"copy the exact words from {source}"
    report.add(ex_id, field, f"the text {span[:60]!r} is not found in {where}", fix)
    return False


def _sub_list(raw: dict, key: str, exercise: Exercise, report: _Report, salt) -> list[dict]:
    value = raw.get(key)
    if not isinstance(value, list) or not value:
        report.add(exercise.id, key, f"the list of {key} is missing or empty",
                   f"add '{key}:' followed by '- ...' entries (see instructor/exercises/README.md)")
        return []
    allowed = SUB_FIELDS[(key, bool(salt))]
    entries = []
    for number, entry in enumerate(value, 1):
        if not isinstance(entry, dict):
            report.add(exercise.id, f"{key}[{number}]", "this entry is not a block of fields",
                       f"write each entry as '- {allowed[0]}: ...' with its fields indented")
            continue
        for field_name in entry:
            if field_name not in allowed:
                report.add(exercise.id, f"{key}[{number}].{field_name}", "this field is not known",
                           f"the fields are: {', '.join(allowed)}")
        entries.append(entry)
    return entries


def _item_id(entry: dict, default: str, seen: set, exercise: Exercise, where: str,
             report: _Report) -> str:
    item_id = entry.get("id", default)
    item_id = str(item_id) if isinstance(item_id, str | int) and not isinstance(item_id, bool) \
        else None
    if not item_id or not ID_RE.match(item_id):
        report.add(exercise.id, f"{where}.id", f"the id {entry.get('id')!r} is not usable",
                   "use lower-case letters, digits, - and _")
        item_id = default
    if item_id in seen:
        report.add(exercise.id, f"{where}.id", f"the id '{item_id}' is used twice",
                   "give each entry its own id")
    seen.add(item_id)
    return item_id


def _parse_options(raw, exercise: Exercise, report: _Report, salt) -> None:
    seen: set[str] = set()
    for number, entry in enumerate(_sub_list(raw, "options", exercise, report, salt), 1):
        where = f"options[{number}]"
        opt_id = _item_id(entry, chr(ord("a") + number - 1) if number <= 26 else str(number),
                          seen, exercise, where, report)
        text = _text(entry.get("text"))
        if text is None:
            report.add(exercise.id, f"{where}.text", "the option has no text",
                       "add 'text: <what the student reads>'")
            text = ""
        option = Option(opt_id, text)
        if salt:
            option.correct = _recover(entry, salt, exercise.id, opt_id, ("correct", "wrong"),
                                      report, where) == "correct"
            value = "correct" if option.correct else "wrong"
            option.explanation = seal.open_sealed(entry.get("explanation_sealed"), salt,
                                                  exercise.id, opt_id, value)
        else:
            correct = entry.get("correct", False)
            if not isinstance(correct, bool):
                report.add(exercise.id, f"{where}.correct", f"correct must be true or false, "
                           f"not {correct!r}", "write 'correct: true' or leave the line out")
                correct = False
            option.correct = correct
            option.explanation = _text(entry.get("explanation"))
            if option.explanation is None:
                report.add(exercise.id, f"{where}.explanation",
                           f"option '{opt_id}' has no explanation",
                           "add 'explanation: <why this option is right or wrong>'")
        exercise.options.append(option)
    if not exercise.options:
        return
    right = sum(o.correct for o in exercise.options)
    if exercise.type == "single_choice" and right != 1:
        report.add(exercise.id, "options", f"a single_choice needs exactly one correct option, "
                   f"it has {right}", "mark one option 'correct: true' (or use multiple_choice)")
    if exercise.type == "multiple_choice" and right == 0:
        report.add(exercise.id, "options", "the answer is not among the options: none is correct",
                   "mark at least one option 'correct: true'")
    if len(exercise.options) < 2:
        report.add(exercise.id, "options", "a choice needs at least two options",
                   "add more options")


def _recover(entry: dict, salt: str, ex_id: str, item: str, values, report: _Report,
             where: str):
    stored = entry.get("check")
    for value in values:
        if stored == seal.check(salt, ex_id, item, value):
            return value
    report.add(ex_id, f"{where}.check", "the answer hash matches no possible answer",
               "the released file is damaged or out of date: run 'mediakit release' again")
    return None


def _parse_targets(raw, exercise: Exercise, report: _Report, salt) -> None:
    words = exercise.words()
    for number, entry in enumerate(_sub_list(raw, "targets", exercise, report, salt), 1):
        where = f"targets[{number}]"
        if salt:
            size = entry.get("words")
            if isinstance(size, bool) or not isinstance(size, int) or size < 1:
                report.add(exercise.id, f"{where}.words", "the word count is damaged",
                           "run 'mediakit release' again")
                continue
            ranges = [f"{i}-{i + size - 1}" for i in range(len(words) - size + 1)]
            found = _recover(entry, salt, exercise.id, f"t{number}", ranges, report, where)
            if found is None:
                continue
            first, last = (int(x) for x in found.split("-"))
            target = Target(first, last, None, seal.open_sealed(
                entry.get("explanation_sealed"), salt, exercise.id, f"t{number}", found))
            target.text = exercise.excerpt[words[first][0]:words[last][1]]
        else:
            text = _text(entry.get("text"))
            occurrence = _occurrence(entry.get("occurrence"), exercise.id, f"{where}.occurrence",
                                     report)
            if text is None:
                report.add(exercise.id, f"{where}.text", "the target has no text",
                           "add 'text: <the exact words to mark>'")
                continue
            if not exercise.excerpt:
                continue
            start = find_occurrence(exercise.excerpt, text, occurrence)
            if start < 0:
                excerpt = "span" if exercise.span else "passage"
                report.add(exercise.id, f"{where}.text", f"the target {text[:60]!r} is not found "
                           f"in the excerpt ({excerpt})", f"copy the target's words from the {excerpt}")
                continue
            hit = words_in(words, start, start + len(text))
            if not hit:
                report.add(exercise.id, f"{where}.text", "the target holds no clickable word",
                           "targets must contain letters or digits")
                continue
            target = Target(hit[0], hit[-1], text, _text(entry.get("explanation")))
            if target.explanation is None:
                report.add(exercise.id, f"{where}.explanation", "the target has no explanation",
                           "add 'explanation: <why these words should be marked>'")
        for other in exercise.targets:
            if other.first <= target.last and target.first <= other.last:
                report.add(exercise.id, f"{where}.text", "this target overlaps another target",
                           "make targets separate phrases")
        exercise.targets.append(target)


def _parse_tags(raw, exercise: Exercise, report: _Report, salt) -> None:
    labels = raw.get("labels")
    if (not isinstance(labels, list) or len(labels) < 2
            or not all(isinstance(x, str) and x.strip() for x in labels)
            or len(set(labels)) != len(labels)):
        report.add(exercise.id, "labels", "labels must be a list of at least two different words",
                   "write e.g. 'labels: [russia, israel, other]'")
        labels = [x for x in labels if isinstance(x, str)] if isinstance(labels, list) else []
    exercise.labels = list(dict.fromkeys(labels))
    seen: set[str] = set()
    article_text = exercise.passage or builtin_articles().get(exercise.article or "")
    for number, entry in enumerate(_sub_list(raw, "items", exercise, report, salt), 1):
        where = f"items[{number}]"
        item_id = _item_id(entry, str(number), seen, exercise, where, report)
        text = _text(entry.get("text"))
        if text is None:
            report.add(exercise.id, f"{where}.text", "the item has no text",
                       "add 'text: <what the student tags>'")
            text = ""
        occurrence = _occurrence(entry.get("occurrence"), exercise.id, f"{where}.occurrence",
                                 report)
        item = TagItem(item_id, text, occurrence=occurrence)
        if salt:
            item.label = _recover(entry, salt, exercise.id, item_id, exercise.labels, report,
                                  where)
            item.explanation = seal.open_sealed(entry.get("explanation_sealed"), salt,
                                                exercise.id, item_id, item.label or "")
        else:
            item.label = entry.get("label")
            if item.label not in exercise.labels:
                report.add(exercise.id, f"{where}.label", f"the answer {item.label!r} is not "
                           "among the labels", f"use one of: {', '.join(exercise.labels)}")
            item.explanation = _text(entry.get("explanation"))
            if item.explanation is None:
                report.add(exercise.id, f"{where}.explanation", "the item has no explanation",
                           "add 'explanation: <why this label>'")
            if article_text and "occurrence" in entry and text:
                _check_span(article_text, text, occurrence, exercise.id, f"{where}.text", report,
                            exercise.article)
        exercise.items.append(item)


def _parse_facts(raw, exercise: Exercise, report: _Report, salt) -> None:
    outlets = raw.get("outlets")
    articles = builtin_articles()
    if not isinstance(outlets, list) or not outlets or not all(o in articles for o in outlets):
        report.add(exercise.id, "outlets", f"outlets must list built-in article ids, not "
                   f"{outlets!r}", f"use ids from: {', '.join(sorted(articles))}")
        outlets = [o for o in outlets if o in articles] if isinstance(outlets, list) else []
    exercise.outlets = list(dict.fromkeys(outlets))
    seen: set[str] = set()
    for number, entry in enumerate(_sub_list(raw, "facts", exercise, report, salt), 1):
        where = f"facts[{number}]"
        fact_id = _item_id(entry, str(number), seen, exercise, where, report)
        text = _text(entry.get("text"))
        if text is None:
            report.add(exercise.id, f"{where}.text", "the fact has no text",
                       "add 'text: <the fact, in one sentence>'")
            text = ""
        fact = Fact(fact_id, text)
        if salt:
            checks = entry.get("checks") if isinstance(entry.get("checks"), dict) else {}
            evidence = entry.get("evidence_sealed")
            evidence = evidence if isinstance(evidence, dict) else {}
            for outlet in exercise.outlets:
                cell = f"{fact_id}@{outlet}"
                got = _recover({"check": checks.get(outlet)}, salt, exercise.id, cell,
                               ("yes", "no"), report, f"{where}.{outlet}")
                if got == "yes":
                    fact.reported[outlet] = seal.open_sealed(evidence.get(outlet), salt,
                                                             exercise.id, cell, "yes")
            fact.explanation = seal.open_sealed(entry.get("explanation_sealed"), salt,
                                                exercise.id, f"fact:{fact_id}",
                                                ",".join(sorted(fact.reported)))
        else:
            reported = entry.get("reported", {}) or {}
            if not isinstance(reported, dict):
                report.add(exercise.id, f"{where}.reported", "reported must map article ids to "
                           "evidence", "write 'reported:' then lines '<article id>: \"<words>\"'")
                reported = {}
            for outlet, evidence in reported.items():
                if outlet not in exercise.outlets:
                    report.add(exercise.id, f"{where}.reported.{outlet}", f"{outlet!r} is not "
                               "one of the outlets", f"use one of: {', '.join(exercise.outlets)}")
                    continue
                if evidence is not None and not isinstance(evidence, str):
                    report.add(exercise.id, f"{where}.reported.{outlet}", "the evidence must be "
                               "text", "quote the exact words where the article reports it")
                    evidence = None
                if evidence:
                    _check_span(articles[outlet], evidence, 1, exercise.id,
                                f"{where}.reported.{outlet}", report, outlet)
                fact.reported[outlet] = evidence
            fact.explanation = _text(entry.get("explanation"))
            if fact.explanation is None:
                report.add(exercise.id, f"{where}.explanation", "the fact has no explanation",
                           "add 'explanation: <where each outlet reports it or not>'")
        exercise.facts.append(fact)


def _parse_short(raw, exercise: Exercise, report: _Report, salt) -> None:
    min_words = raw.get("min_words", 0)
    if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 0:
        report.add(exercise.id, "min_words", f"min_words must be a whole number, not "
                   f"{min_words!r}", "write e.g. 'min_words: 10' or leave it out")
        min_words = 0
    exercise.min_words = min_words
    if salt:
        return
    rubric = raw.get("rubric")
    if rubric is None:
        report.add(exercise.id, "rubric", "a short answer needs a rubric for the person marking",
                   "add 'rubric:' with one '- <criterion>' line per point")
    elif isinstance(rubric, str):
        exercise.rubric = [rubric]
    elif isinstance(rubric, list) and all(isinstance(x, str) for x in rubric):
        exercise.rubric = list(rubric)
    else:
        report.add(exercise.id, "rubric", "the rubric must be text or a list of lines",
                   "write 'rubric:' then '- <criterion>' lines")
    exercise.model_answer = _text(raw.get("model_answer"))
    if exercise.model_answer is None:
        report.add(exercise.id, "model_answer", "the model answer is missing",
                   "add 'model_answer: <a full-marks answer>'")
