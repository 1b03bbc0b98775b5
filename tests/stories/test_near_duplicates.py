"""Near-duplicate articles: reprints and updates are linked to the first copy, other reports are not."""

from __future__ import annotations

from datetime import date

from tidings import open_store
from tidings.ingest.identity import article_id
from tidings.model import Article
from tidings.options import Options
from tidings.stories import corpus

WIRE = ("North Korea launched an intercontinental ballistic missile into the sea off its east coast early on "
        "Thursday, in what South Korean and Japanese officials called the longest flight of any missile "
        "Pyongyang has tested.\n\nThe missile flew for 86 minutes and reached an altitude of 7,000 kilometres "
        "before falling into the sea west of Hokkaido, Japan's defence ministry said.\n\nSouth Korea's Joint "
        "Chiefs of Staff said the launch was detected from the Pyongyang area at 7:10 am and that the military "
        "was sharing information with the United States and Japan.\n\nThe test came on the same day that South "
        "Korean foreign and defence ministers were meeting their American counterparts in Washington, five days "
        "before the US presidential election.")
OTHER = ("China on Friday called for calm on the Korean Peninsula after North Korea's latest intercontinental "
         "ballistic missile launch, but signalled that it would not support new punitive measures at the United "
         "Nations.\n\nForeign Ministry spokesman Lin Jian said all parties should address the root causes of the "
         "problem and avoid words and deeds that raise tension.\n\nBeijing has blocked new sanctions since 2022, "
         "arguing that pressure alone has failed to bring Pyongyang back to talks.")


def _article(text: str, title: str, day: str = "2024-10-31") -> Article:
    return Article(id=article_id(text), text=text, raw_text=text, title=title, published=date.fromisoformat(day),
                   language="en", status="skipped-language")


def _link(store, *articles: Article, threshold: float = 0.5) -> dict:
    store.write(list(articles))
    corpus.run(store, Options(near_duplicate_threshold=threshold), corpus.selected(["near_duplicates"]))
    return {r["article_id"]: r for r in store.query("SELECT * FROM near_duplicates")}


def test_a_reprint_with_another_headline_and_a_footer_is_linked_to_the_first_copy(store):
    first = _article(WIRE, "North Korea fires ICBM")
    reprint = _article(WIRE + "\n\nSubscribe to our newsletter for the latest Asia news.\n\n(c) 2024 Daily Post",
                       "Pyongyang tests longest-flying missile yet", "2024-11-01")
    links = _link(store, first, reprint)
    assert links[first.id]["duplicate_of"] is None
    assert links[reprint.id]["duplicate_of"] == first.id and links[reprint.id]["similarity"] >= 0.5


def test_another_report_of_the_same_event_is_not_a_near_duplicate(store):
    links = _link(store, _article(WIRE, "ICBM"), _article(OTHER, "China urges restraint", "2024-11-01"))
    assert all(r["duplicate_of"] is None for r in links.values())


def test_a_new_batch_is_checked_against_the_stored_index_after_reopening(tmp_path):
    path = tmp_path / "s.duckdb"
    first = _article(WIRE, "ICBM")
    with open_store(path) as s:
        _link(s, first)
    paragraphs = WIRE.split("\n\n")
    cut = _article("\n\n".join(paragraphs[1:] + paragraphs[:1]), "ICBM, updated")  # paragraphs reordered
    with open_store(path) as s:
        links = _link(s, cut)
        assert s.query("SELECT count(*) AS n FROM minhash_bands")[0]["n"] == 2 * 32
    assert links[cut.id]["duplicate_of"] == first.id


def test_copies_of_a_copy_point_to_the_first_copy_within_one_batch(store):
    first = _article(WIRE, "ICBM")
    second = _article(WIRE + "\n\nRead more: Asia news.", "ICBM 2", "2024-11-01")
    third = _article(WIRE + "\n\nRead more: Asia news. Share this article.", "ICBM 3", "2024-11-02")
    links = _link(store, first, second, third)
    assert links[second.id]["duplicate_of"] == first.id and links[third.id]["duplicate_of"] == first.id


def test_the_threshold_is_an_option(store):
    half = "\n\n".join(WIRE.split("\n\n")[:2]) + "\n\n" + OTHER
    links = _link(store, _article(WIRE, "ICBM"), _article(half, "mixed"), threshold=0.99)
    assert all(r["duplicate_of"] is None for r in links.values())
