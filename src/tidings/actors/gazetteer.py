"""Knowledge-base names that the entity recogniser missed.

The small English model leaves some well-known names untagged or cut short: "ICE returned 11
paintings", "USAID provided shelter", "Theresa May will hold talks", "The Islamic State attacked"
(tagged as the nationality "Islamic"). Names of organisations and office holders in the knowledge
base are matched as written (case-sensitive), so that the resolver reads them like any entity.
Only names that cannot be ordinary words are matched: those of two or more words, and acronyms
of three or more capitals ("ICE", "DHS"); a one-word name such as "Sepah" is left to the tagger.

Peoples named in the plural ("Argentines") are matched as nationalities (NORP) where no entity
covers them: the tagger missed "Tens of thousands of Argentines marched".

States of two or more words are matched as places ("South Africa", "Saudi Arabia"): the tagger
missed "South Africa" after "THE HAGUE -". Single-word states are left to the tagger.

Capitals are matched too, as places: the tagger was trained on news from before "Kyiv" was the
usual spelling, and misses it ("Officials in Kyiv said") or reads it as a time ("fired missiles at
Kyiv overnight") or a person, as it does "Niamey" and "Sanaa". One-word capitals are matched unless
they are English words or first names ("Male", "Sofia", "Victoria"). A capital overrules the
tagger's person, date, time, facility or number where that entity is the capital or starts with
it, and no person of the article bears it as a surname ("Denzel Washington").
"""

from __future__ import annotations

from lemminflect import getAllLemmas
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .gender import is_first_name
from .kb import KnowledgeBase

LABELS = {"organisation": "ORG", "seat": "ORG", "person": "PERSON", "capital": "GPE", "country": "GPE"}
MISREAD = {"PERSON", "TIME", "DATE", "FAC", "CARDINAL"}  # labels the tagger gives a capital it does not know


def _distinctive(name: str, kind: str) -> bool:
    words = name.split()
    if kind in ("capital", "country"):
        if len(words) > 1:
            return words[0] != "The" and name[:1].isupper()  # not Anguilla's "The Valley"
        return name[:1].isupper() and not getAllLemmas(name.lower()) and not is_first_name(name)
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
        names = [n for n, k in kb.spellings.items() if k == kind and _distinctive(n, kind)]
        labels[doc.vocab.strings.add(label)] = label
        matcher.add(label, [Doc(doc.vocab, words=_words(n)) for n in names])
    # a people named in the plural ("Thousands of Argentines marched"), which the tagger may miss
    peoples = [w.title() for w in kb.demonyms if w.endswith("s") and w.isalpha() and len(w) > 4]
    labels[doc.vocab.strings.add("NORP")] = "NORP"
    matcher.add("NORP", [Doc(doc.vocab, words=[w]) for w in peoples])
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


def _misread(doc: Doc, overlapping: list[Span], start: int, end: int) -> bool:
    """Whether the tagger's entities over a capital's name misread it: each a person, date, time,
    facility or number that is the name or starts with it ("Kyiv overnight"), and no person of the
    article bearing the name as a surname."""
    if any(ent.label_ not in MISREAD or ent.start != start for ent in overlapping):
        return False
    name = doc[start:end].text
    return not any(e.label_ == "PERSON" and len(e) > end - start and e.text.endswith(" " + name) for e in doc.ents)


def missed_names(doc: Doc, kb: KnowledgeBase) -> list[Span]:
    """Knowledge-base names in ``doc`` that no entity of the tagger overlaps, or that strictly
    contain the entities they overlap ("Islamic" inside "Islamic State"), and capitals the tagger
    misread (``_misread``); longest first, no two overlapping, each labelled ORG, PERSON, GPE or NORP."""
    matcher, labels = _matcher(kb, doc)
    found = sorted(((s, e, labels[k]) for k, s, e in matcher(doc)), key=lambda m: (m[0] - m[1], m[0]))
    taken: set[int] = set()
    out: list[Span] = []
    for start, end, label in found:
        if any(i in taken for i in range(start, end)):
            continue
        overlapping = [ent for ent in doc.ents if ent.start < end and start < ent.end]
        misread = label == "GPE" and bool(overlapping) and _misread(doc, overlapping, start, end)
        if not misread and any(ent.start < start or ent.end > end or (ent.start, ent.end) == (start, end)
                               for ent in overlapping):
            continue  # the tagger's entity is as long or longer, or only partly inside: it speaks
        taken.update(range(start, end))
        out.append(Span(doc, start, end, label=label))
    return sorted(out, key=lambda s: s.start)
