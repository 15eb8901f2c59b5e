"""A pure function of one argument, remembered: for the per-word lookups of the analyses.

The analyses look up a few things for every word of every window they read (its normal
form, whether it is capitalised, its syllables). Looking an answer up in a dict costs a
third of an `functools.lru_cache` hit, which also reorders its list on every hit. The memo
is emptied when it holds `size` answers, so memory stays bounded on any corpus.
"""

from __future__ import annotations


class Memo(dict):
    """`Memo(func, size)[x] == func(x)`, each answer worked out once; use `.__getitem__`
    as the function (a C-level call)."""

    def __init__(self, func, size: int):
        super().__init__()
        self.func, self.size = func, size

    def __missing__(self, key):
        if len(self) >= self.size:
            self.clear()
        value = self[key] = self.func(key)
        return value
