"""Which URLs Tidings fetches: http and https only, and public addresses unless the user allows more.

Every hop of a fetch (the first URL and each redirect) goes through ``check_url``; the host is
resolved once by ``resolve`` and the connection is then made to one of the addresses it
approved, so a DNS answer cannot change between the check and the connection.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import urllib.parse
from dataclasses import dataclass

SCHEMES = ("http", "https")
ALLOW_HINT = "pass --allow-private-hosts to fetch it"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class Refused(Exception):
    """A URL or address the policy does not allow; the message says why."""


@dataclass(frozen=True)
class Target:
    """A checked URL: scheme, host and port, and the request path with its query."""

    url: str
    scheme: str
    host: str
    port: int
    path: str


def check_url(url: str) -> Target:
    """The parts of an absolute http(s) URL with a host; Refused otherwise."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise Refused(f"malformed URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise Refused(f"scheme {scheme + ':' if scheme else '(none)'} is not http or https")
    if not parts.hostname:
        raise Refused("no host in the URL")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(url.strip(), scheme, parts.hostname, port or (443 if scheme == "https" else 80), path)


def address_problem(ip: IPAddress) -> str | None:
    """Why an address is not public (loopback, private, ...), or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return address_problem(embedded)
    checks = (("loopback", ip.is_loopback), ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
              ("unspecified", ip.is_unspecified), ("reserved", ip.is_reserved), ("private", ip.is_private))
    for name, hit in checks:
        if hit:
            return f"a {name} address"
    return None if ip.is_global else "not a public address"


def _getaddrinfo(host: str, port: int, timeout: float) -> list[tuple]:
    """``getaddrinfo`` bounded by ``timeout`` (it has no timeout of its own)."""
    result: list = []

    def run() -> None:
        try:
            result.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            result.append(exc)

    thread = threading.Thread(target=run, daemon=True, name="tidings-resolve")
    thread.start()
    thread.join(max(timeout, 0.0))
    if not result:
        raise TimeoutError("name resolution timed out")
    if isinstance(result[0], OSError):
        raise result[0]
    return result[0]


def resolve(target: Target, *, allow_private: bool, timeout: float,
            networks: tuple[str, ...] = ()) -> list[tuple[int, tuple]]:
    """The (family, sockaddr) pairs to connect to for ``target``, each one allowed by the policy:
    public, or in one of ``networks``, or anything with ``allow_private``.

    Raises Refused when every address the host has is refused, OSError when it cannot be resolved.
    """
    infos = _getaddrinfo(target.host, target.port, timeout)
    nets = [ipaddress.ip_network(n, strict=False) for n in networks]
    allowed: list[tuple[int, tuple]] = []
    refused: list[str] = []
    for family, _type, _proto, _name, sockaddr in infos:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        problem = None if allow_private or any(ip in net for net in nets) else address_problem(ip)
        if problem:
            refused.append(f"{ip} is {problem}" if str(ip) == target.host.strip("[]")
                           else f"{target.host} resolves to {ip}, {problem}")
        elif (family, sockaddr) not in allowed:
            allowed.append((family, sockaddr))
    if not allowed:
        raise Refused(f"{refused[0] if refused else target.host + ' has no address'}; {ALLOW_HINT}")
    return allowed
