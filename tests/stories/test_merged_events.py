"""Event mentions merged into events: one real-world event told in many places is one record."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tidings.stories.merge import Mention, assign, span

D = date.fromisoformat


def _m(id_, type_="ASSAULT", modality="asserted", sources=("PRK",), targets=(), day="2024-10-31", mode=None,
       precision="day", published=None, place=None):
    return Mention(id_, id_.rsplit("-e", 1)[0], 0, 5, type_, mode, modality, list(sources), list(targets),
                   span(D(day) if day else None, precision, D(published) if published else None),
                   bool(day) and precision in ("day", "week"), place)


def _groups(mentions):
    events = []
    placed = assign(mentions, events)
    return {m.id: e.id for m, e, _ in placed}, placed


def test_a_predicted_test_never_merges_with_one_that_happened_and_stays_when_it_does():
    groups, _ = _groups([_m("a-e0000", "MOBILIZE", "hypothetical", mode="weapons", day=None, published="2024-11-07"),
                         _m("b-e0000", "MOBILIZE", "asserted", mode="weapons", day="2024-11-08")])
    assert groups["a-e0000"] != groups["b-e0000"] and groups["a-e0000"] == "a-e0000"


def test_reports_of_one_launch_merge_across_articles_with_why():
    groups, placed = _groups([_m("a-e0000", "ASSAULT", mode="heavy-weapons", day="2024-10-31"),
                              _m("b-e0001", "MOBILIZE", mode="weapons", day="2024-11-01"),
                              _m("c-e0003", "MOBILIZE", sources=("PRK-MIL",), mode="weapons", day=None,
                                 published="2024-11-02")])
    assert set(groups.values()) == {"a-e0000"}
    reasons = [r for _, _, r in placed]
    assert reasons[0] == "first report" and "types MOBILIZE and ASSAULT" in reasons[1]
    assert "shared actors PRK" in reasons[2]


@pytest.mark.parametrize("other, why", [
    (dict(day="2024-11-20"), "three weeks later"),
    (dict(sources=("RUS",)), "another actor"),
    (dict(type_="PROTEST"), "another kind of event"),
    (dict(mode="troops", type_="MOBILIZE"), "troops are not a missile"),
    (dict(place="JPN"), "another country"),
    (dict(sources=("Q22686",)), "a person is not a state"),
])
def test_mentions_that_differ_stay_apart(other, why):
    base = dict(type_="MOBILIZE", mode="weapons", place="PRK")
    groups, _ = _groups([_m("a-e0000", **base), _m("b-e0000", **{**base, **other})])
    assert groups["a-e0000"] != groups["b-e0000"], why


def test_a_state_matches_its_own_bodies():
    groups, _ = _groups([_m("a-e0000", sources=("PRK",)), _m("b-e0000", sources=("PRK-MIL",))])
    assert groups["b-e0000"] == "a-e0000"


def test_undated_mentions_merge_only_within_their_article_or_with_the_same_kind_of_act():
    groups, _ = _groups([_m("a-e0000", "CONSULT", sources=("USA", "PRK"), day=None),
                         _m("b-e0000", "CONSULT", sources=("USA", "PRK"), day=None),
                         _m("a-e0001", "CONSULT", sources=("USA", "PRK"), day=None)])
    assert groups["b-e0000"] == "b-e0000" and groups["a-e0001"] == "a-e0000"


@pytest.fixture(scope="module")
def news(news_store):
    con = duckdb.connect(str(news_store), read_only=True)
    yield con
    con.close()


def test_the_seed_dmz_meeting_is_one_event_with_two_mentions(news):
    rows = news.execute("SELECT m.id, m.n_mentions, m.type FROM merged_events m WHERE m.date = DATE '2019-06-30'"
                        " AND list_contains(m.sources, 'Q22686') AND list_contains(m.sources, 'Q56226')").fetchall()
    assert len(rows) == 1 and rows[0][1] == 2 and rows[0][2] == "CONSULT"


def test_the_example_icbm_launch_is_one_event_with_several_sources(news):
    rows = news.execute("SELECT id, n_sources, n_articles, first_article_id FROM merged_events"
                        " WHERE date = DATE '2024-10-31' AND modality = 'asserted' AND type IN ('ASSAULT', 'MOBILIZE')"
                        " AND list_contains(sources, 'PRK')").fetchall()
    assert len(rows) == 1 and rows[0][1] >= 3
    first = news.execute("SELECT origin FROM articles WHERE id = $1", [rows[0][3]]).fetchone()[0]
    assert first.endswith("01-icbm-launch.txt")  # the earliest report


def test_predictions_stay_hypothetical_and_apart_from_what_happened(news):
    mixed = news.execute("SELECT em.event_id FROM event_mentions em JOIN events e ON e.id = em.id"
                         " GROUP BY em.event_id HAVING count(DISTINCT e.modality) > 1").fetchall()
    assert mixed == []
    predicted = news.execute(
        "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id JOIN event_mentions em ON em.id = e.id"
        " JOIN merged_events m ON m.id = em.event_id WHERE e.modality = 'hypothetical'"
        " AND (a.origin LIKE '%nuclear-test%' OR a.origin LIKE '%000_99da%') AND m.modality = 'hypothetical'"
        ).fetchone()[0]
    assert predicted >= 1


def test_every_event_mention_is_merged_and_keeps_its_offsets(news):
    missing = news.execute("SELECT count(*) FROM events e ANTI JOIN event_mentions em ON em.id = e.id").fetchone()[0]
    assert missing == 0
    bad = news.execute('SELECT count(*) FROM events e JOIN event_mentions em ON em.id = e.id'
                       ' WHERE em.start <> e.start OR em."end" <> e."end" OR em.article_id <> e.article_id').fetchone()[0]
    assert bad == 0
