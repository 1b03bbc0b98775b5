"""Reading country and role evidence off the dependency parse around a mention."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Actor
from .gender import given_name_of
from .kb import BIG_CITY, KnowledgeBase
from .names import norm

MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "nummod", "det", "quantmod", "npadvmod"}
STANCE_PREFIXES = {"anti", "pro"}
# "Russian-backed separatists", "Iranian-backed Houthi rebels": the word before names their patron,
# not their state (unlike "US-led forces", whose leader's state they are)
PATRON_WORDS = {"backed", "supported", "sponsored", "funded", "financed", "armed", "trained", "allied", "aligned",
                "linked", "affiliated", "inspired", "friendly", "controlled", "installed"}
# "a Turkish-made drone": where it was made, not who uses it
MAKER_WORDS = {"made", "built", "designed", "manufactured", "produced", "developed"}
COUNTRY_PREPS = {"of", "from", "at", "in"}  # "adviser at the Office of ...", "troops from Chad"
LOCATED_PREPS = {"at", "in"}  # "officials in Kabul": whose, unless the phrase named a state already
# nouns that count the people of their "of" phrase: "thousands of workers", "a group of students"
COUNTING_HEADS = {"thousand", "hundred", "dozen", "million", "score", "group", "number", "crowd", "band"}


@dataclass
class Evidence:
    countries: list[str] = field(default_factory=list)
    country_tokens: list[list[Token]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    org: object = None  # a known organisation named as modifier ("United Nations peacekeepers")
    regional: bool = False  # a region of several states named as modifier ("Latin American governments")

    def add_sectors(self, sectors) -> None:
        for s in sectors:
            if s not in self.sectors:
                self.sectors.append(s)

    def add_country(self, code: str | None, tokens: list[Token]) -> None:
        if code and code not in self.countries:
            self.countries.append(code)
            self.country_tokens.append(tokens)

    @property
    def country(self) -> str | None:
        return self.countries[0] if len(self.countries) == 1 else None


def modifier_span(head: Token) -> list[Token]:
    """The head's left modifiers (with their own subtrees), as a token list ending at the head."""
    left = head.i
    for child in head.lefts:
        if child.dep_ in MODIFIER_DEPS or child.dep_ == "conj":
            left = min(left, child.left_edge.i)
    before = head.doc[head.i - 1] if head.i > 0 else None
    if left == head.i and before is not None and before.ent_type_ == "NORP" and before.head.i == head.head.i \
            and before.dep_ == head.dep_ and before.i != before.head.i:
        left = before.i  # "accused Azerbaijani forces", parsed as two objects of "accused"
    return list(head.doc[left:head.i + 1])


def entity_of(token: Token) -> Span | None:
    """The named entity a token is part of, if any (indexed once per doc)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    index = doc.user_data.get("tidings_ents")
    if index is None:
        index = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                index[i] = ent
        doc.user_data["tidings_ents"] = index
    return index.get(token.i)


def phrase_tokens(start: Iterable[Token], deps: set[str], preps: set[str], depth: int = 3) -> Iterator[Token]:
    """The tokens of a phrase breadth first from ``start``, along ``deps`` edges (a preposition only
    if it is one of ``preps``), at most ``depth`` edges down: "near the town of Samarra"."""
    queue, seen = deque((t, 0) for t in start), set()
    while queue:
        tok, level = queue.popleft()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        yield tok
        if level < depth:
            queue.extend((c, level + 1) for c in tok.children
                         if c.dep_ in deps and (c.dep_ != "prep" or c.lower_ in preps))


MISSED_KEY = "tidings_missed_names"  # doc.user_data: token index -> knowledge-base name the tagger missed
ACRONYMS_KEY = "tidings_defined_acronyms"  # doc.user_data: acronym the article defined -> its actor


def remember_missed(doc: Doc, spans: Iterable[Span]) -> None:
    """Keep the knowledge-base names the tagger missed (gazetteer.py), for ``read_modifiers``."""
    doc.user_data[MISSED_KEY] = {i: span for span in spans for i in range(span.start, span.end)}


def remember_acronyms(doc: Doc, acronyms: Mapping[str, Actor]) -> None:
    """Keep the acronyms the article defines ("Pakistan Tehreek-e-Insaf (PTI)"), as the resolver fills
    them in, for ``read_modifiers``: they beat the knowledge base's ("PTI supporters")."""
    doc.user_data[ACRONYMS_KEY] = acronyms


def name_of(token: Token) -> Span | None:
    """The entity a token is part of, or the knowledge-base name the tagger missed that holds it
    ("European Union" in "European Union leaders", untagged)."""
    return entity_of(token) or token.doc.user_data.get(MISSED_KEY, {}).get(token.i)


def titles_person(tok: Token) -> bool:
    """Whether a word is (part of) a title right before a person's name: "Director" in "FBI Director
    James Comey", "spokeswoman" in "Clinton spokeswoman Jennifer Palmieri", "chief" in "the UN human
    rights chief Volker Turk". What modifies such a title says whose officer the person is."""
    for _ in range(4):
        ent = entity_of(tok)
        if ent is not None:
            return ent.label_ == "PERSON"
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if any(c.dep_ == "appos" and c.left_edge.i == tok.i + 1 and entity_of(c) is not None
               and entity_of(c).label_ == "PERSON" for c in tok.rights):
            return True  # the parser hangs the name on the title: "chief Volker Turk"
        if tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i < tok.i:
            return False
        tok = tok.head
    return False


def describes_person(noun: Token) -> bool:
    """Whether a word is (in) an apposition describing the person named before it ("Bob Corker, a
    Tennessee Republican"), not a name in apposition to a description ("Trump's rivals - Sen. Ted Cruz")."""
    return noun.dep_ == "appos" and noun.head.i < noun.i and noun.head.ent_type_ == "PERSON" \
        and noun.ent_type_ != "PERSON"


HYPHENATED = {"americans", "american", "canadians", "canadian"}  # "Arab Americans", "Chinese Canadians"
PLACE_HEADS = {"in", "at", "near", "outside", "inside"}


def where_a_place_is(ent: Span) -> bool:
    """Whether a name stands where a place would: the object of "in", "at", "near" ... ("a house in
    Khan Younis", which the small model tags as a person)."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_HEADS


def definite(span: Sequence[Token]) -> bool:
    """Whether a noun phrase is "the X" with nothing else before the noun."""
    return len(span) == 2 and span[0].lower_ == "the"


def read_modifiers(tokens: list[Token], kb: KnowledgeBase, ev: Evidence, skip: set[int] = frozenset()) -> None:
    """Countries and sectors from modifier words: demonyms, country names (knowledge-base names the
    tagger missed and acronyms the article defined among them), titles and role nouns."""
    defined: Mapping[str, Actor] = tokens[0].doc.user_data.get(ACRONYMS_KEY, {}) if tokens else {}
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.i in skip:
            i += 1
            continue
        ent = name_of(tok)
        # a state the small model tags as a person ("Sri Lanka's military") is read as a place below
        state = ent is not None and ent.label_ == "PERSON" and any(
            e.kind in ("country", "capital") for e in kb.lookup(ent.text))
        # an organisation the tagger took for a person ("Boko Haram fighters") is read as one, below
        org_as_person = ent is not None and ent.label_ == "PERSON" and any(
            e.kind == "organisation" for e in kb.lookup(ent.text)[:1])
        if ent is not None and ent.label_ == "PERSON" and tok.i == ent.start and not state and not org_as_person and \
                not (len(ent) == 1 and kb.demonym(tok.text)):
            # "the Bush administration", "President Suharto's government": the person's state (a
            # demonym the small model tags as a person, "Azerbaijani forces", is read as one below)
            people = [e for e in kb.lookup(ent.text) if e.kind == "person"] or [
                e for e in kb.office_holders(ent.text, (), None) if not given_name_of(ent.text, e.actor)]
            countries = {e.actor.country for e in people}
            if len(countries) == 1 and None not in countries:  # both Bushes were American
                ev.add_country(countries.pop(), list(ent))
            i += max(1, ent.end - tok.i)
            continue
        if ent is not None and ent.label_ == "NORP" and ent.end < len(tok.doc) and \
                tok.doc[ent.end].lower_ in HYPHENATED:
            i += max(1, ent.end - tok.i)  # "Mexican American voters": Americans of that descent
            continue
        if _stance(tok) or hyphen_suffix(ent[-1] if ent is not None else tok) in MAKER_WORDS:
            # "an anti-Syria journalist", "pro-Iranian Hizbollah": not of that state; "a Turkish-made
            # drone": its maker's, not its user's
            i += max(1, ent.end - tok.i) if ent is not None else 1
            continue
        region = _world_region(tokens[i:], ent, kb)
        if region:
            ev.regional = True
            i += region
            continue
        if ent is not None and (ent.label_ in ("NORP", "GPE", "ORG", "LOC") or state or org_as_person) \
                and ent.end - 1 <= tokens[-1].i and tok.i == ent.start:
            code = kb.demonym(ent.text)
            if code is None and (ent.label_ in ("GPE", "LOC") or state):
                code = kb.place_country(ent.text)  # "Darfur rebels", "Gaza militants"
            known = code is not None
            if code is None:  # an organisation (also one the tagger took for a place: "M23 fighters")
                named = [(defined[ent.text], "organisation")] if ent.text in defined else \
                    [(e.actor, e.kind) for e in kb.lookup(ent.text)[:1]]
                for actor, kind in named:
                    code, known = actor.country, True
                    ev.add_sectors(actor.sectors)
                    if kind == "organisation" and ev.org is None:
                        ev.org = actor
            if known:
                ev.add_country(code, list(ent))
                i += max(1, ent.end - tok.i)
                continue
            # an entity the knowledge base does not know ("US Army Private"): read its words
        code = kb.demonym(tok.text) if tok.pos_ in ("ADJ", "PROPN", "NOUN") and tok.text[:1].isupper() else None
        if code is None and ent is None and tok.pos_ == "PROPN" and tok.dep_ == "compound":
            code = _region_or_big_city(tok.text, kb)  # "Victoria Police", untagged after a dateline
        if code:
            ev.add_country(code, [tok])
        else:
            read_word(tok, kb, ev)
        i += 1


def _region_or_big_city(word: str, kb: KnowledgeBase) -> str | None:
    """The state of a region of one state (regions.tsv, a US state) or a big city named by one word."""
    city = kb.place(word)
    return city.country if city is not None and (city.population == 0 or city.population >= BIG_CITY) else None


def _world_region(tokens: list[Token], ent: Span | None, kb: KnowledgeBase) -> int:
    """How many of the tokens, from the first, name a region of several states (world_regions.tsv:
    "Latin American", "Western"), or 0; a longer name holding the region's words ("Western Cape",
    "the African Union", untagged or not) is no such region."""
    for n in (3, 2, 1):
        words = tokens[:n]
        if len(words) < n or "".join(t.text_with_ws for t in words).strip().lower() not in kb.world_regions:
            continue
        after = tokens[n] if len(tokens) > n else None
        if (ent is not None and ent.start == words[0].i and ent.end > words[-1].i + 1) or (
                after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()):
            return 0
        return n
    return 0


def hyphen_suffix(tok: Token) -> str | None:
    """The word hyphened after this one, lowercased: "backed" for "Russian" in "Russian-backed",
    "led" for "Saudi" in "Saudi-led" (one token or three); None without one. Whether a state is
    named as a patron or leader is read here only, from the words, not from how they were parsed."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
        return doc[tok.i + 2].lower_
    return tok.lower_.rsplit("-", 1)[1] if "-" in tok.text else None


def _stance(tok: Token) -> bool:
    """Whether the word names a side taken rather than the phrase's state: the object of an "anti-"
    or "pro-" prefix ("anti-Syria"), or a patron ("Russian-backed")."""
    doc = tok.doc
    return tok.lower_.startswith(("anti-", "pro-")) or (
        tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in STANCE_PREFIXES) or \
        hyphen_suffix(tok) in PATRON_WORDS


def read_word(tok: Token, kb: KnowledgeBase, ev: Evidence) -> None:
    """Sectors and offices from one word: a title ("King") or a role noun ("soldier")."""
    word = norm(tok.text)
    if word in kb.titles:
        sectors, roles = kb.titles[word]
        ev.add_sectors(sectors)
        ev.roles.extend(roles)
    role = kb.roles.get(tok.lemma_.lower()) or kb.roles.get(word)
    if role is not None and role.person and tok.dep_ == "compound" and tok.head.lemma_.lower() in kb.body_heads:
        return  # "the National Industrial Court": a word of the body's name, no national of a state
    if role is not None and tok.pos_ in ("NOUN", "PROPN"):
        ev.add_sectors(role.sectors)


SPOKES = {"spokesman", "spokeswoman", "spokesperson", "representative", "mouthpiece"}


def read_prepositions(head: Token, kb: KnowledgeBase, ev: Evidence) -> None:
    """Country evidence from "of/from/at X" attached to a role noun (not "for X": a portfolio,
    unless the noun is one who speaks for X). Where the noun's modifiers named a state, "in" or "at"
    a place is where its people are, not whose they are ("Russian troops in Syria", "Moscow's envoy
    in Vienna"); and "at" after a verb's object is where it was aimed ("fired rockets at Israel")."""
    placed = bool(ev.countries)
    for prep in head.rights:
        if prep.dep_ != "prep" or (placed and prep.lower_ in LOCATED_PREPS):
            continue
        if prep.lower_ == "at" and head.dep_ == "dobj":
            continue  # "launched drones at Israel": what they were aimed at, not whose they are
        if prep.lower_ == "from" and any(c.dep_ == "poss" for c in head.children):
            continue  # "recalled its ambassador from Kabul": an owner says whose; "from" is where
        # "the armies of Brazil and Argentina": each state of a list
        for obj in [o for c in prep.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]:
            if prep.lower_ not in COUNTRY_PREPS and not (prep.lower_ == "for" and head.lemma_.lower() in SPOKES):
                # "adviser for North Korea at the Office of ..."; but "a spokesman for the Chinese
                # foreign ministry" speaks for it
                read_prepositions(obj, kb, ev)
                continue
            ent = entity_of(obj)
            phrase = obj.doc[obj.left_edge.i:obj.right_edge.i + 1].text  # entities may come split
            texts = [ent.text, phrase] if ent is not None else [obj.text, phrase]
            if ent is None and obj.pos_ == "NOUN" and obj.text.islower():
                texts = []  # "leaders of five Central Asian states": a common noun, not "the States"
                modifiers = [t for t in obj.lefts if t.dep_ in ("amod", "compound")]
                if any(_world_region(modifiers[i:], None, kb) for i in range(len(modifiers))):
                    ev.regional = True  # and states of a region: of no one state
            # the whole phrase first: "the Pakistani Taliban" is not the Taliban
            speaks_for = prep.lower_ == "for"  # (a spokesman's, above)
            group = next((e.actor for t in reversed(texts) for e in kb.lookup(t) if (
                e.kind == "organisation" and (speaks_for or e.actor.type == "armed_group")) or (
                speaks_for and e.kind == "person" and head.lemma_.lower() in SPOKES)), None) \
                if prep.lower_ in ("of", "from") or speaks_for else None
            if group is not None and ev.org is None:
                # "fighters from Hamas", "fighters of the Pakistani Taliban" are the group, as "Hamas
                # fighters" are (and not of the state its adjective names); "a spokesman for the
                # Taliban" or "for the State Department" speaks for it, as "a Taliban spokesman" does
                ev.org = group
            code = group.country if group is not None else next((c for c in map(kb.demonym, texts) if c), None)
            if code is None:  # "leader of the Sweden Democrats", "a spokesman for the Philippine coast
                # guard": a state named inside the phrase, or its adjective, is its state
                code = next((kb.demonym(e.text) or kb.place_country(e.text) for e in obj.doc.ents
                             if e.label_ in ("GPE", "NORP") and obj.left_edge.i <= e.start and e.end <= obj.i), None)
            if code is None:
                entry = next((e for t in texts for e in kb.lookup(t) if e.actor.country), None)
                if entry is not None:
                    code = entry.actor.country
                    ev.add_sectors(entry.actor.sectors)
            if code is None and ent is not None and ent.label_ == "ORG" and len(ent) > 1:
                # "the chief minister of Tamil Nadu": a region inside a state, tagged as an organisation
                code = kb.place_country(ent.text)
            if code is None and ent is not None and ent.label_ == "ORG":
                # "the Office of the Secretary of Defense": an ORG whose own modifiers name no
                # country; its words may still be a title ("secretary of defense")
                read_modifiers(list(ent), kb, ev)
            ev.add_country(code, [obj])
            read_prepositions(obj, kb, ev)


def counter_of(tok: Token) -> Token | None:
    """The word that counts the people ``tok`` names: "thousands" in "thousands of workers", "a group"
    in "a group of students"; None where ``tok`` is counted by nothing."""
    counted = tok.head.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
            counted.pos_ == "NUM" or counted.lemma_.lower() in COUNTING_HEADS):
        return counted
    return None
