"""Exercises as data: the in-memory form of one lesson file, source (with answers) or released.

Both file kinds load into the same `Exercise` objects; a released file's answers are recovered
from its salted hashes (see `seal.py`), so scoring and feedback have one code path. The YAML
schema is documented in `instructor/exercises/README.md`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TYPES = ("single_choice", "multiple_choice", "highlight", "tag", "checklist", "short_answer")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
# Words a student can click in a highlight excerpt: letters/digits with inner ' ’ or -.
# Every repetition of the group must start with a separator (not a word character), so
# the match is linear: no backtracking blow-up on long input.
WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*")
RELEASE_FORMAT = "mediakit-released/1"


@dataclass
class Option:
    id: str
    text: str
    correct: bool = False
    explanation: str | None = None


@dataclass
class Target:
    """A phrase to mark in a highlight excerpt, as word indices into the excerpt."""

    first: int
    last: int
    text: str | None = None
    explanation: str | None = None

    @property
    def words(self) -> range:
        return range(self.first, self.last + 1)


@dataclass
class TagItem:
    id: str
    text: str
    label: str | None = None
    explanation: str | None = None
    occurrence: int = 1


@dataclass
class Fact:
    id: str
    text: str
    reported: dict[str, str | None] = field(default_factory=dict)  # article id -> evidence
    explanation: str | None = None


@dataclass
class Exercise:
    id: str
    type: str
    prompt: str
    article: str | None = None
    span: str | None = None
    occurrence: int = 1
    points: float = 1.0
    passage: str | None = None  # the exercise's own text, used instead of a built-in article
    skill: str | None = None  # a group name for reports, e.g. sourcing
    hint: str | None = None
    explanation: str | None = None
    options: list[Option] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    items: list[TagItem] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    min_words: int = 0
    rubric: list[str] = field(default_factory=list)
    model_answer: str | None = None

    @property
    def auto_scored(self) -> bool:
        return self.type != "short_answer"

    @property
    def excerpt(self) -> str:
        """The words a highlight marks in: `span`, else the whole `passage`."""
        return self.span or self.passage or ""

    def words(self) -> list[tuple[int, int, str]]:
        """The clickable words of a highlight excerpt: (start, end, text) within `excerpt`."""
        return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(self.excerpt)]


@dataclass
class LessonDoc:
    """One lesson file: its exercises in order, and whether it is a released (student) file."""

    lesson: str
    path: str
    title: str | None = None
    released: bool = False
    salt: str | None = None
    exercises: list[Exercise] = field(default_factory=list)
    # `feedback: off` in the file: widgets save answers but show no score, marks or
    # explanations (a check before and after a unit must not teach its own answers).
    feedback: bool = True
    # `lessons: [a, b]` in a source file: the same exercises released as several lessons.
    names: list[str] = field(default_factory=list)

    def get(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        known = ", ".join(e.id for e in self.exercises)
        raise KeyError(f"lesson {self.lesson!r} has no exercise {exercise_id!r}; its exercises "
                       f"are: {known}")

    @property
    def total_points(self) -> float:
        return sum(e.points for e in self.exercises if e.auto_scored)


def find_occurrence(text: str, span: str, occurrence: int = 1) -> int:
    """Start of the `occurrence`-th (1-based) appearance of `span` in `text`, or -1."""
    if not span:
        return -1
    pos = -1
    for _ in range(max(occurrence, 1)):
        pos = text.find(span, pos + 1)
        if pos < 0:
            return -1
    return pos


def words_in(words: list[tuple[int, int, str]], start: int, end: int) -> list[int]:
    """Indices of the words overlapping characters [start, end)."""
    return [i for i, (s, e, _) in enumerate(words) if s < end and e > start]
