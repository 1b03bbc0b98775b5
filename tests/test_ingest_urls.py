"""`tidings ingest` on article URLs and an RSS feed served from a loopback HTTP server."""

import json
import shutil

from click.testing import CliRunner

from tidings.cli import main

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Peninsula Wire</title><link>{base}/</link><description>d</description>
<item><title>Security Council meets</title><link>{base}/05.html</link><pubDate>Sat, 02 Nov 2024 09:00:00 GMT</pubDate></item>
<item><title>Troops in Russia</title><link>{base}/06.html</link><pubDate>Mon, 04 Nov 2024 09:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
</channel></rss>"""


def test_feed_and_url_ingest_with_one_broken_entry(http_root, examples_dir, tmp_path, pipeline):
    root, base = http_root
    shutil.copy(examples_dir / "05-security-council-meeting.html", root / "05.html")
    shutil.copy(examples_dir / "06-troops-russia.html", root / "06.html")
    shutil.copy(examples_dir / "07-nuclear-test-outlook.html", root / "07.html")
    (root / "feed.rss").write_text(FEED.format(base=base), encoding="utf-8")
    db = str(tmp_path / "web.duckdb")
    runner = CliRunner()
    refused = runner.invoke(main, ["ingest", f"{base}/07.html", "--db", db])
    assert refused.exit_code == 1
    assert "127.0.0.1 is a loopback address; pass --allow-private-hosts" in refused.output
    assert "Added 0 articles" in refused.output
    result = runner.invoke(main, ["ingest", f"{base}/feed.rss", f"{base}/07.html", f"{base}/05.html",
                                  "--db", db, "--allow-private-hosts"])
    assert result.exit_code == 1, result.output  # the missing entry is a failure
    assert f"{base}/missing.html" in result.output and "404" in result.output
    assert "Added 3 articles" in result.output and "1 duplicates" in result.output
    rows = json.loads(runner.invoke(main, ["articles", "--db", db, "--json"]).output)
    by_url = {r["origin"]: r for r in rows}
    assert by_url[f"{base}/05.html"]["published"] == "2024-11-02"  # the feed date
    assert by_url[f"{base}/06.html"]["source"] == "Peninsula Wire"
    assert by_url[f"{base}/07.html"]["n_sentences"] > 5
