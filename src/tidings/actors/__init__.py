"""Actors: one identity per real-world actor, with country and role codes."""

from . import stage  # noqa: F401  registers the stage
from .kb import KnowledgeBase, load_kb

__all__ = ["KnowledgeBase", "load_kb"]
