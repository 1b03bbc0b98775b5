from tidings.ingest.language import detect_language


def test_english_and_german_are_told_apart():
    assert detect_language("North Korea fired a missile into the sea on Thursday, officials said.")[0] == "en"
    assert detect_language("Nordkorea hat am Donnerstag eine Rakete ins Meer abgefeuert.")[0] == "de"


def test_no_text_has_no_language():
    assert detect_language("  \n ") == (None, None)


def test_the_language_is_read_from_the_whole_sample_not_the_headline():
    headline = "Clinton Wades In: Urges Britain to Remain In European Union.\n\n"
    body = ("White House hopeful Hillary Clinton has waded into the debate, throwing her weight behind "
            "the president's advice that Britain should remain within the union. The president has endured "
            "criticism for telling the British people they would be better off remaining, and he warned that "
            "Britain would go to the back of the queue for a trade deal with the United States if it left.")
    assert detect_language(headline)[0] != "en"  # the headline alone misleads the model
    assert detect_language(headline + body)[0] == "en"
