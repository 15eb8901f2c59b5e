"""Small altair charts over the tidy tables in `mediakit.tables`: describe, never analyse."""
