"""Accuracy of the sourcing analysis against the hand-checked gold (tests/gold/seeds.yaml).

Scoring follows tests/gold/FORMAT.md: a gold attribution is found when a finding's
speaker matches (case-insensitive; a surname alone is enough) and its span overlaps
the evidence. Precision counts findings that match some gold attribution; recall
counts gold attributions matched by some finding. On matched pairs we also report
how often type, side and form agree.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..analysis.sourcing import find_sources
from ..corpus import Article, load_folder
from ..findings import Finding
from .gold import GOLD_PATH, GoldSpan, Score, load_gold


def _words(name: str) -> list[str]:
    return name.lower().replace("’", "'").replace("-", " ").replace(".", "").split()


def speaker_matches(found: str, gold: str) -> bool:
    """Same speaker: equal, same last word (a surname), or one name inside the other."""
    f, g = _words(found), _words(gold)
    if not f or not g:
        return False
    if f == g or f[-1] == g[-1]:
        return True
    fs, gs = " ".join(f), " ".join(g)
    return f" {fs} " in f" {gs} " or f" {gs} " in f" {fs} "


def _match(f: Finding, g: GoldSpan) -> bool:
    return f.overlaps(g.start, g.end) and speaker_matches(f.fields.get("speaker", ""),
                                                          g.labels["speaker"])


UNSEEN_PATH = GOLD_PATH.parent / "unseen.yaml"
# unseen articles written after the last rule change and never used to tune a rule
HELD_OUT = ("unseen-strike", "unseen-vaccine", "unseen-election")


def score_article(findings: list[Finding], gold: list[GoldSpan]) -> tuple[Score, dict]:
    """Score, and agreement counts {field: [agree, pairs]} over matched gold attributions.

    The agreement dict also holds "strict": [findings that match a gold entry of the
    same form, findings], the precision when the form must be right too.
    """
    correct = sum(1 for f in findings if any(_match(f, g) for g in gold))
    strict = sum(1 for f in findings if any(_match(f, g) and f.label == g.labels["form"]
                                            for g in gold))
    hit = 0
    agree = {"type": [0, 0], "side": [0, 0], "form": [0, 0], "strict": [strict, len(findings)]}
    for g in gold:
        matches = [f for f in findings if _match(f, g)]
        if not matches:
            continue
        hit += 1
        # the finding that best stands for this gold entry: same form first, then most overlap
        best = max(matches, key=lambda f: (f.label == g.labels["form"],
                                           min(f.end, g.end) - max(f.start, g.start)))
        for key, value in (("type", best.fields.get("type")), ("side", best.fields.get("side")),
                           ("form", best.label)):
            agree[key][0] += value == g.labels[key]
            agree[key][1] += 1
    return Score(correct, len(findings), hit, len(gold)), agree


def unseen_articles(path: str | Path = UNSEEN_PATH) -> dict[str, Article]:
    """The articles of a gold file that carries its texts inline (tests/gold/unseen.yaml)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return {aid: Article.from_text(e["text"], id=aid, outlet=e.get("outlet") or "unknown",
                                   author=e.get("author"), genre=e.get("genre"))
            for aid, e in data["articles"].items()}


def evaluate(gold_path: str | Path = GOLD_PATH, articles: dict[str, Article] | None = None) -> dict:
    """Per-article and overall precision/recall/F1, type/side/form accuracy and the strict
    precision (a found attribution must also have the gold's form)."""
    if articles is None:
        articles = {a.id: a for a in load_folder().articles}
    gold = load_gold(gold_path, articles)
    per: dict[str, Score] = {}
    agree_all = {"type": [0, 0], "side": [0, 0], "form": [0, 0], "strict": [0, 0]}
    for aid, ga in gold.articles.items():
        found = find_sources(articles[aid])
        per[aid], agree = score_article(found, ga.attributions)
        for k in agree_all:
            agree_all[k][0] += agree[k][0]
            agree_all[k][1] += agree[k][1]
    total = sum(per.values(), Score(0, 0, 0, 0))
    return {
        "articles": {aid: _figures(s) for aid, s in per.items()},
        "overall": _figures(total),
        "accuracy": {k: (a / n if n else 1.0) for k, (a, n) in agree_all.items() if k != "strict"},
        "pairs": agree_all["form"][1],
        "strict": {"found_correct": agree_all["strict"][0], "found": agree_all["strict"][1],
                   "precision": agree_all["strict"][0] / agree_all["strict"][1]
                   if agree_all["strict"][1] else 1.0},
    }


def evaluate_unseen(path: str | Path = UNSEEN_PATH) -> dict:
    """The same scores on made-up articles the rules were not tuned on (texts inline)."""
    return evaluate(path, unseen_articles(path))


def _figures(s: Score) -> dict:
    return {"precision": s.precision, "recall": s.recall, "f1": s.f1, "found": s.found,
            "found_correct": s.found_correct, "expected": s.expected,
            "expected_found": s.expected_found}


def table() -> str:
    """Printable tables, built-in gold then unseen articles: P/R/F1 per article and overall,
    type/side/form accuracy, and the strict precision (form must match too)."""
    return "\n\n".join([
        "built-in articles (tests/gold/seeds.yaml)\n" + format_table(evaluate()),
        "unseen articles (tests/gold/unseen.yaml)\n" + format_table(evaluate_unseen()),
    ])


def format_table(r: dict) -> str:
    """One result of `evaluate` as a printable table."""
    lines = [f"{'article':<22} {'found':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    rows = [*r["articles"].items(), ("overall", r["overall"])]
    held = [r["articles"][a] for a in HELD_OUT if a in r["articles"]]
    if held:  # the articles no rule was tuned on: the honest figure for new copy
        total = sum((Score(f["found_correct"], f["found"], f["expected_found"], f["expected"])
                     for f in held), Score(0, 0, 0, 0))
        rows.append(("held out (never tuned)", _figures(total)))
    for aid, f in rows:
        lines.append(f"{aid:<22} {f['found']:>5} {f['expected']:>5} {f['precision']:>6.3f} "
                     f"{f['recall']:>6.3f} {f['f1']:>6.3f}")
    acc = r["accuracy"]
    lines.append(f"on {r['pairs']} matched gold attributions: type {acc['type']:.3f}, "
                 f"side {acc['side']:.3f}, form {acc['form']:.3f}")
    st = r["strict"]
    lines.append(f"strict precision (form must match too): {st['found_correct']}/{st['found']} = "
                 f"{st['precision']:.3f}")
    return "\n".join(lines)
