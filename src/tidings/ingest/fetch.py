"""Fetch one URL safely: the URL policy on every hop, redirects followed here, a total deadline, a size cap.

Each hop is resolved once, its addresses checked (``urlpolicy``), and the connection made to a
checked address while the Host header, TLS SNI and certificate check keep the host name. A
watchdog shuts the socket at the deadline, so a server that sends one byte now and then is cut
off in time. Environment proxies are not used: the address checked is the address connected to.
"""

from __future__ import annotations

import http.client
import math
import socket
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass

from ..errors import ConfigError, InputError
from .urlpolicy import Refused, Target, check_url, resolve

USER_AGENT = "tidings/0.1"
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchPolicy:
    """How URLs are fetched.

    timeout: seconds for one whole fetch (redirects, connecting, headers and body together).
    feed_timeout: seconds for a feed and all of its entries together.
    allow_private_hosts: also fetch loopback, private, link-local and reserved addresses.
    allowed_networks: networks (CIDR) allowed although not public, e.g. ``("10.1.0.0/16",)``.
    """

    timeout: float = 20.0
    feed_timeout: float = 300.0
    allow_private_hosts: bool = False
    allowed_networks: tuple[str, ...] = ()
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS

    def __post_init__(self) -> None:
        for name in ("timeout", "feed_timeout"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
                raise ConfigError(f"{name} must be a positive number of seconds, not {value!r}")


@dataclass(frozen=True)
class Fetched:
    """A response body with its Content-Type, the URL asked for and the URL it finally came from."""

    body: bytes
    content_type: str
    url: str
    requested: str


class _Deadline:
    """Shuts the connection's socket when the deadline passes; ``fired`` says whether it did.

    It holds its own duplicate of the socket, so the shutdown reaches the connection whether or
    not TLS wraps it and whichever object http.client reads it through.
    """

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.fired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(deadline - time.monotonic(), 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def arm(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = socket.fromfd(sock.fileno(), sock.family, sock.type)
            if self.fired:
                self._shutdown()

    def _shutdown(self) -> None:
        if self._sock is not None:
            try:
                self._sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            self._shutdown()

    def stop(self) -> None:
        with self._lock:
            self._timer.cancel()
            if self._sock is not None:
                self._sock.close()
                self._sock = None

    def left(self) -> float:
        return self.deadline - time.monotonic()


def _connector(addresses: list[tuple[int, tuple]], watch: _Deadline):
    """A ``create_connection`` that ignores the host name and connects to the checked addresses."""

    def connect(_address: tuple, timeout: float | None = None, source_address: object = None) -> socket.socket:
        error: OSError | None = None
        for family, sockaddr in addresses:
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                sock.settimeout(max(watch.left(), 0.001))
                sock.connect(sockaddr)
                watch.arm(sock)
                return sock
            except OSError as exc:
                sock.close()
                error = exc
        raise error or OSError("no address to connect to")

    return connect


def _connection(target: Target, addresses: list[tuple[int, tuple]], watch: _Deadline) -> http.client.HTTPConnection:
    """A connection to ``target``'s host name that connects to the checked addresses only."""
    timeout = max(watch.left(), 0.001)
    if target.scheme == "https":
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            target.host, target.port, timeout=timeout, context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(target.host, target.port, timeout=timeout)
    conn._create_connection = _connector(addresses, watch)  # type: ignore[attr-defined]
    return conn


def _reason(exc: BaseException, timeout: float) -> str:
    """A short, user-facing reason for a network failure."""
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve host ({exc.strerror or exc})"
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed: {exc.reason or exc}"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot connect: {exc.strerror}"
    return f"cannot fetch: {type(exc).__name__}: {exc}"


def _hop(target: Target, policy: FetchPolicy, ends: float) -> tuple[int, str, str | None, bytes]:
    """One request: (status, reason, Location or Content-Type, body). The body is read only for 2xx."""
    watch = _Deadline(ends)
    try:
        addresses = resolve(target, allow_private=policy.allow_private_hosts, timeout=watch.left(),
                            networks=policy.allowed_networks)
        conn = _connection(target, addresses, watch)
        return _exchange(conn, target, policy, watch)
    finally:
        watch.stop()


def _exchange(conn: http.client.HTTPConnection, target: Target, policy: FetchPolicy,
              watch: _Deadline) -> tuple[int, str, str | None, bytes]:
    try:
        conn.request("GET", target.path, headers={"User-Agent": USER_AGENT, "Accept": "*/*",
                                                  "Connection": "close"})
        response = conn.getresponse()
        status, reason = response.status, (response.reason or "").strip()[:80]
        if status in REDIRECTS:
            return status, reason, response.getheader("Location"), b""
        if not 200 <= status < 300:
            return status, reason, None, b""
        length = response.getheader("Content-Length")
        if length and length.strip().isdigit() and int(length) > policy.max_bytes:
            raise _TooLarge()
        chunks, size = [], 0
        while size <= policy.max_bytes:
            chunk = response.read(CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > policy.max_bytes:
            raise _TooLarge()
        if watch.fired:
            raise TimeoutError()
        return status, reason, response.getheader("Content-Type", "") or "", b"".join(chunks)
    finally:
        conn.close()


class _TooLarge(Exception):
    pass


def fetch_url(url: str, policy: FetchPolicy | None = None, *, deadline: float | None = None) -> Fetched:
    """GET ``url`` under the policy, following up to ``max_redirects`` redirects.

    ``deadline`` (a ``time.monotonic()`` value) can end the fetch earlier than ``policy.timeout``,
    as a feed's deadline does for its entries. Every failure is an InputError naming ``url``.
    """
    policy = policy or FetchPolicy()
    ends = time.monotonic() + policy.timeout
    limit = policy.timeout
    if deadline is not None and deadline < ends:
        ends, limit = deadline, max(deadline - time.monotonic(), 0.0)
    current = url.strip()
    for hop in range(policy.max_redirects + 1):
        where = "" if hop == 0 else f"redirect to {current} "
        if time.monotonic() >= ends:
            raise InputError(url, f"timed out after {limit:g} s")
        try:
            target = check_url(current)
            status, reason, header, body = _hop(target, policy, ends)
        except Refused as exc:
            raise InputError(url, f"{where}refused: {exc}") from None
        except _TooLarge:
            raise InputError(url, f"response larger than {policy.max_bytes // (1024 * 1024)} MB") from None
        except (OSError, ValueError, http.client.HTTPException) as exc:
            if time.monotonic() >= ends - 0.01:
                exc = TimeoutError()
            raise InputError(url, f"{where}{_reason(exc, limit)}".strip()) from None
        if status in REDIRECTS:
            if not header:
                raise InputError(url, f"{where}HTTP {status} redirect without a Location")
            current = urllib.parse.urljoin(current, header.strip())
            continue
        if not 200 <= status < 300:
            raise InputError(url, f"{where}HTTP {status} {reason}".rstrip())
        return Fetched(body, header or "", current, url.strip())
    raise InputError(url, f"refused: more than {policy.max_redirects} redirects (last to {current})")
