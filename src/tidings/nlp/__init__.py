"""NLP stages: the spaCy parse and what is read directly off it."""

from . import entities, sentences  # noqa: F401  register the stages
from .model import load_nlp

__all__ = ["load_nlp"]
