"""The answers file: atomic, locked, merged, and never lost (kills, races, corruption, full disk)."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

from mediakit.exercises import store as store_module
from mediakit.exercises.store import AnswerStore, answers_path

WRITER = textwrap.dedent("""
    import sys
    from mediakit.exercises.store import AnswerStore
    store = AnswerStore(sys.argv[1])
    prefix, count = sys.argv[2], int(sys.argv[3])
    i = 0
    while count < 0 or i < count:
        status = store.save_answer("lesson", f"{prefix}{i}", {"n": i, "pad": "x" * 2000})
        assert status.ok, status.message
        print(i, flush=True)
        i += 1
""")


def test_env_var_overrides_default_path(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIAKIT_ANSWERS", str(tmp_path / "a.json"))
    assert answers_path(tmp_path / "ws") == tmp_path / "a.json"
    monkeypatch.delenv("MEDIAKIT_ANSWERS")
    assert answers_path(tmp_path / "ws") == tmp_path / "ws" / "mediakit-answers.json"


def test_save_counts_attempts_and_merges_two_stores(tmp_path):
    path = tmp_path / "answers.json"
    first, second = AnswerStore(path), AnswerStore(path)
    assert first.save_answer("l0", "q1", "a").ok
    assert second.save_answer("l0", "q2", ["x"], checked=True).ok
    assert first.save_answer("l0", "q1", "b", checked=True).record["attempts"] == 1
    assert first.save_student("Ann", "s1").ok
    data = json.loads(path.read_text())
    assert data["answers"]["l0"]["q1"]["answer"] == "b"
    assert data["answers"]["l0"]["q2"] == {**data["answers"]["l0"]["q2"], "answer": ["x"],
                                           "attempts": 1}
    assert data["student"] == {"name": "Ann", "id": "s1"}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_writer_killed_mid_save_loses_nothing_saved_before(tmp_path):
    path = tmp_path / "answers.json"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), "q", "-1"],
                            stdout=subprocess.PIPE, text=True)
    confirmed = -1
    deadline = time.monotonic() + 20
    while confirmed < 60 and time.monotonic() < deadline:
        confirmed = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert confirmed >= 60
    data = json.loads(path.read_text())  # still a whole, valid file
    saved = data["answers"]["lesson"]
    assert all(f"q{i}" in saved for i in range(confirmed + 1))


def test_two_processes_saving_at_once_keep_every_answer(tmp_path):
    path = tmp_path / "answers.json"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), prefix, "40"],
                              stdout=subprocess.DEVNULL) for prefix in ("a", "b")]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    saved = json.loads(path.read_text())["answers"]["lesson"]
    assert {f"{p}{i}" for p in "ab" for i in range(40)} <= set(saved)


def test_corrupt_and_truncated_files_are_moved_aside_not_overwritten(tmp_path):
    for content in (b"this is not json", b'{"format": "mediakit-answers/1", "answers": {"l'):
        path = tmp_path / "answers.json"
        path.write_bytes(content)
        store = AnswerStore(path)
        assert store.save_answer("l0", "q1", "a").ok
        assert "could not be read" in store.notice and "nothing deleted" in store.notice
        kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
        assert len(kept) == 1 and kept[0].read_bytes() == content
        assert json.loads(path.read_text())["answers"]["l0"]["q1"]["answer"] == "a"
        kept[0].unlink()


def test_failed_save_tells_the_student_and_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "answers.json"
    store = AnswerStore(path)
    assert store.save_answer("l0", "q1", "a").ok
    before = path.read_bytes()

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.os, "fsync", disk_full)
    status = store.save_answer("l0", "q1", "b")
    assert not status.ok
    assert "NOT SAVED" in status.message and "No space left" in status.message
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
