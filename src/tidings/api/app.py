"""The FastAPI application: the read API, the writes, the relations series and the dashboard.

``create_app(db)`` builds it over one store; ``tidings serve`` runs it with uvicorn. With one
worker the server holds the store writable and is the only writer (``served``); with several,
each worker reads the store read-only. Interactive API docs are at ``/docs``.
"""

from __future__ import annotations

import logging
import os
from contextlib import asynccontextmanager
from importlib import resources
from typing import Annotated, Literal

from fastapi import FastAPI, Query, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import TidingsError
from ..events.verify import precise_from, strict_from
from . import errors, handoff
from .errors import ApiError, ErrorResponse
from .events import MinConfidence
from .events import router as events_router
from .fast_events import EventsFastPath
from .paging import csv_response, json_response
from .records import ERRORS, served
from .records import router as records_router
from .relations import UnknownSide, busiest_pair, relations
from .schemas import Meta, Relations
from .served import ServedStore
from .stories import router as stories_router
from .write import Parser, internal
from .write import router as write_router

log = logging.getLogger("tidings.api")
MAX_BODY = 50_000_000
STATIC = resources.files("tidings.web").joinpath("static")


class LimitBody:
    """Refuse a request whose declared body is over MAX_BODY bytes (a plain ASGI middleware:
    Starlette's ``BaseHTTPMiddleware`` costs more than an event detail answered from memory)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            for name, value in scope["headers"]:
                if name == b"content-length":
                    if value and (not value.isdigit() or int(value) > MAX_BODY):
                        response = errors.error_response(413, "too_large", f"request body over {MAX_BODY} bytes")
                        await response(scope, receive, send)
                        return
                    break
        await self.app(scope, receive, send)


def create_app(db: str, *, api_key: str | None = None, writable: bool = True, url: str | None = None) -> FastAPI:
    """The application over the store ``db``. ``url`` is where it is served, for the sidecar
    that lets `tidings ingest` hand its batches over (see ``handoff``)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.served = ServedStore(db, writable=writable)
        app.state.parser = Parser()
        app.state.ingest_token = handoff.announce(db, url) if (writable and url) else None
        try:
            yield
        finally:
            if app.state.ingest_token:
                handoff.withdraw(db)
            app.state.parser.close()
            app.state.served.close()

    app = FastAPI(title="Tidings", version=__version__, lifespan=lifespan, docs_url="/docs",
                  description="Articles, actors, events, quotes, claims, predictions and relations "
                              "from a Tidings store. Every error is `{\"error\": {code, message, field}}`.")
    app.state.api_key = api_key or None
    errors.install(app)

    app.add_middleware(EventsFastPath)
    app.add_middleware(LimitBody)

    app.include_router(records_router)
    app.include_router(events_router)
    app.include_router(write_router)
    app.include_router(internal)
    app.include_router(stories_router)

    @app.get("/api/meta", response_model=Meta, tags=["meta"])
    def meta(request: Request):
        """What the store holds, whether the server takes writes, and which views it has."""
        store = served(request)

        def figures() -> dict:
            row = store.one(
                "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,"
                " (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM quotes) AS quotes,"
                " (SELECT count(*) FROM claims) AS claims, strftime(min(published), '%Y-%m-%d') AS first,"
                " strftime(max(published), '%Y-%m-%d') AS last FROM articles")
            first, last = row.pop("first"), row.pop("last")
            return {"schema_version": store.schema_version, "counts": row, "published_from": first,
                    "published_to": last, "busiest_pair": busiest_pair(store.rows),
                    "stories": store.has("stories", "story_articles", "merged_events", "event_mentions")}

        return json_response({"name": "Tidings", "version": __version__,
                              "writable": bool(store.writable and request.app.state.api_key),
                              "precise_confidence": precise_from(), "strict_confidence": strict_from(),
                              **store.cached("meta", figures)})

    def _relations(request: Request, a: str, b: str, by: str, min_confidence: float | None = None) -> dict:
        """The series of a pair, computed once per committed state of the store (and filter)."""
        store = served(request)
        try:
            return store.cached(("relations", a.lower(), b.lower(), by, min_confidence),
                                lambda: relations(store.rows, a, b, by, min_confidence))
        except UnknownSide as exc:
            raise ApiError(404, str(exc), field=exc.field) from None

    @app.get("/api/relations", response_model=Relations, tags=["relations"],
             responses={**ERRORS, 200: {"content": {"text/csv": {"schema": {"type": "string"}}}}})
    def get_relations(request: Request, a: Annotated[str, Query(min_length=1, max_length=200)],
                      b: Annotated[str, Query(min_length=1, max_length=200)],
                      by: Literal["month", "week"] = "month", min_confidence: MinConfidence = None,
                      format: Literal["json", "csv"] = "json"):
        """The conflict-cooperation series between two actors or countries, each direction apart:
        per period the mean PLOVER score of their asserted events (`total` the sum); hypothetical
        events and predictions about both apart, never in the score. `min_confidence` keeps only
        the events at least that confident (`precise_confidence` in /api/meta: the high-precision setting) in the series, the
        hypothetical events and `undated`; predictions are unaffected. Click-through: the events of
        a point are `/api/events?source=A&target=B&modality=asserted&since=..&until=..` (with the
        same `min_confidence`)."""
        data = _relations(request, a, b, by, min_confidence)
        if format == "csv":
            return csv_response(data["series"], ["period", "direction", "score", "total", "events", "cooperation",
                                                 "conflict"])
        return json_response(data)

    @app.get("/api/relations/chart", tags=["relations"], responses=ERRORS)
    def get_relations_chart(request: Request, a: Annotated[str, Query(min_length=1, max_length=200)],
                            b: Annotated[str, Query(min_length=1, max_length=200)],
                            by: Literal["month", "week"] = "month", min_confidence: MinConfidence = None,
                            format: Literal["vega-lite", "vega"] = "vega-lite") -> dict:
        """The same series as a Vega-Lite spec (data inline; the series itself in `usermeta`), as
        `tidings relations --plot` renders it; `format=vega` gives it compiled to Vega, as the
        dashboard draws it (with Vega alone). `min_confidence` as for `/api/relations`."""
        from ..web.charts import relations_spec, vega_spec

        rel = _relations(request, a, b, by, min_confidence)
        return json_response(vega_spec(rel) if format == "vega" else relations_spec(rel))

    @app.get("/api/health", include_in_schema=False)
    def health():
        return {"ok": True}

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(str(STATIC.joinpath("index.html")), headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    def openapi() -> dict:
        """The schema, with the one error shape in place of FastAPI's validation error."""
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        ref = {"$ref": "#/components/schemas/ErrorResponse"}
        components.setdefault("ErrorResponse", ErrorResponse.model_json_schema(ref_template="#/components/schemas/{model}"))
        for name, sub in ErrorResponse.model_json_schema(ref_template="#/components/schemas/{model}").get("$defs", {}).items():
            components.setdefault(name, sub)
        components["ErrorResponse"].pop("$defs", None)
        for path in schema.get("paths", {}).values():
            for op in path.values():
                responses = op.get("responses", {})
                if "422" in responses:
                    responses["422"] = {"description": "Invalid parameter", "content": {"application/json": {"schema": ref}}}
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def from_environment() -> FastAPI:
    """The app for uvicorn's worker processes, configured by ``tidings serve`` through the environment."""
    return create_app(os.environ["TIDINGS_SERVE_DB"], api_key=os.environ.get("TIDINGS_API_KEY") or None,
                      writable=os.environ.get("TIDINGS_SERVE_WRITABLE", "1") == "1",
                      url=os.environ.get("TIDINGS_SERVE_URL") or None)


__all__ = ["create_app", "from_environment", "TidingsError", "Response"]
