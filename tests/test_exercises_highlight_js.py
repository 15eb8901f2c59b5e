"""The highlight widget's JS in a real Chromium, without Jupyter: keyboard use and escaping.

A fake anywidget model stands in for the kernel, so this takes about a second. The browser
is the one the browser suite uses ($MEDIAKIT_CHROMIUM, else /usr/bin/chromium).
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
JS = (ROOT / "mediakit" / "static" / "highlight.js").read_text(encoding="utf-8")
CSS = (ROOT / "mediakit" / "static" / "highlight.css").read_text(encoding="utf-8")

SEGMENTS = [{"t": "Quote", "w": 0}, {"t": " \"", "w": -1}, {"t": "Israel", "w": 1},
            {"t": "\" <b>", "w": -1}, {"t": "bold", "w": 2}, {"t": "</b>.", "w": -1}]

HARNESS = """
class Model {
  constructor(state) { this.state = state; this.handlers = {}; this.saves = 0; }
  get(key) { return this.state[key]; }
  set(key, value) { this.state[key] = value;
    (this.handlers["change:" + key] || []).forEach((f) => f()); }
  on(event, f) { (this.handlers[event] = this.handlers[event] || []).push(f); }
  save_changes() { this.saves += 1; }
}
const mod = await import("data:text/javascript;base64,%s");
window.model = new Model({segments: %s, marked: [], states: {}, label: "Words"});
const el = document.createElement("div");
document.body.appendChild(el);
mod.default.render({model: window.model, el});
window.ready = true;
"""


@pytest.fixture(scope="module")
def page():
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = os.environ.get("MEDIAKIT_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"Chromium not found at {executable}: install it (apt-get install -y "
                    "chromium) or set MEDIAKIT_CHROMIUM")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable,
                                     args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.route("**/*", lambda route: route.abort())  # nothing from the network
        page.set_content(f"<html><head><style>{CSS}</style></head><body></body></html>")
        code = HARNESS % (base64.b64encode(JS.encode()).decode(), json.dumps(SEGMENTS))
        page.add_script_tag(content=code, type="module")
        page.wait_for_function("window.ready === true")
        yield page
        browser.close()


def test_words_are_buttons_and_text_is_not_html(page):
    assert page.locator("button.mk-hl-word").count() == 3
    assert page.locator(".mk-hl b").count() == 0
    assert page.locator(".mk-hl").text_content() == "".join(s["t"] for s in SEGMENTS)
    assert page.get_attribute(".mk-hl", "role") == "group"


def test_keyboard_tab_space_enter_toggle_aria_pressed(page):
    words = page.locator("button.mk-hl-word")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Quote"
    page.keyboard.press("Space")
    assert words.nth(0).get_attribute("aria-pressed") == "true"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("window.model.get('marked')") == [0, 1]
    page.keyboard.press("Space")
    assert words.nth(1).get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.model.get('marked')") == [0]
    assert page.evaluate("window.model.saves") == 3


def test_states_from_python_colour_words(page):
    page.evaluate("window.model.set('states', {'0': 'right', '2': 'wrong'})")
    words = page.locator("button.mk-hl-word")
    assert words.nth(0).get_attribute("data-state") == "right"
    assert words.nth(2).get_attribute("data-state") == "wrong"
    assert words.nth(1).get_attribute("data-state") == ""
