"""HTML views of articles and findings, for notebooks: every piece of article text escaped."""

from .highlight import LEGEND, highlight_html, show_highlights

__all__ = ["LEGEND", "highlight_html", "show_highlights"]
