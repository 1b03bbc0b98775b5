"""Turn the paths and URLs a user names into a stream of raw documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..options import Options
from .files import JSONL_SUFFIXES, SUPPORTED, read_file
from .raw import RawDocument
from .web import FetchPolicy, is_url, read_url

Item = RawDocument | InputError


def discover(inputs: Iterable[str]) -> list[Path | str | InputError]:
    """Expand folders (recursively, supported files only, sorted) and keep URLs as they are.

    JSON sidecars (``x.json`` beside ``x.txt``) are metadata, not inputs, so folders skip ``.json``.
    """
    found: list[Path | str | InputError] = []
    for value in inputs:
        if is_url(value):
            found.append(value)
            continue
        path = Path(value)
        if "://" in value and not path.exists():
            found.append(InputError(value, "refused: only http:// and https:// URLs are fetched"))
            continue
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*"))
                         if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith("."))
        elif path.is_file():
            found.append(path)
        elif path.exists():
            found.append(InputError(value, "not a regular file or folder"))
        else:
            found.append(InputError(value, "no such file or folder"))
    return found


def estimate_total(found: list[Path | str | InputError]) -> int:
    """A cheap count of the articles to come, for the progress bar (JSON Lines count lines)."""
    total = 0
    for entry in found:
        if isinstance(entry, Path) and entry.suffix.lower() in JSONL_SUFFIXES:
            try:
                with entry.open("rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))  # noqa: B023
            except OSError:
                total += 1
        else:
            total += 1
    return total


def read_all(found: list[Path | str | InputError], options: Options) -> Iterator[Item]:
    """Yield each raw document, or an InputError where an input cannot be read."""
    policy = FetchPolicy(timeout=options.timeout, feed_timeout=options.feed_timeout,
                         allow_private_hosts=options.allow_private_hosts)
    for entry in found:
        if isinstance(entry, InputError):
            yield entry
        elif isinstance(entry, Path):
            yield from read_file(entry, options.encoding, int(options.max_file_mb * 1_000_000))
        else:
            yield from read_url(entry, policy)
