"""`mediakit grade`: score a class's answers files against the key, reading data only.

Nothing a student wrote is executed: an answers file is parsed as JSON with size limits, and
each answer is checked for shape before it is scored. Whatever is wrong in one file scores zero
for that part, is named in the `problems` column, and the rest of the class is graded.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .load import load_lessons
from .schema import Exercise, LessonDoc
from .score import score
from .store import FORMAT, MAX_BYTES

MAX_PROBLEMS_SHOWN = 20


@dataclass
class Key:
    lessons: list[LessonDoc]
    whole_course: bool = True  # a folder: answers to other lessons are flagged as unknown

    @cached_property
    def columns(self) -> list[tuple[str, Exercise]]:
        return [(doc.lesson, ex) for doc in self.lessons for ex in doc.exercises]

    @cached_property
    def known(self) -> dict[str, set[str]]:
        """Lesson -> its exercise ids: answers to anything else are named as problems."""
        return {doc.lesson: {ex.id for ex in doc.exercises} for doc in self.lessons}

    @cached_property
    def marked(self) -> set[str]:
        """Lessons whose points count in `total`: a check with `feedback: off` is a diagnostic
        (the class report measures it), so its points are shown but never marked."""
        return {doc.lesson for doc in self.lessons if doc.feedback}

    @cached_property
    def max_points(self) -> float:
        return sum(ex.points for lesson, ex in self.columns
                   if ex.auto_scored and lesson in self.marked)


def load_key(path: str | Path) -> Key:
    """The key from instructor source files or released files; refuses a key with problems."""
    docs, problems = load_lessons(path)
    if problems:
        raise ValueError("the key has problems, fix them first:\n" +
                         "\n".join(str(p) for p in problems))
    if not docs:
        raise ValueError(f"no lesson files found in {path}")
    return Key(docs, whole_course=Path(path).is_dir())


def column_name(lesson: str, exercise_id: str) -> str:
    return f"{lesson}/{exercise_id}"


def safe_cell(value: str, limit: int | None = 200) -> str:
    """Neutralise spreadsheet formulas in text a student typed or named (CSV injection)."""
    value = value.replace("\r", " ").replace("\n", " ")[:limit]
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t") else value


def read_answers(path: Path) -> tuple[dict | None, str | None]:
    """Parse one answers file defensively: (data, None) or (None, what is wrong)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, f"the file is {size:,} bytes, more than {MAX_BYTES:,}"
        raw = path.read_bytes()
    except OSError as err:
        return None, f"the file cannot be read ({err.strerror})"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        return None, f"not a JSON answers file ({type(err).__name__})"
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        return None, "not a mediakit answers file (no 'answers' mapping)"
    if data.get("format") != FORMAT:
        return data, f"unexpected format {str(data.get('format'))[:40]!r}; graded anyway"
    return data, None


def grade_file(path: str | Path, key: Key) -> dict:
    path = Path(path)
    row: dict = {"file": safe_cell(str(path), None), "name": "", "student_id": ""}
    problems: list[str] = []
    data, problem = read_answers(path)
    if problem:
        problems.append(problem)
    answers = {}
    if data is not None:
        student = data.get("student")
        if isinstance(student, dict):
            for field, column in (("name", "name"), ("id", "student_id")):
                if isinstance(student.get(field), str):
                    row[column] = safe_cell(student[field].strip())
        answers = data["answers"]
    known = key.known
    for lesson, records in answers.items():
        if lesson not in known:
            if key.whole_course:
                problems.append(f"unknown lesson {str(lesson)[:40]!r} ignored")
        elif not isinstance(records, dict):
            problems.append(f"{lesson}: answers are not a mapping; scored 0")
        else:
            for ex_id in list(records)[:MAX_PROBLEMS_SHOWN]:
                if ex_id not in known[lesson]:
                    problems.append(f"{lesson}: unknown exercise {str(ex_id)[:40]!r} ignored")
    total = 0.0
    for lesson, ex in key.columns:
        column = column_name(lesson, ex.id)
        records = answers.get(lesson) if isinstance(answers.get(lesson), dict) else {}
        record = records.get(ex.id)
        if record is not None and not (isinstance(record, dict) and "answer" in record):
            problems.append(f"{lesson}/{ex.id}: the record has no 'answer'; scored 0")
            record = None
        result = score(ex, record["answer"] if record else None)
        if result.problem:
            problems.append(f"{lesson}/{result.problem}; scored 0")
        if not ex.auto_scored:
            row[column] = ""
            continue
        points = result.points or 0.0
        row[column] = points
        if lesson in key.marked:
            total += points
    row["total"] = round(total, 2)
    row["max"] = key.max_points
    if len(problems) > MAX_PROBLEMS_SHOWN:
        problems = problems[:MAX_PROBLEMS_SHOWN] + [f"... {len(problems) - MAX_PROBLEMS_SHOWN} more"]
    row["problems"] = "; ".join(problems)
    return row


def grade(answer_files, key: Key | str | Path) -> list[dict]:
    """One row per answers file: file, name, student_id, one column per exercise, total, max,
    problems. Short answers get an empty cell (marked by a person, see `short_answers`)."""
    if not isinstance(key, Key):
        key = load_key(key)
    return [grade_file(path, key) for path in answer_files]


def fieldnames(key: Key) -> list[str]:
    return (["file", "name", "student_id"] + [column_name(lesson, ex.id) for lesson, ex in
                                               key.columns] + ["total", "max", "problems"])


def short_answers(answer_files, key: Key) -> list[dict]:
    """Short answers to mark by hand, with the rubric and model answer next to each."""
    rows = []
    for path in answer_files:
        data, _ = read_answers(Path(path))
        answers = data["answers"] if data else {}
        for lesson, ex in key.columns:
            if ex.auto_scored:
                continue
            records = answers.get(lesson) if isinstance(answers.get(lesson), dict) else {}
            record = records.get(ex.id)
            text = record.get("answer") if isinstance(record, dict) else None
            text = text if isinstance(text, str) else ""
            rows.append({"file": safe_cell(str(path), None), "exercise": column_name(lesson, ex.id),
                         "points": ex.points, "answer": safe_cell(text, 20_000) if text else "",
                         "rubric": " | ".join(ex.rubric), "model_answer": ex.model_answer or ""})
    return rows


def expand(paths) -> list[Path]:
    """Answers files from paths: a folder gives every .json inside (damaged copies skipped)."""
    return [path for path, _ in expand_shown(paths)]


def expand_shown(paths) -> list[tuple[Path, str]]:
    """`expand` with how to show each file: relative to the folder given (an LMS download puts
    each student's file in its own subfolder, so the name alone is not enough), a file as given."""
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend((p, p.relative_to(path).as_posix()) for p in sorted(path.rglob("*.json"))
                         if ".damaged-" not in p.name)
        else:
            files.append((path, str(path)))
    return files


def write_csv(rows: list[dict], names: list[str], out) -> None:
    writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)


def main_grade(argv: list[str] | None = None, key: str | None = None, out: str | None = None,
               texts: str | None = None) -> int:
    """CLI: mediakit grade ANSWERS... --key KEY [--out grades.csv] [--texts texts.csv].

    Call with an argv list, or as main_grade(answer_paths, key, out, texts).
    """
    if key is not None:
        argv = [*map(str, argv), "--key", str(key)] + (["--out", str(out)] if out else []) + \
            (["--texts", str(texts)] if texts else [])
    parser = argparse.ArgumentParser(prog="mediakit grade", description=(
        "Grade answers files (or folders of them) against the key; one CSV row per student."))
    parser.add_argument("answers", nargs="+", help="answers .json files or folders")
    parser.add_argument("--key", default="instructor/exercises",
                        help="instructor exercises folder/file, or released files")
    parser.add_argument("--out", help="CSV file to write (default: print)")
    parser.add_argument("--texts", help="also write short answers to mark by hand to this CSV")
    args = parser.parse_args(argv)
    try:
        key = load_key(args.key)
    except ValueError as err:
        print(f"mediakit grade: {err}", file=sys.stderr)
        return 2
    files = expand(args.answers)
    if not files:
        print("mediakit grade: no answers files found", file=sys.stderr)
        return 2
    rows = grade(files, key)
    names = fieldnames(key)
    if args.out:
        with open(args.out, "w", newline="", encoding="utf-8") as out:
            write_csv(rows, names, out)
    else:
        write_csv(rows, names, sys.stdout)
    if args.texts:
        with open(args.texts, "w", newline="", encoding="utf-8") as out:
            write_csv(short_answers(files, key), ["file", "exercise", "points", "answer",
                                                  "rubric", "model_answer"], out)
    flagged = sum(1 for row in rows if row["problems"])
    print(f"graded {len(rows)} file(s) against {args.key}; {flagged} with problems "
          "(see the problems column)", file=sys.stderr)
    return 0
