"""Entity spans on the name itself: without a trailing possessive ("Paul Manafort's client" names
Paul Manafort), and with the last word of a person's name that the tagger left out.

The small English model often ends a PERSON or ORG entity on its possessive marker
("Trey Gowdy’s", "Hillary Clinton's"); the marker then travels into the mention's text, the
actor's stored name and the span a reader is shown. It also stops some three-word names a word
early ("Maria Corina" of "Maria Corina Machado"), and the surname alone, met later, is then taken
for a place. Mending both after the tagger keeps every later stage's spans on the name itself.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .layout import title_case

POSSESSIVE = {"'s", "’s", "'", "’"}
NOMINAL = {"PROPN", "NOUN", "ADJ", "NUM"}  # "Keir Starmer London visit": the third word starts a phrase


@Language.component("tidings_entity_edges")
def entity_edges(doc: Doc) -> Doc:
    """Drop a possessive marker that ends an entity of more than one token; extend a person's name
    over the untagged proper noun its words are compounded into."""
    ents, changed = [], False
    for ent in doc.ents:
        end = ent.end
        while end - ent.start > 1 and doc[end - 1].lower_ in POSSESSIVE:
            end -= 1
        if ent.label_ == "PERSON" and end == ent.end and _name_goes_on(doc, ent):
            end += 1
        if end != ent.end:
            ent, changed = Span(doc, ent.start, end, label=ent.label_), True
        ents.append(ent)
    if changed:
        doc.ents = ents
    return doc


def _name_goes_on(doc: Doc, ent: Span) -> bool:
    """Whether the token after a person's name is more of it: an untagged, capitalised proper noun
    that the name's last word is compounded into ("Maria Corina" + "Machado"); or, after a name of
    two proper nouns, one that ends the run of names where the parser hung the words apart
    ("detained opposition leader Maria Corina Machado after ...": appos, then npadvmod). Not in a
    title-case line, where every word is capitalised."""
    end = ent.end
    if end >= len(doc):
        return False
    nxt, last = doc[end], doc[end - 1]
    if not (nxt.ent_iob_ == "O" and nxt.pos_ == "PROPN" and nxt.text.istitle()):
        return False
    if last.dep_ == "compound" and last.head.i == nxt.i:
        return True
    after = doc[end + 1] if end + 1 < len(doc) else None
    return len(ent) == 2 and all(t.pos_ == "PROPN" for t in ent) and nxt.is_alpha and not nxt.is_stop \
        and (after is None or after.pos_ not in NOMINAL) and not title_case(ent.sent)
