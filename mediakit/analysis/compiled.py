"""The compiled build of the hot analysis modules: made when it can be, used only when it matches.

The analysis is pure Python. mypyc (part of mypy) can compile its hot modules (`MODULES`) to
C extensions that find exactly the same things, faster. `python3 tasks.py` and Binder's
postBuild make that build with `python -m mediakit.analysis.build` (build.py); a machine with
no C compiler simply runs the pure Python.

The build lives in `_compiled/` beside the sources (git-ignored), with a stamp: a hash of the
sources it was compiled from and of this Python. `activate` puts the folder first on the
package's search path only when the stamp matches the files as they are now, so an edited
source is never shadowed by an old build: the analysis is then pure Python until the next
build. MEDIAKIT_PURE=1 turns the build off (for Python tracebacks, or to compare the two).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

# every module the analysis spends its time in (measured with py-spy), except memo: its
# dict subclass is slower compiled. Compiled classes have no instance __dict__, so these
# modules use no functools.cached_property (it would work out the value on every access)
MODULES = ("sourcing", "sourcing_clauses", "sourcing_speakers", "sourcing_text", "sourcing_credits",
           "sourcing_data", "phrase_index", "word_index", "quote_pairs", "quote_marks", "loaded",
           "wording_text", "wording_lexicon", "readability")
HERE = Path(__file__).resolve().parent  # mediakit/analysis
FOLDER = HERE / "_compiled"
STAMP = FOLDER / "stamp.json"
PURE_ENV = "MEDIAKIT_PURE"
# the build's shared library, which every compiled module loads: mediakit/analysis/_native__mypyc
GROUP = "mediakit.analysis._native"


def source_hash() -> str:
    """A hash of every source the compiled code was checked against, and of this Python.

    The compiled modules rely on the types of what they import (findings, corpus, the other
    analysis modules), so an edit to any of those makes the build stale too."""
    package = HERE.parent
    digest = hashlib.sha256(f"{sys.implementation.cache_tag} {EXTENSION_SUFFIXES[0]}".encode())
    files = [*sorted(HERE.glob("*.py")), package / "findings.py", package / "labels.py",
             *sorted((package / "corpus").glob("*.py"))]
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_current() -> bool:
    """Is there a build, made from the sources as they are now, for this Python?"""
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
        return isinstance(stamp, dict) and stamp.get("sources") == source_hash()
    except (OSError, ValueError):  # no build, or a file that cannot be read: pure Python
        return False


def activate(path: list[str]) -> bool:
    """Search `_compiled/` first for the package's modules (`path` is its `__path__`), if the
    build is current, loads, and is not turned off. True if it is now in use."""
    if os.environ.get(PURE_ENV, "") not in ("", "0") or not is_current():
        return False
    if not _loads():
        return False
    if str(FOLDER) not in path:
        path.insert(0, str(FOLDER))
    return True


def _loads() -> bool:
    """Load the build's shared library now, so that a build that cannot load here (a damaged
    file, a changed system library) leaves the analysis in pure Python instead of breaking it."""
    name = f"{GROUP}__mypyc"
    if name in sys.modules:
        return True
    spec = spec_from_file_location(name, FOLDER / (name.rpartition(".")[2] + EXTENSION_SUFFIXES[0]))
    if spec is None or spec.loader is None:
        return False
    try:
        module = module_from_spec(spec)
        spec.loader.exec_module(module)
    except (ImportError, OSError):
        return False
    sys.modules[name] = module  # the compiled modules import it by this name
    return True


def in_use() -> bool:
    """Does this process run the compiled analysis? (The benchmark prints it.)"""
    from . import sourcing

    return not sourcing.__file__.endswith(".py")
