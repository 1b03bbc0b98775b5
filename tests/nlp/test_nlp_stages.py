import pytest

TEXT = ("North Korea might also conduct a nuclear test, according to Anthony Holmes.\n\n"
        "Trump and Kim held their last meeting in the demilitarized zone on June 30, 2019. "
        "South Koreans are preparing for Trump's return to the White House.")


@pytest.fixture(scope="module")
def article(pipeline):
    return pipeline.article(TEXT, title="Test")


def test_sentences_have_offsets_that_slice_the_clean_text(article):
    assert len(article.sentences) == 3
    for s in article.sentences:
        assert article.text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    assert article.sentences[1].text.startswith("Trump and Kim")


def test_entities_have_offsets_and_their_sentence(article):
    found = {(m.text, m.label) for m in article.mentions}
    assert ("North Korea", "GPE") in found and ("Anthony Holmes", "PERSON") in found
    for m in article.mentions:
        assert article.text[m.start:m.end] == m.text
        s = article.sentences[m.sentence_index]
        assert s.start <= m.start and m.end <= s.end


def test_parsed_doc_is_not_kept_on_the_article(article):
    assert article.doc is None


def test_ids_are_derived_from_the_article_id(article):
    assert all(s.id.startswith(article.id) and s.article_id == article.id for s in article.sentences)
    assert len({m.id for m in article.mentions}) == len(article.mentions)
