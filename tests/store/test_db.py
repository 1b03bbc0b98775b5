from collections import Counter
from datetime import date

import pytest

from tidings.model import Article, Mention, Sentence


def make(aid: str, text: str = "Seoul protested. Tokyo agreed.") -> Article:
    a = Article(id=aid, text=text, raw_text=text + "\nShare this", removed=["Share this"],
                published=date(2024, 11, 1), status="processed", title=f"T {aid}")
    a.sentences = [Sentence(f"{aid}-s0000", aid, 0, 0, 16, "Seoul protested."),
                   Sentence(f"{aid}-s0001", aid, 1, 17, 30, "Tokyo agreed.")]
    a.mentions = [Mention(f"{aid}-m0000", aid, 0, 0, 5, "Seoul", "GPE")]
    return a


def test_a_batch_is_written_with_all_its_records(store):
    store.write([make("a1"), make("a2")], {"herald": Counter({"share this": 2})})
    assert store.existing_ids(["a1", "a2", "zz"]) == {"a1", "a2"}
    row = store.query("SELECT removed, published, n_words FROM articles WHERE id = 'a1'")[0]
    assert row == {"removed": ["Share this"], "published": date(2024, 11, 1), "n_words": 4}
    assert store.query("SELECT count(*) AS n FROM sentences")[0]["n"] == 4
    assert store.site_lines() == {"herald": Counter({"share this": 2})}


def test_site_line_counts_add_up_across_batches(store):
    store.write([make("a1")], {"herald": Counter({"share this": 1})})
    store.write([make("a2")], {"herald": Counter({"share this": 2, "back to top": 1})})
    assert store.site_lines()["herald"] == Counter({"share this": 3, "back to top": 1})


def test_a_failing_batch_leaves_nothing_behind(store):
    store.write([make("a1")])
    with pytest.raises(Exception):
        store.write([make("a2"), make("a1")])  # a1 again: primary key violation mid-batch
    assert store.existing_ids(["a1", "a2"]) == {"a1"}
    assert store.query("SELECT count(*) AS n FROM sentences")[0]["n"] == 2


def test_articles_are_found_by_id_prefix_or_origin(store):
    a = make("abcdef123")
    a.origin = "/data/x.txt"
    store.write([a])
    assert store.resolve_article_id("abcd") == "abcdef123"
    assert store.resolve_article_id("/data/x.txt") == "abcdef123"
    from tidings import StoreError
    with pytest.raises(StoreError, match="no article"):
        store.resolve_article_id("zzz")
