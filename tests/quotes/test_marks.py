"""Finding quotation spans from the characters alone (no model needed)."""

from tidings.quotes.marks import find_quotations


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotations(text)]


def test_curly_quotes_give_the_words_between_the_marks():
    text = "“We will not back down,” the minister said."
    (q,) = find_quotations(text)
    assert text[q.start:q.end] == "We will not back down,"
    assert text[q.mark_start] == "“" and text[q.mark_end - 1] == "”"


def test_straight_double_quotes_pair_by_position():
    assert quoted('She said "yes" and he said "no".') == ["yes", "no"]


def test_typewriter_double_apostrophes_are_quotation_marks():
    assert quoted("The mayor called the plan ''a disaster,'' aides said.") == ["a disaster,"]


def test_a_quote_of_several_sentences_is_one_quotation():
    text = "“The harbour is closed. The ferries will not run. Stay home,” the port authority said."
    assert quoted(text) == ["The harbour is closed. The ferries will not run. Stay home,"]


def test_a_nested_quote_belongs_to_the_outer_quotation():
    text = "“He told me ‘never again,’ and I believed him,” she recalled."
    assert quoted(text) == ["He told me ‘never again,’ and I believed him,"]


def test_straight_quotes_nested_in_curly_ones_do_not_split_it():
    assert quoted('“They call it "the deal of the century," but nobody has read it.”') == [
        'They call it "the deal of the century," but nobody has read it.']


def test_a_partial_quote_inside_a_sentence():
    text = "The senator said the vote was “a good start.” Talks resume on Monday."
    assert quoted(text) == ["a good start."]


def test_apostrophes_are_not_quotation_marks():
    assert quoted("The council’s plan and the voters’ choice, rock ’n’ roll, it's the 1990's.") == []


def test_a_paragraph_of_quotation_after_its_introduction():
    text = "The governor spoke warmly of the town.\n“I grew up here. I know every street.”\nThe visit ended at noon."
    assert quoted(text) == ["I grew up here. I know every street."]


def test_a_quote_left_open_continues_in_the_next_quoted_paragraph():
    text = "“The first paragraph ends without a mark.\n\n“The second one closes it,” the chief said."
    found = find_quotations(text)
    assert [text[q.start:q.end] for q in found] == ["The first paragraph ends without a mark.", "The second one closes it,"]
    assert found[0].continued and not found[1].continued


def test_an_unclosed_mark_is_left_alone():
    assert quoted("He wrote “maybe and stopped there.\n\nNothing else.") == []
