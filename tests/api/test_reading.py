"""The read API over the examples' store: filters, sorting, cursor pages, CSV, one error shape."""

from __future__ import annotations

import csv
import io
import json

import pytest

pytestmark = pytest.mark.slow


def walk(client, path, **params):
    """Every item of a listing, following the cursor page by page."""
    items, cursor = [], None
    for _ in range(1000):
        r = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        cursor = body["next"]
        if not cursor:
            return items
    raise AssertionError("the cursor never ended")


def test_cursor_pages_cover_every_article_once_in_order(client):
    everything = client.get("/api/articles", params={"limit": 200}).json()["items"]
    paged = walk(client, "/api/articles", limit=3)
    assert [a["id"] for a in paged] == [a["id"] for a in everything]
    assert len({a["id"] for a in paged}) == len(paged) == client.get("/api/meta").json()["counts"]["articles"]
    dates = [a["published"] or "" for a in paged]
    assert dates == sorted(dates, reverse=True)


def test_every_sort_pages_without_repeats(client):
    for path, sorts in {"/api/events": ["date", "-date", "confidence", "-score", "type"],
                        "/api/actors": ["-mentions", "name", "-articles"],
                        "/api/articles": ["title", "-n_words", "ingested_at"]}.items():
        n = len(client.get(path, params={"limit": 200}).json()["items"])
        for sort in sorts:
            ids = [x["id"] for x in walk(client, path, limit=4, sort=sort)]
            assert len(ids) == len(set(ids)) == n, (path, sort)


def test_event_filters_narrow_the_list(client):
    events = client.get("/api/events", params={"limit": 200}).json()["items"]
    assert len(events) > 20
    assert {e["modality"] for e in client.get("/api/events", params={"modality": "hypothetical", "limit": 200}).json()["items"]} == {"hypothetical"}
    assert {e["type"] for e in client.get("/api/events", params={"type": "assault", "limit": 200}).json()["items"]} == {"ASSAULT"}
    prk = client.get("/api/events", params={"country": "PRK", "limit": 200}).json()["items"]
    assert prk and all(any(x["country"] == "PRK" for x in e["sources"] + e["targets"]) for e in prk)
    directed = client.get("/api/events", params={"source": "USA", "target": "North Korea", "limit": 200}).json()["items"]
    assert directed and all(any(x["country"] == "USA" for x in e["sources"]) and
                            any(x["country"] == "PRK" for x in e["targets"]) for e in directed)
    hits = client.get("/api/events", params={"search": "missile", "limit": 200}).json()["items"]
    assert hits and all("missile" in e["sentence_text"].lower() for e in hits)
    since = client.get("/api/events", params={"since": "2024-11-01", "limit": 200}).json()["items"]
    assert since and all((e["date"] or e["published"]) >= "2024-11-01" for e in since)


def test_min_confidence_keeps_exactly_the_events_at_or_above_it(client):
    everything = walk(client, "/api/events", limit=200)
    confidences = sorted({e["confidence"] for e in everything})
    assert len(confidences) > 1
    for value in (0, 0.5, confidences[len(confidences) // 2], confidences[-1], 1):
        for params in ({}, {"search": "a"}):  # the index (once built) answers the first, DuckDB the second
            kept = walk(client, "/api/events", limit=7, min_confidence=value, **params)
            wanted = walk(client, "/api/events", limit=200, **params)
            assert [e["id"] for e in kept] == [e["id"] for e in wanted if e["confidence"] >= value], (value, params)
    top = walk(client, "/api/events", limit=200, min_confidence=confidences[-1])
    assert top and all(e["confidence"] == confidences[-1] for e in top)


def test_an_out_of_range_min_confidence_gets_the_one_error_shape(client):
    for value in ("1.5", "-0.1", "high", "nan", "inf"):
        for extra in ({}, {"search": "a"}):
            r = client.get("/api/events", params={"min_confidence": value, **extra})
            assert r.status_code == 422, (value, r.text)
            error = r.json()["error"]
            assert r.json() == {"error": {"code": "invalid_parameter", "message": error["message"],
                                          "field": "min_confidence"}}
            assert error["message"].startswith("min_confidence: ") and "Traceback" not in r.text


def test_event_detail_holds_its_sentence_with_trigger_and_roles_inside(client):
    listed = client.get("/api/events", params={"limit": 5}).json()["items"]
    for row in listed:
        e = client.get(f"/api/events/{row['id']}").json()
        s, base = e["sentence_text"], e["sentence_start"]
        assert s[e["start"] - base:e["end"] - base] == e["trigger"]
        for actor in e["sources"] + e["targets"]:
            if actor["start"] is not None and base <= actor["start"] < base + len(s):
                assert s[actor["start"] - base:actor["end"] - base] == actor["text"]
        assert e["score"] is not None and e["quad"] in (1, 2, 3, 4)


def test_article_detail_has_text_residue_sentences_and_records(client):
    first = client.get("/api/articles", params={"status": "processed", "limit": 1}).json()["items"][0]
    a = client.get(f"/api/articles/{first['id'][:8]}").json()
    assert a["id"] == first["id"] and a["text"] and isinstance(a["removed"], list)
    assert all(a["text"][s["start"]:s["end"]] == s["text"] for s in a["sentences"])
    assert all(a["text"][m["start"]:m["end"]] == m["text"] for m in a["actor_mentions"])
    assert all(e["article_id"] == a["id"] for e in a["events"])
    assert all(a["text"][q["start"]:q["end"]] == q["text"] for q in a["quotes"])


def test_actor_page_has_codes_spellings_mentions_and_counterparts(client):
    prk = client.get("/api/actors/PRK").json()
    assert prk["country"] == "PRK" and prk["mentions"] > 5 and prk["spellings"]
    assert all(m["sentence"][m["start"] - m["sentence_start"]:m["end"] - m["sentence_start"]] == m["text"]
               for m in prk["recent_mentions"])
    assert prk["counterparts"] and all(c["events"] == c["as_source"] + c["as_target"] for c in prk["counterparts"])
    assert client.get("/api/actors/north korea").json()["id"] == "PRK"
    assert client.get("/api/actors", params={"country": "prk", "limit": 200}).json()["items"][0]["country"] == "PRK"


def test_quotes_claims_and_predictions_list(client):
    quotes = client.get("/api/quotes", params={"limit": 200}).json()["items"]
    assert quotes and all(q["text"] for q in quotes)
    kinds = {c["kind"] for c in client.get("/api/claims", params={"kind": "prediction", "limit": 200}).json()["items"]}
    assert kinds == {"prediction"}
    preds = client.get("/api/predictions", params={"limit": 200}).json()["items"]
    assert preds and all("outcome" in p and isinstance(p["about"], list) for p in preds)
    open_ = client.get("/api/predictions", params={"outcome": "false", "limit": 200}).json()["items"]
    assert all(p["outcome"] is None for p in open_)


def test_csv_has_the_columns_and_json_lists(client):
    r = client.get("/api/events", params={"format": "csv", "limit": 3})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 3 and "x-next-cursor" in r.headers
    assert isinstance(json.loads(rows[0]["sources"]), list)
    empty = client.get("/api/events", params={"format": "csv", "type": "NO-SUCH-TYPE"})
    assert empty.text.startswith("id,article_id,")


def test_every_error_has_one_shape(client):
    cases = [("/api/articles/nothing-like-this", 404, "not_found", "id"),
             ("/api/events?limit=0", 422, "invalid_parameter", "limit"),
             ("/api/events?limit=9999", 422, "invalid_parameter", "limit"),
             ("/api/events?sort=colour", 422, "invalid_parameter", "sort"),
             ("/api/events?cursor=%%%garbage", 400, "invalid_cursor", "cursor"),
             ("/api/events?since=yesterday", 422, "invalid_parameter", "since"),
             ("/api/events?source=Atlantis", 404, "not_found", "source"),
             ("/api/relations?a=USA&b=USA", 404, "not_found", "b"),
             ("/api/nowhere", 404, "not_found", None)]
    for url, status, code, field in cases:
        r = client.get(url)
        assert r.status_code == status, (url, r.text)
        assert r.json() == {"error": {"code": code, "message": r.json()["error"]["message"], "field": field}}, url
        assert "Traceback" not in r.text
    cursor = client.get("/api/events", params={"limit": 2, "sort": "-date"}).json()["next"]
    other = client.get("/api/events", params={"limit": 2, "sort": "type", "cursor": cursor})
    assert other.status_code == 400 and other.json()["error"]["field"] == "cursor"
    assert client.delete("/api/events").json()["error"]["code"] == "method_not_allowed"


def test_quotes_in_values_stay_values(client):
    """Filters are parameters: SQL in a value finds nothing and breaks nothing."""
    for value in ["' OR 1=1 --", "x'); DROP TABLE events; --", "%", "\\"]:
        r = client.get("/api/events", params={"search": value, "actor": value})
        assert r.status_code == 200 and r.json()["items"] == [] or value == "%"
    assert client.get("/api/meta").json()["counts"]["events"] > 0


def test_stories_answer_only_where_the_store_has_them(client):
    meta = client.get("/api/meta").json()
    r = client.get("/api/stories")
    if not meta["stories"]:
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_available"
        return
    stories = walk(client, "/api/stories", limit=2)
    assert stories and len({s["id"] for s in stories}) == len(stories)
    story = client.get(f"/api/stories/{stories[0]['id']}").json()
    assert story["articles"] and {"timeline", "quotes", "claims"} <= set(story)
    assert all(m["n_mentions"] >= 1 for m in story["timeline"])
    assert client.get("/api/stories/story-nothing").json()["error"]["code"] == "not_found"


def test_a_store_without_stories_says_so(store_copy):
    import duckdb
    from fastapi.testclient import TestClient

    from tidings.api.app import create_app

    con = duckdb.connect(str(store_copy))
    for table in ("story_articles", "stories"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    con.close()
    with TestClient(create_app(str(store_copy))) as c:
        assert c.get("/api/meta").json()["stories"] is False
        r = c.get("/api/stories/anything")
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_available"


def test_meta_gives_the_verifiers_high_precision_and_strict_settings(client):
    # the dashboard offers it as the first minimum confidence, so a refitted verifier needs no code change
    import json

    from tidings.events.classifier import MODEL_DIR

    shipped = json.loads((MODEL_DIR / "verifier.json").read_text(encoding="utf-8"))
    meta = client.get("/api/meta").json()
    assert meta["precise_confidence"] == shipped["precise_from"]
    assert meta["strict_confidence"] == shipped["strict_from"] > shipped["precise_from"]
