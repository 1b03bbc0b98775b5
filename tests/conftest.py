"""Shared fixtures: paths to bundled and shared data, the (slow) pipeline, fresh stores."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (they live in the shared folder beside the repo)")
    return SEEDS


@pytest.fixture(scope="session")
def pipeline():
    """The full pipeline with the real spaCy model, loaded once for the whole session."""
    from tidings import Options, Pipeline

    return Pipeline(Options(progress=False))


@pytest.fixture(scope="session")
def rules_pipeline():
    """The full pipeline with the learned event classifier off: what the rules alone code. The
    rules' own tests use it; the classifier is tested on its own and end to end."""
    from tidings import Options, Pipeline

    return Pipeline(Options(progress=False, event_model=False))


@pytest.fixture
def store(tmp_path):
    from tidings import open_store

    with open_store(tmp_path / "test.duckdb") as s:
        yield s


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory, pipeline):
    """A store holding the bundled example articles, ingested once."""
    from tidings import open_store

    path = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    with open_store(path) as s:
        report = pipeline.run([str(EXAMPLES)], s)
    return path, report


@pytest.fixture
def http_root(tmp_path):
    """A real HTTP server on loopback serving a temp folder: yields (folder, base URL)."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".rss": "application/rss+xml"}

        def log_message(self, *args):
            pass

    root = tmp_path / "www"
    root.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def news_store(tmp_path_factory, pipeline, seeds_dir):
    """A store holding the example articles and the seeds, ingested once (with their merged
    events and stories); tests must not write to it."""
    from tidings import open_store

    path = tmp_path_factory.mktemp("news") / "news.duckdb"
    with open_store(path) as s:
        pipeline.run([str(EXAMPLES), str(seeds_dir)], s)
    return path


@pytest.fixture(scope="session")
def confident_store(examples_store, tmp_path_factory):
    """A copy of the examples' store where the mentions of one merged event (of the ICBM story,
    with a source and at least three mentions) carry set confidences, the highest not its first
    mention's: yields (path, merged event id, the mentions' confidences). Tests must not write to it."""
    import shutil

    import duckdb

    path = tmp_path_factory.mktemp("confident") / "confident.duckdb"
    shutil.copy(examples_store[0], path)
    con = duckdb.connect(str(path))
    try:
        merged, mentions = con.execute(
            "SELECT m.id, list(em.id ORDER BY em.id = m.id DESC, em.id) FROM merged_events m"
            " JOIN event_mentions em ON em.event_id = m.id WHERE len(m.sources) > 0 AND m.first_article_id IN"
            " (SELECT article_id FROM story_articles WHERE story_id = 'story-19875f5ab43b')"
            " GROUP BY m.id HAVING count(*) >= 3 ORDER BY count(*) DESC, m.id LIMIT 1").fetchone()
        confidences = ([0.21, 0.93] + [0.47, 0.12, 0.33, 0.05, 0.4, 0.3] * len(mentions))[:len(mentions)]
        con.execute("UPDATE events SET confidence = c.confidence FROM (SELECT unnest($1) AS id,"
                    " unnest($2) AS confidence) c WHERE events.id = c.id", [mentions, confidences])
        # as the merged_events stage does when articles are coded anew
        from tidings.stories.merge import refresh_confidence

        refresh_confidence(con, [r[0] for r in con.execute(
            "SELECT DISTINCT article_id FROM event_mentions WHERE event_id = $1", [merged]).fetchall()])
    finally:
        con.close()
    return path, merged, dict(zip(mentions, confidences))
