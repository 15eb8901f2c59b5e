"""A made-up class's answers files for the skills check, to try the class report on.

Why: an instructor (and the tests) can see the whole report work before a real class has
answered. The class is realistic on purpose: students differ in skill, questions differ in
difficulty, skills are learned unevenly, a few students missed one of the two checks, some hand
in two files (one after each check), one file is damaged in the download.
Deterministic for a given seed.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

from .grade import Key, load_key
from .report import AFTER, BEFORE, check_docs
from .schema import Exercise
from .store import FORMAT

NAMES = ["Amira K.", "Ben O.", "Chloe R.", "Dario M.", "Elif S.", "Finn W.", "Grace L.",
         "Hamid N.", "Ines P.", "Jonas T.", "Kaya B.", "Leo F.", "Maya D.", "Nico A.", "Olivia H.",
         "Pavel C.", "Quinn E.", "Rosa G.", "Samir J.", "Tess V.", "Umar Y.", "Vera Z.",
         "Will I.", "Xenia Q.", "Yusuf U.", "Zoe X.", "Aron E.", "Bea M.", "Cem T.", "Dana R."]
DAY = {BEFORE: "2026-01-12T09:", AFTER: "2026-03-02T10:"}


def _answer(ex: Exercise, p: float, rng: random.Random):
    """An answer of someone who gets each part right with probability `p`."""
    if ex.type == "single_choice":
        right = [o.id for o in ex.options if o.correct]
        wrong = [o.id for o in ex.options if not o.correct]
        return rng.choice(right) if rng.random() < p or not wrong else rng.choice(wrong)
    if ex.type == "multiple_choice":
        return [o.id for o in ex.options
                if (rng.random() < p if o.correct else rng.random() < (1 - p) * 0.4)]
    if ex.type == "tag":
        out = {}
        for item in ex.items:
            others = [x for x in ex.labels if x != item.label]
            out[item.id] = item.label if rng.random() < p else rng.choice(others)
        return out
    if ex.type == "highlight":
        inside = {i for t in ex.targets for i in t.words}
        marked = {i for t in ex.targets if rng.random() < p for i in t.words}
        outside = [i for i in range(len(ex.words())) if i not in inside]
        if outside and rng.random() < (1 - p) * 0.6:
            marked.update(rng.sample(outside, k=min(len(outside), rng.randint(1, 2))))
        return sorted(marked)
    if ex.type == "checklist":
        return {f.id: [o for o in ex.outlets if (o in f.reported) == (rng.random() < p)]
                for f in ex.facts}
    return "I think the report leaves something out."  # short_answer: not scored


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def make_sample_class(folder: str | Path, key: str | Path | Key = "instructor/exercises", *,
                      students: int = 25, before_only: int = 4, after_only: int = 2,
                      two_files: int = 3, damaged: int = 1, seed: int = 2026) -> Path:
    """Write the answers files of a made-up class into `folder` (created) and return it."""
    if students > len(NAMES):
        raise ValueError(f"at most {len(NAMES)} sample students")
    key = key if isinstance(key, Key) else load_key(key)
    exercises = check_docs(key)[0].exercises  # a key without the two checks: a clear ValueError
    rng = random.Random(seed)
    difficulty = {ex.id: rng.gauss(0, 0.9) for ex in exercises}
    skills = sorted({ex.skill or "other" for ex in exercises})
    learned = {skill: rng.uniform(0.3, 1.6) for skill in skills}
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    order = list(range(students))
    rng.shuffle(order)
    missing_after = set(order[:before_only])
    missing_before = set(order[before_only:before_only + after_only])
    split = set(order[before_only + after_only:before_only + after_only + two_files])
    for number in range(students):
        name = NAMES[number]
        student = {"name": name, "id": f"S{number + 1:03d}"}
        ability, growth = rng.gauss(0, 1), rng.gauss(0.8, 0.5)
        answers: dict[str, dict] = {}
        for lesson in (BEFORE, AFTER):
            if (lesson == BEFORE and number in missing_before) or \
                    (lesson == AFTER and number in missing_after):
                continue
            records = {}
            for minute, ex in enumerate(exercises):
                boost = 0.0 if lesson == BEFORE else growth + learned[ex.skill or "other"]
                if rng.random() < 0.03:  # skipped a question
                    continue
                p = _sigmoid(ability + boost - difficulty[ex.id])
                records[ex.id] = {"answer": _answer(ex, p, rng), "attempts": 1,
                                  "saved": f"{DAY[lesson]}{minute + number % 10:02d}:00Z"}
            answers[lesson] = records
        stem = f"mediakit-answers-{name.split()[0].lower()}"
        if number in split:  # handed in after each check: the second file holds both
            _write(folder / f"{stem}-1.json", student, {BEFORE: answers.get(BEFORE, {})})
        _write(folder / f"{stem}.json", student, answers)
    for n in range(damaged):
        (folder / f"mediakit-answers ({n + 1}).json").write_text('{"format": "mediakit-answ',
                                                                 encoding="utf-8")
    return folder


def _write(path: Path, student: dict, answers: dict) -> None:
    data = {"format": FORMAT, "student": student, "answers": answers}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True),
                    encoding="utf-8")
