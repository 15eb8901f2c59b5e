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
from dataclasses import fields as dataclass_fields
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
        _check(self.start, self.end, self.text, self.reason)

    @classmethod
    def at(cls, analysis: str, source: str, start: int, end: int, label: str, reason: str,
           **fields: str) -> Finding:
        """Build a finding from a span of `source`, so text and offsets always agree.

        The analyses make tens of findings per article: after the same checks, the fields are
        set directly, in half the time of the frozen dataclass's `__init__`."""
        text = source[start:end]
        _check(start, end, text, reason)
        finding = _NEW(cls)
        _SET_ANALYSIS(finding, analysis)
        _SET_START(finding, start)
        _SET_END(finding, end)
        _SET_TEXT(finding, text)
        _SET_LABEL(finding, label)
        _SET_REASON(finding, reason)
        _SET_FIELDS(finding, fields)
        return finding

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


def _check(start: int, end: int, text: str, reason: str) -> None:
    """A finding's span must be its text's, and it must say why: else it is a bug, so raise."""
    if not 0 <= start <= end:
        raise ValueError(f"bad span {start}:{end} for {text!r}")
    if len(text) != end - start:
        raise ValueError(f"text {text!r} has {len(text)} characters but the span {start}:{end} "
                         f"has {end - start}")
    if not reason.strip():
        raise ValueError(f"finding {text!r} has no reason: every flag must explain itself")


# `Finding.at` fills a new finding's slots with their descriptors' C-level setters, where the
# frozen dataclass's `__init__` runs Python code for each field (a new field breaks this line)
_NEW = object.__new__
(_SET_ANALYSIS, _SET_START, _SET_END, _SET_TEXT, _SET_LABEL, _SET_REASON, _SET_FIELDS) = (
    Finding.__dict__[f.name].__set__ for f in dataclass_fields(Finding))


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
