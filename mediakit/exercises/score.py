"""Score one answer against one exercise: the same code for notebook feedback and grading.

Answers are plain JSON values (see `answer_shape`). A malformed answer scores 0 with a message
saying what is wrong, never an exception: a grader must get through a whole class.

Partial credit (documented in instructor/exercises/README.md):
- multiple_choice: (right ticked - wrong ticked) / right options, floored at 0
- highlight: (targets found - marked words outside targets) / targets, floored at 0
- tag: right items / items
- checklist: (reported cells ticked - unreported cells ticked) / reported cells, floored at 0
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .schema import Exercise

MAX_ITEMS = 2000
MAX_ID_CHARS = 200
MAX_TEXT_CHARS = 20_000


@dataclass
class Line:
    """One piece of feedback: status is right | wrong | missed | info."""

    status: str
    text: str
    explanation: str | None = None
    quote: str | None = None  # words of the article this is about (escaped when shown)
    article: str | None = None
    occurrence: int = 1
    in_span: int | None = None  # for highlight: where the quote starts inside the excerpt


@dataclass
class Result:
    fraction: float | None  # None: marked by a person (short_answer) or no answer
    max_points: float
    lines: list[Line] = field(default_factory=list)
    problem: str | None = None
    answered: bool = True

    @property
    def points(self) -> float | None:
        if self.fraction is None:
            return None
        return round(self.fraction * self.max_points, 2)

    @property
    def correct(self) -> bool:
        return self.fraction is not None and self.fraction >= 1.0


def answered(answer) -> bool:
    """Whether a saved answer counts as given: an empty text, list or mapping does not (one test
    for the progress table and the class report)."""
    return answer not in (None, "", [], {})


def answer_shape(ex: Exercise) -> str:
    return {"single_choice": "an option id (text)",
            "multiple_choice": "a list of option ids",
            "highlight": "a list of word numbers",
            "tag": "a mapping item id -> label",
            "checklist": "a mapping fact id -> list of article ids",
            "short_answer": "a text"}[ex.type]


def _bad(ex: Exercise, what: str) -> Result:
    return Result(0.0, ex.points, problem=f"{ex.id}: {what} (expected {answer_shape(ex)})")


def _is_id(value) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID_CHARS


def score(ex: Exercise, answer) -> Result:
    """Score `answer` (a JSON value) for `ex`; never raises on bad answers."""
    if answer is None:
        return Result(None if not ex.auto_scored else 0.0, ex.points, answered=False)
    scorer = {"single_choice": _single, "multiple_choice": _multiple, "highlight": _highlight,
              "tag": _tag, "checklist": _checklist, "short_answer": _short}[ex.type]
    return scorer(ex, answer)


def _option_line(ex: Exercise, opt, status: str) -> Line:
    return Line(status, opt.text, opt.explanation, ex.span, ex.article)


def _single(ex: Exercise, answer) -> Result:
    if not _is_id(answer):
        return _bad(ex, "the answer is not an option id")
    options = {o.id: o for o in ex.options}
    if answer not in options:
        return _bad(ex, f"there is no option {answer[:40]!r}")
    opt = options[answer]
    return Result(1.0 if opt.correct else 0.0, ex.points,
                  [_option_line(ex, opt, "right" if opt.correct else "wrong")])


def _multiple(ex: Exercise, answer) -> Result:
    if not isinstance(answer, list) or len(answer) > MAX_ITEMS or not all(map(_is_id, answer)):
        return _bad(ex, "the answer is not a list of option ids")
    options = {o.id: o for o in ex.options}
    unknown = [a for a in answer if a not in options]
    if unknown:
        return _bad(ex, f"there is no option {unknown[0][:40]!r}")
    chosen = set(answer)
    right = [o for o in ex.options if o.correct]
    hits = sum(1 for o in right if o.id in chosen)
    wrong = sum(1 for o in ex.options if not o.correct and o.id in chosen)
    lines = [_option_line(ex, o, "right" if o.correct else "wrong")
             for o in ex.options if o.id in chosen]
    missed = len(right) - hits
    if missed:
        lines.append(Line("missed", f"{missed} more right option(s) to find"))
    return Result(max(0.0, (hits - wrong) / len(right)) if right else 0.0, ex.points, lines)


def _highlight(ex: Exercise, answer) -> Result:
    words = ex.words()
    if (not isinstance(answer, list) or len(answer) > MAX_ITEMS
            or not all(isinstance(i, int) and not isinstance(i, bool) for i in answer)):
        return _bad(ex, "the answer is not a list of word numbers")
    if any(not 0 <= i < len(words) for i in answer):
        return _bad(ex, f"a word number is outside 0..{len(words) - 1}")
    marked = set(answer)
    lines, found = [], 0
    inside: set[int] = set()
    for target in ex.targets:
        inside.update(target.words)
        if marked.intersection(target.words):
            found += 1
            lines.append(Line("right", target.text or "", target.explanation, target.text,
                              ex.article, in_span=words[target.first][0]))
    false_marks = sorted(marked - inside)
    if false_marks:
        shown = ", ".join(words[i][2] for i in false_marks[:8])
        lines.append(Line("wrong", f"{len(false_marks)} marked word(s) are not part of an "
                          f"answer: {shown}"))
    missing = len(ex.targets) - found
    if missing:
        lines.append(Line("missed", f"{missing} more phrase(s) to find"))
    fraction = max(0.0, (found - len(false_marks)) / len(ex.targets)) if ex.targets else 0.0
    return Result(fraction, ex.points, lines)


def _tag(ex: Exercise, answer) -> Result:
    if not isinstance(answer, dict) or len(answer) > MAX_ITEMS:
        return _bad(ex, "the answer is not a mapping of items to labels")
    items = {i.id: i for i in ex.items}
    for key, value in answer.items():
        if key not in items:
            return _bad(ex, f"there is no item {str(key)[:40]!r}")
        if value is not None and value not in ex.labels:
            return _bad(ex, f"{str(value)[:40]!r} is not one of the labels")
    lines, right = [], 0
    for item in ex.items:
        given = answer.get(item.id)
        if given is None:
            lines.append(Line("missed", f"{item.text}: not tagged yet"))
        elif given == item.label:
            right += 1
            lines.append(Line("right", f"{item.text} -> {given}", item.explanation, item.text,
                              ex.article, item.occurrence))
        else:
            lines.append(Line("wrong", f"{item.text} -> {given}: not quite, look again",
                              None, item.text, ex.article, item.occurrence))
    return Result(right / len(ex.items) if ex.items else 0.0, ex.points, lines)


def _checklist(ex: Exercise, answer) -> Result:
    if not isinstance(answer, dict) or len(answer) > MAX_ITEMS:
        return _bad(ex, "the answer is not a mapping of facts to outlets")
    facts = {f.id: f for f in ex.facts}
    for key, value in answer.items():
        if key not in facts:
            return _bad(ex, f"there is no fact {str(key)[:40]!r}")
        if not isinstance(value, list) or len(value) > len(ex.outlets) or \
                not all(v in ex.outlets for v in value):
            return _bad(ex, f"the ticks for fact {key!r} are not a list of the outlets")
    reported = sum(len(f.reported) for f in ex.facts)
    hits = wrong = cells_right = 0
    lines = []
    for fact in ex.facts:
        ticked = set(answer.get(fact.id) or [])
        fact_ok = True
        for outlet in ex.outlets:
            is_reported, is_ticked = outlet in fact.reported, outlet in ticked
            hits += is_reported and is_ticked
            wrong += is_ticked and not is_reported
            cells_right += is_reported == is_ticked
            fact_ok &= is_reported == is_ticked
        if fact_ok:
            quote = next((q for q in fact.reported.values() if q), None)
            article = next((o for o, q in fact.reported.items() if q), None)
            lines.append(Line("right", fact.text, fact.explanation, quote, article))
        else:
            lines.append(Line("wrong", f"{fact.text}: check each outlet again"))
    if reported:
        fraction = max(0.0, (hits - wrong) / reported)
    else:
        fraction = cells_right / max(1, len(ex.facts) * len(ex.outlets))
    return Result(fraction, ex.points, lines)


def _short(ex: Exercise, answer) -> Result:
    if not isinstance(answer, str):
        return Result(None, ex.points, problem=f"{ex.id}: the answer is not text")
    if len(answer) > MAX_TEXT_CHARS:
        return Result(None, ex.points, problem=f"{ex.id}: the answer is longer than "
                      f"{MAX_TEXT_CHARS:,} characters")
    words = len(answer.split())
    lines = [Line("info", f"Saved ({words} words). A person will mark this answer.",
                  ex.explanation, ex.span, ex.article)]
    if words < ex.min_words:
        lines.insert(0, Line("missed", f"Write at least {ex.min_words} words "
                             f"(you have {words})."))
    return Result(None, ex.points, lines, answered=bool(answer.strip()))
