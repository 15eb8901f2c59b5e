"""`python -m mediakit` is the same as the `mediakit` command."""

import sys

from .cli import main

sys.exit(main())
