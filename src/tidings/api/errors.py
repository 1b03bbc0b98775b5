"""One error shape for every failure the API reports: ``{"error": {"code", "message", "field"}}``.

Clients never see a stack trace: anything unexpected is logged here and answered with
``internal_error``.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import TidingsError

log = logging.getLogger("tidings.api")

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         406: "not_acceptable", 409: "conflict", 413: "too_large", 415: "unsupported_media_type",
         422: "invalid_parameter", 429: "too_many_requests", 500: "internal_error", 503: "unavailable"}


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    """An error meant for the client: HTTP status, a stable code, a message, the offending field."""

    def __init__(self, status: int, message: str, *, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.field = field


def not_found(what: str, key: str, field: str | None = None) -> ApiError:
    return ApiError(404, f"no {what} {key!r}", field=field)


def error_response(status: int, code: str, message: str, field: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "field": field}}, status_code=status,
                        headers=headers)


def _field(loc: tuple) -> str | None:
    """The parameter a validation error is about: ``("query", "limit")`` -> ``limit``."""
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    return ".".join(parts) or None


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the one error shape."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "X-API-Key"} if exc.status == 401 else None
        return error_response(exc.status, exc.code, exc.message, exc.field, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        field = _field(tuple(first.get("loc", ())))
        message = first.get("msg", "invalid request")
        if field:
            message = f"{field}: {message}"
        return error_response(422, "invalid_parameter", message, field)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, CODES.get(exc.status_code, "error"), message,
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(TidingsError)
    async def tidings_error(request: Request, exc: TidingsError) -> JSONResponse:
        return error_response(400, "bad_request", str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "internal error; the server log has the details")
