"""The instructor guide (docs/instructors/*.md) and the README say only what really works.

Checked without running anything a page describes:
- every `mediakit ...` command line in a fenced code block parses with the real CLI parser
  (synopsis lines such as `mediakit corpus [FOLDER]` are read with their optional parts in);
- every relative link points to a file or folder of the repository; the guide's pages use no
  #anchors (GitHub and JupyterLab give headings different ids, so an anchor works in one only);
- every YAML block parses, and the complete exercise files and fact checklists shown
  validate with the kit's own checkers;
- the lesson plans' table of exercises and points agrees with the key, each numbered
  lesson's plan names every exercise of that lesson, and each plan's parts add up to its
  length.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "instructors"
PAGES = sorted(GUIDE.glob("*.md"))
DOCS = [*PAGES, ROOT / "README.md"]
KEY = ROOT / "instructor" / "exercises"

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<lang>[^`\s]*)")
SEPARATORS = {";", "&&", "||", "|", "&", "(", ")"}
LEADING_WORDS = {"do", "then", "else", "time", "sudo", "-E", "env", "!"}
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def fenced_blocks(text: str) -> list[tuple[str, int, list[str]]]:
    """(language, first line number, lines) of every fenced code block."""
    blocks, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, indent = m["fence"], len(m["indent"])
        body, j = [], i + 1
        while j < len(lines):
            close = FENCE.match(lines[j])
            if close and close["fence"][0] == fence[0] and len(close["fence"]) >= len(fence) \
                    and not close["lang"]:
                break
            body.append(lines[j][indent:] if lines[j][:indent].strip() == "" else lines[j])
            j += 1
        blocks.append((m["lang"].lower(), i + 2, body))
        i = j + 1
    return blocks


def _prose(text: str) -> str:
    """The text without fenced blocks and inline code, where links cannot be."""
    kept, inside = [], None
    for line in text.splitlines():
        m = FENCE.match(line)
        if m and inside is None:
            inside = m["fence"][0]
            continue
        if m and inside == m["fence"][0] and not m["lang"]:
            inside = None
            continue
        if inside is None:
            kept.append(line)
    return re.sub(r"`[^`\n]*`", "", "\n".join(kept))


def _synopsis(line: str) -> str:
    """Read usage notation as a command: `[--format table|json]` -> `--format table`."""
    previous = None
    while previous != line:
        previous = line
        line = re.sub(r"\[([^\[\]]*)\]",
                      lambda m: re.sub(r"(\S+?)\|\S+", r"\1", m.group(1)), line)
    return re.sub(r"(?<=\S)\.\.\.(?=\s|$)", "", line)


def mediakit_commands(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(offset in block, argv after `mediakit`) of every mediakit command in shell lines."""
    found, joined, start = [], "", None
    for offset, raw in enumerate(lines):
        if start is None:
            start = offset
        if raw.rstrip().endswith("\\"):
            joined += raw.rstrip()[:-1] + " "
            continue
        line, joined = joined + raw, ""
        first, start = start, None
        line = re.sub(r"^\s*[$>]\s+", "", line)
        if "mediakit" not in line:
            continue
        try:
            lexer = shlex.shlex(_synopsis(line), posix=True, punctuation_chars=True)
            lexer.whitespace_split = True
            tokens = list(lexer)
        except ValueError:  # not shell (an unbalanced quote in prose or Python)
            continue
        segment: list[str] = []
        for token in [*tokens, ";"]:
            if token not in SEPARATORS:
                segment.append(token)
                continue
            while segment and (segment[0] in LEADING_WORDS or ASSIGNMENT.match(segment[0])):
                segment.pop(0)
            if segment[:1] and Path(segment[0]).name == "mediakit":
                found.append((first, segment[1:]))
            elif segment[:3] in (["python", "-m", "mediakit"], ["python3", "-m", "mediakit"]):
                found.append((first, segment[3:]))
            segment = []
    return found


def all_commands() -> list[tuple[str, list[str]]]:
    commands = []
    for doc in DOCS:
        for lang, line_no, body in fenced_blocks(doc.read_text(encoding="utf-8")):
            if lang in ("python", "py", "yaml", "yml", "json"):
                continue
            for offset, argv in mediakit_commands(body):
                commands.append((f"{_rel(doc)}:{line_no + offset}", argv))
    return commands


def test_the_reader_finds_commands_in_usage_lines_loops_and_continued_lines():
    block = ["mediakit analyze ID_OR_FILE... [--format table|json]   # a comment",
             "for f in a b; do mediakit check \"$f\"; done",
             "MEDIAKIT_ANSWERS=x.json .venv/bin/mediakit grade a.json \\",
             "    --key k --out g.csv",
             "python -m mediakit corpus && echo done",
             "pip install mediakit-other", "from mediakit.exercises import Lesson"]
    assert mediakit_commands(block) == [
        (0, ["analyze", "ID_OR_FILE", "--format", "table"]),
        (1, ["check", "$f"]),
        (2, ["grade", "a.json", "--key", "k", "--out", "g.csv"]),
        (4, ["corpus"])]


def test_every_mediakit_command_in_the_docs_parses():
    from mediakit.cli import _parser

    commands = all_commands()
    assert len(commands) >= 20, "the guide's commands were not found: is the block reader broken?"
    failures = []
    for where, argv in commands:
        errors = io.StringIO()
        try:
            with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
                args = _parser().parse_args(argv)
        except SystemExit as stop:
            if stop.code not in (0, None):
                failures.append(f"{where}: mediakit {shlex.join(argv)}\n    "
                                f"{errors.getvalue().strip().splitlines()[-1]}")
            continue
        if not getattr(args, "handler", None):
            failures.append(f"{where}: mediakit {shlex.join(argv)}\n    no command given")
    assert not failures, "commands in the docs that the CLI refuses:\n" + "\n".join(failures)


def test_the_parser_check_can_fail():
    from mediakit.cli import _parser

    with pytest.raises(SystemExit), contextlib.redirect_stderr(io.StringIO()):
        _parser().parse_args(["grade", "a.json", "--no-such-option"])


def links(text: str) -> list[str]:
    prose = _prose(text)
    inline = re.findall(r"\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)", prose)
    refs = re.findall(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", prose, flags=re.M)
    html = re.findall(r"(?:href|src)=[\"']([^\"']+)[\"']", prose)
    return inline + refs + html


@pytest.mark.parametrize("doc", DOCS, ids=_rel)
def test_relative_links_point_at_files_of_the_repository(doc):
    bad = []
    for target in links(doc.read_text(encoding="utf-8")):
        if SCHEME.match(target):
            continue
        path, _, fragment = target.partition("#")
        if fragment and doc.parent == GUIDE:
            bad.append(f"{target}: no #anchors in the guide (JupyterLab and GitHub differ)")
        if not path:
            continue
        resolved = (doc.parent / path.split("?")[0]).resolve()
        if not resolved.is_relative_to(ROOT) or not resolved.exists():
            bad.append(f"{target}: no such file in the repository")
    assert not bad, f"{_rel(doc)}:\n" + "\n".join(bad)


def test_the_link_reader_sees_links_but_not_code():
    text = ("See [plans](lesson-plans.md) and [site](https://example.org).\n"
            "`[not](a-link.md)`\n```\n[nor](this.md)\n```\n[ref]: grading.md\n")
    assert links(text) == ["lesson-plans.md", "https://example.org", "grading.md"]


def yaml_blocks() -> list[tuple[str, object]]:
    found = []
    for doc in PAGES:
        for lang, line_no, body in fenced_blocks(doc.read_text(encoding="utf-8")):
            if lang in ("yaml", "yml"):
                found.append((f"{_rel(doc)}:{line_no}", "\n".join(body)))
    return found


def test_yaml_in_the_guide_parses_and_whole_files_validate(tmp_path):
    from mediakit.analysis.checklists import check_checklist
    from mediakit.exercises.validate import validate_exercises

    checked = {"exercise files": 0, "checklists": 0}
    for where, text in yaml_blocks():
        data = yaml.safe_load(text)  # a syntax error fails here, naming nothing: see below
        assert data is not None, f"{where}: empty YAML block"
        if isinstance(data, dict) and "lesson" in data and "exercises" in data:
            path = tmp_path / f"{data['lesson']}.yaml"
            path.write_text(text, encoding="utf-8")
            problems = validate_exercises(path)
            assert not problems, f"{where}:\n" + "\n".join(map(str, problems))
            checked["exercise files"] += 1
        elif isinstance(data, dict) and "event" in data and "facts" in data:
            path = tmp_path / f"{data['event']}.yaml"
            path.write_text(text, encoding="utf-8")
            _, problems = check_checklist(path)
            assert not problems, f"{where}:\n" + "\n".join(map(str, problems))
            checked["checklists"] += 1
    assert checked["exercise files"] >= 1 and checked["checklists"] >= 1, checked


def test_the_github_workflow_is_yaml_and_grades_with_the_kits_tests():
    workflow = yaml.safe_load((GUIDE / "github-workflow" / "mediakit-answers.yml").read_text())
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any("tests/grading" in run for run in runs)
    assert (ROOT / "tests" / "grading").is_dir()


@functools.cache
def _key_lessons() -> dict:
    from mediakit.exercises.load import load_lessons

    docs, problems = load_lessons(KEY)
    assert not problems, problems
    return {doc.lesson: doc for doc in docs}


def test_the_lesson_plans_table_agrees_with_the_key():
    lessons = _key_lessons()
    rows = {}
    for line in (GUIDE / "lesson-plans.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and re.fullmatch(r"`[a-z0-9_]+`", cells[1]):
            rows[cells[1].strip("`")] = cells[3:]
    assert rows, "the table of lessons in lesson-plans.md was not found"
    for name, doc in lessons.items():
        assert name in rows, f"lesson {name} is in the key but not in the lesson plans' table"
        auto = sum(ex.points for ex in doc.exercises if ex.auto_scored)
        short = sum(1 for ex in doc.exercises if not ex.auto_scored)
        expected = [str(len(doc.exercises)), f"{auto:g}", str(short)]
        assert rows[name] == expected, f"{name}: the table says {rows[name]}, the key {expected}"


def test_each_numbered_lesson_plan_names_every_exercise():
    plans = (GUIDE / "lesson-plans.md").read_text(encoding="utf-8").split("\n## ")
    for name, doc in _key_lessons().items():
        if not re.match(r"\d\d_", name):
            continue
        section = next((s for s in plans if f"notebooks/{name}.ipynb" in s), None)
        assert section is not None, f"no plan in lesson-plans.md for notebooks/{name}.ipynb"
        missing = [ex.id for ex in doc.exercises if f"`{ex.id}`" not in section]
        assert not missing, f"the plan of {name} does not name: {missing}"


def test_each_plans_timings_add_up_to_its_length_in_the_overview():
    text = (GUIDE / "lesson-plans.md").read_text(encoding="utf-8")
    overview = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and re.fullmatch(r"`[a-z0-9_]+`", cells[1]):
            overview[cells[1].strip("`")] = int(cells[2])
    checked = 0
    for section in text.split("\n## ")[1:]:
        length = re.search(r"`notebooks/([a-z0-9_]+)\.ipynb` · (\d+) minutes", section)
        parts = [line.strip().strip("|").split("|") for line in section.splitlines()
                 if line.startswith("| ") and not line.startswith("| part")]
        minutes = [int(cells[1]) for cells in parts if len(cells) == 3 and cells[1].strip().isdigit()]
        if length is None or not minutes:
            continue
        name, total = length[1], int(length[2])
        assert sum(minutes) == total, f"{name}: the parts add up to {sum(minutes)}, not {total}"
        assert overview.get(name) == total, f"{name}: {total} minutes here, {overview.get(name)} above"
        checked += 1
    assert checked >= 5, "the timing tables of the lesson plans were not found"
