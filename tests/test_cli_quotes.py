"""`tidings quotes`, `claims` and `predictions` through click's CliRunner on a real store."""

import json

import pytest
from click.testing import CliRunner

from tidings.cli import main

ARTICLES = {
    "first": ("2024-01-10", "Tension on the peninsula\n\n"
              "Analysts say North Korea may attack South Korea next year. "
              "“We are ready for anything,” Joe Biden said on Friday. "
              "The ministry denied that troops had crossed the border.\n"),
    "second": ("2024-03-01", "Border clash\n\nNorth Korea attacked South Korea on Tuesday. "
               "Emmanuel Macron believes that the crisis is serious.\n"),
}


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, runner, pipeline):
    folder = tmp_path_factory.mktemp("quotes-cli")
    for name, (published, text) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.json").write_text(json.dumps({"published": published}), encoding="utf-8")
    path = folder / "quotes.duckdb"
    result = runner.invoke(main, ["ingest", str(folder), "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    return str(path)


def as_json(runner, *args):
    result = runner.invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_quotes_lists_quotes_by_speaker(runner, db):
    (q,) = as_json(runner, "quotes", "--db", db, "--speaker", "Joe Biden")
    assert q["text"] == "We are ready for anything," and q["speaker"]["name"] == "Joe Biden"
    assert as_json(runner, "quotes", "--db", db, "--speaker", "Emmanuel Macron") == []
    assert len(as_json(runner, "quotes", "--db", db, "--search", "ready")) == 1
    table = runner.invoke(main, ["quotes", "--db", db])
    assert table.exit_code == 0 and "Joe Biden" in table.output and "ready for anything" in table.output


def test_claims_filter_by_kind_and_speaker(runner, db):
    predictions = as_json(runner, "claims", "--db", db, "--kind", "prediction")
    assert [(c["speaker"]["text"], c["kind"]) for c in predictions] == [("Analysts", "prediction")]
    (denial,) = as_json(runner, "claims", "--db", db, "--kind", "denial")
    assert denial["speaker"]["text"] == "The ministry" and denial["cue"] == "denied"
    (belief,) = as_json(runner, "claims", "--db", db, "--speaker", "Emmanuel Macron")
    assert belief["kind"] == "assessment"
    assert runner.invoke(main, ["claims", "--db", db, "--kind", "rumour"]).exit_code == 2


def test_predictions_say_who_when_about_whom_and_split_into_outcome_and_open(runner, db):
    (p,) = as_json(runner, "predictions", "--db", db)
    assert p["speaker"]["text"] == "Analysts" and p["published"] == "2024-01-10"
    assert {"North Korea", "South Korea"} <= {a["name"] for a in p["about"]}
    with_outcome = as_json(runner, "predictions", "--db", db, "--outcome")
    still_open = as_json(runner, "predictions", "--db", db, "--open")
    assert len(with_outcome) + len(still_open) == 1
    for row in with_outcome:
        assert row["outcome"]["published"] == "2024-03-01"
    assert runner.invoke(main, ["predictions", "--db", db]).exit_code == 0


def test_stats_count_quotes_and_claims(runner, db):
    result = runner.invoke(main, ["stats", "--db", db])
    assert result.exit_code == 0 and "1 quotes, 4 claims" in result.output


@pytest.mark.parametrize("command, example", [
    ("quotes", 'tidings quotes --speaker "Donald Trump"'),
    ("claims", "tidings claims --kind prediction"),
    ("predictions", "tidings predictions --speaker analysts --open"),
])
def test_help_teaches_with_examples(runner, command, example):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0 and example in result.output
