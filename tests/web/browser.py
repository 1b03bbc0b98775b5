"""Headless Chromium for the browser tests and bench/api.py: Debian's `chromium` and
`chromium-driver` through Selenium, with no network services of its own (no component updates,
no sync, no background fetches) and the profile it is given."""

from __future__ import annotations

import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def installed() -> bool:
    return CHROMIUM.exists() and DRIVER.exists()


def chromium_driver(profile: Path | str):
    """A headless Chromium driven by Selenium, 1280 x 900, with its own profile folder."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={profile}", "--window-size=1280,900"]:
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service(str(DRIVER)))


def open_view(driver, url: str, timeout: float = 60.0) -> float:
    """Open a dashboard URL and wait until the view says it is ready; the time to interactive
    (ms from navigation start to the view being drawn with its data)."""
    driver.get("about:blank")
    driver.get(url)
    return wait_ready(driver, timeout)


def unready(driver) -> None:
    """Forget the page's last ready mark before an action, so that ``wait_ready`` waits for the
    action's own render rather than returning on the mark the previous view left."""
    driver.execute_script("if (document.body) delete document.body.dataset.ready;")


def wait_ready(driver, timeout: float = 60.0) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = driver.execute_script("return document.body && document.body.dataset.ready ? window.tidingsReadyAt : null")
        if ready is not None:
            return float(ready)
        time.sleep(0.02)
    raise AssertionError(f"{driver.current_url} never became ready")
