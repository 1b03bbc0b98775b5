import duckdb
import pytest

from tidings import StoreError, open_store
from tidings.store.schema import LATEST, current_version, migrations


def test_new_store_is_migrated_to_the_latest_version(tmp_path):
    with open_store(tmp_path / "s.duckdb") as s:
        assert s.schema_version == LATEST
        tables = {r["table_name"] for r in s.query("SELECT table_name FROM information_schema.tables")}
    assert {"articles", "sentences", "mentions", "schema_migrations"} <= tables


def test_migrations_are_numbered_once_each_in_order():
    versions = [m.version for m in migrations()]
    assert versions == sorted(set(versions)) and versions[0] == 1 and versions[-1] == LATEST


def test_reopening_applies_nothing_twice(tmp_path):
    open_store(tmp_path / "s.duckdb").close()
    with open_store(tmp_path / "s.duckdb") as s:
        assert s.query("SELECT count(*) AS n FROM schema_migrations")[0]["n"] == len(migrations())


def test_store_from_a_newer_tidings_is_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_reading_a_missing_store_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="tidings ingest"):
        open_store(tmp_path / "none.duckdb", read_only=True)


def test_a_foreign_duckdb_file_is_not_taken_for_a_store(tmp_path):
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a Tidings store"):
        open_store(path, read_only=True)
    assert current_version(duckdb.connect(":memory:")) == 0


def test_an_older_store_keeps_its_events_speakers_when_upgraded(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                " applied_at TIMESTAMP DEFAULT current_timestamp)")
    for m in migrations()[:4]:  # a store written before speakers had a country
        con.execute(m.sql)
        con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [m.version, m.name])
    con.execute("""INSERT INTO events (id, article_id, sentence_index, start, "end", trigger, type, cameo, sources,
                   targets, modality, attributed_to, confidence)
                   VALUES ('a-e0000', 'a', 0, 0, 4, 'said', 'ACCUSE', '111', [], [], 'asserted',
                   {'actor_id': 'Q1', 'name': 'Someone', 'text': 'he'}, 0.9)""")
    con.close()
    with open_store(path) as s:
        assert s.schema_version == LATEST
        row = s.query("SELECT attributed_to FROM events")[0]
    assert row["attributed_to"] == {"actor_id": "Q1", "name": "Someone", "country": None, "text": "he",
                                    "start": None, "end": None}


def test_an_older_store_gets_its_merged_events_confidence_when_upgraded(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
                " applied_at TIMESTAMP DEFAULT current_timestamp)")
    for m in [m for m in migrations() if m.version <= 7]:  # a store written before merged events kept one
        con.execute(m.sql)
        con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [m.version, m.name])
    for i, confidence in enumerate((0.3, 0.8)):
        con.execute("""INSERT INTO events (id, article_id, sentence_index, start, "end", trigger, type, cameo, sources,
                       targets, modality, confidence) VALUES (?, ?, 0, 0, 4, 'met', 'CONSULT', '040', [], [],
                       'asserted', ?)""", [f"a{i}-e0000", f"a{i}", confidence])
        con.execute("""INSERT INTO event_mentions (id, event_id, article_id, start, "end", reason)
                       VALUES (?, 'a0-e0000', ?, 0, 4, 'test')""", [f"a{i}-e0000", f"a{i}"])
    con.execute("""INSERT INTO merged_events (id, type, modality, sources, targets, first_article_id, n_mentions,
                   n_articles, n_sources) VALUES ('a0-e0000', 'CONSULT', 'asserted', [], [], 'a0', 2, 2, 2)""")
    con.close()
    with open_store(path) as s:
        assert s.query("SELECT confidence FROM merged_events")[0]["confidence"] == 0.8
