"""The curated data files of the quotes stage are well formed."""

from tidings.quotes.lexicon import KINDS, load_lexicon, read_tsv


def test_every_file_has_its_header_and_full_rows():
    for name, header in (("cues.tsv", ["cue", "kind", "takes"]), ("groups.tsv", ["word", "type"]),
                         ("marks.tsv", ["open", "close", "level"]), ("hedges.tsv", ["cue", "scope"])):
        rows = read_tsv(name)
        assert rows and list(rows[0]) == header, name
        assert all(all(row[c] for c in header) for row in rows), name


def test_cues_cover_every_kind_and_the_speech_verbs_of_the_issue():
    lexicon = load_lexicon()
    assert {c.kind for c in lexicon.cues.values()} == set(KINDS)
    for verb in ("say", "tell", "add", "believe", "suggest", "argue", "warn", "fear", "outline", "deny"):
        assert lexicon.cue(verb) is not None, verb
    assert lexicon.cue("point", "out").kind == "statement"
    assert lexicon.cues["according"].words == ("according", "to")


def test_group_words_and_quote_marks():
    lexicon = load_lexicon()
    assert lexicon.groups["analyst"] == "group" and lexicon.groups["some"] == "quantifier"
    assert ("\u201c", "\u201d", "double") in lexicon.marks and ("'", "'", "single") in lexicon.marks
    assert {"will", "may", "might"} <= lexicon.hedges["aux"] and "must" not in lexicon.hedges["aux"]
