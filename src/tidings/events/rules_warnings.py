"""Rules that settle when a warning is a threat (see rules.py for their order).

CAMEO counts a warning as a threat (13) only when it is coercive: it says what the warner would
do, or what the warned would suffer. A warning of a danger ("warned of intrusions into election
systems", "warned that he was a threat") forecasts, and threatens nobody.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from ..model import ActorMention
from .datafiles import word_kinds, words
from .draft import EventDraft, Scene
from .roles import MentionIndex

POSSIBLE = {"could", "might", "may", "can"}
WARNED_MODALS = POSSIBLE | {"will", "would", "shall"}
UNDERGOING = words("undergoing")
WARNINGS = {"warn", "warning"}
CONDITIONS = {"if", "unless"}
NOT_CONDITIONS = {"even", "as", "only"}  # "even if ...", "as if ...": no condition the threat is made on
TOLD_PREPS = {"of", "about", "against", "over"}  # what a warning is of: "warned of a response"


def warning_of_another(draft: EventDraft, scene: Scene) -> EventDraft | None:
    """"The UN nuclear watchdog warned that Iran could produce enough uranium for a bomb.": a
    warning of what another actor could do forecasts its deed; the one who warns threatens nothing
    of its own, so it is no THREATEN. Nor is a warning of what a thing could do ("warned that the
    arrest could undermine the vote")."""
    if not _warning(draft):
        return draft
    own, index = draft.source_sides, scene.index_for(draft)
    for subject, actors in _warned_subjects(draft, scene, POSSIBLE, ("nsubj", "nsubjpass")):
        if _suffers(subject):
            continue  # "warned that Iran could face military action": what Iran would suffer, a threat
        if actors and not any(_of_side(m, own) for m in actors):
            return None
        if subject.pos_ == "NOUN" and not any(index.at(t.i) for t in subject.subtree):
            return None  # a thing, no actor of any side
    return draft


def own_warning(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Iran's foreign ministry spokesman rejected the criticism and warned that Tehran would respond
    firmly to any resolution against it.": a warning that the warner's own side will act is its
    threat, whatever else the sentence tells (read with "rejected the criticism", the classifier took
    it for an accusation): its intention is set, which the classifier does not re-type."""
    if not _warning(draft):
        return draft
    own = draft.source_sides
    for subject, actors in _warned_subjects(draft, scene, WARNED_MODALS, ("nsubj",)):
        if actors and all(_of_side(m, own) for m in actors):
            # the warner named again ("it") is no target of its warning
            sources = {r.actor_id for r in draft.sources}
            targets = tuple(r for r in draft.targets if r.actor_id not in sources) or \
                scene.refs(_acted_on(subject.head, subject, own, scene.index_for(draft)))
            return replace(draft, intent="threat", targets=targets)
    return draft


AIMED_PREPS = {"against", "on", "upon", "at", "to"}  # "take action against Seoul", "strike back at"


def _acted_on(clause: Token, subject: Token, own: set[str], index: MentionIndex) -> list[ActorMention]:
    """Whom the warned clause's deed is done to, for a warning with no target of its own ("Pyongyang
    warned it would take action against Seoul"): the actors of its objects and of the phrases aiming
    it, none of the warner's side."""
    out: list[ActorMention] = []
    inside = {t.i for t in subject.subtree}
    for t in clause.subtree:
        if t.i in inside or not (t.dep_ == "dobj" or (t.dep_ == "pobj" and t.head.lower_ in AIMED_PREPS)):
            continue
        out += [m for m in index.group(t) if not _of_side(m, own) and m not in out]
    return out


def warning_without_threat(draft: EventDraft, scene: Scene) -> EventDraft | None:
    """"Donald Trump has warned us about those Mexican rapists.": a warning that tells something is
    a threat only when it is made on a condition ("warned of a reaction if Biden does not ..."), names
    a deed done to the warned ("warned of resolute countermeasures", "warned that the allies would
    pay dearly"), tells what the warner's own side will do ("warned it would resist"), or is
    addressed to a party, against a deed or not to do it ("warned Japan not to interfere"). Any
    other ("warned that he was a threat", "warnings of intrusions into election systems") tells of a
    danger: no event. A bare warning ("Iran warned Israel", "issued a stern warning") stays a threat."""
    tok = draft.token
    if draft.type != "THREATEN" or tok.lemma_.lower() not in WARNINGS or draft.intent or draft.trigger.objects:
        return draft
    told = _told(tok)
    if not told:
        return draft
    if _on_condition(tok, told) or _names_threatened(tok, told) or _addressed(tok, told, scene):
        return draft
    own = draft.source_sides
    for subject, actors in _warned_subjects(draft, scene, None, ("nsubj", "nsubjpass")):
        if _suffers(subject) or (actors and all(_of_side(m, own) for m in actors)):
            return draft
    return None


def _warning(draft: EventDraft) -> bool:
    """A threat read from "warn", with a source, whose intention no rule has read yet."""
    return draft.type == "THREATEN" and draft.token.lemma_.lower() == "warn" and not draft.intent \
        and bool(draft.sources)


def _of_side(mention: ActorMention, own: set[str]) -> bool:
    """Whether an actor mention is on the side of the warning's source (its actor or its state)."""
    return mention.actor_id in own or mention.country in own


def _suffers(subject: Token) -> bool:
    """Whether a warned clause's subject undergoes what it tells ("could be attacked", "would face")."""
    return subject.dep_ == "nsubjpass" or subject.head.lemma_.lower() in UNDERGOING


def _warned_subjects(draft: EventDraft, scene: Scene, modals: set[str] | None,
                     deps: tuple[str, ...]) -> Iterator:
    """(subject, its actors) of each clause the warning tells with one of the modals (any clause, for
    None): its complement, or the clause it follows ("Iran could enrich uranium within weeks, IAEA
    chief warns")."""
    warn, index = draft.token, scene.index_for(draft)
    clauses = [c for c in warn.children if c.dep_ in ("ccomp", "parataxis", "acl")]
    if warn.dep_ in ("ccomp", "parataxis", "conj") and warn.head.i < warn.i:
        clauses.append(warn.head)
    for clause in clauses:
        if modals is None or any(a.dep_ == "aux" and a.lower_ in modals for a in clause.children):
            subjects = [s for s in clause.children if s.dep_ in deps]
            if not subjects and "nsubj" in deps:
                # "warned North Korea could test another missile": the parser took the clause's
                # subject, right before it, for the warning's object
                subjects = [c for c in warn.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i]
            for subject in subjects:
                yield subject, index.group(subject)


def _told(warn: Token) -> list[Token]:
    """The words saying what is warned of: the clause or phrase the warning governs, or the clause
    it follows."""
    told = [c for c in warn.children if c.dep_ in ("ccomp", "xcomp", "parataxis", "acl", "advcl")
            or (c.dep_ == "prep" and c.lower_ in TOLD_PREPS)]
    if warn.dep_ in ("ccomp", "parataxis") and warn.head.i < warn.i:
        told.append(warn.head)
    return told


def _words(warn: Token, told: list[Token]) -> Iterator[Token]:
    """Every word of what is told, without the warning's own phrase (for a clause it follows)."""
    inside = {t.i for t in warn.subtree}
    for head in told:
        for t in head.subtree:
            if head.i not in inside and t.i in inside:
                continue
            yield t


def _on_condition(warn: Token, told: list[Token]) -> bool:
    return any(t.dep_ == "mark" and t.lower_ in CONDITIONS and not (t.i > 0 and t.nbor(-1).lower_ in NOT_CONDITIONS)
               for t in _words(warn, told))


def _names_threatened(warn: Token, told: list[Token]) -> bool:
    threatened = word_kinds("threats.tsv")["threatened"]
    # "resist forced layoffs": an adjective names no deed done
    return any(t.lemma_.lower() in threatened and t.dep_ != "amod" for t in _words(warn, told))


def _addressed(warn: Token, told: list[Token], scene: Scene) -> bool:
    """A party warned against a deed or not to do it: "warned Russia against further aggression",
    "warned Japan not to interfere"; a warning "to" a party ("a warning to Israel")."""
    index = scene.index
    if warn.pos_ == "NOUN":
        return any(c.dep_ == "prep" and c.lower_ == "to" and any(index.group(g) for g in c.children if g.dep_ == "pobj")
                   for c in warn.children)
    party = [c for c in warn.children if c.dep_ in ("dobj", "dative") and index.group(c)]
    directive = any(t.dep_ == "xcomp" or (t.dep_ == "prep" and t.lower_ == "against") for t in told)
    return bool(party) and directive
