"""Quotes and claims in the store: written with their articles, listed, and predictions with outcomes."""

from datetime import date

from tidings.model import Actor, ActorMention, Article, Claim, Event, Quote
from tidings.store.quotes import list_claims, list_predictions, list_quotes

PRK = Actor("PRK", "North Korea", "country", "PRK", ["GOV"], None, ["Pyongyang"])
KOR = Actor("KOR", "South Korea", "country", "KOR", ["GOV"], None, [])
HOLMES = Actor("person-anthony-holmes", "Anthony Holmes", "person", "USA", [], None, ["Holmes"])


def speaker(actor: Actor | None, text: str, start: int) -> dict:
    return {"actor_id": actor.id if actor else None, "name": actor.name if actor else None,
            "country": actor.country if actor else None, "text": text, "start": start, "end": start + len(text)}


def side(actor: Actor, text: str, start: int) -> dict:
    return {"actor_id": actor.id, "name": actor.name, "country": actor.country, "sectors": actor.sectors,
            "text": text, "start": start, "end": start + len(text)}


def event(aid: str, n: int, text: str, trigger: str, modality: str) -> Event:
    at = text.index(trigger)
    return Event(f"{aid}-e{n:04d}", aid, 0, at, at + len(trigger), trigger, "ASSAULT", None, None, "19",
                 [side(PRK, "North Korea", text.index("North Korea"))],
                 [side(KOR, "South Korea", text.index("South Korea"))], modality, None, None, None, None, None, 0.9)


def mention(aid: str, n: int, actor: Actor, text: str, start: int) -> ActorMention:
    return ActorMention(f"{aid}-a{n:04d}", aid, 0, start, start + len(text), text, actor.id, actor.country,
                        actor.sectors, "kb", 0.9)


def predicting_article() -> Article:
    text = "Holmes said North Korea may attack South Korea. “We are watching,” Holmes said."
    a = Article(id="a1", text=text, raw_text=text, published=date(2024, 1, 10), status="processed")
    a.actors = [PRK, KOR, HOLMES]
    content = "North Korea may attack South Korea"
    c0 = text.index(content)
    a.actor_mentions = [mention("a1", 0, HOLMES, "Holmes", 0), mention("a1", 1, PRK, "North Korea", c0),
                        mention("a1", 2, KOR, "South Korea", text.index("South Korea"))]
    a.claims = [Claim("a1-c0000", "a1", 0, 0, c0 + len(content), speaker(HOLMES, "Holmes", 0), "said", 7, 11,
                      content, c0, c0 + len(content), "prediction")]
    q0 = text.index("We are")
    a.quotes = [Quote("a1-q0000", "a1", 1, q0, q0 + len("We are watching,"), "We are watching,",
                      speaker(HOLMES, "Holmes", text.rindex("Holmes")), "said", text.rindex("said"),
                      text.rindex("said") + 4, "cue")]
    a.events = [event("a1", 0, text, "attack", "hypothetical")]
    return a


def outcome_article(aid: str, published: date) -> Article:
    text = "North Korea attacked South Korea on Tuesday."
    a = Article(id=aid, text=text, raw_text=text, published=published, status="processed")
    a.events = [event(aid, 0, text, "attacked", "asserted")]
    return a


def test_quotes_and_claims_round_trip_with_their_speakers(store):
    store.write([predicting_article()])
    (q,) = list_quotes(store)
    assert q["text"] == "We are watching," and q["speaker"]["name"] == "Anthony Holmes" and q["method"] == "cue"
    (c,) = list_claims(store)
    assert c["kind"] == "prediction" and c["speaker"]["start"] == 0 and c["content_start"] > c["cue_end"]


def test_speaker_filter_takes_a_name_an_alias_an_id_or_the_words(store):
    store.write([predicting_article()])
    for key in ("Anthony Holmes", "holmes", "person-anthony-holmes"):
        assert len(list_quotes(store, speaker=key)) == 1, key
    assert list_quotes(store, speaker="Kim Jong Un") == []
    assert list_claims(store, kind="denial") == [] and len(list_claims(store, kind="prediction")) == 1
    assert len(list_quotes(store, search="watching")) == 1 and len(list_quotes(store, article="a1")) == 1


def test_a_prediction_lists_who_when_and_about_whom_and_stays_open(store):
    store.write([predicting_article(), outcome_article("a0", date(2023, 12, 1))])  # earlier: not an outcome
    (p,) = list_predictions(store)
    assert p["speaker"]["name"] == "Anthony Holmes" and p["published"] == "2024-01-10"
    assert [a["name"] for a in p["about"]] == ["North Korea", "South Korea"]
    assert p["outcome"] is None
    assert list_predictions(store, outcome=True) == [] and len(list_predictions(store, outcome=False)) == 1


def test_a_later_asserted_event_of_the_same_type_and_actors_is_the_outcome(store):
    store.write([predicting_article(), outcome_article("a3", date(2024, 3, 1)), outcome_article("a2", date(2024, 2, 1))])
    (p,) = list_predictions(store, outcome=True)
    assert p["outcome"]["event_id"] == "a2-e0000" and p["outcome"]["published"] == "2024-02-01"
    assert p["outcome"]["foreseen_event"] == "a1-e0000" and p["outcome"]["type"] == "ASSAULT"
    assert list_predictions(store, speaker="Anthony Holmes", outcome=False) == []


def test_stats_count_quotes_and_claims(store):
    from tidings.store.queries import stats

    store.write([predicting_article()])
    s = stats(store)
    assert (s["quotes"], s["claims"]) == (1, 1)
