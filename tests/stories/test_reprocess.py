"""`tidings reprocess` runs stages again over stored articles, crash-safe."""

from __future__ import annotations

import pytest

from tidings import Options, open_store
from tidings.stories.reprocess import plan, reprocess


def test_the_plan_adds_what_stages_need_and_what_depends_on_them():
    article, corpus = plan(["events"])
    assert {"sentences", "actors", "quotes", "events"} <= set(article)
    assert corpus == ["merged_events", "stories"]
    assert plan(["stories"]) == ([], ["stories"])


def test_an_old_store_gains_stories_and_a_killed_run_is_finished_by_running_it_again(tmp_path, pipeline, examples_dir):
    path = tmp_path / "s.duckdb"
    with open_store(path) as s:
        pipeline.run([str(examples_dir / "01-icbm-launch.txt"), str(examples_dir / "02-allies-condemn.txt"),
                      str(examples_dir / "wire.jsonl")], s)
        events = s.query("SELECT id, type FROM events ORDER BY id")
        for table in ("story_articles", "stories", "event_mentions", "merged_events", "corpus_stage_done"):
            s.con.execute(f"DELETE FROM {table}")  # as a store from before stories

        class Killed(Exception):
            pass

        def kill(done, total):
            raise Killed

        with pytest.raises(Killed):
            reprocess(s, Options(batch_size=2, progress=False), ["events"], progress=kill)
        assert s.query("SELECT count(*) AS n FROM reprocess_done")[0]["n"] == 2
        report = reprocess(s, Options(batch_size=2, progress=False), ["events"])
        assert report.resumed == 2 and report.articles == 2
        assert s.query("SELECT id, type FROM events ORDER BY id") == events
        assert s.query("SELECT count(*) AS n FROM reprocess_done")[0]["n"] == 0
        assert s.query("SELECT count(*) AS n FROM story_articles")[0]["n"] == 4
        assert s.query("SELECT count(*) AS n FROM events e ANTI JOIN event_mentions m ON m.id = e.id")[0]["n"] == 0
