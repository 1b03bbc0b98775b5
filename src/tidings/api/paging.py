"""Sorting and cursor pagination over a SQL listing, and the page as JSON or CSV.

A listing is a SELECT whose rows have an ``id``; a sort names a non-null SQL expression over
those rows. Pages are cut by keyset: the cursor holds the sort key and id of the last row
sent, so a page is as cheap at row 100,000 as at row 0 and rows added meanwhile neither
repeat nor shift a page.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import orjson
from fastapi import Response

from .errors import ApiError
from .served import ServedStore

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class SortKey:
    expr: str      # SQL over the listing's columns (alias t), never null
    sqltype: str   # DATE, VARCHAR, DOUBLE, BIGINT
    column: str = ""  # a column the keys query computes only for this sort (its ``{extra}`` slot)


@dataclass(frozen=True)
class Listing:
    """``sql`` selects the records, with a ``{where}`` slot for the filters. Where the records
    are costly to build (lists of structs, computed scores), ``keys`` selects only what the
    filters and sorts need, with the same slot, and ``id_column`` names the id in ``sql``: the
    page is cut from ``keys`` and only its rows are then built."""

    sql: str
    sorts: dict[str, SortKey]
    default: str              # a sort name, '-' in front for descending
    keys: str | None = None
    id_column: str | None = None

    def sort_names(self) -> list[str]:
        return [p + name for name in self.sorts for p in ("-", "")]


def encode_cursor(sort: str, key: Any, row_id: str) -> str:
    if isinstance(key, (date, datetime)):
        key = key.isoformat()
    raw = json.dumps([sort, key, row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, key, row_id = json.loads(raw)
        if not isinstance(row_id, str) or not isinstance(key, (str, int, float)) or isinstance(key, bool):
            raise ValueError
    except (ValueError, TypeError, UnicodeDecodeError):
        raise ApiError(400, "cursor is not one this server gave out; start again without it",
                       code="invalid_cursor", field="cursor") from None
    if name != sort:
        raise ApiError(400, f"cursor belongs to sort {name!r}, not {sort!r}", code="invalid_cursor", field="cursor")
    return key, row_id


def page(served: ServedStore, listing: Listing, where: list[str], params: dict[str, Any], *,
         sort: str | None, limit: int, cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of the listing: rows and the cursor of the next page (None on the last)."""
    sort = sort or listing.default
    name = sort.lstrip("-")
    if name not in listing.sorts:
        raise ApiError(422, f"sort must be one of {', '.join(listing.sort_names())}", field="sort")
    key = listing.sorts[name]
    descending = sort.startswith("-")
    op, direction = ("<", "DESC") if descending else (">", "ASC")
    params = dict(params)
    keyset = ""
    if cursor:
        params["_k"], params["_id"] = decode_cursor(cursor, sort)
        keyset = (f"WHERE (u._key {op} CAST($_k AS {key.sqltype})"
                  f" OR (u._key = CAST($_k AS {key.sqltype}) AND u.id {op} $_id))")
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    inner = (listing.keys or listing.sql).format(where=clause, extra=f", {key.column}" if key.column else "")
    sql = (f"SELECT * FROM (SELECT t.*, {key.expr} AS _key FROM ({inner}) t) u {keyset}"
           f" ORDER BY u._key {direction}, u.id {direction} LIMIT {int(limit) + 1}")
    try:
        rows = served.rows(sql, params)
    except Exception as exc:  # a cursor value the sort's type cannot hold
        if cursor and "Conversion Error" in str(exc):
            raise ApiError(400, "cursor does not fit this listing", code="invalid_cursor", field="cursor") from None
        raise
    if listing.keys and rows:
        built = {r["id"]: r for r in served.rows(
            listing.sql.format(where=f"WHERE {listing.id_column} IN (SELECT unnest($ids))"),
            {"ids": [r["id"] for r in rows]})}
        rows = [{**built[r["id"]], "_key": r["_key"]} for r in rows if r["id"] in built]
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(sort, rows[-1]["_key"], rows[-1]["id"]) if more and rows else None
    for row in rows:
        del row["_key"]
    return rows, next_cursor


def _default(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(data, default=_default, option=orjson.OPT_NON_STR_KEYS), status_code=status,
                    media_type="application/json", headers=headers)


def csv_cell(value: Any) -> Any:
    """CSV keeps lists and objects as JSON text, as the export does."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return orjson.dumps(value, default=_default).decode()
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def csv_response(rows: list[dict[str, Any]], columns: list[str] | None = None,
                 headers: dict[str, str] | None = None) -> Response:
    buf = io.StringIO()
    names = columns or (list(rows[0]) if rows else [])
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([csv_cell(row.get(n)) for n in names])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def listing_response(rows: list[dict[str, Any]], next_cursor: str | None, fmt: str, limit: int,
                     columns: list[str] | None = None) -> Response:
    """A page as ``{"items", "next", "limit"}`` or as CSV with the next cursor in ``X-Next-Cursor``."""
    if fmt == "csv":
        return csv_response(rows, columns, {"X-Next-Cursor": next_cursor} if next_cursor else None)
    return json_response({"items": rows, "next": next_cursor, "limit": limit})
