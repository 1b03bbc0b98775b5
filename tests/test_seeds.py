"""End to end on the two seed articles the project started from (../shared/seeds)."""

import pytest

from tidings import open_store

RESIDUE = [
    "Leave a Comment",
    "Your email address will not be published. Required fields are marked *",
    "Scroll to Top",
    "Add a comment",
    "Leave a Reply",
    "Keep Up to Date with the Most Important News",
]
TITLES = {
    "000_99da01f4c6886040.txt": "North Korea Adjusts Strategy for 2024 US Election: Harris-Trump Showdown",
    "003_53facccbef32738f.txt": "Trump and his old friend Kim Jong-Un: Will the two countries become closer again?",
}
LAST_BODY_SENTENCE = {
    "000_99da01f4c6886040.txt": "The country\u2019s response to the changing political landscape will be closely watched by the international community.",
    "003_53facccbef32738f.txt": "becoming the first sitting US president to set foot in North Korea.",
}


@pytest.fixture(scope="module")
def seeds(seeds_dir, pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    with open_store(path) as store:
        report = pipeline.run([str(seeds_dir)], store)
        assert report.ok and report.added == 2
        rows = store.query("SELECT * FROM articles")
        spans = store.query('SELECT s.text, s.start, s."end", a.text AS article FROM sentences s '
                            "JOIN articles a ON a.id = s.article_id UNION ALL "
                            'SELECT m.text, m.start, m."end", a.text FROM mentions m JOIN articles a ON a.id = m.article_id'
                            ' UNION ALL SELECT m.text, m.start, m."end", a.text FROM actor_mentions m'
                            " JOIN articles a ON a.id = m.article_id")
        actor_mentions = store.query("SELECT m.*, a.origin, x.name AS actor_name FROM actor_mentions m "
                                     "JOIN articles a ON a.id = m.article_id LEFT JOIN actors x ON x.id = m.actor_id")
    return {r["origin"].rsplit("/", 1)[-1]: r for r in rows}, spans, actor_mentions


def test_both_titles_are_found(seeds):
    articles, _, _ = seeds
    assert {name: a["title"] for name, a in articles.items()} == TITLES


def test_every_residue_line_is_gone_from_the_clean_text(seeds):
    articles, _, _ = seeds
    for a in articles.values():
        for line in RESIDUE + ["By pressing the Subscribe button", "Privacy Policy"]:
            assert line not in a["text"]
    removed = [line for a in articles.values() for line in a["removed"]]
    for line in RESIDUE:
        assert line in removed


def test_the_last_body_sentence_of_each_seed_is_kept(seeds):
    articles, _, _ = seeds
    for name, sentence in LAST_BODY_SENTENCE.items():
        assert articles[name]["text"].rstrip().endswith(sentence)


def test_no_body_line_is_lost(seeds, seeds_dir):
    articles, _, _ = seeds
    for name, a in articles.items():
        raw_lines = [l.strip() for l in (seeds_dir / name).read_text(encoding="utf-8").splitlines() if l.strip()]
        body = [l for l in raw_lines[1:] if l not in RESIDUE and not l.startswith("By pressing")]
        for line in body:
            assert line in a["text"], line


def test_stored_offsets_slice_back_to_the_same_text(seeds):
    _, spans, _ = seeds
    assert len(spans) > 50
    for s in spans:
        assert s["article"][s["start"]:s["end"]] == s["text"]


def actors_of(mentions, text):
    return {m["actor_id"] for m in mentions if m["text"] == text}


def test_spellings_of_kim_jong_un_are_one_actor_across_both_seeds(seeds):
    _, _, mentions = seeds
    ids = set()
    for spelling in ("Kim Jong Un", "Kim Jong-Un", "Kim Jong-un", "Jong-un"):
        found = actors_of(mentions, spelling)
        assert found, spelling
        ids |= found
    assert len(ids) == 1 and None not in ids
    kim = next(m for m in mentions if m["actor_id"] in ids)
    assert kim["actor_name"] == "Kim Jong Un" and kim["country"] == "PRK"


def test_pyongyang_is_north_korea(seeds):
    _, _, mentions = seeds
    assert actors_of(mentions, "Pyongyang") == {"PRK"}


def test_holmes_is_anthony_holmes_an_american_official(seeds):
    _, _, mentions = seeds
    full = actors_of(mentions, "Anthony Holmes")
    assert len(full) == 1 and actors_of(mentions, "Holmes") == full
    holmes = next(m for m in mentions if m["text"] == "Anthony Holmes")
    assert holmes["country"] == "USA" and "GOV" in holmes["sectors"]


def test_trump_in_both_seeds_is_one_donald_trump(seeds):
    _, _, mentions = seeds
    trump = [m for m in mentions if "Trump" in m["text"] and "Biden" not in m["text"]]
    assert {m["origin"].rsplit("/", 1)[-1] for m in trump} == set(TITLES)
    assert {m["actor_name"] for m in trump} == {"Donald Trump"}


def test_misspelt_kim_yo_jung_is_kim_yo_jong(seeds):
    _, _, mentions = seeds
    assert {m["actor_name"] for m in mentions if m["text"] == "Kim Yo Jung"} == {"Kim Yo Jong"}


def test_descriptions_in_the_seeds(seeds):
    _, _, mentions = seeds
    soldier = next(m for m in mentions if m["text"] == "a North Korean soldier")
    assert soldier["country"] == "PRK" and soldier["sectors"] == ["MIL"]
    king = next(m for m in mentions if m["text"] == "Travis King")
    assert king["country"] == "USA" and "MIL" in king["sectors"]
