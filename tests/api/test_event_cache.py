"""The in-memory events index answers exactly what DuckDB answers, and sees each committed batch.

Every request is sent twice to the same app over the same store: once answered from the index,
once with the index set aside (``served.events = None``), which takes the DuckDB path. The
bodies and the cursor headers must be the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import timedelta

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def indexed(shared_store):
    from fastapi.testclient import TestClient

    from tidings.api.app import create_app

    app = create_app(str(shared_store), writable=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert app.state.served.wait_for_index() is not None
        yield client, app.state.served


def both(client, served, path: str, params: dict | str | None = None):
    """The answers from the index (straight from the fast path, and through FastAPI) and from
    DuckDB, which must be equal."""
    app = client.app
    cached = client.get(path, params=params)
    app.state.fast_events = False
    index, served.events = served.events, None
    try:
        plain = client.get(path, params=params)
        served.events = index
        routed = client.get(path, params=params)
    finally:
        served.events = index
        app.state.fast_events = True
    for other in (plain, routed):
        assert cached.status_code == other.status_code, (path, params, cached.text, other.text)
        assert cached.content == other.content, (path, params)
        assert cached.headers.get("x-next-cursor") == other.headers.get("x-next-cursor")
        assert cached.headers.get("content-type") == other.headers.get("content-type")
    return cached


FILTERS = [{}, {"type": "assault"}, {"type": "CONSULT"}, {"modality": "hypothetical"}, {"modality": "negated"},
           {"country": "prk"}, {"country": "USA", "modality": "asserted"}, {"actor": "Donald Trump"},
           {"actor": "donald trump", "type": "consult"}, {"source": "USA"}, {"target": "North Korea"},
           {"source": "USA", "target": "PRK"}, {"since": "2024-11-01"}, {"until": "2024-10-15"},
           {"since": "2024-01-01", "until": "2024-12-31", "country": "KOR"}, {"type": "NO-SUCH"},
           {"country": "ZZZ"}, {"actor": "Ünknown"}, {"min_confidence": 0.5}, {"min_confidence": 0},
           {"min_confidence": 1}, {"min_confidence": "0.3", "modality": "asserted"},
           {"min_confidence": 0.5, "source": "USA"}, {"min_confidence": 0.25, "since": "2024-11-01"}]
SORTS = [None, "date", "-date", "confidence", "-confidence", "score", "-score", "type", "-type", "start", "-start"]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: json.dumps(f))
def test_every_page_of_every_sort_equals_duckdb(indexed, filters):
    client, served = indexed
    for sort in SORTS:
        for limit in (3, 200):
            params = {**filters, "limit": limit, **({"sort": sort} if sort else {})}
            pages = 0
            while True:
                body = both(client, served, "/api/events", params).json()
                pages += 1
                if not body["next"] or pages > 12:
                    break
                params["cursor"] = body["next"]


def test_articles_and_csv_equal_duckdb(indexed):
    client, served = indexed
    events = both(client, served, "/api/events", {"limit": 200}).json()["items"]
    for article in sorted({e["article_id"] for e in events})[:5]:
        both(client, served, "/api/events", {"article": article, "sort": "start"})
    for sort in ("-date", "type", "-score"):
        params = {"format": "csv", "limit": 5, "sort": sort}
        for _ in range(4):
            r = both(client, served, "/api/events", params)
            if not r.headers.get("x-next-cursor"):
                break
            params["cursor"] = r.headers["x-next-cursor"]


def cursor(*parts) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(parts)).encode()).decode().rstrip("=")


def test_odd_cursors_get_the_answers_of_duckdb(indexed):
    client, served = indexed
    for sort, key in [("-date", "2024-11-5"), ("-date", "2024-11-05"), ("-date", 20), ("date", "0001-01-01"),
                      ("confidence", "0.5"), ("confidence", 0.5), ("-confidence", 1), ("start", 12.5),
                      ("start", 100), ("start", "7"), ("type", "CONSULT"), ("type", "B"), ("-type", 3),
                      ("-score", -3.5), ("score", True)]:
        both(client, served, "/api/events", {"sort": sort, "limit": 5, "cursor": cursor(sort, key, "0")})
        both(client, served, "/api/events", {"sort": sort, "limit": 5, "cursor": cursor(sort, key, "zzzz")})
    both(client, served, "/api/events", {"sort": "type", "cursor": cursor("-date", "2024-11-05", "a")})
    both(client, served, "/api/events", {"cursor": "%%%garbage"})
    both(client, served, "/api/events", {"source": "Atlantis"})


def test_odd_queries_get_the_answers_fastapi_gives(indexed):
    client, served = indexed
    for query in ["limit=050", "limit=+5", "limit=0", "limit=201", "limit=", "limit=2&limit=3", "type=&limit=4",
                  "modality=", "modality=ASSERTED", "sort=", "sort=-colour", "format=xml", "format=csv&limit=2",
                  "type=" + "x" * 201, "type=" + "x" * 200, "country=pr%6B&limit=3", "actor=%C3%BC", "unknown=1&limit=2",
                  "since=2024-11-01&limit=2", "until=0", "search=missile&limit=3", "source=USA&limit=2",
                  "cursor=" + "a" * 513, "cursor=%%%", "limit=%F0%9F%98%80", "=x&limit=2", "&&limit=2",
                  "min_confidence=", "min_confidence=1.5", "min_confidence=-0", "min_confidence=nan",
                  "min_confidence=5e-1&limit=3", "min_confidence=0.5&min_confidence=0.9", "min_confidence=.5"]:
        both(client, served, "/api/events?" + query)
    for path in ["/api/events/", "/api/events//x", "/api/events/" + "x" * 201, "/api/events/%20", "/api/eventsX"]:
        both(client, served, path)


def test_min_confidence_at_each_stored_confidence_equals_duckdb(indexed):
    """Every confidence the store holds is a boundary: the index keeps it, as SQL's >= does."""
    client, served = indexed
    confidences = sorted({float(c) for c in served.events.columns["confidence"]})
    assert len(confidences) > 1
    everything = both(client, served, "/api/events", {"limit": 200}).json()["items"]
    for value in confidences:
        body = both(client, served, "/api/events", {"min_confidence": repr(value), "limit": 200}).json()
        assert [e["id"] for e in body["items"]] == [e["id"] for e in everything if e["confidence"] >= value]
        both(client, served, "/api/events", {"min_confidence": repr(value), "limit": 4, "sort": "-confidence"})


def test_every_event_detail_equals_duckdb(indexed):
    client, served = indexed
    ids = list(served.events.position)
    assert len(ids) > 50
    for event_id in ids:
        both(client, served, f"/api/events/{event_id}")
    for missing in ("no-such-event", ids[0][:-1], ids[0] + "0"):
        assert both(client, served, f"/api/events/{missing}").status_code == 404


def copy_of(articles, tag: str):
    """The examples' articles with all their records under new ids (as bench/api.py builds its store)."""
    from tidings.model import Article, Event, Sentence

    batch = []
    for a in articles:
        new_id = hashlib.sha256(f"{a['article']['id']}:{tag}".encode()).hexdigest()[:16]
        art = Article(**dict(a["article"], id=new_id, text=a["article"]["text"] + f"\n[{tag}]",
                             origin=f"test:{tag}", published=a["article"]["published"] + timedelta(days=1)))
        art.sentences = [Sentence(**dict(s, article_id=new_id, id=new_id + s["id"][16:])) for s in a["sentences"]]
        art.events = [Event(**dict(e, article_id=new_id, id=new_id + e["id"][16:])) for e in a["events"]]
        batch.append(art)
    return batch


def test_a_committed_batch_is_in_the_next_answer(store_copy):
    from fastapi.testclient import TestClient

    from tidings.api.app import create_app

    app = create_app(str(store_copy))
    with TestClient(app, raise_server_exceptions=False) as client:
        served = app.state.served
        before = served.wait_for_index()
        assert before is not None
        source = served.rows("SELECT * EXCLUDE (n_words, ingested_at) FROM articles WHERE published IS NOT NULL"
                             " AND id IN (SELECT article_id FROM events) ORDER BY id LIMIT 2")
        records = [{"article": a,
                    "sentences": served.rows("SELECT * FROM sentences WHERE article_id = $1", [a["id"]]),
                    "events": served.rows("SELECT * FROM events WHERE article_id = $1", [a["id"]])} for a in source]
        batch = copy_of(records, "later")
        served.write(batch)
        after = served.events
        assert after is not None and after is not before and len(after) == len(before) + sum(
            len(r["events"]) for r in records)
        new_ids = [e.id for a in batch for e in a.events]
        for event_id in new_ids:
            assert both(client, served, f"/api/events/{event_id}").json()["id"] == event_id
        listed = {e["id"] for e in both(client, served, "/api/events", {"article": batch[0].id}).json()["items"]}
        assert listed == {e.id for e in batch[0].events}
        for sort in ("-date", "type", "-score", "start"):
            params = {"sort": sort, "limit": 50}
            while True:
                body = both(client, served, "/api/events", params).json()
                if not body["next"]:
                    break
                params["cursor"] = body["next"]


def test_an_index_grown_batch_by_batch_equals_one_built_at_once(indexed):
    from tidings.api import event_cache
    from tidings.api.event_index import EventIndex

    client, served = indexed
    rows = event_cache.load(served)
    whole = EventIndex.build(rows, 0)
    by_article: dict[str, list] = {}
    for row in rows:
        by_article.setdefault(row[1].article_id, []).append(row)
    articles = sorted(by_article)
    grown = EventIndex.build([r for a in articles[:3] for r in by_article[a]], 0)
    for start in range(3, len(articles), 7):
        grown = grown.appended([r for a in articles[start:start + 7] for r in by_article[a]], 1)
    assert sorted(grown.keys) == sorted(whole.keys)
    for name, order in whole.orders.items():
        assert [grown.keys[i] for i in grown.orders[name].perm] == [whole.keys[i] for i in order.perm], name
        assert grown.orders[name].keys.tolist() == order.keys.tolist(), name
    for facet, by in whole.postings.items():
        assert set(by) == set(grown.postings[facet])
        for key, positions in by.items():
            assert sorted(whole.keys[i] for i in positions) == sorted(grown.keys[i] for i in grown.postings[facet][key])
    assert all(grown.detail(k) == whole.detail(k) for k in whole.keys)
    with pytest.raises(ValueError):
        grown.appended(by_article[articles[0]], 2)
