import json
from datetime import date

import pytest

from tidings.model import Article, Event
from tidings.store.formats import (
    GDELT_COLUMNS,
    cameo_codes,
    dyads,
    export_gdelt,
    export_plover,
    fraction_date,
    plover_score,
    quad_code,
)

TEXT1 = ("Troops strike\n\n"
         "North Korean troops attacked Ukrainian soldiers and civilians near Kursk on Wednesday.\n\n"
         "Trump met Kim in October. Kim may threaten Seoul, a spokesman said.")
TEXT2 = "Rebels killed Romanian aid workers."


def actor(text: str, where: str, actor_id: str | None, name: str | None, country: str | None,
          sectors: list[str]) -> dict:
    start = where.index(text)
    return {"actor_id": actor_id, "name": name, "country": country, "sectors": sectors, "text": text,
            "start": start, "end": start + len(text)}


def event(aid: str, n: int, text: str, trigger: str, type_: str, cameo: str, sources: list[dict],
          targets: list[dict], *, sentence: int = 0, mode: str | None = None, context: str | None = None,
          modality: str = "asserted", cue: str | None = None, attributed: dict | None = None,
          when: str | None = None, precision: str | None = None, location: dict | None = None) -> Event:
    start = text.index(trigger)
    return Event(f"{aid}-e{n:04d}", aid, sentence, start, start + len(trigger), trigger, type_, mode, context,
                 cameo, sources, targets, modality, cue, attributed, when, precision, location, 0.9)


@pytest.fixture
def filled(store):
    a1 = Article(id="a1", text=TEXT1, raw_text=TEXT1, title="Troops strike", published=date(2024, 11, 1),
                 url="https://example.org/a1", source="Peninsula Daily", status="processed")
    prk_mil = actor("North Korean troops", TEXT1, "PRK-MIL", "Korean People's Army", "PRK", ["MIL"])
    ukr_mil = actor("Ukrainian soldiers", TEXT1, "UKR-MIL", "Armed Forces of Ukraine", "UKR", ["MIL"])
    ukr_cvl = actor("civilians", TEXT1, None, None, "UKR", ["CVL"])
    trump = actor("Trump", TEXT1, "Q22686", "Donald Trump", "USA", ["GOV"])
    kim = actor("Kim", TEXT1, "Q56226", "Kim Jong Un", "PRK", ["GOV", "MIL"])
    kim2 = {**kim, "start": TEXT1.index("Kim may"), "end": TEXT1.index("Kim may") + 3}
    a1.events = [
        event("a1", 0, TEXT1, "attacked", "ASSAULT", "195", [prk_mil], [ukr_mil, ukr_cvl], sentence=1,
              mode="aerial", context="military", when="2024-10-30", precision="day",
              location={"name": "Kursk", "country": "RUS", "lat": 51.73, "lon": 36.19}),
        event("a1", 1, TEXT1, "met", "CONSULT", "040", [trump, kim], [trump, kim], sentence=2,
              context="diplomatic", when="2024-10-01", precision="month"),
        event("a1", 2, TEXT1, "threaten", "THREATEN", "130", [kim2], [], sentence=3,
              modality="hypothetical", cue="may",
              attributed={"actor_id": None, "name": None, "country": None, "text": "a spokesman", "start": 153, "end": 164}),
    ]
    a2 = Article(id="a2", text=TEXT2, raw_text=TEXT2, status="processed")
    rebels = actor("Rebels", TEXT2, "any-REB", "rebels", None, ["REB"])
    aid_workers = actor("Romanian aid workers", TEXT2, None, None, "ROU", ["CVL"])
    a2.events = [event("a2", 0, TEXT2, "killed", "ASSAULT", "18", [rebels], [aid_workers])]
    store.write([a1, a2])
    return store


def read_plover(path) -> dict[str, dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    return {r["id"]: r for r in records}


def read_gdelt(path) -> tuple[list[str], list[dict[str, str]]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""  # every row ends with a newline
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:-1]]
    return header, rows


# -- PLOVER -------------------------------------------------------------------------------------

def test_plover_writes_one_record_per_event_and_counts_them(filled, tmp_path):
    path = tmp_path / "out" / "plover.jsonl"
    assert export_plover(filled, path) == 4
    assert sorted(read_plover(path)) == ["a1-e0000", "a1-e0001", "a1-e0002", "a2-e0000"]


def test_plover_asserted_only_leaves_out_hypothetical_events(filled, tmp_path):
    path = tmp_path / "plover.jsonl"
    assert export_plover(filled, path, asserted_only=True) == 3
    records = read_plover(path)
    assert "a1-e0002" not in records
    assert {r["modality"] for r in records.values()} == {"asserted"}


def test_plover_record_has_the_manual_fields_with_lists_of_actors(filled, tmp_path):
    path = tmp_path / "plover.jsonl"
    export_plover(filled, path)
    r = read_plover(path)["a1-e0000"]
    assert r["date"] == "2024-10-30" and r["date_precision"] == "day"
    assert r["event"] == ["ASSAULT"] and r["mode"] == ["aerial"] and r["context"] == ["military"]
    assert [a["code"] for a in r["actor"]] == ["PRK"] and r["actor"][0]["sector"] == "MIL"
    assert r["actor_country"] == ["PRK"] and r["actor_sector"] == ["MIL"]
    assert [a["entity_text"] for a in r["recipient"]] == ["Ukrainian soldiers", "civilians"]
    assert r["recipient_country"] == ["UKR", "UKR"] and r["recipient_sector"] == ["MIL", "CVL"]
    assert r["quad_category"] == "MATERIAL CONFLICT" and r["quad_code"] == 4
    assert r["event_scale"] == -9.5  # ASSAULT: aerial
    assert r["cameo"] == "195"
    assert r["location"] == {"name": "Kursk", "country": "RUS", "lat": 51.73, "lon": 36.19}


def test_plover_record_carries_modality_attribution_and_provenance(filled, tmp_path):
    path = tmp_path / "plover.jsonl"
    export_plover(filled, path)
    r = read_plover(path)["a1-e0002"]
    assert r["modality"] == "hypothetical" and r["modality_cue"] == "may"
    assert r["attributed_to"] == {"actor_id": None, "name": None, "country": None, "text": "a spokesman",
                                  "start": 153, "end": 164}
    assert r["article_id"] == "a1" and r["url"] == "https://example.org/a1"
    assert r["source"] == "Peninsula Daily" and r["published"] == "2024-11-01"
    assert r["sentence_index"] == 3 and r["trigger"] == "threaten"
    assert TEXT1[r["start"]:r["end"]] == "threaten"
    assert r["confidence"] == 0.9
    assert r["quad_code"] == 3 and r["event_scale"] == -3.5
    assert r["mode"] is None and r["context"] is None
    # no date in the text: the publication date stands in, and the precision says so by being null
    assert r["date"] == "2024-11-01" and r["date_precision"] is None


def test_plover_entities_name_wikidata_actors(filled, tmp_path):
    path = tmp_path / "plover.jsonl"
    export_plover(filled, path)
    records = read_plover(path)
    trump, kim = records["a1-e0001"]["actor"]
    assert trump["identifier_id"] == "Q22686" and trump["identifier_text"] == "Donald Trump"
    assert kim["sectors"] == ["GOV", "MIL"] and kim["sector"] == "GOV"
    troops = records["a1-e0000"]["actor"][0]
    assert troops["actor_id"] == "PRK-MIL" and troops["identifier_id"] is None
    assert troops["name"] == "Korean People's Army"
    # an event with neither a date in its text nor a publication date has no date
    assert records["a2-e0000"]["date"] is None


def test_plover_scores_and_quads_follow_the_manual():
    assert plover_score("ASSAULT", "aerial") == -9.5
    assert plover_score("ASSAULT", "vandalize") == -9.0  # a mode the table lacks takes the type's score
    assert plover_score("ACCUSE") == -3.0  # the manual's +3 read as a dropped minus sign
    assert plover_score("RETREAT", "disarm") == 10.0
    assert plover_score("UNKNOWN") is None
    assert [quad_code(t) for t in ("AGREE", "AID", "REQUEST", "SANCTION")] == [1, 2, 3, 4]


# -- GDELT --------------------------------------------------------------------------------------

def test_gdelt_writes_a_header_and_one_row_per_dyad_of_asserted_events(filled, tmp_path):
    path = tmp_path / "out" / "events.gdelt.tsv"
    assert export_gdelt(filled, path) == 5  # 2 targets + 2 reciprocal + 1; the hypothetical one left out
    header, rows = read_gdelt(path)
    assert header == list(GDELT_COLUMNS)
    assert [r["GLOBALEVENTID"] for r in rows] == ["a1-e0000-d1", "a1-e0000-d2", "a1-e0001-d1", "a1-e0001-d2",
                                                  "a2-e0000-d1"]


def test_gdelt_can_include_every_event_and_leaves_actor2_empty_without_target(filled, tmp_path):
    path = tmp_path / "all.tsv"
    assert export_gdelt(filled, path, asserted_only=False) == 6
    _, rows = read_gdelt(path)
    threat = [r for r in rows if r["GLOBALEVENTID"].startswith("a1-e0002")]
    assert len(threat) == 1
    assert threat[0]["Actor1Code"] == "PRKGOV" and threat[0]["Actor1Name"] == "Kim Jong Un"
    assert all(threat[0][c] == "" for c in GDELT_COLUMNS if c.startswith("Actor2"))
    assert threat[0]["QuadClass"] == "3"


def test_gdelt_codes_dates_and_place(filled, tmp_path):
    path = tmp_path / "events.tsv"
    export_gdelt(filled, path)
    _, rows = read_gdelt(path)
    first, second = rows[0], rows[1]
    assert first["Actor1Code"] == "PRKMIL" and first["Actor1CountryCode"] == "PRK"
    assert first["Actor1Type1Code"] == "MIL" and first["Actor1Name"] == "Korean People's Army"
    assert first["Actor2Code"] == "UKRMIL" and second["Actor2Code"] == "UKRCVL"
    assert second["Actor2Name"] == "civilians"  # unresolved: the mention's text
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20241030", "202410", "2024")
    assert first["FractionDate"] == "2024.8219"
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("195", "195", "19")
    assert first["QuadClass"] == "4" and float(first["GoldsteinScale"]) == -10.0
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("1", "1", "1")
    assert first["ActionGeo_FullName"] == "Kursk"
    assert first["ActionGeo_CountryCode"] == "RS"  # FIPS 10-4, as GDELT's geography uses, not ISO "RU"
    assert float(first["ActionGeo_Lat"]) == 51.73 and float(first["ActionGeo_Long"]) == 36.19
    assert first["SOURCEURL"] == "https://example.org/a1"
    assert len(first["DATEADDED"]) == 14 and first["DATEADDED"].isdigit()


def test_gdelt_reciprocal_events_pair_each_actor_with_the_other_only(filled, tmp_path):
    path = tmp_path / "events.tsv"
    export_gdelt(filled, path)
    _, rows = read_gdelt(path)
    met = [r for r in rows if r["GLOBALEVENTID"].startswith("a1-e0001")]
    assert [(r["Actor1Code"], r["Actor2Code"]) for r in met] == [("USAGOV", "PRKGOV"), ("PRKGOV", "USAGOV")]
    assert met[1]["Actor1Type2Code"] == "MIL"
    # the date is only known to the month: SQLDATE is the publication date
    assert met[0]["SQLDATE"] == "20241101"
    assert met[0]["QuadClass"] == "1" and float(met[0]["GoldsteinScale"]) == 1.0
    assert met[0]["ActionGeo_FullName"] == "" and met[0]["ActionGeo_Lat"] == ""


def test_gdelt_marks_events_of_the_lead_paragraph_as_root(filled, tmp_path):
    path = tmp_path / "events.tsv"
    export_gdelt(filled, path)
    _, rows = read_gdelt(path)
    root = {r["GLOBALEVENTID"]: r["IsRootEvent"] for r in rows}
    assert root["a1-e0000-d1"] == "1"  # first paragraph after the title
    assert root["a1-e0001-d1"] == "0"  # a later paragraph
    assert root["a2-e0000-d1"] == "1"  # one-paragraph article without title


def test_gdelt_actor_without_country_and_cameo_country_codes(filled, tmp_path):
    path = tmp_path / "events.tsv"
    export_gdelt(filled, path)
    _, rows = read_gdelt(path)
    r = rows[-1]
    assert r["Actor1Code"] == "REB" and r["Actor1CountryCode"] == ""
    assert r["Actor2Code"] == "ROMCVL" and r["Actor2CountryCode"] == "ROM"  # CAMEO's code for Romania
    assert (r["EventCode"], r["EventBaseCode"], r["EventRootCode"]) == ("180", "180", "18")
    assert float(r["GoldsteinScale"]) == -9.0
    # neither a day-precise date nor a publication date: no date at all rather than a guess
    assert r["SQLDATE"] == "" and r["Year"] == ""


def test_gdelt_cells_never_break_the_table(store, tmp_path):
    text = "Rebels\tattacked the town."
    a = Article(id="a3", text=text, raw_text=text, published=date(2024, 1, 1), status="processed")
    a.events = [event("a3", 0, text, "attacked", "ASSAULT", "190",
                      [actor("Rebels", text, None, "Rebel\tgroup\nnorth", None, ["REB"])], [])]
    store.write([a])
    path = tmp_path / "events.tsv"
    assert export_gdelt(store, path) == 1
    _, rows = read_gdelt(path)
    assert rows[0]["Actor1Name"] == "Rebel group north"
    assert rows[0]["FractionDate"] == "2024.0027"


def test_helpers():
    assert fraction_date(date(1979, 1, 1)) == 1979.0027
    assert fraction_date(date(2015, 2, 20)) == 2015.137
    assert cameo_codes("0356") == ("0356", "035", "03")
    a, b = {"actor_id": "X", "start": 0, "end": 1}, {"actor_id": "Y", "start": 5, "end": 6}
    assert dyads([a, b], [a, b]) == [(a, b), (b, a)]
    assert dyads([a], []) == [(a, None)]
    assert dyads([], [b]) == [(None, b)]
    assert dyads([a], [a]) == [(a, None)]


# -- min_confidence, on the bundled examples coded by the real pipeline ---------------------------

def stored(path, sql: str, params: list | None = None) -> list[tuple]:
    from tidings import open_store

    with open_store(path, read_only=True) as s:
        return s.con.execute(sql, params or []).fetchall()


def stored_ids(path, where: str, params: list | None = None) -> set[str]:
    return {r[0] for r in stored(path, f"SELECT id FROM events WHERE {where}", params)}


def gdelt_event_ids(path) -> set[str]:
    _, rows = read_gdelt(path)
    return {r["GLOBALEVENTID"].rsplit("-d", 1)[0] for r in rows}


def test_plover_min_confidence_keeps_exactly_the_events_at_or_above_it(examples_store, tmp_path):
    from tidings import open_store

    db, _ = examples_store
    everything = stored_ids(db, "true")
    confidences = sorted({c for (c,) in stored(db, "SELECT confidence FROM events")})
    assert len(confidences) > 2
    # the high-precision setting, a stored value (kept: at or above), both ends of the range
    for value in (0.35, confidences[len(confidences) // 2], 0, 1):
        path = tmp_path / f"events-{value}.plover.jsonl"
        with open_store(db, read_only=True) as s:
            n = export_plover(s, path, min_confidence=value)
        records = read_plover(path)
        expected = stored_ids(db, "confidence >= ?", [value])
        assert set(records) == expected and n == len(expected), value
        assert all(r["confidence"] >= value for r in records.values())
    assert 0 < len(stored_ids(db, "confidence >= 0.35")) < len(everything)  # the filter bites on this store


def test_min_confidence_combines_with_asserted_only(examples_store, tmp_path):
    from tidings import open_store

    db, _ = examples_store
    both = stored_ids(db, "modality = 'asserted' AND confidence >= 0.35")
    assert both and both < stored_ids(db, "confidence >= 0.35") and both < stored_ids(db, "modality = 'asserted'")
    with open_store(db, read_only=True) as s:
        export_plover(s, tmp_path / "p.jsonl", asserted_only=True, min_confidence=0.35)
        export_gdelt(s, tmp_path / "asserted.tsv", min_confidence=0.35)  # asserted only by default
        n = export_gdelt(s, tmp_path / "all.tsv", asserted_only=False, min_confidence=0.35)
    assert set(read_plover(tmp_path / "p.jsonl")) == both
    assert gdelt_event_ids(tmp_path / "asserted.tsv") == both
    assert gdelt_event_ids(tmp_path / "all.tsv") == stored_ids(db, "confidence >= 0.35")
    assert n == len(read_gdelt(tmp_path / "all.tsv")[1])


@pytest.mark.parametrize("value", [-0.1, 1.5, float("nan"), float("inf"), "0.5", True])
@pytest.mark.parametrize("export", [export_plover, export_gdelt])
def test_min_confidence_outside_0_to_1_or_not_a_number_is_a_value_error(filled, tmp_path, export, value):
    path = tmp_path / "out" / "events"
    with pytest.raises(ValueError, match=r"min_confidence must be a number from 0 to 1"):
        export(filled, path, min_confidence=value)
    assert not path.exists()
