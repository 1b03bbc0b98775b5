"""Normalising names so that spelling variants of one name meet."""

from __future__ import annotations

import re
import unicodedata

_POSSESSIVE = re.compile(r"(?:'s|s'|')$")
_SEPARATORS = re.compile(r"[\-\u2010-\u2015_/]")
_OTHER = re.compile(r"[^\w\s&]")


def norm(text: str) -> str:
    """Case-folded, accents kept, hyphens and dots dropped, possessive and leading "the" removed.

    "Kim Jong-Un" and "Kim Jong Un" both become "kim jong un"; "the U.S.'s" becomes "us".
    """
    t = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'").strip()
    t = _POSSESSIVE.sub("", t)
    t = t.replace(".", "")
    t = _SEPARATORS.sub(" ", t)
    t = _OTHER.sub(" ", t)
    words = t.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def slug(text: str) -> str:
    """An id-safe form of a name: "Anthony Holmes" -> "anthony-holmes"."""
    return norm(text).replace(" ", "-")


def contains_words(whole: str, part: str) -> bool:
    """Whether the words of ``part`` occur as a contiguous run in ``whole`` (both normalised)."""
    w, p = whole.split(), part.split()
    return bool(p) and any(w[i:i + len(p)] == p for i in range(len(w) - len(p) + 1))


LINKING_WORDS = {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&"}


def initials(name: str) -> str:
    """The acronym a name is shortened to: "Rapid Support Forces" -> "RSF", "Islamic State of Iraq
    and the Levant" -> "ISIL" (linking words left out; a hyphenated word gives each part's letter,
    but a short lowercase particle's: "Pakistan Tehreek-e-Insaf" -> "PTI", "Hayat Tahrir al-Sham" -> "HTS")."""
    words = [w for w in _SEPARATORS.sub(" ", name).split()
             if w.lower() not in LINKING_WORDS and not (w.islower() and len(w) <= 3)]
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()
