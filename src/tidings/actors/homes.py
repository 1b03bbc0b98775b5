"""Which state an actor belongs to when its own words do not say: the place it is in, else the
article's one dominant country.

This is how location-based datasets code actors (ACLED's "Protesters (Indonesia)"): "students
throughout Indonesia", "prisoners rioted at a jail in Dili" and "a group based in Trinidad" are
actors of the state they are in. An ethnic group placed in another state belongs to that state
("ethnic Albanians in south Serbia", as the PLOVER gold standard codes them). Unplaced local
groups and people new to the knowledge base take the article's dominant country. Every such
guess lowers the mention's confidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import islice
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..model import Actor
from ..nlp.layout import dateline_matches, dateline_places
from .evidence import counter_of, definite, entity_of, phrase_tokens, where_a_place_is
from .kb import BIG_CITY, KnowledgeBase, without_accents
from .names import norm

if TYPE_CHECKING:
    from .resolve import Resolver

LOCATIVE_PREPS = {"in", "at", "near", "throughout", "across", "inside", "within", "outside", "around"}
# participles that place a group: "a terror group based in Trinidad", "guerrillas operating in Macedonia"
SITUATING_VERBS = {"base", "operate", "station", "live", "deploy", "hold", "detain", "gather", "camp"}
NO_HOME_SECTORS = {"IGO", "NGO", "MED", "BUS"}  # international staff, reporters and firms cross borders
STATE_SECTORS = {"MIL", "COP", "GOV", "SPY"}
# sectors whose members are of the place they are in (protesters, students, rebels, parties)
LOCAL_SECTORS = {"CVL", "EDU", "LAB", "REF", "RAD", "OPP", "REB", "CRM", "PTY", "REL", "HLH"}
DOMINANT_SHARE = 0.75  # of the article's resolved actors, for one country to be its home
PHRASE_DEPS = {"prep", "pobj", "appos", "compound", "poss"}
REGIONAL_CONFIDENCE = 0.5  # a regional group's generic actor
PLACED_CONFIDENCE = 0.6  # a group placed by the sentence
HOME_CONFIDENCE = 0.5  # a group or person given the article's dominant country
SURE_MENTIONS = 3  # a dominant country named this often is the home "the government" belongs to
DATELINE_SHARE = 2  # a dateline's state named at least half as often as the most named one is the home


def _named_country(tok: Token, kb: KnowledgeBase) -> str | None:
    if tok.text.islower():
        return None  # "still in the bush", which the tagger may take for a name: a common noun
    ent = entity_of(tok)
    if ent is not None and (ent.label_ in ("GPE", "LOC", "FAC", "NORP") or where_a_place_is(ent)):
        return kb.place_country(ent.text) or kb.demonym(ent.text)
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():  # a country the tagger missed
        code = next((e.actor.id for e in kb.lookup(tok.text) if e.kind == "country"), None)
        if code is None and tok.dep_ == "pobj":
            # or a city of the gazetteer's own list or a big one ("strikes on Rafah"), not any town
            # that shares a word's name
            city = kb.place(tok.text)
            code = city.country if city is not None and _plain(city.name) == _plain(tok.text) and (
                not city.population or city.population >= BIG_CITY) else None
        return code
    return None


def _plain(name: str) -> str:
    """A name without case or accents: "Rafaḩ" is "rafah" (not an alternate name: "Boni" for Bonn)."""
    return without_accents(name).casefold()


def _object_country(prep: Token, kb: KnowledgeBase) -> str | None:
    """The state of the place a prepositional phrase names, itself or further in: "near the town
    of Samarra", "at a jail in East Timor's capital Dili"."""
    objects = (c for c in prep.children if c.dep_ == "pobj")
    return next((code for tok in phrase_tokens(objects, PHRASE_DEPS, LOCATIVE_PREPS | {"of"})
                 for code in [_named_country(tok, kb)] if code), None)


def _country_after(head: Token, preps: set[str], kb: KnowledgeBase) -> str | None:
    """The state of the first place named by one of ``preps`` hung on ``head``."""
    return next((code for p in head.children if p.dep_ == "prep" and p.lower_ in preps
                 for code in [_object_country(p, kb)] if code), None)


def place_of(noun: Token, kb: KnowledgeBase) -> str | None:
    """The state a noun phrase places itself in: "students throughout Indonesia", "Albanians of
    southern Serbia", "a group based in Trinidad", "a missionary from Calgary"."""
    heads = [noun] + ([noun.head] if noun.dep_ == "compound" and noun.head.i != noun.i else [])
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS | {"of", "from"}:
                code = _object_country(child, kb)
            elif child.dep_ == "acl" and child.lemma_.lower() in SITUATING_VERBS:
                code = _country_after(child, LOCATIVE_PREPS, kb)
            else:
                continue
            if code:
                return code
    return None


def scene_of(noun: Token, kb: KnowledgeBase) -> str | None:
    """The state where the clause of a subject or object happens: "prisoners rioted at a jail in
    Dili", "ethnic Albanians demonstrated in Serbia", "thousands of protesters marched in Tel Aviv",
    "freed the prisoners from jails in the West Bank" (where they are taken from is where they were)."""
    head = noun.head if noun.dep_ == "compound" else noun
    head = counter_of(head) or head  # "Thousands of protesters marched in Tel Aviv"
    if head.dep_ not in ("nsubj", "nsubjpass", "dobj") or head.head.i == head.i:
        return None
    verb = head.head
    # the clause's own places, then those of a clause hung on it ("... when they blew themselves up in Tel Aviv")
    clauses = [verb] + [c for c in verb.children if c.dep_ == "advcl"]
    found = next((code for v in clauses for code in [_country_after(v, LOCATIVE_PREPS | {"from"}, kb)] if code), None)
    if found is None and head.dep_ == "dobj":
        # where what acted on them struck: "An Israeli air strike on a house in Khan Younis killed nine people"
        found = next((code for s in verb.children if s.dep_ == "nsubj"
                      for code in [_country_after(s, LOCATIVE_PREPS | {"on"}, kb)] if code), None)
    return found


def _dominant(counts: Counter[str]) -> str | None:
    """The country that at least three in four of the article's resolved actors belong to
    (``_state_counts``): a story about one state. International stories ("the US, Seoul and Tokyo
    prepare sanctions on North Korea") have none, and their unnamed officials and diplomats stay
    without a state."""
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    return code if n >= DOMINANT_SHARE * sum(counts.values()) else None


DATELINE_LINES = 4  # lines with text: the headline or a byline may come before the dateline


DATELINE_KEY = "tidings_dateline"  # doc.user_data: the dateline as the actors stage read it


def doc_dateline(doc: Doc, kb: KnowledgeBase) -> tuple[str, int] | None:
    """``dateline_of`` the parsed article, read once: the actors stage and the events stage (which
    reads places as the actors stage did) share the reading."""
    read = doc.user_data.setdefault(DATELINE_KEY, {})  # by knowledge base: its places decide
    if id(kb) not in read:
        read[id(kb)] = dateline_of(doc.text, kb)
    return read[id(kb)]


def dateline_of(text: str, kb: KnowledgeBase) -> tuple[str, int] | None:
    """The state of the city an article is datelined from ("TBILISI - Georgian riot police ...",
    "YEREVAN (Reuters) -"), in its first lines (nlp/layout.py reads datelines), and where the
    dateline ends; a dateline with a short dash and nothing else counts where its word is a place the
    knowledge base knows."""
    lines = [m.end() for m in islice(re.finditer(r"[^\n]*\S[^\n]*(?:\n|$)", text), DATELINE_LINES)]
    for m in dateline_matches(text[:lines[-1]] if lines else ""):
        code = kb.place_country(dateline_places(m)[0].title())
        if code:
            return code, m.end()
    return None


def _state_counts(resolver: Resolver) -> Counter[str]:
    """How often each state's actors are named; news agencies, firms and international bodies say
    nothing of whose story it is ("HARARE (Reuters)")."""
    return Counter(f.country for f in resolver.found
                   if f.country and f.actor is not None and not NO_HOME_SECTORS & set(f.sectors))


def _named_after(resolver: Resolver, code: str, end: int) -> bool:
    """Whether the article names the state again after its dateline."""
    return any(f.country == code and resolver.doc[f.start].idx >= end for f in resolver.found)


def settle_homes(resolver: Resolver) -> None:
    """Give placed ethnic groups their host state, and countryless groups and new people a state:
    the article's dominant country, else the state it is datelined from."""
    kb, doc = resolver.kb, resolver.doc
    # a state named nowhere but in the dateline, in a story about other states, is where the reporter
    # files from, not whose story it is ("BRUSSELS - EU leaders agreed new sanctions on Russia ...")
    counts = _state_counts(resolver)
    about_others = any(n >= SURE_MENTIONS for n in counts.values())
    dateline = resolver.dateline
    # nor is one named again but far less than the states the story is about ("DOHA - Israeli and
    # Hamas negotiators resumed talks ... with Qatari mediators": the dead in Gaza are no Qataris)
    dated = dateline[0] if dateline and (not about_others or (
        _named_after(resolver, *dateline) and counts[dateline[0]] * DATELINE_SHARE >= max(counts.values()))) else None
    dominant = _dominant(counts)
    named = sum(f.country == dominant for f in resolver.found) if dominant else 0
    # a dateline outweighs a country named once or twice; "the government" takes the home only
    # where the article surely has one: its dateline, or a dominant country named three times or
    # more ("an Iran-allied group ... seized from the government" is Yemen's)
    home = dated if dated and named < SURE_MENTIONS else dominant
    sure = home is not None and (home == dated or named >= SURE_MENTIONS)
    for f in resolver.found:
        if NO_HOME_SECTORS & set(f.sectors):
            continue
        tok = doc[f.root]
        words = {t.lower_ for t in doc[f.start:f.end]} | {t.lower_ for t in tok.lefts}
        if f.country and f.sectors and tok.pos_ in ("NOUN", "PROPN") and ("ethnic" in words or (
                f.method == "demonym" and f.sectors[0] == "CVL" and tok.tag_ in ("NNS", "NNPS"))):
            host = place_of(tok, kb) or (scene_of(tok, kb) if "ethnic" in words else None)
            if host and host != f.country:  # "ethnic Albanians in south Serbia"
                resolver.regroup(f, kb.agent(host, f.sectors[0]), PLACED_CONFIDENCE)
            continue
        if f.country is None and f.actor is None and f.regional and STATE_SECTORS & set(f.sectors):
            # "Central Asian leaders sign water-sharing pact": of no one state, but known for what
            # they are, as "the opposition" is
            resolver.regroup(f, kb.agent(None, next(s for s in f.sectors if s in STATE_SECTORS)), REGIONAL_CONFIDENCE)
            continue
        if f.country is not None or (f.regional and STATE_SECTORS & set(f.sectors)):
            continue  # ("Latin American governments", "Western diplomats": of no one state)
        # (a lowercase word the tagger calls a name is a noun: "The commerce ministry said ...", and so
        # is a body named by its kind with "the": "the Interior Ministry said ...")
        definite_kind = f.method == "description" and doc[f.start].lower_ == "the"
        if f.method in ("description", "unresolved") and f.sectors and (
                tok.pos_ == "NOUN" or tok.text.islower() or definite_kind):
            # people of a place ("students throughout Indonesia"), not those who travel for their
            # work ("reporters in Brussels", "troops in Kabul")
            if f.sectors[0] == "REB" and _foreign_attacker(tok, kb):
                continue
            local = f.sectors[0] in LOCAL_SECTORS
            placed = (place_of(tok, kb) or scene_of(tok, kb)) if local else None
            # troops or officials named as the object of a clause ("sending weapons and troops")
            # belong to whoever acts in it, not to the article's leading country
            # ("the government", "the armed forces" are no such agents: "urged the government to
            # withdraw the bill", "called on the armed forces to respect the will of the people")
            agents = not (f.subject or _members_act(tok) or _counterpart(tok) or _passive_agent(tok)) \
                and f.sectors[0] in STATE_SECTORS \
                and not (sure and _the_institution(doc[f.start:f.end]))
            code = placed or (None if agents or _strikes_home(tok, home, kb) or _visits_home(tok, home, kb)
                              or (home is not None and _acts_on_state(tok, home, resolver)) else home)
            if code:
                confidence = PLACED_CONFIDENCE if placed else HOME_CONFIDENCE
                resolver.regroup(f, kb.agent(code, f.sectors[0]), confidence)
        elif f.actor is not None and f.actor.id not in kb.by_id and f.method == "new" and home and \
                (body := home_institution(f.actor.name, home, kb)) is not None:
            # "Congress voted to impeach the president", in a story from Lima: Peru's congress, not a
            # body of its own called "Congress" (nor the same one as in a story from Washington)
            resolver.regroup(f, body, HOME_CONFIDENCE)
        elif f.actor is not None and f.actor.id not in kb.by_id and (
                (f.actor.type == "person" and dominant) or (f.actor.type == "organisation" and f.method == "new" and home
                                                            and not _acts_on_state(tok, home, resolver))):
            # "President Dos Santos", "Parliament": local officials and bodies are rarely given a
            # nationality in their own country's news; a person new to the knowledge base, only in a
            # story about one state: a dateline says where the reporter is, and in an international
            # story from Manila, "Spokeswoman Mao Ning" of China's foreign ministry is no Filipina
            if f.actor.country is None:
                f.actor.country = dominant if f.actor.type == "person" else home
            f.country = f.actor.country
            f.confidence = round(min(f.confidence, HOME_CONFIDENCE), 2)
    if sure:
        _home_adjectives(resolver, home)


def _home_adjectives(resolver: Resolver, home: str) -> None:
    """"The State Department issued subpoenas to a foundation under a federal investigation": the
    adjective names the home state's institution (data/home_adjectives.tsv) as the doer of the act it
    modifies, as "the government" would."""
    kb = resolver.kb
    for tok in resolver.doc:
        entry = kb.home_adjectives.get(tok.lower_)
        if entry is None or tok.i in resolver.taken or tok.dep_ not in ("amod", "compound") \
                or tok.head.lemma_.lower() not in entry[1]:
            continue
        role = kb.roles.get(entry[0])
        if role is None:
            continue
        # a legislature is the state's one body of that name; "government" names the state's executive,
        # not any body with the word in its name (the Government Accountability Office)
        body = home_institution(entry[0], home, kb) if role.type == "legislature" else kb.agent(home, role.sectors[0])
        if body is not None:
            resolver._add(tok.i, tok.i + 1, body, "description", HOME_CONFIDENCE, tok)


ENVOYS = {"ambassador", "envoy", "diplomat", "charge", "chargé", "consul", "attache", "attaché"}


def _acts_on_state(tok: Token, home: str, resolver: Resolver) -> bool:
    """"The Commission on Human Rights condemned Israel", in a story about Israel: a body new to the
    knowledge base, or one named by its kind, that acts on the home state itself, named as a state,
    or on its envoy ("the foreign ministry summoned the Chinese ambassador"), or asks for an act
    against it ("lawmakers pushed for sanctions against Russia"), speaks from outside it."""
    if tok.dep_ != "nsubj":
        return False
    verb = tok.head
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    objects = dobjs + _prep_objects(verb, ("against", "on", "upon", "to"))
    # and what the act it asks for is against ("lawmakers pushed for sanctions against Russia")
    objects += [g for asked in dobjs + _prep_objects(verb, ("for",))
                for g in _prep_objects(asked, ("against", "on", "upon"))]
    return any(f.actor is not None and f.start <= o.i < f.end and (
        f.actor.id == home or (f.country == home and o.lemma_.lower() in ENVOYS)) for o in objects for f in resolver.found)


def _prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the prepositions ``preps`` hung on ``head``."""
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def _foreign_attacker(tok: Token, kb: KnowledgeBase) -> bool:
    """A terrorist, suicide bomber or hijacker (data/foreign_attackers.tsv): of no state the text does
    not name, neither the place of the attack nor the story's home ("suicide bombers killed 130 people
    around Paris")."""
    lemma = tok.lemma_.lower()
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return lemma in kb.foreign_attackers or f"{before} {lemma}" in kb.foreign_attackers


def _strikes_home(tok: Token, home: str | None, kb: KnowledgeBase) -> bool:
    """"A drone struck an apartment building in Kharkiv", in a story about Ukraine: an aircraft or
    drone (aircraft.tsv) striking a place in the home state is not taken for that state's."""
    if home is None or tok.lemma_.lower() not in kb.aircraft or tok.dep_ != "nsubj":
        return False
    objects = [c for c in tok.head.children if c.dep_ == "dobj"]
    return scene_of(tok, kb) == home or any(place_of(o, kb) == home for o in objects)


def _visits_home(tok: Token, home: str | None, kb: KnowledgeBase) -> bool:
    """"The minister plans to visit Beijing next week", in a story about China: one who visits or
    travels to the home state or its capital comes from elsewhere (not one who visits a hospital in
    one of its towns)."""
    if home is None or tok.dep_ != "nsubj":
        return False
    verbs = [tok.head] + [c for c in tok.head.children if c.dep_ == "xcomp"]
    for verb in verbs:
        if verb.lemma_.lower() not in kb.travel_verbs:
            continue
        places = [c for c in verb.children if c.dep_ == "dobj"] + \
            [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "in") for g in c.children if g.dep_ == "pobj"]
        if any(e.actor.id == home for p in places if p.pos_ == "PROPN"
               for e in kb.place_entries(" ".join(t.text for t in p.subtree))):
            return True
    return False


INSTITUTION_TYPES = {"legislature", "government"}


def home_institution(name: str, home: str, kb: KnowledgeBase) -> Actor | None:
    """The home state's body that a name of one role word stands for ("Congress", "Parliament", "the
    Senate"): the knowledge base's body of that kind and state whose name holds the word (the US
    Senate), else the state's generic actor of the role's sector; None for any other name. A word
    that names the legislature only of some states (legislature_names.tsv) is, in a story about
    another state, the body of one of them that the knowledge base holds."""
    word = norm(name).removeprefix("the ")
    role = kb.roles.get(word)
    if role is None or role.type not in INSTITUTION_TYPES:
        return None
    named = kb.legislature_names.get(word)
    if named is not None and home not in named:
        # "Zelensky thanked Congress", in a story about Ukraine: no body of Ukraine's is called so;
        # the one the knowledge base holds of a state whose legislature is (the US Congress), if any
        return _body_named(word, role.type, named, kb)
    return _body_named(word, role.type, {home}, kb) or kb.agent(home, role.sectors[0])


def _body_named(word: str, kind: str, states: set[str] | frozenset[str], kb: KnowledgeBase) -> Actor | None:
    """The knowledge base's first body of this kind, of one of these states, whose name holds the word."""
    return next((e.actor for e in kb.by_id.values() if e.kind == "organisation" and e.actor.country in states
                 and e.actor.type == kind and word in norm(e.actor.name).split()), None)


def _the_institution(span: Sequence[Token]) -> bool:
    """"the government", "the army", "the armed forces", "the security forces", "the police": a
    state's own institution named with "the" and no count ("the two soldiers" are some of them), in
    the singular ("the drones" Jordan shot down are machines, of whoever launched them)."""
    if span[0].lower_ != "the":
        return False
    if len(span) == 3 and span[1].lower_ in ("armed", "security") and span[2].lower_ == "forces":
        return True  # "the armed forces", "the security forces"
    if len(span) == 3 and span[1].lower_ in ("federal", "central", "national") and span[2].tag_ == "NN":
        return True  # "urged the federal government to send more troops"
    return definite(span) and (span[-1].tag_ not in ("NNS", "NNPS") or span[-1].lemma_.lower() == "police")


def _passive_agent(tok: Token) -> bool:
    """"A journalist was arrested by police in Istanbul": the "by" agent of a passive acts in it, as a
    subject does (and is of the article's state as a subject is)."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.dep_ == "agent"


def _counterpart(tok: Token) -> bool:
    """"Supporters of Imran Khan clashed with police in Lahore": those met "with" or fought "against"
    are the other side of the clause, not agents the subject moves; they are of the article's state."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("with", "against") and tok.head.head.pos_ == "VERB"


def _members_act(tok: Token) -> bool:
    """"Members of the presidential guard detained him": a body whose members are the subject acts as
    one would as the subject itself."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in ("nsubj", "nsubjpass")
