"""Stated intentions: an event that has not happened, coded as the PLOVER category that fits.

The manual asks for one category rather than a category plus "future" or "hypothetical": an
actor's promise of a cooperative act is AGREE ("Turkey will allow the refugees to return"), its
promise of a hostile act is THREATEN ("the farmers would blockade Paris"), a commitment not to act
is REJECT ("will not accept refugees", "refused to meet"), and an act that a speaker says
another actor must do is that speaker's REQUEST ("Britain said Russia must return the
helicopter": a demand, CAMEO 10x; "should" makes it an appeal, CAMEO 02x). The statement
itself happened, so the recoded event is asserted; a forecast by
someone else ("analysts say X may attack") stays a hypothetical event of its own type.
The cues and the type mapping are data: data/intent_cues.tsv and data/intent.tsv.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from .datafiles import rows, words
from .modality import CLAIM_NOUNS, HYPOTHETICAL, NEGATED, load_cues
from .participles import kept_from, warned_against

CONDITION_MARKS = {"if", "unless"}  # "if Israel were to strike": a condition, no intention
INVERTED_OPENERS = {"had", "should", "were"}  # "Had the police arrested him": a condition with no "if"
PROPOSALS = words("proposals")  # "under the proposal, Hamas would free ...": terms, no promise
TERM_SETTERS = words("term_setters")  # "the deal would see Hamas release ...": the same


@dataclass(frozen=True)
class Recoding:
    kind: str  # commit, threat, refuse, demand or appeal
    type: str
    mode: str | None
    cameo: str


@lru_cache(maxsize=1)
def cue_kinds() -> dict[str, str]:
    """Intention cue (word or lemma) -> commit, threat, demand, appeal, refuse, observer or permit."""
    return {row["cue"]: row["kind"] for row in rows("intent_cues.tsv")}


@lru_cache(maxsize=1)
def recodings() -> dict[tuple[str, str], Recoding]:
    """(kind, original type) -> the category it is coded as; type ``*`` is the kind's default."""
    return {(row["kind"], row["from"]): Recoding(row["kind"], row["to"], row["mode"] or None, row["cameo"])
            for row in rows("intent.tsv")}


def cue_kind(token: Token) -> str | None:
    """The kind of intention cue a word is (intent_cues.tsv), or None."""
    kinds = cue_kinds()
    return kinds.get(token.lower_) or kinds.get(token.lemma_.lower())


def _predicate(trigger: Token) -> Token:
    """The verb whose auxiliaries tell the trigger's tense: itself, or the verb a noun depends on."""
    t = trigger
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def intent_kind(trigger: Token, modality: str, cue: Token | None) -> str | None:
    """Whether the event is a commitment, a threat, a refusal, a demand or an appeal, from its cue;
    none where its clause is what a noun of possibility, fear or rumour holds ("the possibility that
    Iran will attack Israel"): a supposition, nobody's intention; nor where a verb of preventing
    keeps someone from it ("police would prevent protesters from blocking roads"): the preventer's
    aim; nor in a condition ("if Israel were to strike"), nor in a proposal's or a law's terms
    ("under the proposal, Hamas would free 33 hostages")."""
    if cue is None or _imagined(trigger) or _hedged(trigger) or _permitted(trigger) or _counterfactual(trigger) \
            or _noun_subject(trigger) or kept_from(trigger) is not None or warned_against(trigger) is not None \
            or _condition(trigger) or _terms(trigger):
        return None
    kind = cue_kind(cue)
    if modality == HYPOTHETICAL and kind in ("commit", "threat", "demand", "appeal"):
        return kind
    if modality == NEGATED:
        if cue.lemma_.lower() in CLAIM_NOUNS and cue.pos_ == "NOUN":
            return None  # "dismissed reports that Putin would meet Zelenskiy": a report denied, nobody's refusal
        if kind == "refuse":
            return kind  # "refused to meet", "failed to reach agreement"
        verb = _predicate(trigger)
        if any(c.dep_ == "aux" and cue_kind(c) == "commit" for c in verb.children):
            return "refuse"  # "will not accept", "would not meet"
    return None


def _noun_subject(trigger: Token) -> bool:
    """Whether the trigger is a noun that is its clause's subject ("Trump's visit to Des Moines would
    earn him attention"): the auxiliary tells what the visit would bring, not what anybody promises."""
    return trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass")


def _counterfactual(trigger: Token) -> bool:
    """Whether the trigger's verb is told in the past of a conditional ("Iran would have attacked
    Israel if the talks had failed", "a rule that would have barred migrants"): what did not
    happen, nobody's intention; nor is a second verb joined to one ("would have gotten a laser on
    them and killed them")."""
    verb = _predicate(trigger)
    while verb.dep_ == "conj" and verb.head.i < verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        verb = verb.head
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "should", "'d") for c in verb.children)


def _permitted(trigger: Token) -> bool:
    """Whether the trigger is the deed that a measure lets someone do ("a Texas law that would allow
    state police to arrest migrants"): a provision, nobody's intention. (A state that says it would
    allow aid to be delivered commits itself: its clause is no relative one.)"""
    verb = _predicate(trigger)
    return verb.dep_ in ("xcomp", "ccomp") and cue_kind(verb.head) == "permit" and verb.head.dep_ in ("relcl", "acl")


def _hedged(trigger: Token) -> bool:
    """Whether an epistemic adverb on the trigger's verb makes it a guess ("would probably agree",
    "will likely meet"): a forecast, nobody's commitment, whatever the auxiliary."""
    adverbs = load_cues().hypothetical_modifiers
    return any(c.dep_ == "advmod" and c.lemma_.lower() in adverbs for c in _predicate(trigger).children)


def _condition(trigger: Token) -> bool:
    """Whether the trigger's clause is a condition ("If Israel were to strike Iran's facilities, the
    consequences would be hard to contain"; inverted, "Had the police arrested him earlier, ..."):
    what would follow if it happened, nobody's intention."""
    return any(t.dep_ == "advcl" and (any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children)
                                      or _inverted_condition(t))
               for t in _clause_up(_predicate(trigger), ("xcomp", "conj"), 4))


def _inverted_condition(clause: Token) -> bool:
    """"Had the police arrested him", "Should Iran attack", "Were Israel to strike": a clause opened
    by its auxiliary, before its subject, with no "if"."""
    opener = clause.left_edge
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    opens = opener.i == clause.i or (opener.dep_ in ("aux", "auxpass") and opener.head.i == clause.i)
    return opens and opener.lower_ in INVERTED_OPENERS and subject is not None and opener.i < subject.i


def _terms(trigger: Token) -> bool:
    """Whether the trigger is what a proposal or a law would have someone do ("Under the proposal,
    Hamas would free 33 hostages, while Israel would release several hundred detainees"): its
    terms, which no one named has promised."""
    verb = _predicate(trigger)
    if verb.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "nsubj" and c.lemma_.lower() in TERM_SETTERS
                                               for c in verb.head.children):
        return True  # "The deal would see Hamas release 33 hostages": what the deal would have Hamas do
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in PROPOSALS for g in c.children)
        for t in _clause_up(verb, ("conj", "advcl", "xcomp"), 3) for c in t.children)


def _clause_up(t: Token, deps: tuple[str, ...], steps: int) -> Iterator[Token]:
    """``t``, then the verbs it hangs on through ``deps``, at most ``steps`` in all."""
    for _ in range(steps):
        yield t
        if t.dep_ not in deps or t.head.i == t.i:
            return
        t = t.head


def _imagined(tok: Token) -> bool:
    """Whether the trigger's clause hangs on a noun of supposition (modality.tsv ``head`` cues)."""
    heads = load_cues().hypothetical_heads
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("acl", "ccomp", "relcl") and t.head.pos_ == "NOUN":
            return t.head.lemma_.lower() in heads
        if t.dep_ not in ("conj", "xcomp", "aux", "advcl"):
            return False
        t = t.head
    return False


def recode(kind: str, event_type: str) -> Recoding | None:
    """The category an intention of this kind about an event of this type is coded as."""
    table = recodings()
    return table.get((kind, event_type)) or table.get((kind, "*"))


def is_observer(speaker: dict) -> bool:
    """Whether an unresolved speaker ("analysts", "experts", "a media report") only forecasts."""
    kinds = cue_kinds()
    words = speaker.get("text", "").lower().replace("'s", "").split()
    return any(kinds.get(w.rstrip("s")) == "observer" or kinds.get(w) == "observer" for w in words)
