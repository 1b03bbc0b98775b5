"""Resolving the actor mentions of one article: names, descriptions, pronouns.

Precision first: a mention that cannot be tied to one actor with confidence stays unresolved,
its text kept. The rules, in order, for a name: the knowledge base; a fuller name already met
in the article ("Holmes" after "Anthony Holmes"); an office holder by surname, title and the
article's date ("President Biden"); a close spelling of a known name (rapidfuzz); else a new
person. Descriptions ("a North Korean soldier") become the generic actor of their country and
sector (PRK-MIL). Subject pronouns and "the country" take the most recent compatible subject.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from datetime import date
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from ..model import Actor, ActorMention, Article
from .evidence import (PATRON_WORDS, Evidence, definite, entity_of, hyphen_suffix, modifier_span, read_modifiers,
                       read_prepositions)
from .gazetteer import missed_names
from .gender import HONORIFICS, first_name_gender, name_gender
from .homes import settle_homes
from .kb import PLACE_SUFFIXES, Entry, KnowledgeBase
from .names import contains_words, initials, norm, slug
from .pronouns import MAX_PRONOUN_DISTANCE, PERSON_PRONOUNS, POSSESSIVE_PRONOUNS, Pronouns, sentences_between

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
PLACE_KINDS = ("country", "capital", "seat", "organisation")
NAME_HEAD_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative"}  # a name heading its phrase
NAMING_METHODS = {"kb", "coreference", "office", "surname", "fuzzy", "new", "metonym"}
THING_SUBJECTS = {"it", "country"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
FUZZY_CUTOFF = 90.0
# described actors that stay actors when the text gives no state: armed and criminal groups and the
# opposition wherever they stand; officials, forces, courts and unions only as the subject of their
# clause ("the strikers accepted", "the authorities refused"), since "sending troops" names what is
# sent, not a party; an office of one person ("the president") and people in general never
ALWAYS_UNPLACED = {"REB", "CRM", "OPP"}
UNPLACED_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "LAB", "EDU"}
# nouns that count the people of their "of" phrase: "thousands of workers", "a group of students"
COUNTING_HEADS = {"thousand", "hundred", "dozen", "million", "score", "group", "number", "crowd", "band"}
ORG_ANAPHOR_DISTANCE = 4  # sentences back to look for the organisation "the bureau" stands for
ORG_HEADS = {"ministry", "agency", "party", "army", "council", "committee", "institute", "university",
             "company", "corporation", "corp", "inc", "news", "times", "association", "union", "front",
             "forces", "command", "office", "department", "service", "bank", "group", "organization",
             "organisation", "commission", "court", "parliament", "assembly", "navy", "guard", "post",
             "agency", "bureau", "foundation", "center", "centre", "network", "movement", "brigade",
             "board", "administration", "authority", "tribunal", "congress", "senate", "federation",
             "league", "coalition", "alliance", "campaign", "airlines", "airways", "police", "council"}
# last words of firms' names, which a first name may open ("Harmony Enterprises", "Jack Daniels Distillery")
FIRM_WORDS = {"enterprises", "holdings", "industries", "partners", "capital", "media", "systems", "technologies",
              "motors", "brands", "foods", "energy", "ventures", "associates", "communications", "international",
              "entertainment", "studios", "records", "pictures", "labs", "pharmaceuticals", "solutions", "distillery",
              "llc", "ltd", "co", "plc", "fund", "trust", "hotels", "resorts", "stores", "airlines"}
# "Russian-backed", "Saudi-led": a state named as patron or leader is the state, not its people
PATRON_OR_LEADER = PATRON_WORDS | {"led"}
OFFICE_NOUNS = {"leader": ("head_of_state",), "president": ("head_of_state",),
                "prime minister": ("head_of_government",), "foreign minister": ("foreign_minister",),
                "defense minister": ("defence_minister",), "defence minister": ("defence_minister",)}


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
class _Found:
    start: int  # token indices
    end: int
    actor: Actor | None
    country: str | None
    sectors: list[str]
    method: str
    confidence: float
    subject: bool
    root: int  # the token heading the mention


class Resolver(Pronouns):
    """Resolves the actor mentions of one parsed article against a knowledge base."""

    def __init__(self, kb: KnowledgeBase, article: Article) -> None:
        self.kb = kb
        self.article = article
        self.doc: Doc = article.doc
        self.day = article.published
        self.found: list[_Found] = []
        self.people: dict[str, Actor] = {}  # normalised full names met so far -> person
        self.counts: Counter[str] = Counter()
        self.actors: dict[str, Actor] = {}
        self.taken: set[int] = set()  # tokens already part of a mention or used as evidence
        self.sentence_starts = [s.start for s in self.doc.sents]  # token indices, for distances
        self._genders: dict[str, str] = {}  # person id -> "m", "f" or "" (unknown), read once (gender.py)
        self._cataphora: list[tuple[int, int]] = []  # (index in found, root of the name it waits for)
        self._pairs: list[tuple[_Found, _Found]] = []  # "the two sides", "they": (a mention, the one it stands for)

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
        inside = {i for span in missed for i in range(span.start, span.end)}
        tagged = [ent for ent in self.doc.ents if ent.start not in inside]
        for ent in sorted(tagged + missed, key=lambda e: e.start):
            if ent.label_ not in NAME_LABELS:
                continue
            if out and out[-1].label_ == ent.label_ and ent.label_ in ("ORG", "PERSON") and out[-1].end == ent.start:
                out[-1] = Span(self.doc, out[-1].start, ent.end, label=ent.label_)  # "Kim Yo" + "Jonng"
                continue
            out.append(ent)
        return out

    # -- names --------------------------------------------------------------------------------

    def _entity(self, ent: Span) -> None:
        if any(i in self.taken for i in range(ent.start, ent.end)):
            return
        root = ent.root
        meant = self._named_by_context(ent)
        if meant is not None:
            self._add(ent.start, ent.end, meant, "context", 0.8, root)
            return
        nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
        if ent.label_ == "ORG" and nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B":
            return  # "US Army Private" before "Travis King": read as the person's title
        text = ent.text
        if ent.label_ in ("NORP", "PERSON", "ORG") and norm(text) in self.kb.demonyms and len(ent) == 1 \
                and any(contains_words(full, norm(text)) for full in self.people):
            ent.label_ = "PERSON"  # "Cuban also complained" after "Mark Cuban": his surname, not Cubans
        elif ent.label_ in ("PERSON", "ORG") and norm(text) in self.kb.demonyms:
            ent.label_ = "NORP"  # "Ugandan", "Bangladeshi" tagged as people by the small model
        anchor = root
        while anchor.dep_ == "conj" and anchor.head.i < anchor.i:  # "U.S. and Russian negotiators"
            anchor = anchor.head
        if ent.label_ in ("NORP", "GPE", "ORG") and anchor.dep_ in ("amod", "compound", "nmod", "poss") \
                and anchor.head.i >= ent.end and anchor.head.pos_ in ("NOUN", "PROPN"):
            head_ent = entity_of(anchor.head)
            if self._role(anchor.head) or self._role_compound(anchor.head) \
                    or (head_ent is not None and head_ent.label_ == "PERSON"):
                return  # a modifier: evidence for the role or name it modifies
            if ent.label_ == "NORP":
                # "Palestinian homes", "the Turkish side": the country, named by its adjective
                code = self.kb.demonym(text)
                if code:
                    self._add(ent.start, ent.end, self.kb.country_actor(code), "demonym", 0.7, root)
                return
        spelled = self._spelled_out(ent)
        if spelled is not None:
            self._add(ent.start, ent.end, spelled.actor, "coreference" if spelled.actor else "unresolved",
                      0.85 if spelled.actor else 0.0, root)
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
        if ent.label_ in ("GPE", "LOC") and not entries and self._looks_like_known_person(text):
            # "Strada accused ..." after "Terry Strada", "Palin posted ..." after "Sarah Palin": the
            # surname of someone the article named, which the model took for a place (Palín is a
            # town in Guatemala); states and capitals are not taken for people
            ent.label_ = "PERSON"
        if ent.label_ == "PERSON" or (ent.label_ == "ORG" and (self._looks_like_known_person(text)
                                                               or self._personal_name(ent))):
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
        city = self.kb.place(text) if not entries and ent.label_ in ("GPE", "LOC") else None
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
            place = self.kb.place_country(names[0].text) if len(names) == 1 else None
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
            if person is not None:
                self._add(ent.start, ent.end, person[0], person[1], person[2], root)
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

    def _close_place(self, text: str) -> list[Entry]:
        """A country or capital spelt a little wrong ("Ethopia", "Quatar")."""
        key = norm(text)
        if len(key) < 5 or key in self.kb.cities:  # "Lagos" is a city, not "Laos" misspelt
            return []
        best = process.extractOne(key, self.kb.place_keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF - 5)
        return [e for e in self.kb.by_alias[best[0]] if e.kind in ("country", "capital")] if best else []

    def _looks_like_known_person(self, text: str) -> bool:
        """A known person's name, one met earlier in the article, or the surname of one known
        office holder alone ("Erdogan", which the small model tags as a place)."""
        key = norm(text)
        return any(e.kind == "person" for e in self.kb.lookup(text)) or any(
            contains_words(full, key) for full in self.people) or (
            " " not in key and text[:1].isupper() and not text.isupper() and key not in self.kb.titles
            and self.kb.place(text) is None and len(self._surname_holders(key)) == 1)

    def _surname_holders(self, key: str) -> list[Entry]:
        """Known office holders whose surname (or family name written first) ``key`` is; of
        several, in an article with no date, the one in office today ("Maduro": Nicolás, not
        Ricardo, Honduras's president until 2006). Not by a given name: "Bob" alone is no sign of
        Bob Hawke ("Kim" and "Xi", family names written first, are no given names gender.py is
        sure of, and still count)."""
        holders = [h for h in self.kb.office_holders(key, (), None) if not _given_name_of(key, h.actor.name)]
        if len(holders) > 1 and self.day is None:
            current = [h for h in holders if h.holds((), date.today())]
            if len(current) == 1:
                return current
        return holders

    def _personal_name(self, ent: Span) -> bool:
        """"Carly Fiorina" tagged as an organisation: two or three capitalised words that the
        knowledge base does not know, opened by a first name whose gender is certain (gender.py's
        list) and closed by no word of an organisation's name ("Charles Schwab Corp")."""
        words = [t.text for t in ent]
        if not 2 <= len(words) <= 3 or self.kb.lookup(ent.text) or ent.text.isupper():
            return False
        if not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
            return False
        if norm(words[0]) in self.kb.titles or norm(words[-1]) in ORG_HEADS | FIRM_WORDS:
            return False
        return first_name_gender(words[0]) is not None

    def _person(self, ent: Span) -> None:
        ev = Evidence()
        tokens = list(ent)
        # titles inside the entity ("President Biden" tagged whole)
        while len(tokens) > 1 and norm(tokens[0].text) in self.kb.titles:
            read_modifiers([tokens[0]], self.kb, ev)
            tokens = tokens[1:]
        name_start = tokens[0].i
        left = modifier_span(ent.root)
        prefix = [t for t in left if t.i < ent.start]
        prev = self.doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.ent_type_ == "ORG":  # "US Army Private" + "Travis King"
            org = entity_of(prev)
            prefix = list(self.doc[min(org.start, prefix[0].i if prefix else org.start):ent.start])
        elif prev is not None and prev.pos_ in ("NOUN", "PROPN") and (self._role(prev) or norm(prev.text) in self.kb.titles):
            # a title or role noun right before the name, whatever the parser made of it
            prefix = sorted(set(prefix) | set(modifier_span(prev)), key=lambda t: t.i)
        read_modifiers(prefix, self.kb, ev)
        for tok in ent.root.rights:  # "Anthony Holmes, a former adviser at the Office of ..."
            if tok.dep_ == "appos" and tok.pos_ == "NOUN":
                read_modifiers(modifier_span(tok), self.kb, ev)
                read_prepositions(tok, self.kb, ev)
                self.taken.update(t.i for t in tok.subtree)
        self.taken.update(t.i for t in prefix)
        key = norm(self.doc[name_start:ent.end].text)
        honorific = self.doc[name_start - 1].lower_ if name_start > 0 else ""
        found = self._known_person(key, ev.roles, HONORIFICS.get(honorific))
        if found is not None:
            actor, method, confidence = found
        elif len(key.split()) >= 2:
            actor, method, confidence = self._new_person(self.doc[name_start:ent.end].text, ev), "new", 0.7
        else:
            # several people could be meant ("President Bush"); if they share a state, say so
            countries = {e.actor.country for e in self.kb.office_holders(key, ev.roles, self.day)}
            if len(countries) == 1 and not ev.countries:
                ev.add_country(countries.pop(), [])
            self._add(name_start, ent.end, None, "unresolved", 0.0, ent.root, ev, country=ev.country)
            return
        if len(key.split()) >= 2:
            self.people.setdefault(key, actor)
            self.people.setdefault(norm(actor.name), actor)
        self._add(name_start, ent.end, actor, method, confidence, ent.root, ev)

    def _known_person(self, key: str, roles, gender: str | None = None) -> tuple[Actor, str, float] | None:
        """A known person, or one the article named more fully before; ``gender`` is what an
        honorific says ("Mr. Khan" is not Ghazala Khan, named before him)."""
        entries = [e for e in self.kb.by_alias.get(key, []) if e.kind == "person"]
        if len(entries) > 1:
            entries = [e for e in entries if e.holds((), self.day)] or entries
        if len(entries) == 1:
            return entries[0].actor, "kb", 0.95
        # a fuller name met earlier in this article
        met = {a.id: a for full, a in self.people.items() if contains_words(full, key)}
        if gender is not None:  # those the first name says are of that gender, else those it says nothing of
            said = {i: name_gender(a.name) for i, a in met.items()}
            met = {i: a for i, a in met.items() if said[i] == gender} or \
                {i: a for i, a in met.items() if said[i] is None}
        if len(met) > 1 and roles:
            met = {i: a for i, a in met.items() if i in self.kb.by_id and self.kb.by_id[i].holds(roles, None)} or met
        if len(met) > 1:
            ranked = sorted(met, key=lambda i: -self.counts[i])
            if self.counts[ranked[0]] >= 2 * max(1, self.counts[ranked[1]]):
                met = {ranked[0]: met[ranked[0]]}
        if len(met) == 1:
            return next(iter(met.values())), "coreference", 0.9
        if met:
            return None
        # an office holder by surname and title, on the article's date
        if len(key.split()) == 1 and (roles or self.day):
            holders = self.kb.office_holders(key, roles, self.day)
            if len(holders) == 1:
                return holders[0].actor, "office", 0.8
        # a surname that only one known office holder has ("Putin"), of the honorific's gender
        # ("Mrs. Clinton" is not Bill Clinton)
        if len(key.split()) == 1:
            holders = self._surname_holders(key)
            if len(holders) == 1 and (gender is None or name_gender(holders[0].actor.name) in (None, gender)):
                return holders[0].actor, "surname", 0.75
        # a close spelling of a known full name
        if len(key.split()) >= 2:
            choices = list(self.people) + self.kb.person_keys(len(key.split()))
            best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best is not None:
                match = best[0]
                actor = self.people.get(match) or next(e.actor for e in self.kb.by_alias[match] if e.kind == "person")
                return actor, "fuzzy", round(0.6 + 0.3 * (best[1] - FUZZY_CUTOFF) / (100 - FUZZY_CUTOFF), 2)
        return None

    def _new_person(self, name: str, ev: Evidence) -> Actor:
        country = ev.country
        actor_id = f"person-{slug(name)}" + (f"-{country}" if country else "")
        return Actor(id=actor_id, name=" ".join(name.split()), type="person", country=country,
                     sectors=list(ev.sectors))

    def _new_org(self, ent: Span) -> None:
        ev = Evidence()
        read_modifiers(list(ent), self.kb, ev)
        if not ev.sectors:  # "the Michigan Department of Environmental Quality": a government body
            ev.add_sectors(self.kb.body_heads.get(ent.root.lemma_.lower(), ()))
        name = " ".join(ent.text.split())
        if name.lower().startswith("the "):
            name = name[4:]
        country = ev.country
        actor = Actor(id=f"org-{slug(name)}" + (f"-{country}" if country else ""), name=name,
                      type="organisation", country=country, sectors=list(ev.sectors))
        self._add(ent.start, ent.end, actor, "new", 0.6, ent.root)

    # -- descriptions and pronouns ------------------------------------------------------------

    def _role_compound(self, head: Token):
        """A role noun compounded into a head that is none ("police custody", "army bulldozers")."""
        return next((self._role(c) for c in head.lefts if c.dep_ == "compound" and self._role(c)), None)

    def _role(self, tok: Token):
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if tok.lower_ == "opposition" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
            return None  # "Berlin's opposition to the annexation": a stance, not the opposition
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.dep_ in ("compound", "amod"):
            two = self.kb.roles.get(f"{prev.lower_} {tok.lemma_.lower()}")
            if two:
                return two
        nxt = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
        if nxt is not None and tok.doc[tok.i + 1].lower_ == "of":  # "the Heads of State"
            word = tok.lemma_.lower()
            of = self.kb.roles.get(f"{word} of {nxt.lower_}") or self.kb.roles.get(f"{word.removesuffix('s')} of {nxt.lower_}")
            if of:
                return of
        return self.kb.roles.get(tok.lemma_.lower()) or self.kb.roles.get(tok.lower_)

    def _ally(self, tok: Token) -> bool:
        """"Trump accused his Asian ally of not paying enough" after "the US alliance with South Korea":
        an ally named only by description is the one partner the article has named for its owner's
        state (the subject's, or the possessor's), if it has named exactly one."""
        if tok.lemma_.lower() != "ally" or tok.tag_ != "NN" or not any(c.dep_ == "poss" for c in tok.children):
            return False
        owner = self._owner_country(tok)
        partners = {p for a, p in self._alliances(tok) if a == owner} if owner else set()
        if len(partners) != 1:
            return False
        start = min([c.i for c in tok.lefts if c.dep_ in ("poss", "amod", "det")] + [tok.i])
        self._add(start, tok.i + 1, self.kb.country_actor(partners.pop()), "description", 0.6, tok)
        return True

    def _owner_country(self, tok: Token) -> str | None:
        """The state of whoever "his" or "its" is in "his ally": a named possessor, else the subject
        of the clause the noun sits in."""
        poss = next(c for c in tok.children if c.dep_ == "poss")
        verb = tok.head if tok.dep_ in ("dobj", "pobj", "nsubj") else None
        for t in [poss] + [c for c in (verb.children if verb is not None else []) if c.dep_ in SUBJECT_DEPS]:
            found = next((f for f in self.found if f.start <= t.i < f.end and f.actor is not None), None)
            if found is not None and found.country:
                return found.country
        return None

    def _its_state(self, tok: Token) -> str | None:
        """"Moscow said its forces had destroyed 40 drones": the state that "its" before a role noun
        stands for, read as the pronoun "it" is: the latest subject within two sentences, when that
        subject is a state or its government (no guess past it)."""
        if not any(c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
            return None
        for f in self._named_before(tok, MAX_PRONOUN_DISTANCE):
            if f.subject and f.actor is not None:
                return f.country if f.actor.type in ("country", "government") else None
        return None

    def _alliances(self, before: Token) -> list[tuple[str, str]]:
        """(state, partner) for each "X's alliance with Y", "the X alliance with Y" or "X's ally Y" named
        before the token."""
        out = []
        for t in self.doc[: before.i]:
            if t.lemma_.lower() not in ("alliance", "ally"):
                continue
            sides = [f for f in self.found if f.actor is not None and f.country and
                     any(f.start <= c.i < f.end for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod"))]
            partners = [f for f in self.found if f.actor is not None and f.country and
                        any(f.start <= g.i < f.end for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
                            for g in c.children if g.dep_ == "pobj")]
            out += [(a.country, b.country) for a in sides for b in partners if a.country != b.country]
            out += [(b.country, a.country) for a in sides for b in partners if a.country != b.country]
        return out

    def _token(self, tok: Token) -> None:
        if self._ally(tok):
            return
        if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.text[:1].isupper():
            entries = [e for e in self.kb.lookup(tok.text) if e.kind == "country"]
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
        if self._named_org_again(tok) or self._org_of_kind_again(tok) or self._pair(tok):
            return
        role = self._role(tok)
        if role is None or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return
        self._described(tok, role)

    def _description(self, tok: Token) -> tuple[list[Token], Evidence]:
        """The words of a role noun's phrase and what its modifiers and "of" phrase say ("the German",
        "of India"); a role noun modifying another noun heads a phrase with that noun's modifiers
        ("Israeli police custody")."""
        span = modifier_span(tok)
        if _modifies_noun(tok):
            span = [t for t in modifier_span(tok.head) if t.i <= tok.i]
        ev = Evidence()
        read_modifiers(span[:-1], self.kb, ev)
        read_prepositions(tok, self.kb, ev)
        return span, ev

    def _described(self, tok: Token, role, described: tuple[list[Token], Evidence] | None = None) -> None:
        """An actor described by a role noun and its modifiers ("the North Korean leader", "Israeli
        police", "the Government of India"); ``described`` is its ``_description`` if already read."""
        head_ent = entity_of(tok.head) if tok.head.i > tok.i else None
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if (head_ent is not None and head_ent.label_ == "PERSON") or \
                (nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B"):
            return  # a title: "President Obama", "the Swedish diplomat Mara Lindqvist"
        if _modifies_noun(tok) and self._role(tok.head):
            return  # "army officer": the head noun speaks
        span, ev = described or self._description(tok)
        police = self._police_just_named(tok) if tok.lemma_.lower() == "officer" and not ev.sectors else None
        if police is not None:  # "defended the police, saying officers had shown restraint"
            ev.add_sectors(["COP"])
            if not ev.countries and police.country:
                ev.add_country(police.country, [tok])
        ev.add_sectors(role.sectors)
        self.taken.update(t.i for t in span)
        sectors = list(ev.sectors)
        office = OFFICE_NOUNS.get(tok.lemma_.lower())
        if len(ev.countries) > 1:  # "Hungarian and Romanian officials": one mention per country
            for code, toks in zip(ev.countries, ev.country_tokens):
                self._add(toks[0].i, toks[-1].i + 1, self.kb.agent(code, sectors[0]), "description", 0.8, tok, ev,
                          country=code)
            return
        country = ev.country or self._its_state(tok)
        if office and (country or definite(span)) and ev.org is None and tok.tag_ not in ("NNS", "NNPS"):
            # "the North Korean leader": that state's office holder on the article's date;
            # "the president": the one office holder already named in the article (not "two
            # leaders", nor "the leader of the Turkish Cultural Center")
            holders = [self.kb.by_id[i] for i in self.counts if i in self.kb.by_id and
                       self.kb.by_id[i].kind == "person" and self.kb.by_id[i].holds(office, self.day)]
            if country:
                holders = [e for e in holders if e.actor.country == country]
                if not holders and self.day is not None:
                    holders = [e for e in self.kb.persons if e.actor.country == country and e.holds(office, self.day)]
            if len(holders) == 1:
                self._add(span[0].i, tok.i + 1, holders[0].actor, "office", 0.8, tok, ev)
                return
        if ev.org is not None and (country is None or ev.org.country == country):
            actor = ev.org  # "United Nations peacekeepers", "EU foreign ministers"
        elif country:
            actor = self.kb.agent(country, sectors[0])
        elif sectors[0] in ALWAYS_UNPLACED or (
                sectors[0] in UNPLACED_SECTORS and _acting_subject(tok) and role.type != "person"):
            actor = self.kb.agent(None, sectors[0])
        else:
            actor = None
        self._add(span[0].i, tok.i + 1, actor, "description" if actor else "unresolved", 0.75 if actor else 0.0,
                  tok, ev, country=country)

    def _fuller_org_met(self, ent: Span) -> Actor | None:
        """An organisation the article named earlier in full whose name holds every word of this
        shorter one, and which the knowledge base would otherwise take for another body ("the Joint
        Chiefs" after "South Korea's Joint Chiefs of Staff" is South Korea's, not the Pentagon's)."""
        key = norm(ent.text)
        for f in reversed(self.found):
            if f.actor is None or f.actor.type in ("person", "country") or f.start >= ent.start:
                continue
            said = norm(self.doc[f.start:f.end].text)
            if said != key and contains_words(said, key):
                return f.actor
        return None

    def _spelled_out(self, ent: Span) -> _Found | None:
        """The earlier mention of a name that this acronym shortens ("RSF" after "the Rapid Support
        Forces"): the article's own use beats the knowledge base's (where RSF is Reporters Without
        Borders)."""
        if not (ent.text.isupper() and ent.text.isalpha() and 2 <= len(ent.text) <= 6):
            return None
        return next((f for f in reversed(self.found) if f.start < ent.start and f.end - f.start > 1
                     and initials(self.doc[f.start:f.end].text) == ent.text
                     and (len(ent.text) > 2 or f.actor is None or f.actor.type != "person")), None)

    def _named_org_again(self, tok: Token) -> bool:
        """"The FBI ... the bureau is also investigating": "the" and a noun that is a word of the
        name of an organisation or agency named in the last few sentences (the nearest such) is that
        organisation, as a reader takes it; the noun must not be a name or a role of its own."""
        if tok.pos_ != "NOUN" or tok.ent_type_ or tok.dep_ in ("compound", "amod") or \
                not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or \
                any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in tok.children):
            return False
        word = tok.lemma_.lower()
        for f in self._named_before(tok, ORG_ANAPHOR_DISTANCE):
            if f.actor is None or f.actor.type in ("person", "country"):
                continue
            names = {w.lower().rstrip("s") for w in f.actor.name.split()}
            if word.rstrip("s") in names:
                self._add(tok.i - 1 if tok.doc[tok.i - 1].lower_ == "the" else tok.i, tok.i + 1, f.actor,
                          "description", 0.7, tok)
                return True
        return False

    def _police_just_named(self, tok: Token) -> _Found | None:
        """The police mention of this or the last sentence, which bare "officers" are of."""
        return next((f for f in self._named_before(tok, 1) if "COP" in f.sectors), None)

    def _org_of_kind_again(self, tok: Token) -> bool:
        """"Hamas fighters crossed into Israel. The militant group released 11 hostages": "the" and a
        singular noun naming a kind of organisation (data/org_kinds.tsv) is the nearest organisation
        of that kind named in the last few sentences; a state's adjective must be its state's ("the
        Palestinian group"), and "the group of seven" is no such reference."""
        kinds = self.kb.org_kinds.get(tok.lemma_.lower())
        if kinds is None or tok.pos_ != "NOUN" or tok.ent_type_ or tok.tag_ != "NN" or tok.dep_ in ("compound", "amod") \
                or tok.left_edge.lower_ != "the" or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return False
        lefts = list(tok.lefts)
        if any(c.ent_type_ in ("PERSON", "ORG") for c in lefts):
            return False
        states = {self.kb.demonym(c.text) for c in lefts if c.ent_type_ in ("NORP", "GPE")} - {None}
        for f in self._named_before(tok, ORG_ANAPHOR_DISTANCE):
            if f.actor is not None and f.actor.type in kinds and (not states or f.actor.country in states):
                self._add(tok.left_edge.i, tok.i + 1, f.actor, "description", 0.7, tok)
                return True
        return False

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
        self.found.append(_Found(start, end, actor, country, sectors, method, confidence, subject, root.i))

    def regroup(self, f: _Found, actor: Actor, confidence: float) -> None:
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


def _modifies_noun(tok: Token) -> bool:
    """Whether a word modifies a noun after it ("police" in "Israeli police custody")."""
    return tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i


def _given_name_of(key: str, name: str) -> bool:
    """Whether ``key`` (normalised, one word) is the given name that opens ``name``."""
    first = norm(name).split()[0] if name.split() else ""
    return key == first and first_name_gender(first.title()) is not None


def _acting_subject(tok: Token) -> bool:
    """Whether a role noun is its clause's subject, or the members counted by it: "the strikers
    accepted", "thousands of workers went on strike", "dozens of police stormed the building"."""
    if tok.dep_ == "nsubj":
        return True
    counted = tok.head.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and counted.dep_ == "nsubj" and \
        (counted.pos_ == "NUM" or counted.lemma_.lower() in COUNTING_HEADS)
