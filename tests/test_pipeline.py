"""The whole pipeline on the bundled examples, into a real store."""

from tidings import open_store


def test_examples_are_added_with_duplicate_and_foreign_language_handled(examples_store):
    path, report = examples_store
    assert report.ok, report.failed
    assert report.added == 10  # 11 articles, one of them a copy of another
    assert len(report.duplicates) == 1 and report.duplicates[0].endswith("wire.jsonl:3")
    assert report.skipped_language == 1
    with open_store(path, read_only=True) as s:
        langs = dict(s.con.execute("SELECT language, count(*) FROM articles GROUP BY 1").fetchall())
        assert langs == {"en": 9, "de": 1}
        assert s.query("SELECT count(*) AS n FROM sentences s JOIN articles a ON a.id = s.article_id "
                       "WHERE a.language = 'de'")[0]["n"] == 0


def test_every_stored_offset_slices_back_to_its_text(examples_store):
    path, _ = examples_store
    with open_store(path, read_only=True) as s:
        for table in ("sentences", "mentions"):
            bad = s.query(f'SELECT t.id FROM {table} t JOIN articles a ON a.id = t.article_id '
                          f'WHERE substring(a.text, t.start + 1, t."end" - t.start) <> t.text')
            assert bad == [], table


def test_metadata_comes_from_sidecars_html_and_jsonl(examples_store):
    path, _ = examples_store
    with open_store(path, read_only=True) as s:
        rows = {r["origin"].rsplit("/", 1)[-1]: r for r in s.query("SELECT * FROM articles")}
    assert rows["01-icbm-launch.txt"]["published"] is not None and rows["01-icbm-launch.txt"]["source"]
    html = next(r for name, r in rows.items() if name.endswith(".html"))
    assert html["title"] and html["author"] and html["published"] and html["format"] == "html"
    assert rows["wire.jsonl:1"]["format"] == "jsonl" and rows["wire.jsonl:1"]["url"].startswith("https://")


def test_residue_is_removed_and_kept_for_inspection(examples_store):
    path, _ = examples_store
    with open_store(path, read_only=True) as s:
        row = s.query("SELECT text, removed FROM articles WHERE origin LIKE '%01-icbm-launch.txt'")[0]
    assert row["removed"], "the example ends with page residue"
    for line in row["removed"]:
        assert line not in row["text"]


def test_running_again_adds_nothing(examples_store, pipeline, tmp_path, examples_dir):
    path, first = examples_store
    import shutil
    copy = tmp_path / "copy.duckdb"
    shutil.copy(path, copy)
    with open_store(copy) as s:
        again = pipeline.run([str(examples_dir)], s)
        assert again.added == 0 and len(again.duplicates) == first.added + len(first.duplicates)
        assert s.query("SELECT count(*) AS n FROM articles")[0]["n"] == first.added
