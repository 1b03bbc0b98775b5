"""A live `tidings serve` in a subprocess on a free loopback port, for API and browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

API_KEY = "test-key-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, *args: str, api_key: str | None = None, timeout: float = 120.0):
    """`tidings serve` in a subprocess on a free loopback port; returns (process, base URL)."""
    import httpx

    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "TIDINGS_API_KEY"}
    if api_key:
        env["TIDINGS_API_KEY"] = api_key
    proc = subprocess.Popen([sys.executable, "-m", "tidings", "serve", "--db", str(db), "--port", str(port), *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"tidings serve exited: {proc.stdout.read()}")
        try:
            if httpx.get(url + "/api/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    stop_server(proc)  # SIGTERM first: the server ends its worker processes too
    raise RuntimeError("tidings serve did not answer in time")


def stop_server(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
