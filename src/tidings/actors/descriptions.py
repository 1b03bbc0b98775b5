"""Which actor a description is: the resolver's part for role nouns ("a North Korean soldier", "the
Government of India", "his Asian ally") (``Descriptions``, mixed into ``resolve.Resolver``).

A role noun (``data/roles.tsv``) and what its modifiers and "of" phrase say become the generic actor
of that state and sector (PRK-MIL); "the leader" of a state is its office holder on the article's
date; an organisation named in the phrase ("EU foreign ministers") is the actor; an ally named only
by description is the one partner the article named; "its forces" are the state of the latest
subject. Without a state, only armed and criminal groups, the opposition, and officials, forces,
courts, unions and rights groups as their clause's subject stay actors.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from lemminflect import getLemma
from spacy.tokens import Doc, Token

from .evidence import Evidence, counter_of, definite, entity_of, modifier_span, read_modifiers, read_prepositions
from .kb import title_meanings
from .pronouns import MAX_PRONOUN_DISTANCE

DASHES = {"-", "--", "–", "—"}

if TYPE_CHECKING:
    from ..model import Actor
    from .kb import KnowledgeBase
    from .resolve import Found

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
GROUP_TYPES = {"armed_group", "party", "organisation"}  # whose "its fighters" or "its members" are the group
# described actors that stay actors when the text gives no state: armed and criminal groups and the
# opposition wherever they stand; officials, forces, courts, unions and rights groups only as the
# subject of their clause ("the strikers accepted", "the authorities refused", "rights groups
# condemned"), since "sending troops" names what is sent, not a party; an office of one person
# ("the president") and people in general never
ALWAYS_UNPLACED = {"REB", "CRM", "OPP"}
UNPLACED_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "LAB", "EDU", "NGO"}
# determiners of a role noun that make it anyone or no one: "any man", "every soldier", "no official"
GENERIC_DETERMINERS = {"any", "every", "no"}
OFFICE_NOUNS = {"leader": ("head_of_state",), "president": ("head_of_state",),
                "prime minister": ("head_of_government",), "foreign minister": ("foreign_minister",),
                "defense minister": ("defence_minister",), "defence minister": ("defence_minister",),
                "pope": ("head_of_state",), "pontiff": ("head_of_state",)}


# nouns of a group whose "of" phrase names its members, who say what it is ("a coalition of unions")
COLLECTIVES = {"coalition", "alliance"}
STATE_BODIES = {"MIL", "GOV", "COP", "JUD", "LEG", "SPY"}  # sectors of a state's own bodies
# numbers that, as a subject with no "of" phrase, count people ("Thousands marched in Paris"); as an
# object they may count anything ("deployed thousands to the border")
COUNTED_PEOPLE = {"thousand", "hundred", "dozen", "million", "ten"}


class Descriptions:
    """Description resolution over the resolver's state: ``doc``, ``kb``, ``day``, ``found``, ``counts``,
    ``taken``, ``titled``, and its ``_add``, ``_named_before`` and ``_police_just_named``."""

    doc: Doc
    kb: KnowledgeBase
    day: date | None
    found: list[Found]
    counts: Counter[str]
    taken: set[int]
    titled: list[tuple[str, int, Actor]]

    def _role_compound(self, head: Token):
        """A role noun compounded into a head that is none ("police custody", "army bulldozers")."""
        return next((self._role(c) for c in head.lefts if c.dep_ == "compound" and self._role(c)), None)

    def _role(self, tok: Token):
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS
               for c in (tok.head if tok.dep_ == "conj" else tok).children):
            return None  # "the sentence of any man or woman", "no official": anyone, no one in particular
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
        if tok.lemma_.lower() in COLLECTIVES and (members := next(
                (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)) is not None:
            return self._role(members)  # "a coalition of voting rights groups" is the groups, not a government
        if tok.dep_ == "nsubj" and _counts_people(tok):
            return self.kb.roles.get("people")
        if _the_west(tok):
            return self.kb.roles.get("western country")
        found = self.kb.roles.get(tok.lemma_.lower()) or self.kb.roles.get(tok.lower_)
        if found is None and tok.pos_ == "PROPN" and tok.i > 0 and tok.doc[tok.i - 1].text in DASHES:
            # "OUAGADOUGOU - Gunmen killed ...": a plural role noun the tagger took for a name after a
            # dateline, its lemma the word itself
            found = next((self.kb.roles[w] for w in getLemma(tok.lower_, upos="NOUN") if w in self.kb.roles), None)
        return found

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
            found = self._actor_at(t)
            if found is not None and found.country:
                return found.country
        return None

    def _its_owner(self, tok: Token) -> Found | None:
        """"Moscow said its forces had destroyed 40 drones": whom "its" before a role noun stands for,
        read as the pronoun "it" is: the latest subject within two sentences, or the owner of one
        ("Hamas's armed wing said its fighters ..."; no guess past it)."""
        if not any(c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
            return None
        return next((f for f in self._named_before(tok, MAX_PRONOUN_DISTANCE) if f.actor is not None and (
            f.subject or (self.doc[f.root].dep_ == "poss" and self.doc[f.root].head.dep_ in SUBJECT_DEPS))), None)

    def _its_state(self, tok: Token) -> str | None:
        """The state of "its" owner, when that is a state, its government or one of its armed forces
        ("US Central Command said its forces had destroyed three drones")."""
        owner = self._its_owner(tok)
        return owner.country if owner is not None and owner.actor.type in ("country", "government", "military") \
            else None

    def _its_group(self, tok: Token) -> Actor | None:
        """"Hamas said its fighters had fired mortars": the group (an armed group, a party, an
        organisation) "its" stands for, whose fighters or members are the group acting."""
        owner = self._its_owner(tok)
        return owner.actor if owner is not None and owner.actor.type in GROUP_TYPES else None

    def _possessor_state(self, tok: Token) -> str | None:
        """"Iran's president Masoud Pezeshkian said his government was ready": the state of whom a
        "his", "her" or "their" before the role noun was read as (pronouns.py), not the dateline's."""
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "their")), None)
        found = self._actor_at(poss) if poss is not None else None
        return found.country if found is not None else None

    def _whose_state(self, tok: Token) -> str | None:
        """"German Chancellor Olaf Scholz, whose government voted against the tariffs": the state of
        the one the relative clause is about."""
        if not any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children):
            return None
        clause = tok.head
        if clause.dep_ != "relcl":
            return None
        found = self._actor_at(clause.head)
        return found.country if found is not None else None

    def _names(self, toks: list[Token], actor: Actor) -> bool:
        """Whether the words are a name of the actor in the knowledge base."""
        text = self.doc[toks[0].i:toks[-1].i + 1].text
        return any(e.actor.id == actor.id for e in self.kb.lookup(text))

    def _actor_at(self, tok: Token) -> Found | None:
        """The resolved mention (one with an actor) that holds the token."""
        return next((f for f in self.found if f.start <= tok.i < f.end and f.actor is not None), None)

    def _body_just_named(self, tok: Token) -> str | None:
        """"China's foreign ministry defended the coast guard. A ministry spokesperson accused Manila
        of provoking it": a role compounded with a body's noun, of no state, is of the body of that
        noun named in this or the last sentence."""
        bodies = {c.lemma_.lower() for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"}
        if not bodies:
            return None
        return next((f.country for f in self._named_before(tok, 1)
                     if f.country and self.doc[f.root].lemma_.lower() in bodies), None)

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

    def _description(self, tok: Token) -> tuple[list[Token], Evidence]:
        """The words of a role noun's phrase and what its modifiers and "of" phrase say ("the German",
        "of India"); a role noun modifying another noun heads a phrase with that noun's modifiers
        ("Israeli police custody")."""
        span = modifier_span(tok)
        if _modifies_noun(tok):
            span = [t for t in modifier_span(tok.head) if t.i <= tok.i]
        ev = Evidence()
        read_modifiers(span[:-1], self.kb, ev)
        ev.regional = ev.regional or _the_west(tok)
        if not ev.regional:  # "Western diplomats in Tehran" are posted there
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
        if self._named_in_apposition(tok):
            return  # "Russia's ambassador, Vassily Nebenzia,": the name it describes (People._person)
        if head_ent is not None and head_ent.label_ == "ORG" and tok.dep_ in ("compound", "amod") \
                and head_ent.start == tok.i + 1 and self.kb.lookup(head_ent.text):
            return  # what a known body is: "the opposition Kuomintang" is the Kuomintang alone
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
        # people described by the state body they back ("junta supporters", "army supporters") are
        # people, not that body: the role's own sector comes first (a party or a named group still
        # stands for its supporters and activists: "PTI supporters clashed with police")
        if role.type == "population" and sectors[0] in STATE_BODIES:
            sectors = ev.sectors = list(role.sectors) + [s for s in sectors if s not in role.sectors]
        before = _modifier_before(tok)
        pair = f"{before.lower_} {tok.lemma_.lower()}" if before is not None else ""
        office = OFFICE_NOUNS.get(pair) or OFFICE_NOUNS.get(tok.lemma_.lower())
        # "the prime minister" is as bare as "the president" ("the former president" is not)
        bare = [t for t in span if t.i != before.i] if pair in OFFICE_NOUNS else span
        if len(ev.countries) > 1:  # "Hungarian and Romanian officials": one mention per country
            # each of the role (not rebels for "Israeli and Hamas negotiators"), and an organisation
            # named among them is itself
            own = role.sectors[0] if role.sectors else sectors[0]
            for code, toks in zip(ev.countries, ev.country_tokens):
                actor = ev.org if ev.org is not None and self._names(toks, ev.org) else self.kb.agent(code, own)
                self._add(toks[0].i, toks[-1].i + 1, actor, "description", 0.8, tok, ev, country=code)
            return
        group = self._its_group(tok) if not ev.countries else None
        if group is not None:
            self._add(span[0].i, tok.i + 1, group, "description", 0.7, tok, ev)
            return
        country = ev.country or role.state or self._its_state(tok) or self._possessor_state(tok) or \
            self._whose_state(tok) or self._body_just_named(tok)
        if office and (country or definite(bare)) and ev.org is None and tok.tag_ not in ("NNS", "NNPS"):
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
        titled = self._titled(tok, span, country)
        if titled is not None:
            self._add(span[0].i, tok.i + 1, titled, "coreference", 0.75, tok, ev)
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


    def _named_in_apposition(self, tok: Token) -> bool:
        """Whether a role noun is followed by the name of the one it describes, as an apposition:
        "Russia's ambassador, Vassily Nebenzia, rejected ..." (one person, not the role and a name;
        the small model tags some such names as organisations)."""
        if tok.tag_ not in ("NN", "NNP"):
            return False
        names = [entity_of(c) for c in tok.children if c.dep_ == "appos" and c.i > tok.i]
        return any(e is not None and (e.label_ == "PERSON" or any(k.kind == "person" for k in self.kb.lookup(e.text)))
                   for e in names)

    def _titled_again(self, tok: Token) -> bool:
        """A title that is no role noun ("the governor", "the secretary") standing for the last person
        named with it (``_titled``); True when it was read so."""
        if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "amod") or _title(tok)[1] is None:
            return False
        span, ev = self._description(tok)
        person = self._titled(tok, span, ev.country)
        if person is None:
            return False
        self.taken.update(t.i for t in span)
        self._add(span[0].i, tok.i + 1, person, "coreference", 0.75, tok, ev)
        return True

    def _titled(self, tok: Token, span: list[Token], country: str | None) -> Actor | None:
        """"The senator" after "Sen. Marco Rubio", "the New Jersey governor" after "New Jersey Gov.
        Chris Christie": the last person named before with that title, of the state the words name if
        they name one. None for "a senator", "two senators", "the former governor", "the leader of
        the Anti-Defamation League"."""
        first, key = _title(tok)
        if key is None or tok.tag_ not in ("NN", "NNP") or span[0].lower_ != "the":
            return None
        between = [t for t in span[1:] if t.i < tok.i and (first is None or t.i != first.i)]
        if any(t.ent_type_ not in ("GPE", "NORP", "LOC") for t in between) or \
                any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None
        named = [(i, a) for k, i, a in self.titled
                 if k == key and i < tok.i and (country is None or a.country in (None, country))]
        if not named:
            return self._subject_just_named(tok, country)
        start, person = named[-1]
        # named again since, by name ("Maddow tried to press Warren ..., but the senator insisted"):
        # counted from there
        start = max([f.start for f in self.found if f.actor is not None and f.actor.id == person.id
                     and f.method != "pronoun" and f.start < tok.i] + [start])
        # no other person named since: "Cruz defends his record ... the senator says" is not the
        # senator named two paragraphs before (a pronoun names no one new); one named with another
        # title is no such person ("Assemblyman Victor Osei" between the governor and "the governor")
        other_titles = {a.id for k, _, a in self.titled if k != key} - {a.id for k, _, a in self.titled if k == key}
        between = any(f.actor is not None and f.actor.type == "person" and f.actor.id != person.id
                      and f.actor.id not in other_titles and f.method != "pronoun" and start < f.start < tok.i
                      for f in self.found)
        return None if between else person

    def _subject_just_named(self, tok: Token, country: str | None) -> Actor | None:
        """"Harry Reid spoke on Tuesday. The senator criticized Trump.": a title no one was named with
        stands for the person last named as a subject, in its sentence or the one before, when no
        other person was named since ("Harry Reid attacked Marco Rubio. The senator ..." is no one:
        Rubio was). Not one named with another title, or a former one ("Former Gov. Jeb Bush")."""
        for f in self._named_before(tok, 1):
            if f.actor is None or f.actor.type != "person" or f.method == "pronoun":
                continue
            titled = any(a.id == f.actor.id for _, _, a in self.titled) or \
                any(t.lower_ == "former" or t.pos_ == "PROPN" for t in self.doc[max(f.start - 2, 0):f.start])
            if f.subject and not titled and (country is None or f.actor.country in (None, country)):
                return f.actor
            return None  # another person named since
        return None


def _the_west(tok: Token) -> bool:
    """"The West imposed sanctions", "accused the West of ...": the Western states' governments, of no
    one state; not "the West Bank" nor "the west of the country"."""
    return tok.text == "West" and tok.dep_ != "compound" and any(c.lower_ == "the" for c in tok.lefts) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _counts_people(tok: Token) -> bool:
    """Whether a plural number stands for people by itself: "Thousands", "Tens of thousands", not
    "thousands of troops" (whose "of" phrase says who they are)."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in COUNTED_PEOPLE:
        return False
    counted = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return all(g.tag_ == "NNS" and g.lemma_.lower() in COUNTED_PEOPLE and _counts_people(g) for g in counted)


def _modifier_before(tok: Token) -> Token | None:
    """The word right before a noun when it modifies it: "prime" in "the prime minister"."""
    return tok.doc[tok.i - 1] if tok.i > 0 and tok.doc[tok.i - 1].dep_ in ("amod", "compound") else None


def _title(tok: Token) -> tuple[Token | None, str | None]:
    """The title a noun is (titles.tsv's meaning) and, of a two-word one, its first word: "prime"
    and "prime minister" for "minister" in "the prime minister"; (None, None) for no title."""
    meanings = title_meanings()
    before = _modifier_before(tok)
    pair = meanings.get(f"{before.lower_} {tok.lemma_.lower()}") if before is not None else None
    return (before, pair) if pair else (None, meanings.get(tok.lemma_.lower()))


def _modifies_noun(tok: Token) -> bool:
    """Whether a word modifies a noun after it ("police" in "Israeli police custody")."""
    return tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i

def _acting_subject(tok: Token) -> bool:
    """Whether a role noun is its clause's subject, a passive's agent, or the members counted by the
    subject: "the strikers accepted", "was besieged by police", "thousands of workers went on
    strike", "dozens of police stormed the building"."""
    if tok.dep_ == "nsubj" or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return True
    counted = counter_of(tok)
    return counted is not None and counted.dep_ == "nsubj"
