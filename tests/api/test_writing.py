"""Writing through the server: POST /api/articles with the key, and `tidings ingest` handing its
batches to a server that holds the store, while reads go on and never see half a batch."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import httpx
import pytest


from .live import API_KEY, start_server, stop_server

pytestmark = pytest.mark.slow

NEW = [
    {"title": "Seoul and Tokyo hold talks on missile alerts",
     "text": "South Korea and Japan held talks in Tokyo on Monday on sharing missile warning data.\n\n"
             "The two governments agreed to meet again next month, officials said.",
     "published": "2024-11-20", "source": "Test Wire", "url": "https://example.org/test/seoul-tokyo"},
    {"title": "Pyongyang fires artillery near the border",
     "text": "North Korea fired artillery shells near its western sea border on Tuesday, the South Korean "
             "military said.\n\nSouth Korea condemned the firing and urged the North to stop.",
     "published": "2024-11-21", "source": "Test Wire"},
]


def test_a_server_without_a_key_is_read_only(client):
    r = client.post("/api/articles", json=NEW[0])
    assert r.status_code == 403 and r.json()["error"]["code"] == "read_only"


def test_posting_needs_the_right_key_and_a_text(store_copy):
    from fastapi.testclient import TestClient

    from tidings.api.app import create_app

    with TestClient(create_app(str(store_copy), api_key=API_KEY)) as c:
        assert c.post("/api/articles", json=NEW[0]).status_code == 401
        wrong = c.post("/api/articles", json=NEW[0], headers={"X-API-Key": "not-it"})
        assert wrong.status_code == 401 and wrong.json()["error"]["field"] == "X-API-Key"
        empty = c.post("/api/articles", json={"title": "nothing"}, headers={"X-API-Key": API_KEY})
        assert empty.status_code == 422 and empty.json()["error"]["code"] == "invalid_parameter"
        many = c.post("/api/articles", json=[NEW[0]] * 101, headers={"X-API-Key": API_KEY})
        assert many.status_code == 413


def counts(url: str) -> tuple[int, int]:
    c = httpx.get(url + "/api/meta", timeout=30).json()["counts"]
    return c["articles"], c["events"]


def test_reads_go_on_while_a_posted_batch_is_parsed_and_stored(live_server):
    url, _ = live_server
    before = counts(url)
    answer: dict = {}

    def post() -> None:
        answer["r"] = httpx.post(url + "/api/articles", json=NEW, headers={"X-API-Key": API_KEY}, timeout=300)

    writer = threading.Thread(target=post)
    writer.start()
    latencies, seen = [], set()
    while writer.is_alive():
        started = time.perf_counter()
        r = httpx.get(url + "/api/events", params={"limit": 20}, timeout=30)
        latencies.append(time.perf_counter() - started)
        assert r.status_code == 200
        seen.add(counts(url))
    writer.join()
    r = answer["r"]
    assert r.status_code == 201, r.text
    assert len(r.json()["added"]) == 2 and not r.json()["failed"]
    after = counts(url)
    assert after[0] == before[0] + 2 and after[1] > before[1]
    assert seen <= {before, after}, "a reader saw half a batch"
    latencies.sort()
    # the reads never stop: most answer at once, none waits for the parse (seconds) to finish
    assert len(latencies) > 5 and latencies[len(latencies) // 2] < 1.0 and latencies[-1] < 10, latencies
    stored = httpx.get(url + f"/api/articles/{r.json()['added'][0]}", timeout=30).json()
    assert stored["title"] == NEW[0]["title"] and stored["sentences"] and stored["published"] == "2024-11-20"
    again = httpx.post(url + "/api/articles", json=NEW[0], headers={"X-API-Key": API_KEY}, timeout=300)
    assert again.status_code == 200 and again.json()["duplicates"] == r.json()["added"][:1]


def test_ingest_hands_its_batches_to_the_running_server(live_server, tmp_path):
    url, db = live_server
    sidecar = db.with_name(db.name + ".serve.json")
    assert json.loads(sidecar.read_text())["url"] == url
    wire = tmp_path / "wire.jsonl"
    wire.write_text("\n".join(json.dumps(a) for a in NEW) + "\n")
    before = counts(url)
    done = subprocess.run([sys.executable, "-m", "tidings", "ingest", str(wire), "--db", str(db), "-q"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert counts(url)[0] == before[0] + 2
    titles = {a["title"] for a in httpx.get(url + "/api/articles", params={"source": "Test Wire"}, timeout=30).json()["items"]}
    assert titles == {a["title"] for a in NEW}


def test_the_sidecar_goes_when_the_server_stops(store_copy):
    proc, url = start_server(store_copy, api_key=API_KEY)
    sidecar = store_copy.with_name(store_copy.name + ".serve.json")
    assert sidecar.exists() and oct(sidecar.stat().st_mode & 0o777) == "0o600"
    stop_server(proc)
    assert not sidecar.exists()


def test_several_workers_serve_the_store_read_only(store_copy):
    proc, url = start_server(store_copy, "--workers", "2", api_key=API_KEY)
    try:
        assert httpx.get(url + "/api/meta", timeout=30).json()["writable"] is False
        r = httpx.post(url + "/api/articles", json=NEW[0], headers={"X-API-Key": API_KEY}, timeout=30)
        assert r.status_code == 403 and r.json()["error"]["code"] == "read_only"
        assert httpx.get(url + "/api/events", timeout=30).status_code == 200
    finally:
        stop_server(proc)
