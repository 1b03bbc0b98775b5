"""`tidings story ID` and `tidings timeline A [B]` show each merged event's confidence and take
`--min-confidence` (click's CliRunner over a real store built by the pipeline)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tidings import open_store
from tidings.cli import main

STORY = "story-19875f5ab43b"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def _json(runner: CliRunner, *args: str):
    result = runner.invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_story_min_confidence_keeps_the_merged_events_at_least_that_confident(runner, confident_store):
    path, merged, _ = confident_store
    everything = _json(runner, "story", STORY, "--db", str(path))["timeline"]
    assert {e["id"]: e["confidence"] for e in everything}[merged] == 0.93
    for x in ("0.5", "0.93", "0.931"):
        kept = _json(runner, "story", STORY, "--db", str(path), "--min-confidence", x)["timeline"]
        assert [e["id"] for e in kept] == [e["id"] for e in everything if e["confidence"] >= float(x)], x
    assert merged not in {e["id"] for e in _json(runner, "story", STORY, "--db", str(path), "--min-confidence",
                                                 "0.931")["timeline"]}


def test_story_table_shows_the_confidence_to_two_decimals(runner, confident_store):
    path = str(confident_store[0])
    shown = runner.invoke(main, ["story", STORY, "--db", path, "--min-confidence", "0.93"])
    assert shown.exit_code == 0, shown.output
    header = next(line for line in shown.output.splitlines() if line.split()[:1] == ["date"])
    assert "conf" in header.split()
    rows = [line for line in shown.output.splitlines() if " 0.93 " in line]
    assert len(rows) == 1 and "ASSAULT" in rows[0]


def test_timeline_min_confidence_keeps_the_merged_events_at_least_that_confident(runner, confident_store):
    path, merged, _ = confident_store
    with open_store(path, read_only=True) as s:
        actor = s.query("SELECT sources[1] AS id FROM merged_events WHERE id = $1", [merged])[0]["id"]
    everything = _json(runner, "timeline", actor, "--db", str(path), "--limit", "0")["events"]
    assert len({e["confidence"] for e in everything}) > 1
    for x in ("0.5", "0.93", "0.931"):
        kept = _json(runner, "timeline", actor, "--db", str(path), "--limit", "0", "--min-confidence", x)["events"]
        assert [e["id"] for e in kept] == [e["id"] for e in everything if e["confidence"] >= float(x)], x
    table = runner.invoke(main, ["timeline", actor, "--db", str(path), "--min-confidence", "0.93"])
    assert table.exit_code == 0 and any(" 0.93 " in line for line in table.output.splitlines())


@pytest.mark.parametrize("command", [["story", STORY], ["timeline", "North Korea"]])
def test_a_min_confidence_outside_0_to_1_is_a_usage_error(runner, confident_store, command):
    result = runner.invoke(main, [*command, "--db", str(confident_store[0]), "--min-confidence", "1.5"])
    assert result.exit_code == 2 and "--min-confidence" in result.output
