"""The corpus stages on the command line: `tidings stages` lists them, `tidings ingest` takes
their thresholds (click's CliRunner, real stores, the real pipeline)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tidings import open_store
from tidings.cli import main

ARTICLES = {
    "launch.txt": "North Korea fires long-range missile\n\nNorth Korea launched an intercontinental ballistic "
                  "missile on Thursday, South Korea's military said. The missile flew for 86 minutes before "
                  "falling into the sea off Japan, officials in Tokyo said.",
    "reaction.txt": "Japan protests North Korean missile launch\n\nJapan lodged a protest with North Korea over "
                    "the ballistic missile launch, Prime Minister Shigeru Ishiba told reporters in Tokyo, calling "
                    "the missile flight a grave threat to the region.",
    "football.txt": "Arsenal beat Chelsea in London derby\n\nArsenal beat Chelsea 2-0 at the Emirates Stadium on "
                    "Sunday with goals in each half, moving three points clear at the top of the Premier League "
                    "table.",
}


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _stories(runner, inputs, tmp_path, *args: str) -> list[int]:
    db = tmp_path / "s.duckdb"
    result = runner.invoke(main, ["ingest", str(inputs), "--db", str(db), "--quiet", "--published", "2024-11-01",
                                  *args])
    assert result.exit_code == 0, result.output
    with open_store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM near_duplicates WHERE duplicate_of IS NOT NULL")[0]["n"] == 0
        return [r["n"] for r in store.query("SELECT count(*) AS n FROM story_articles GROUP BY story_id ORDER BY n")]


def test_stages_lists_the_corpus_stages_beside_the_per_article_ones(runner):
    result = runner.invoke(main, ["stages"], terminal_width=200)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for name in ("sentences", "entities", "actors", "quotes", "events"):
        assert any(line.split()[:1] == [name] and "each article" in line for line in lines), name
    for name in ("near_duplicates", "merged_events", "stories"):
        assert any(line.split()[:1] == [name] and "stored articles" in line for line in lines), name
    order = [line.split()[0] for line in lines if line.split()]
    assert order.index("near_duplicates") < order.index("merged_events") < order.index("stories")


def test_ingest_help_documents_the_thresholds_and_their_defaults(runner):
    result = runner.invoke(main, ["ingest", "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "--story-threshold" in text and "default: 0.4" in text and "docs/benchmarks.md" in text
    assert "--near-duplicate-threshold" in text and "default: 0.5" in text


def test_the_story_threshold_decides_which_articles_share_a_story(runner, inputs, tmp_path_factory, pipeline):
    everything_joins = _stories(runner, inputs, tmp_path_factory.mktemp("low"), "--story-threshold", "0")
    assert everything_joins == [3]
    nothing_joins = _stories(runner, inputs, tmp_path_factory.mktemp("high"), "--story-threshold", "1")
    assert nothing_joins == [1, 1, 1]


def test_a_threshold_outside_0_to_1_is_refused(runner, inputs, tmp_path):
    result = runner.invoke(main, ["ingest", str(inputs), "--db", str(tmp_path / "x.duckdb"),
                                  "--story-threshold", "1.5"])
    assert result.exit_code == 2 and "story-threshold" in result.output
