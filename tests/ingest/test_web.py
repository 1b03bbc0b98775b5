"""Tests for the web source: article URLs and RSS/Atom feeds, served by a real loopback HTTP server."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from datetime import date
from pathlib import Path

import pytest

from tidings.errors import InputError
from tidings.ingest.raw import RawDocument
from tidings.ingest.web import FetchPolicy, fetch, is_url, read_url

LOCAL = FetchPolicy(allow_private_hosts=True)  # the test server is on loopback

ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title} | Harbour Gazette</title></head>
<body>
<header><nav><a href="/">Home</a> <a href="/local">Local</a></nav></header>
<article>
<h1>{title}</h1>
<p class="byline">By Mara Lindqvist, March 4, 2025</p>
<p>{lead}</p>
<p>The council's transport committee voted 7 to 2 on Monday evening after a three-hour debate,
with opponents arguing that the plan would push costs onto small shop owners on the quay.</p>
<p>"We have waited a decade for this," said councillor Tomas Berg, who chairs the committee.
"Today the harbour gets a plan that works for the people who live here."</p>
<p>Work is due to begin in September and should take about eighteen months, the city said.</p>
</article>
<footer>&copy; 2025 Harbour Gazette</footer>
</body>
</html>
"""


def article(title: str, lead: str) -> str:
    return ARTICLE.format(title=title, lead=lead)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves files, with fixed content types for feeds and records each request's User-Agent."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html",
        ".rss": "application/rss+xml",
        ".atom": "application/atom+xml",
        ".latin1": "text/html; charset=iso-8859-1",
        ".png": "image/png",
        ".pdf": "application/pdf",
        ".txt": "text/plain",
    }
    user_agents: list[str] = []

    def do_GET(self) -> None:
        self.user_agents.append(self.headers.get("User-Agent", ""))
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


class Site:
    def __init__(self, root: Path, base: str) -> None:
        self.root = root
        self.base = base

    def url(self, path: str) -> str:
        return f"{self.base}/{path}"

    def write(self, path: str, content: str | bytes, encoding: str = "utf-8") -> str:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode(encoding)
        target.write_bytes(content)
        return self.url(path)


@pytest.fixture
def site(tmp_path: Path):
    Handler.user_agents = []
    handler = functools.partial(Handler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield Site(tmp_path, f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss(site: Site, items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{when}</pubDate>"
        f"<author>news@harbour.example (Mara Lindqvist)</author>"
        f"<description>Summary of {title}</description></item>"
        for title, link, when in items
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>Harbour Gazette</title><link>{site.base}/</link>"
            f"<description>Local news</description>{body}</channel></rss>")


def only_docs(items: list[RawDocument | InputError]) -> list[RawDocument]:
    assert all(isinstance(item, RawDocument) for item in items), items
    return items  # type: ignore[return-value]


@pytest.mark.parametrize("value", ["http://example.org/a", "https://news.example/2025/03/04/x?id=1",
                                   "HTTPS://EXAMPLE.ORG"])
def test_is_url_accepts_http_and_https(value: str) -> None:
    assert is_url(value)


@pytest.mark.parametrize("value", ["ftp://example.org/a", "file:///etc/passwd", "example.org/a",
                                   "articles/story.html", "http://", "mailto:desk@example.org", ""])
def test_is_url_rejects_other_schemes_paths_and_hostless_urls(value: str) -> None:
    assert not is_url(value)


def test_article_url_yields_one_url_document_with_the_page_html(site: Site) -> None:
    url = site.write("local/harbour-plan.html", article(
        "Council approves harbour traffic plan",
        "The city council approved a plan to close the quay to cars."))
    items = list(read_url(url, LOCAL))
    [doc] = only_docs(items)
    assert doc.format == "url"
    assert doc.origin == doc.url == url
    assert "close the quay to cars" in doc.html
    assert doc.text is None and doc.title is None and doc.published is None


def test_rss_feed_yields_each_linked_article_with_feed_metadata(site: Site) -> None:
    links = [
        site.write("a/bridge.html", article("Bridge reopens after repairs", "The Old Bridge reopened.")),
        site.write("a/ferry.html", article("Ferry fares to rise in April", "Ferry tickets will cost more.")),
        site.write("a/school.html", article("New school opens on the quay", "Pupils moved in on Monday.")),
    ]
    feed = site.write("feeds/local.rss", rss(site, [
        ("Bridge reopens after repairs", links[0], "Mon, 03 Mar 2025 09:15:00 +0000"),
        ("Ferry fares to rise in April", links[1], "Tue, 04 Mar 2025 14:00:00 GMT"),
        ("New school opens on the quay", links[2], "Wed, 05 Mar 2025 07:45:00 +0000"),
    ]))
    docs = only_docs(list(read_url(feed, LOCAL)))
    assert [d.url for d in docs] == links
    assert [d.origin for d in docs] == links
    assert [d.title for d in docs] == ["Bridge reopens after repairs", "Ferry fares to rise in April",
                                       "New school opens on the quay"]
    assert [d.published for d in docs] == [date(2025, 3, 3), date(2025, 3, 4), date(2025, 3, 5)]
    assert {d.format for d in docs} == {"feed"}
    assert {d.source for d in docs} == {"Harbour Gazette"}
    assert "Mara Lindqvist" in (docs[0].author or "")
    assert "The Old Bridge reopened." in docs[0].html
    assert "Ferry tickets will cost more." in docs[1].html


def test_atom_feed_yields_entries_with_published_or_updated_dates_and_authors(site: Site) -> None:
    first = site.write("b/storm.html", article("Storm closes coastal road", "High waves closed the road."))
    second = site.write("b/market.html", article("Fish market moves indoors", "The market found a new hall."))
    feed = site.write("feeds/city.atom", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>City Desk</title>
  <id>urn:uuid:60a76c80-d399-11d9-b91C-0003939e0af6</id>
  <updated>2025-03-06T10:00:00Z</updated>
  <entry>
    <title>Storm closes coastal road</title>
    <link rel="alternate" href="{first}"/>
    <id>urn:uuid:1</id>
    <published>2025-02-28T18:30:00Z</published>
    <updated>2025-03-01T08:00:00Z</updated>
    <author><name>Jonas Eklund</name></author>
  </entry>
  <entry>
    <title>Fish market moves indoors</title>
    <link href="{second}"/>
    <id>urn:uuid:2</id>
    <updated>2025-03-06T09:00:00Z</updated>
    <author><name>Sara Holm</name></author>
  </entry>
</feed>""")
    docs = only_docs(list(read_url(feed, LOCAL)))
    assert [(d.url, d.title) for d in docs] == [(first, "Storm closes coastal road"),
                                                (second, "Fish market moves indoors")]
    assert [d.published for d in docs] == [date(2025, 2, 28), date(2025, 3, 6)]
    assert [d.author for d in docs] == ["Jonas Eklund", "Sara Holm"]
    assert {d.source for d in docs} == {"City Desk"}
    assert "High waves closed the road." in docs[0].html


def test_feed_entry_whose_page_404s_yields_an_error_naming_it_and_the_rest_still_come(site: Site) -> None:
    good1 = site.write("c/one.html", article("Library extends opening hours", "Open until nine."))
    good2 = site.write("c/three.html", article("Tram line gets new stop", "A stop opens at the port."))
    missing = site.url("c/two.html")
    feed = site.write("feeds/mixed.rss", rss(site, [
        ("Library extends opening hours", good1, "Mon, 03 Mar 2025 09:00:00 +0000"),
        ("Deleted story", missing, "Mon, 03 Mar 2025 10:00:00 +0000"),
        ("Tram line gets new stop", good2, "Mon, 03 Mar 2025 11:00:00 +0000"),
    ]))
    items = list(read_url(feed, LOCAL))
    assert len(items) == 3
    assert isinstance(items[0], RawDocument) and items[0].url == good1
    assert isinstance(items[1], InputError)
    assert items[1].origin == missing
    assert "404" in items[1].reason
    assert isinstance(items[2], RawDocument) and items[2].url == good2


def test_feed_entry_without_link_uses_its_content_as_text(site: Site) -> None:
    feed = site.write("feeds/inline.rss", """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Briefs</title>
<item><title>Water main repaired</title><pubDate>Thu, 06 Mar 2025 12:00:00 +0000</pubDate>
<description>&lt;p&gt;Crews repaired the burst water main on Dock Street overnight.&lt;/p&gt;</description>
</item></channel></rss>""")
    [doc] = only_docs(list(read_url(feed, LOCAL)))
    assert doc.format == "feed"
    assert doc.title == "Water main repaired"
    assert doc.published == date(2025, 3, 6)
    assert doc.source == "Harbour Briefs"
    assert doc.text == "Crews repaired the burst water main on Dock Street overnight." and doc.html is None


def test_feed_with_no_entries_yields_an_error(site: Site) -> None:
    feed = site.write("feeds/empty.rss", '<?xml version="1.0"?><rss version="2.0"><channel>'
                                          "<title>Quiet Desk</title></channel></rss>")
    [item] = list(read_url(feed, LOCAL))
    assert isinstance(item, InputError)
    assert item.origin == feed
    assert item.reason == "feed has no entries"


def test_feed_served_as_plain_text_is_recognised_by_its_body(site: Site) -> None:
    page = site.write("d/park.html", article("Park gets new playground", "Children tried it first."))
    feed = site.write("feeds/plain.txt", rss(site, [("Park gets new playground", page,
                                                     "Fri, 07 Mar 2025 08:00:00 +0000")]))
    [doc] = only_docs(list(read_url(feed, LOCAL)))
    assert doc.format == "feed" and doc.url == page and doc.published == date(2025, 3, 7)


def test_missing_page_gives_http_404_error(site: Site) -> None:
    url = site.url("nowhere/story.html")
    with pytest.raises(InputError) as caught:
        fetch(url, LOCAL)
    assert caught.value.origin == url
    assert caught.value.reason == "HTTP 404 File not found"
    [item] = list(read_url(url, LOCAL))
    assert isinstance(item, InputError) and item.reason.startswith("HTTP 404")


def test_connection_refused_gives_a_clear_reason() -> None:
    url = f"http://127.0.0.1:{closed_port()}/story.html"
    with pytest.raises(InputError) as caught:
        fetch(url, FetchPolicy(timeout=5, allow_private_hosts=True))
    assert caught.value.origin == url
    assert caught.value.reason == "connection refused"


def test_server_that_never_answers_times_out_with_a_clear_reason() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/slow.html"
        with pytest.raises(InputError) as caught:
            fetch(url, FetchPolicy(timeout=0.5, allow_private_hosts=True))
    assert caught.value.reason == "timed out after 0.5 s"


@pytest.mark.parametrize(("name", "data", "mime"), [
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf"),
])
def test_non_text_content_is_rejected_with_its_type(site: Site, name: str, data: bytes, mime: str) -> None:
    url = site.write(name, data)
    with pytest.raises(InputError) as caught:
        fetch(url, LOCAL)
    assert caught.value.reason == f"not a text page (content type {mime})"
    [item] = list(read_url(url, LOCAL))
    assert isinstance(item, InputError) and mime in item.reason


def test_non_http_url_is_rejected_without_fetching() -> None:
    with pytest.raises(InputError, match="scheme file: is not http or https"):
        fetch("file:///etc/hostname", LOCAL)


def test_redirects_are_followed(site: Site) -> None:
    site.write("section/index.html", article("Section front", "All the local news in one place."))
    [doc] = only_docs(list(read_url(site.url("section"), LOCAL)))  # the server answers 301 -> /section/
    assert "All the local news in one place." in doc.html


def test_html_is_decoded_by_header_charset_then_meta_charset_then_utf8(site: Site) -> None:
    by_header = site.write("e/header.latin1", "<html><body><p>Malmö hamn öppnar</p></body></html>",
                           encoding="iso-8859-1")
    by_meta = site.write("e/meta.html", '<html><head><meta charset="windows-1252"></head>'
                                         "<body><p>Café “Hamnen” öppnar</p></body></html>",
                         encoding="windows-1252")
    fallback = site.write("e/plain.html", b"<html><body><p>K\xc3\xb8benhavn \xff</p></body></html>")
    assert "Malmö hamn öppnar" in only_docs(list(read_url(by_header, LOCAL)))[0].html
    assert "Café “Hamnen” öppnar" in only_docs(list(read_url(by_meta, LOCAL)))[0].html
    assert "København \ufffd" in only_docs(list(read_url(fallback, LOCAL)))[0].html


def test_requests_identify_as_tidings(site: Site) -> None:
    url = site.write("f/page.html", article("Council meets", "The council met."))
    fetch(url, LOCAL)
    assert Handler.user_agents == ["tidings/0.1"]
