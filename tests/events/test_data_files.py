"""The shipped event data files keep the conventions their README sets out."""

import csv
import re
from importlib import resources
from pathlib import Path

import pytest

from tidings.events.lexicon import TYPES

DATA = resources.files("tidings.events").joinpath("data")
CAMEO_TABLE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
# CAMEO 02 (Appeal), from the CAMEO codebook 1.1b3: the CAMEO-to-PLOVER table leaves the category
# out because PLOVER drops it; Tidings codes appeals as REQUEST and keeps their CAMEO code
CAMEO_APPEAL = {"020", "021", "0211", "0212", "0213", "0214", "022", "023", "0231", "0232", "0233", "0234",
                "024", "0241", "0242", "0243", "0244", "025", "0251", "0252", "0253", "0254", "0255", "0256",
                "026", "027", "028"}


def rows(name):
    lines = [line for line in DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_modality_cues_have_a_known_kind_and_scope_and_no_repeats():
    seen = set()
    for row in rows("modality.tsv"):
        assert row["kind"] in ("hypothetical", "negated"), row
        assert row["scope"] in ("aux", "head", "mark", "neg", "object", "adverb", "present", "determiner", "before", "claim"), row
        assert (row["cue"], row["scope"]) not in seen, row
        seen.add((row["cue"], row["scope"]))


def test_intent_recodings_name_plover_types_and_cameo_codes():
    kinds = {row["kind"] for row in rows("intent_cues.tsv")}
    assert kinds == {"commit", "threat", "demand", "appeal", "refuse", "observer", "permit"}
    for row in rows("intent.tsv"):
        assert row["kind"] in kinds and row["to"] in TYPES and (row["from"] in TYPES or row["from"] == "*"), row
        assert row["cameo"] == "" or re.fullmatch(r"\d{2,4}", row["cameo"]), row


def test_every_cameo_code_in_the_data_is_in_the_cameo_to_plover_table():
    if not CAMEO_TABLE.exists():
        pytest.skip(f"CAMEO table not found at {CAMEO_TABLE}")
    known = {line.split(":")[0].strip() for line in CAMEO_TABLE.read_text(encoding="utf-8").splitlines() if ":" in line}
    codes = {r["cameo"] for r in rows("triggers.tsv") if r["type"] != "-"} | {r["cameo"] for r in rows("intent.tsv") if r["cameo"]}
    assert codes - known - CAMEO_APPEAL == set()


def test_appeals_are_cameo_02_requests_and_only_demands_are_cameo_10():
    appeal = {"request", "ask", "urge", "appeal", "plea", "plead with", "call for", "call on", "seek"}
    demand = {"demand", "insist on"}
    for r in rows("triggers.tsv"):
        if r["cameo"] in CAMEO_APPEAL:
            assert r["type"] == "REQUEST", r
        if r["trigger"] in appeal and r["type"] == "REQUEST":
            assert r["cameo"][:2] == "02", r
        if r["trigger"] in demand:
            assert r["cameo"][:2] == "10", r
    for r in rows("intent.tsv"):
        assert r["kind"] != "appeal" or r["cameo"][:2] == "02", r
        assert r["kind"] != "demand" or r["cameo"][:2] == "10", r


def test_no_event_rows_name_objects_or_a_phrase_and_nothing_else():
    for row in (r for r in rows("triggers.tsv") if r["type"] == "-"):
        assert (row["object"] or " " in row["trigger"]) and not (row["mode"] or row["context"] or row["cameo"] or row["reciprocal"]), row


def test_every_statement_verb_says_where_it_names_its_hearer():
    from tidings.events.statements import HEARERS, statement_verbs

    verbs = statement_verbs()
    assert verbs["tell"] == "object" and verbs["say"] == "to" and verbs["call"] == "none"
    assert set(verbs.values()) <= set(HEARERS)


def test_every_statement_verb_says_whether_it_only_reports_saying():
    from tidings.events.statements import only_says
    from tidings.nlp.model import load_nlp

    said, called = load_nlp()("Giuliani said it. Trump called him a liar.").sents
    assert only_says(said[1]) and not only_says(called[1]) and not only_says(said[0])


def test_every_word_list_is_read_and_its_words_are_lowercase_lemmas_without_repeats():
    from tidings.events.datafiles import word_kinds

    seen = set()
    for row in rows("words.tsv"):
        assert row["word"] == row["word"].lower().strip() and row["word"], row
        assert (row["word"], row["kind"]) not in seen, row
        seen.add((row["word"], row["kind"]))
    source = "".join(p.read_text(encoding="utf-8") for p in Path(DATA.joinpath("..")).glob("*.py"))
    unread = [kind for kind in word_kinds("words.tsv") if f'words("{kind}")' not in source]
    assert not unread, f"word lists no module reads: {unread}"


def test_an_unknown_word_list_names_the_lists_there_are():
    from tidings.events.datafiles import words

    with pytest.raises(KeyError, match="the lists are: .*asking"):
        words("askin")
