"""Quotation spans in a text: the words between a pair of quotation marks.

Works on the characters alone, one line (paragraph) at a time, with a stack of open marks:

- curly marks open and close by their shape (“ ”, ‘ ’); straight ones (", '', ') by what is
  around them: a mark after a space and before a word opens, one after a word and before a
  space or punctuation closes;
- only the outermost quotation is kept: marks inside it (a nested ‘...’ or "...") belong to it;
- single marks count only inside a double quotation, and never between two letters, because on
  their own they cannot be told from apostrophes ("Trump’s", "rock ’n’ roll");
- a quotation may hold several sentences; one still open at the end of its line continues into
  the next paragraph when that opens with a mark again (the newspaper convention for a quote
  of several paragraphs): each paragraph is then a quotation of its own;
- a mark that is never closed, and closing marks with nothing open, are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_lexicon

CLOSE_BEFORE = set(" \t\r\n.,;:!?)]}\u2014\u2013-\u2026")  # what may follow a closing mark
OPEN_AFTER = set(" \t\r\n([{\u2014\u2013-/:;")  # what may precede an opening mark


@dataclass(frozen=True)
class Quotation:
    """The words of a quotation (``start``/``end``, marks excluded) and the marks' outer offsets."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    continued: bool = False  # left open at the end of its paragraph, continued in the next one


@dataclass(frozen=True)
class _Pair:
    open: str
    close: str
    double: bool

    @property
    def symmetric(self) -> bool:
        return self.open == self.close


def _pairs() -> list[_Pair]:
    return [_Pair(o, c, level == "double") for o, c, level in load_lexicon().marks]


@lru_cache(maxsize=4)
def _pattern(strings: frozenset[str]) -> re.Pattern:
    return re.compile("|".join(re.escape(s) for s in sorted(strings, key=len, reverse=True)))


def _candidates(line: str, pairs: list[_Pair]) -> list[tuple[int, str]]:
    """Every quotation-mark string in the line with its position, longest match first."""
    pattern = _pattern(frozenset({p.open for p in pairs} | {p.close for p in pairs}))
    return [(m.start(), m.group()) for m in pattern.finditer(line)]


def _can_open(line: str, at: int, mark: str) -> bool:
    before = line[at - 1] if at > 0 else " "
    after = line[at + len(mark)] if at + len(mark) < len(line) else " "
    return (before in OPEN_AFTER or not before.isalnum()) and not after.isspace()


def _can_close(line: str, at: int, mark: str) -> bool:
    before = line[at - 1] if at > 0 else " "
    after = line[at + len(mark)] if at + len(mark) < len(line) else " "
    return not before.isspace() and (after in CLOSE_BEFORE or not after.isalnum())


def _apostrophe(line: str, at: int, mark: str) -> bool:
    before = line[at - 1] if at > 0 else " "
    after = line[at + len(mark)] if at + len(mark) < len(line) else " "
    return len(mark) == 1 and before.isalnum() and after.isalnum()


def _scan_line(line: str, offset: int, pairs: list[_Pair]) -> tuple[list[Quotation], tuple[_Pair, int] | None]:
    """Quotations closed within the line, and the outermost mark left open at its end."""
    found: list[Quotation] = []
    stack: list[tuple[_Pair, int]] = []
    for at, mark in _candidates(line, pairs):
        if _apostrophe(line, at, mark):
            continue
        closed = False
        for depth in range(len(stack) - 1, -1, -1):  # the innermost open pair this mark closes
            pair, opened = stack[depth]
            if mark == pair.close and (not pair.symmetric or _can_close(line, at, mark)):
                del stack[depth:]
                if not stack:
                    found.append(Quotation(offset + opened + len(pair.open), offset + at,
                                           offset + opened, offset + at + len(mark)))
                closed = True
                break
            if pair.double:
                break  # a double mark's inner single quotes never close past it
        if closed:
            continue
        for pair in pairs:
            if mark != pair.open or (not pair.double and not stack):
                continue
            if not pair.symmetric or _can_open(line, at, mark):
                stack.append((pair, at))
                break
    left = stack[0] if stack and stack[0][0].double else None
    return found, left


def _trimmed(text: str, q: Quotation) -> Quotation | None:
    start, end = q.start, q.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return Quotation(start, end, q.mark_start, q.mark_end, q.continued)


def find_quotations(text: str) -> list[Quotation]:
    """The outermost quotations of a text, in order."""
    pairs = _pairs()
    out: list[Quotation] = []
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    nonempty = [(o, l) for o, l in lines if l.strip()]
    pattern = _pattern(frozenset({p.open for p in pairs} | {p.close for p in pairs}))
    for i, (offset, line) in enumerate(nonempty):
        if not pattern.search(line):
            continue
        found, left = _scan_line(line, offset, pairs)
        out.extend(found)
        if left is None:
            continue
        pair, opened = left
        following = nonempty[i + 1][1].lstrip() if i + 1 < len(nonempty) else ""
        if following.startswith(pair.open):  # a quote of several paragraphs
            end = offset + len(line.rstrip())
            out.append(Quotation(offset + opened + len(pair.open), end, offset + opened, end, continued=True))
    trimmed = (_trimmed(text, q) for q in sorted(out, key=lambda q: q.start))
    return [q for q in trimmed if q is not None]
