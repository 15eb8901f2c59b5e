"""The exercises of lesson 00, answered by clicking in the browser: one of every type.

For each type: answer it with the mouse and keyboard, press Check (Submit), and see the
feedback; then reload the page, restart the kernel, run everything again, and see the same
answer come back from the saved answers file (and nothing from the old kernel or page).

Answers come from the released lesson file the notebook uses (its hashed key is recovered by
the engine), so the tests follow the exercises when an instructor edits them.
"""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from mediakit.exercises.widgets.base import exercise_classes
from mediakit.exercises.widgets.checklist import cell_label

from .conftest import ROOT, BrowserPage
from .jlab import (
    clear_all_outputs,
    error_outputs,
    open_notebook,
    restart_and_run_all,
    run_all,
    screenshot_notebook,
)

LESSON = "00_start_here"
NOTEBOOK = f"notebooks/{LESSON}.ipynb"
TYPES = ("single_choice", "multiple_choice", "highlight", "tag", "checklist", "short_answer")
SHORT_TEXT = ("RFE/RL names the election and the Iran attacks; Sputnik leaves both out and "
              "only repeats what Lavrov said about the meeting.")


def lesson_exercises() -> dict[str, object]:
    """Type -> the first exercise of that type in the released lesson file."""
    from mediakit.exercises.load import load_lesson_file

    doc, problems = load_lesson_file(ROOT / "exercises" / f"{LESSON}.yaml")
    assert doc is not None and not problems, problems
    first = {}
    for exercise in doc.exercises:
        first.setdefault(exercise.type, exercise)
    return first


def box_of(page, exercise):
    """The exercise's widget, by the classes the kit gives every exercise box
    (`mk-exercise mk-exercise-<id> mk-type-<type>`), not by its wording or place."""
    classes = "".join(f".{name}" for name in exercise_classes(exercise))
    return page.locator(f".jp-NotebookPanel:not(.lm-mod-hidden) {classes}")


# --- answering, one function per type: (box, exercise) -> the answer that must be saved ------

def answer_single_choice(box, ex):
    wrong = next(o for o in ex.options if not o.correct)
    right = next(o for o in ex.options if o.correct)
    box.get_by_role("radio", name=wrong.text).check()
    box.get_by_role("button", name="Check").click()
    expect(box).to_contain_text("Not yet")  # a wrong answer first: feedback says so
    box.get_by_role("radio", name=right.text).check()
    return right.id


def answer_multiple_choice(box, ex):
    for option in ex.options:
        if option.correct:
            box.get_by_role("checkbox", name=option.text).check()
    return sorted(o.id for o in ex.options if o.correct)


def answer_highlight(box, ex):
    words = sorted({i for target in ex.targets for i in target.words})
    for i in words:
        word = box.locator(f'.mk-hl-word[data-w="{i}"]')
        word.click()
        expect(word).to_have_attribute("aria-pressed", "true")
    return words


def answer_tag(box, ex):
    for item in ex.items:
        row = box.locator(".widget-hbox").filter(has_text=item.text[:40]).last
        row.locator("select").select_option(label=item.label)
    return {item.id: item.label for item in ex.items}


def checklist_cells(box, ex):
    """(fact, outlet) -> its checkbox, found by its accessible name (what a screen reader
    says: the outlet and the fact), so the test also proves each cell is named."""
    expect(box.get_by_role("checkbox")).to_have_count(len(ex.facts) * len(ex.outlets))
    cells = {}
    for fact in ex.facts:
        for outlet in ex.outlets:
            cell = box.get_by_role("checkbox", name=cell_label(fact.text, outlet), exact=True)
            expect(cell).to_have_count(1)
            cells[(fact.id, outlet)] = cell
    return cells


def answer_checklist(box, ex):
    cells = checklist_cells(box, ex)
    for fact in ex.facts:
        for outlet in fact.reported:
            cells[(fact.id, outlet)].check()
    return {fact.id: [o for o in ex.outlets if o in fact.reported] for fact in ex.facts}


def answer_short_answer(box, ex):
    area = box.locator("textarea")
    area.fill(SHORT_TEXT)
    area.press("Tab")  # the text is sent when the box loses focus (continuous_update=False)
    return SHORT_TEXT


ANSWER = {t: globals()[f"answer_{t}"] for t in TYPES}
FEEDBACK = {t: "Right!" for t in TYPES} | {"short_answer": "A person will mark this answer"}


def assert_restored(box, ex, answer):
    """The controls show `answer` again."""
    if ex.type == "single_choice":
        right = next(o for o in ex.options if o.id == answer)
        expect(box.get_by_role("radio", name=right.text)).to_be_checked()
    elif ex.type == "multiple_choice":
        for option in ex.options:
            expect(box.get_by_role("checkbox", name=option.text)).to_be_checked(
                checked=option.id in answer)
    elif ex.type == "highlight":
        for i, _ in enumerate(ex.words()):
            expect(box.locator(f'.mk-hl-word[data-w="{i}"]')).to_have_attribute(
                "aria-pressed", "true" if i in answer else "false")
    elif ex.type == "tag":
        for item in ex.items:
            row = box.locator(".widget-hbox").filter(has_text=item.text[:40]).last
            expect(row.locator("select option:checked")).to_have_text(answer[item.id])
    elif ex.type == "checklist":
        for (fact, outlet), cell in checklist_cells(box, ex).items():
            expect(cell).to_be_checked(checked=outlet in answer[fact])
    elif ex.type == "short_answer":
        expect(box.locator("textarea")).to_have_value(answer)


@pytest.fixture(scope="module")
def answered(browser, lab, screenshots, record_figures):
    """Answer one exercise of every type in the browser, then reload, restart and re-run.

    Returns type -> what was seen: the feedback after Check, the saved record in the answers
    file, and the failure (if any) when checking the restored widget."""
    exercises = lesson_exercises()
    tab = BrowserPage(browser, lab)
    page = tab.page
    seen = {t: {"exercise": exercises.get(t)} for t in TYPES}
    started = time.monotonic()
    try:
        open_notebook(page, lab, NOTEBOOK)
        run_all(page)
        assert not error_outputs(page), error_outputs(page)
        for kind, ex in exercises.items():
            if kind not in TYPES:
                continue
            box = box_of(page, ex)
            if box.count() == 0:
                continue  # not shown in the lesson: the test of that type says so
            expect(box).to_have_count(1)
            expect(box).to_contain_text(ex.prompt[:60])  # the right box, found by class
            box.scroll_into_view_if_needed()
            try:
                answer = ANSWER[kind](box, ex)
                button = "Submit" if kind == "short_answer" else "Check"
                box.get_by_role("button", name=button).click()
                expect(box).to_contain_text(FEEDBACK[kind], timeout=30_000)
                seen[kind].update(answer=answer, feedback=box.inner_text())
            except (AssertionError, PlaywrightError) as err:  # that type's test reports it
                seen[kind].update(answer=None, feedback=f"answering failed: {err}")
        screenshot_notebook(page, screenshots / f"{LESSON}-answered.png")

        if not any("answer" in info for info in seen.values()):
            return seen  # the lesson shows no exercise: each type's test says so
        # A new page and a new kernel: only the answers file remembers anything.
        page.set_viewport_size({"width": 1280, "height": 900})
        open_notebook(page, lab, NOTEBOOK)
        clear_all_outputs(page)
        restart_and_run_all(page)
        saved = json.loads(lab.answers.read_text(encoding="utf-8"))["answers"].get(LESSON, {})
        for kind, info in seen.items():
            if info.get("answer") is None:
                continue
            ex = info["exercise"]
            info["saved"] = saved.get(ex.id)
            box = box_of(page, ex)
            try:
                expect(box).to_contain_text("Your saved answer is back", timeout=30_000)
                assert_restored(box, ex, info["answer"])
                expect(box).to_contain_text(FEEDBACK[kind])
                info["restored"] = True
            except (AssertionError, PlaywrightError) as err:
                info["restored"] = err
        shot = screenshot_notebook(page, screenshots / f"{LESSON}-restored.png")
        kinds = [k for k, info in seen.items() if info.get("restored") is True]
        record_figures(f"browser: exercises of {LESSON}",
                       f"answered, checked and restored after reload + kernel restart: "
                       f"{', '.join(kinds) or 'none'} ({time.monotonic() - started:.0f} s); "
                       f"screenshots: {screenshots / f'{LESSON}-answered.png'}, {shot}")
    finally:
        tab.close()
    return seen


@pytest.mark.parametrize("kind", TYPES)
def test_exercise_is_answered_in_the_browser_and_comes_back_after_a_restart(answered, kind):
    info = answered[kind]
    ex = info["exercise"]
    if ex is None:
        pytest.fail(f"exercises/{LESSON}.yaml has no {kind} exercise", pytrace=False)
    if "answer" not in info:
        pytest.fail(f"{NOTEBOOK} does not show the {kind} exercise '{ex.id}' "
                    f"(expected a cell like lesson.show({ex.id!r}))", pytrace=False)
    assert info["answer"] is not None and FEEDBACK[kind] in info["feedback"], info["feedback"]
    assert info["saved"] is not None and info["saved"]["answer"] == info["answer"], info["saved"]
    assert info["restored"] is True, f"{kind} '{ex.id}' not restored: {info['restored']}"
