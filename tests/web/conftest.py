"""A live `tidings serve` over the examples' store and headless Chromium driven by Selenium.

Chromium and its driver are Debian's packages (`chromium`, `chromium-driver`), which `make
test` installs when they are missing; the browser runs with no network services of its own
(no component updates, no sync, no background fetches) and a fresh profile each session.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from ..api.live import start_server, stop_server
from .browser import chromium_driver, installed

DOCS = Path(__file__).resolve().parents[2] / "docs" / "img"


@pytest.fixture(scope="session")
def dashboard(examples_store, tmp_path_factory):
    """The base URL of a live server over a copy of the examples' store."""
    path = tmp_path_factory.mktemp("web") / "dashboard.duckdb"
    shutil.copy(examples_store[0], path)
    proc, url = start_server(path)
    yield url
    stop_server(proc)


@pytest.fixture(scope="session")
def chromium():
    if not installed():
        if os.environ.get("CI"):
            pytest.fail("chromium and chromium-driver are missing: `make test` installs them")
        pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="tidings-chromium-")
    driver = chromium_driver(profile)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def browser(chromium):
    chromium.set_window_size(1280, 900)
    yield chromium


def screenshot(driver, name: str) -> Path:
    DOCS.mkdir(parents=True, exist_ok=True)
    path = DOCS / name
    driver.save_screenshot(str(path))
    return path
