"""Handing `tidings ingest`'s batches to a server that holds the store.

While ``tidings serve`` holds a store it writes ``<store>.serve.json`` beside it (readable by
its owner only): the server's loopback URL, its process id and a random token. ``tidings
ingest --db`` of the same file finds it and, instead of opening the file (which the server
holds), parses as usual and sends each finished batch to the server, which stores it in one
transaction as it stores its own. Without a running server the file is opened as always.
Batches travel as JSON: the records' fields, as the store's tables hold them.
"""

from __future__ import annotations

import json
import os
import secrets
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import ARTICLE_COLUMNS, Actor, Article
from ..store.db import RECORD_TABLES, open_store

TOKEN_HEADER = "X-Tidings-Token"
TIMEOUT = 120.0


def sidecar(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".serve.json")


def announce(db: str | Path, url: str) -> str:
    """Write the sidecar for a server at ``url`` holding ``db``; return its token."""
    token = secrets.token_urlsafe(24)
    path = sidecar(db)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump({"url": url, "pid": os.getpid(), "token": token}, fh)
    return token


def withdraw(db: str | Path) -> None:
    """Remove the sidecar if it is this process's."""
    path = sidecar(db)
    try:
        if json.loads(path.read_text()).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


def running_server(db: str | Path) -> dict[str, Any] | None:
    """The server holding ``db``, if one is running: ``{url, pid, token}``."""
    try:
        info = json.loads(sidecar(db).read_text())
        os.kill(int(info["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info


# -- the records as JSON ------------------------------------------------------------------

def article_to_json(article: Article) -> dict[str, Any]:
    out = {c: getattr(article, c) for c in ARTICLE_COLUMNS}
    if isinstance(out["published"], date):
        out["published"] = out["published"].isoformat()
    for attr in [*RECORD_TABLES, "actors"]:
        out[attr] = [asdict(r) for r in getattr(article, attr)]
    return out


def article_from_json(data: dict[str, Any]) -> Article:
    fields = {c: data.get(c) for c in ARTICLE_COLUMNS}
    if isinstance(fields["published"], str):
        fields["published"] = date.fromisoformat(fields["published"])
    article = Article(**fields)
    for attr, (_, record_type) in RECORD_TABLES.items():
        setattr(article, attr, [record_type(**r) for r in data.get(attr) or []])
    article.actors = [Actor(**r) for r in data.get("actors") or []]
    return article


# -- the ingest side ----------------------------------------------------------------------

class ServerStore:
    """The part of a store that the pipeline writes through, answered by a running server."""

    def __init__(self, info: dict[str, Any]) -> None:
        self.url = info["url"].rstrip("/")
        self.token = info["token"]

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body, default=str).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={TOKEN_HEADER: self.token, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (loopback)
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            try:
                message = json.loads(exc.read())["error"]["message"]
            except (ValueError, KeyError, TypeError):
                message = exc.reason
            raise StoreError(f"the server holding the store ({self.url}) refused the batch: {message}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"the server holding the store ({self.url}) did not answer: {exc}") from None

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        return set(self._call("POST", "/internal/ingest/existing", {"ids": wanted})["existing"]) if wanted else set()

    def site_lines(self) -> dict[str, Counter]:
        return {site: Counter(lines) for site, lines in self._call("GET", "/internal/ingest/site-lines").items()}

    def write(self, articles: Sequence[Article], site_lines: dict[str, Counter] | None = None) -> None:
        self._call("POST", "/internal/ingest/batch", {
            "articles": [article_to_json(a) for a in articles],
            "site_lines": {site: dict(c) for site, c in (site_lines or {}).items()}})


class IngestTarget:
    """Where `tidings ingest` writes: a server holding the store, when one runs, else the file.

    Asked again at every operation, so an ingest that started first hands over to a server
    started during it, between two batches.
    """

    def __init__(self, path: str | Path, **open_kw: Any) -> None:
        self.path = Path(path)
        self.open_kw = open_kw
        self._local = None
        if running_server(self.path) is None:
            self._local = open_store(self.path, **open_kw)

    def _target(self):
        info = running_server(self.path)
        if info is not None:
            if self._local is not None and hasattr(self._local, "release"):
                self._local.release()
            return ServerStore(info)
        if self._local is None:
            self._local = open_store(self.path, **self.open_kw)
        return self._local

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        return self._target().existing_ids(ids)

    def site_lines(self) -> dict[str, Counter]:
        return self._target().site_lines()

    def write(self, articles: Sequence[Article], site_lines: dict[str, Counter] | None = None) -> None:
        self._target().write(articles, site_lines)

    def close(self) -> None:
        if self._local is not None:
            self._local.close()

    def __enter__(self) -> IngestTarget:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_for_ingest(path: str | Path, **open_kw: Any) -> IngestTarget:
    """The store at ``path`` for writing batches, through the server that holds it if one runs."""
    return IngestTarget(path, **open_kw)
