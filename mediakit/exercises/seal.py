"""Salted hashes and sealed text for released exercise files.

Why: the student's copy must give instant feedback offline, yet not show the answers in plain
text. Each answer item becomes `check(salt, exercise, item, value)`, a salted SHA-256; the
notebook recovers the key by trying the few possible values (options, labels, word positions).
Explanations are XORed with a SHA-256 keystream derived from the same salt, exercise, item and
the right value, so they read as noise in the file.

This stops casual peeking (reading or grepping the file), NOT a determined student: the
answer space is tiny and the code to open it ships with the kit. Summative grading uses the
instructor's key. See docs/instructors/exercises.md ("Threat model").
"""

from __future__ import annotations

import base64
import hashlib
import secrets

CHECK_CHARS = 32  # 128 bits of the digest: plenty against accidental collisions


def new_salt() -> str:
    return secrets.token_hex(16)


def check(salt: str, exercise: str, item: str, value: str) -> str:
    """The stored stand-in for one answer item: item `item` of `exercise` has value `value`."""
    data = f"mediakit-check\x1f{salt}\x1f{exercise}\x1f{item}\x1f{value}".encode()
    return hashlib.sha256(data).hexdigest()[:CHECK_CHARS]


def _keystream(seed: bytes, size: int) -> bytes:
    blocks = []
    for counter in range((size + 31) // 32):
        blocks.append(hashlib.sha256(seed + counter.to_bytes(8, "big")).digest())
    return b"".join(blocks)[:size]


def _seed(salt: str, exercise: str, item: str, value: str) -> bytes:
    return hashlib.sha256(f"mediakit-seal\x1f{salt}\x1f{exercise}\x1f{item}\x1f{value}"
                          .encode()).digest()


def seal(text: str | None, salt: str, exercise: str, item: str, value: str) -> str | None:
    """`text` XOR a keystream, base64: openable by whoever knows `value` for this item."""
    if text is None:
        return None
    data = text.encode("utf-8")
    stream = _keystream(_seed(salt, exercise, item, value), len(data))
    return base64.b64encode(bytes(a ^ b for a, b in zip(data, stream, strict=True))).decode()


def open_sealed(sealed: str | None, salt: str, exercise: str, item: str, value: str) -> str | None:
    """Undo `seal`; None if absent or not openable (wrong value gives invalid UTF-8 or noise)."""
    if not sealed:
        return None
    try:
        data = base64.b64decode(sealed.encode(), validate=True)
    except (ValueError, TypeError):
        return None
    stream = _keystream(_seed(salt, exercise, item, value), len(data))
    try:
        return bytes(a ^ b for a, b in zip(data, stream, strict=True)).decode("utf-8")
    except UnicodeDecodeError:
        return None
