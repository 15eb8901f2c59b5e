"""Print every accuracy table: `python -m mediakit.evaluation [sourcing quote_marks ...]`.

Run it from the repository: the gold answers live in tests/gold/seeds.yaml.
"""

import sys
from importlib import import_module

TABLES = ("sourcing", "quote_marks", "loaded", "omissions")

names = sys.argv[1:] or TABLES
for name in names:
    if name not in TABLES:
        sys.exit(f"unknown table {name!r}; choose from: {', '.join(TABLES)}")
    print(f"## {name}\n{import_module(f'mediakit.evaluation.{name}').table()}\n")
