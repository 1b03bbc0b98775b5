from tidings.model import Actor, ActorMention, Article


def article_with(aid: str, actor: Actor, text: str) -> Article:
    a = Article(id=aid, text=text, raw_text=text, status="processed")
    a.actors = [actor]
    a.actor_mentions = [ActorMention(f"{aid}-a0000", aid, 0, 0, len(text), text, actor.id, actor.country,
                                     actor.sectors, "kb", 0.9)]
    return a


def test_actors_are_merged_across_batches_and_gain_aliases(store):
    kim = Actor("Q56226", "Kim Jong Un", "person", "PRK", ["GOV"], "Q56226", ["Kim Jong-un"])
    store.write([article_with("a1", kim, "Kim Jong-un")])
    store.write([article_with("a2", Actor(**{**kim.__dict__, "aliases": ["Jong-un"]}), "Jong-un")])
    rows = store.query("SELECT * FROM actors")
    assert len(rows) == 1 and rows[0]["aliases"] == ["Jong-un", "Kim Jong-un"]
    assert store.query("SELECT count(*) AS n FROM actor_mentions WHERE actor_id = 'Q56226'")[0]["n"] == 2


def test_the_same_actor_twice_in_one_batch_is_one_row(store):
    kim = Actor("Q56226", "Kim Jong Un", "person", "PRK", ["GOV"], "Q56226", [])
    store.write([article_with("a1", kim, "Kim"), article_with("a2", kim, "Kim Jong Un")])
    assert store.query("SELECT count(*) AS n FROM actors")[0]["n"] == 1
