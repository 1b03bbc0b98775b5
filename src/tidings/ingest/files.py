"""Read articles from files: plain text, HTML and JSON Lines, with optional JSON sidecars."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError
from .dates import parse_date
from .raw import RawDocument

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
METADATA_KEYS = ("title", "url", "published", "source", "author")
MAX_FILE_BYTES = 10_000_000  # a .txt, .html or sidecar file, or one JSON Lines line (--max-file-mb)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SURROGATE = re.compile("[\ud800-\udfff]")


def decode(data: bytes, origin: str, encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else the given fallback encoding."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(origin, "binary data, not text (NUL bytes found)")
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(origin, f"not valid UTF-16 ({exc.reason} at byte {exc.start})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if encoding:  # only for files that are not UTF-8: a UTF-8 file stays UTF-8
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError) as fallback:
                raise InputError(origin, f"not UTF-8, and cannot decode as {encoding}: {fallback}") from None
        raise InputError(
            origin,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save it as UTF-8 or pass --encoding",
        ) from None


def looks_binary(text: str) -> bool:
    """True when too many characters are control characters to be prose."""
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample) > 0.02


def read_sidecar(path: Path, max_bytes: int = MAX_FILE_BYTES) -> dict[str, Any]:
    """Metadata from ``name.json`` or ``name.txt.json`` beside an article file, if present."""
    for candidate in (path.with_suffix(".json"), path.with_name(path.name + ".json")):
        if candidate.is_file() and candidate != path:
            where = str(candidate)
            meta = _json(decode(read_capped(candidate, max_bytes), where), where, "JSON sidecar")
            if not isinstance(meta, dict):
                raise InputError(where, "JSON sidecar must hold an object")
            return meta
    return {}


def read_capped(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, refused when there are more than ``max_bytes`` of them."""
    origin = str(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(origin, f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(origin, f"file is larger than the limit of {_mb(max_bytes)}; not read "
                         "(raise the limit with --max-file-mb)")
    return data


def _mb(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


def _json(text: str, where: str, what: str = "JSON") -> Any:
    """Parsed JSON, or an InputError for invalid JSON, nesting too deep or lone surrogates."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"invalid {what} ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise InputError(where, f"invalid {what}: nested too deeply") from None
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and (bad := _SURROGATE.search(item)):
                raise InputError(where, f"'{key}' holds a lone UTF-16 surrogate "
                                 f"(\\u{ord(bad.group()):04x} at character {bad.start()}): not valid Unicode")
    return value


def _metadata(meta: dict[str, Any], origin: str) -> dict[str, Any]:
    out = {k: meta.get(k) or None for k in METADATA_KEYS}
    try:
        out["published"] = parse_date(out["published"])
    except ValueError as exc:
        raise InputError(origin, f"bad 'published' value: {exc}") from None
    for key in ("title", "url", "source", "author"):
        if out[key] is not None and not isinstance(out[key], str):
            raise InputError(origin, f"'{key}' must be a string, not {type(out[key]).__name__}")
    return out


def split_title(text: str) -> tuple[str | None, str]:
    """First non-empty line as the title, the rest as the body."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip(), "\n".join(lines[i + 1 :])
    return None, ""


def read_file(path: Path, encoding: str | None = None,
              max_bytes: int = MAX_FILE_BYTES) -> Iterator[RawDocument | InputError]:
    """Yield the raw documents in one file, or InputErrors for what cannot be read.

    Files (and JSON Lines lines) over ``max_bytes`` are refused unread; JSON Lines files are read
    a line at a time, so their total size is not limited.
    """
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix not in SUPPORTED:
            raise InputError(origin, f"unsupported file type {suffix or '(none)'}; expected one of "
                             + ", ".join(sorted(SUPPORTED)))
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl_file(path, encoding, max_bytes)
            return
        text = decode(read_capped(path, max_bytes), origin, encoding)
        if looks_binary(text):
            raise InputError(origin, "binary data, not text")
        meta = _metadata(read_sidecar(path, max_bytes), origin)
        if suffix in HTML_SUFFIXES:
            yield RawDocument(origin=origin, format="html", html=text, **meta)
        else:
            title, body = split_title(text)
            meta["title"] = meta["title"] or title
            yield RawDocument(origin=origin, format="txt", text=body, **meta)
    except InputError as exc:
        yield exc
    except Exception as exc:  # noqa: BLE001 - whatever else goes wrong is this file's, not the run's
        yield InputError(origin, f"cannot read: {type(exc).__name__}: {exc}")


def read_jsonl_file(path: Path, encoding: str | None = None,
                    max_bytes: int = MAX_FILE_BYTES) -> Iterator[RawDocument | InputError]:
    """The articles of a JSON Lines file, read a line at a time (UTF-16 files whole)."""
    origin = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(origin, f"cannot read file: {exc.strerror or exc}") from None
    with fh:
        head = fh.read(4096)
        if head.startswith(UTF16_BOMS):  # its line breaks are two bytes: decode it whole
            text = decode(read_capped(path, max_bytes), origin, encoding)
            if looks_binary(text):
                raise InputError(origin, "binary data, not text")
            yield from read_jsonl(text, origin)
            return
        if b"\x00" in head or looks_binary(head.decode("utf-8", errors="replace")):
            raise InputError(origin, "binary data, not text")
        fh.seek(0)
        for number, line in enumerate(_lines(fh, max_bytes), start=1):
            where = f"{origin}:{number}"
            if line is None:
                yield InputError(where, f"line is longer than the limit of {_mb(max_bytes)}; skipped "
                                 "(raise the limit with --max-file-mb)")
            elif line.strip():
                try:
                    yield from _jsonl_line(decode(line, where, encoding), where)
                except InputError as exc:
                    yield exc


def _lines(fh: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a binary file; None for a line over ``max_bytes``, which is skipped unread."""
    while line := fh.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def read_jsonl(text: str, origin: str) -> Iterator[RawDocument | InputError]:
    """One article per line: ``text`` or ``html``, and title, url, published, source, author."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield from _jsonl_line(line, f"{origin}:{number}")


def _jsonl_line(line: str, where: str) -> Iterator[RawDocument | InputError]:
    try:
        obj = _json(line, where)
        if not isinstance(obj, dict):
            raise InputError(where, "each line must be a JSON object")
        body, html = obj.get("text"), obj.get("html")
        if not isinstance(body, str) and not isinstance(html, str):
            raise InputError(where, "object has neither a 'text' nor an 'html' string")
        meta = _metadata(obj, where)
        yield RawDocument(origin=where, format="jsonl", text=body if isinstance(body, str) else None,
                          html=None if isinstance(body, str) else html, **meta)
    except InputError as exc:
        yield exc
