"""Articles: the kit's built-in corpus and any folder of article files."""

from .article import FIELDS, Article
from .loader import CorpusLoad, builtin_folder, load_article, load_folder, read_article

__all__ = ["FIELDS", "Article", "CorpusLoad", "builtin_folder", "load_article", "load_folder",
           "read_article"]
