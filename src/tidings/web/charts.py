"""The relations chart as a Vega-Lite spec: drawn in the dashboard by the vendored vega-embed,
and to PNG or SVG by ``tidings relations --plot`` with vl-convert (the same Vega versions).

One table of marks: the asserted score per period and direction (filled circles joined by a
line; bigger for more events), hypothetical events (hollow diamonds, at the score they would
have) and predictions about the pair (triangles at the score of what they foresee, or at the
top of the chart when they foresee no coded event; filled once an outcome bears them out).
Hypothetical marks and predictions never enter the line.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

VEGA_LITE_VERSION = "6.4"  # the one vl-convert and the vendored vega-lite share
TOP = 10.5  # where predictions without a foreseen score are drawn


def _end(period: str, by: str) -> str:
    from datetime import date, timedelta

    start = date.fromisoformat(period)
    if by == "week":
        return (start + timedelta(days=6)).isoformat()
    nxt = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).isoformat()


def chart_rows(rel: dict[str, Any]) -> list[dict[str, Any]]:
    """The marks of the chart, each with what a click on it opens (``events`` or ``claim``)."""
    a, b, by = rel["a"], rel["b"], rel["by"]
    label = {"a->b": f"{a['name'] or a['id']} → {b['name'] or b['id']}",
             "b->a": f"{b['name'] or b['id']} → {a['name'] or a['id']}"}
    rows = []
    for kind, points in (("asserted", rel["series"]), ("hypothetical", rel["hypothetical"])):
        for p in points:
            src, tgt = (a, b) if p["direction"] == "a->b" else (b, a)
            query = {"source": src["key"], "target": tgt["key"], "modality": kind, "since": p["period"],
                     "until": _end(p["period"], by)}
            if rel.get("min_confidence") is not None:  # the events a point counts, and no others
                query["min_confidence"] = rel["min_confidence"]
            rows.append({"period": p["period"], "score": p["score"], "events": p["events"], "kind": kind,
                         "direction": p["direction"], "series": f"{label[p['direction']]} ({kind})",
                         "total": p.get("total"), "events_query": urlencode(query), "text": None})
    for p in rel["predictions"]:
        if not p["period"]:
            continue
        status = "borne out" if p["outcome"] else "open"
        speaker = (p["speaker"] or {}).get("name") or (p["speaker"] or {}).get("text") or "someone"
        rows.append({"period": p["period"], "score": p["foreseen_score"] if p["foreseen_score"] is not None else TOP,
                     "events": 1, "kind": "prediction", "direction": None, "series": f"prediction ({status})",
                     "total": None, "events_query": None, "claim": p["id"],
                     "outcome": (p["outcome"] or {}).get("event_id"),
                     "text": f"{speaker}: {p['content'][:160]}"})
    return rows


def relations_spec(rel: dict[str, Any], *, width: int | str = 640, height: int = 300) -> dict[str, Any]:
    """A Vega-Lite spec of the relations series, its data inline."""
    rows = chart_rows(rel)
    a, b = rel["a"], rel["b"]
    name = lambda s: s["name"] or s["id"]  # noqa: E731
    series = [f"{name(a)} → {name(b)} (asserted)", f"{name(b)} → {name(a)} (asserted)",
              f"{name(a)} → {name(b)} (hypothetical)", f"{name(b)} → {name(a)} (hypothetical)",
              "prediction (borne out)", "prediction (open)"]
    colors = ["#1f6fb2", "#d3542a", "#1f6fb2", "#d3542a", "#2a8a3e", "#777777"]
    x = {"field": "period", "type": "temporal", "title": "month" if rel["by"] == "month" else "week",
         "timeUnit": "yearmonth" if rel["by"] == "month" else "yearmonthdate"}
    y = {"field": "score", "type": "quantitative", "title": "PLOVER score (mean of asserted events)",
         "scale": {"domain": [-10, 11]}}
    color = {"field": "series", "type": "nominal", "title": None, "scale": {"domain": series, "range": colors},
             "legend": {"orient": "bottom", "columns": 2, "labelLimit": 320}}
    tooltip = [{"field": "series", "title": "series"}, {"field": "period", "type": "temporal", "title": "period"},
               {"field": "score", "title": "score", "format": ".2f"}, {"field": "events", "title": "events"},
               {"field": "text", "title": "prediction"}]
    asserted = {"filter": "datum.kind === 'asserted'"}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": {"text": f"{name(a)} and {name(b)}: conflict and cooperation",
                  "subtitle": "asserted events only in the line; hypothetical events and predictions apart"},
        "width": width, "height": height,
        "data": {"values": rows},
        "layer": [
            {"mark": {"type": "rule", "color": "#999", "strokeDash": [2, 2]}, "encoding": {"y": {"datum": 0}}},
            {"transform": [asserted], "mark": {"type": "line", "interpolate": "monotone"},
             "encoding": {"x": x, "y": y, "color": color, "detail": {"field": "direction"}}},
            {"transform": [asserted], "mark": {"type": "point", "filled": True, "cursor": "pointer"},
             "encoding": {"x": x, "y": y, "color": color, "size": {"field": "events", "type": "quantitative",
                                                             "title": "events", "scale": {"range": [40, 400]},
                                                             "legend": None},
                          "tooltip": tooltip}},
            {"transform": [{"filter": "datum.kind === 'hypothetical'"}],
             "mark": {"type": "point", "shape": "diamond", "filled": False, "strokeWidth": 2, "size": 120,
                      "cursor": "pointer", "opacity": 0.8},
             "encoding": {"x": x, "y": y, "color": color, "tooltip": tooltip}},
            {"transform": [{"filter": "datum.kind === 'prediction'"}],
             "mark": {"type": "point", "shape": "triangle-up", "size": 140, "cursor": "pointer", "filled": True},
             "encoding": {"x": x, "y": y, "color": color, "tooltip": tooltip}},
        ],
        "config": {"font": "sans-serif", "view": {"stroke": None}},
        "usermeta": {"relations": rel},  # the numbers behind the chart, for whoever draws it
    }


# The relations chart compiled to Vega, once per period, with placeholders for the two names:
# vl-convert holds the GIL for the whole compile (seconds the first time), which a server must
# not, so it fills this compiled template instead (tests/api/test_relations.py checks that the
# two agree; ``write_vega_templates()`` recompiles it after a change to ``relations_spec``).
TEMPLATES = Path(__file__).with_name("relations.vega.json")
A_NAME, B_NAME = "\u2063A\u2063", "\u2063B\u2063"  # invisible separators: in no actor's name


def _placeholder_rel(by: str) -> dict[str, Any]:
    return {"a": {"name": A_NAME, "id": A_NAME, "key": A_NAME}, "b": {"name": B_NAME, "id": B_NAME, "key": B_NAME},
            "by": by, "series": [], "hypothetical": [], "predictions": []}


def compile_vega(spec: dict[str, Any]) -> dict[str, Any]:
    """A Vega-Lite spec compiled to Vega by vl-convert (the vendored Vega-Lite's version)."""
    import vl_convert

    return vl_convert.vegalite_to_vega(spec, vl_version=VEGA_LITE_VERSION)


def write_vega_templates() -> None:
    """Compile the relations chart's templates into ``TEMPLATES``."""
    compiled = {by: compile_vega(relations_spec(_placeholder_rel(by), width="container")) for by in ("month", "week")}
    TEMPLATES.write_text(json.dumps(compiled, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


@lru_cache(maxsize=1)
def _templates() -> dict[str, Any]:
    return json.loads(TEMPLATES.read_text())


def _fill(node: Any, names: dict[str, str]) -> Any:
    if isinstance(node, str):
        for mark, name in names.items():
            node = node.replace(mark, name)
        return node
    if isinstance(node, list):
        return [_fill(x, names) for x in node]
    if isinstance(node, dict):
        return {k: _fill(v, names) for k, v in node.items()}
    return node


def vega_spec(rel: dict[str, Any]) -> dict[str, Any]:
    """The relations chart as Vega (what ``compile_vega(relations_spec(rel, width="container"))``
    gives), so that a browser draws it with vega.min.js alone, no Vega-Lite or vega-embed."""
    name = lambda s: s["name"] or s["id"]  # noqa: E731
    out = _fill(_templates()[rel["by"]], {A_NAME: name(rel["a"]), B_NAME: name(rel["b"])})
    rows = chart_rows(rel)
    for data in out["data"]:
        if "values" in data:
            data["values"] = rows
    out["usermeta"] = {"relations": rel}
    return out


def render(spec: dict[str, Any], path: str) -> None:
    """Write the chart to ``path``, PNG or SVG by its suffix."""
    import vl_convert

    if path.lower().endswith(".svg"):
        data = vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE_VERSION).encode()
    elif path.lower().endswith(".png"):
        data = vl_convert.vegalite_to_png(spec, vl_version=VEGA_LITE_VERSION, scale=2)
    else:
        raise ValueError("--plot writes .png or .svg")
    with open(path, "wb") as fh:
        fh.write(data)
