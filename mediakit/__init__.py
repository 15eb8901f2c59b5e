"""mediakit: compare how different outlets cover the same story.

The public API is small and loads lazily, so `import mediakit` stays fast:

    import mediakit as mk
    corpus = mk.load_corpus()                  # the five built-in articles
    article = mk.load_article("rferl-2019-09-12")
    mk.analyze(article)                        # sources, quote marks, loaded words, readability
    mine = mk.article_from_text(pasted_text, outlet="...")  # or article_from_file / _from_url
"""

from importlib import import_module

__version__ = "0.1.0"

_API = {
    "Article": "mediakit.corpus",
    "load_article": "mediakit.corpus",
    "load_folder": "mediakit.corpus",
    "Finding": "mediakit.findings",
    "analyze": "mediakit.analysis",
    "article_from_text": "mediakit.corpus.user_input",  # a student's own article (lesson 4)
    "article_from_file": "mediakit.corpus.user_input",
    "article_from_url": "mediakit.corpus.user_input",
}
__all__ = [*_API, "load_corpus"]


def load_corpus(folder=None):
    """The articles of a folder (the built-in corpus by default); problems are printed."""
    from .corpus import load_folder

    result = load_folder(folder)
    for problem in result.problems:
        print(f"problem: {problem}")
    return result.articles


def __getattr__(name):
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'mediakit' has no attribute {name!r}")
