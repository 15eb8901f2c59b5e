"""The class report of the skills check: what changed between the check before lesson 1 and
the same check after lesson 3, per skill and per question, from the answers files students
hand in.

Why these choices:
- Files are read as data only, with the same defensive reader as `mediakit grade`; a file
  that cannot be read is named in `problems`, never silently skipped.
- A student may hand in several files (one after each check): files are merged per student
  (student ID, else name, else the file's full path: LMS downloads put every student's
  `mediakit-answers.json` in a folder of its own), keeping the most recently saved answer of
  each item. Files are shown relative to the folder given.
- Gain is measured on the students who took both checks ("matched"); how many took only one of
  them is counted and reported, and their scores stay in `scores` and `students`.
- Scores are fractions of the points (0 to 1). Normalised gain is Hake's g of the class means,
  g = (after - before) / (1 - before): the share of the possible improvement that happened. It
  is undefined (NaN) when the mean before is already 1 (nothing left to gain).
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .grade import Key, expand_shown, load_key, read_answers, safe_cell
from .schema import LessonDoc
from .score import answered, score

BEFORE, AFTER = "skills_check_before", "skills_check_after"
CHECKS = ("before", "after")
STATUSES = ("both", "before only", "after only", "neither")
ALL = "all skills"  # the last row of the skills table: the whole check


def hake_gain(before: float, after: float) -> float:
    """Hake's normalised gain (after - before) / (1 - before) for scores in 0..1; NaN when
    either is missing or `before` is 1 (no room to gain)."""
    if before is None or after is None or math.isnan(before) or math.isnan(after):
        return math.nan
    if before >= 1:
        return math.nan
    return (after - before) / (1 - before)


@dataclass
class ClassReport:
    """Tidy tables (pandas) of one class's skills check; see the module docstring."""

    scores: pd.DataFrame  # student, check, item, skill, points, score (0..1), answered
    students: pd.DataFrame  # student, student_id, files, status, before, after, gain, g, notes
    items: pd.DataFrame  # item, skill, n, before, after, gain, g
    skills: pd.DataFrame  # skill, items, n, before, after, gain, g
    counts: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One paragraph a teacher can read: who is counted and who is not."""
        c = self.counts
        text = (f"{c['files']} answers file(s), {c['students']} student(s): {c['both']} took both "
                f"checks, {c['before only']} only the check before, {c['after only']} only the "
                f"check after")
        if c["neither"]:
            text += f", {c['neither']} neither"
        text += f". Gains are over the {c['both']} student(s) who took both."
        if c["unreadable"]:
            text += f" {c['unreadable']} file(s) could not be read (see problems)."
        return text

    def table(self) -> str:
        """The report as plain text, for the terminal."""
        parts = [self.summary(), "", "Per skill (scores are shares of the points, 0 to 1):",
                 _text_table(self.skills), "", "Per question:", _text_table(self.items)]
        apart = self.students[self.students["status"] != "both"]
        if len(apart):
            parts += ["", "Not in the gains (took one check or none):",
                      _text_table(apart[["student", "status", "before", "after", "files"]])]
        notes = self.students[self.students["notes"] != ""]
        if len(notes):
            parts += ["", "Notes on students:", _text_table(notes[["student", "status", "notes"]])]
        if self.problems:
            parts += ["", "Problems:"] + [f"- {p}" for p in self.problems]
        return "\n".join(parts) + "\n"

    def student_items(self) -> pd.DataFrame:
        """Per student and question: score before, after and the change (NaN for a check the
        student did not take)."""
        wide = self.scores.pivot_table(index=["student", "item", "skill"], columns="check",
                                       values="score", aggfunc="first", sort=False)
        wide = wide.reindex(columns=list(CHECKS)).reset_index()
        wide.columns.name = None
        return wide.assign(gain=wide["after"] - wide["before"])

    def summary_table(self) -> pd.DataFrame:
        """Skills and questions in one long table (level = skill | item), for a CSV."""
        skills = self.skills.assign(level="skill", name=self.skills["skill"])
        items = self.items.rename(columns={"item": "name"}).assign(level="item")
        columns = ["level", "name", "skill", "n", "before", "after", "gain", "g"]
        return pd.concat([skills[columns], items[columns]], ignore_index=True)


def _csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Names come from students' files: neutralise spreadsheet formulas (CSV injection)."""
    return frame.assign(student=frame["student"].map(lambda v: safe_cell(str(v), None)))


def _text_table(frame: pd.DataFrame) -> str:
    return frame.to_string(index=False, float_format=lambda x: f"{x:.2f}", na_rep="n/a")


def check_docs(key: Key, before: str = BEFORE, after: str = AFTER) -> tuple[LessonDoc, LessonDoc]:
    """The two checks' lessons in `key`; ValueError naming what is missing and the fix."""
    docs = {doc.lesson: doc for doc in key.lessons}
    missing = [name for name in (before, after) if name not in docs]
    if missing:
        raise ValueError(f"the key has no lesson {', '.join(map(repr, missing))} (it has: "
                         f"{', '.join(sorted(docs))}); give the instructor's exercises folder")
    first, second = docs[before], docs[after]
    if [e.id for e in first.exercises] != [e.id for e in second.exercises]:
        raise ValueError(f"lessons {before!r} and {after!r} do not ask the same questions: a gain "
                         "needs the same items before and after (write them once, with "
                         "'lessons: [...]')")
    return first, second


def _student_key(data: dict | None, path: Path) -> tuple[str, str, str]:
    """(merge key, name, student id) of one answers file; without a name or ID the file's full
    path is the key (two students' files may share a name in different folders)."""
    student = data.get("student") if isinstance(data, dict) else None
    student = student if isinstance(student, dict) else {}
    name = " ".join(str(student.get("name") or "").split())[:200]
    sid = str(student.get("id") or "").strip()[:200]
    if sid:
        return f"id:{sid.casefold()}", name, sid
    if name:
        return f"name:{name.casefold()}", name, sid
    return f"file:{path.resolve()}", name, sid


def _merge(answers: dict, lesson: str, into: dict) -> None:
    """Keep, per item, the record saved last (ISO times compare as text)."""
    records = answers.get(lesson)
    if not isinstance(records, dict):
        return
    for ex_id, record in records.items():
        if not isinstance(record, dict) or "answer" not in record:
            continue
        old = into.get(ex_id)
        if old is None or str(record.get("saved", "")) >= str(old.get("saved", "")):
            into[ex_id] = record


def class_report(answers, key: str | Path | Key = "instructor/exercises", *,
                 before: str = BEFORE, after: str = AFTER) -> ClassReport:
    """The report from answers files or folders of them (`answers`: a path or a list of paths)
    against the instructor's key. Raises ValueError when the key lacks the two checks."""
    if not isinstance(key, Key):
        key = load_key(key)
    docs = dict(zip(CHECKS, check_docs(key, before, after), strict=True))
    paths = [answers] if isinstance(answers, str | Path) else list(answers)
    files = expand_shown(paths)
    problems: list[str] = []
    people: dict[str, dict] = {}
    unreadable = 0
    for path, shown in files:
        data, problem = read_answers(path)
        if data is None:
            unreadable += 1
            problems.append(f"{shown}: {problem}; not counted")
            continue
        if problem:
            problems.append(f"{shown}: {problem}")
        merge_key, name, sid = _student_key(data, path)
        person = people.setdefault(merge_key, {"name": name, "student_id": sid, "files": [],
                                               "before": {}, "after": {}})
        person["name"] = person["name"] or name
        person["files"].append(shown)
        for check in CHECKS:
            _merge(data["answers"], docs[check].lesson, person[check])

    score_rows, student_rows = [], []
    used: set[str] = set()
    for _, person in sorted(people.items()):
        label = person["name"] or person["student_id"] or person["files"][0]
        if label in used:  # two students, one name: tell them apart
            label = f"{label} ({person['student_id'] or person['files'][0]})"
        used.add(label)
        took = {c: any(answered(r.get("answer")) for r in person[c].values()) for c in CHECKS}
        totals, notes = {}, []
        for check in CHECKS:
            if not took[check]:
                continue
            got = possible = 0.0
            for ex in docs[check].exercises:
                if not ex.auto_scored:
                    continue
                record = person[check].get(ex.id)
                answer = record.get("answer") if record else None
                result = score(ex, answer)
                if result.problem:
                    notes.append(f"{check}/{result.problem}: scored 0")
                fraction = result.fraction or 0.0
                score_rows.append({"student": label, "check": check, "item": ex.id,
                                   "skill": ex.skill or "other", "points": ex.points,
                                   "score": fraction, "answered": answered(answer)})
                got += fraction * ex.points
                possible += ex.points
            totals[check] = got / possible if possible else math.nan
        status = ("both" if took["before"] and took["after"] else "before only" if took["before"]
                  else "after only" if took["after"] else "neither")
        if status == "neither":
            notes.append("no answers to either check in this file")
        if status == "both":
            last_before = max(str(r.get("saved", "")) for r in person["before"].values())
            first_after = min(str(r.get("saved", "")) for r in person["after"].values())
            if last_before > first_after:
                notes.append("changed answers of the check before after starting the check after")
        b, a = totals.get("before", math.nan), totals.get("after", math.nan)
        student_rows.append({"student": label, "student_id": person["student_id"],
                             "files": ", ".join(person["files"]), "status": status,
                             "before": b, "after": a, "gain": a - b, "g": hake_gain(b, a),
                             "notes": "; ".join(notes)})

    scores = pd.DataFrame(score_rows, columns=["student", "check", "item", "skill", "points",
                                               "score", "answered"])
    students = pd.DataFrame(student_rows, columns=["student", "student_id", "files",
                                                   "status", "before", "after", "gain", "g",
                                                   "notes"])
    matched = set(students.loc[students["status"] == "both", "student"])
    mine = scores[scores["student"].isin(matched)]
    items = _item_table(mine, docs["before"], len(matched))
    skills = _skill_table(mine, docs["before"], len(matched))
    counts = {"files": len(files), "unreadable": unreadable, "students": len(students),
              **{s: int((students["status"] == s).sum()) for s in STATUSES}}
    return ClassReport(scores, students, items, skills, counts, problems)


def _gains(before: float, after: float) -> dict:
    return {"before": before, "after": after, "gain": after - before,
            "g": hake_gain(before, after)}


def _item_table(scores: pd.DataFrame, doc: LessonDoc, matched: int) -> pd.DataFrame:
    """Per item, the class means of the matched students: each has a score for every item in
    both checks, so n is the number matched (none: the means of nothing are NaN)."""
    rows = []
    for ex in doc.exercises:
        if not ex.auto_scored:
            continue
        mine = scores[scores["item"] == ex.id]
        means = {c: mine.loc[mine["check"] == c, "score"].mean() for c in CHECKS}
        rows.append({"item": ex.id, "skill": ex.skill or "other", "n": matched,
                     **_gains(means["before"], means["after"])})
    return pd.DataFrame(rows, columns=["item", "skill", "n", "before", "after", "gain", "g"])


def _mean_shares(scores: pd.DataFrame) -> dict:
    """Class mean, per check, of each student's share of the points in `scores`."""
    per = scores.assign(got=scores["score"] * scores["points"]).groupby(["student", "check"])[
        ["got", "points"]].sum()
    share = (per["got"] / per["points"]).rename("share").reset_index()
    return {c: share.loc[share["check"] == c, "share"].mean() for c in CHECKS}


def _skill_table(scores: pd.DataFrame, doc: LessonDoc, matched: int) -> pd.DataFrame:
    """A student's skill score is their share of the skill's points; the table gives the
    class mean of those shares, before and after, and a last row for the whole check."""
    counts: dict[str, int] = {}
    for ex in doc.exercises:
        if ex.auto_scored:
            counts[ex.skill or "other"] = counts.get(ex.skill or "other", 0) + 1
    rows = []
    for skill, count in [*counts.items(), (ALL, sum(counts.values()))]:
        mine = scores if skill == ALL else scores[scores["skill"] == skill]
        means = _mean_shares(mine) if matched else dict.fromkeys(CHECKS, math.nan)
        rows.append({"skill": skill, "items": count, "n": matched,
                     **_gains(means["before"], means["after"])})
    return pd.DataFrame(rows, columns=["skill", "items", "n", "before", "after", "gain", "g"])


def main_report(answers: list[str], key: str, *, out: str | None = None, csv: str | None = None,
                students: str | None = None) -> int:
    """CLI: mediakit report FOLDER... [--key KEY] [--out report.html] [--csv report.csv]
    [--students students.csv]. Prints the report as text unless a file is asked for."""
    try:
        report = class_report(answers, key)
    except ValueError as err:
        print(f"mediakit report: {err}", file=sys.stderr)
        return 2
    if not report.counts["files"]:
        print("mediakit report: no answers files found", file=sys.stderr)
        return 2
    if csv:
        report.summary_table().to_csv(csv, index=False, float_format="%.4f")
    if students:
        _csv_safe(report.student_items()).to_csv(students, index=False, float_format="%.4f")
    if out:
        from ..views.class_report import write_report_html

        write_report_html(report, out)
    if out or csv or students:
        print(report.summary())
        written = ", ".join(f for f in (out, csv, students) if f)
        print(f"written: {written}")
    else:
        print(report.table(), end="")
    for problem in report.problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 0
