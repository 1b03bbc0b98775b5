"""A live `tidings serve` over the examples' store and headless Chromium driven by Selenium.

Chromium and its driver are Debian's packages (`chromium`, `chromium-driver`), which `make
test` installs when they are missing; the browser runs with no network services of its own
(no component updates, no sync, no background fetches) and a fresh profile each session.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from ..api.live import start_server, stop_server

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "img"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


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
    if not (CHROMIUM.exists() and DRIVER.exists()):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromium-driver are missing: `make test` installs them")
        pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="tidings-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={profile}", "--window-size=1280,900"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def browser(chromium):
    chromium.set_window_size(1280, 900)
    yield chromium


def open_view(driver, url: str, timeout: float = 60.0) -> float:
    """Open a dashboard URL and wait until the view says it is ready; the time to interactive
    (ms from navigation start to the view being drawn with its data)."""
    driver.get("about:blank")
    driver.get(url)
    return wait_ready(driver, timeout)


def wait_ready(driver, timeout: float = 60.0) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = driver.execute_script("return document.body && document.body.dataset.ready ? window.tidingsReadyAt : null")
        if ready is not None:
            return float(ready)
        time.sleep(0.05)
    raise AssertionError(f"{driver.current_url} never became ready")


def screenshot(driver, name: str) -> Path:
    DOCS.mkdir(parents=True, exist_ok=True)
    path = DOCS / name
    driver.save_screenshot(str(path))
    return path
