"""Remove page residue (comment forms, newsletter prompts, share bars, ...) from scraped article text.

Every non-blank line is scored from a few cheap features; see ``clean_text`` for the rule.
The patterns live in the data file ``boilerplate.txt`` beside this module (format described there).
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from tidings.errors import ConfigError

THRESHOLD = 3  # a line whose score reaches this is removed
LINK_SHARE = 0.6  # share of a line's words that link texts must cover to count as a link line
MAX_MENU_WORDS = 40  # longer lines are not checked for being a menu of links

_SECTIONS = {"[strong]": "strong", "[weak]": "weak"}
_UNICODE = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " "), ("\u200b", ""), ("\u2026", "..."))
_DECOR = " \t-\u2013\u2014\u2022\u00b7|>\u00bb\u00ab\u203a\u2039\u25b8\u25ba\u25b6"
_CLOSERS = "\"')]"
_OPENERS = "\"'(["
_KEY_STRIP = _DECOR + string.punctuation + string.digits + string.whitespace + "\u00a9\u00ae\u2122"
_ESCAPE_OR_TEXT = re.compile(r"\\N\{[^}]*\}|\\.|[^\\]+", re.DOTALL)
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_BACKREF = re.compile(r"\\[1-9]|\(\?P=")
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|am|be|been|being|has|have|had|do|does|did|will|would|shall|should|can|could"
    r"|may|might|must|said|says|say|told|tell|tells|get|gets|got|make|makes|made|take|takes|took|go|goes"
    r"|went|come|comes|came|see|sees|saw|know|knew|think|thought|want|wants|need|needs|left|met|won|lost"
    r"|led|ran|put|set|let|hit|cut|gave|give|gives|became|become|keep|keeps|kept|found|held|hold|holds"
    r"|began|remain|remains)\b|\b[a-z]{2,}(?:ed|ing|es|en)\b|n't\b"
)


@dataclass
class Cleaned:
    """The result of ``clean_text``: the kept text and the removed lines (stripped, in order)."""

    text: str
    removed: list[str] = field(default_factory=list)


class Lexicon:
    """Boilerplate patterns: ``strong`` ones match a whole residue line, ``weak`` ones are cues in a line."""

    def __init__(self, strong: Sequence[str] = (), weak: Sequence[str] = ()) -> None:
        self.strong = tuple(strong)
        self.weak = tuple(weak)
        self._strong = _union(self.strong)
        self._weak = _union(self.weak)

    def __add__(self, other: Lexicon) -> Lexicon:
        return Lexicon(self.strong + other.strong, self.weak + other.weak)

    def is_residue(self, line: str) -> bool:
        """Whether a strong pattern matches the whole (normalised) line."""
        return self._strong.fullmatch(line) is not None

    def cues(self, line: str) -> int:
        """The number of distinct weak cues found in the (normalised) line."""
        return len({m.group().casefold() for m in self._weak.finditer(line)})


def _union(patterns: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)


def _parse(text: str, origin: str) -> Lexicon:
    found: dict[str, list[str]] = {"strong": [], "weak": []}
    section = "strong"
    for number, raw in enumerate(text.splitlines(), 1):
        pattern = raw.strip()
        if not pattern or pattern.startswith("#"):
            continue
        if pattern.lower() in _SECTIONS:
            section = _SECTIONS[pattern.lower()]
            continue
        try:
            compiled = re.compile(f"(?:{pattern})", re.IGNORECASE)
        except re.error as exc:
            raise ConfigError(f"{origin}:{number}: bad boilerplate pattern {pattern!r}: {exc}") from None
        if compiled.groupindex or _BACKREF.search(pattern):
            raise ConfigError(f"{origin}:{number}: named groups and backreferences are not allowed: {pattern!r}")
        found[section].append(pattern)
    return Lexicon(found["strong"], found["weak"])


@lru_cache(maxsize=1)
def _bundled() -> Lexicon:
    text = resources.files("tidings.ingest").joinpath("boilerplate.txt").read_text(encoding="utf-8")
    return _parse(text, "tidings/ingest/boilerplate.txt")


def load_lexicon(extra: Sequence[Path] = ()) -> Lexicon:
    """The bundled lexicon (loaded once) extended with the patterns of the ``extra`` files."""
    lexicon = _bundled()
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read boilerplate lexicon: {exc}") from None
        lexicon = lexicon + _parse(text, str(path))
    return lexicon


def line_key(line: str) -> str:
    """The key of a line for counting it across a site's articles: casefolded, spaces collapsed, ends trimmed."""
    return " ".join(line.casefold().split()).strip(_KEY_STRIP)


def _normalise(line: str) -> str:
    return " ".join(line.translate(_NORMALISE).split()).strip(_DECOR)


def _is_sentence(line: str) -> bool:
    """Whether a normalised line reads like prose: a few words, mostly lowercase, a verb, a final stop."""
    if line.rstrip(_CLOSERS)[-1:] not in (".", "!", "?"):
        return False
    words = line.split(" ", 13)[1:13]  # the words after the first, at most twelve
    if not words:
        return False
    alpha = [w for w in (w.lstrip(_OPENERS) for w in words) if w[:1].isalpha()]
    if sum(w[0].islower() for w in alpha) < 0.4 * len(alpha):
        return False
    return _VERBISH.search(line) is not None


class _Links:
    """The anchor texts of a page, as word sequences, for measuring how much of a line is links."""

    def __init__(self, texts: Collection[str]) -> None:
        self.keys = {key for t in texts if (key := " ".join(_WORD.findall(t.casefold())))}
        self.longest = min(8, max((k.count(" ") + 1 for k in self.keys), default=0))

    def weight(self, line: str) -> int:
        """2 for a line mostly made of several link texts (a menu), 1 for a line that is mostly one link."""
        words = _WORD.findall(line.casefold())
        if not words:
            return 0
        if " ".join(words) in self.keys:
            return 1
        if len(words) > MAX_MENU_WORDS:
            return 0
        hits = covered = i = 0
        while i < len(words):  # greedy longest match of link texts, left to right
            for size in range(min(self.longest, len(words) - i), 0, -1):
                if " ".join(words[i : i + size]) in self.keys:
                    hits, covered, i = hits + 1, covered + size, i + size
                    break
            else:
                i += 1
        if covered < LINK_SHARE * len(words):
            return 0
        return 2 if hits > 1 else 1


@dataclass
class _Scorer:
    lexicon: Lexicon
    counts: Mapping[str, int] | None
    links: _Links | None
    min_repeats: int

    def score(self, line: str, raw: str, *, tail: bool, title: bool) -> int:
        """The evidence that a line is residue; see ``clean_text``."""
        context = int(tail)
        if self.counts and self.counts.get(line_key(raw), 0) >= self.min_repeats:
            context += 2
        if self.links is not None:
            context += self.links.weight(line)
        if not context:  # shape (at most 1) plus cues (at most the shape) cannot reach THRESHOLD
            return 0
        evidence = context + (-1 if _is_sentence(line) else 0 if title else 1)
        if evidence <= 0 or evidence >= THRESHOLD:
            return evidence
        return evidence + min(2, evidence, self.lexicon.cues(line))


def clean_text(
    text: str,
    *,
    lexicon: Lexicon | None = None,
    site_counts: Mapping[str, int] | None = None,
    link_texts: Collection[str] = (),
    min_site_repeats: int = 3,
) -> Cleaned:
    """Remove boilerplate lines from an article's plain text.

    A line is removed when a strong lexicon pattern matches all of it, or when its score reaches
    ``THRESHOLD``. The score adds: +1 if the line is in the tail (after the last sentence-like line),
    +2 if ``site_counts[line_key(line)]`` (other articles of the site with this line) reaches
    ``min_site_repeats``, +1 if the line is mostly one of ``link_texts`` or +2 if mostly several;
    without any of these the line is kept. Then -1 if the line reads like a sentence, else +1
    (0 for the title, the first line kept). Weak cues add one each, at most 2 and at most the score
    so far, and only when that is positive. Sentence-like lines before the tail are therefore only
    lost on a strong match, or when both repeated and linked.
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    scorer = _Scorer(lexicon, site_counts, _Links(link_texts) if link_texts else None, min_site_repeats)
    raw = text.splitlines()
    lines = [_normalise(r) for r in raw]
    residue = [bool(line) and lexicon.is_residue(line) for line in lines]
    candidates = [i for i, line in enumerate(lines) if line and not residue[i]]
    body_end = next((i for i in reversed(candidates) if _is_sentence(lines[i])), len(lines))
    title = candidates[0] if candidates else -1

    kept: list[str] = []
    removed: list[str] = []
    for i, line in enumerate(raw):
        if not line.strip():
            kept.append("")
        elif residue[i] or scorer.score(lines[i], line, tail=i > body_end, title=i == title) >= THRESHOLD:
            removed.append(line.strip())
        else:
            kept.append(line.rstrip())
    return Cleaned(_join(kept), removed)


def _join(lines: list[str]) -> str:
    """Join lines, dropping leading and trailing blank lines and keeping at most one blank in a row."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
