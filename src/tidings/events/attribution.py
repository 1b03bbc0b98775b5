"""Whose claim an event sits in: "According to X, ..." or "X said/believes/warned that ..."."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from ..model import ActorMention
from ..quotes.lexicon import load_lexicon
from .datafiles import words
from .roles import MentionIndex, _agent_of, according_to, charging_verb

REPORTED_DEPS = {"ccomp", "parataxis"}  # the clause said or thought, below its verb
ALLEGING = words("alleging")  # "accused Russia of shelling": the shelling is the accuser's claim


@lru_cache(maxsize=1)
def cues() -> dict[str, str]:
    """Speech and cognition verbs that take a clause (lemma -> kind of claim), from the quotes
    stage's cue list (tidings/quotes/data/cues.tsv)."""
    return {lemma: cue.kind for lemma, cue in load_lexicon().cues.items()
            if len(cue.words) == 1 and "clause" in cue.takes}


def _speaker(head: Token, index: MentionIndex) -> dict | None:
    """The speaker phrase headed by ``head``: its actor if resolved, else its words ("analysts")."""
    found = index.phrase(head)
    if found:
        m = found[0]
        return {"actor_id": m.actor_id, "name": index.names.get(m.actor_id), "country": m.country, "text": m.text,
                "start": m.start, "end": m.end}
    if head.pos_ in ("NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"):  # "analysts", "some", "many"
        words = head.doc[head.left_edge.i:head.i + 1]
        return {"actor_id": None, "name": None, "country": None, "text": words.text,
                "start": words.start_char, "end": words.end_char}
    return None


@dataclass
class Speaker:
    """Whose claim an event sits in: the speaker ({actor_id, name, country, text, start, end}), the cue word
    and the speaker's actor mentions (empty for "analysts" or an unresolved name)."""

    info: dict | None = None
    cue: Token | None = None
    actors: list[ActorMention] = field(default_factory=list)


def _alleged_by(deed: Token, index: MentionIndex) -> Speaker | None:
    """The accuser whose charge names the deed ("Ukraine accused Russia of shelling the plant", "was
    accused by rights groups of torturing detainees"); None where the deed is no charge's, or the
    charge names no accuser ("Russia is accused of shelling")."""
    verb = charging_verb(deed)
    if verb is None or verb.lemma_.lower() not in ALLEGING:
        return None
    accuser = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _agent_of(verb)
    if accuser is None or accuser.pos_ == "VERB":
        return None
    return Speaker(_speaker(accuser, index), verb, index.group(accuser))


def speaker_of(trigger: Token, index: MentionIndex) -> Speaker:
    """The speaker whose claim holds the event; an empty Speaker when the article asserts it."""
    speech = cues()
    t = trigger
    for _ in range(10):
        found = according_to(t)
        if found:
            head, cue = found
            return Speaker(_speaker(head, index), cue, index.group(head))
        alleged = _alleged_by(t, index)
        if alleged is not None:
            return alleged
        if t.dep_ in REPORTED_DEPS and t.head.i != t.i and t.head.lemma_.lower() in speech:
            subject = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.pos_ == "VERB":  # "The Red Cross operating in Iraq said"
                subject = next((c for c in subject.children if c.dep_ == "nsubj"), subject)
            if subject is not None:
                return Speaker(_speaker(subject, index), t.head, index.group(subject))
        if t.head.i == t.i:
            break
        t = t.head
    return Speaker()


def attributed_to(trigger: Token, index: MentionIndex) -> tuple[dict | None, Token | None]:
    """The speaker whose claim holds the event, and the cue word (None, None when asserted by the article)."""
    found = speaker_of(trigger, index)
    return found.info, found.cue
