"""Hostile servers and feeds, served for real on loopback: redirects out of policy, slow drips,
oversized bodies, redirect loops, scheme-relative links to internal hosts."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date

import pytest

from tidings.errors import InputError
from tidings.ingest.fetch import FetchPolicy, fetch_url
from tidings.ingest.raw import RawDocument
from tidings.ingest.web import read_url

PAGE = ("<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>"
        "<p>The city council approved a plan to close the quay to cars on Monday evening.</p>"
        "</article></body></html>").encode()

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


class Handler(http.server.BaseHTTPRequestHandler):
    """Answers each path with the route registered for it on the server."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.server.seen.append((self.path, self.headers.get("Host")))  # type: ignore[attr-defined]
        route = self.server.routes.get(self.path.split("?", 1)[0])  # type: ignore[attr-defined]
        if route is None:
            return self.send(404, b"missing")
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def send(self, status: int, body: bytes = b"", content_type: str = "text/html",
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class Server:
    """A real HTTP server on a loopback address; ``route`` registers what a path answers."""

    def __init__(self, host: str) -> None:
        self.httpd = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.routes = {}  # type: ignore[attr-defined]
        self.httpd.seen = []  # type: ignore[attr-defined]
        self.base = f"http://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def seen(self) -> list[tuple[str, str]]:
        return self.httpd.seen  # type: ignore[attr-defined]

    def route(self, path: str, answer: Route) -> str:
        self.httpd.routes[path] = answer  # type: ignore[attr-defined]
        return self.base + path

    def page(self, path: str, body: bytes = PAGE, content_type: str = "text/html") -> str:
        return self.route(path, lambda h: h.send(200, body, content_type))

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.route(path, lambda h: h.send(status, b"", headers={"Location": location}))

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server("127.0.0.1")
    yield s
    s.close()


@pytest.fixture
def outside() -> Iterator[Server]:
    """A server standing for a public host: 127.0.0.2, which the tests' policy allows by network."""
    try:
        s = Server("127.0.0.2")
    except OSError:
        pytest.skip("127.0.0.2 cannot be bound here")
    yield s
    s.close()


LOCAL = FetchPolicy(timeout=5, allow_private_hosts=True)
# 127.0.0.2 plays a public host; every other loopback address keeps its refusal.
POLICY = FetchPolicy(timeout=5, allowed_networks=("127.0.0.2/32",))


def refusal(url: str, policy: FetchPolicy = POLICY) -> str:
    with pytest.raises(InputError) as caught:
        fetch_url(url, policy)
    assert caught.value.origin == url
    return caught.value.reason


def test_loopback_url_is_refused_by_default_and_fetched_when_allowed(server: Server) -> None:
    url = server.page("/a.html")
    reason = refusal(url, FetchPolicy(timeout=5))
    assert reason == "refused: 127.0.0.1 is a loopback address; pass --allow-private-hosts to fetch it"
    assert server.seen == []  # refused before connecting
    got = fetch_url(url, LOCAL)
    assert got.body == PAGE and got.url == got.requested == url


@pytest.mark.parametrize("host", ["localhost", "[::1]", "0.0.0.0", "2130706433", "127.1", "[::ffff:127.0.0.1]"])
def test_other_spellings_of_this_machine_are_refused(server: Server, host: str) -> None:
    reason = refusal(f"http://{host}:{server.port}/a.html", FetchPolicy(timeout=5))
    assert reason.startswith("refused: ") and "address" in reason, reason


def test_redirect_to_ftp_is_refused_naming_the_hop(outside: Server) -> None:
    url = outside.redirect("/r", "ftp://127.0.0.2/secret.txt")
    assert refusal(url) == "redirect to ftp://127.0.0.2/secret.txt refused: scheme ftp: is not http or https"


@pytest.mark.parametrize("scheme", ["file:///etc/passwd", "gopher://127.0.0.2:70/", "data:text/html,hi"])
def test_redirect_to_other_schemes_is_refused(outside: Server, scheme: str) -> None:
    url = outside.redirect("/r", scheme)
    assert "is not http or https" in refusal(url)


def test_redirect_to_loopback_is_refused_with_the_policy_on(outside: Server, server: Server) -> None:
    secret = server.page("/internal/admin", b"<html>secret</html>")
    url = outside.redirect("/r", secret)
    assert refusal(url) == (f"redirect to {secret} refused: 127.0.0.1 is a loopback address; "
                            "pass --allow-private-hosts to fetch it")
    assert server.seen == []  # the internal service was never asked


def test_relative_and_allowed_redirects_are_followed_and_the_final_url_kept(outside: Server) -> None:
    final = outside.page("/story.html")
    outside.redirect("/b", "/story.html", 301)
    start = outside.redirect("/a", outside.base + "/b", 307)
    got = fetch_url(start, POLICY)
    assert (got.requested, got.url, got.body) == (start, final, PAGE)


def test_too_many_redirects_are_refused(outside: Server) -> None:
    url = outside.redirect("/loop", "/loop")
    assert refusal(url) == f"refused: more than 5 redirects (last to {url})"
    assert len(outside.seen) == 6


def test_redirect_without_location_is_an_error(outside: Server) -> None:
    url = outside.route("/r", lambda h: h.send(302))
    assert refusal(url) == "HTTP 302 redirect without a Location"


def drip(interval: float, headers_first: bool = True) -> Route:
    """A server that sends a byte every ``interval`` seconds, forever."""

    def answer(h: http.server.BaseHTTPRequestHandler) -> None:
        if headers_first:
            h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
            data = b"<html>" + b"x" * 100000
        else:
            data = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        for byte in data:
            h.wfile.write(bytes([byte]))
            h.wfile.flush()
            time.sleep(interval)

    return answer


@pytest.mark.parametrize("headers_first", [True, False])
def test_slow_drip_server_is_cut_at_the_whole_fetch_deadline(server: Server, headers_first: bool) -> None:
    url = server.route("/drip", drip(0.2, headers_first))
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        fetch_url(url, FetchPolicy(timeout=1, allow_private_hosts=True))
    elapsed = time.monotonic() - started
    assert caught.value.reason == "timed out after 1 s"
    assert elapsed < 2.0, elapsed  # each byte came well within any per-read timeout


def test_oversized_body_is_refused_declared_or_not(server: Server) -> None:
    policy = FetchPolicy(timeout=5, allow_private_hosts=True, max_bytes=1024 * 1024)
    declared = server.page("/declared", b"<html>" + b"x" * (2 * 1024 * 1024))

    def undeclared(h: http.server.BaseHTTPRequestHandler) -> None:
        h.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n")
        for _ in range(64):
            h.wfile.write(b"y" * 65536)
        h.close_connection = True

    streamed = server.route("/streamed", undeclared)
    for url in (declared, streamed):
        with pytest.raises(InputError) as caught:
            fetch_url(url, policy)
        assert caught.value.reason == "response larger than 1 MB"


def test_host_is_resolved_once_and_the_connection_pinned_to_the_checked_address(
        outside: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: a name that answers a public address first and an internal one later."""
    answers = [("127.0.0.2", outside.port), ("127.0.0.1", outside.port)]
    calls: list[str] = []

    def rebinding(host, port, *args, **kwargs):
        calls.append(host)
        address = answers[min(len(calls) - 1, 1)]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", address)]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    outside.page("/news.html")
    got = fetch_url(f"http://rebind.test:{outside.port}/news.html", POLICY)
    assert got.body == PAGE
    assert calls == ["rebind.test"]  # one resolution, checked and then connected to
    assert outside.seen == [("/news.html", f"rebind.test:{outside.port}")]  # Host header kept


def test_name_resolving_to_a_refused_address_says_which(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo",
                        lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 80))])
    assert refusal("http://intranet.test/") == ("refused: intranet.test resolves to 10.0.0.7, a private "
                                                "address; pass --allow-private-hosts to fetch it")


def feed(items: str, title: str = "Wire") -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"{items}</channel></rss>").encode()


def test_feed_entries_pointing_inside_are_refused_and_the_rest_read(outside: Server, server: Server) -> None:
    internal = server.page("/admin", b"<html>secret</html>")
    outside.page("/good.html")
    url = outside.page("/feed.rss", feed(
        f"<item><title>Inside</title><link>//127.0.0.1:{server.port}/admin</link></item>"
        f"<item><title>Direct</title><link>{internal}</link></item>"
        "<item><title>Good</title><link>/good.html</link></item>"
        "<item><title>Gopher</title><link>gopher://127.0.0.2/</link></item>"), "application/rss+xml")
    items = list(read_url(url, POLICY))
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "RawDocument", "InputError"]
    assert items[0].origin == internal and "127.0.0.1 is a loopback address" in items[0].reason
    assert items[1].origin == internal and "127.0.0.1 is a loopback address" in items[1].reason
    assert items[2].url == outside.base + "/good.html"
    assert items[3].reason == "refused: scheme gopher: is not http or https"
    assert server.seen == []


def test_feed_entry_with_content_and_no_link_is_kept(outside: Server) -> None:
    url = outside.page("/feed.atom", b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Briefs</title><id>urn:x</id><updated>2025-03-06T10:00:00Z</updated>
<entry><title>Water main repaired</title><id>urn:uuid:1</id><updated>2025-03-06T09:00:00Z</updated>
<content type="html">&lt;p&gt;Crews repaired the burst water main on Dock Street overnight.&lt;/p&gt;</content>
</entry></feed>""", "application/atom+xml")
    [doc] = list(read_url(url, POLICY))
    assert isinstance(doc, RawDocument), doc
    assert doc.origin == url + "#entry-1" and doc.url is None
    assert "burst water main" in (doc.text or "") and doc.published == date(2025, 3, 6)


def test_feed_entry_whose_guid_is_no_url_uses_its_content(outside: Server) -> None:
    url = outside.page("/feed.rss", feed("<item><title>Budget</title><guid>abc-123</guid><description>"
                                         "&lt;p&gt;Council met.&lt;/p&gt;&lt;p&gt;It agreed.&lt;/p&gt;"
                                         "</description></item>"))
    [doc] = list(read_url(url, POLICY))
    assert isinstance(doc, RawDocument), doc
    assert doc.text == "Council met.\n\nIt agreed."
    assert [path for path, _ in outside.seen] == ["/feed.rss"]


def test_feed_entry_with_an_absurd_date_is_refused_not_redated(outside: Server) -> None:
    outside.page("/old.html")
    url = outside.page("/feed.rss", feed("<item><title>Old</title><link>/old.html</link>"
                                         "<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item>"))
    [item] = list(read_url(url, POLICY))
    assert isinstance(item, InputError)
    assert "not a plausible publication date" in item.reason or item.reason.startswith("bad published")


def test_feed_deadline_stops_the_entries_with_one_line(outside: Server) -> None:
    outside.route("/slow.html", drip(0.05))
    items = "".join(f"<item><title>S{i}</title><link>/slow.html?{i}</link></item>" for i in range(5))
    url = outside.page("/feed.rss", feed(items))
    started = time.monotonic()
    got = list(read_url(url, FetchPolicy(timeout=0.6, feed_timeout=1.0, allowed_networks=("127.0.0.2/32",))))
    assert time.monotonic() - started < 2.5
    assert all(isinstance(i, InputError) for i in got)
    assert got[-1].origin == url and "feed deadline of 1 s passed" in got[-1].reason


def test_redirected_feed_resolves_entry_links_against_its_final_url(outside: Server) -> None:
    outside.page("/news/a.html")
    outside.page("/news/feed.rss", feed("<item><title>A</title><link>a.html</link></item>"))
    start = outside.redirect("/feed", "/news/feed.rss")
    [doc] = list(read_url(start, POLICY))
    assert isinstance(doc, RawDocument) and doc.url == outside.base + "/news/a.html"


def test_article_url_keeps_requested_and_final_url(outside: Server) -> None:
    final = outside.page("/2025/story.html")
    start = outside.redirect("/s/1", final, 301)
    [doc] = list(read_url(start, POLICY))
    assert isinstance(doc, RawDocument)
    assert (doc.origin, doc.url) == (start, final)


@pytest.mark.parametrize("value", [0, -1, float("inf"), float("nan")])
def test_policy_refuses_timeouts_that_are_not_positive_and_finite(value: float) -> None:
    from tidings.errors import ConfigError

    with pytest.raises(ConfigError, match="positive number of seconds"):
        FetchPolicy(timeout=value)
