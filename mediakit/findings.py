"""One result type for every analysis.

A `Finding` is a span of an article's text with a label and a reason a student can
read. Sourcing, quotation marks and loaded wording all produce findings, so tables,
highlighted views, charts and exercises are written once against this one type.

Offsets are Python `str` indices into `Article.text`: the text exactly as read from
the file (UTF-8, quotes and whitespace untouched), so `text[start:end] == finding.text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# Which key names a finding's label in the JSON records of each analysis. The JSON
# contract (`mediakit analyze --format json`) calls the label `form` for sources,
# `use` for quotation marks and `kind` for loaded wording.
LABEL_KEYS: Mapping[str, str] = MappingProxyType(
    {"sources": "form", "quote_marks": "use", "loaded": "kind"}
)


@dataclass(frozen=True, slots=True)
class Finding:
    """A labelled, explained span of an article's text."""

    analysis: str  # "sources", "quote_marks" or "loaded"
    start: int
    end: int
    text: str
    label: str
    reason: str
    fields: Mapping[str, str] = field(default_factory=dict)  # e.g. speaker, type, side

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end} for {self.text!r}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"text {self.text!r} has {len(self.text)} characters "
                f"but the span {self.start}:{self.end} has {self.end - self.start}"
            )
        if not self.reason.strip():
            raise ValueError(f"finding {self.text!r} has no reason: every flag must explain itself")

    @classmethod
    def at(cls, analysis: str, source: str, start: int, end: int, label: str, reason: str,
           **fields: str) -> Finding:
        """Build a finding from a span of `source`, so text and offsets always agree."""
        return cls(analysis, start, end, source[start:end], label, reason, dict(fields))

    def to_record(self) -> dict:
        """The finding as a JSON-ready record of the CLI contract."""
        label_key = LABEL_KEYS.get(self.analysis, "label")
        record = {"start": self.start, "end": self.end, "text": self.text}
        record.update(self.fields)
        record[label_key] = self.label
        record["reason"] = self.reason
        return record

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def check_offsets(text: str, findings: Iterable[Finding]) -> None:
    """Raise if any finding's offsets do not point at its text (a bug, never bad input)."""
    for f in findings:
        if f.end > len(text) or text[f.start:f.end] != f.text:
            raise AssertionError(
                f"{f.analysis} finding {f.text!r} at {f.start}:{f.end} does not match the text"
            )


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in reading order (then longest first), the order every view shows."""
    return sorted(findings, key=lambda f: (f.start, -f.end, f.analysis, f.label))
