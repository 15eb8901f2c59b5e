"""One JupyterLab server and one Chromium for the whole browser suite.

Why this shape:
- the server runs from this environment (the kit's .venv) on 127.0.0.1 with a random token, in a
  temporary copy of the lessons, with MEDIAKIT_ANSWERS pointing at a temporary file, so a test
  run never writes a real student's answers nor outputs into the committed notebooks;
- JupyterLab's windowing is off (a user setting), so every cell stays in the page and can be
  checked, not only the ones on screen;
- the browser never leaves the machine: every request that is not for the lab server on
  127.0.0.1 is refused and listed (`Offline`), and the lesson tests fail if there was any, which
  proves the charts draw offline (altair's "mimetype" renderer, drawn by JupyterLab's own Vega);
- a missing browser is a failure with the install command, never a skip.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]  # small /dev/shm in containers
INSTALL_HELP = (
    "The browser tests need Chromium. On Debian/Ubuntu run (as root): "
    "apt-get update && apt-get install -y chromium  -- or set MEDIAKIT_CHROMIUM to the path of "
    "another Chromium or Chrome binary. `python3 tasks.py test` installs it for you when it runs "
    "as root."
)
# JupyterLab user settings for the test server: every cell rendered, no pop-ups.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none", "scrollPastEnd": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False},
}
START_TIMEOUT = 120  # seconds for the server to answer


def chromium_path() -> str:
    """The Chromium binary to drive: $MEDIAKIT_CHROMIUM, else Debian's /usr/bin/chromium."""
    path = os.environ.get("MEDIAKIT_CHROMIUM") or DEFAULT_CHROMIUM
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"No Chromium at {path}. {INSTALL_HELP}", pytrace=False)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A running JupyterLab server: where it is, how to reach it, where it works."""

    def __init__(self, root: Path, answers: Path, log: Path):
        self.root, self.answers, self.log = root, answers, log
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def url(self, path: str) -> str:
        """The lab URL opening `path` (relative to the root) in a fresh workspace."""
        return f"{self.base}/lab/tree/{path}?reset&token={self.token}"

    def api(self, path: str):
        req = urllib.request.Request(f"{self.base}{path}",
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return json.loads(resp.read().decode())

    def shutdown_kernels(self) -> None:
        """Stop the kernels a test started, so they do not pile up on a 2-core machine."""
        for session in self.api("/api/sessions"):
            req = urllib.request.Request(f"{self.base}/api/sessions/{session['id']}",
                                         method="DELETE",
                                         headers={"Authorization": f"token {self.token}"})
            urllib.request.urlopen(req, timeout=30).close()

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def start(self, settings: Path, work: Path) -> None:
        env = {**os.environ, "MEDIAKIT_ANSWERS": str(self.answers),
               "JUPYTER_CONFIG_DIR": str(work / "config"),
               "JUPYTER_RUNTIME_DIR": str(work / "runtime"),
               "JUPYTER_DATA_DIR": str(work / "data"),  # no user kernels: python3 = this venv
               "IPYTHONDIR": str(work / "ipython"),
               "JUPYTER_PLATFORM_DIRS": "1"}
        cmd = [sys.executable, "-m", "jupyterlab", "--no-browser",
               "--ServerApp.open_browser=False", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
               f"--LabApp.user_settings_dir={settings}",
               f"--LabApp.workspaces_dir={work / 'workspaces'}",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--ServerApp.terminals_enabled=False"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # CI and containers run as root
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=self.root, env=env, stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.proc.returncode}:\n"
                                   f"{self.log_tail()}")
            try:
                self.api("/api/status")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.25)  # polling the server until it answers
        self.stop()
        raise RuntimeError(f"jupyter lab did not answer within {START_TIMEOUT}s:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)  # jupyter shuts its kernels down on SIGTERM
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # our own session only (start_new_session)
            self.proc.wait(timeout=10)


def copy_workspace(dest: Path) -> None:
    """The student's view of the repo: the lessons and the released exercises."""
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "mediakit-answers*.json")
    for folder in ("notebooks", "exercises"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, dest / folder, ignore=ignore)


@pytest.fixture(scope="package")
def lab(tmp_path_factory):
    work = tmp_path_factory.mktemp("lab")
    root = work / "root"
    root.mkdir()
    copy_workspace(root)
    settings = work / "user-settings"
    for name, value in LAB_SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(value))
    for attempt in range(3):  # the free port may be taken between finding it and binding it
        server = Lab(root, work / "answers.json", work / f"jupyter-{attempt}.log")
        try:
            server.start(settings, work)
            break
        except RuntimeError:
            if attempt == 2 or "address already in use" not in server.log_tail().lower():
                raise
    yield server
    server.stop()


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Offline:
    """Routes the page's requests: the lab server on 127.0.0.1 passes, anything else is refused
    and listed, so a chart or widget that needs the internet shows up as a failure."""

    def __init__(self, lab: Lab):
        self.lab, self.refused = lab, []

    def __call__(self, route) -> None:
        url = route.request.url
        if url.startswith(self.lab.base + "/") or url == self.lab.base:
            route.continue_()
            return
        self.refused.append(url)
        route.abort()


class BrowserPage:
    """A fresh browser tab on the lab, with what it logged and the requests it was refused."""

    def __init__(self, browser, lab: Lab):
        self.lab = lab
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.offline = Offline(lab)
        self.context.route("**/*", self.offline)
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)
        self.console_errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        self.page.on("dialog", lambda dialog: dialog.accept())  # "leave this page?" on reload

    @property
    def refused_requests(self) -> list[str]:
        return sorted(set(self.offline.refused))

    def close(self) -> None:
        self.context.close()
        self.lab.shutdown_kernels()


@pytest.fixture
def tab(browser, lab):
    opened = BrowserPage(browser, lab)
    yield opened
    opened.close()


@pytest.fixture(scope="package")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
