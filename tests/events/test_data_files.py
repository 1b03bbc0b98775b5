"""The shipped event data files keep the conventions their README sets out."""

import csv
import re
from importlib import resources
from pathlib import Path

import pytest

from tidings.events.lexicon import TYPES

DATA = resources.files("tidings.events").joinpath("data")
CAMEO_TABLE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "plover_gsr" / "CAMEO2PLOVER-2021.txt"


def rows(name):
    lines = [line for line in DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_modality_cues_have_a_known_kind_and_scope_and_no_repeats():
    seen = set()
    for row in rows("modality.tsv"):
        assert row["kind"] in ("hypothetical", "negated"), row
        assert row["scope"] in ("aux", "head", "mark", "neg", "object", "adverb"), row
        assert (row["cue"], row["scope"]) not in seen, row
        seen.add((row["cue"], row["scope"]))


def test_intent_recodings_name_plover_types_and_cameo_codes():
    kinds = {row["kind"] for row in rows("intent_cues.tsv")}
    assert kinds == {"commit", "threat", "demand", "refuse", "observer"}
    for row in rows("intent.tsv"):
        assert row["kind"] in kinds and row["to"] in TYPES and (row["from"] in TYPES or row["from"] == "*"), row
        assert row["cameo"] == "" or re.fullmatch(r"\d{2,4}", row["cameo"]), row


def test_every_cameo_code_in_the_data_is_in_the_cameo_to_plover_table():
    if not CAMEO_TABLE.exists():
        pytest.skip(f"CAMEO table not found at {CAMEO_TABLE}")
    known = {line.split(":")[0].strip() for line in CAMEO_TABLE.read_text(encoding="utf-8").splitlines() if ":" in line}
    codes = {r["cameo"] for r in rows("triggers.tsv") if r["type"] != "-"} | {r["cameo"] for r in rows("intent.tsv") if r["cameo"]}
    assert codes - known == set()


def test_no_event_rows_name_objects_and_nothing_else():
    for row in (r for r in rows("triggers.tsv") if r["type"] == "-"):
        assert row["object"] and not (row["mode"] or row["context"] or row["cameo"] or row["reciprocal"]), row
