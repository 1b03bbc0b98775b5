"""Which organisation a name or noun is: the resolver's part for organisations (``Organisations``,
mixed into ``resolve.Resolver``).

A name the knowledge base lacks whose last word is an organisation's ("the Tokyo Stock
Exchange") is a new organisation; a shorter name is the fuller one met before ("the Joint Chiefs");
an acronym is the name the article spelled out ("RSF" after "the Rapid Support Forces"); "the
bureau" after "the FBI", and "the militant group" after Hamas, are the organisation named before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..model import Actor
from .evidence import Evidence, read_modifiers
from .kb import specific
from .names import contains_words, initials, norm, slug

if TYPE_CHECKING:
    from .kb import KnowledgeBase
    from .resolve import Found

# role types (roles.tsv) of the nouns that may introduce an organisation by its name, as the actor type it takes
ORG_KIND_TYPES = {"organisation": "organisation", "party": "party", "armed group": "armed_group"}
KIND_NAMED_LABELS = {"ORG", "PERSON", "GPE", "LOC", "NORP", "PRODUCT", "FAC", "WORK_OF_ART"}
ORG_ANAPHOR_DISTANCE = 4  # sentences back to look for the organisation "the bureau" stands for
ORG_HEADS = {"ministry", "agency", "party", "army", "council", "committee", "institute", "university",
             "company", "corporation", "corp", "inc", "news", "times", "association", "union", "front",
             "forces", "command", "office", "department", "service", "bank", "group", "organization",
             "organisation", "commission", "court", "parliament", "assembly", "navy", "guard", "post",
             "agency", "bureau", "foundation", "center", "centre", "network", "movement", "brigade",
             "board", "administration", "authority", "tribunal", "congress", "senate", "federation",
             "league", "coalition", "alliance", "campaign", "airlines", "airways", "police", "council", "society"}
# last words of firms' names, which a first name may open ("Harmony Enterprises", "Jack Daniels Distillery")
FIRM_WORDS = {"enterprises", "holdings", "industries", "partners", "capital", "media", "systems", "technologies",
              "motors", "brands", "foods", "energy", "ventures", "associates", "communications", "international",
              "entertainment", "studios", "records", "pictures", "labs", "pharmaceuticals", "solutions", "distillery",
              "llc", "ltd", "co", "plc", "fund", "trust", "hotels", "resorts", "stores", "airlines"}


def _is_acronym(text: str) -> bool:
    return text.isupper() and text.isalpha() and 2 <= len(text) <= 6


def _definition(ent: Span) -> Span | None:
    """The words an acronym in brackets spells out, right before the bracket: "Pakistan Tehreek-e-Insaf"
    in "Pakistan Tehreek-e-Insaf (PTI)"."""
    doc = ent.doc
    if not _is_acronym(ent.text) or ent.start < 2 or doc[ent.start - 1].text != "(" or \
            ent.end >= len(doc) or doc[ent.end].text != ")":
        return None
    end = ent.start - 1
    for start in range(end - 1, max(ent.sent.start, end - 3 * len(ent.text)) - 1, -1):
        if not doc[start].is_alpha and doc[start].text != "-":
            return None
        if initials(doc[start:end].text) == ent.text and doc[start].text[:1].isupper():
            return doc[start:end]
    return None


class Organisations:
    """Organisation resolution over the resolver's state: ``doc``, ``kb``, ``found`` (mentions so far, in
    text order), ``acronyms`` (those the article defined, with their actors), and its ``_add`` and
    ``_named_before``."""

    doc: Doc
    kb: KnowledgeBase
    found: list[Found]
    acronyms: dict[str, Actor]

    def _new_org(self, ent: Span) -> Actor:
        ev = Evidence()
        read_modifiers(list(ent), self.kb, ev)
        owner = next((c for c in ent.root.children if c.dep_ == "poss" and c.i < ent.start), None)
        if ev.country is None and owner is not None:
            # "Ireland's Data Protection Commission": the state owning the body's name is its state
            read_modifiers([t for t in owner.subtree if t.dep_ != "case"], self.kb, ev)
        if not ev.sectors:  # "the Michigan Department of Environmental Quality": a government body
            ev.add_sectors(self.kb.body_heads.get(ent.root.lemma_.lower(), ()))
        name = " ".join(ent.text.split())
        if name.lower().startswith("the "):
            name = name[4:]
        country = ev.country
        actor = Actor(id=f"org-{slug(name)}" + (f"-{country}" if country else ""), name=name,
                      type="organisation", country=country, sectors=list(ev.sectors))
        self._add(ent.start, ent.end, actor, "new", 0.6, ent.root)
        return actor

    def _named_by_its_kind(self, ent: Span) -> Actor | None:
        """"the flight attendants' union UFO", "the rights group Memorial", "the opposition party Tisza": a
        name the knowledge base does not know, right after a noun of an organisation's kind (a party,
        union, group or armed group of roles.tsv; no one person's office, no firm), is a new organisation of that
        kind and of the state its modifiers name; the article's later mentions of the name are it."""
        if ent.start == 0 or ent.label_ not in KIND_NAMED_LABELS:
            return None
        kind = self.doc[ent.start - 1]
        role = self._role(kind) if kind.pos_ in ("NOUN", "PROPN") and kind.text.islower() else None
        if role is None or role.person or "BUS" in role.sectors or not (
                role.type in ORG_KIND_TYPES or role.sectors[:1] == ("LAB",)):
            return None  # (a firm is an actor only as the knowledge base or its name's last word says)
        if self.kb.lookup(ent.text):
            return None
        _, ev = self._description(kind)
        ev.add_sectors(role.sectors)
        name = " ".join(ent.text.split())
        actor = Actor(id=f"org-{slug(name)}" + (f"-{ev.country}" if ev.country else ""), name=name,
                      type=ORG_KIND_TYPES.get(role.type, "organisation"), country=ev.country, sectors=list(ev.sectors))
        self._add(ent.start, ent.end, actor, "new", 0.6, ent.root)
        self.acronyms[ent.text] = actor
        return actor

    def _fuller_org_met(self, ent: Span) -> Actor | None:
        """An organisation the article named earlier in full whose name holds every word of this
        shorter one, and which the knowledge base would otherwise take for another body ("the Joint
        Chiefs" after "South Korea's Joint Chiefs of Staff" is South Korea's, not the Pentagon's)."""
        key = norm(ent.text)
        for f in reversed(self.found):
            if f.actor is None or f.actor.type in ("person", "country") or not specific(f.actor.id) \
                    or f.start >= ent.start:
                continue  # a generic actor of no state ("ELN rebels") names a kind, not an organisation
            said = norm(self.doc[f.start:f.end].text)
            if said != key and contains_words(said, key):
                return f.actor
        return None

    def _spelled_out(self, ent: Span) -> Found | None:
        """The earlier mention of a name that this acronym shortens ("RSF" after "the Rapid Support
        Forces"): the article's own use beats the knowledge base's (where RSF is Reporters Without
        Borders)."""
        if not _is_acronym(ent.text):
            return None
        return next((f for f in reversed(self.found) if f.start < ent.start and f.end - f.start > 1
                     and initials(self.doc[f.start:f.end].text) == ent.text
                     and (len(ent.text) > 2 or f.actor is None or f.actor.type != "person")), None)

    def _spelled_out_later(self, ent: Span) -> Actor | None:
        """The known organisation whose name, spelled out later in the article, this acronym shortens
        ("Sudan army and RSF agree to truce" in a headline above "the Rapid Support Forces")."""
        if not _is_acronym(ent.text) or len(ent.text) < 3:
            return None
        for later in self.doc.ents:
            if later.start >= ent.end and len(later) > 1 and initials(later.text) == ent.text:
                known = [e for e in self.kb.lookup(later.text) if e.kind == "organisation"]
                if known:
                    return known[0].actor
        return None

    def _defined_acronym(self, ent: Span) -> Actor | None:
        """The actor of an acronym the article defines ("Pakistan Tehreek-e-Insaf (PTI)") or has
        defined: the definition's, which beats the knowledge base's (where PTI is the Press Trust of
        India). The definition is one mention, in place of those the tagger made of its words
        ("Pakistan"); one the knowledge base does not know is a new organisation."""
        if ent.text in self.acronyms:
            return self.acronyms[ent.text]
        words = _definition(ent)
        if words is None:
            return None
        inside = [f for f in self.found if words.start <= f.start and f.end <= words.end]
        whole = next((f for f in inside if f.start == words.start and f.end == words.end and f.actor is not None), None)
        if whole is not None:
            actor = whole.actor
        else:
            self.found = [f for f in self.found if f not in inside]
            known = [e for e in self.kb.lookup(words.text) if e.kind == "organisation"]
            if known:
                actor = known[0].actor
                self._add(words.start, words.end, actor, "kb", 0.9, words.root)
            else:
                actor = self._new_org(words)
        self.acronyms[ent.text] = actor
        return actor

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
            # a state's generic actor is named by what the text called it ("the Japanese government
            # ... the government"), not by the name Tidings gives it ("United States government"
            # after "the United States embassy")
            named = self.doc[f.start:f.end].text if self._agent(f.actor) else f.actor.name
            names = {w.lower().rstrip("s") for w in named.split()}
            if word.rstrip("s") in names:
                self._add(tok.i - 1 if tok.doc[tok.i - 1].lower_ == "the" else tok.i, tok.i + 1, f.actor,
                          "description", 0.7, tok)
                return True
        return False

    def _members_again(self, tok: Token) -> bool:
        """"... 40 fighters from the Islamic State West Africa Province (ISWAP) ... the militants overran a
        military base": "the" and a plural noun for an armed group's members (data/member_nouns.tsv),
        with no other modifier, are the armed group named in the last few sentences (or the rebels:
        "Syrian rebels ... the fighters"), not the home state's rebels (nor, for "the fighters", its army)."""
        if tok.lemma_.lower() not in self.kb.member_nouns or tok.tag_ != "NNS" or tok.ent_type_ \
                or tok.left_edge.lower_ != "the" or any(c.dep_ != "det" for c in tok.lefts):
            return False
        for f in self._named_before(tok, ORG_ANAPHOR_DISTANCE):
            if f.actor is not None and f.actor.type not in ("person", "country") and "REB" in (f.sectors or f.actor.sectors):
                self._add(tok.left_edge.i, tok.i + 1, f.actor, "description", 0.7, tok)
                return True
        return False

    def _agent(self, actor: Actor) -> bool:
        """Whether the actor is a state's (or no state's) generic actor for a sector (``kb.agent``)."""
        entry = self.kb.by_id.get(actor.id)
        return entry is not None and entry.kind == "agent"

    def _police_just_named(self, tok: Token) -> Found | None:
        """The police mention of this or the last sentence, which bare "officers" are of."""
        return next((f for f in self._named_before(tok, 1) if "COP" in f.sectors), None)

    def _org_of_kind_again(self, tok: Token) -> bool:
        """"Hamas fighters crossed into Israel. The militant group released 11 hostages": "the" and a
        singular noun naming a kind of organisation (data/org_kinds.tsv) is the nearest organisation
        of that kind named in the last few sentences; a state's adjective must be its state's ("the
        Palestinian group"), and "the group of seven" is no such reference."""
        kinds = self.kb.org_kinds.get(tok.lemma_.lower())
        if kinds is None or tok.pos_ != "NOUN" or tok.ent_type_ or tok.tag_ != "NN" or tok.dep_ in ("compound", "amod") \
                or tok.left_edge.lower_ != "the" or any(c.dep_ == "prep" and c.lower_ == "of" and
                                                        any(g.dep_ == "pobj" for g in c.children) for c in tok.children):
            return False  # "the group of seven" (not "accused the group of targeting ...")
        lefts = list(tok.lefts)
        if any(c.ent_type_ in ("PERSON", "ORG") for c in lefts):
            return False
        states = {self.kb.demonym(c.text) for c in lefts if c.ent_type_ in ("NORP", "GPE")} - {None}
        for f in self._named_before(tok, ORG_ANAPHOR_DISTANCE):
            if f.actor is not None and f.actor.type in kinds and (not states or f.actor.country in states):
                self._add(tok.left_edge.i, tok.i + 1, f.actor, "description", 0.7, tok)
                return True
        return False
