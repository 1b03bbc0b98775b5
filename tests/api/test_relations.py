"""The relations series: PLOVER scores of asserted events per period and direction, the rest apart."""

from __future__ import annotations

from statistics import mean

import pytest

from tidings.store.formats import plover_score

pytestmark = pytest.mark.slow


def test_each_point_is_the_mean_plover_score_of_the_events_a_click_lists(client):
    from tidings.web.charts import chart_rows

    rel = client.get("/api/relations", params={"a": "USA", "b": "PRK"}).json()
    assert rel["a"]["kind"] == "country" and rel["b"]["id"] == "PRK"
    assert rel["series"], "the examples hold asserted events between the United States and North Korea"
    for row in chart_rows(rel):
        if row["kind"] == "prediction":
            continue
        events = client.get(f"/api/events?{row['events_query']}&limit=200").json()["items"]
        assert len(events) == row["events"]
        assert {e["modality"] for e in events} == {row["kind"]}
        assert mean(plover_score(e["type"], e["mode"]) for e in events) == pytest.approx(row["score"], abs=1e-3)


def test_hypothetical_events_and_predictions_never_enter_the_score(client):
    rel = client.get("/api/relations", params={"a": "USA", "b": "PRK", "by": "week"}).json()
    asserted = client.get("/api/events", params={"modality": "asserted", "limit": 200}).json()["items"]
    dated = [e for e in asserted if e["date"] or e["published"]]
    in_pair = [e for e in dated if any(x["country"] == "USA" for x in e["sources"]) and any(x["country"] == "PRK" for x in e["targets"])
               or any(x["country"] == "PRK" for x in e["sources"]) and any(x["country"] == "USA" for x in e["targets"])]
    directed = sum(p["events"] for p in rel["series"])
    assert directed >= len(in_pair) > 0  # a mutual event counts in both directions
    assert rel["undated"] == sum(1 for e in asserted if not (e["date"] or e["published"]) and (
        any(x["country"] == "USA" for x in e["sources"]) and any(x["country"] == "PRK" for x in e["targets"])
        or any(x["country"] == "PRK" for x in e["sources"]) and any(x["country"] == "USA" for x in e["targets"])))
    assert all(p["period"] for p in rel["hypothetical"])
    for p in rel["predictions"]:
        assert p["outcome"] is None or p["outcome"]["event_id"]


def test_relations_between_two_actors_by_name(client):
    rel = client.get("/api/relations", params={"a": "Kim Jong Un", "b": "United States"}).json()
    assert rel["a"]["kind"] == "actor" and rel["b"]["kind"] == "country"


def test_chart_spec_carries_the_same_numbers(client):
    spec = client.get("/api/relations/chart", params={"a": "USA", "b": "PRK"}).json()
    rel = client.get("/api/relations", params={"a": "USA", "b": "PRK"}).json()
    drawn = sorted((r["period"], r["direction"], r["score"]) for r in spec["data"]["values"] if r["kind"] == "asserted")
    assert drawn == sorted((p["period"], p["direction"], p["score"]) for p in rel["series"])


def test_the_chart_compiled_to_vega_carries_the_same_numbers(client):
    from tidings.web.charts import compile_vega, relations_spec

    for a, b, by in [("USA", "PRK", "month"), ("USA", "PRK", "week"), ("Donald Trump", "North Korea", "month")]:
        vega = client.get("/api/relations/chart", params={"a": a, "b": b, "by": by, "format": "vega"}).json()
        lite = client.get("/api/relations/chart", params={"a": a, "b": b, "by": by}).json()
        assert vega["usermeta"] == lite["usermeta"]
        # the server fills a compiled template: it must be what vl-convert compiles (else run
        # tidings.web.charts.write_vega_templates())
        compiled = compile_vega(relations_spec(lite["usermeta"]["relations"], width="container"))
        assert vega == compiled


def test_cli_prints_the_series_and_plots_png_and_svg(store_copy, tmp_path):
    from click.testing import CliRunner

    from tidings.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["relations", "USA", "PRK", "--db", str(store_copy), "--by", "month",
                                  "--plot", str(tmp_path / "r.svg")])
    assert result.exit_code == 0, result.output
    assert "United States → North Korea" in result.output
    assert (tmp_path / "r.svg").read_text().lstrip().startswith("<svg")
    result = runner.invoke(main, ["relations", "USA", "PRK", "--db", str(store_copy), "--plot", str(tmp_path / "r.png")])
    assert result.exit_code == 0 and (tmp_path / "r.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = runner.invoke(main, ["relations", "USA", "Atlantis", "--db", str(store_copy)])
    assert bad.exit_code == 1 and "Atlantis" in bad.output
