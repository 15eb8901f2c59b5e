"""The student's answers file: saved the moment an answer is given, never lost.

Why each piece:
- atomic write (temp file in the same folder, fsync, os.replace): a killed kernel or a culled
  Binder session leaves either the old file or the new one, never half a file;
- a lock on a sidecar file (fcntl) with read-merge-write: two notebooks or kernels saving at
  once both keep their answers;
- a file that cannot be read is moved aside (never overwritten) with a message, and the
  student goes on with a fresh file;
- a failed save (disk full, read-only folder) is reported and the previous file stays intact.

File format (JSON)::

    {"format": "mediakit-answers/1",
     "student": {"name": "...", "id": "..."},
     "answers": {"<lesson>": {"<exercise id>": {"answer": ..., "attempts": 2,
                                                 "saved": "2026-01-01T10:00:00Z"}}}}
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; atomic replace still protects the file
    fcntl = None

FORMAT = "mediakit-answers/1"
FILE_NAME = "mediakit-answers.json"
ENV_VAR = "MEDIAKIT_ANSWERS"
MAX_BYTES = 5_000_000


@dataclass
class SaveStatus:
    ok: bool
    message: str
    record: dict | None = None


def empty() -> dict:
    return {"format": FORMAT, "student": {"name": "", "id": ""}, "answers": {}}


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def answers_path(workspace: str | Path | None = None) -> Path:
    """Where answers are saved: $MEDIAKIT_ANSWERS, else <workspace>/mediakit-answers.json."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(workspace or Path.cwd()) / FILE_NAME


def _valid(data) -> bool:
    return (isinstance(data, dict) and data.get("format") == FORMAT
            and isinstance(data.get("answers"), dict) and isinstance(data.get("student"), dict)
            and all(isinstance(v, dict) for v in data["answers"].values()))


class AnswerStore:
    """Read and save one answers file. `notice` holds a message for the student, if any."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else answers_path()
        self.notice: str | None = None

    # reading -----------------------------------------------------------------------------
    def read(self) -> dict:
        """The saved data; a damaged file is moved aside and an empty record returned."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return empty()
        except OSError as err:
            self.notice = f"Your answers file {self.path} cannot be read ({err.strerror})."
            return empty()
        reason = None
        data = None
        if len(raw) > MAX_BYTES:
            reason = f"it is {len(raw):,} bytes, far too big"
        else:
            try:
                data = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                reason = f"it is not valid JSON ({getattr(err, 'msg', err)}); maybe it was cut off"
        if reason is None and not _valid(data):
            reason = "it is not a mediakit answers file"
        if reason is None:
            return data
        self._move_aside(reason)
        return empty()

    def _move_aside(self, reason: str) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        stem = self.path.name.removesuffix(".json")
        for n in range(1000):
            suffix = f"-{n}" if n else ""
            target = self.path.with_name(f"{stem}.damaged-{stamp}{suffix}.json")
            if not target.exists():
                break
        try:
            os.replace(self.path, target)
        except OSError as err:
            self.notice = (f"Your answers file {self.path} could not be read ({reason}) and could "
                           f"not be moved aside ({err.strerror}). New answers are not saved: ask "
                           "your teacher.")
            raise
        self.notice = (f"Your answers file could not be read ({reason}). It was kept as "
                       f"{target.name} (nothing deleted) and a fresh {self.path.name} is used "
                       "from now on: answer again, or show the kept file to your teacher.")

    def record(self, lesson: str, exercise_id: str) -> dict | None:
        return self.read()["answers"].get(lesson, {}).get(exercise_id)

    # saving ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self):
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a") as handle:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    def _update(self, change) -> SaveStatus:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._locked():
                data = self.read()
                result = change(data)
                self._write(data)
        except OSError as err:
            return SaveStatus(False, f"NOT SAVED: {err.strerror or err} while writing "
                              f"{self.path}. Your earlier saved answers are unchanged. Free some "
                              "space or download your answers, then try again.")
        return SaveStatus(True, f"Saved to {self.path}", result)

    def _write(self, data: dict) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        with contextlib.suppress(OSError, AttributeError):
            fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def save_answer(self, lesson: str, exercise_id: str, answer, *,
                    checked: bool = False) -> SaveStatus:
        """Save one answer now; `checked` counts an attempt (the student pressed Check)."""

        def change(data: dict) -> dict:
            lesson_answers = data["answers"].setdefault(lesson, {})
            old = lesson_answers.get(exercise_id)
            attempts = old.get("attempts", 0) if isinstance(old, dict) else 0
            if not isinstance(attempts, int) or isinstance(attempts, bool):
                attempts = 0
            record = {"answer": answer, "attempts": attempts + (1 if checked else 0),
                      "saved": now()}
            lesson_answers[exercise_id] = record
            return record

        return self._update(change)

    def save_student(self, name: str, student_id: str) -> SaveStatus:
        def change(data: dict) -> dict:
            data["student"] = {"name": name.strip()[:200], "id": student_id.strip()[:200]}
            return data["student"]

        return self._update(change)
