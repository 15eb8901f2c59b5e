"""Problems found in files a person wrote: what is wrong, where, and how to fix it.

Every loader in the kit (articles, exercises, answers) reports bad input as a
`Problem` instead of stopping, so one broken file never hides the good ones.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    field: str | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}" + (f", field '{self.field}'" if self.field else "")
        return f"{where}: {self.message}. Fix: {self.fix}"


class InputError(ValueError):
    """Raised where one problem makes a single file unusable (and the caller wants one file)."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem
