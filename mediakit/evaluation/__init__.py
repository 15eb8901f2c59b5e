"""Measure the analyses against hand-checked answers (gold files)."""

from .gold import Gold, GoldArticle, GoldEvent, GoldFact, GoldSpan, Score, load_builtin_gold, load_gold

__all__ = ["Gold", "GoldArticle", "GoldEvent", "GoldFact", "GoldSpan", "Score", "load_builtin_gold",
           "load_gold"]
