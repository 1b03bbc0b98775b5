"""Knowledge-base names that the entity recogniser missed.

The small English model leaves some well-known names untagged or cut short: "ICE returned 11
paintings", "USAID provided shelter", "Theresa May will hold talks", "The Islamic State attacked"
(tagged as the nationality "Islamic"). Names of organisations and office holders in the knowledge
base are matched as written (case-sensitive), so that the resolver reads them like any entity.
Only names that cannot be ordinary words are matched: those of two or more words, and acronyms
of three or more capitals ("ICE", "DHS"); a one-word name such as "Sepah" is left to the tagger.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .kb import KnowledgeBase

LABELS = {"organisation": "ORG", "person": "PERSON"}


def _distinctive(name: str) -> bool:
    words = name.split()
    if len(words) > 1:
        return any(w[:1].isupper() for w in words)
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _matcher(kb: KnowledgeBase, doc: Doc) -> tuple[PhraseMatcher, dict[int, str]]:
    cached = kb.__dict__.get("_gazetteer")
    if cached is not None and cached[0] is doc.vocab:
        return cached[1], cached[2]
    matcher = PhraseMatcher(doc.vocab, attr="ORTH")
    labels: dict[int, str] = {}
    for kind, label in LABELS.items():
        names = [n for n, k in kb.spellings.items() if k == kind and _distinctive(n)]
        labels[doc.vocab.strings.add(label)] = label
        matcher.add(label, [Doc(doc.vocab, words=_words(n)) for n in names])
    kb.__dict__["_gazetteer"] = (doc.vocab, matcher, labels)
    return matcher, labels


def _words(name: str) -> list[str]:
    """A name split as the English tokenizer splits it in running text, near enough: on spaces,
    with a possessive apart ("Iran's Revolutionary Guards" -> Iran, 's, Revolutionary, Guards)."""
    out: list[str] = []
    for word in name.split():
        if word.endswith("'s") and len(word) > 2:
            out += [word[:-2], "'s"]
        else:
            out.append(word)
    return out


def missed_names(doc: Doc, kb: KnowledgeBase) -> list[Span]:
    """Knowledge-base names in ``doc`` that no entity of the tagger overlaps, or that strictly
    contain the entities they overlap ("Islamic" inside "Islamic State"); longest first, no two
    overlapping, each labelled ORG or PERSON."""
    matcher, labels = _matcher(kb, doc)
    found = sorted(((s, e, labels[k]) for k, s, e in matcher(doc)), key=lambda m: (m[0] - m[1], m[0]))
    taken: set[int] = set()
    out: list[Span] = []
    for start, end, label in found:
        if any(i in taken for i in range(start, end)):
            continue
        overlapping = [ent for ent in doc.ents if ent.start < end and start < ent.end]
        if any(ent.start < start or ent.end > end or (ent.start, ent.end) == (start, end) for ent in overlapping):
            continue  # the tagger's entity is as long or longer, or only partly inside: it speaks
        taken.update(range(start, end))
        out.append(Span(doc, start, end, label=label))
    return sorted(out, key=lambda s: s.start)
