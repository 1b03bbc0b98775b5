"""The `tidings` command line: a thin click layer over the library, one module per group of commands."""

from . import browse, events, export, ingest, quotes, serve  # noqa: F401  (each registers its commands on main)
from . import stories  # noqa: F401  near-duplicates, merged events, stories, timelines, reprocess
from .app import main

__all__ = ["main"]
