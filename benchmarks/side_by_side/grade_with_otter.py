"""Grade every notebook in a folder with otter-grader's local (no Docker) grading, in one process.

benchmarks/run.py --side-by-side runs this with the side-by-side venv's Python:

    python grade_with_otter.py AUTOGRADER_ZIP SUBMISSIONS_FOLDER OUT_JSON

`otter.api.grade_submission` is what `otter run` calls for one submission; looping over it in
one process spares otter 30 interpreter starts, so this is otter's fastest way without Docker.
Each submission still runs in a fresh kernel: that is how otter grades a notebook.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from otter.api import grade_submission


def main(autograder: str, folder: str, out: str) -> int:
    scores = {}
    for path in sorted(Path(folder).glob("*.ipynb")):
        results = grade_submission(str(path), autograder, quiet=True)
        scores[path.stem] = {"total": results.total, "possible": results.possible}
    Path(out).write_text(json.dumps(scores, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
