"""Writing: ``POST /articles`` (with the API key) and the batches `tidings ingest` hands over.

Articles posted are parsed and annotated in a separate process (spaCy and the stages hold
the interpreter for seconds; reads must not wait for them), started at the first post and
kept. The server process only stores the finished batch, in one transaction, while reads go
on against the last committed state. Without an API key configured the server is read-only.
"""

from __future__ import annotations

import hmac
import multiprocessing
import threading
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Request
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .errors import ApiError, ErrorResponse
from .handoff import TOKEN_HEADER, article_from_json
from .paging import json_response
from .schemas import IngestResult

MAX_ARTICLES = 100
MAX_TEXT = 2_000_000

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="The key given to `tidings serve --api-key` or TIDINGS_API_KEY.")


class ArticleIn(BaseModel):
    """One article, with the fields of a JSON Lines input line: `text` or `html`, and metadata."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, max_length=MAX_TEXT, description="Plain text; the title apart in `title`.")
    html: str | None = Field(None, max_length=MAX_TEXT, description="An HTML page, used when there is no `text`.")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    published: date | None = None
    source: str | None = Field(None, max_length=500)
    author: str | None = Field(None, max_length=500)

    @model_validator(mode="after")
    def _has_body(self) -> ArticleIn:
        if not (self.text and self.text.strip()) and not (self.html and self.html.strip()):
            raise ValueError("an article needs a non-empty 'text' or 'html'")
        return self


class ExistingIn(BaseModel):
    ids: list[str]


class BatchIn(BaseModel):
    articles: list[dict[str, Any]]
    site_lines: dict[str, dict[str, int]] = {}


router = APIRouter()

# -- the parsing process ------------------------------------------------------------------

_pipeline = None


def _parse_in_worker(docs: list[dict[str, Any]], site_lines: dict[str, Counter]) -> tuple[list, dict]:
    """In the worker process: prepare and parse raw documents with the whole pipeline."""
    global _pipeline
    from ..errors import InputError
    from ..ingest.prepare import Preparer
    from ..ingest.raw import RawDocument
    from ..options import Options
    from ..pipeline import Pipeline

    if _pipeline is None:
        _pipeline = Pipeline(Options(progress=False))
    preparer = Preparer(_pipeline.options, site_lines)
    prepared = preparer.prepare([RawDocument(**d) for d in docs])
    out: list = [p for p in prepared if isinstance(p, InputError)]
    out.extend(_pipeline.parse_here([p for p in prepared if not isinstance(p, InputError)]))
    return out, preparer.take_pending()


class Parser:
    """One worker process that parses posted articles, started on first use."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def parse(self, docs: list[dict[str, Any]], site_lines: dict[str, Counter]) -> tuple[list, dict]:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        return self._pool.submit(_parse_in_worker, docs, site_lines).result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


# -- POST /articles -----------------------------------------------------------------------

def require_key(request: Request, key: Annotated[str | None, Depends(api_key_header)] = None) -> None:
    expected = request.app.state.api_key
    if not expected:
        raise ApiError(403, "this server is read-only: start it with --api-key (or TIDINGS_API_KEY) to add articles",
                       code="read_only")
    if not key or not hmac.compare_digest(key.encode(), expected.encode()):
        raise ApiError(401, "a valid X-API-Key header is needed to add articles", field="X-API-Key")
    if not request.app.state.served.writable:
        raise ApiError(403, "this server serves the store read-only (several workers); run one worker to write",
                       code="read_only")


@router.post("/api/articles", status_code=201, response_model=IngestResult, tags=["articles"],
             dependencies=[Depends(require_key)],
             responses={200: {"model": IngestResult, "description": "Nothing new: every article was already stored"},
                        **{c: {"model": ErrorResponse} for c in (400, 401, 403, 413, 422)}})
def post_articles(request: Request, body: Annotated[ArticleIn | list[ArticleIn], Body()]):
    """Add one article or a batch (at most 100): each is cleaned, parsed and coded like
    `tidings ingest` does, and the batch is stored in one transaction. Articles already stored
    (same clean text) are reported as duplicates."""
    from ..errors import InputError

    items = body if isinstance(body, list) else [body]
    if not items:
        raise ApiError(422, "send at least one article", field="body")
    if len(items) > MAX_ARTICLES:
        raise ApiError(413, f"at most {MAX_ARTICLES} articles per request", field="body")
    store = request.app.state.served
    docs = []
    for n, item in enumerate(items):
        origin = item.url or f"api:{n}"
        docs.append({"origin": origin, "format": "jsonl", "text": item.text if item.text else None,
                     "html": None if item.text else item.html, "title": item.title, "url": item.url,
                     "published": item.published, "source": item.source, "author": item.author})
    results, pending = request.app.state.parser.parse(docs, store.site_lines())
    failed = [{"origin": r.origin, "reason": r.reason} for r in results if isinstance(r, InputError)]
    articles = [r for r in results if not isinstance(r, InputError)]
    stored = store.existing_ids([a.id for a in articles])
    new, duplicates, seen = [], [], set()
    for article in articles:
        if article.id in stored or article.id in seen:
            duplicates.append(article.id)
        else:
            seen.add(article.id)
            new.append(article)
    if new:
        store.write(new, pending)
    return json_response({"added": [a.id for a in new], "duplicates": duplicates, "failed": failed},
                         status=201 if new else 200)


# -- the batches of `tidings ingest` (not in the public schema) -----------------------------

def require_token(request: Request, token: Annotated[str | None, Header(alias=TOKEN_HEADER)] = None) -> None:
    expected = request.app.state.ingest_token
    if not expected or not token or not hmac.compare_digest(token.encode(), expected.encode()):
        raise ApiError(401, "unknown ingest token", field=TOKEN_HEADER)


internal = APIRouter(prefix="/internal/ingest", include_in_schema=False, dependencies=[Depends(require_token)])


@internal.get("/site-lines")
def site_lines(request: Request):
    return json_response({site: dict(c) for site, c in request.app.state.served.site_lines().items()})


@internal.post("/existing")
def existing(request: Request, body: ExistingIn):
    return json_response({"existing": sorted(request.app.state.served.existing_ids(body.ids))})


@internal.post("/batch")
def batch(request: Request, body: BatchIn):
    articles = [article_from_json(a) for a in body.articles]
    request.app.state.served.write(articles, {k: Counter(v) for k, v in body.site_lines.items()})
    return json_response({"stored": len(articles)})
