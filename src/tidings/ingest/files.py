"""Read articles from files: plain text, HTML and JSON Lines, with optional JSON sidecars."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from .dates import parse_date
from .raw import RawDocument

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
METADATA_KEYS = ("title", "url", "published", "source", "author")


def decode(data: bytes, origin: str, encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else the given fallback encoding."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(origin, "binary data, not text (NUL bytes found)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
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


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata from ``name.json`` or ``name.txt.json`` beside an article file, if present."""
    for candidate in (path.with_suffix(".json"), path.with_name(path.name + ".json")):
        if candidate.is_file() and candidate != path:
            try:
                meta = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(str(candidate), f"unreadable JSON sidecar: {exc}") from None
            if not isinstance(meta, dict):
                raise InputError(str(candidate), "JSON sidecar must hold an object")
            return meta
    return {}


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


def read_file(path: Path, encoding: str | None = None) -> Iterator[RawDocument | InputError]:
    """Yield the raw documents in one file, or InputErrors for what cannot be read."""
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix not in SUPPORTED:
            raise InputError(origin, f"unsupported file type {suffix or '(none)'}; expected one of "
                             + ", ".join(sorted(SUPPORTED)))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(origin, f"cannot read file: {exc.strerror or exc}") from None
        text = decode(data, origin, encoding)
        if looks_binary(text):
            raise InputError(origin, "binary data, not text")
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(text, origin)
            return
        meta = _metadata(read_sidecar(path), origin)
        if suffix in HTML_SUFFIXES:
            yield RawDocument(origin=origin, format="html", html=text, **meta)
        else:
            title, body = split_title(text)
            meta["title"] = meta["title"] or title
            yield RawDocument(origin=origin, format="txt", text=body, **meta)
    except InputError as exc:
        yield exc


def read_jsonl(text: str, origin: str) -> Iterator[RawDocument | InputError]:
    """One article per line: ``text`` or ``html``, and title, url, published, source, author."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
            if not isinstance(obj, dict):
                raise InputError(where, "each line must be a JSON object")
            body, html = obj.get("text"), obj.get("html")
            if not isinstance(body, str) and not isinstance(html, str):
                raise InputError(where, "object has neither a 'text' nor an 'html' string")
            meta = _metadata(obj, where)
            fmt = "jsonl"
            yield RawDocument(origin=where, format=fmt, text=body if isinstance(body, str) else None,
                              html=None if isinstance(body, str) else html, **meta)
        except InputError as exc:
            yield exc
