"""Rules that settle who acts and who is acted on (see rules.py for their order).

Each rule takes a draft and the article's scene and returns the draft, a changed copy, or None.
The sentence in a rule's docstring is its example, and the input of its test in tests/events/.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..actors.descriptions import STATE_BODIES
from ..actors.mentions import PHRASE_DEPS, acts_for_owner, head_of, once_each
from ..model import ActorMention
from ..nlp.headlines import is_headline, on_own_line
from ..nlp.layout import title_case
from .datafiles import words
from .draft import ActorRef, EventDraft, Scene
from .lexicon import telephones
from .modality import ASSERTED, HYPOTHETICAL
from .nominal import light_verb, noun_roles
from .participles import consequence, has_to, warned_against
from .roles import (ASKING, CLAIMING, OBJECT_CONTROL, PLACE_PREPS, MentionIndex, _agent_of, _prep_objects, _subject_of,
                    charging, charging_verb, responsibility_claimed, verb_roles)
from .statements import STATEMENT
from .where import call_origin, event_location

# dealings whose "in <city>" is only where they were settled ("signed the agreement in Paris"); a
# meeting's or visit's city is its host, and the city of an attack or arrest is, by the PLOVER
# gold standard's convention, the country acted on
SETTLED_TYPES = {"AGREE", "SUPPORT", "COOPERATE", "AID"}
TRIPS = words("trips")  # nouns whose compounded state is their destination
HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION"}  # "the blockade of Serbia": Serbia suffers it
# nouns of other types whose "of X" is who or what it is done to, as for hostile ones: "the release
# of the sailors", "the extradition of Assange", "criticisms of Sanders", "his endorsement of Cruz"
# (not "the withdrawal of troops": they withdraw; nor "the support of the UN": it supports)
PATIENT_NOUNS = words("patient_nouns")
TOPIC_VERBS = words("topic_verbs")
# nouns of harm or legal action whose possessing or compounded *person* suffers it, where no "of X"
# names the sufferer: "Kennedy's assassination", "Tsege's arrest", "the McDonald shooting", "his
# indictment" (a state or body possessing them acts: "Ethiopia's arrest of Tsege"); and nouns of
# protest whose compounded person is what is protested ("the Hammond protest")
SUFFERED_BY_OWNER = words("suffered_by_owner")
PROTESTED_BY_COMPOUND = words("protested_by_compound")
HARMED_BY_COMPOUND = words("harmed_by_compound")
VICTIM_SECTORS = {"CVL", "REF", "EDU", "LAB", "MED", "HLH"}  # ordinary people, who suffer a harm named with them
# nouns whose "from X" is what is left, not who acts: "withdrawal from Iraq", "release from prison"
LEFT_FROM = {"RETREAT", "CONCEDE"}
# verbs of starting, going on and stopping, through which an asked act passes ("urged X to stop arming Y")
ASPECTUAL = words("aspectual")

# "called on Israel to halt", "appealed to Iran to free", "pleaded with Moscow to stop"
ASKING_PREPS = {"call": {"on", "upon"}, "appeal": {"to"}, "plead": {"with"}, "turn": {"to"}}


def meeting_place(draft: EventDraft, scene: Scene) -> EventDraft:
    """"North Korea held talks with the United States on Friday in Geneva.": where a meeting is held
    is found before its participants, so that Geneva is the place and cannot be taken for the
    party the talks are held with (a visit's destination is its host: see ``place``); so is where a
    telephone call was made from ("speaking by phone from Nice")."""
    if not draft.meeting:
        return draft
    place = event_location(draft.token, draft.sentence, scene.kb)
    if place is None and draft.trigger.mode == "phone":
        place = call_origin(draft.token, scene.kb)
    if place is None and draft.trigger.objects:
        # "held talks in Geneva": the parser hangs the place on the talks, the object of the trigger
        objects = [c for c in draft.token.children if c.dep_ == "dobj"]
        place = next((p for c in objects for p in [event_location(c, draft.sentence, scene.kb)] if p), None)
    return replace(draft, place=place) if place is not None else draft


def roles(draft: EventDraft, scene: Scene) -> EventDraft:
    """"China demanded that the United States cancel the arms sale to Taiwan.": CHN is the source,
    USA the target. Subjects, objects, passives, possessors and light verbs, read off the parse
    (roles.py), with a meeting's place hidden; a city a deal was made in is no party to it, and a
    state compounded into a visit ("the Malaysia visit") is where it goes."""
    index = scene.index_for(draft)
    tok = draft.token
    hostile = draft.trigger.type in HOSTILE_TYPES or tok.lemma_.lower() in PATIENT_NOUNS
    found = noun_roles(tok, index, hostile, draft.trigger.type not in LEFT_FROM) \
        if draft.nominal else verb_roles(tok, index)
    sources = list(found.sources)
    targets = [m for m in found.targets if not (draft.trigger.type in SETTLED_TYPES and _setting(m, tok.doc))]
    if draft.nominal and tok.lemma_.lower() in TRIPS:
        hosts = [m for m in sources if _compound_state(m, tok)]
        sources, targets = [m for m in sources if m not in hosts], hosts + targets
    if draft.nominal:
        sufferers = [m for m in sources if _suffers(m, tok, scene)]
        sources, targets = [m for m in sources if m not in sufferers], sufferers + targets
    if not sources and not targets:
        return draft
    return replace(draft, sources=scene.refs(sources), targets=scene.refs(targets))


def _compound_state(mention: ActorMention, trip: Token) -> bool:
    """"The Malaysia visit", "his Beijing trip": a state or its capital compounded into a trip is
    where it goes, not who goes ("the Obama visit" keeps its visitor)."""
    if mention.actor_id is None or mention.actor_id != mention.country:
        return False
    return _joined(mention, trip, {"compound"})


def _suffers(mention: ActorMention, noun: Token, scene: Scene) -> bool:
    """"President John F. Kennedy's assassination", "the Hammond protest": the person possessing or
    compounded into the noun is who it is done to (``SUFFERED_BY_OWNER``, ``PROTESTED_BY_COMPOUND``);
    so are ordinary people named by a noun compounded into a harm ("voter intimidation", "journalist
    arrests")."""
    lemma = noun.lemma_.lower()
    if lemma in SUFFERED_BY_OWNER | HARMED_BY_COMPOUND and mention.sectors[:1] and \
            mention.sectors[0] in VICTIM_SECTORS and any(
                c.dep_ == "compound" and c.pos_ == "NOUN" and mention.start <= c.idx < mention.end
                for c in noun.children if c.i < noun.i):
        return True
    deps = {"poss", "compound"} if lemma in SUFFERED_BY_OWNER else {"compound"} if lemma in PROTESTED_BY_COMPOUND \
        else set()
    if not deps or scene.actor_types.get(mention.actor_id or "") != "person" or _prep_objects(noun, {"of"}):
        return False
    return _joined(mention, noun, deps)


def _joined(mention: ActorMention, noun: Token, deps: set[str]) -> bool:
    """Whether a word hung on the noun before it by one of ``deps`` lies inside the mention ("the
    North Korea visit": "Korea" is the compound, inside "North Korea")."""
    return any(c.dep_ in deps and mention.start <= c.idx < mention.end for c in noun.children if c.i < noun.i)


def _setting(mention: ActorMention, doc: Doc) -> bool:
    """"China Eastern signed the agreement in Paris": a town or city after "in" is where the deal
    was made (the ``place`` rule), not a party to it; a state named after "in" may still be one."""
    if mention.method not in ("place", "metonym"):
        return False
    head = head_of(doc, mention)
    return head is not None and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS


def _described(head: Token, index: MentionIndex) -> list[ActorMention]:
    """The mentions in the phrase of ``head`` that describe an actor by its role (a sector, as
    "police" or "prosecutors" have) even where the actor stage could not say whose it is."""
    found, stack, seen = [], [head], set()
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        found += [m for m in index.at(tok.i) if (m.sectors or m.actor_id or m.country) and m not in found]
        # not the owner of "Putin's critics": they act against him (actors/data/acting_for.tsv)
        stack.extend(c for c in tok.children
                     if c.dep_ in PHRASE_DEPS and not (c.dep_ == "poss" and acts_for_owner(tok)))
    return sorted(found, key=lambda m: m.start)


def named_agent(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Paul Manafort was besieged by police on Tuesday.": the police are the source, though the text
    does not say whose police they are; so are "prosecutors" in "Prosecutors charged Paul Manafort
    with fraud" and "a federal grand jury" that indicted him. Only actors described by their role
    count ("killed by an explosive device" names no actor), only for a verb with a known target,
    and never in place of a source the parse found."""
    if draft.sources or draft.nominal or not any(t.known for t in draft.targets):
        return draft
    subject, passive = _subject_of(draft.token)
    head = _agent_of(draft.token) if passive else subject
    if head is None or head.pos_ == "PRON":
        return draft
    found = [m for m in _described(head, scene.index) if m.sectors and not any(t.start == m.start for t in draft.targets)]
    return replace(draft, sources=scene.refs(found, "agent")) if found else draft


PEOPLES_OWN_ACTS = {"PROTEST"}  # what a state's people do as people


def people_as_state(draft: EventDraft, scene: Scene) -> EventDraft:
    """"The Russians accused NATO of provocations.": a state's people named with "the" ("the
    Russians", "the Saudis", "the Chinese") acting as one, in anything but a protest, is the state
    (as the PLOVER gold standard codes it), not its civilians; "Russians protested in Moscow" and
    "thousands of Russians" stay its people."""
    if draft.type in PEOPLES_OWN_ACTS or not draft.sources:
        return draft
    doc = draft.token.doc
    changed = []
    for ref in draft.sources:
        span = doc.char_span(ref.start, ref.end) if ref.start is not None and ref.end is not None else None
        if ref.country and ref.actor_id == f"{ref.country}-CVL" and span is not None and len(span) == 1 \
                and span.start > 0 and span[0].tag_ in ("NNPS", "NNP") \
                and doc[span.start - 1].lower_ == "the" and doc[span.start - 1].dep_ == "det":
            state = scene.kb.country_actor(ref.country)
            ref = replace(ref, actor_id=state.id, name=state.name, sectors=())
        changed.append(ref)
    changed = tuple(changed)
    return draft if changed == draft.sources else replace(draft, sources=changed)


def crowd_before_its_verb(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Hundreds of residents protested outside Bristol City Hall on Wednesday evening.": in a
    sentence with no finite verb of its own the small parser hangs a crowd's protest on the crowd
    as a reduced clause ("residents [who were] protested"), and the roles read the crowd as its
    target; a protest is done by those it follows, so they are its source."""
    verb = draft.token
    if draft.nominal or draft.type != "PROTEST" or draft.sources or verb.dep_ != "acl" or \
            verb.head.pos_ not in ("NOUN", "PROPN") or verb.sent.root.pos_ in ("VERB", "AUX") or \
            any(c.dep_ in ("agent", "nsubj", "nsubjpass", "dobj") for c in verb.children):
        return draft
    crowd = scene.index.group(verb.head)
    if not crowd:
        return draft
    starts = {m.start for m in crowd}
    return replace(draft, sources=scene.refs(crowd), targets=tuple(t for t in draft.targets if t.start not in starts))


PENALTIES = words("penalties")  # verbs of punishing told with what the penalty is: "sentenced to"


def headline_passive(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Hillary Clinton Accused Of Shocking Act With Bible In Fit Of Rage.": a headline's charging
    verb with its preposition but no object ("accused of", "blamed for", "charged with", "sentenced
    to") is a passive with its "was" left out, which the parser reads as active: the subject is
    charged, by no one the text names."""
    verb = draft.token
    preps = charging().get(verb.lemma_.lower())
    if preps and verb.lemma_.lower() in PENALTIES:
        preps = (*preps, "to")  # "Former Peruvian president sentenced to 20 years": the penalty's "to"
    if draft.nominal or not preps or verb.tag_ not in ("VBD", "VBN") or not draft.sources:
        return draft
    if not _headline(verb.sent):
        return draft  # "Pruitt also criticized Tolliver for refusing ...", its object misparsed, is prose
    deps = {c.dep_ for c in verb.children}
    if verb.tag_ == "VBN" and "aux" in deps:
        return draft  # "has sentenced": active; a bare participle with a subject is the headline's
    if not deps.isdisjoint({"dobj", "dative", "nsubjpass", "auxpass", "ccomp"}) or "nsubj" not in deps or \
            not any(c.dep_ == "prep" and c.lower_ in preps for c in verb.children):
        return draft
    return replace(draft, sources=(), targets=draft.sources + tuple(t for t in draft.targets if t not in draft.sources))


HEADLINE_WORDS = 12  # at most, for a line with a full stop and in sentence case to read as a headline


def _headline(sent: Span) -> bool:
    """Whether a sentence reads as a headline: a line of its own, and without a full stop
    (``nlp.headlines``), in title case, or short ("Russia blamed for downing of airliner.")."""
    return on_own_line(sent) and (is_headline(sent) or title_case(sent)
                                  or sum(t.is_alpha for t in sent) <= HEADLINE_WORDS)


# acts of moving forces, told in the passive with the forces as subject: "troops were deployed /
# sent / withdrawn"; where they went (or left) is the other party
FORCE_TYPES = {"MOBILIZE", "AID", "RETREAT"}
FORCE_SECTORS = {"MIL", "REB"}


def deployed_forces(draft: EventDraft, scene: Scene) -> EventDraft:
    """"North Korean troops have been deployed to Russia's Kursk region.": forces moved in the
    passive, with no one named as moving them, are their own side's act, and where they were sent
    is the target (not the forces themselves, as a passive subject would be)."""
    tok = draft.token
    if draft.nominal or draft.sources or draft.type not in FORCE_TYPES or _agent_of(tok) is not None:
        return draft
    moved = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if moved is None:
        return draft
    edge = (moved.left_edge.idx, moved.right_edge.idx + len(moved.right_edge.text))
    forces = tuple(t for t in draft.targets if t.start is not None and edge[0] <= t.start < edge[1]
                   and FORCE_SECTORS & set(t.sectors))
    if not forces:
        return draft
    index = scene.index_for(draft)
    moved_at = {f.start for f in forces}
    places = [m for obj in _prep_objects(tok, {"to", "into", "from", "in"}) for m in index.group(obj)]
    return replace(draft, sources=forces, targets=scene.refs(m for m in places if m.start not in moved_at))


def host_visit(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Russian President Boris Yeltsin hosted Japanese Prime Minister Ryutaro Hashimoto on
    Saturday.": the visitor (JPN) acts and the host (RUS) receives, as PLOVER codes a visit; the
    CAMEO code follows the roles: 042 (make a visit), since 043 (host a visit) has the host as its
    source, and GDELT users read the code with the dyad."""
    if not draft.cameo.startswith("043"):
        return draft
    return replace(draft, sources=draft.targets, targets=draft.sources, cameo="042")


def received_aid(draft: EventDraft, scene: Scene) -> EventDraft:
    """"The coalition received financial support from the U.S. military.": aid received is the
    giver's act, named after "from" (the verb's or its object's), towards the one who received it,
    whom the parse read as the source. With no giver named, no one is the source."""
    tok = draft.token
    if draft.type != "AID" or tok.lemma_.lower() != "receive" or tok.pos_ != "VERB":
        return draft
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    givers = [m for h in heads for o in _prep_objects(h, {"from"}) for m in _described(o, scene.index)]
    recipients = draft.sources + tuple(t for t in draft.targets if t.start not in {m.start for m in givers})
    return replace(draft, sources=scene.refs(givers, "parse"), targets=tuple(once_each(recipients)))


def claimed_deed(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Hezbollah claimed responsibility for firing two mortar rounds at an Israeli army position.":
    the deed someone claims (or takes, accepts, admits) responsibility for is theirs."""
    verb = responsibility_claimed(draft.token) if not draft.sources else None
    if verb is None:
        return draft
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    found = scene.index.group(subject) if subject is not None else []
    targets = tuple(t for t in draft.targets if t.start not in {m.start for m in found})
    return replace(draft, sources=scene.refs(found), targets=targets) if found else draft


CLAIM_REACH = 2  # sentences after the act in which a claim of responsibility is looked for


def claimed_later(draft: EventDraft, scene: Scene) -> EventDraft:
    """"A suicide bomber killed 12 people at a market in Mogadishu. Al-Shabaab claimed
    responsibility.": an attack by no one the text names (a bomber, gunmen, or no one) is the deed of
    the group that claims responsibility for it, or for an attack, in the same or the next two
    sentences; not one by a state's forces, and not where no one claimed it ("No group has claimed
    responsibility")."""
    if draft.type != "ASSAULT" or any(not _unnamed(ref, scene) for ref in draft.sources):
        return draft
    sent = draft.sentence
    doc = sent.doc
    sents = [s for s in doc.sents if s.start >= sent.start][:CLAIM_REACH + 1]
    for claim_sent in sents:
        for tok in claim_sent:
            if tok.lemma_.lower() not in CLAIMING or tok.pos_ != "VERB" or (claim_sent == sent and tok.i < draft.token.i):
                continue
            noun = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "responsibility"), None)
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if noun is None or subject is None or any(c.dep_ == "neg" for c in tok.children) or \
                    any(c.lower_ in ("no", "none") for c in subject.subtree):
                continue
            claimed = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children
                       if g.dep_ in ("pobj", "pcomp")]
            if claimed and not any(g.i == draft.token.i or g.lower_ in ("it", "them") or
                                   "ASSAULT" in scene.lexicon.types_of(g) for g in claimed):
                continue  # "claimed responsibility for the leak": another deed
            found = [m for m in scene.index.group(subject) if m.actor_id and not _unnamed_actor(m.actor_id, m.sectors, scene)]
            if found:
                return replace(draft, sources=scene.refs(found))
            return draft
    return draft


def _unnamed(ref: ActorRef, scene: Scene) -> bool:
    """Whether a source names no one in particular: no actor, a place, or a generic group of no
    state body ("a suicide bomber", "gunmen")."""
    return ref.found == "place" or not ref.actor_id or _unnamed_actor(ref.actor_id, ref.sectors, scene)


def _unnamed_actor(actor_id: str, sectors: Iterable[str], scene: Scene) -> bool:
    """Whether an actor is a generic group of no state body (the knowledge base's ``agent``)."""
    entry = scene.kb.by_id.get(actor_id)
    return entry is not None and entry.kind == "agent" and not STATE_BODIES & set(sectors)


def mutual_meeting(draft: EventDraft, scene: Scene) -> EventDraft:
    """"U.S. Secretary of State Warren Christopher telephoned Russian Foreign Minister Andrei Kozyrev
    on Tuesday.": no host and no visitor, so every participant is both source and target (PLOVER
    codes all as actor; both lists keep each dyad for CAMEO users); "Trump and Kim held talks":
    each with the other."""
    if not draft.trigger.reciprocal:
        return draft
    if draft.token.lemma_.lower() in TOPIC_VERBS:
        # "Putin and Trump discussed Ukraine in a phone call": what is discussed is no participant
        topics = [c for c in draft.token.children if c.dep_ == "dobj"]
        kept = tuple(t for t in draft.targets if not t.inside(topics))
        if not kept:  # "Putin discussed Ukraine with Trump": the partner instead
            index = scene.index_for(draft)
            kept = scene.refs(m for g in _prep_objects(draft.token, PARTNER_PREPS) for m in index.group(g))
        draft = replace(draft, targets=kept)
    if draft.trigger.type == "CONSULT" and draft.sources and draft.targets:
        everyone = tuple(once_each(draft.sources + draft.targets))
        return replace(draft, sources=everyone, targets=everyone)
    if len(draft.sources) > 1 and not _partners(draft):
        # "Iran and Saudi Arabia restored ties, in a deal brokered by China": each with the other, and
        # the broker named elsewhere in the sentence is no party to the ties
        everyone = tuple(once_each(draft.sources))
        return replace(draft, sources=everyone, targets=everyone)
    return draft


PARTNER_PREPS = {"with", "between", "among"}


def _partners(draft: EventDraft) -> bool:
    """Whether a target is the verb's object or its partner ("restored ties with Qatar")."""
    verb = draft.token
    heads = [c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in PARTNER_PREPS)]
    return any(t.inside(heads) for t in draft.targets)


def each_other(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Israel and Hamas accused each other of violating the truce.": with "each other" or "one
    another" as what is done to, every source is also a target, as at talks."""
    if len(draft.sources) < 2 or draft.targets:
        return draft
    verb = draft.token
    done_to = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    done_to += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if not any(_reciprocal(t) for t in done_to):
        return draft
    everyone = tuple(once_each(draft.sources))
    return replace(draft, sources=everyone, targets=everyone)


def _reciprocal(tok: Token) -> bool:
    """"each other", "one another"."""
    words = {c.lower_ for c in tok.children if c.dep_ == "det"}
    return (tok.lower_ == "other" and "each" in words) or (tok.lower_ == "one" and "another" in words)


def _asked(verb: Token) -> Token | None:
    """Whom a verb of asking asks: its object ("urged Japan to"), or "on"/"to"/"with" X for the
    verbs that take one ("called on Israel to", "appealed to Iran to", "pleaded with Moscow to")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            return child
    preps = ASKING_PREPS.get(verb.lemma_.lower(), ())
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def asked_party_acts(draft: EventDraft, scene: Scene) -> EventDraft:
    """"China urged Japan to release the fishermen.": the release, if it comes, is Japan's (source
    JPN, not China), and what is asked has not happened (hypothetical, whatever else the parse
    said). Verbs like "allowed the refugees to return" also pass the act to their object; where
    the object names no actor ("urged him to resign") the act has no source, not the urger. So
    does a second infinitive joined to the first ("urged allies to deliver ... and to lift ..."). A
    telephone call's infinitive is the caller's purpose ("called Morrison to congratulate him"). A
    deed its object is warned against is the object's too ("China cautioned Washington against
    selling arms to Taiwan")."""
    # a nominal event by its light verb: "called on both sides to resume dialogue"
    tok = light_verb(draft.token) if draft.nominal else draft.token
    if tok is None or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "mark") for c in tok.children):
        return draft
    first = tok
    while True:
        if first.dep_ == "conj" and first.head.i < first.i and first.tag_ == "VB":
            first = first.head
        elif first.dep_ == "xcomp" and first.head.lemma_.lower() in ASPECTUAL and first.head.dep_ in ("xcomp", "conj"):
            # "urged Washington to stop arming Taiwan", "urged Rwanda to withdraw its troops and stop
            # supporting the M23": the arming and the support are the asked party's
            first = first.head
        elif first.dep_ == "pcomp" and first.head.dep_ == "prep" and first.head.head.lemma_.lower() in ASPECTUAL \
                and first.head.head.dep_ in ("xcomp", "conj"):
            first = first.head.head  # "urged Israel to refrain from attacking Rafah"
        else:
            break
    if (warning := warned_against(first)) is not None:
        return _warned_party_acts(draft, scene, warning)
    if first.dep_ not in ("xcomp", "advcl") or first.head.i == first.i:
        return draft
    verb = first.head
    if verb.lemma_.lower() not in (OBJECT_CONTROL if first.dep_ == "xcomp" else ASKING):
        return draft
    if verb.lemma_.lower() == "call" and telephones(verb):
        return draft  # "called Morrison to congratulate him": the caller's purpose, not a call on him
    if first.dep_ == "advcl" and not has_to(first):
        return draft  # "pleaded with Germany to send tanks" (parsed as a purpose clause), not "pleaded, saying ..."
    obj = _asked(verb)
    if obj is None:
        return draft
    asked = scene.refs(scene.index.group(obj))  # "urged him to resign": not the urger's act either
    if set(asked) == set(draft.sources):
        return draft
    modality, cue = draft.modality, draft.cue
    if modality == ASSERTED and verb.lemma_.lower() in ASKING:
        modality, cue = HYPOTHETICAL, verb
    return replace(draft, sources=asked, targets=tuple(t for t in draft.targets if t not in asked),
                   modality=modality, cue=cue)


def _warned_party_acts(draft: EventDraft, scene: Scene, verb: Token) -> EventDraft:
    """"China cautioned Washington against selling arms to Taiwan": the sale, if it comes, is
    Washington's; with no one warned ("warned against arming Ukraine") it is no one's."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    warned = scene.refs(scene.index.group(obj)) if obj is not None else ()
    return replace(draft, sources=warned, targets=tuple(t for t in draft.targets if t not in warned))


def _accused_deed(verb: Token) -> Token | None:
    """The deed a verb of charging charges someone with, told before a participle that follows it."""
    preps = charging().get(verb.lemma_.lower(), ())
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                 for g in c.children if g.dep_ == "pcomp"), None)


def to_blame(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Russia said the West was to blame for the war.": whoever is to blame is the one blamed, and
    whoever says so blames them (ACCUSE, told as a fact, not a plan); said by no one named, the
    accusation is no one's."""
    tok = draft.token
    if draft.type != "ACCUSE" or tok.lemma_.lower() != "blame" or tok.dep_ != "xcomp" or tok.head.lemma_ != "be" \
            or not has_to(tok):
        return draft
    subject = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    blamed = scene.refs(scene.index.group(subject)) if subject is not None else ()
    sources = scene.refs(draft.speaker.actors, "speaker") if draft.speaker.actors else ()
    if not sources and tok.head.dep_ == "ccomp":  # "denied any involvement and said Kurti was to blame"
        sayer, _ = _subject_of(tok.head.head)
        sources = scene.refs(scene.index.group(sayer)) if sayer is not None else ()
    return replace(draft, sources=sources, targets=tuple(t for t in blamed if t not in sources),
                   modality=ASSERTED, cue=None)


def accused_party_acts(draft: EventDraft, scene: Scene) -> EventDraft:
    """"A US official accused Iran of attacking the tanker.": the attack is Iran's (source IRN), not
    the accuser's; so is "blamed Russia for shelling", or the spying of someone "arrested for
    spying". Where the one accused names no actor ("accused him of ..."), the deed has no source
    rather than the accuser's; so is a deed the accused only tried or plotted ("accused the Saudi
    government of attempting to intimidate the families"), or carried out ("accused Israel of
    carrying out the attack"). What a participle adds to the deed ("of shelling villages, killing
    seven civilians") is the accused's too."""
    tok = draft.token
    if draft.nominal and (carrier := light_verb(tok)) is not None and carrier.dep_ == "pcomp":
        tok = carrier  # "accused Israel of carrying out the attack": the attack is carried out by Israel
    while tok.dep_ == "xcomp" and tok.head.i != tok.i:
        tok = tok.head
    if consequence(tok) and draft.type != STATEMENT:
        # "accused Eritrea of shelling villages, killing seven civilians": the killing too, whether
        # the parser hangs it on the verb of charging or on the deed
        deed = tok.head if tok.head.dep_ == "pcomp" else _accused_deed(tok.head)
        tok = deed if deed is not None else tok
    verb = charging_verb(tok)
    if verb is None:
        return draft
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    accused = next((c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
    if accused is None:
        return draft
    doers = scene.refs(scene.index.group(accused))
    if set(doers) == set(draft.sources):
        return draft
    return replace(draft, sources=doers, targets=tuple(t for t in draft.targets if t not in doers))
