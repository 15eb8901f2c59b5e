"""Make the compiled build of the hot analysis modules: `python -m mediakit.analysis.build`.

mypyc compiles `compiled.MODULES` (type-checking them on the way: a type error stops the
build) into `_compiled/`, and stamps it with the hash of the sources it was made from;
`compiled.activate` uses it only while that hash still matches. Needs mypy, setuptools and a
C compiler (`pip install -e .[compile]`); without them the analysis stays pure Python.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import sysconfig
import tempfile
import warnings
from pathlib import Path

from . import compiled


class BuildError(RuntimeError):
    pass


class NoCompiler(BuildError):
    pass


NO_COMPILER = 3  # the exit code of `build` on a machine with no C compiler (tasks.py reads it)


def build() -> str:
    """Compile the MODULES into `_compiled/` and stamp them; a sentence saying what was done.

    Raises BuildError when mypy is missing, or when mypyc or the C compiler fails."""
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as error:
        raise BuildError(f"the compiled build needs mypy and setuptools ({error}); install them with "
                         "`pip install -e .[compile]`") from error
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        raise NoCompiler(f"no C compiler here ({compiler!r} not found)")
    sources = compiled.source_hash()
    work = Path(tempfile.mkdtemp(prefix="mediakit-build-"))
    before = Path.cwd()
    try:
        # compile a copy of the package, alone in a folder: mypy names modules by their path
        # from the current folder, and must not meet what sits beside the package (other
        # modules in site-packages, or the repository's pyproject.toml)
        shutil.copytree(compiled.HERE.parent, work / "src" / "mediakit",
                        ignore=shutil.ignore_patterns("_compiled", "__pycache__"))
        os.chdir(work / "src")
        args = ["--ignore-missing-imports", "--follow-imports=silent", f"--cache-dir={work / 'cache'}",
                *(f"mediakit/analysis/{m}.py" for m in compiled.MODULES)]
        try:
            with warnings.catch_warnings():  # setuptools' own notes: nothing to act on here
                warnings.simplefilter("ignore")
                extensions = mypycify(args, group_name=compiled.GROUP, target_dir=str(work / "c"))
                setup(name="mediakit-compiled", ext_modules=extensions,
                      script_args=["--quiet", "build_ext", "--build-lib", str(work / "lib"),
                                   "--build-temp", str(work / "tmp")])
        except SystemExit as error:  # mypy's type errors and compiler failures exit
            raise BuildError(f"mypyc could not compile the analysis: {error}") from error
        built = sorted((work / "lib" / "mediakit" / "analysis").glob(f"*{compiled.EXTENSION_SUFFIXES[0]}"))
        if len(built) != len(compiled.MODULES) + 1:  # and the shared library
            raise BuildError(f"mypyc built {len(built)} files, expected {len(compiled.MODULES) + 1}")
        compiled.STAMP.unlink(missing_ok=True)  # a process starting now runs pure Python
        shutil.rmtree(compiled.FOLDER, ignore_errors=True)
        compiled.FOLDER.mkdir()
        for path in built:
            shutil.copy2(path, compiled.FOLDER / path.name)
        stamp = {"sources": sources}
        compiled.STAMP.write_text(json.dumps(stamp), encoding="utf-8")
    finally:
        os.chdir(before)
        shutil.rmtree(work, ignore_errors=True)
    return f"compiled {len(compiled.MODULES)} analysis modules into {compiled.FOLDER}"


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m mediakit.analysis.build",
                                     description="Build or check the compiled analysis modules.")
    parser.add_argument("command", nargs="?", choices=("build", "status"), default="build")
    parser.add_argument("--if-stale", action="store_true", help="build only if the build is missing or old")
    args = parser.parse_args(argv)
    if args.command == "status":
        current = compiled.is_current()
        print("current" if current else "missing or stale: the analysis runs as pure Python")
        return 0 if current else 1
    if args.if_stale and compiled.is_current():
        print("the compiled analysis is up to date")
        return 0
    try:
        print(build())
    except BuildError as error:
        print(f"mediakit: {error}. The analysis runs as pure Python (the same findings, slower).",
              file=sys.stderr)
        return NO_COMPILER if isinstance(error, NoCompiler) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
