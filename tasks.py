#!/usr/bin/env python3
"""Set up mediakit and run it: the two quick-start commands of the README.

    python3 tasks.py lab     set up, then open the lessons in JupyterLab
    python3 tasks.py test    set up, then run every check and test (what CI runs)

Setting up means: a virtual environment in .venv with the kit installed in it. It is
made once and refreshed only when pyproject.toml changes, so the second run is quick.
Then the hot analysis modules are compiled with mypyc when a C compiler is here (about a
minute, again only after the analysis code changes); without one the analysis runs as pure
Python and finds the same things, slower. Only the standard library is used here, so this
runs on a fresh Python 3.11.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
FIRST_LESSON = "notebooks/00_start_here.ipynb"


def say(message: str) -> None:
    print(f"[mediakit] {message}", flush=True)


def run(*cmd: str | Path, **kwargs) -> None:
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kwargs)


def set_up(extra: str) -> None:
    """Create .venv and install the kit with `extra` ("lab" or "test"), if not done yet."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs on any python3
        sys.exit(f"mediakit needs Python 3.11 or newer; this is {sys.version.split()[0]}. "
                 "Install Python 3.11 and run this again with it.")
    if not PYTHON.exists():
        say("creating the virtual environment in .venv ...")
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".installed-{extra}-{digest}"
    if stamp.exists():
        return
    say(f"installing mediakit and what it needs ({extra}) ...")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".[{extra}]")
    for old in VENV.glob(f".installed-{extra}-*"):
        old.unlink()
    stamp.touch()


# --- the compiled analysis (mediakit/analysis/compiled.py) --------------------------------
NO_COMPILER = 3  # `python -m mediakit.analysis.build`'s exit code without a C compiler
EXPECT_COMPILED = "MEDIAKIT_EXPECT_COMPILED"  # tells the tests a current build must be in use


def compile_analysis() -> bool | None:
    """Build the compiled analysis if it is missing or stale. True: built and current; None:
    no C compiler here (pure Python); False: the build failed (its output is shown)."""
    done = subprocess.run([str(PYTHON), "-m", "mediakit.analysis.build", "--if-stale"],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode == 0:
        if "up to date" not in done.stdout:
            say(done.stdout.strip().splitlines()[-1])
        return True
    if done.returncode == NO_COMPILER:
        say("no C compiler here: the analysis runs as pure Python (the same findings, slower)")
        return None
    say(f"compiling the analysis failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return False


# --- the browser for tests/browser (Debian's Chromium, driven by Playwright) -----------------
CHROMIUM_ENV = "MEDIAKIT_CHROMIUM"
CHROMIUM_DEFAULT = "/usr/bin/chromium"
BROWSER_HELP = (
    "The browser tests need Chromium. On Debian or Ubuntu, as root:\n"
    "    apt-get update && apt-get install -y chromium\n"
    f"Or set {CHROMIUM_ENV} to the path of another Chromium or Chrome binary."
)


def _apt_install(*packages: str) -> bool:
    """Install Debian packages quietly when we are root with apt-get; True if it worked."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")):
        return False
    say(f"installing {', '.join(packages)} for the browser tests (apt-get) ...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            say(f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
            return False
    return True


def ensure_browser() -> None:
    """Chromium (or $MEDIAKIT_CHROMIUM) must be there: install it or stop and say how.

    Nothing else: the charts draw with JupyterLab's own Vega, so no chart library is fetched."""
    chromium = os.environ.get(CHROMIUM_ENV) or CHROMIUM_DEFAULT
    if os.path.isfile(chromium) and os.access(chromium, os.X_OK):
        return
    if os.environ.get(CHROMIUM_ENV):
        sys.exit(f"{CHROMIUM_ENV}={chromium} is not an executable file.\n{BROWSER_HELP}")
    if not (_apt_install("chromium") and os.access(chromium, os.X_OK)):
        sys.exit(f"[mediakit] missing for the browser tests: chromium.\n{BROWSER_HELP}")


def lab(args: list[str]) -> int:
    set_up("lab")
    compile_analysis()  # a failed build leaves the pure Python: the lessons work either way
    say(f"opening JupyterLab at {FIRST_LESSON} (stop it with Ctrl+C)")
    return subprocess.call([str(BIN / "jupyter"), "lab", FIRST_LESSON, *args], cwd=ROOT)


def test(args: list[str]) -> int:
    set_up("test")
    compiled = compile_analysis()
    if compiled is False:
        return 1  # mypyc checks the types of the hot modules: a failed build is a bug
    env = {**os.environ, EXPECT_COMPILED: "1"} if compiled else None
    ensure_browser()
    say("lint (ruff) ...")
    lint = subprocess.call([str(BIN / "ruff"), "check", "mediakit", "tests", "benchmarks", "tasks.py"],
                           cwd=ROOT)
    say("tests (pytest) ...")
    tests = subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env)
    return lint or tests


def main(argv: list[str]) -> int:
    commands = {"lab": lab, "test": test}
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
