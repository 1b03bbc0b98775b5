"""Remove page residue (comment forms, newsletter prompts, share bars, ...) from scraped article text.

Every non-blank line is scored from a few cheap features; ``clean_text`` states the rule. The
patterns live in the data file ``boilerplate.txt`` beside this module, whose header gives its format.
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
LINK_SHARE = 0.6  # share of a line's words that link texts must cover for it to count as links
MAX_MENU_WORDS = 40  # longer lines are never counted as links

_SECTIONS = {"[strong]": "strong", "[weak]": "weak"}
_UNICODE = {  # typographic characters that residue patterns should not have to spell
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u00a0": " ", "\u200b": "",
}
_DECOR = " \t-\u2013\u2014\u2022\u00b7|>\u00bb\u00ab\u203a\u2039\u25b8\u25ba\u25b6"
_KEY_STRIP = _DECOR + string.punctuation + string.digits + string.whitespace + "\u00a9\u00ae\u2122"
_CLOSERS = "\"')]"
_ESCAPE_OR_TEXT = re.compile(r"\\N\{[^}]*\}|\\.|\(\?P|[^\\(]+|\(", re.DOTALL)
_ESCAPE_OR_CLASS = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]", re.DOTALL)
_BACKREF = re.compile(r"\\[1-9]|\(\?P=")
_CAPITALISED = re.compile(r" [\"'(\[]?[A-Z]")  # a word after the first that starts with a capital
_BLANK_RUNS = re.compile(r"\n{3,}")
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_VERBISH = re.compile(  # a common verb, or a word ending like one, after a space (fast to search)
    r" (?:(?:is|are|was|were|am|be|been|being|has|have|had|do|does|did|will|would|shall|should|can|could"
    r"|may|might|must|said|says|say|told|tell|tells|get|gets|got|make|makes|made|take|takes|took|go|goes"
    r"|went|come|comes|came|see|sees|saw|know|knew|think|thought|want|wants|need|needs|left|met|won|lost"
    r"|led|ran|put|set|let|hit|cut|gave|give|gives|became|become|keep|keeps|kept|found|held|hold|holds"
    r"|began|remain|remains|expect|expects|plan|plans|warn|warns|seek|seeks|urge|urges|call|calls)\b"
    r"|[a-z]{2,}(?:ed|ing|es|en|n't)\b)"
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
        """Whether a strong pattern matches the whole (normalised) line, ignoring case."""
        return self._strong.fullmatch(line.lower()) is not None

    def cues(self, line: str) -> int:
        """The number of distinct weak cues found in the (normalised) line, ignoring case."""
        return len({m.group() for m in self._weak.finditer(line.lower())})


def _fold(pattern: str) -> str:
    """The pattern with its letters lowercased, escapes kept: on lowercased text, like re.IGNORECASE."""

    def fold(match: re.Match[str]) -> str:
        token = match.group()
        return token if token[0] == "\\" or token == "(?P" else token.lower()

    return _ESCAPE_OR_TEXT.sub(fold, pattern)


def _union(patterns: Sequence[str]) -> re.Pattern[str]:
    """One regex for all patterns; those that start with \\b share it, which makes searching far faster."""
    bounded: list[str] = []
    free: list[str] = []
    for pattern in map(_fold, patterns):
        (bounded if pattern.startswith(r"\b") and not _has_top_level_bar(pattern) else free).append(pattern)
    parts = [f"(?:{p})" for p in free]
    if bounded:
        parts.insert(0, r"\b(?:" + "|".join(f"(?:{p[2:]})" for p in bounded) + ")")
    return re.compile("|".join(parts) or "(?!)")


def _has_top_level_bar(pattern: str) -> bool:
    depth = 0
    for char in _ESCAPE_OR_CLASS.sub("", pattern):
        depth += (char == "(") - (char == ")")
        if char == "|" and not depth:
            return True
    return False


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
            compiled = re.compile(_fold(pattern))
            re.compile(f"(?:{compiled.pattern})")  # as it will be joined: no global flags inside
        except re.error as exc:
            raise ConfigError(f"{origin}:{number}: bad boilerplate pattern {pattern!r}: {exc}") from None
        if compiled.groupindex or _BACKREF.search(pattern):
            raise ConfigError(f"{origin}:{number}: no named groups or backreferences allowed: {pattern!r}")
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
    """The key of a line for counting it across a site's articles.

    Casefolded, whitespace collapsed, quotes made straight, punctuation and digits at the ends removed.
    """
    return _normalise(line).casefold().strip(_KEY_STRIP)


def _normalise(line: str) -> str:
    """The line with straight quotes, single spaces and no decoration (bullets, dashes, ...) at the ends."""
    if not line.isascii():
        for old, new in _UNICODE.items():
            line = line.replace(old, new)
    if "  " in line or "\t" in line:
        line = " ".join(line.split())
    return line.strip(_DECOR)


def _is_sentence(line: str) -> bool:
    """Whether a normalised line reads like prose: a final stop, mostly lowercase words, a verb if short."""
    if line.rstrip(_CLOSERS)[-1:] not in (".", "!", "?"):
        return False
    words = line.count(" ", 0, 100)  # the words after the first, in the line's head
    if not words or len(_CAPITALISED.findall(line, 0, 100)) > 0.6 * words:
        return False
    return words >= 5 or _VERBISH.search(line) is not None  # short lines must show a verb


class _Links:
    """The anchor texts of a page, as word sequences, for measuring how much of a line is links."""

    def __init__(self, texts: Collection[str]) -> None:
        self.keys = {key for t in texts if (key := " ".join(_WORD.findall(t.casefold())))}
        self.firsts = {key.split(" ", 1)[0] for key in self.keys}
        self.longest = max((key.count(" ") + 1 for key in self.keys), default=0)

    def weight(self, line: str) -> int:
        """2 for a line mostly made of several link texts (a menu), 1 for a line that is mostly one link."""
        if line.count(" ") >= MAX_MENU_WORDS:
            return 0
        words = _WORD.findall(line.casefold())
        if not words:
            return 0
        hits = covered = i = 0
        while i < len(words):  # greedy longest match of link texts, left to right
            size = 0
            if words[i] in self.firsts:
                sizes = range(min(self.longest, len(words) - i), 0, -1)
                size = next((n for n in sizes if " ".join(words[i : i + n]) in self.keys), 0)
            hits, covered, i = hits + (size > 0), covered + size, i + max(size, 1)
        if covered < LINK_SHARE * len(words):
            return 0
        return 2 if hits > 1 else 1


@dataclass
class _Scorer:
    lexicon: Lexicon
    counts: Mapping[str, int] | None
    links: _Links | None
    min_repeats: int

    def score(self, line: str, *, tail: bool, title: bool) -> int:
        """The score of a normalised line, as described in ``clean_text``."""
        # e + min(2, e, cues) reaches THRESHOLD only for evidence e >= 2: costlier features are
        # computed only while that is still possible.
        evidence = 1 if tail else 0
        if self.counts and self.counts.get(line.casefold().strip(_KEY_STRIP), 0) >= self.min_repeats:
            evidence += 2
        if not evidence and self.links is None:
            return 0  # the shape alone adds at most 1
        if tail:
            evidence += 1  # tail lines come after the last sentence-like line, so they are not one
        elif _is_sentence(line):
            evidence -= 1
        elif not title:
            evidence += 1
        if self.links is not None and evidence >= 0:  # links add at most 2
            evidence += self.links.weight(line)
        if evidence < 2 or evidence >= THRESHOLD:
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
    """Remove the boilerplate lines of an article's plain text.

    A line is removed when a strong pattern of ``lexicon`` (default: ``load_lexicon()``) matches
    all of it, or when its score reaches ``THRESHOLD``. The score is the evidence e, the sum of
    +1 in the tail (after the last sentence-like line), +2 if ``site_counts[line_key(line)]``
    (other articles of the site that have the line) is at least ``min_site_repeats``,
    +1 if the line is mostly one of ``link_texts``, +2 if mostly several (a menu),
    -1 if the line reads like a sentence, else +1 (0 for the title, the first non-residue line);
    plus, when e > 0, one per weak cue, at most 2 and at most e. So weak cues never act alone,
    and a sentence before the tail is only removed by a strong pattern or when repeated and linked.
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    scorer = _Scorer(lexicon, site_counts, _Links(link_texts) if link_texts else None, min_site_repeats)
    raw = text.splitlines()
    lines = [_normalise(r) for r in raw]
    candidates = [i for i, r in enumerate(raw) if r.strip() and not lexicon.is_residue(lines[i])]
    body_end = next((i for i in reversed(candidates) if _is_sentence(lines[i])), len(lines))
    title = candidates[0] if candidates else -1
    keep = set(candidates)

    kept: list[str] = []
    removed: list[str] = []
    for i, line in enumerate(raw):
        if not line.strip():
            kept.append("")
        elif i in keep and scorer.score(lines[i], tail=i > body_end, title=i == title) < THRESHOLD:
            kept.append(line.rstrip())
        else:
            removed.append(line.strip())
    return Cleaned(_BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip("\n"), removed)
