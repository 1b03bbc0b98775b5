"""The read-side queries over the examples' store (ingested once by the real pipeline)."""

from __future__ import annotations

import pytest

from tidings import open_store
from tidings.store.queries import event_filters, list_events

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def all_events(examples_store):
    with open_store(examples_store[0], read_only=True) as store:
        return list_events(store, limit=None)


def thresholds(events) -> list[float]:
    """0, 0.5, 1 and every confidence the store holds: each one a boundary the filter must keep."""
    return sorted({0.0, 0.5, 1.0} | {e["confidence"] for e in events})


def test_min_confidence_keeps_exactly_the_events_at_or_above_it(examples_store, all_events):
    assert len({e["confidence"] for e in all_events}) > 1, "the examples should give events of several confidences"
    with open_store(examples_store[0], read_only=True) as store:
        for value in thresholds(all_events):
            kept = list_events(store, limit=None, min_confidence=value)
            assert [e["id"] for e in kept] == [e["id"] for e in all_events if e["confidence"] >= value], value
        assert {e["id"] for e in list_events(store, limit=None, min_confidence=0.0)} == {e["id"] for e in all_events}


def test_min_confidence_narrows_the_other_filters(examples_store, all_events):
    with open_store(examples_store[0], read_only=True) as store:
        prk = list_events(store, limit=None, country="PRK")
        assert prk
        for value in thresholds(prk):
            kept = list_events(store, limit=None, country="PRK", min_confidence=value)
            assert [e["id"] for e in kept] == [e["id"] for e in prk if e["confidence"] >= value], value


def test_min_confidence_is_a_parameter_of_the_where_clause():
    assert event_filters() == ("", {})
    clause, params = event_filters(min_confidence=0)  # 0 is a value, not "no filter"
    assert clause == "WHERE e.confidence >= $min_confidence" and params == {"min_confidence": 0.0}
    clause, params = event_filters(type="consult", min_confidence=0.5)
    assert clause == "WHERE e.type = $type AND e.confidence >= $min_confidence"
    assert params == {"type": "CONSULT", "min_confidence": 0.5}
