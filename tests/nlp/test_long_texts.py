"""Long texts are parsed in bounded pieces with their offsets intact; one bad text fails alone."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.nlp.parse import pieces

WORDS = st.sampled_from(["North", "Korea", "said", "talks.", "\n", "\n\n", " ", "Seoul", "x" * 40])


@given(st.lists(WORDS, max_size=300).map(" ".join), st.integers(min_value=8, max_value=200))
@settings(max_examples=200, deadline=None)
def test_pieces_join_back_to_the_text_and_stay_under_the_size(text, size):
    parts = pieces(text, size)
    assert "".join(parts) == text
    assert all(len(p) <= size for p in parts)
    assert all(parts[:-1])


def test_pieces_end_at_paragraph_breaks_where_there_are_some():
    text = ("A sentence of the first paragraph. " * 3 + "\n\n") * 20
    parts = pieces(text, 300)
    assert len(parts) > 1
    assert all(p.endswith("\n\n") for p in parts[:-1])


@pytest.mark.slow
def test_an_article_longer_than_spacys_limit_is_parsed_in_pieces_with_one_worker(pipeline, store, tmp_path):
    paragraph = ("North Korea said on Friday it would hold talks with South Korea in Seoul. "
                 "Kim Jong Un met officials in Pyongyang.")
    body = "\n\n".join(f"{paragraph} Item {i}." for i in range(150))
    (tmp_path / "long.txt").write_text("A long dispatch\n\n" + body + "\n", encoding="utf-8")
    (tmp_path / "short.txt").write_text("A short dispatch\n\n" + paragraph * 3 + "\n", encoding="utf-8")
    saved = pipeline.nlp.max_length
    pipeline.nlp.max_length = 5_000  # as if the article were over spaCy's 1,000,000 (error E088)
    try:
        report = pipeline.run([str(tmp_path)], store)
    finally:
        pipeline.nlp.max_length = saved
    assert report.failed == [] and report.added == 2
    row = store.query("SELECT id, text FROM articles WHERE title = 'A long dispatch'")[0]
    assert len(row["text"]) > 15_000
    sentences = store.query("SELECT start, \"end\", text FROM sentences WHERE article_id = $1", [row["id"]])
    assert len(sentences) >= 300
    assert all(row["text"][s["start"]:s["end"]] == s["text"] for s in sentences)
    mentions = store.query("SELECT start, \"end\", text FROM mentions WHERE article_id = $1", [row["id"]])
    assert mentions and all(row["text"][m["start"]:m["end"]] == m["text"] for m in mentions)
