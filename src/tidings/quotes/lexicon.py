"""The curated knowledge of the quotes stage, read once from data/*.tsv (see data/README.md)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import package_rows

KINDS = ("statement", "assessment", "prediction", "denial")
TAKES = frozenset({"clause", "object", "complement", "infinitive", "quote"})
HEDGE_SCOPES = frozenset({"aux", "head", "adverb", "mark"})


def read_tsv(name: str) -> list[dict[str, str]]:
    """The rows of data/<name> as dicts keyed by its header; ``#`` lines are comments."""
    return package_rows("tidings.quotes", name)


@dataclass(frozen=True)
class Cue:
    """A reporting word: its default kind of claim and what its content may be."""

    words: tuple[str, ...]  # the lemma, then a particle ("point", "out") or "to" of "according to"
    kind: str
    takes: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    cues: dict[str, Cue]  # by first word (lemma); "according" for "according to"
    phrasal: dict[tuple[str, str], Cue]  # (verb, particle) -> cue
    groups: dict[str, str]  # word -> group | quantifier
    marks: tuple[tuple[str, str, str], ...]  # (open, close, level), longest open first
    hedges: dict[str, frozenset[str]]  # scope -> cues

    def cue(self, lemma: str, particle: str | None = None) -> Cue | None:
        """The cue of a verb with its particles, the phrasal one first ("point out")."""
        if particle is not None:
            found = self.phrasal.get((lemma, particle))
            if found:
                return found
        found = self.cues.get(lemma)
        return found if found is not None and len(found.words) == 1 else None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """All four files, checked: a bad row raises ValueError naming the file and the row."""
    cues: dict[str, Cue] = {}
    phrasal: dict[tuple[str, str], Cue] = {}
    for row in read_tsv("cues.tsv"):
        words = tuple(row["cue"].split())
        takes = frozenset(row["takes"].split("|"))
        if row["kind"] not in KINDS or not takes <= TAKES or not words:
            raise ValueError(f"cues.tsv: bad row {row}")
        cue = Cue(words, row["kind"], takes)
        if len(words) == 2 and words[0] != "according":
            phrasal[words] = cue
        else:
            cues[words[0]] = cue
    groups = {row["word"]: row["type"] for row in read_tsv("groups.tsv")}
    marks = tuple(sorted(((r["open"], r["close"], r["level"]) for r in read_tsv("marks.tsv")),
                         key=lambda m: -len(m[0])))
    hedges: dict[str, set[str]] = {}
    for row in read_tsv("hedges.tsv"):
        if row["scope"] not in HEDGE_SCOPES:
            raise ValueError(f"hedges.tsv: bad scope in {row}")
        hedges.setdefault(row["scope"], set()).add(row["cue"])
    return Lexicon(cues, phrasal, groups, marks, {k: frozenset(v) for k, v in hedges.items()})
