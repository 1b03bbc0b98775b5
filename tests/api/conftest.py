"""The API over a copy of the examples' store: in process (TestClient) and as a live server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .live import API_KEY, start_server, stop_server




@pytest.fixture
def store_copy(examples_store, tmp_path) -> Path:
    """A private copy of the examples' store, for tests that write or hold it."""
    path = tmp_path / "served.duckdb"
    shutil.copy(examples_store[0], path)
    return path


@pytest.fixture(scope="session")
def shared_store(examples_store, tmp_path_factory) -> Path:
    """A copy of the examples' store shared by the read-only tests of a session."""
    path = tmp_path_factory.mktemp("api") / "read.duckdb"
    shutil.copy(examples_store[0], path)
    return path


@pytest.fixture(scope="session")
def client(shared_store):
    from fastapi.testclient import TestClient

    from tidings.api.app import create_app

    with TestClient(create_app(str(shared_store)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def live_server(store_copy):
    """A writable live server (with an API key) over a private copy of the examples' store."""
    proc, url = start_server(store_copy, api_key=API_KEY)
    try:
        yield url, store_copy
    finally:
        stop_server(proc)
