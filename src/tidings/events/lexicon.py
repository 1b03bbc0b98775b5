"""The trigger lexicon: which words name which PLOVER event (data/triggers.tsv, plus users' files)."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lemminflect import getAllLemmas
from spacy.tokens import Token

from ..errors import ConfigError
from .datafiles import words

NO_EVENT = "-"  # the type of rows that say a word with these objects is no event
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
COLUMNS = ("trigger", "pos", "object", "type", "mode", "context", "cameo", "reciprocal")
OBJECT_DEPS = {"dobj", "pobj", "attr", "nsubjpass", "oprd", "dative"}
DIRECT_DEPS = {"dobj", "attr", "nsubjpass", "oprd"}
PARTICLE_DEPS = {"prt", "prep", "dobj", "advmod", "compound", "acomp", "xcomp", "pobj"}
ACTOR_OBJECT = "@actor"  # in the object column: an object that names an actor
OWNED_OBJECT = "@actor's"  # an object an actor owns ("defended China's expansion of the reefs")
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
PLACE_OBJECT = "@place"  # an object that names a place: a city, region or country ("struck Odesa")
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# of a noun: a named giver before it and a receiver after it ("Japan's aid to Ukraine")
GIVEN_OBJECT = "@actor's to"
# PLOVER's modes of ASSAULT by weapon, and MOBILIZE's "weapons"
WEAPON_MODES = frozenset({"heavy-weapons", "weapons", "firearms", "aerial", "drone", "explosives", "unconventional",
                          "crowd-control"})
NO_OBJECT = frozenset({"-"})  # in the object column: the trigger counts only without a direct object


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]
    pos: str
    objects: frozenset[str]
    type: str
    mode: str | None
    context: str | None
    cameo: str
    reciprocal: bool
    # a row whose objects give the words another type than their row without objects has: a
    # distinction the codebook draws on purpose ("withdraw" RETREAT, "withdraw peacekeepers"
    # SANCTION 1661); set when the lexicon is loaded
    departs: bool = False

    @property
    def firm(self) -> bool:
        """Whether the classifier keeps this row's type: it departs from its verb, or its objects name
        one of CAMEO's diplomatic acts ("recalled its ambassador", SANCTION 161; "lodged a protest",
        ACCUSE 114), which the classifier, trained on few diplomatic sentences, mistypes (as SUPPORT,
        PROTEST; measured: GSR untrained-on type 0.785 -> 0.788, PLV training rows one fewer right,
        "pledged full support", AGREE 032 as CAMEO codes it, SUPPORT in PLV; dev splits unchanged);
        or a labour strike its objects name ("called the strike", "a teachers' strike"), which it
        reads as a request or an air strike."""
        named = bool(self.objects) and self.objects != NO_OBJECT
        return self.departs or (named and (self.context == "diplomatic" or self.mode == "strike"))

    @property
    def armed(self) -> bool:
        """Whether the row names the weapon used, tested or moved by its objects ("launched a ballistic
        missile", "test-fired rockets", "scrambled jets"): an act of force or its show, whatever else
        the sentence is about."""
        return self.mode in WEAPON_MODES and bool(self.objects) and self.objects != NO_OBJECT

    @property
    def specificity(self) -> int:
        return len(self.words) * 2 + bool(self.objects)


def _objects(token: Token) -> set[str]:
    """Lemmas of the trigger's objects, direct or through one preposition."""
    out = set()
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            out |= _object_lemmas(child)
        elif child.dep_ in ("xcomp", "ccomp") and child.pos_ == "ADJ":
            out.add(child.lemma_.lower())  # "found Nielsen guilty": the parser makes "guilty" a clause
        elif child.dep_ in ("prep", "agent") or (child.dep_ in ("xcomp", "ccomp") and not _finite(child)
                                                  and child.lemma_.lower() not in OWN_DEEDS):
            # a time phrase is never the object: "meets Xi at the end of August" has not "met its end";
            # nor is a finite clause's ("announced that it had suspended aid" announced no aid; "allowed
            # him to bring out a rally" allowed a rally)
            out.update(g.lemma_.lower() for g in child.children
                       if g.dep_ in OBJECT_DEPS | {"pcomp"} and g.ent_type_ not in ("DATE", "TIME"))
            if child.dep_ in ("xcomp", "ccomp"):
                # "allowed the refugees to return": the parser makes the one allowed the clause's subject
                out.update(lemma for g in child.children if g.dep_ == "nsubj"
                           for lemma in _object_lemmas(g) | {m.lemma_.lower() for m in g.lefts if m.dep_ == "compound"})
    if token.pos_ in ("VERB", "AUX"):  # "sanctions were imposed": the passive subject is the object
        out.update(c.lemma_.lower() for c in token.children if c.dep_ == "nsubjpass")
    if token.dep_ in ("nsubjpass",):
        out.add(token.head.lemma_.lower())
    if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "dobj" for c in token.children) \
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in token.children):
        out.add(token.head.lemma_.lower())  # "the fees it charged": the noun a relative clause describes
    for child in token.children:  # "released Navalny", "welcomed Macron": the object is an actor
        if child.dep_ in OBJECT_DEPS and child.ent_type_ in ACTOR_LABELS:
            out.add(ACTOR_OBJECT)
        elif child.dep_ in OBJECT_DEPS and any(g.dep_ == "poss" and g.ent_type_ in ACTOR_LABELS for g in child.children):
            out.add(OWNED_OBJECT)
        if child.dep_ in OBJECT_DEPS and (child.ent_type_ in PLACE_LABELS or (
                child.pos_ == "PROPN" and not child.ent_type_)):
            out.add(PLACE_OBJECT)  # "struck Odesa", which the tagger may leave unlabelled
    if token.pos_ in ("NOUN", "PROPN"):  # "missile launch": the compound modifier is the object
        out.update(c.lemma_.lower() for c in token.lefts if c.dep_ in ("compound", "amod"))
        giver = any(c.dep_ == "poss" and any(t.ent_type_ in ACTOR_LABELS for t in c.subtree) for c in token.children)
        if giver and any(c.dep_ == "prep" and c.lower_ in ("to", "for") and any(g.dep_ == "pobj" for g in c.children)
                         for c in token.children):
            out.add(GIVEN_OBJECT)  # "Japan's aid to Ukraine": not "a Trump aid said", the aide misspelt
    return out


# verbs of an infinitive that name a deed of their own, coded on their own word: "agreed to sign a
# treaty" promised a signing (coded on "sign") and concluded no treaty ("agreed to hold talks" keeps
# its talks: "hold" only carries them)
OWN_DEEDS = words("own_deeds")


def _finite(clause: Token) -> bool:
    """Whether a clause is told with a tense of its own ("that it had suspended aid"), not as an infinitive."""
    return clause.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ == "mark" or (c.dep_ == "aux" and c.lower_ != "to") for c in clause.children)


RISES = words("rises")  # "an increase in X" is more X
# what stops or lessens its "of" phrase: "a suspension of aid" is no aid
STOPS = words("stops")


def _of_heads(noun: Token) -> set[str]:
    """Heads of "of" phrases after a container noun, repeatedly: "a state of emergency",
    "tons of food aid", "part of the aid programme"; and of "in" after a sum of money ("$2
    billion in military aid") or a rise ("a sixfold increase in funding"; not a cut in it)."""
    out: set[str] = set()
    t = noun
    for _ in range(3):
        if t.lemma_.lower() in STOPS:
            break
        preps = ("of", "in") if t.ent_type_ == "MONEY" or t.lemma_.lower() in RISES else ("of",)
        inner = next((g for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                      for g in c.children if g.dep_ == "pobj"), None)
        if inner is None:
            break
        out.add(inner.lemma_.lower())
        out.update(c.lemma_.lower() for c in inner.lefts if c.dep_ == "compound")
        t = inner
    return out


def _extra_words(token: Token) -> set[str]:
    """Words that can complete a multiword trigger: particles, prepositions, light-verb objects. A
    preposition that only dates the act ("called on Tuesday", "met with ... at noon"), or that
    stands before the verb, completes none."""
    parts = [c for c in token.children if c.dep_ in PARTICLE_DEPS and not _dates(c)
             and not (c.dep_ in ("prep", "prt") and c.i < token.i)]  # "On Twitter, Bush called ...": no "call on"
    words = {c.lower_ for c in parts} | {c.lemma_.lower() for c in parts}
    if for_clause(token) is not None:
        words.add("for")  # "called for the president to resign": the parser hangs "for" on the clause
    return words


TIME_ENTITIES = ("DATE", "TIME")


def _dates(prep: Token) -> bool:
    """Whether a preposition's object is a date or a time: "on Tuesday", "at dawn"."""
    return prep.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES for c in prep.children)


# dependents of "call" that make it something other than a telephone call: "called Biden a liar"
# (oprd), "called off", "called up", "called out" (prt), "called it quits" (ccomp, attr)
NOT_A_CALL = {"oprd", "attr", "prt", "ccomp", "dative"}
QUOTES = {'"', "'", "“", "‘"}


def telephones(verb: Token) -> bool:
    """Whether "call" is calling someone up ("Netanyahu called Morrison on Wednesday to congratulate
    him"): one callee, and no complement that makes it naming ("called Biden a liar", "a program
    called Safe Streets") or a phrasal verb ("called off the talks")."""
    called = [c for c in verb.children if c.dep_ == "dobj"]
    if not called and not (verb.dep_ == "acl" and verb.head.pos_ == "NOUN"):
        # the parser hangs some callees as a naming complement: "called Turkey President Erdogan"; a
        # participle after a noun names it ("a program called Safe Streets")
        called = [c for c in verb.children if c.dep_ == "oprd" and c.doc[c.left_edge.i - 1].text not in QUOTES]
    return len(called) == 1 and not any(c.dep_ in NOT_A_CALL and c not in called for c in verb.children)


def names(verb: Token) -> bool:
    """Whether a verb names or characterises its object ("called Clinton's remarks a 'new low'",
    "called it careless"): a naming complement, a noun or adjective (not a day the parser hangs
    there: "called Thursday on Arabs to unite"), which no call for or on something has."""
    return any(c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN", "ADJ", "PRON") and c.ent_type_ not in TIME_ENTITIES
               for c in verb.children)


def for_clause(verb: Token) -> Token | None:
    """The clause that a "for" right after the verb introduces ("called for Obama to resign"), or a
    "for" right after a date that follows the verb ("called on Friday for Obama to resign"), if any."""
    after = verb.i + 1
    for child in verb.rights:
        if child.i == after and _dates(child):
            after = child.right_edge.i + 1
    return next((c for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp") and any(
        m.dep_ == "mark" and m.lower_ == "for" and m.i == after for m in c.children)), None)


class TriggerLexicon:
    def __init__(self, extra: Sequence[Path] = ()) -> None:
        self.by_head: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
        path = resources.files("tidings.events").joinpath("data", "triggers.tsv")
        self._load(path.read_text(encoding="utf-8"), "tidings/events/data/triggers.tsv")
        for p in extra:
            try:
                self._load(Path(p).read_text(encoding="utf-8"), str(p))
            except OSError as exc:
                raise ConfigError(f"{p}: cannot read trigger file: {exc}") from None
        for head, triggers in self.by_head.items():
            defaults = {(t.words, t.pos): t.type for t in triggers if not t.objects}
            self.by_head[head] = triggers = [replace(t, departs=True) if _departs(t, defaults) else t
                                             for t in triggers]
            triggers.sort(key=lambda t: -t.specificity)

    def _load(self, text: str, origin: str) -> None:
        lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, restval="")
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ConfigError(f"{origin}: expected the columns {' '.join(COLUMNS)}")
        for number, row in enumerate(reader, start=2):
            if row["type"] not in TYPES and row["type"] != NO_EVENT:
                raise ConfigError(f"{origin}: row {number}: unknown type {row['type']!r}; valid: {', '.join(TYPES)}, "
                                  f"or {NO_EVENT} for no event")
            words = tuple(row["trigger"].lower().split())
            pos = row["pos"].upper()
            trigger = Trigger(words, pos, frozenset(o for o in row["object"].lower().split("|") if o),
                              row["type"], row["mode"] or None, row["context"] or None, row["cameo"],
                              row["reciprocal"].lower() == "yes")
            self.by_head[(words[0], pos)].append(trigger)

    def match(self, token: Token) -> Trigger | None:
        """The most specific trigger entry that this token, with its dependents, fulfils."""
        found = self.entry(token)
        return None if found is None or found.type == NO_EVENT else found

    def types_of(self, token: Token) -> set[str]:
        """Every event type a row of the lexicon gives the word, whatever its objects."""
        return {t.type for t in self._rows(token) if t.type != NO_EVENT}

    def _rows(self, token: Token) -> list[Trigger]:
        """The rows headed by the token's lemma, else its surface form, else a stem of a
        mislemmatised past tense ("fined"); none for a word that is no verb or noun."""
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
        if pos is None:
            return []
        return self.by_head.get((token.lemma_.lower(), pos)) or self.by_head.get((token.lower_, pos)) or \
            next((self.by_head[(g, pos)] for g in _stems(token) if (g, pos) in self.by_head), [])

    def refuses(self, token: Token) -> bool:
        """Whether a row of the lexicon says that this token, with its dependents, is no event
        ("met their fate", "was asked about")."""
        found = self.entry(token)
        return found is not None and found.type == NO_EVENT

    def entry(self, token: Token) -> Trigger | None:
        """The most specific row this token fulfils, a no-event row (type ``-``) included."""
        candidates = self._rows(token)
        if not candidates:
            return None
        read: dict[str, set[str]] = {}

        def objects(tok: Token) -> set[str]:  # read once, for both passes
            if "core" not in read:
                read["core"] = _objects(tok)
            return read["core"]

        # "suspends talks with the rebels after a deadly attack": a row its direct object fulfils comes
        # before one that only an object through a preposition does
        direct = _first(token, [t for t in candidates if t.objects and t.objects != NO_OBJECT], _direct_objects)
        if direct is not None:
            return direct
        found = _first(token, candidates, objects)
        if found is None or not found.objects:
            # "cut off all communication lines": failing that, the object's compound modifier names it
            rows = [t for t in candidates if t.objects and t.objects != NO_OBJECT
                    and (found is None or len(t.words) >= len(found.words))]
            return _first(token, rows, lambda tok: objects(tok) | _compound_modifiers(tok)) or found
        return found


def _departs(row: Trigger, defaults: dict[tuple[tuple[str, ...], str], str]) -> bool:
    """Whether an object row gives its words another event type than their default row (``defaults``:
    the type of each words-and-pos's row without objects); no-event rows and defaults never depart."""
    default = defaults.get((row.words, row.pos), row.type)
    return bool(row.objects) and row.objects != NO_OBJECT and row.type != NO_EVENT \
        and default not in (row.type, NO_EVENT)


def _stems(token: Token) -> list[str]:
    """Stems of a past-tense verb the lemmatizer got wrong ("fined" -> "fin"): "fine", "fin"."""
    word = token.lower_
    if token.pos_ not in ("VERB", "AUX") or not word.endswith("ed") or len(word) < 5:
        return []
    return [word[:-1], word[:-2]]


def _first(token: Token, candidates: Sequence[Trigger], objects_of) -> Trigger | None:
    """The first of the (most specific first) rows that the token fulfils, its objects read by ``objects_of``."""
    extra = objects = None
    for trigger in candidates:
        if len(trigger.words) > 1:
            extra = _extra_words(token) if extra is None else extra
            if not set(trigger.words[1:]) <= extra:
                continue
        if trigger.objects == NO_OBJECT:
            if any(c.dep_ == "dobj" for c in token.children):
                continue  # "demonstrate" protests; "demonstrate its capabilities" does not
        elif trigger.objects:
            objects = objects_of(token) if objects is None else objects
            if not trigger.objects & objects:
                continue
        return trigger  # a no-event row too: "the conditions are met"
    return None


def _direct_objects(token: Token) -> set[str]:
    """Lemmas of the trigger's own objects (no preposition between): "talks" in "suspends talks with X"."""
    return {lemma for c in token.children if c.dep_ in DIRECT_DEPS for lemma in _object_lemmas(c)}


def _object_lemmas(head: Token) -> set[str]:
    """An object's lemma, its conjuncts' and those of its container's "of" phrases ("tons of aid");
    a plural noun with every lemma it may have ("bases": base, which the lemmatizer reads as basis)."""
    heads = [head, *head.conjuncts]
    armed = {t.i for t in heads if _armed_strike(t)}
    return {"airstrike" if t.i in armed else t.lemma_.lower() for t in heads} | {
        lemma for t in heads if t.tag_ == "NNS" and t.i not in armed for lemma in _plural_lemmas(t.lower_)} | _of_heads(head)


ARMED_STRIKES = words("armed_strikes")


def _armed_strike(noun: Token) -> bool:
    """Whether a strike's modifier makes it an attack ("staged air strikes", "a drone strike"): read
    as "airstrike", which no row of labour strikes takes."""
    return noun.lemma_.lower() == "strike" and any(c.dep_ in ("compound", "amod") and c.lower_ in ARMED_STRIKES
                                                   for c in noun.lefts)


@lru_cache(maxsize=4096)
def _plural_lemmas(word: str) -> tuple[str, ...]:
    """Every lemma a plural noun may have (lemminflect): "bases" -> base, basis."""
    return getAllLemmas(word, upos="NOUN").get("NOUN", ())


def _compound_modifiers(token: Token) -> set[str]:
    """Lemmas of the compound modifiers of the direct objects' heads ("aid deliveries")."""
    heads = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return {m.lemma_.lower() for h in heads for m in h.lefts if m.dep_ == "compound"}


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[Path, ...] = ()) -> TriggerLexicon:
    return TriggerLexicon(extra)
