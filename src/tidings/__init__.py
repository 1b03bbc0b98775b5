"""Tidings: news articles in, a sourced and queryable record of what happened out."""

from .errors import ConfigError, InputError, StoreError, TidingsError
from .model import Article, Mention, Sentence
from .options import Options
from .pipeline import Pipeline, RunReport
from .store.db import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Article", "ConfigError", "InputError", "Mention", "Options", "Pipeline", "RunReport",
    "Sentence", "Store", "StoreError", "TidingsError", "open_store", "__version__",
]
