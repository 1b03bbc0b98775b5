"""The events stage's curated data files (``data/*.tsv``): a header row, then tab-separated rows;
blank lines and lines starting with ``#`` are comments (data/README.md)."""

from __future__ import annotations

from functools import cache

from ..datafiles import package_rows


def rows(name: str) -> list[dict[str, str]]:
    """The rows of ``data/<name>`` as dicts keyed by its header."""
    return package_rows("tidings.events", name)


@cache
def word_kinds(name: str) -> dict[str, frozenset[str]]:
    """A data file of ``word`` and ``kind`` columns (attacks.tsv) as the words of each kind."""
    out: dict[str, set[str]] = {}
    for row in rows(name):
        out.setdefault(row["kind"], set()).add(row["word"])
    return {kind: frozenset(words) for kind, words in out.items()}


def words(kind: str) -> frozenset[str]:
    """The words of one kind in ``data/words.tsv``: the small curated lists the rules read."""
    found = word_kinds("words.tsv")
    if kind not in found:
        raise KeyError(f"no word list {kind!r} in data/words.tsv; the lists are: {', '.join(sorted(found))}")
    return found[kind]
