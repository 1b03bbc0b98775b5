import pytest

from tidings.errors import InputError
from tidings.ingest.extract import extract_html

PAGE = """<html><head><title>Seoul weighs reply | Herald</title>
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="Herald">
<meta property="article:published_time" content="2024-11-07T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Seoul weighs reply</h1>
<p>South Korea said on Thursday it would consult with Washington about the launch of a missile by the North.</p>
<p>The foreign ministry called the launch a clear violation of Security Council resolutions and urged restraint.</p>
<p>Officials in Tokyo said the missile fell outside Japan's exclusive economic zone after a flight of 70 minutes.</p>
</article><footer><a href="/subscribe">Subscribe to our newsletter</a></footer></body></html>"""


def test_main_text_and_metadata_are_extracted():
    ex = extract_html(PAGE, "page.html")
    assert ex.text.startswith("South Korea said on Thursday")
    assert ex.text.rstrip().endswith("after a flight of 70 minutes.")
    assert "Home" not in ex.text and "Subscribe" not in ex.text
    assert ex.author == "Jane Roe" and ex.site == "Herald" and str(ex.published) == "2024-11-07"
    assert "Subscribe to our newsletter" in ex.link_texts


def test_page_without_article_is_an_input_error():
    with pytest.raises(InputError, match="no article text"):
        extract_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty.html")
