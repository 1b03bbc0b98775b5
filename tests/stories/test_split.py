"""Stories split online: a story that grew is clustered again among its own articles and split
where it falls apart, keeping its id for the part it was named after."""

from __future__ import annotations

from collections import Counter
from datetime import date

from click.testing import CliRunner

from tidings import open_store
from tidings.cli import main
from tidings.stories.cluster import Item
from tidings.stories.split import parts, regroup

LAUNCH = ("North Korea fires long-range missile\n\nNorth Korea launched an intercontinental ballistic missile on "
          "Thursday, South Korea's military said. The missile flew for 86 minutes before falling into the sea "
          "off Japan, officials in Tokyo said.")
REACTION = ("Japan protests North Korean missile launch\n\nJapan lodged a protest with North Korea over the "
            "ballistic missile launch, Prime Minister Shigeru Ishiba told reporters in Tokyo, calling the missile "
            "flight a grave threat to the region.")
FOOTBALL = ("Arsenal beat Chelsea in London derby\n\nArsenal beat Chelsea 2-0 at the Emirates Stadium on Sunday "
            "with goals in each half, moving three points clear at the top of the Premier League table.")
REPRINT = ("Pyongyang fires ICBM into the sea" + LAUNCH[LAUNCH.index("\n\n"):]
           + " It was the first such launch since September, the ministry added.")


def _item(key: str, terms: dict[str, float]) -> Item:
    return Item(key * 4 + "000000000000", date(2024, 1, 1), terms, Counter(), set())


def test_regrouping_keeps_the_id_with_the_part_it_was_named_after():
    items = [_item("b", {"goal": 1.0}), _item("a", {"missile": 1.0}), _item("c", {"missile": 0.9, "test": 0.3}),
             _item("d", {"goal": 0.8, "derby": 0.5})]
    groups, placed = regroup(items, 0.4)
    assert [g.articles for g in groups] == [[items[0].id, items[3].id], [items[1].id, items[2].id]]
    named = parts("story-aaaa00000000", groups)  # the story was named after 'a' (say, an earlier merge)
    assert [(sid, g.articles[0]) for sid, g in named] == [("story-bbbb00000000", items[0].id),
                                                          ("story-aaaa00000000", items[1].id)]
    assert placed[items[2].id].similarity >= 0.4 and placed[items[0].id].reason == "first article"


def test_one_story_that_still_holds_together_is_one_part():
    items = [_item("a", {"missile": 1.0}), _item("c", {"missile": 0.9, "test": 0.3}), _item("e", {"missile": 1.0})]
    groups, _ = regroup(items, 0.4)
    assert len(groups) == 1


def test_a_loose_story_is_split_when_it_grows(tmp_path, pipeline):
    """Stored with threshold 0, three articles are one story; when a reprint joins it under the
    default threshold, the football report leaves it and the id stays with the missile part."""
    runner = CliRunner()
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for name, text in (("launch.txt", LAUNCH), ("reaction.txt", REACTION), ("football.txt", FOOTBALL)):
        (first / name).write_text(text, encoding="utf-8")
    (second / "reprint.txt").write_text(REPRINT, encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    args = ["--db", db, "--quiet", "--published", "2024-11-01"]
    assert runner.invoke(main, ["ingest", str(first), *args, "--story-threshold", "0"]).exit_code == 0
    with open_store(db, read_only=True) as s:
        before = s.query("SELECT story_id, count(*) AS n FROM story_articles GROUP BY ALL")
    assert len(before) == 1 and before[0]["n"] == 3
    old_id = before[0]["story_id"]

    result = runner.invoke(main, ["ingest", str(second), *args])
    assert result.exit_code == 0, result.output
    with open_store(db, read_only=True) as s:
        where = {r["origin"].rsplit("/", 1)[-1]: r for r in s.query(
            "SELECT a.origin, sa.story_id, sa.reason FROM story_articles sa JOIN articles a ON a.id = sa.article_id")}
        stories = {r["id"]: r for r in s.query("SELECT id, n_articles FROM stories")}
        home = s.query("SELECT sa.story_id FROM story_articles sa WHERE starts_with(sa.article_id, $1)",
                       [old_id.removeprefix("story-")])[0]["story_id"]
    football = where["football.txt"]["story_id"]
    assert where["reprint.txt"]["story_id"] == where["launch.txt"]["story_id"]
    assert football != where["launch.txt"]["story_id"]
    assert old_id in stories  # the id users saw still names a story, the part holding its first article
    assert home == old_id
    moved = [r for r in where.values() if r["story_id"] != old_id]
    assert moved and all(r["reason"].startswith(f"split from {old_id}") for r in moved)
    assert sum(r["n_articles"] for r in stories.values()) == 4
    shown = runner.invoke(main, ["story", old_id, "--db", db])
    assert shown.exit_code == 0, shown.output
