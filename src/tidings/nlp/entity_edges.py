"""Entity spans without a trailing possessive: "Paul Manafort's client" names Paul Manafort.

The small English model often ends a PERSON or ORG entity on its possessive marker
("Trey Gowdy’s", "Hillary Clinton's"); the marker then travels into the mention's text, the
actor's stored name and the span a reader is shown. Cutting it off after the tagger keeps every
later stage's spans on the name itself.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

POSSESSIVE = {"'s", "’s", "'", "’"}


@Language.component("tidings_entity_edges")
def entity_edges(doc: Doc) -> Doc:
    """Drop a possessive marker that ends an entity of more than one token."""
    ents, changed = [], False
    for ent in doc.ents:
        end = ent.end
        while end - ent.start > 1 and doc[end - 1].lower_ in POSSESSIVE:
            end -= 1
        if end != ent.end:
            ent, changed = Span(doc, ent.start, end, label=ent.label_), True
        ents.append(ent)
    if changed:
        doc.ents = ents
    return doc
