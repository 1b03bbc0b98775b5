"""Quotes and claims on the two seed articles (../shared/seeds), end to end through the store."""

import pytest

from tidings import open_store
from tidings.store.quotes import list_claims, list_quotes

FIRST = "000_99da01f4c6886040.txt"


@pytest.fixture(scope="module")
def seeds(seeds_dir, pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("seed-quotes") / "seeds.duckdb"
    with open_store(path) as store:
        assert pipeline.run([str(seeds_dir)], store).ok
        origin = {r["id"]: r["origin"].rsplit("/", 1)[-1] for r in store.query("SELECT id, origin FROM articles")}
        quotes = list_quotes(store, limit=None)
        claims = list_claims(store, limit=None)
    for row in quotes + claims:
        row["file"] = origin[row["article_id"]]
    return quotes, claims


def test_the_quote_about_getting_along_with_kim_is_donald_trumps(seeds):
    quotes, _ = seeds
    (q,) = [q for q in quotes if q["text"].startswith("I got along well with North Korean leader Kim Jong-un")]
    assert q["speaker"]["name"] == "Donald Trump"
    assert q["text"].endswith("I think he misses me.")


def test_the_partial_quote_a_good_thing_is_donald_trumps(seeds):
    quotes, _ = seeds
    (q,) = [q for q in quotes if q["text"] == "a good thing."]
    assert q["speaker"]["name"] == "Donald Trump" and q["method"] == "cue"


def test_the_first_articles_assessments_and_predictions_are_anthony_holmess(seeds):
    _, claims = seeds
    judged = [c for c in claims if c["file"] == FIRST and c["kind"] in ("assessment", "prediction")]
    assert len(judged) >= 3
    assert {c["speaker"]["name"] for c in judged} == {"Anthony Holmes"}
    according = next(c for c in claims if c["file"] == FIRST and c["cue"] == "According to")
    assert according["speaker"]["name"] == "Anthony Holmes"


def test_analysts_predict_that_kim_may_restart_negotiations(seeds):
    _, claims = seeds
    (c,) = [c for c in claims if "Kim Jong-Un may see it as an opportunity to restart negotiations" in c["content"]]
    assert c["kind"] == "prediction" and c["speaker"]["text"] == "analysts" and c["speaker"]["actor_id"] is None


def test_some_fear_trumps_threats(seeds):
    _, claims = seeds
    (c,) = [c for c in claims if c["content"].startswith("that Trump will once again threaten")]
    assert c["kind"] == "prediction" and c["speaker"]["text"] == "Some"
