"""The events stage: each sentence yields zero or more PLOVER events with roles, modality, date and place."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from ..actors.homes import doc_dateline
from ..actors.kb import load_kb
from ..model import Article, Event
from ..options import Options
from ..quotes.claims import claim_at
from ..stages import stage
from .datafiles import words
from .draft import EventDraft, Scene, run, starts_inside
from . import learned
from .learned import classify, reads_relations
from .lexicon import TriggerLexicon, load_lexicon, names, telephones
from .nominal import LIGHT_VERB_DEPS, counted_by, is_light
from .participles import has_to
from .roles import MentionIndex, subordinate
from .rules import CLASSIFY_AT, RULES
from .rules_intent import DEMAND, WANT_VERBS
from .relations import relation_trigger
from .statements import statement_trigger
from .verify import verify

SPEAKER_KEYS = ("actor_id", "name", "country", "text", "start", "end")
TOLLS = words("tolls")  # verbs of the harm an attack did: its tolls told with two verbs are one attack


def _demanded(tok) -> bool:
    """"The UK said Russia must return the helicopter": a verb under must/should, which may be
    someone's request of another though the verb is no trigger of its own; so is what one actor
    wants another to do ("Trump wants Japan to pay more", with a subject of its own: rules_intent's
    ``wanted_act``)."""
    if tok.pos_ == "VERB" and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in WANT_VERBS and \
            any(c.dep_ == "nsubj" for c in tok.children) and has_to(tok):
        return True
    return (tok.pos_ == "VERB" or tok.lemma_ == "be") and \
        any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children)


# A word inside one of these named entities is part of a name, a date or a figure, never a trigger:
# "in March", "Meet the Press", "the Presidential Transitions Improvement Act", "Strike Force".
NAME_ENTITIES = {"DATE", "TIME", "PERSON", "ORG", "WORK_OF_ART", "LAW", "PRODUCT", "FAC", "MONEY", "PERCENT",
                 "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE"}


def candidate(tok, sentence, lexicon: TriggerLexicon, learned: bool = False,
              relations: bool = False) -> EventDraft | None:
    """A draft for a token that the trigger lexicon knows (or a verb under "must"; with
    ``learned``, for the event model to judge, a verb of saying, statements.py; with ``relations``
    as well, a verb by which an actor may act on another, relations.py), else None."""
    if tok.ent_type_ in NAME_ENTITIES or not any(ch.isalpha() for ch in tok.text):
        return None  # a name, date or figure; or a dash the tagger took for a verb ("WASHINGTON ― Trump ...")
    if tok.lower_ == "opposed" and any(c.dep_ == "mark" and c.lower_ == "as" and c.i == tok.i - 1
                                       for c in tok.children):
        return None  # "as opposed to": a connective, not an opposition ("as he has before, opposed" is one)
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and lexicon.match(tok.head) is not None:
        return None  # "issued an arrest warrant": the warrant is the act; "arrest" says of what kind
    trigger = lexicon.match(tok)
    if trigger is not None and trigger.mode == "phone" and trigger.words == ("call",) and not telephones(tok):
        trigger = None  # "called Biden a liar": naming, which the event model may read as a statement
    if trigger is not None and trigger.words[0] == "call" and trigger.type == "REQUEST" and names(tok):
        trigger = None  # "called Clinton's remarks on 9/11 a new low": naming; "on 9/11" asked nothing
    if trigger is None and learned:
        trigger = statement_trigger(tok) or (relation_trigger(tok, lexicon) if relations else None)
    if trigger is None:
        if not _demanded(tok):
            return None
        trigger = DEMAND
    return EventDraft(tok, sentence, trigger, trigger.type, trigger.mode, trigger.context, trigger.cameo)


def _claimant(article: Article, draft: EventDraft) -> dict | None:
    """The speaker of the innermost claim (quotes stage) holding the trigger, else the reporting
    clause read by the ``speaker`` rule; {actor_id, name, country, text, start, end}."""
    tok = draft.token
    claim = claim_at(article, tok.idx, tok.idx + len(tok.text))
    found = claim.speaker if claim is not None and claim.speaker else draft.speaker.info
    return {k: found.get(k) for k in SPEAKER_KEYS} if found else None


def to_event(draft: EventDraft, article: Article, number: int, sentence_index: int) -> Event:
    """The stored event of a finished draft: actor references become the stored dicts here."""
    tok = draft.token
    return Event(
        id=f"{article.id}-e{number:04d}", article_id=article.id, sentence_index=sentence_index,
        start=tok.idx, end=tok.idx + len(tok.text), trigger=tok.text, type=draft.type,
        mode=draft.mode, context=draft.context, cameo=draft.cameo,
        sources=[a.as_dict() for a in draft.sources], targets=[a.as_dict() for a in draft.targets],
        modality=draft.modality, modality_cue=draft.cue.text if draft.cue is not None else None,
        attributed_to=_claimant(article, draft),
        date=draft.date[0] if draft.date else None, date_precision=draft.date[1] if draft.date else None,
        location=draft.place.as_dict() if draft.place else None, confidence=draft.confidence)


def drafts(article: Article, options: Options, dropped: list | None = None) -> list[EventDraft]:
    """The finished drafts of an article, in text order, before nested events are merged; with
    ``dropped``, each dropped draft and the rule that dropped it are appended to it (for debugging)."""
    lexicon = load_lexicon(tuple(options.triggers))
    index = MentionIndex.of(article)
    kb = load_kb(tuple(options.actors))
    # places read as the actors stage read them: "Valencia" in a story from Madrid is Spain's
    dateline = doc_dateline(article.doc, kb)
    scene = Scene(article, index, kb.seen_from(dateline[0] if dateline else None), index.names, lexicon)
    # relation drafts exist only when the policy reads them: unread, they would still shape what
    # else is read (a statement governing one yields to it, learned.py)
    relations = options.event_model and reads_relations()
    settled = []
    for sent in article.doc.sents:
        for tok in sent:
            draft = candidate(tok, sent, lexicon, learned=options.event_model, relations=relations)
            if draft is not None:
                draft = run(draft, scene, RULES[:CLASSIFY_AT], dropped)
            if draft is not None:
                settled.append(draft)
    if options.event_model:  # the classify slot (rules.py): all the article's drafts in one batch
        judged = classify(settled)
        if dropped is not None:
            dropped += [(d, "classify") for d, j in zip(settled, judged) if j is None]
        settled = [j for j in judged if j is not None]
    finished = [d for d in (run(d, scene, RULES[CLASSIFY_AT:], dropped) for d in settled) if d is not None]
    if not options.event_model:
        return finished
    threshold = options.min_event_confidence
    kept = verify(finished, scene, learned.default_policy().verify_below if threshold is None else threshold)
    if dropped is not None:
        survived = {k.token.i for k in kept}
        dropped += [(d, "verify") for d in finished if d.token.i not in survived]
    return kept


@stage("events", requires=("doc", "sentences", "actor_mentions", "claims"), provides=("events",))
def events(article: Article, options: Options) -> None:
    """Code PLOVER events: trigger lexicon for candidates, then the rules of rules.py, in order; with
    the event model, the classifier in its slot and, after the last rule, the verifier (verify.py)."""
    starts = [s.start for s in article.sentences]
    out = [to_event(d, article, i, max(bisect_right(starts, d.token.idx) - 1, 0))
           for i, d in enumerate(drafts(article, options))]
    article.events = _merge_nested(out, article)


def _same_actors(a: list[dict], b: list[dict]) -> bool:
    """Whether two events' sides name the same actors (or, unresolved, the same words)."""
    return {x.get("actor_id") or x.get("text") for x in a} == {x.get("actor_id") or x.get("text") for x in b}


def _acts_on_its_object(token: Token, event: Event) -> bool:
    """Whether the event's targets are named in its verb's object ("comparing Carson to ...")."""
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return obj is not None and bool(event.targets) and all(starts_inside(t.get("start"), [obj]) for t in event.targets)


def _separate_acts(token: Token, governor: Token, dep: str) -> bool:
    """Two conjoined verbs each with an object of its own are two acts ("has suspended foreign
    broadcasters and expelled French troops"); one act told with two verbs shares its object ("shot
    and wounded President Reagan"), and the tolls of one attack are that attack ("a roadside bombing
    killed one soldier and wounded two others")."""
    return dep == "conj" and all(any(c.dep_ == "dobj" for c in t.children) for t in (token, governor)) \
        and not all(t.lemma_.lower() in TOLLS for t in (token, governor))


def _merge_nested(events: list[Event], article: Article) -> list[Event]:
    """One event where a verb and the noun it governs name the same thing ("held ... meeting", "killed
    by a suicide bomber")."""
    doc = article.doc
    by_start = {e.start: e for e in events}
    drop = set()
    for e in events:
        token = doc.char_span(e.start, e.end, alignment_mode="expand")[0]
        counted = counted_by(token)  # "held a new round of talks": the talks hang on the verb through "round"
        governor, dep = counted.head, counted.dep_
        if dep == "pobj" and governor.dep_ == "agent":
            governor, dep = governor.head, "agent"  # "killed by a suicide bomber": the doer of the verb's act
        elif dep == "pobj" and governor.lower_ == "in" and governor.dep_ == "prep" and governor.head.pos_ == "VERB":
            # "were killed in an Israeli air strike": the strike kills; "arrested 20 Palestinians in
            # raids": the raids are the arrests (merged only where both have one type)
            governor, dep = governor.head, "in"
        head = by_start.get(governor.idx)
        if head is None and dep == "advcl" and is_light(governor):
            # "unleashed a harsh attack on Carson, comparing him to ...": the participle tells the act
            # that the light verb's object names, on the same party ("carried out raids, arresting
            # the ringleaders": the arrests are acts of their own)
            obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
            named = by_start.get(obj.idx) if obj is not None else None
            if named is not None and _acts_on_its_object(token, e) and _same_actors(named.targets, e.targets):
                head = named
        above = by_start.get(governor.head.idx) if head is None and governor.dep_ == "xcomp" else None
        if above is not None and dep in ("dobj", "xcomp") and above.type == e.type \
                and _same_actors(above.sources, e.sources):
            # "agreed to expand cooperation", "agree to keep talking": the act promised is the
            # agreement itself (the verb between them, "expand" or "keep", no event)
            governor, head = governor.head, above
        # a clause of its own is another act: "accused Israel of violating the truce after Israeli
        # troops opened fire" (the firing stays beside the alleged violation)
        if head is not None and head is not e and governor.i != token.i and not subordinate(token) \
                and not _separate_acts(token, governor, dep) and (
                head.type == e.type or (is_light(governor) and dep in LIGHT_VERB_DEPS)):
            drop.add(e.id)  # the verb's entry matched with this very object: it is the more specific
            # a place standing in for the verb's unnamed doer ("wounded in a Taliban attack in Helmand")
            stand_in = all(a.get("actor_id") is None for a in head.sources)
            if (not head.sources or (dep == "in" and stand_in)) and e.sources and (token.dep_ == "nsubj" or dep == "in"):
                head.sources = e.sources  # "the attack carried out by Hamas killed ...": the attacker kills
                starts = {a.get("start") for a in e.sources}
                head.targets = [t for t in head.targets if t.get("start") not in starts]
                if dep == "in":  # the noun named the doer, and its confidence was read with it
                    head.confidence = max(head.confidence, e.confidence)
                    head.targets = head.targets or e.targets
            if dep in ("nsubj", "agent", "in") and head.type == e.type and len(e.cameo or "") > len(head.cameo or ""):
                head.mode, head.cameo = e.mode, e.cameo  # "a suicide bomber killed": a suicide bombing (1831)
    kept = [e for e in events if e.id not in drop]
    for i, e in enumerate(kept):
        e.id = f"{article.id}-e{i:04d}"
    return kept
