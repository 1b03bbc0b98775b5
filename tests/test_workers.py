"""Ingest with several worker processes: the same records as one process, errors kept per article."""

import pytest

from tidings import Options, Pipeline, open_store
from tidings import stages as stage_registry
from tidings.stages import stage

TABLES = {
    "events": "id || type || modality || sources::VARCHAR || targets::VARCHAR",
    "actor_mentions": "id || coalesce(actor_id, '') || coalesce(country, '')",
    "claims": "id || cue",
    "sentences": "id || text",
}


def fingerprint(path):
    with open_store(path, read_only=True) as s:
        return {t: s.query(f"SELECT count(*) AS n, md5(string_agg({expr}, ',' ORDER BY id)) AS h FROM {t}")[0]
                for t, expr in TABLES.items()}


def test_two_workers_store_exactly_what_one_process_stores(examples_store, examples_dir, tmp_path):
    one, _ = examples_store
    two = tmp_path / "two.duckdb"
    with open_store(two) as s:
        report = Pipeline(Options(workers=2, progress=False)).run([str(examples_dir)], s)
    assert report.ok and report.added == 10 and report.stage_seconds["events"] > 0
    assert fingerprint(two) == fingerprint(one)


@pytest.fixture
def failing_stage():
    @stage("explode_on_marker", requires=("sentences",))
    def explode(article, options):
        """Fail on articles that ask for it."""
        if "EXPLODE" in article.text:
            raise RuntimeError("asked to fail")

    yield "explode_on_marker"
    stage_registry._REGISTRY.pop("explode_on_marker")


def test_a_stage_failing_in_a_worker_fails_that_article_only(failing_stage, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        body = "EXPLODE now." if i == 2 else f"Article number {i} says that the talks went on for a day."
        (folder / f"a{i}.txt").write_text(f"Title {i}\n\n{body} More words follow here to make a text.\n")
    with open_store(tmp_path / "s.duckdb") as s:
        report = Pipeline(Options(workers=2, progress=False), stages=["sentences", failing_stage]).run([str(folder)], s)
        assert report.added == 4 and len(report.failed) == 1
        assert report.failed[0].origin.endswith("a2.txt") and "asked to fail" in report.failed[0].reason
        assert s.query("SELECT count(*) AS n FROM articles")[0]["n"] == 4
