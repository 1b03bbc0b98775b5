"""The relations series: PLOVER scores of asserted events per period and direction, the rest apart."""

from __future__ import annotations

import json
from statistics import mean

import pytest

from tidings.store.formats import plover_score

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("filtered", [{}, {"min_confidence": 0.35}])
def test_each_point_is_the_mean_plover_score_of_the_events_a_click_lists(client, filtered):
    from tidings.web.charts import chart_rows

    rel = client.get("/api/relations", params={"a": "USA", "b": "PRK", **filtered}).json()
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


def test_cli_relations_take_the_api_min_confidence(store_copy, client):
    from click.testing import CliRunner

    from tidings.cli import main

    runner = CliRunner()
    for least in ("0.35", "0"):
        shown = runner.invoke(main, ["relations", "USA", "PRK", "--db", str(store_copy), "--json",
                                     "--min-confidence", least])
        assert shown.exit_code == 0, shown.output
        api = client.get("/api/relations", params={"a": "USA", "b": "PRK", "min_confidence": least}).json()
        assert json.loads(shown.output)["series"] == api["series"]
    assert runner.invoke(main, ["relations", "USA", "PRK", "--db", str(store_copy), "--min-confidence", "2"]).exit_code == 2


PAIR_COUNT = """
SELECT strftime(date_trunc('month', coalesce(e.date, ar.published)), '%Y-%m-%d') AS period, d.direction,
       count(*) AS events
FROM events e JOIN articles ar ON ar.id = e.article_id,
     (VALUES ('a->b', 'USA', 'PRK'), ('b->a', 'PRK', 'USA')) AS d(direction, src, tgt)
WHERE list_contains(list_transform(e.sources, lambda x: x.country), d.src)
  AND list_contains(list_transform(e.targets, lambda x: x.country), d.tgt)
  AND e.modality = $modality AND list_contains($types, e.type) AND ($least IS NULL OR e.confidence >= $least)
GROUP BY ALL
"""


def _counted(client, modality: str, least: float | None) -> dict[tuple[str, str], int]:
    """Per (period, direction), the pair USA/PRK's events of that modality, counted in DuckDB."""
    from tidings.store.formats import PLOVER_SCORES

    rows = client.app.state.served.rows(PAIR_COUNT, {"modality": modality, "types": list(PLOVER_SCORES),
                                                     "least": least})
    return {(r["period"], r["direction"]): r["events"] for r in rows if r["period"] is not None}


def _points(points: list[dict]) -> dict[tuple[str, str], int]:
    return {(p["period"], p["direction"]): p["events"] for p in points}


def test_min_confidence_keeps_only_the_pair_events_at_least_that_confident(client):
    everything = client.get("/api/relations", params={"a": "USA", "b": "PRK"}).json()
    assert everything["min_confidence"] is None
    assert _points(everything["series"]) == _counted(client, "asserted", None)
    for least in (0.35, 0.5, 0.7):
        rel = client.get("/api/relations", params={"a": "USA", "b": "PRK", "min_confidence": least}).json()
        assert rel["min_confidence"] == least
        assert _points(rel["series"]) == _counted(client, "asserted", least)
        assert _points(rel["hypothetical"]) == _counted(client, "hypothetical", least)
        assert rel["undated"] == client.app.state.served.scalar(
            "SELECT count(*) FROM events e JOIN articles ar ON ar.id = e.article_id"
            " WHERE e.modality = 'asserted' AND e.date IS NULL AND ar.published IS NULL AND e.confidence >= $1"
            " AND ((list_contains(list_transform(e.sources, lambda x: x.country), 'USA')"
            "  AND list_contains(list_transform(e.targets, lambda x: x.country), 'PRK'))"
            "  OR (list_contains(list_transform(e.sources, lambda x: x.country), 'PRK')"
            "  AND list_contains(list_transform(e.targets, lambda x: x.country), 'USA')))", [least])
        assert rel["predictions"] == everything["predictions"]  # predictions do not depend on it
        chart = client.get("/api/relations/chart", params={"a": "USA", "b": "PRK", "min_confidence": least}).json()
        assert chart["usermeta"]["relations"] == rel
    high = client.get("/api/relations", params={"a": "USA", "b": "PRK", "min_confidence": 0.35}).json()
    assert 0 < sum(p["events"] for p in high["series"]) < sum(p["events"] for p in everything["series"]), \
        "the examples hold USA/PRK events on both sides of the high-precision setting"


def test_min_confidence_zero_is_no_filter_and_out_of_range_is_the_one_error_shape(client):
    everything = client.get("/api/relations", params={"a": "USA", "b": "PRK", "by": "week"}).json()
    zero = client.get("/api/relations", params={"a": "USA", "b": "PRK", "by": "week", "min_confidence": 0}).json()
    assert zero.pop("min_confidence") == 0 and everything.pop("min_confidence") is None
    assert zero == everything
    for path in ("/api/relations", "/api/relations/chart"):
        for value in ("1.5", "-0.1", "nan", "high"):
            r = client.get(path, params={"a": "USA", "b": "PRK", "min_confidence": value})
            assert r.status_code == 422, (path, value, r.text)
            assert r.json() == {"error": {"code": "invalid_parameter", "message": r.json()["error"]["message"],
                                          "field": "min_confidence"}}
