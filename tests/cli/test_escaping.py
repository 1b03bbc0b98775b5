"""Every reading command prints stored fields safely: Rich markup shown as text, control characters
shown as escapes, never sent to the terminal. The store is a real one, made hostile by hand."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.cli.safe import json_text, markup, plain, same_length

HOSTILE = " [/] [bold]x[/bold] \x1b]0;owned\x07 \x1b[2J \x9b31m \u202e \r"
RAW = ("\x1b", "\x9b", "\u202e", "\x07", "\r")
SKIP = {"id", "article_id", "actor_id", "event_id"}
STRUCTS = {"sources": True, "targets": True, "attributed_to": False, "location": False, "speaker": False}


def poison(path: Path) -> None:
    """Append HOSTILE to every text field of every table (ids excepted, so records can be looked up)."""
    con = duckdb.connect(str(path))
    h = "'" + HOSTILE.replace("'", "''") + "'"
    columns = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                          "WHERE table_name NOT IN ('schema_migrations')").fetchall()
    for table, column, kind in columns:
        col = f'"{column}"'
        if column in SKIP or table == "site_lines":
            continue
        if kind == "VARCHAR":
            con.execute(f"UPDATE {table} SET {col} = {col} || {h} WHERE {col} IS NOT NULL")
        elif kind == "VARCHAR[]":
            con.execute(f"UPDATE {table} SET {col} = list_append({col}, {h}) WHERE {col} IS NOT NULL")
        elif column in STRUCTS and "name VARCHAR" in kind:
            fields = ["name"] + (["text"] if "text VARCHAR" in kind else [])
            update = "struct_update(s, " + ", ".join(f"{f} := coalesce(s.{f}, '') || {h}" for f in fields) + ")"
            value = f"list_transform({col}, lambda s: {update})" if STRUCTS[column] else update.replace("s.", f"{col}.").replace("(s,", f"({col},")
            con.execute(f"UPDATE {table} SET {col} = {value} WHERE {col} IS NOT NULL")
    con.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, examples_dir, pipeline) -> str:
    path = tmp_path_factory.mktemp("hostile") / "hostile.duckdb"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(examples_dir), "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    poison(path)
    return str(path)


def ids(db: str, table: str) -> str:
    con = duckdb.connect(db, read_only=True)
    try:
        return con.execute(f"SELECT min(id) FROM {table}").fetchone()[0]
    finally:
        con.close()


def commands(db: str) -> list[list[str]]:
    con = duckdb.connect(db, read_only=True)
    actor = con.execute("SELECT a.id FROM actors a JOIN actor_mentions m ON m.actor_id = a.id LIMIT 1").fetchone()[0]
    event = con.execute("SELECT id FROM events ORDER BY id LIMIT 1").fetchone()[0]
    con.close()
    base = [["articles"], ["articles", "--limit", "3"], ["show", ids(db, "articles")], ["show", "actor", actor],
            ["show", "event", event], ["actors"], ["stats"], ["events"], ["quotes"], ["claims"], ["predictions"],
            ["events", "--format", "csv"], ["events", "--format", "jsonl"]]
    with_json = [c + ["--json"] for c in base if "--format" not in c and c[0] != "events"]
    return [c + ["--db", db] for c in base + with_json]


def test_every_reading_command_prints_hostile_fields_safely(hostile: str) -> None:
    runner = CliRunner()
    for command in commands(hostile):
        result = runner.invoke(main, command)
        assert result.exit_code == 0, (command, result.output, result.exception)
        if "csv" in command:
            continue  # CSV is data: kept exact when piped (see the terminal case below)
        for raw in RAW:
            assert raw not in result.output, (command, raw)
        if "--json" not in command and "jsonl" not in command:
            assert "[/]" in result.output or command[0] in ("predictions", "events"), command


def test_csv_to_a_terminal_shows_control_characters() -> None:
    import io

    from tidings.cli.output import _write

    sink = io.StringIO()
    _write([{"id": "e1", "title": "a\x1b[2Jb", "n": 3}], "csv", sink, terminal=True)
    assert sink.getvalue().splitlines() == ["id,title,n", "e1,a\\x1b[2Jb,3"]


def test_json_output_keeps_the_values_exactly(hostile: str) -> None:
    rows = json.loads(CliRunner().invoke(main, ["articles", "--json", "--db", hostile]).output)
    assert all(r["title"].endswith(HOSTILE) for r in rows)
    assert all(r["source"] is None or r["source"].endswith(HOSTILE) for r in rows)


def test_a_source_of_closing_markup_no_longer_breaks_the_listing(tmp_path: Path, hostile: str) -> None:
    result = CliRunner().invoke(main, ["articles", "--db", hostile, "--source", "[/]"])
    assert result.exit_code == 0 and "[/]" in result.output


@pytest.mark.parametrize(("value", "shown"), [
    ("a\x1b[31mb", "a\\x1b[31mb"), ("t\x07", "t\\x07"), ("x\x9by", "x\\x9by"), ("\u202eevil", "\\u202eevil"),
    ("two\nlines", "two lines"), ("tab\tkept", "tab\tkept"), ("é ü 漢字", "é ü 漢字"), (None, ""), (3, "3"),
])
def test_plain_shows_control_characters_as_escapes(value, shown: str) -> None:
    assert plain(value) == shown


def test_markup_escapes_rich_tags_and_newlines_can_be_kept() -> None:
    assert markup("[/] [red]x") == "\\[/] \\[red]x"
    assert plain("a\r\nb\x1b", newlines=True) == "a\nb\\x1b"


def test_same_length_keeps_offsets() -> None:
    text = "Kim\x1b[2J said\nno"
    assert len(same_length(text)) == len(text) and "\x1b" not in same_length(text)


def test_json_text_is_valid_json_with_c1_and_bidi_escaped() -> None:
    data = {"t": "a\x9b\u202e\x1bz é"}
    text = json_text(data)
    assert json.loads(text) == data
    assert "\x9b" not in text and "\u202e" not in text and "é" in text
