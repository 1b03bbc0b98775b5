"""Merged events carry a confidence (their most confident mention's), and story and actor timelines
filter on it (store.stories, over a real store built by the pipeline)."""

from __future__ import annotations

import pytest

from tidings import open_store
from tidings.store.stories import actor_timeline, event_merge, get_story

STORY = "story-19875f5ab43b"


@pytest.fixture
def store(confident_store):
    with open_store(confident_store[0], read_only=True) as s:
        yield s


def _source(store, merged: str) -> str:
    return store.query("SELECT sources[1] AS id FROM merged_events WHERE id = $1", [merged])[0]["id"]


def test_a_merged_event_is_as_confident_as_its_most_confident_mention(store, confident_store):
    _, merged, mentions = confident_store
    assert max(mentions.values()) == 0.93 and mentions[merged] == 0.21  # the highest is not the first mention's
    timeline = {e["id"]: e for e in get_story(store, STORY)["timeline"]}
    assert timeline[merged]["confidence"] == 0.93
    assert event_merge(store, merged)["confidence"] == 0.93
    highest = {r["id"]: r["c"] for r in store.query(
        "SELECT em.event_id AS id, max(e.confidence) AS c FROM event_mentions em JOIN events e ON e.id = em.id"
        " GROUP BY em.event_id")}
    assert {i: e["confidence"] for i, e in timeline.items()} == {i: highest[i] for i in timeline}


def test_a_story_keeps_only_the_merged_events_at_least_that_confident(store, confident_store):
    merged = confident_store[1]
    everything = get_story(store, STORY)["timeline"]
    middle = sorted(e["confidence"] for e in everything)[len(everything) // 2]
    for x in (0, 0.3, middle, 0.93, 0.931, 1):
        kept = get_story(store, STORY, min_confidence=x)["timeline"]
        assert [e["id"] for e in kept] == [e["id"] for e in everything if e["confidence"] >= x], x
    assert 0 < len(get_story(store, STORY, min_confidence=middle)["timeline"]) < len(everything)
    assert merged in {e["id"] for e in get_story(store, STORY, min_confidence=0.93)["timeline"]}
    assert merged not in {e["id"] for e in get_story(store, STORY, min_confidence=0.931)["timeline"]}


def test_an_actor_timeline_keeps_only_the_merged_events_at_least_that_confident(store, confident_store):
    merged = confident_store[1]
    actor = _source(store, merged)
    everything = actor_timeline(store, actor)["events"]
    assert len({e["confidence"] for e in everything}) > 1
    for x in (0, 0.5, 0.93, 0.931):
        kept = actor_timeline(store, actor, min_confidence=x)["events"]
        assert [e["id"] for e in kept] == [e["id"] for e in everything if e["confidence"] >= x], x
    assert merged in {e["id"] for e in actor_timeline(store, actor, min_confidence=0.93)["events"]}
    assert merged not in {e["id"] for e in actor_timeline(store, actor, min_confidence=0.931)["events"]}
    asserted = actor_timeline(store, actor, modality="asserted", min_confidence=0.5, limit=2)["events"]
    assert asserted == [e for e in everything if e["modality"] == "asserted" and e["confidence"] >= 0.5][:2]


@pytest.mark.parametrize("bad", [2, -0.1, float("nan"), "0.5", True])
def test_a_min_confidence_outside_0_to_1_is_a_value_error(store, bad):
    with pytest.raises(ValueError, match="min_confidence"):
        get_story(store, STORY, min_confidence=bad)
    with pytest.raises(ValueError, match="min_confidence"):
        actor_timeline(store, "North Korea", min_confidence=bad)
