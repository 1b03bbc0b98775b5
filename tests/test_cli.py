"""The command line, through click's CliRunner (in process) on real stores."""

import json

import pytest
from click.testing import CliRunner

from tidings.cli import main


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, runner, examples_dir, pipeline):
    path = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    result = runner.invoke(main, ["ingest", str(examples_dir), "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Added 10 articles" in result.output and "1 duplicates" in result.output
    return str(path)


def test_help_teaches_the_commands(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "articles", "show", "stats", "export", "stages"):
        assert command in result.output
    assert "tidings ingest examples/articles" in result.output


def test_articles_lists_and_filters(runner, db):
    result = runner.invoke(main, ["articles", "--db", db, "--json"])
    rows = json.loads(result.output)
    assert len(rows) == 10
    german = json.loads(runner.invoke(main, ["articles", "--db", db, "--language", "de", "--json"]).output)
    assert len(german) == 1 and german[0]["status"] == "skipped-language"
    found = json.loads(runner.invoke(main, ["articles", "--db", db, "--search", "Security Council", "--json"]).output)
    assert 0 < len(found) < 10
    table = runner.invoke(main, ["articles", "--db", db, "--since", "2024-11-02"])
    assert table.exit_code == 0 and "2024-11-0" in table.output


def test_show_prints_text_removed_lines_and_entities(runner, db):
    rows = json.loads(runner.invoke(main, ["articles", "--db", db, "--json", "--search", "ICBM"]).output)
    target = next(r for r in rows if r["origin"].endswith("01-icbm-launch.txt"))
    result = runner.invoke(main, ["show", target["id"][:8], "--db", db])
    assert result.exit_code == 0, result.output
    assert "Removed as page residue" in result.output and "GPE" in result.output
    data = json.loads(runner.invoke(main, ["show", target["id"], "--db", db, "--json"]).output)
    assert data["removed"] and data["sentences"]


def test_show_unknown_article_is_one_clear_line(runner, db):
    result = runner.invoke(main, ["show", "nope", "--db", db])
    assert result.exit_code == 1 and "no article 'nope'" in result.output and "Traceback" not in result.output


def test_stats_counts_what_is_stored(runner, db):
    data = json.loads(runner.invoke(main, ["stats", "--db", db, "--json"]).output)
    assert data["articles"] == 10 and data["by_language"] == {"en": 9, "de": 1}
    assert data["sentences"] > 100 and data["mentions"] > 100 and data["removed_lines"] > 0
    assert runner.invoke(main, ["stats", "--db", db]).exit_code == 0


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_writes_one_file_per_table(runner, db, tmp_path, fmt):
    result = runner.invoke(main, ["export", "--db", db, "--format", fmt, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{t}.{fmt}" for t in ("articles", "sentences", "mentions", "actors", "actor_mentions", "events",
                                    "quotes", "claims", "near_duplicates", "merged_events", "event_mentions",
                                    "stories", "story_articles"))


def test_export_jsonl_keeps_the_contract(runner, db, tmp_path):
    runner.invoke(main, ["export", "--db", db, "--format", "jsonl", "--out", str(tmp_path)])
    articles = {a["id"]: a for a in map(json.loads, (tmp_path / "articles.jsonl").read_text().splitlines())}
    for a in articles.values():
        assert {"id", "title", "text", "raw_text", "removed", "published", "url", "source", "language"} <= a.keys()
        assert isinstance(a["removed"], list)
    for table in ("sentences", "mentions", "actor_mentions"):
        for rec in map(json.loads, (tmp_path / f"{table}.jsonl").read_text().splitlines()):
            assert articles[rec["article_id"]]["text"][rec["start"]:rec["end"]] == rec["text"]
    actors = {a["id"]: a for a in map(json.loads, (tmp_path / "actors.jsonl").read_text().splitlines())}
    for a in actors.values():
        assert {"id", "name", "type", "country", "sectors", "wikidata", "aliases"} <= a.keys()
    for rec in map(json.loads, (tmp_path / "actor_mentions.jsonl").read_text().splitlines()):
        assert {"actor_id", "article_id", "text", "start", "end"} <= rec.keys()
        assert rec["actor_id"] is None or rec["actor_id"] in actors


def stored_event_ids(db, where: str, params: list) -> set[str]:
    from tidings import open_store

    with open_store(db, read_only=True) as s:
        return {r[0] for r in s.con.execute(f"SELECT id FROM events WHERE {where}", params).fetchall()}


def test_export_plover_and_gdelt_min_confidence_write_exactly_the_events_at_or_above_it(runner, db, tmp_path):
    high = stored_event_ids(db, "confidence >= ?", [0.35])
    asserted_high = stored_event_ids(db, "modality = 'asserted' AND confidence >= ?", [0.35])
    assert asserted_high and asserted_high < high < stored_event_ids(db, "true", [])
    result = runner.invoke(main, ["export", "--db", db, "--format", "plover", "--min-confidence", "0.35",
                                  "--out", str(tmp_path / "p")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "p" / "events.plover.jsonl").read_text().splitlines()]
    assert {r["id"] for r in records} == high and f"{len(high)} records" in result.output
    for out, extra, expected in (("g", [], asserted_high), ("ga", ["--all-modalities"], high)):
        result = runner.invoke(main, ["export", "--db", db, "--format", "gdelt", "--min-confidence", "0.35",
                                      *extra, "--out", str(tmp_path / out)])
        assert result.exit_code == 0, result.output
        rows = (tmp_path / out / "events.gdelt.tsv").read_text().splitlines()[1:]
        assert {row.split("\t")[0].rsplit("-d", 1)[0] for row in rows} == expected, extra


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_export_min_confidence_out_of_range_is_a_usage_error(runner, db, tmp_path, value):
    result = runner.invoke(main, ["export", "--db", db, "--format", "plover", "--min-confidence", value,
                                  "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "--min-confidence" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_min_confidence_is_refused_for_table_formats(runner, db, tmp_path, fmt):
    result = runner.invoke(main, ["export", "--db", db, "--format", fmt, "--min-confidence", "0.35",
                                  "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--min-confidence applies to --format plover and gdelt only" in result.output
    assert not (tmp_path / "out").exists()


def test_bad_inputs_are_reported_and_the_batch_goes_on(runner, tmp_path):
    (tmp_path / "good.txt").write_text("Seoul protests\n\nSouth Korea protested the launch on Friday, officials said.")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9\n\nThe caf\u00e9 closed.".encode("cp1252"))
    (tmp_path / "nothing.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "w.jsonl").write_text('{"title": "A", "text": "Tokyo lodged a protest with Beijing."}\n{oops\n')
    db = str(tmp_path / "bad.duckdb")
    result = runner.invoke(main, ["ingest", str(tmp_path), str(tmp_path / "missing.txt"), "--db", db, "--quiet"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error")]
    assert len(errors) == 6, result.output
    for name, reason in [("empty.txt", "empty text"), ("junk.txt", "binary"), ("latin.txt", "not UTF-8"),
                         ("nothing.html", "no article text"), ("w.jsonl:2", "invalid JSON"),
                         ("missing.txt", "no such file")]:
        assert any(name in e and reason in e for e in errors), (name, errors)
    assert "Added 2 articles" in result.output


def test_published_option_dates_undated_articles(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Tokyo protests\n\nJapan lodged a protest with Beijing over the drill.")
    db = str(tmp_path / "p.duckdb")
    runner.invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", db, "-q", "--published", "2024-11-05"])
    rows = json.loads(runner.invoke(main, ["articles", "--db", db, "--json"]).output)
    assert rows[0]["published"] == "2024-11-05"


def test_bad_published_value_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["ingest", str(tmp_path), "--published", "someday soonish"])
    assert result.exit_code == 2 and "--published" in result.output


def test_actors_lists_with_counts_and_filters(runner, db):
    rows = json.loads(runner.invoke(main, ["actors", "--db", db, "--json", "--limit", "500"]).output)
    by_id = {r["id"]: r for r in rows}
    assert by_id["PRK"]["mentions"] > 10 and by_id["PRK"]["articles"] >= 5
    prk = json.loads(runner.invoke(main, ["actors", "--db", db, "--country", "PRK", "--json"]).output)
    assert prk and all(r["country"] == "PRK" for r in prk)
    people = json.loads(runner.invoke(main, ["actors", "--db", db, "--type", "person", "--json"]).output)
    assert people and all(r["type"] == "person" for r in people)
    assert "Kim Jong Un" in {r["name"] for r in people}
    assert runner.invoke(main, ["actors", "--db", db]).exit_code == 0


def test_show_actor_by_any_spelling(runner, db):
    result = runner.invoke(main, ["show", "actor", "Kim Jong-un", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Kim Jong Un" in result.output and "PRK" in result.output and "Mentions" in result.output
    data = json.loads(runner.invoke(main, ["show", "actor", "Pyongyang", "--db", db, "--json"]).output)
    assert data["id"] == "PRK" and data["mentions"]


def test_show_unknown_actor_is_one_clear_line(runner, db):
    result = runner.invoke(main, ["show", "actor", "Nobody Atall", "--db", db])
    assert result.exit_code == 1 and "no actor" in result.output


def test_events_lists_filters_and_writes_formats(runner, db, tmp_path):
    rows = [json.loads(line) for line in runner.invoke(
        main, ["events", "--db", db, "--format", "jsonl", "--limit", "0"]).output.splitlines()]
    assert rows and {"id", "type", "sources", "targets", "modality", "date", "location", "cameo"} <= rows[0].keys()
    prk = [json.loads(line) for line in runner.invoke(
        main, ["events", "--db", db, "--country", "PRK", "--format", "jsonl"]).output.splitlines()]
    assert prk and all("PRK" in {a["country"] for a in r["sources"] + r["targets"]} for r in prk)
    hyp = [json.loads(line) for line in runner.invoke(
        main, ["events", "--db", db, "--modality", "hypothetical", "--format", "jsonl"]).output.splitlines()]
    assert hyp and all(r["modality"] == "hypothetical" for r in hyp)
    out = tmp_path / "ev.parquet"
    assert runner.invoke(main, ["events", "--db", db, "--format", "parquet", "--out", str(out)]).exit_code == 0
    assert out.stat().st_size > 0
    csv_out = runner.invoke(main, ["events", "--db", db, "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("id,article_id")
    assert runner.invoke(main, ["events", "--db", db]).exit_code == 0


def test_the_events_table_shows_each_events_confidence(runner, db):
    first = json.loads(runner.invoke(main, ["events", "--db", db, "--format", "jsonl", "--limit", "1"]).output)
    table = runner.invoke(main, ["events", "--db", db, "--limit", "1"], terminal_width=250).output
    assert "conf" in table.splitlines()[0] and f"{first['confidence']:.2f}" in table.splitlines()[1]


def test_events_min_confidence_keeps_exactly_the_events_at_or_above_it(runner, db):
    listed = lambda *args: [json.loads(line) for line in runner.invoke(  # noqa: E731
        main, ["events", "--db", db, "--format", "jsonl", "--limit", "0", *args]).output.splitlines()]
    everything = listed()
    confidences = sorted({r["confidence"] for r in everything})
    assert len(confidences) > 1
    for value in (0.5, confidences[len(confidences) // 2], confidences[-1]):
        kept = listed("--min-confidence", str(value))
        assert [r["id"] for r in kept] == [r["id"] for r in everything if r["confidence"] >= value], value
    prk = listed("--country", "PRK")
    assert [r["id"] for r in listed("--country", "PRK", "--min-confidence", "0.5")] == \
        [r["id"] for r in prk if r["confidence"] >= 0.5]


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_events_min_confidence_out_of_range_is_a_usage_error(runner, db, value):
    result = runner.invoke(main, ["events", "--db", db, "--min-confidence", value])
    assert result.exit_code == 2
    assert "--min-confidence" in result.output and "Traceback" not in result.output


def test_show_event_marks_the_trigger_and_actors(runner, db):
    first = json.loads(runner.invoke(main, ["events", "--db", db, "--format", "jsonl", "--limit", "1"]).output)
    result = runner.invoke(main, ["show", "event", first["id"], "--db", db])
    assert result.exit_code == 0, result.output
    assert first["type"] in result.output and "source" in result.output and first["cameo"] in result.output
