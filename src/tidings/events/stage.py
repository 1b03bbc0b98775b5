"""The events stage: each sentence yields zero or more PLOVER events with roles, modality, date and place."""

from __future__ import annotations

from bisect import bisect_right

from ..actors.kb import load_kb
from ..model import ActorMention, Article, Event
from ..options import Options
from ..quotes.claims import claim_at
from ..stages import stage
from .attribution import Speaker, cues, speaker_of
from .intent import intent_kind, is_observer, recode
from .lexicon import Trigger, load_lexicon
from .modality import ASSERTED, classify_token
from .roles import LIGHT_VERB_DEPS, MentionIndex, Roles, is_light, noun_roles, verb_roles
from .when import event_date
from .where import Place, event_location


def _actor(m: ActorMention, names: dict[str, str]) -> dict:
    return {"actor_id": m.actor_id, "name": names.get(m.actor_id), "country": m.country,
            "sectors": list(m.sectors), "text": m.text, "start": m.start, "end": m.end}


HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION"}  # "the blockade of Serbia": Serbia suffers it
# violence and coercion whose unnamed perpetrator is coded by where it acted: "was arrested in
# Lebanon", "a bombing near Samarra killed ..." (as the PLOVER gold standard and location-based
# datasets code them)
LOCATED_TYPES = {"ASSAULT", "COERCE"}
# what a speaker says another actor "must" do, when the verb is no trigger of its own
DEMAND = Trigger(("must",), "VERB", frozenset(), "REQUEST", None, None, "100", False)


def _located(place: Place) -> dict:
    """An unnamed actor of the place where the event happened: a country, no actor id."""
    return {"actor_id": None, "name": None, "country": place.country, "sectors": [], "text": place.text or place.name,
            "start": place.start, "end": place.end}


def _guessed(speaker: Speaker) -> bool:
    """Whether the claim is a belief or a fear ("some fear that ...") rather than a statement."""
    return speaker.cue is not None and cues().get(speaker.cue.lemma_.lower()) in ("assessment", "prediction")


def _same_side(speaker: Speaker, actors: list[ActorMention]) -> bool:
    """Whether the speaker is one of the actors (or of their country): a statement of its own intent.
    An unnamed speaker ("a statement said", "officials said") counts as the actors' own, unless it is
    an observer ("analysts say")."""
    if speaker.info is None:
        return True  # the article reports the intention itself
    if not speaker.actors:
        # "officials said X will ..." speaks for X; "some fear that X will ..." only guesses
        return not is_observer(speaker.info) and not _guessed(speaker)
    ids = {a.actor_id for a in actors if a.actor_id}
    countries = {a.country for a in actors if a.country}
    return any(s.actor_id in ids or (s.country and s.country in countries) for s in speaker.actors)


def _demanded(tok, index: MentionIndex) -> tuple[Trigger, Roles] | None:
    """"The UK said Russia must return the helicopter": a verb under must/should in someone's claim."""
    if not (tok.pos_ == "VERB" or tok.lemma_ == "be") or \
            not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children):
        return None
    return DEMAND, verb_roles(tok, index)


def _occurs(tok) -> bool:
    """Whether a trigger with no known source still reports an occurrence: a verb ("three soldiers
    were killed"), or a noun that is a subject or a setting ("the bombing killed", "killed in a
    bombing"), not a noun that some other verb talks about ("dismissing negotiations with the US")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return True
    return tok.dep_ in ("nsubj", "nsubjpass", "ROOT") or (
        tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "after", "by"))


SPEAKER_KEYS = ("actor_id", "name", "country", "text", "start", "end")


def _claimant(article: Article, tok, speaker: Speaker) -> dict | None:
    """The speaker of the innermost claim (quotes stage) holding the trigger, else the reporting
    clause read here; {actor_id, name, country, text, start, end}."""
    claim = claim_at(article, tok.idx, tok.idx + len(tok.text))
    found = claim.speaker if claim is not None and claim.speaker else speaker.info
    return {k: found.get(k) for k in SPEAKER_KEYS} if found else None


@stage("events", requires=("doc", "sentences", "actor_mentions", "claims"), provides=("events",))
def events(article: Article, options: Options) -> None:
    """Code PLOVER events: trigger lexicon plus the dependency parse for roles and modality."""
    lexicon = load_lexicon(tuple(options.triggers))
    kb = load_kb(tuple(options.actors))
    names = {a.id: a.name for a in article.actors}
    index = MentionIndex(article.doc, article.actor_mentions, names)
    starts = [s.start for s in article.sentences]
    out: list[Event] = []
    for sent in article.doc.sents:
        for tok in sent:
            trigger = lexicon.match(tok)
            if trigger is not None:
                roles = noun_roles(tok, index, trigger.type in HOSTILE_TYPES) if tok.pos_ in ("NOUN", "PROPN") \
                    else verb_roles(tok, index)
            else:
                found = _demanded(tok, index)
                if found is None:
                    continue
                trigger, roles = found
            sources, targets = roles.sources, roles.targets
            meeting = trigger.type == "CONSULT" and trigger.mode != "visit"
            place = event_location(tok, sent, kb) if meeting else None
            if place is not None and place.start is not None:
                # "the Council met in New York": where a meeting is held is no party to it (where a
                # visit goes is: "arrived in Seoul")
                targets = [t for t in targets if not t.start <= place.start < t.end]
            if trigger.cameo.startswith("043"):  # "Seoul hosted Blinken": the visitor acts, the host receives
                sources, targets = targets, sources
            if trigger.reciprocal and trigger.type == "CONSULT" and sources and targets:
                # "X held talks with Y": no host and no visitor, so PLOVER codes every participant
                # as actor; listing them on both sides keeps each dyad for CAMEO users
                sources = targets = sources + [t for t in targets if t not in sources]
            elif trigger.reciprocal and len(sources) > 1 and not targets:
                targets = list(sources)  # "Trump and Kim held talks": each with the other
            modality, cue = classify_token(tok)
            speaker = speaker_of(tok, index)
            type_, mode, cameo = trigger.type, trigger.mode, trigger.cameo
            kind = intent_kind(tok, modality, cue)
            if kind == "demand" and speaker.actors and sources and not _same_side(speaker, sources):
                sources, targets = speaker.actors, sources  # the speaker asks it of the clause's subject
            elif kind in ("commit", "threat", "refuse") and sources and (_same_side(speaker, sources) or (
                    recode(kind, type_) is not None and recode(kind, type_).type == "AGREE"
                    and _same_side(speaker, targets))):
                pass  # a promise, threat or refusal of the actor's own; a host may announce a visit
            else:
                kind = None
            recoded = recode(kind, type_) if kind else None
            if recoded is not None:
                type_, mode, cameo, modality = recoded.type, recoded.mode, recoded.cameo, ASSERTED
            elif trigger is DEMAND:
                continue  # "must" outside anyone's claim, or said of the speaker itself: no request
            if not sources and (not targets or not _occurs(tok)):
                continue  # precision first: an event without a known actor is not coded
            when = event_date(tok, sent, article.published)
            if not meeting:  # located only now that the event is kept
                place = event_location(tok, sent, kb)
            confidence = 0.5 + 0.2 * bool(sources) + 0.2 * bool(targets) + 0.1 * (len(trigger.words) > 1 or bool(trigger.objects))
            source_dicts = [_actor(m, names) for m in sources]
            if not sources and place is not None and place.country and type_ in LOCATED_TYPES:
                source_dicts = [_located(place)]
            out.append(Event(
                id=f"{article.id}-e{len(out):04d}", article_id=article.id,
                sentence_index=max(bisect_right(starts, tok.idx) - 1, 0),
                start=tok.idx, end=tok.idx + len(tok.text), trigger=tok.text, type=type_,
                mode=mode, context=trigger.context, cameo=cameo,
                sources=source_dicts, targets=[_actor(m, names) for m in targets],
                modality=modality, modality_cue=cue.text if cue is not None else None,
                attributed_to=_claimant(article, tok, speaker),
                date=when[0] if when else None, date_precision=when[1] if when else None,
                location=place.as_dict() if place else None, confidence=round(confidence, 2)))
    article.events = _merge_nested(out, article)


def _merge_nested(events: list[Event], article: Article) -> list[Event]:
    """One event where a verb and the noun it governs name the same thing ("held ... meeting")."""
    doc = article.doc
    by_start = {e.start: e for e in events}
    drop = set()
    for e in events:
        token = doc.char_span(e.start, e.end, alignment_mode="expand")[0]
        head = by_start.get(token.head.idx)
        if head is not None and head is not e and token.head.i != token.i and (
                head.type == e.type or (is_light(token.head) and token.dep_ in LIGHT_VERB_DEPS)):
            drop.add(e.id)  # the verb's entry matched with this very object: it is the more specific
    kept = [e for e in events if e.id not in drop]
    for i, e in enumerate(kept):
        e.id = f"{article.id}-e{i:04d}"
    return kept
