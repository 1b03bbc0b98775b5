"""Which person a name is: the resolver's part that reads people's names (``People``, mixed into
``resolve.Resolver``).

In order: the knowledge base; a fuller name already met in the article ("Holmes" after "Anthony
Holmes"), of the gender an honorific says; an office holder by surname, title and the article's
date ("President Biden"); the one known office holder with that surname ("Putin"); a close
spelling of a known full name (rapidfuzz); the one full name the article gives the surname
elsewhere ("Palin" in a headline above "Sarah Palin"); else a new person. A name the tagger took
for an organisation is a person's when a first name of certain gender opens it ("Carly Fiorina").
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from ..model import Actor
from ..nlp.headlines import inflected, verb_lemma
from ..nlp.layout import title_case
from .evidence import (Evidence, entity_of, modifier_span, read_modifiers, read_prepositions, read_word, titles_person,
                       where_a_place_is)
from .gender import HONORIFICS, first_name_gender, given_name_of, name_gender, person_gender
from .kb import title_meanings
from .names import contains_words, norm, slug
from .organisations import FIRM_WORDS, ORG_HEADS

if TYPE_CHECKING:
    from .kb import Entry, KnowledgeBase
    from .resolve import Found

FUZZY_CUTOFF = 90.0
AGENT_DEPS = ("nsubj", "poss")  # where a name acts or owns: a person, not a town


class People:
    """Name resolution over the resolver's state: ``doc``, ``kb``, ``day``, ``found`` (mentions so far),
    ``people`` (full names met so far), ``counts``, ``taken``, ``titled`` (people named with a title),
    and its ``_add`` and ``_role``."""

    doc: Doc
    kb: KnowledgeBase
    day: date | None
    found: list[Found]
    people: dict[str, Actor]
    counts: Counter[str]
    taken: set[int]
    titled: list[tuple[str, int, Actor]]

    def _named_earlier(self, text: str) -> bool:
        """Whether ``text`` is part of the name of someone the article has named ("Chakwera" after
        "Lazarus Chakwera")."""
        key = norm(text)
        return any(contains_words(full, key) for full in self.people)

    def _looks_like_known_person(self, text: str, root: Token | None = None) -> bool:
        """A known person's name, one met earlier in the article, or the surname of one known
        office holder alone ("Erdogan", which the small model tags as a place). With ``root``, a name
        the tagger took for an organisation: a bare surname of one out of office on the article's
        date then only where it acts or owns ("Uribe defended ...", "Morsi's rule"; "sued Meta" and
        "Meta shares" are the firm's, not Albania's former president Ilir Meta's)."""
        if any(e.kind == "person" for e in self.kb.lookup(text)) or self._named_earlier(text):
            return True
        return self.kb.place(text) is None and self._one_holders_surname(text) and (
            root is None or self._surname_fits(self._surname_holders(norm(text))[0].actor, root))

    def _surname_fits(self, actor: Actor, root: Token) -> bool:
        """Whether a bare surname the tagger took for an organisation may stand for this known
        person: one in office on the article's date, or one acting or owning (``_looks_like_known_person``)."""
        return self._sitting(actor) or root.dep_ in AGENT_DEPS

    def _sitting(self, actor: Actor) -> bool:
        """Whether a known person holds an office on the article's date (today's, undated)."""
        entry = self.kb.by_id.get(actor.id)
        return entry is not None and entry.holds((), self.day or date.today())

    def _one_holders_surname(self, text: str) -> bool:
        """One word, capitalised, no title and no state's or capital's name, that is the surname of
        exactly one known office holder ("Nepal's parliament": the state, not Madhav Kumar Nepal)."""
        key = norm(text)
        return " " not in key and text[:1].isupper() and not text.isupper() and key not in self.kb.titles \
            and not any(e.kind in ("country", "capital") for e in self.kb.lookup(text)) \
            and len(self._surname_holders(key)) == 1

    def _surname_as_agent(self, ent: Span) -> bool:
        """A known office holder's surname, or the surname of a person the article names in full
        anywhere (a headline names by surname before the text names in full), standing as a verb's
        subject or a possessive, though a town shares it: "Obama visited Turkey" (Obama, Japan),
        "Palin's Trump endorsement" before "Sarah Palin" (Palín, Guatemala). Not where the text
        places something ("a factory in Obama")."""
        return len(ent) == 1 and ent.root.dep_ in AGENT_DEPS and not where_a_place_is(ent) \
            and (self._one_holders_surname(ent.text) or bool(self._full_names(norm(ent.text))))

    def _name_before_verb(self, ent: Span) -> Span:
        """A person's name without the headline verb the tagger took into it: "Trump Calls On Obama
        To Resign", "Ben Carson Slams Hillary" (title case makes every word look like a name). Only
        where the whole never recurs in the text and the words before the verb name a known person
        or two words or more begin with a first name ("Ken Burns" and "Michelle Fields" stay whole)."""
        if len(ent) < 2 or not title_case(ent.sent) or self.doc.text.count(ent.text) > 1:
            return ent
        for tok in ent[1:]:
            lemma = verb_lemma(tok.text) if tok.text[:1].isupper() and tok.text.isalpha() else None
            if lemma is not None and inflected(tok.text, lemma, ("VBZ", "VBD")):
                name = self.doc[ent.start:tok.i]
                if self._looks_like_known_person(name.text) or (
                        len(name) >= 2 and first_name_gender(name[0].text) is not None):
                    return Span(self.doc, ent.start, tok.i, label="PERSON")
        return ent

    def _surname_holders(self, key: str) -> list[Entry]:
        """Known office holders whose surname (or family name written first) ``key`` is; of
        several, in an article with no date, the one in office today ("Maduro": Nicolás, not
        Ricardo, Honduras's president until 2006). Not by a given name of any of their names
        (``gender.given_name_of``: "Bob" is no sign of Bob Hawke, nor "Gang" of Qin Gang)."""
        holders = [h for h in self.kb.office_holders(key, (), None) if not given_name_of(key, h.actor)]
        if len(holders) > 1 and self.day is None:
            current = [h for h in holders if h.holds((), date.today())]
            if len(current) == 1:
                return current
        return holders

    def _personal_name(self, ent: Span) -> bool:
        """"Carly Fiorina" tagged as an organisation: two or three capitalised words that the
        knowledge base does not know, opened by a first name whose gender is certain (gender.py's
        list) and closed by no word of an organisation's name ("Charles Schwab Corp"); after a title
        the tagger took in ("Assemblyman Victor Osei")."""
        words = self._name_words(ent)
        return words is not None and first_name_gender(words[0]) is not None

    def _described_as_one(self, ent: Span) -> bool:
        """"Nirmal Jain, Leader of the House of the ... Corporation, said": a name the tagger took for
        an organisation, of the shape of a person's name, which an apposition describes by a role
        noun naming one human being (roles.tsv's ``person``)."""
        if self._name_words(ent) is None:
            return False
        role = next((self.kb.roles.get(c.lemma_.lower()) for c in ent.root.children
                     if c.dep_ == "appos" and c.i >= ent.end), None)
        return role is not None and role.person

    def _name_words(self, ent: Span) -> list[str] | None:
        """The words of a name that may be a person's (after any title the tagger took in): two or
        three capitalised words the knowledge base does not know, neither a title first nor a word of
        an organisation's name last; None otherwise."""
        words = [t.text for t in ent]
        while len(words) > 2 and norm(words[0]) in self.kb.titles:
            words = words[1:]
        if not 2 <= len(words) <= 3 or self.kb.lookup(ent.text) or ent.text.isupper():
            return None
        if not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
            return None
        if norm(words[0]) in self.kb.titles or norm(words[-1]) in ORG_HEADS | FIRM_WORDS:
            return None
        return words

    def _with_shared_surname(self, ent: Span) -> str | None:
        """"Bill and Hillary Clinton", "Khizr and Ghazala Khan": a lone first name joined by "and" to
        a full name shares its surname; the full name it stands for, or None."""
        if len(ent) != 1 or ent.end + 1 >= len(self.doc) or self.doc[ent.end].lower_ != "and":
            return None
        if self._named_earlier(ent.text) or self._surname_holders(norm(ent.text)) or (
                first_name_gender(ent.text) is None and any(e.kind == "person" for e in self.kb.lookup(ent.text))):
            return None  # a surname: "Clinton and Donald Trump"
        other = entity_of(self.doc[ent.end + 1])
        if other is None or other.label_ != "PERSON" or other.start != ent.end + 1 or len(other) != 2:
            return None
        return f"{ent.text} {other[1:].text}"

    def _person(self, ent: Span) -> None:
        ev = Evidence()
        tokens = list(ent)
        # titles inside the entity ("President Biden" tagged whole)
        while len(tokens) > 1 and norm(tokens[0].text) in self.kb.titles:
            read_word(tokens[0], self.kb, ev)
            tokens = tokens[1:]
        name_start = tokens[0].i
        titled = name_start > 0 and norm(self.doc[name_start - 1].text) in self.kb.titles  # "Sen." too
        left = modifier_span(ent.root)
        prefix = [t for t in left if t.i < ent.start]
        prev = self.doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.ent_type_ == "ORG":  # "US Army Private" + "Travis King"
            org = entity_of(prev)
            prefix = list(self.doc[min(org.start, prefix[0].i if prefix else org.start):ent.start])
        elif prev is not None and prev.pos_ in ("NOUN", "PROPN") and (
                self._role(prev) or norm(prev.text) in self.kb.titles or titles_person(prev)):
            # a title or role noun right before the name, whatever the parser made of it
            prefix = sorted(set(prefix) | set(modifier_span(prev)), key=lambda t: t.i)
        read_modifiers(prefix, self.kb, ev)
        described = ent.root.head if ent.root.dep_ == "appos" and ent.root.head.i < ent.start else None
        if described is not None and described.pos_ == "NOUN" and self._role(described) is not None:
            # "Russia's ambassador, Vassily Nebenzia,": the role before the name says whose he is
            read_modifiers(modifier_span(described), self.kb, ev)
            read_prepositions(described, self.kb, ev)
            self.taken.update(t.i for t in modifier_span(described))
        for tok in ent.root.rights:  # "Anthony Holmes, a former adviser at the Office of ..."
            if tok.dep_ == "appos" and tok.pos_ == "NOUN":
                read_modifiers(modifier_span(tok), self.kb, ev)
                read_prepositions(tok, self.kb, ev)
                self.taken.update(t.i for t in tok.subtree)
        self.taken.update(t.i for t in prefix)
        written = self._with_shared_surname(ent) or self.doc[name_start:ent.end].text
        key = norm(written)
        honorific = self.doc[name_start - 1].lower_ if name_start > 0 else ""
        found = self._known_person(key, ev.roles, HONORIFICS.get(honorific), ev.country)
        if found is not None:
            actor, method, confidence = found
        elif len(key.split()) >= 2:
            actor, method, confidence = self._new_person(written, ev), "new", 0.7
        elif titled and (ev.roles or ev.sectors) and not self.kb.office_holders(key, (), None):
            # "King Abdulaziz mobilized the troops", "Senator Grassley blocked the nomination": a title
            # makes a single unknown name a person; named in full elsewhere, by that full name
            full = self._full_name_elsewhere(key)
            known = self._known_person(norm(full), ev.roles, None, ev.country) if full else None
            actor = known[0] if known is not None else self._new_person(full or written, ev)
            method, confidence = "new", 0.6
        elif (full := self._full_name_elsewhere(key) if len(key.split()) == 1 else None) is not None:
            # "Palin's Trump endorsement" in a headline before the text names Sarah Palin: the one
            # person the article names in full with that surname
            known = self._known_person(norm(full), ev.roles, None, ev.country)
            actor = known[0] if known is not None else self._new_person(full, ev)
            method, confidence = "coreference", 0.6
        else:
            # several people could be meant ("President Bush"); if they share a state, say so
            countries = {e.actor.country for e in self.kb.office_holders(key, ev.roles, self.day)}
            if len(countries) == 1 and not ev.countries:
                ev.add_country(countries.pop(), [])
            self._add(name_start, ent.end, None, "unresolved", 0.0, ent.root, ev, country=ev.country)
            return
        self._remember_title(name_start, prefix, actor)
        if len(key.split()) >= 2:
            self.people.setdefault(key, actor)
        if len(key.split()) >= 2 or method == "office":
            # also the full name of one named by a single word and a title ("Jordan's King Abdullah"),
            # so that the word alone later is that person, not another "Abdullah" of the knowledge
            # base (not of a surname alone: "Clinton" guessed as Bill does not make a later
            # "Clinton" ambiguous with the Hillary Clinton named in full)
            self.people.setdefault(norm(actor.name), actor)
        self._add(name_start, ent.end, actor, method, confidence, ent.root, ev)

    def _remember_title(self, name_start: int, prefix: list[Token], actor: Actor) -> None:
        """Keep the title right before a person's name ("Sen. Marco Rubio", "Prime Minister Narendra
        Modi"), for a later "the senator" (Descriptions._titled); not a former office."""
        if any(t.lower_ == "former" for t in prefix) or name_start == 0:
            return
        meanings = title_meanings()
        words = [norm(t.text) for t in self.doc[max(name_start - 3, 0):name_start]]
        # the whole title and each title word of it: "Secretary of State Antony Blinken" is "the
        # secretary of state" and "the secretary"; "Prime Minister Modi" "the minister"
        keys = {meanings[" ".join(words[i:])] for i in range(len(words) - 1) if " ".join(words[i:]) in meanings}
        if words[-1] in meanings or keys:
            keys |= {meanings[w] for w in words if w in meanings}
        self.titled.extend((key, name_start, actor) for key in sorted(keys))

    def _known_person(self, key: str, roles, gender: str | None = None,
                      country: str | None = None) -> tuple[Actor, str, float] | None:
        """A known person, or one the article named more fully before; ``gender`` is what an
        honorific says ("Mr. Khan" is not Ghazala Khan, named before him), ``country`` the state a
        title is of ("Jordan's King Abdullah")."""
        entries = [e for e in self.kb.by_alias.get(key, []) if e.kind == "person"]
        if len(entries) > 1:
            entries = [e for e in entries if e.holds((), self.day)] or entries
        if len(entries) == 1:
            return entries[0].actor, "kb", 0.95
        # a fuller name met earlier in this article
        met = {a.id: a for full, a in self.people.items() if contains_words(full, key)}
        # "Khizr and Ghazala Khan ... Mr. Khan": a family the article names, none of whom Tidings
        # knows, and of whom the honorific fits no one named in full: another of them, never a
        # namesake of the knowledge base ("Hillary Clinton ... Mr. Clinton" is still Bill Clinton)
        family = bool(met) and not any(i in self.kb.by_id for i in met)
        if gender is not None:
            # those of that gender, by what the article has said of them so far ("Mr. Khan" before:
            # Khizr Khan, whose first name says nothing) or by their first name; else those of whom
            # nothing is said
            said = {i: person_gender(self.doc, ((f.start, f.end) for f in self.found if f.actor is not None
                                                and f.actor.id == i and f.method != "pronoun"), a.name) or None
                    for i, a in met.items()}
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
        if met or family or self._named_in_full_later(key):
            return None
        # an office holder by surname and title, on the article's date (of the state named with
        # the title: "Jordan's King Abdullah"; undated, the one in office today)
        if len(key.split()) == 1 and (roles or self.day):
            holders = self.kb.office_holders(key, roles, self.day)
            if len(holders) > 1 and country:
                holders = [h for h in holders if h.actor.country == country] or holders
            if len(holders) > 1 and roles and self.day is None:
                holders = [h for h in holders if h.holds(roles, date.today())] or holders
            if len(holders) == 1:
                return holders[0].actor, "office", 0.8
        # a surname that only one known office holder has ("Putin"), or only one of the honorific's
        # gender ("Mrs. Clinton" is not Bill Clinton)
        if len(key.split()) == 1:
            holders = self._surname_holders(key)
            if len(holders) > 1 and gender is not None:
                # "Mrs. Clinton": of Bill and Hillary Clinton, the one the honorific's gender fits
                holders = [h for h in holders if name_gender(h.actor.name) == gender]
            if len(holders) == 1 and (gender is None or name_gender(holders[0].actor.name) in (None, gender)):
                return holders[0].actor, "surname", 0.75
        # a close spelling of a known full name
        if len(key.split()) >= 2:
            choices = list(self.people) + self.kb.person_keys(len(key.split()))
            best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best is not None and not _another_name(key, best[0]):
                match = best[0]
                actor = self.people.get(match) or next(e.actor for e in self.kb.by_alias[match] if e.kind == "person")
                return actor, "fuzzy", round(0.6 + 0.3 * (best[1] - FUZZY_CUTOFF) / (100 - FUZZY_CUTOFF), 2)
        return None

    def _named_in_full_later(self, key: str) -> bool:
        """"Pakistan's ex-PM Imran Khan sentenced", tagged "Khan" alone, before the article names
        Imran Khan: a surname the article later gives in full, of someone Tidings does not know and
        with no one it knows named so, is no namesake of the knowledge base (Ghulam Ishaq Khan)."""
        if len(key.split()) != 1:
            return False
        full = [" ".join(words) for _, words in self._full_names(key)]
        return bool(full) and not any(e.kind == "person" for f in full for e in self.kb.by_alias.get(f, []))

    def _full_name_elsewhere(self, key: str) -> str | None:
        """The one fuller name the article gives a person it also names by ``key`` alone ("Chuck
        Grassley" for "Senator Grassley"), before or after, as written."""
        fuller = {" ".join(e.text.split()) for e, _ in self._full_names(key) if norm(e[0].text) not in self.kb.titles}
        return fuller.pop() if len(fuller) == 1 else None

    def _full_names(self, key: str) -> list[tuple[Span, list[str]]]:
        """The article's person names of two words or more, title words aside, that end in the
        surname ``key``: each entity with its normalised words ("King Abdullah" is none)."""
        names = [(e, [w for w in norm(e.text).split() if w not in self.kb.titles])
                 for e in self.doc.ents if e.label_ == "PERSON"]
        return [(e, words) for e, words in names if len(words) >= 2 and words[-1] == key]

    def _new_person(self, name: str, ev: Evidence) -> Actor:
        country = ev.country
        actor_id = f"person-{slug(name)}" + (f"-{country}" if country else "")
        return Actor(id=actor_id, name=" ".join(name.split()), type="person", country=country,
                     sectors=list(ev.sectors))


def _another_name(key: str, match: str) -> bool:
    """Whether a close spelling is another name, not a misspelling: one word of it is a word of the
    other with two or more letters added ("Scott Morris" is not Scott Morrison, "Johns" not
    Johnson), where a misspelling changes letters or adds one ("Kim Yo Jung", "Zelenskyy")."""
    return any(a != b and (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) >= 2
               for a, b in zip(key.split(), match.split()))
