from tidings.ingest.identity import article_id, normalise


def test_id_ignores_quotes_dashes_case_and_spacing():
    a = "Trump said it is \u201ca good thing.\u201d\n\nKim Jong\u2011un agreed."
    b = 'TRUMP said it is "a good thing."  Kim Jong-un   agreed.'
    assert article_id(a) == article_id(b)


def test_different_texts_get_different_ids():
    assert article_id("Seoul protested.") != article_id("Tokyo protested.")


def test_normalise_keeps_words_in_order():
    assert normalise("Kim Jong-Un, Pyongyang!") == "kim jong un pyongyang"
    assert len(article_id("x")) == 16
