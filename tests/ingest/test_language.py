from tidings.ingest.language import detect_language


def test_english_and_german_are_told_apart():
    assert detect_language("North Korea fired a missile into the sea on Thursday, officials said.")[0] == "en"
    assert detect_language("Nordkorea hat am Donnerstag eine Rakete ins Meer abgefeuert.")[0] == "de"


def test_no_text_has_no_language():
    assert detect_language("  \n ") == (None, None)
