"""Stories: articles grouped as they arrive; timelines; the CLI; export; reprocess."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from datetime import date

import pytest
from click.testing import CliRunner

from tidings import open_store
from tidings.cli import main
from tidings.stories.cluster import Item, place


@pytest.fixture(scope="module")
def db(news_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "news.duckdb"
    shutil.copy(news_store, path)
    return str(path)


def _story_of(db, name: str) -> str:
    with open_store(db, read_only=True) as s:
        return s.query("SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
                       " WHERE a.origin LIKE $1", [f"%{name}%"])[0]["story_id"]


def test_reports_of_the_icbm_launch_are_one_story_and_the_troops_another(db):
    icbm = _story_of(db, "01-icbm-launch")
    assert _story_of(db, "02-allies-condemn") == icbm and _story_of(db, "05-security-council") == icbm
    assert _story_of(db, "06-troops-russia") != icbm
    assert icbm == "story-19875f5ab43b"  # named after its first article, never renumbered


def test_merging_two_stories_keeps_the_older_id_and_moves_the_articles():
    a = Item("aaaa00000000aaaa", date(2024, 1, 1), {"missile": 1.0}, Counter(), set())
    b = Item("bbbb00000000bbbb", date(2024, 1, 2), {"summit": 1.0}, Counter(), set())
    both = Item("cccc00000000cccc", date(2024, 1, 3), {"missile": 0.7, "summit": 0.7}, Counter(), {"e"})
    stories, where = [], {}
    placements, merges = place([a, b], stories, 0.4, where)
    assert len(stories) == 2
    for s in stories:
        s.events.add("e")
    placements, merges = place([both], stories, 0.4, where)
    assert [(k.id, g.id) for k, g in merges] == [("story-aaaa00000000", "story-bbbb00000000")]
    assert len(stories) == 1 and set(stories[0].articles) == {a.id, b.id, both.id}


def test_cli_lists_stories_and_shows_a_timeline(db):
    runner = CliRunner()
    listed = runner.invoke(main, ["stories", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert any(r["id"] == "story-19875f5ab43b" and r["n_articles"] >= 3 for r in rows)
    shown = runner.invoke(main, ["story", "story-19875f5ab43b", "--db", db])
    assert shown.exit_code == 0 and "ASSAULT" in shown.output and "North Korea fires ICBM" in shown.output
    story = json.loads(runner.invoke(main, ["story", "19875f5ab43b", "--db", db, "--json"]).output)
    dates = [e["date"] for e in story["timeline"] if e["date"]]
    assert dates == sorted(dates)
    assert runner.invoke(main, ["stories", "--db", db, "--country", "PRK"]).exit_code == 0
    assert runner.invoke(main, ["stories", "--db", db, "--actor", "Kim Jong Un", "--since", "2024-10-01"]).exit_code == 0


def test_cli_timeline_of_two_actors_holds_their_meeting(db):
    result = CliRunner().invoke(main, ["timeline", "Donald Trump", "Kim Jong Un", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.output)["events"]
    assert any(e["type"] == "CONSULT" and e["date"] == "2019-06-30" and e["n_mentions"] == 2 for e in events)


def test_show_event_lists_the_mentions_and_why_they_were_joined(db):
    with open_store(db, read_only=True) as s:
        mention = s.query("SELECT id FROM event_mentions WHERE reason LIKE 'joined:%' ORDER BY id LIMIT 1")[0]["id"]
    result = CliRunner().invoke(main, ["show", "event", mention, "--db", db])
    assert result.exit_code == 0, result.output
    assert "merged event" in result.output and "first report" in result.output and "joined:" in result.output


def test_export_writes_stories_story_articles_and_event_mentions(db, tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "jsonl", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    mentions = [json.loads(x) for x in (tmp_path / "event_mentions.jsonl").read_text().splitlines()]
    assert mentions and all({"id", "event_id", "article_id", "start", "end", "reason"} <= m.keys() for m in mentions)
    stories = [json.loads(x) for x in (tmp_path / "stories.jsonl").read_text().splitlines()]
    links = [json.loads(x) for x in (tmp_path / "story_articles.jsonl").read_text().splitlines()]
    assert {s["id"] for s in stories} == {x["story_id"] for x in links}


def test_reprocess_rebuilds_the_corpus_stages_to_the_same_result(db):
    def snapshot():
        with open_store(db, read_only=True) as s:
            return (s.query("SELECT article_id, story_id FROM story_articles ORDER BY 1"),
                    s.query("SELECT id, event_id FROM event_mentions ORDER BY 1"))

    before = snapshot()
    result = CliRunner().invoke(main, ["reprocess", "--db", db, "--stages", "near_duplicates,merged_events,stories"])
    assert result.exit_code == 0, result.output
    assert snapshot() == before
