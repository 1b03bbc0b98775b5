"""Who said a quotation: a speech verb in the same sentence, the sentence before or after, or nobody."""

import pytest


def quotes_of(pipeline, text):
    return pipeline.article(text).quotes


def speaker_name(quote):
    return quote.speaker["name"] if quote.speaker else None


def test_speaker_from_a_speech_verb_after_the_quote(pipeline):
    (q,) = quotes_of(pipeline, "“The border will stay open,” Joe Biden said on Friday.")
    assert q.text == "The border will stay open,"
    assert speaker_name(q) == "Joe Biden" and q.speaker["text"] == "Joe Biden"
    assert q.method == "cue" and q.cue == "said"


def test_speaker_of_a_partial_quote_inside_reported_speech(pipeline):
    (q,) = quotes_of(pipeline, "Kim Jong Un has said that the new missile is “a great success.”")
    assert q.text == "a great success." and speaker_name(q) == "Kim Jong Un"


def test_speaker_before_a_quote_split_by_the_speech_verb(pipeline):
    article = pipeline.article("“We are ready,” Joe Biden told reporters, “and we will not wait.”")
    assert [q.text for q in article.quotes] == ["We are ready,", "and we will not wait."]
    assert {speaker_name(q) for q in article.quotes} == {"Joe Biden"}


def test_speaker_from_the_sentence_before_a_quoted_paragraph(pipeline):
    text = ("Emmanuel Macron arrived in Berlin on Monday. He spoke warmly about the city.\n"
            "“I studied here for a year. It changed my life.”")
    (q,) = quotes_of(pipeline, text)
    assert q.method == "before" and speaker_name(q) == "Emmanuel Macron" and q.speaker["text"] == "He"


def test_a_quote_that_goes_on_keeps_its_speaker(pipeline):
    text = "“The plan is sound,” said Olaf Scholz. “We will vote for it next week.”"
    first, second = quotes_of(pipeline, text)
    assert speaker_name(first) == speaker_name(second) == "Olaf Scholz"
    assert second.method == "before"


def test_speaker_from_the_sentence_after_a_quoted_paragraph(pipeline):
    text = "The crowd fell silent.\n“Nobody will be left behind.”\nThat is what Joe Biden told the workers."
    quotes = [q for q in quotes_of(pipeline, text) if q.text.startswith("Nobody")]
    assert quotes[0].method == "after" and speaker_name(quotes[0]) == "Joe Biden"


def test_a_quote_with_no_speaker_nearby_stays_unresolved(pipeline):
    (q,) = quotes_of(pipeline, "The town held its spring fair.\n“Fresh bread every morning.”\nStalls opened at nine.")
    assert q.speaker is None and q.method == "none" and q.cue is None


def test_a_pronoun_is_not_the_person_it_names(pipeline):
    text = ("Donald Trump spoke at a rally in Ohio. Kim Jong Un was in Pyongyang. "
            "When he mentioned Kim Jong Un, he smiled and spoke warmly.\n"
            "“I got along very well with Kim Jong Un. He likes me.”")
    (q,) = quotes_of(pipeline, text)
    assert speaker_name(q) == "Donald Trump"


def test_according_to_names_the_speaker_of_a_quote(pipeline):
    (q,) = quotes_of(pipeline, "According to Emmanuel Macron, the summit was “a turning point.”")
    assert speaker_name(q) == "Emmanuel Macron"


@pytest.mark.parametrize("text", [
    "“Prices will fall,” analysts said.",
    "Analysts said prices would “fall sharply.”",
])
def test_a_group_speaker_keeps_its_words(pipeline, text):
    (q,) = quotes_of(pipeline, text)
    assert q.speaker["actor_id"] is None and q.speaker["text"].lower() == "analysts"


def test_speaker_offsets_slice_the_article_text(pipeline):
    article = pipeline.article("Officials were cautious. “Talks could resume soon,” said Antony Blinken.")
    for q in article.quotes:
        assert article.text[q.start:q.end] == q.text
        assert article.text[q.speaker["start"]:q.speaker["end"]] == q.speaker["text"]
        assert article.text[q.cue_start:q.cue_end] == q.cue
