"""Analyses: pure functions from an `Article` to findings (or, for readability, figures).

Each analysis lives in its own module and is imported only when it runs, so
`import mediakit` stays fast. `analyze` runs them all and returns the record that
`mediakit analyze --format json` prints.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import TYPE_CHECKING

from .compiled import activate

if TYPE_CHECKING:
    from ..corpus import Article
    from ..findings import Finding

# the compiled build of the hot modules, when there is one made from these very sources
activate(__path__)

# analysis name -> "module:function"; each function takes an Article, returns findings
FINDERS = {
    "sources": "mediakit.analysis.sourcing:find_sources",
    "quote_marks": "mediakit.analysis.quote_marks:find_quote_marks",
    "loaded": "mediakit.analysis.loaded:find_loaded",
}


def run(name: str, article: Article) -> list[Finding]:
    """Run one analysis by name ("sources", "quote_marks" or "loaded")."""
    module, func = FINDERS[name].split(":")
    loaded = sys.modules.get(module) or import_module(module)  # imported once; then a dict look-up
    return getattr(loaded, func)(article)


def analyze(article: Article) -> dict:
    """Every analysis of one article, as the JSON record of the CLI contract."""
    from .readability import readability

    record = {"id": article.id, "outlet": article.outlet}
    for name in FINDERS:
        record[name] = [f.to_record() for f in run(name, article)]
    record["readability"] = readability(article)
    return record
