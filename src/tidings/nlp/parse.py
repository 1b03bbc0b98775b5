"""Parsing texts with spaCy, long ones in bounded pieces, one bad text never failing the others."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

PIECE_CHARS = 100_000  # spaCy needs about 1 GB per 100,000 characters parsed at once
BREAKS = ("\n\n", "\n", ". ", " ")  # where to cut a long text, best first


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters whose concatenation is ``text``:
    after a paragraph break where there is one in the second half of the piece, else a line
    break, a sentence end, a space, else anywhere."""
    out, start = [], 0
    while len(text) - start > size:
        stop = start + size
        for mark in BREAKS:
            at = text.rfind(mark, start + size // 2, stop)
            if at >= 0:
                stop = at + len(mark)
                break
        out.append(text[start:stop])
        start = stop
    out.append(text[start:])
    return out


def piece_size(nlp: Language) -> int:
    """The longest text parsed at once: PIECE_CHARS, or less if spaCy's ``max_length`` is lower."""
    return max(1, min(PIECE_CHARS, nlp.max_length))


def parse_long(nlp: Language, text: str) -> Doc:
    """One Doc for a text of any length, parsed a piece at a time (so memory stays bounded);
    its text and character offsets are those of ``text``."""
    parts = pieces(text, piece_size(nlp))
    if len(parts) == 1:
        return nlp(text)
    return Doc.from_docs(list(nlp.pipe(parts, batch_size=1)), ensure_whitespace=False)


def parse_texts(nlp: Language, texts: Sequence[str], batch_size: int = 64) -> list[Doc | Exception]:
    """A Doc for each text, or the exception that parsing it raised. Short texts go through
    ``nlp.pipe`` together; long ones are parsed in pieces; if a batch fails, each of its texts is
    parsed alone to find which one did."""
    out: list[Doc | Exception | None] = [None] * len(texts)
    size = piece_size(nlp)
    short = [i for i, t in enumerate(texts) if len(t) <= size]
    try:
        for i, doc in zip(short, nlp.pipe((texts[i] for i in short), batch_size=batch_size)):
            out[i] = doc
    except Exception:  # noqa: BLE001 - the texts left are parsed one by one below
        pass
    for i, text in enumerate(texts):
        if out[i] is None:
            out[i] = _one(nlp, text)
    return out  # type: ignore[return-value]


def _one(nlp: Language, text: str) -> Doc | Exception:
    try:
        return parse_long(nlp, text)
    except Exception as exc:  # noqa: BLE001 - reported per article by the caller
        return exc
