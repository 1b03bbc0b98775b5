"""Resolving the actor mentions of one article: names, descriptions, pronouns.

Precision first: a mention that cannot be tied to one actor with confidence stays unresolved,
its text kept. The ``Resolver`` reads an article's entities and tokens in text order and sends each
to its part: places and states here; people's names to ``persons.People``; organisations to
``organisations.Organisations``; role nouns ("a North Korean soldier" becomes PRK-MIL) to
``descriptions.Descriptions``; pronouns, "the country" and "the two sides" to ``pronouns.Pronouns``.
Mentions of groups are then settled on their homes (homes.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from ..model import Actor, ActorMention, Article
from .descriptions import SUBJECT_DEPS, Descriptions
from .evidence import (HYPHENATED, MAKER_WORDS, PATRON_WORDS, Evidence, describes_person, entity_of, hyphen_suffix,
                       name_of, remember_acronyms, remember_missed, titles_person, where_a_place_is)
from ..nlp.layout import dateline_matches
from .gazetteer import missed_names
from .homes import doc_dateline, settle_homes
from .kb import PLACE_SUFFIXES, Entry, KnowledgeBase, title_words
from .names import norm
from .organisations import ORG_HEADS, Organisations
from .persons import FUZZY_CUTOFF, People
from .pronouns import PERSON_PRONOUNS, POSSESSIVE_PRONOUNS, Pronouns

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
PLACE_KINDS = ("country", "capital", "seat", "organisation")
NAME_HEAD_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative"}  # a name heading its phrase
NAMING_METHODS = {"kb", "coreference", "office", "surname", "fuzzy", "new", "metonym"}
# "Russian-backed", "Saudi-led": a state named as patron or leader is the state, not its people
PATRON_OR_LEADER = PATRON_WORDS | {"led"}
HOLDER_WORDS = {"administered", "controlled", "held", "occupied", "annexed", "ruled"}  # who holds a place
TERRITORY_NOUNS = PLACE_SUFFIXES | {"territory", "area", "zone", "part", "town", "village", "enclave", "land"}


# words that may stand before a party's plural without making it another party: its members in a chamber
CHAMBERS = {"senate", "house", "congressional", "assembly", "parliamentary"}


def _qualified(before: Token | None) -> bool:
    """Whether the word before a party's plural names another party or bloc: a state ("French
    Republicans", "Italy's Democrats"), or any capitalised word inside the sentence ("Social
    Democrats") but a chamber's ("Senate Democrats")."""
    if before is None or before.lower_ in CHAMBERS:
        return False
    if before.dep_ == "case":  # "Italy's Democrats": the possessor qualifies them
        before = before.head
    return before.ent_type_ in ("GPE", "NORP", "LOC") or (before.text[:1].isupper() and not before.is_sent_start)


@dataclass
class Found:
    start: int  # token indices
    end: int
    actor: Actor | None
    country: str | None
    sectors: list[str]
    method: str
    confidence: float
    subject: bool
    root: int  # the token heading the mention
    regional: bool = False  # described by a region of several states: of no one state (homes.py)


class Resolver(People, Descriptions, Organisations, Pronouns):
    """Resolves the actor mentions of one parsed article against a knowledge base."""

    def __init__(self, kb: KnowledgeBase, article: Article) -> None:
        self.dateline = doc_dateline(article.doc, kb)  # the dateline's state and where it ends
        self.kb = kb.seen_from(self.dateline[0] if self.dateline else None)  # whose "Valencia" it is
        self.article = article
        self.doc: Doc = article.doc
        self.day = article.published
        self.found: list[Found] = []
        self.people: dict[str, Actor] = {}  # normalised full names met so far -> person
        self.counts: Counter[str] = Counter()
        self.actors: dict[str, Actor] = {}
        self.taken: set[int] = set()  # tokens already part of a mention or used as evidence
        self.sentence_starts = [s.start for s in self.doc.sents]  # token indices, for distances
        self._genders: dict[str, str] = {}  # person id -> "m", "f" or "" (unknown), read once (gender.py)
        self._cataphora: list[tuple[int, int]] = []  # (index in found, root of the name it waits for)
        self.acronyms: dict[str, Actor] = {}  # acronyms the article defined ("Pakistan Tehreek-e-Insaf (PTI)")
        remember_acronyms(self.doc, self.acronyms)
        self._pairs: list[tuple[Found, Found]] = []  # "the two sides", "they": (a mention, the one it stands for)
        self.titled: list[tuple[str, int, Actor]] = []  # (title, token of the name, person): "Sen. Marco Rubio"

    # -- driver -----------------------------------------------------------------------------

    def run(self) -> None:
        ents = self._entities()  # in text order: each sentence takes the next ones (linear, not per sentence)
        j = 0
        for sent in self.doc.sents:
            while j < len(ents) and ents[j].start < sent.start:
                j += 1
            k = j
            while k < len(ents) and ents[k].start < sent.end:
                k += 1
            items = [("ent", e) for e in ents[j:k]]
            j = k
            items += [("tok", t) for t in sent]
            items.sort(key=lambda x: x[1].start if x[0] == "ent" else x[1].i)
            for kind, item in items:
                if kind == "ent":
                    self._entity(item)
                elif item.i not in self.taken:
                    self._token(item)
        self._settle_cataphora()
        self._emit()

    def _entities(self) -> list[Span]:
        """Entities of actor-like labels, with adjacent same-label pieces joined, and the knowledge
        base's names that the tagger missed (gazetteer.py)."""
        out: list[Span] = []
        missed = missed_names(self.doc, self.kb)
        remember_missed(self.doc, missed)
        datelines = dateline_matches(self.doc.text)
        inside = {i for span in missed for i in range(span.start, span.end)}
        tagged = [ent for ent in self.doc.ents if ent.start not in inside]
        for ent in sorted(tagged + missed, key=lambda e: e.start):
            if ent.label_ not in NAME_LABELS:
                continue
            if len(ent) == 1 and ent.text.islower() and ent[0].lemma_ in self.kb.roles:
                continue  # "Sri Lanka's navy", tagged a name in lower case: a role noun, read as one
            if ent.label_ in ("PERSON", "GPE", "LOC", "FAC") and ent.text.islower() and ent.text.isalpha():
                continue  # "still in the bush": a common noun the tagger took for a person's name
            ent = _after_dateline(ent, datelines)
            if ent is None:
                continue
            if ent.label_ == "PERSON":
                ent = self._name_before_verb(ent)
            if out and out[-1].label_ == ent.label_ and ent.label_ in ("ORG", "PERSON") and out[-1].end == ent.start:
                out[-1] = Span(self.doc, out[-1].start, ent.end, label=ent.label_)  # "Kim Yo" + "Jonng"
                continue
            if out and out[-1].label_ == "GPE" and out[-1].end == ent.start and self._qualifies_body(
                    out[-1].root, next((e.actor.country for e in self.kb.lookup(out[-1].text) if e.kind == "country"), "")):
                out.pop()  # "US" + "Justice Department", tagged apart: the department's state, no second actor
            out.append(ent)
        return out

    # -- names --------------------------------------------------------------------------------

    def _named_building(self, ent: Span) -> bool:
        """"Trump Tower", "Reagan National Airport": a name ending in a building's word (buildings.tsv)
        after a person the knowledge base or the article knows. "John Tower" is a person: "John" is
        nobody's name alone."""
        if len(ent) < 2 or ent[-1].lower_ not in self.kb.buildings:
            return False
        before = ent[:-1].text
        return self._looks_like_known_person(before) or any(e.kind == "person" for e in self.kb.lookup(ent[0].text))

    def _held_place(self, ent: Span) -> bool:
        """Whether the participle hyphened after the name ("administered", "occupied") modifies a
        place: a place's name or a noun of territory ("Indian-administered Kashmir", "Russian-held areas")."""
        doc = self.doc
        participle = doc[ent.end + 1] if ent.end + 1 < len(doc) and doc[ent.end].text == "-" else ent[-1]
        place = participle.head if participle.dep_ in ("amod", "compound") else None
        return place is not None and place.i > participle.i and (
            place.ent_type_ in ("GPE", "LOC") or place.lemma_.lower() in TERRITORY_NOUNS)

    def _entity(self, ent: Span) -> None:
        if any(i in self.taken for i in range(ent.start, ent.end)):
            return
        root = ent.root
        meant = self._named_by_context(ent)
        # (an acronym the article spells out, before or below, is read as that name, below)
        if meant is not None and not (ent.text.isupper() and (
                self._spelled_out(ent) is not None or self._spelled_out_later(ent) is not None)):
            self._add(ent.start, ent.end, meant, "context", 0.8, root)
            if ent.text.isupper():  # an acronym read by its context ("RSF" in Sudan) means it in phrases too
                self.acronyms.setdefault(ent.text, meant)
            return
        nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
        while nxt is not None and nxt.lower_ in title_words() and nxt.i + 1 < len(self.doc):
            nxt = self.doc[nxt.i + 1]  # "U.S. House Speaker Kevin McCarthy": the title's words
        if ent.label_ == "ORG" and nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B":
            return  # "US Army Private" before "Travis King": read as the person's title
        text = ent.text
        if ent.label_ in ("NORP", "PERSON", "ORG") and norm(text) in self.kb.demonyms and len(ent) == 1 \
                and self._named_earlier(text):
            ent.label_ = "PERSON"  # "Cuban also complained" after "Mark Cuban": his surname, not Cubans
        elif ent.label_ in ("PERSON", "ORG") and norm(text) in self.kb.demonyms:
            ent.label_ = "NORP"  # "Ugandan", "Bangladeshi" tagged as people by the small model
        anchor = ent[1:].root if root.dep_ == "det" and len(ent) > 1 else root  # "The United Nations ... chief"
        while anchor.dep_ == "conj" and anchor.head.i < anchor.i:  # "U.S. and Russian negotiators"
            anchor = anchor.head
        if ent.label_ in ("NORP", "GPE") and hyphen_suffix(ent[-1]) in MAKER_WORDS:
            return  # "a Turkish-made drone", "US-built jets": where it was made, not who used it
        if ent.label_ in ("NORP", "GPE", "ORG") and hyphen_suffix(ent[-1]) in HOLDER_WORDS and self._held_place(ent):
            return  # "Indian-administered Kashmir", "Russian-occupied territory": who holds a place is no party there
        if ent.label_ == "NORP" and anchor.dep_ in ("amod", "compound") and anchor.head.i == ent.end \
                and anchor.head.lower_ in HYPHENATED:
            return  # "Turkish Americans", "Mexican Americans": Americans of that descent, not that state
        if ent.label_ in ("NORP", "GPE", "ORG") and anchor.dep_ in ("amod", "compound", "nmod", "poss") \
                and anchor.head.i >= ent.end and (anchor.head.pos_ in ("NOUN", "PROPN") or (
                    anchor.dep_ == "amod" and anchor.head.tag_ == "VBG")):  # "Russian shelling", tagged a verb
            head_ent = entity_of(anchor.head)
            # "Bob Corker, a Tennessee Republican": the place is the person's
            if self._role(anchor.head) or self._role_compound(anchor.head) or describes_person(anchor.head) \
                    or (head_ent is not None and head_ent.label_ == "PERSON") or titles_person(anchor.head):
                spelled = self._spelled_out(ent)
                if spelled is not None and spelled.actor is not None:
                    # "the RSF commander" after "the Rapid Support Forces": the modifier is read
                    # (evidence.read_modifiers) as the article spelled it out, not as the KB's RSF
                    self.acronyms.setdefault(ent.text, spelled.actor)
                return  # a modifier: evidence for the role or name it modifies
            if ent.label_ == "NORP":
                # "Palestinian homes", "the Turkish side": the country, named by its adjective
                code = self.kb.demonym(text)
                if code:
                    self._add(ent.start, ent.end, self.kb.country_actor(code), "demonym", 0.7, root)
                return
        if ent.label_ == "NORP" and _sibling_modifier(ent) and self._role(self.doc[ent.end]):
            return  # "accused Azerbaijani forces", parsed as two objects: the demonym is the forces'
        if ent.label_ == "PERSON" and anchor.dep_ in ("compound", "nmod", "amod") and anchor.head.i >= ent.end \
                and entity_of(anchor.head) is None and titles_person(anchor.head):
            return  # "Clinton spokeswoman Jennifer Palmieri": whose spokeswoman she is, not a second actor
        if self._named_by_its_kind(ent) is not None:
            return
        defined = self._defined_acronym(ent)
        if defined is not None:
            self._add(ent.start, ent.end, defined, "coreference", 0.85, root)
            return
        spelled = self._spelled_out(ent)
        if spelled is not None:
            self._add(ent.start, ent.end, spelled.actor, "coreference" if spelled.actor else "unresolved",
                      0.85 if spelled.actor else 0.0, root)
            return
        later = self._spelled_out_later(ent)
        if later is not None:
            self._add(ent.start, ent.end, later, "coreference", 0.8, root)
            return
        entries = [e for e in self.kb.lookup(text) if e.kind in PLACE_KINDS]
        words = norm(text).split()
        if not entries and len(words) > 1 and words[-1] in PLACE_SUFFIXES:  # "Montenegro province"
            entries = [e for e in self.kb.lookup(" ".join(words[:-1])) if e.kind in PLACE_KINDS]
        state = self.kb.demonym(ent[0].text) if not entries and ent.label_ == "ORG" and len(ent) > 1 else None
        if state:  # "Iranian Revolutionary Guards": a body known by its name without the state's adjective
            entries = [e for e in self.kb.lookup(ent[1:].text) if e.kind == "organisation" and e.actor.country == state]
        if not entries and ent.label_ in ("GPE", "LOC"):  # "southern Lebanon"
            entries = self.kb.place_entries(text)
        if ent.label_ == "PERSON" and entries and entries[0].kind in ("country", "capital") \
                and not self._looks_like_known_person(text):
            ent.label_ = "GPE"  # the small model tags some countries as people ("Benin", "Sri Lanka")
        elif ent.label_ == "PERSON" and entries and entries[0].kind == "organisation" \
                and not self._looks_like_known_person(text):
            ent.label_ = "ORG"  # and some groups ("The Houthis attacked ...")
        elif ent.label_ == "PERSON" and where_a_place_is(ent) and self.kb.place(text) is not None \
                and not self._looks_like_known_person(text):
            ent.label_ = "GPE"  # and some towns, where they are where something is ("a house in Khan Younis")
        if ent.label_ in ("GPE", "LOC") and not entries and (self._looks_like_known_person(text)
                                                              or self._surname_as_agent(ent)):
            # "Strada accused ..." after "Terry Strada", "Palin posted ..." after "Sarah Palin": the
            # surname of someone the article named, which the model took for a place (Palín is a
            # town in Guatemala); states and capitals are not taken for people
            ent.label_ = "PERSON"
        known_org = bool(entries) and entries[0].kind == "organisation"  # "Houthi missile launchers"
        if ent.label_ == "PERSON" and self._named_building(ent):
            return  # "Kelly was seen entering Trump Tower": a building, no person (nor the later "Trump")
        if ent.label_ == "PERSON" or (ent.label_ == "ORG" and not known_org and (
                self._looks_like_known_person(text, root) or self._personal_name(ent) or self._described_as_one(ent))):
            self._person(ent)
            return
        if not entries and ent.label_ in ("GPE", "NORP", "LOC"):
            entries = self._close_place(text)
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if ent.label_ == "NORP" and entries and entries[0].kind == "organisation" and not self.kb.demonym(text) \
                and not _qualified(before):
            # "Republicans are urging Trump ...", "Senate Democrats blocked ...": members named by
            # their party's plural, unless a name qualifies them ("French Republicans", "Sweden
            # Democrats", "Social Democrats", "Reagan Democrats")
            self._add(ent.start, ent.end, entries[0].actor, "kb", 0.9, root)
            return
        if ent.label_ == "NORP":
            code = self.kb.demonym(text) or (entries[0].actor.country if entries and entries[0].kind != "organisation"
                                             else None)
            if code:
                patron = hyphen_suffix(ent[-1]) in PATRON_OR_LEADER
                actor = self.kb.agent(code, "CVL") if norm(text) != norm(self.kb.country_actor(code).name) \
                    and not patron else self.kb.country_actor(code)
                self._add(ent.start, ent.end, actor, "demonym", 0.85, root)
            return
        city = self.kb.place(text) if not entries and (ent.label_ in ("GPE", "LOC") or _place_tagged_org(ent)) else None
        if city is not None:  # a city or region ("Tel Aviv", "southern Lebanon")
            self._add(ent.start, ent.end, self.kb.country_actor(city.country), "place", 0.7, root)
            return
        if entries and entries[0].kind == "organisation" and entries[0].actor.country:
            # "South Korea's Joint Chiefs of Staff": a named state overrides the body's default one
            owner = next((self.kb.demonym(entity_of(c).text if entity_of(c) is not None else c.text)
                          for c in root.children if c.dep_ in ("poss", "compound", "amod") and c.i < ent.start), None)
            if owner and owner != entries[0].actor.country:
                actor = self.kb.agent(owner, (entries[0].actor.sectors or ["GOV"])[0])
                self._add(ent.start, ent.end, actor, "description", 0.8, root)
                return
        if entries and entries[0].kind == "organisation":
            fuller = self._fuller_org_met(ent)
            if fuller is not None:  # "the Joint Chiefs" after "South Korea's Joint Chiefs of Staff"
                self._add(ent.start, ent.end, fuller, "coreference", 0.85, root)
                return
        if entries:
            entry = entries[0]
            method = {"capital": "metonym", "seat": "metonym"}.get(entry.kind, "kb")
            self._add(ent.start, ent.end, entry.actor, method, 0.95 if method == "kb" else 0.9, root)
            return
        role = self._role(root) if ent.label_ == "ORG" and not entries else None
        described = self._description(root) if role is not None else None
        if described is not None and described[1].country is None:
            # "The Dubai Ruler": a city's name inside the name the tagger made of a described office
            names = [t for t in ent if t.i < root.i and t.pos_ == "PROPN"]
            place = self._place_by_its_name(names[0].text) if len(names) == 1 else None
            if place:
                described[1].add_country(place, names)
        if described is not None and (described[1].country is not None or role.type == "government"):
            # "The German Government", "the Government of India", "South Korea's Cabinet", "Iran's
            # supreme leader", "The Dubai Ruler", "The Heads of State": the tagger took a described
            # government or office for a name
            self._described(root, role, described)
            return
        if ent.label_ == "ORG" and not text.isupper():  # "SAW" is an acronym, not General Saw Maung
            person = self._known_person(norm(text), ())
            if person is not None and person[1] == "surname" and not self._surname_fits(person[0], root):
                person = None  # "sued Meta": the firm, not Albania's former president Ilir Meta
            if person is not None:
                self._add(ent.start, ent.end, person[0], person[1], person[2], root)
            elif (fuller := self._fuller_org_met(ent)) is not None:  # "Skyway" after "Skyway Airlines"
                self._add(ent.start, ent.end, fuller, "coreference", 0.85, root)
            elif (words and words[-1] in ORG_HEADS) or root.lower_ in ORG_HEADS:
                self._new_org(ent)  # "the Tokyo Stock Exchange"'s last word, "the Department of Education"'s head

    def _named_by_context(self, ent: Span) -> Actor | None:
        """"against the South" after North or South Korea was named, "Brussels" after the EU: the actor
        such a name stands for in that neighbourhood (``data/context_names.tsv``), or None."""
        meanings = self.kb.context_names.get(ent.text)
        if not meanings or ent.label_ not in ("GPE", "LOC", "NORP", "ORG"):
            return None
        after_the = ent.start > 0 and self.doc[ent.start - 1].lower_ == "the"
        named = {key for f in self.found if f.actor is not None and f.start < ent.start
                 for key in (f.actor.country, f.actor.id)}
        for needs_the, context, meaning in meanings:
            if needs_the == after_the and named & context:
                known = self.kb.by_id.get(meaning)
                return known.actor if known is not None else self.kb.country_actor(meaning)
        return None

    def _place_by_its_name(self, word: str) -> str | None:
        """The state of a country, capital or city named by exactly this word ("Dubai"), not of a
        city whose name only starts with it ("National" is no "National City")."""
        city = self.kb.place(word)
        if self.kb.place_entries(word) or (city is not None and norm(city.name) == norm(word)):
            return self.kb.place_country(word)
        return None

    def _close_place(self, text: str) -> list[Entry]:
        """A country or capital spelt a little wrong ("Ethopia", "Quatar")."""
        key = norm(text)
        if len(key) < 5 or key in self.kb.cities or key in self.kb.world_regions:
            return []  # "Lagos" is a city, not "Laos" misspelt; "South America" no "South Africa"
        best = process.extractOne(key, self.kb.place_keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF - 5)
        return [e for e in self.kb.by_alias[best[0]] if e.kind in ("country", "capital")] if best else []

    # -- other words: descriptions, pronouns, names the tagger missed ----------------------

    def _qualifies_body(self, tok: Token, code: str | None) -> bool:
        """Whether a state's name modifies a named body of that state that follows it ("US" in
        "the US Justice Department"), as part of how the body is named."""
        body = name_of(tok.head) if tok.dep_ in ("compound", "amod") and tok.head.i > tok.i else None
        return body is not None and body.label_ == "ORG" and not body.start <= tok.i < body.end and any(
            e.kind == "organisation" and e.actor.country == code for e in self.kb.lookup(body.text))

    def _token(self, tok: Token) -> None:
        if self._ally(tok):
            return
        if tok.pos_ == "PROPN" and tok.ent_type_ not in NAME_LABELS and tok.ent_iob_ == "B" and tok.text[:1].isupper() \
                and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I") and tok.dep_ in NAME_HEAD_DEPS \
                and self._named_earlier(tok.text):
            # "Chakwera congratulated his rival" after "Lazarus Chakwera": a surname of someone the
            # article named, which the small model tagged as a product or a work
            self._person(Span(self.doc, tok.i, tok.i + 1, label="PERSON"))
            return
        if tok.pos_ == "NOUN" and not tok.ent_type_ and tok.text[:1].isupper() and not tok.text.isupper() \
                and tok.tag_ == "NN" and tok.dep_ in NAME_HEAD_DEPS and self._named_earlier(tok.text):
            # "Trump cancelled the deal" after "Donald Trump": a surname the tagger read as a common noun
            self._person(Span(self.doc, tok.i, tok.i + 1, label="PERSON"))
            return
        if tok.pos_ in ("PROPN", "NOUN") and not tok.ent_type_ and tok.text[:1].isupper():
            # "the union UFO ... UFO is demanding": a name the tagger missed, which the article
            # introduced by its kind (or defined) before, or introduces here
            if tok.text in self.acronyms:
                self._add(tok.i, tok.i + 1, self.acronyms[tok.text], "coreference", 0.85, tok)
                return
            if self._named_by_its_kind(Span(self.doc, tok.i, tok.i + 1, label="ORG")) is not None:
                return
        if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.text[:1].isupper():
            entries = [e for e in self.kb.lookup(tok.text) if e.kind == "country"]
            if entries and self._qualifies_body(tok, entries[0].actor.country):
                return  # "The US Justice Department", untagged: the department's state, no second actor
            if entries:  # a country name the tagger missed ("Uzbekistan finally opened ...")
                self._add(tok.i, tok.i + 1, entries[0].actor, "kb", 0.8, tok)
                return
            if tok.dep_ in NAME_HEAD_DEPS and not tok.text.isupper() and self._looks_like_known_person(tok.text):
                # "Trump spoke in Ohio": a surname the tagger missed, of someone the article named
                # or of one known office holder
                self._person(Span(self.doc, tok.i, tok.i + 1, label="PERSON"))
                return
            capitals = [e for e in self.kb.lookup(tok.text) if e.kind == "capital"]
            if capitals and tok.dep_ in NAME_HEAD_DEPS:  # "Baku denied the claim": its state, as if tagged
                self._add(tok.i, tok.i + 1, capitals[0].actor, "kb", 0.8, tok)
                return
        if self._group(tok):
            return
        if tok.dep_ in SUBJECT_DEPS and (tok.lower_ in PERSON_PRONOUNS or tok.lower_ == "it"
                                         or (tok.lower_ == "country" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the")):
            self._pronoun(tok)
            return
        if tok.dep_ == "poss" and tok.lower_ in POSSESSIVE_PRONOUNS and tok.head.dep_ in SUBJECT_DEPS:
            self._pronoun(tok)
            return
        if self._members_again(tok) or self._named_org_again(tok) or self._org_of_kind_again(tok) or self._pair(tok):
            return
        role = self._role(tok)
        if role is None and not tok.ent_type_ and self._titled_again(tok):
            return
        named = tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and not tok.text.islower()
        if named and tok.ent_type_ == "NORP" and tok.pos_ == "NOUN" and not self.kb.demonym(tok.text):
            named = False  # "Jihadists torched a church": a role noun the tagger took for a nationality
        if role is None or named:
            return
        self._described(tok, role)

    # -- output -------------------------------------------------------------------------------

    def _add(self, start: int, end: int, actor: Actor | None, method: str, confidence: float, root: Token,
             ev: Evidence | None = None, country: str | None = None) -> None:
        if actor is not None:
            self.actors.setdefault(actor.id, actor)
            self.counts[actor.id] += 1
            country = actor.country if actor.type != "organisation" or actor.country else country
            sectors = list(actor.sectors) or (list(ev.sectors) if ev else [])
            if ev and actor.type == "person" and not actor.sectors:
                sectors = list(ev.sectors)
        else:
            sectors = list(ev.sectors) if ev else []
        if actor is not None and actor.type == "person" and actor.country is None and ev and ev.country:
            country = ev.country
        self.taken.update(range(start, end))
        subject = root.dep_ in SUBJECT_DEPS or root.head.dep_ in SUBJECT_DEPS and root.dep_ in ("compound", "appos")
        self.found.append(Found(start, end, actor, country, sectors, method, confidence, subject, root.i,
                                bool(ev and ev.regional and not ev.countries)))

    def regroup(self, f: Found, actor: Actor, confidence: float) -> None:
        """Settle a mention on another actor (a placed group's state), with at most ``confidence``."""
        self.actors.setdefault(actor.id, actor)
        self.counts[actor.id] += 1
        f.actor, f.country = actor, actor.country
        f.confidence = round(min(f.confidence or confidence, confidence), 2)

    def _emit(self) -> None:
        settle_homes(self)
        self._settle_pairs()
        art = self.article
        starts = [s.start for s in art.sentences]
        out = []
        for f in sorted(self.found, key=lambda f: f.start):
            span = self.doc[f.start:f.end]
            start, end = span.start_char, span.end_char
            out.append(ActorMention(
                id=f"{art.id}-a{len(out):04d}", article_id=art.id,
                sentence_index=max(bisect_right(starts, start) - 1, 0), start=start, end=end,
                text=art.text[start:end], actor_id=f.actor.id if f.actor else None, country=f.country,
                sectors=f.sectors, method=f.method, confidence=f.confidence))
        art.actor_mentions = out
        # Copies, not the knowledge base's own objects: they gain the spellings this article used.
        spellings: dict[str, set[str]] = {}
        for m in out:
            if m.actor_id and m.method in NAMING_METHODS:
                spellings.setdefault(m.actor_id, set()).add(" ".join(m.text.split()))
        art.actors = [replace(a, aliases=sorted((set(a.aliases) | spellings.get(a.id, set())) - {a.name}))
                      for a in sorted(self.actors.values(), key=lambda a: a.id)]


CITY_PREPS = {"in", "on", "at", "near", "to", "from", "into", "outside", "around", "toward", "towards", "across", "over"}


def _place_tagged_org(ent: Span) -> bool:
    """"A Russian missile strike on Odesa": a one-word name the tagger called an organisation, after a
    preposition of place, may be a city (which the caller looks up)."""
    return ent.label_ == "ORG" and len(ent) == 1 and ent.root.dep_ == "pobj" and ent.root.head.lower_ in CITY_PREPS


def _after_dateline(ent: Span, datelines: list[re.Match]) -> Span | None:
    """A name the tagger ran on from a dateline ("MELBOURNE - Victoria Police arrested ..."): the
    words after it, where the name starts inside a line opening that nlp/layout.py reads as a
    dateline and runs on past its dash; None when the name ends at the dash."""
    m = next((m for m in datelines if m.start() <= ent.start_char < m.end()
              and ent.end_char > m.start("dash")), None)
    if m is None:
        return ent
    after = [t.i for t in ent if t.idx >= m.end()]
    return Span(ent.doc, after[0], ent.end, label=ent.label_) if after else None


def _sibling_modifier(ent: Span) -> bool:
    """A one-word demonym the parser made a sibling of the noun right after it, with the same head
    and relation ("accused Azerbaijani forces of firing": two objects), as it would a modifier."""
    if len(ent) != 1 or ent.end >= len(ent.doc):
        return False
    word, nxt = ent[0], ent.doc[ent.end]
    return nxt.pos_ == "NOUN" and word.head.i == nxt.head.i and word.dep_ == nxt.dep_ and word.i != word.head.i
