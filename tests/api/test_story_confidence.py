"""`GET /api/stories/{id}`: each merged event of the timeline carries its confidence (its most
confident mention's) and `min_confidence` filters them, with the one error shape out of range."""

from __future__ import annotations

import shutil

import pytest

pytestmark = pytest.mark.slow

STORY = "story-19875f5ab43b"


@pytest.fixture(scope="module")
def confident(confident_store, tmp_path_factory):
    """A client over a private copy of the store with set confidences, and the merged event set."""
    from fastapi.testclient import TestClient

    from tidings.api.app import create_app

    path = tmp_path_factory.mktemp("api-confident") / "served.duckdb"
    shutil.copy(confident_store[0], path)
    with TestClient(create_app(str(path)), raise_server_exceptions=False) as c:
        yield c, confident_store[1]


def _timeline(client, **params) -> list[dict]:
    r = client.get(f"/api/stories/{STORY}", params=params)
    assert r.status_code == 200, r.text
    return r.json()["timeline"]


def test_story_min_confidence_keeps_the_merged_events_at_least_that_confident(confident):
    client, merged = confident
    everything = _timeline(client)
    assert {e["id"]: e["confidence"] for e in everything}[merged] == 0.93
    middle = sorted(e["confidence"] for e in everything)[len(everything) // 2]
    for x in (0, 0.5, middle, 0.93, 0.931, 1):
        kept = _timeline(client, min_confidence=x)
        assert [e["id"] for e in kept] == [e["id"] for e in everything if e["confidence"] >= x], x
    assert 0 < len(_timeline(client, min_confidence=middle)) < len(everything)
    assert merged not in {e["id"] for e in _timeline(client, min_confidence=0.931)}


@pytest.mark.parametrize("value", ["2", "-0.1", "high", "nan"])
def test_an_out_of_range_min_confidence_gets_the_one_error_shape(confident, value):
    r = confident[0].get(f"/api/stories/{STORY}", params={"min_confidence": value})
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert r.json() == {"error": {"code": "invalid_parameter", "message": error["message"], "field": "min_confidence"}}
    assert error["message"].startswith("min_confidence: ") and "Traceback" not in r.text
