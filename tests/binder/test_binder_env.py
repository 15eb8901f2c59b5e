"""Binder, rehearsed: build a clean environment from binder/ exactly as repo2docker does, then
run every lesson in it.

repo2docker's steps for this repo: Python from runtime.txt (3.11) in its base environment
(which has pip, setuptools and wheel), `pip install -r binder/requirements.txt`, then
`binder/postBuild` run from the repo root with that environment first on PATH. Here they run on
a copy of the files git would commit (tracked and new, not ignored), so nothing from the
developer's .venv, caches or artifacts can make it pass. Then every notebook runs in that
environment's own kernel. pip's cache is used, so a warm machine is quick.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIP_TIMEOUT = 900  # seconds: a cold pip cache downloads jupyterlab, pandas, altair...

# Runs inside the Binder environment: every notebook with nbclient (that environment's own
# Jupyter stack, as on Binder) and a kernel that reports which Python and which mediakit it uses.
RUNNER = r"""
import json, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

results = []
probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    "import sys, mediakit, mediakit.analysis.compiled as c; print(sys.prefix); print(mediakit.__file__); "
    "print(c.in_use())")])
NotebookClient(probe, timeout=120, kernel_name="python3").execute()
outputs = probe.cells[0].outputs
kernel = "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout").split()
if len(kernel) != 3:
    raise SystemExit(f"the probe cell printed {outputs!r}")
for path in sys.argv[1:]:
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    error = None
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    except Exception as exc:  # report it with the notebook's name, below
        error = f"{type(exc).__name__}: {exc}"[:3000]
    bad = [o.get("ename", "") + " " + o.get("text", "")[:500]
           for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
           if o["output_type"] == "error"
           or (o["output_type"] == "stream" and o["name"] == "stderr" and "Traceback" in o["text"])]
    results.append({"notebook": path.name, "error": error, "bad_outputs": bad})
print(json.dumps({"kernel_prefix": kernel[0], "mediakit_file": kernel[1], "compiled": kernel[2],
                  "results": results}))
"""


def committed_copy(dest: Path) -> int:
    """Copy the files git would commit (tracked + new, not ignored) into `dest`; return how many."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, check=True, capture_output=True).stdout.decode()
    count = 0
    for name in filter(None, listed.split("\0")):
        src = ROOT / name
        if src.is_file():  # deleted in the working tree: not part of the next commit
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
            count += 1
    return count


def python_311() -> str:
    """The interpreter binder/runtime.txt asks for (python-3.11)."""
    wanted = (ROOT / "binder" / "runtime.txt").read_text().strip()
    assert wanted == "python-3.11", f"binder/runtime.txt says {wanted!r}; update this test"
    found = shutil.which("python3.11")
    if found:
        return found
    assert sys.version_info[:2] == (3, 11), (
        "binder/runtime.txt asks for Python 3.11: install python3.11 to rehearse Binder")
    return sys.executable


def run(cmd: list[str], cwd: Path, env: dict, timeout: int) -> float:
    """Run `cmd`, fail with its output if it fails; return the seconds it took."""
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, (f"{' '.join(cmd)} failed ({proc.returncode}):\n"
                                  f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return time.monotonic() - started


def du_mb(path: Path) -> float:
    total = sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def test_binder_environment_builds_and_runs_every_lesson(tmp_path, record_figures):
    repo, venv = tmp_path / "repo", tmp_path / "binder-env"
    repo.mkdir()
    files = committed_copy(repo)
    assert not (repo / ".venv").exists() and not (repo / "artifacts").exists()

    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH",
                                                             "PYTHONHOME")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", MEDIAKIT_ANSWERS=str(tmp_path / "answers.json"),
               JUPYTER_CONFIG_DIR=str(tmp_path / "jupyter-config"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "jupyter-runtime"))
    t_venv = run([python_311(), "-m", "venv", str(venv)], repo, env, 120)
    bin_dir = venv / "bin"
    env.update(VIRTUAL_ENV=str(venv), PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
    # repo2docker's base environment comes with current pip, setuptools and wheel; a bare venv
    # of Python 3.11 has setuptools 65 and no wheel, too old for `pip install -e .` without
    # build isolation (what postBuild does).
    t_base = run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip",
                  "setuptools", "wheel"], repo, env, PIP_TIMEOUT)
    t_pip = run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "-r",
                 "binder/requirements.txt"], repo, env, PIP_TIMEOUT)
    t_post = run(["bash", "binder/postBuild"], repo, env, 600)

    # The widgets need their JupyterLab extensions in that environment, or students see
    # "Error displaying widget" instead of the exercises.
    labext = subprocess.run([str(bin_dir / "jupyter"), "labextension", "list"], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=120)
    listed = labext.stdout + labext.stderr
    for extension in ("@jupyter-widgets/jupyterlab-manager", "anywidget"):
        assert any(extension in line and "enabled" in line and "OK" in line
                   for line in listed.splitlines()), f"{extension} missing:\n{listed}"

    notebooks = sorted(str(p) for p in (repo / "notebooks").glob("*.ipynb"))
    assert notebooks, "no notebooks to run"
    started = time.monotonic()
    proc = subprocess.run([str(bin_dir / "python"), "-c", RUNNER, *notebooks], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)
    t_run = time.monotonic() - started
    assert proc.returncode == 0, (f"running the notebooks failed:\n{proc.stdout[-3000:]}\n"
                                  f"{proc.stderr[-3000:]}")
    report = json.loads(proc.stdout.strip().splitlines()[-1])

    size = du_mb(venv)
    site = next((venv / "lib").glob("python3*/site-packages"))
    biggest = sorted(((du_mb(p), p.name) for p in site.iterdir() if p.is_dir()), reverse=True)[:5]
    figures = (f"copied {files} files; venv {t_venv + t_base:.0f} s, pip install -r requirements.txt "
               f"{t_pip:.0f} s, postBuild {t_post:.0f} s, {len(notebooks)} notebook(s) run in "
               f"{t_run:.0f} s; environment size {size:.0f} MB (largest: "
               + ", ".join(f"{name} {mb:.0f} MB" for mb, name in biggest) + ")")
    print(f"\nBinder-like environment: {figures}")
    record_figures("Binder-like environment (binder/ built as repo2docker does)", figures)

    # The kernel is the Binder environment's Python, and mediakit is the postBuild install of
    # this copy of the repo (not the developer's .venv).
    assert Path(report["kernel_prefix"]).resolve() == venv.resolve(), report["kernel_prefix"]
    assert Path(report["mediakit_file"]).resolve().is_relative_to(repo.resolve()), \
        report["mediakit_file"]
    # postBuild compiled the hot analysis modules (repo2docker's image has a C compiler), and
    # the lessons' kernel runs them
    if shutil.which("cc") or shutil.which("gcc"):
        assert report["compiled"] == "True", "postBuild did not compile the analysis"
    failed = [r for r in report["results"] if r["error"] or r["bad_outputs"]]
    assert not failed, json.dumps(failed, indent=1)
    shutil.rmtree(venv, ignore_errors=True)  # 400 MB; pytest keeps a failed run's for a look
