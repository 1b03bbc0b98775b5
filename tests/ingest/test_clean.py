"""Tests of the boilerplate-cleaning step of ingest (tidings.ingest.clean)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import ConfigError
from tidings.ingest.clean import Cleaned, Lexicon, clean_text, line_key, load_lexicon

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# Hand-identified lines of the seed articles (1-based line numbers; the residue as literal text).
SEED_TITLE = {"000_99da01f4c6886040.txt": 1, "003_53facccbef32738f.txt": 1}
SEED_BODY = {
    "000_99da01f4c6886040.txt": [3, 5, 7, 9, 11, 13, 15, 17, 19],
    "003_53facccbef32738f.txt": [3, 5, 6, 7, 8, 9, 10, 12, 14, 15, 16],
}
SEED_RESIDUE = {
    "000_99da01f4c6886040.txt": [
        "Leave a Comment",
        "Your email address will not be published. Required fields are marked *",
        "Scroll to Top",
    ],
    "003_53facccbef32738f.txt": [
        "Add a comment",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Keep Up to Date with the Most Important News",
        "By pressing the Subscribe button, you confirm that you have read and are agreeing to our "
        "Privacy Policy and Terms of Use",
    ],
}

TITLE = "Seoul weighs response after North Korean missile launch"
FIRST = "North Korea fired a ballistic missile into the sea on Thursday, officials in Seoul said."
LAST = "Analysts expect further tests before the end of the year."


def seed_lines(name: str) -> list[str]:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed article {path} is not available")
    return path.read_text(encoding="utf-8").splitlines()


def article(*middle: str, tail: tuple[str, ...] = ()) -> str:
    """A small article: title, first paragraph, the ``middle`` paragraphs, last paragraph, ``tail`` lines."""
    return "\n\n".join([TITLE, FIRST, *middle, LAST, *tail])


def kept_lines(cleaned: Cleaned) -> list[str]:
    return [line for line in cleaned.text.splitlines() if line]


# --- the seeds ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEED_RESIDUE))
def test_seed_residue_lines_are_removed_and_reported(name: str) -> None:
    cleaned = clean_text("\n".join(seed_lines(name)))
    for residue in SEED_RESIDUE[name]:
        assert residue not in cleaned.text.splitlines()
        assert residue in cleaned.removed
    assert cleaned.removed == SEED_RESIDUE[name]  # in document order, nothing else


@pytest.mark.parametrize("name", sorted(SEED_BODY))
def test_seed_title_and_every_body_line_are_kept(name: str) -> None:
    lines = seed_lines(name)
    kept = kept_lines(clean_text("\n".join(lines)))
    expected = [lines[SEED_TITLE[name] - 1]] + [lines[n - 1] for n in SEED_BODY[name]]
    for line in expected:
        assert line in kept
    assert kept == expected


def test_seed_garbled_and_last_body_sentences_are_kept() -> None:
    text = clean_text("\n".join(seed_lines("003_53facccbef32738f.txt"))).text
    assert (
        "North Korea has rapidly expanded its nuclear arsenal since Trump’s last term, while cutting off "
        "all dialogue with Washington and Seoul cut."
    ) in text
    assert "North Korea has not reacted to Trump’s re-election." in text.splitlines()
    assert text.endswith("becoming the first sitting US president to set foot in North Korea.")
    text = clean_text("\n".join(seed_lines("000_99da01f4c6886040.txt"))).text
    assert text.endswith("will be closely watched by the international community.")


@pytest.mark.parametrize(
    ("name", "last"), [("000_99da01f4c6886040.txt", 19), ("003_53facccbef32738f.txt", 16)]
)
def test_seed_paragraph_structure_is_preserved(name: str, last: int) -> None:
    lines = seed_lines(name)
    assert clean_text("\n".join(lines)).text == "\n".join(lines[:last])


# --- other phrasings ---------------------------------------------------------------------------

OTHER_RESIDUE = [
    "Post a comment below",
    "Leave a reply",
    "Cancel reply",
    "Name *",
    "Email *",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Notify me of new posts by email.",
    "3 Comments",
    "* indicates a required field",
    "Sign up for our daily newsletter",
    "Subscribe to our free weekly newsletter!",
    "Get the latest headlines delivered to your inbox",
    "Stay informed with our morning briefing",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Privacy Policy | Terms of Service | Cookie Settings",
    "Share this article",
    "Share on Facebook",
    "Facebook Twitter WhatsApp Email",
    "Follow us on Instagram",
    "Print this article",
    "Back to top",
    "Skip to main content",
    "Read more: Seoul weighs its options after the launch",
    "Related Posts",
    "You may also like",
    "More from Daily Herald",
    "ADVERTISEMENT",
    "- Advertisement -",
    "Story continues below advertisement",
    "© 2024 Daily Herald. All rights reserved.",
    "Copyright 2023 Example Media Ltd",
    "Click here to download our app",
    "Loading...",
    "Tags: North Korea, Trump, Kim Jong Un",
    "Posted in World News",
    "Thanks for reading!",
    "Photo caption: Foreign ministers arrive for a Council meeting in Brussels. (Reuters)",
    "[Photo caption: Sen. Robert Kessler, left, raises the arm of Sen. Marcus Trillo in Greenville. (AP Photo/Meg Kinnard)]",
    "Photo: EPA Administrator Clifford Varga leaves a Senate hearing in Washington in January. (File photo)",
    "Malian soldiers patrol a road near Mopti, central Mali, in this file photo. REUTERS/Staff",
    "Soldiers carry an elderly woman to a rescue boat in Dadu district. (Photo: Asif Shah)",
]


@pytest.mark.parametrize("residue", OTHER_RESIDUE)
def test_other_residue_phrasings_are_removed_even_mid_article(residue: str) -> None:
    cleaned = clean_text(article(residue, "Officials gave no further details of the launch."))
    assert cleaned.removed == [residue]
    assert residue not in cleaned.text


@pytest.mark.parametrize("residue", ["Leave a Reply", "Back to top", "Related Posts", "Advertisement"])
def test_residue_is_matched_whatever_its_case_spacing_and_decoration(residue: str) -> None:
    variants = (residue.upper(), f"  {residue.lower()}  ", f"• {residue} »", residue.replace(" ", "\t"))
    for variant in variants:
        assert clean_text(article(variant)).removed == [variant.strip()]


BODY_WITH_CUES = [
    "The senator said she would subscribe to the committee's view that privacy rules need work.",
    "He declined to comment.",
    "The newsletter, founded in 1998, was sold to a rival publisher last year.",
    "Regulators said the company's cookie banner broke European privacy law.",
    "Shares rose after the firm said more advertisers had signed up.",
    "Readers who left comments under the post were later questioned by police.",
    "The ministry did not respond to a request for comment.",
]


@pytest.mark.parametrize("sentence", BODY_WITH_CUES)
def test_body_sentences_with_weak_cue_words_are_kept_anywhere(sentence: str) -> None:
    for text in (
        article(sentence),  # in the middle
        "\n\n".join([TITLE, FIRST, sentence, "Leave a Comment", "Scroll to Top"]),  # the last body line
        "\n\n".join([TITLE, FIRST, sentence]),  # the last line of all
    ):
        cleaned = clean_text(text)
        assert sentence in cleaned.text.splitlines()
        assert sentence not in cleaned.removed


LOOKALIKE_BODY = [
    "Share prices fell 3% on Monday.",
    "More than 200 people were killed.",
    "Next week, the talks resume.",
    "Home prices rose.",
    "Print media is declining.",
    "Posted on social media, the video shows soldiers crossing the border.",
    "By signing up for the program, farmers accept lower prices.",
    "By continuing the talks, both sides confirmed their commitment.",
    "(c) the right to appeal a decision of the court.",
    "More news on the election will follow.",
    "Copyright law is complex.",
    "Powered by solar panels, the village now has electricity.",
    "Terms of the deal were not disclosed.",
    "Photographs of the meeting were released by the ministry on Tuesday.",
    "Pictures showed soldiers crossing the border at dawn.",
    "The caption on the photo, which the ministry later deleted, called the protesters traitors.",
    "Reuters could not verify the footage, which the army released (with a photo of the site) on Monday.",
]


@pytest.mark.parametrize("sentence", LOOKALIKE_BODY)
def test_body_sentences_that_start_like_residue_are_kept(sentence: str) -> None:
    for text in (article(sentence), "\n\n".join([TITLE, FIRST, sentence, "Leave a Comment"])):
        cleaned = clean_text(text)
        assert sentence in cleaned.text.splitlines()
        assert sentence not in cleaned.removed


def test_weak_cues_alone_never_remove_a_line() -> None:
    cues_only = Lexicon(weak=[r"\bprivacy\b", r"\bcookies?\b", r"\bcomments?\b", r"\bnewsletters?\b"])
    heading = "Privacy, cookies and comments"  # not a sentence, three cues, but mid-article
    cleaned = clean_text(article(heading, "Officials gave no further details."), lexicon=cues_only)
    assert cleaned.removed == []
    title = "Newsletter firm fined over privacy and cookies"
    assert clean_text(f"{title}\n\n{FIRST}", lexicon=cues_only, link_texts={title}).removed == []


def test_weak_cues_remove_a_non_sentence_line_in_the_tail() -> None:
    line = "Our newsletter and privacy choices"
    cues = Lexicon(weak=[r"\bnewsletters?\b", r"\bprivacy\b"])
    assert clean_text(article(tail=(line,)), lexicon=cues).removed == [line]
    assert clean_text(article(tail=(line,)), lexicon=Lexicon()).removed == []  # tail alone is not enough
    assert clean_text(article(line), lexicon=cues).removed == []  # cues alone are not enough


# --- site repetition and link density ----------------------------------------------------------


def test_site_repetition_removes_a_repeated_short_non_sentence_line() -> None:
    line = "Daily Herald Staff Reporters"
    text = article(line, "Officials gave no further details.")
    assert clean_text(text, site_counts={line_key(line): 5}).removed == [line]
    assert clean_text(text, site_counts={line_key(line): 2}).removed == []
    assert clean_text(text, site_counts={line_key(line): 2}, min_site_repeats=2).removed == [line]


def test_site_repetition_alone_keeps_a_repeated_real_sentence() -> None:
    sentence = "The ministry did not respond to a request for comment."
    for text in (article(sentence, "Officials gave no details."), "\n\n".join([TITLE, FIRST, sentence])):
        cleaned = clean_text(text, site_counts={line_key(sentence): 50})
        assert sentence in cleaned.text.splitlines()
        assert cleaned.removed == []


def test_link_density_removes_a_menu_line_of_anchor_texts() -> None:
    menu = "World Politics Business North Korea Opinion"
    anchors = {"World", "Politics", "Business", "North Korea", "Opinion", "Seoul"}
    text = article(menu, "Officials in Seoul gave no further details.")
    cleaned = clean_text(text, link_texts=anchors)
    assert cleaned.removed == [menu]
    assert "Officials in Seoul gave no further details." in cleaned.text
    assert clean_text(text).removed == []  # without the page's links the line stays


def test_link_density_keeps_linked_title_and_body_sentence() -> None:
    linked = "Officials gave no further details."
    cleaned = clean_text(article(linked), link_texts={TITLE, linked, "Seoul"})
    assert cleaned.removed == []


def test_line_key_normalises_case_spacing_quotes_and_ends() -> None:
    assert line_key("  © 2024  Daily   Herald. ") == "daily herald"
    assert line_key("• Don’t miss our NEWSLETTER! »") == line_key("don't miss our newsletter")


# --- the lexicon -------------------------------------------------------------------------------


def test_bad_regex_in_user_lexicon_raises_config_error_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "site.txt"
    path.write_text("# site residue\nfrom the wires desk\n(unclosed group\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_lexicon([path])
    message = str(info.value)
    assert f"{path}:3:" in message
    assert "(unclosed group" in message
    assert "missing )" in message


def test_unreadable_user_lexicon_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="missing.txt"):
        load_lexicon([tmp_path / "missing.txt"])


def test_user_lexicon_adds_strong_and_weak_patterns_to_the_bundled_ones(tmp_path: Path) -> None:
    path = tmp_path / "site.txt"
    path.write_text("From the \\S+ Desk\n\n[weak]\n\\bWidget\\b\n", encoding="utf-8")
    lexicon = load_lexicon([path])
    cleaned = clean_text(article("FROM THE NEWSROOM desk", "Share this article"), lexicon=lexicon)
    assert cleaned.removed == ["FROM THE NEWSROOM desk", "Share this article"]
    assert lexicon.cues("Weather widget") == 1
    assert load_lexicon().cues("Weather widget") == 0


def test_bundled_lexicon_is_loaded_once() -> None:
    assert load_lexicon() is load_lexicon()
    assert load_lexicon().strong and load_lexicon().weak


# --- output shape and speed --------------------------------------------------------------------


def test_paragraphs_are_kept_and_blank_runs_collapsed() -> None:
    text = (
        f"\n\n\n{TITLE}\n\n\n\n{FIRST}\nLeave a reply\n\n"
        f"Second line.\nThird line.\n\nShare this\n\n\n{LAST}\n\n\n"
    )
    cleaned = clean_text(text)
    assert cleaned.text == f"{TITLE}\n\n{FIRST}\n\nSecond line.\nThird line.\n\n{LAST}"
    assert cleaned.removed == ["Leave a reply", "Share this"]


def test_empty_and_blank_text_give_empty_result() -> None:
    assert clean_text("") == Cleaned("", [])
    assert clean_text("\n \n\t\n") == Cleaned("", [])
