"""The `mediakit` command: verbs named after the work they do.

    mediakit corpus [FOLDER]               list articles (the built-in five by default)
    mediakit check PATH...                 validate article folders/files and exercise files
    mediakit analyze ID_OR_FILE... [--format table|json] [--jobs N]
    mediakit analyze --corpus FOLDER [--jobs N]  every article in FOLDER, on every core
    mediakit compare A B [C...] [--format table|json]
    mediakit release SOURCE --out FOLDER [--new-salt] [--student-copy DIR]
    mediakit grade ANSWERS... [--key KEY] [--out grades.csv] [--texts texts.csv]
    mediakit report FOLDER... [--key KEY] [--out report.html] [--csv report.csv]

Every verb reports bad input as "file, field: problem. Fix: ..." on stderr and carries
on with the rest; the exit status is non-zero when anything was wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .problems import InputError, Problem


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except BrokenPipeError:  # `mediakit analyze ... | head`
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mediakit", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("corpus", help="list the articles in a folder (built-in by default)")
    p.add_argument("folder", nargs="?", help="a folder of .txt article files")
    p.set_defaults(handler=cmd_corpus)

    p = sub.add_parser("check", help="validate article folders or files and exercise files")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("analyze", help="sources, quotation marks, loaded wording, readability")
    p.add_argument("refs", nargs="*", metavar="ID_OR_FILE",
                   help="articles to analyse (with --corpus and none given: all of FOLDER)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--corpus", metavar="FOLDER",
                   help="look ids up in this folder; without ids, analyse every article in it")
    p.add_argument("--jobs", type=_jobs, metavar="N",
                   help="worker processes (default: every core, with a progress bar on a terminal)")
    p.set_defaults(handler=cmd_analyze)

    p = sub.add_parser("compare", help="facts one article reports and the others leave out")
    p.add_argument("refs", nargs="+", metavar="ID_OR_FILE")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--corpus", metavar="FOLDER", help="look ids up in this folder")
    p.set_defaults(handler=cmd_compare)

    p = sub.add_parser("release", help="seal exercise answers for the students' copy")
    p.add_argument("source", help="the instructor's exercise file or folder")
    p.add_argument("--out", required=True, help="folder for the sealed files (e.g. exercises)")
    p.add_argument("--new-salt", action="store_true", help="draw new salts (changes every hash)")
    p.add_argument("--student-copy", metavar="DIR",
                   help="also copy the project to DIR without instructor/ (a class's copy)")
    p.set_defaults(handler=cmd_release)

    p = sub.add_parser("grade", help="grade students' answer files into a CSV")
    p.add_argument("answers", nargs="+", metavar="ANSWERS")
    p.add_argument("--key", default="instructor/exercises",
                   help="the instructor's exercise file or folder (default: instructor/exercises)")
    p.add_argument("--out", default="grades.csv", help="the CSV to write (default: grades.csv)")
    p.add_argument("--texts", metavar="CSV", help="also write short answers to mark by hand here")
    p.set_defaults(handler=cmd_grade)

    p = sub.add_parser("report", help="class report of the skills check: gain per skill and question")
    p.add_argument("answers", nargs="+", metavar="FOLDER", help="answers .json files or folders")
    p.add_argument("--key", default="instructor/exercises",
                   help="the instructor's exercise folder (default: instructor/exercises)")
    p.add_argument("--out", metavar="HTML", help="write the report with its charts to this page")
    p.add_argument("--csv", metavar="CSV", help="write the per-skill and per-question table here")
    p.add_argument("--students", metavar="CSV", help="write one row per student and question here")
    p.set_defaults(handler=cmd_report)
    return parser


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)


def cmd_corpus(args) -> int:
    from .corpus import FIELDS, load_folder

    corpus = load_folder(args.folder)
    columns = ["id", "outlet", "published", "genre", "words", "title"]
    rows = [[str(a.metadata().get(c) or "") if c in FIELDS else str(a.words) for c in columns]
            for a in corpus.articles]
    print(_table(columns, rows))
    _report(corpus.problems)
    return 1 if corpus.problems else 0


def cmd_check(args) -> int:
    from .corpus import load_folder, read_article

    problems: list[Problem] = []
    counted = {"articles": 0, "exercise files": 0, "fact checklists": 0}
    articles = []  # every article given, so a checklist's evidence can be looked up in them
    yaml_files = [(path, _yaml_files(path)) for path in map(Path, args.paths)]  # listed once per path
    for path, yamls in yaml_files:
        if path.is_dir() and (any(path.glob("*.txt")) or not yamls):
            corpus = load_folder(path)
            problems += corpus.problems
            articles += corpus.articles
        elif not path.is_dir() and not yamls:
            try:
                articles.append(read_article(path))
            except InputError as err:
                problems.append(err.problem)
    counted["articles"] = len(articles)
    evidence = None  # the built-in articles and the ones given: loaded at the first checklist
    for file in (f for _, yamls in yaml_files for f in yamls):
        if _is_checklist(file):
            from .analysis.checklists import check_checklist

            if evidence is None:
                evidence = load_folder().articles + articles
            found, kind = check_checklist(file, evidence)[1], "fact checklists"
        else:
            from .exercises.validate import validate_exercises

            found, kind = validate_exercises(file), "exercise files"
        problems += found
        counted[kind] += not found  # the summary counts the files that are fine
    _report(problems)
    summary = ", ".join(f"{n} {what}" for what, n in counted.items() if n)
    if problems:
        print(f"{len(problems)} problem(s) found; {summary or 'nothing'} loaded fine.")
        return 1
    print(f"OK: {summary or 'nothing to check'}.")
    return 0


def _is_checklist(path: Path) -> bool:
    """A fact checklist has `facts:` and no `exercises:` (anything else is an exercise file)."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False  # the exercise validator names the problem
    return isinstance(data, dict) and "facts" in data and "exercises" not in data


def _yaml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
    return [path] if path.suffix in (".yaml", ".yml") else []


def _load_all(refs: list[str], folder: str | None) -> tuple[list, list[Problem]]:
    from .corpus import load_article

    articles, problems = [], []
    for ref in refs:
        try:
            articles.append(load_article(ref, folder))
        except InputError as err:
            problems.append(err.problem)
    return articles, problems


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of processes: give 1 or more")
    return int(value)


def cmd_analyze(args) -> int:
    from .batch import iter_analyze

    if args.refs:
        articles, problems = _load_all(args.refs, args.corpus)
    elif args.corpus:
        from .corpus import load_folder

        corpus = load_folder(args.corpus)
        articles, problems = corpus.articles, list(corpus.problems)
    else:
        print("analyze needs article ids or files, or --corpus FOLDER", file=sys.stderr)
        return 2
    bar = sys.stderr.isatty()
    if bar:  # print between redraws of the progress bar
        from tqdm.auto import tqdm

        def write(text: str, end: str = "\n") -> None:
            tqdm.write(text, file=sys.stdout, end=end)
    else:
        write = print
    # records are written as they come (in input order), so a big corpus never sits in memory
    one_record = args.format == "json" and len(args.refs) == 1
    first = True
    for outcome in iter_analyze(articles, jobs=args.jobs, progress=bar):
        if outcome.problem is not None:
            problems.append(outcome.problem)
        elif one_record:
            write(json.dumps(outcome.record, ensure_ascii=False, indent=2))
            first = False
        elif args.format == "json":
            text = json.dumps(outcome.record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            write(("[\n  " if first else ",\n  ") + text, end="")
            first = False
        else:
            write(_analysis_table(outcome.record))
    if args.format == "json" and not one_record:
        write("[]" if first else "\n]")
    elif one_record and first:
        write("[]")  # the one article did not load (as before: an empty list)
    _report(problems)
    return 1 if problems else 0


def _analysis_table(record: dict) -> str:
    lines = [f"== {record['id']} ({record['outlet']})"]
    r = record["readability"]
    lines.append("readability: " + ", ".join(f"{k} {v}" for k, v in r.items()))
    for name, label_key in (("sources", "form"), ("quote_marks", "use"), ("loaded", "kind")):
        findings = record[name]
        lines.append(f"-- {name}: {len(findings)}")
        for f in findings:
            who = f" [{f['speaker']}, {f['type']}, {f['side']}]" if name == "sources" else ""
            lines.append(f"  {f['start']:>6}-{f['end']:<6} {f[label_key]:<13}{who} "
                         f"{_short(f['text'])}\n{'':16}why: {f['reason']}")
    return "\n".join(lines) + "\n"


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def cmd_compare(args) -> int:
    from .analysis.omissions import compare, format_compare_table

    articles, problems = _load_all(args.refs, args.corpus)
    _report(problems)
    if len(articles) < 2:
        print("compare needs at least two articles that load", file=sys.stderr)
        return 1
    result = compare(articles)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_compare_table(result))
    return 1 if problems else 0


def cmd_release(args) -> int:
    from .exercises.release import main_release

    return main_release(args.source, args.out, new_salt=args.new_salt,
                        student_copy_dir=args.student_copy)


def cmd_grade(args) -> int:
    from .exercises.grade import main_grade

    return main_grade(args.answers, args.key, args.out, args.texts)


def cmd_report(args) -> int:
    from .exercises.report import main_report

    return main_report(args.answers, args.key, out=args.out, csv=args.csv, students=args.students)


def _table(columns: list[str], rows: list[list[str]], width: int = 60) -> str:
    rows = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in rows]
    widths = [max(len(x) for x in col) for col in zip(columns, *rows, strict=False)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join(fmt.format(*r).rstrip() for r in [columns, *rows])


if __name__ == "__main__":
    sys.exit(main())
