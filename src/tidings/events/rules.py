"""The events stage's rules, in the order they run over each draft (draft.py).

Each rule is a small function ``rule(draft, scene)`` that returns the draft unchanged, a changed
copy, or None to drop it; the stage runs ``RULES`` in order and ``draft.trace`` lists the rules that
changed a draft. The sentence in each rule's docstring is its example and the input of its test
(tests/events/test_rules.py). Order matters and is meant to be read here:

0. ``put_question``           a question put to someone in an interview is no request
1. ``appeal_as_attraction``   appeal someone has or holds among voters is no appeal made
2. ``danger_not_threat``      a threat faced or posed is a danger, no threat made
3. ``dismissal``              firing a person is dismissing them, no shooting
4. ``mishap``                 a crash, blaze or flood that kills is no attack
5. ``seeking_to_act``         seeking to do something is trying, not asking
6. ``courtesy_call``          calling on someone with nothing asked of them is a visit
7. ``meeting_place``          a meeting's place first, so it cannot be taken for a participant
8. ``roles``                  source and targets from the parse (roles.py)
9. ``crowd_before_its_verb``  a crowd's protest the parser hung on the crowd is the crowd's
10. ``headline_passive``      a headline's "X Accused Of ..." is a passive: X is the one charged
11. ``named_agent``           an agent the text names only by its role ("by police"), unresolved
12. ``people_as_state``       "the Russians accused ...": a people acting as one is its state
13. ``deployed_forces``       forces deployed or sent in the passive act; where they went is the target
14. ``host_visit``            a host receives, the visitor acts
15. ``received_aid``          aid received is the giver's act ("received support from the US")
16. ``claimed_deed``          what one claims responsibility for is one's own deed
17. ``claimed_later``         an attack by no one named is the group's that claims it after
18. ``mutual_meeting``        every participant of talks on both sides
19. ``each_other``            "accused each other": every source is a target too
20. ``modality``              asserted, negated or hypothetical, from cues governing the trigger
21. ``speaker``               whose claim holds the event
22. ``to_blame``              whoever is "to blame" is blamed by whoever says so
23. ``asked_party_acts``      what X is urged to do is X's act, and has not happened
24. ``accused_party_acts``    what X is accused of is X's act, not the accuser's
25. ``officials_state_acts``  "a US official said troops would be sent": the US's plan
26. ``enforcer_reports_its_act`` "was indicted, prosecutors said": the charge is theirs
27. ``wanted_act``            "X wants Y to do Z" is X's request of Y
28. ``demand_of_another``     what a speaker says another must (or should) do is its request
29. ``force_not_ruled_out``   not ruling out force (or refusing to) threatens it
30. ``own_intention``         an actor's own promise, threat or refusal
31. ``unclaimed_must``        a "must" that is no one's request is no event
32. ``promised_act``          a promise of a deed that is no cooperation is no agreement
33. ``warning_of_another``    a warning of what another actor could do is no threat
34. ``own_warning``           a warning that the warner's own side will act is its threat
35. ``commentator_opinion``   what an analyst, pollster or host says is an opinion, not an act
36. ``sport``                 what players, coaches and referees say and do to one another is sport
37. ``campaign_rally``        a politician's rally on the campaign trail is a campaign stop, no protest
38. ``citizens_preference``   ordinary people backing or voting for someone state a preference
39. ``citizens_giving``       what a state's civilians give is no aid
40. ``needs_actor``           no event without a known actor
    (slot) ``classify``       a learned classifier may re-type or drop the draft here
41. ``warning_without_threat`` a warning of a danger is no threat (after the classifier, which
                              reads a warning against someone's conduct as an accusation)
42. ``not_its_own_target``    an actor is not the target of its own act (after the classifier,
                              which was trained on candidates marked as the rules read them)
43. ``fired_from``            where a weapon was fired from is no target of it
44. ``weapons_test``          a missile fired into the sea, or in a test, at no one is a test, not an attack
45. ``joint_exercise``        an exercise of two states' forces, or with another, is cooperation
46. ``peacekeepers``          peacekeepers deployed or arriving are aid, not a mobilisation or a visit
47. ``verbal_attack``         one politician attacking another with no harm done attacks in words
48. ``forces_on_crowds``      police or troops acting on protesters act, they do not protest
49. ``crowd_violence``        protesters' violence is a riot, a violent protest (PROTEST 145)
50. ``raid_from_the_air``     a raid by aircraft is an air strike, not a search
51. ``rebels_raid``           a raid by rebels or militants is an attack, not a search
52. ``diplomatic_protest``    a state or government protesting protests in words (ACCUSE)
53. ``firms_trade``           dealings between firms are trade, not politics (after the
                              classifier, which may have given the draft a type of dealing)
54. ``date``                  the date its sentence names
55. ``place``                 where it happened
56. ``located_source``        an unnamed perpetrator of violence stands for the place it acted in
                              (not one who struck from afar: a missile's)
57. ``confidence``            how sure the coding is (the rules' own score)
    (slot) ``verify``         with the event model, a learned verifier replaces that score with the
                              probability that the finished event is right (verify.py)
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors.mentions import head_of, span_of
from .datafiles import word_kinds, words
from .draft import ActorRef, EventDraft, Rule, Scene
from .nominal import light_verb
from .roles import _prep_objects
from .rules_intent import (appeal_as_attraction, campaign_rally, citizens_preference, citizens_giving,
                           commentator_opinion, courtesy_call, danger_not_threat, demand_of_another, dismissal,
                           enforcer_reports_its_act, force_not_ruled_out, mishap, modality, officials_state_acts,
                           own_intention, promised_act, put_question, seeking_to_act, speaker, sport,
                           unclaimed_must, wanted_act)
from .rules_roles import (accused_party_acts, asked_party_acts, claimed_deed, claimed_later, crowd_before_its_verb,
                          deployed_forces, each_other, headline_passive, host_visit, meeting_place, mutual_meeting,
                          named_agent, people_as_state, received_aid, roles, to_blame)
from .rules_warnings import own_warning, warning_of_another, warning_without_threat
from .when import event_date, names_time
from .where import event_location

# violence and coercion whose unnamed perpetrator is coded by where it acted: "was arrested in
# Lebanon", "a bombing near Samarra killed ..." (as the PLOVER gold standard and location-based
# datasets code them)
LOCATED_TYPES = {"ASSAULT", "COERCE"}
ATTACKED_PREPS = {"on", "against", "upon"}  # "an attack on the US base": what the phrase names is attacked
OWNER_DEPS = {"compound", "poss", "amod", "nmod"}


def _occurs(tok: Token) -> bool:
    """Whether a trigger with no known source still reports an occurrence: a verb ("three soldiers
    were killed"), or a noun that is a subject or a setting ("the bombing killed", "killed in a
    bombing"), not a noun that some other verb talks about ("dismissing negotiations with the US")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        # "the parents of the children killed at Sandy Hook": a participle describing the people
        # an object or prepositional phrase names recalls what befell them; it reports nothing new
        return not (tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.dep_ in ("pobj", "dobj"))
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "after", "by"):
        # the setting of a clause that describes someone ("who lost her daughter during the
        # shooting in Aurora", "those killed in the massacre") recalls the past, as that clause does
        return tok.head.head.dep_ not in ("relcl", "acl")
    return tok.dep_ in ("nsubj", "nsubjpass", "ROOT")


def not_its_own_target(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Russia denied that its forces had attacked the convoy.": the source's own bodies as the
    subject of what it says are no party acted on, nor its own state ("Kim Yo Jong warned that
    Pyongyang would answer the drills"), nor a target that is the source itself; the source keeps
    the event. Talks (``mutual_meeting``) list every party on both sides on purpose, as do acts on
    "each other" (``each_other``)."""
    if {"mutual_meeting", "each_other"} & set(draft.trace):
        return draft
    own = {ref.actor_id for ref in draft.sources if ref.actor_id}
    states = {ref.country for ref in draft.sources if ref.country}
    said = [s for c in draft.token.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    owned = [s for s in said if any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in s.children)]

    def speaks_of_itself(ref: ActorRef) -> bool:
        return ref.start is not None and ref.country in states and (
            (ref.actor_id in states and any(s.left_edge.idx <= ref.start <= s.idx for s in said))
            or any(s.left_edge.idx <= ref.start <= s.idx for s in owned))

    kept = tuple(ref for ref in draft.targets if ref.actor_id not in own and not speaks_of_itself(ref))
    return draft if len(kept) == len(draft.targets) else replace(draft, targets=kept)


AIMED = {"at", "on", "against", "toward", "towards", "into"}  # a weapon fired at something


def fired_from(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Hezbollah fired rockets from Lebanon into northern Israel.": where a weapon was fired or
    launched from is no party it was fired at; what it was fired at or into is, if the text names
    it."""
    tok = draft.token
    if not draft.trigger.armed or not draft.targets or tok.pos_ != "VERB":
        return draft
    heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]
    origins = [t for h in heads for o in _prep_objects(h, {"from"}) for t in o.subtree]
    spans = [(t.idx, t.idx + len(t.text)) for t in origins]
    kept = tuple(ref for ref in draft.targets
                 if ref.start is None or not any(a <= ref.start < b for a, b in spans))
    if len(kept) == len(draft.targets):
        return draft
    if not kept:
        aimed = [m for h in heads for o in _prep_objects(h, AIMED) for m in scene.index.group(o)]
        kept = scene.refs(aimed)
    return replace(draft, targets=kept)


def weapons_test(draft: EventDraft, scene: Scene) -> EventDraft:
    """"North Korea fired two ballistic missiles into the sea off its east coast.": a missile or
    rocket fired or launched into the sea, or in what the sentence calls a test, at no one and at no
    other place, is a test or a show of force (PLOVER MOBILIZE, CAMEO 150), not an attack: the
    lexicon's launch or fire row with a missile is ASSAULT, which needs a victim. Without word of
    the sea or a test it stays an attack ("Russia fired 40 missiles overnight" has its victims a
    sentence away), as it does aimed at a place the text names ("fired missiles at Kyiv"), even
    where no actor was found for the place. After the classifier and ``not_its_own_target``, so
    that the targets are the ones kept."""
    tok = draft.token
    if draft.type != "ASSAULT" or draft.targets or not draft.trigger.armed or tok.pos_ != "VERB":
        return draft
    words = word_kinds("attacks.tsv")
    weapons = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in words["tested"]]
    if not weapons:
        return draft
    aimed = [o for head in (tok, *weapons) for o in _prep_objects(head, AIMED | {"off"})
             if not names_time(o.text) and o.ent_type_ not in ("DATE", "TIME")]  # "on Sunday", "on Oct. 31"
    seaward = [o for o in aimed if o.lemma_.lower() in words["waters"] or o.lemma_.lower() == "coast"]
    tested = any(t.lemma_.lower() == "test" or t.lower_.startswith("test-") for t in draft.sentence)  # "test-fired"
    if len(seaward) < len(aimed) or not (seaward or tested):
        return draft
    return replace(draft, type="MOBILIZE", mode="weapons", context="military", cameo="150")


EXERCISES = words("exercises")


def joint_exercise(draft: EventDraft, scene: Scene) -> EventDraft:
    """"The armies of Brazil and Argentina held war games in October.": an exercise held by the
    forces of two states or more, or with another ("drills with Japan"), is military cooperation
    (PLOVER COOPERATE, CAMEO 062); one state's own exercise stays MOBILIZE, as the PLOVER manual
    has it, also where it is aimed at another ("drills around Taiwan")."""
    tok = draft.token
    if draft.type != "MOBILIZE" or tok.lemma_.lower() not in EXERCISES:
        return draft
    sides = {a.country or a.actor_id for a in draft.sources if a.country or a.actor_id}
    holder = light_verb(tok) if tok.pos_ == "NOUN" else None
    partners = [o for head in (tok, holder) if head is not None for o in _prep_objects(head, {"with"})]
    partnered = any(a.start is not None and any(o.left_edge.idx <= a.start < o.idx + len(o.text) for o in partners)
                    for a in draft.targets)
    if len(sides) < 2 and not partnered:
        return draft
    return replace(draft, type="COOPERATE", mode="", context="military", cameo="062")


ARRIVALS = words("arrivals")
PEACEKEEPING = words("peacekeeping")


def peacekeepers(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Some 163 Chinese peacekeepers arrived in South Sudan on Thursday.": peacekeepers deployed,
    sent or arriving are aid, military protection given to where they go (PLOVER AID, CAMEO 074),
    not a mobilisation or a visit; they are their state's side, where they go the other. A stated
    intention to send them ("The UN plans to send peacekeepers") stays the promise it was recoded as
    (AGREE 033): typed AID it would be a plan coded as done."""
    tok = draft.token
    if tok.lemma_.lower() not in ARRIVALS or draft.type == "AID" or draft.intent is not None:
        return draft
    doc = tok.doc

    def keeps_peace(ref: ActorRef) -> bool:
        span = span_of(doc, ref)
        return span is not None and any(t.lemma_.lower() in PEACEKEEPING for t in span)

    words = {t.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "nsubj", "prep")
             for t in c.subtree}
    keepers = [r for r in draft.targets if keeps_peace(r)]
    if not (keepers or any(keeps_peace(r) for r in draft.sources) or words & PEACEKEEPING):
        return draft
    sources = draft.sources or tuple(keepers)
    targets = tuple(r for r in draft.targets if r not in sources)
    return replace(draft, type="AID", mode="", context="peacekeeping", cameo="074", sources=sources, targets=targets)


def needs_actor(draft: EventDraft, scene: Scene) -> EventDraft | None:
    """"Someone attacked something somewhere.": an event without a known actor is not coded
    (precision first); nor is a noun with only a target that no verb reports as happening
    ("North Korea is dismissing negotiations with the US": no negotiation took place), nor a
    participle recalling what befell people ("the parents of the children killed at Sandy Hook")."""
    if not draft.sources and (not draft.targets or not _occurs(draft.token) or _named_outsider(draft.token)):
        return None
    return draft


def _named_outsider(tok: Token) -> bool:
    """Whether the verb's active subject is a name that no actor was resolved for: a firm, a club or
    a product ("Apple sued Samsung", "Boeing agreed to pay"), whose acts are no political event
    even where a state or agency is their object."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.ent_type_ in ("ORG", "PRODUCT", "FAC", "WORK_OF_ART")


# ---- slot: ``classify`` --------------------------------------------------------------------
# A learned classifier goes here, between ``needs_actor`` and ``not_its_own_target`` (RULES[CLASSIFY_AT]):
# roles, modality, speaker and intentions are settled, so it sees the event as the rules read it,
# and may re-type it (type, mode, context, cameo) or drop it (None: not an event); what depends on
# the type (firms_trade), dates, places and confidence come after it. A per-draft rule
# ``classify(draft, scene)`` is inserted at CLASSIFY_AT; a classifier that wants all drafts of an article in one batch runs in
# ``stage.drafts`` between RULES[:CLASSIFY_AT] and RULES[CLASSIFY_AT:], which the stage runs as two
# passes over the article's drafts for that reason.
# ---------------------------------------------------------------------------------------------


# sectors of actors whose attacks are physical whatever the sentence says
ARMED = {"MIL", "COP", "REB", "INS", "CRM", "TER", "SPY"}
POLITICAL = {"GOV", "LEG", "PTY"}


def verbal_attack(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Chris Christie attacked Marco Rubio during the debate for repeating talking points.": a person attacking
    another person or a party, with no harm or weapon in the sentence, attacks in words (ACCUSE,
    CAMEO 111), as do "personal attacks", "his verbal assault", and a politician's attack on no one
    the text names ("an unpredictable attack from Trump at the first debate"). Armed bodies,
    states and unnamed attackers keep ASSAULT."""
    tok = draft.token
    if draft.type != "ASSAULT" or tok.lemma_.lower() not in ("attack", "assault") or draft.trigger.objects:
        return draft

    def political(refs: tuple[ActorRef, ...]) -> bool:
        return bool(refs) and all(ref.actor_id and not set(ref.sectors) & ARMED and (
            scene.actor_types.get(ref.actor_id) == "person" or "PTY" in ref.sectors) for ref in refs)

    words = word_kinds("attacks.tsv")
    in_words = tok.pos_ == "NOUN" and any(c.lemma_.lower() in words["words"] for c in tok.lefts)
    # a politician (an office holder, lawmaker or party) attacking no named party
    at_no_one = not any(t.known for t in draft.targets) and all(set(ref.sectors) & POLITICAL for ref in draft.sources)
    if not political(draft.sources) or not (in_words or political(draft.targets) or at_no_one):
        return draft
    if any(t.lemma_.lower() in words["harm"] for t in draft.sentence if t.i != tok.i):
        return draft
    return replace(draft, type="ACCUSE", mode=None, context=None, cameo="111")


SECURITY = {"COP", "MIL"}


def forces_on_crowds(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Georgian police disperse protesters outside parliament.": what the classifier reads as a
    protest, where the lexicon saw police or troops acting on a crowd, is the forces' act (the
    lexicon's COERCE or ASSAULT): the classifier read the crowd."""
    if draft.type != "PROTEST" or draft.trigger.type not in ("COERCE", "ASSAULT") or not draft.sources:
        return draft
    if not all(SECURITY & set(ref.sectors) for ref in draft.sources):
        return draft
    t = draft.trigger
    return replace(draft, type=t.type, mode=t.mode, context=t.context, cameo=t.cameo)


def raid_from_the_air(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Iraqi warplanes carried out a raid on Islamic State commanders in eastern Syria.": a raid by
    aircraft is an air strike (ASSAULT 'aerial', CAMEO 195), not a search of premises (COERCE 171)."""
    if draft.type != "COERCE" or draft.token.lemma_.lower() != "raid" or not draft.sources:
        return draft
    heads = [head_of(draft.token.doc, ref) for ref in draft.sources]
    # the noun a demonym source modifies ("Israeli planes": the mention is "Israeli")
    heads = [head.head if head is not None and head.dep_ == "amod" else head for head in heads]
    if not all(head is not None and head.lemma_.lower() in scene.kb.aircraft for head in heads):
        return draft
    return replace(draft, type="ASSAULT", mode="aerial", context="military", cameo="195")


REBEL_SECTORS = {"REB", "INS", "TER", "SEP"}


def rebels_raid(draft: EventDraft, scene: Scene) -> EventDraft:
    """"ISWAP claimed responsibility for the raid, saying it had killed dozens of soldiers.": a raid
    by rebels or militants is an attack (ASSAULT, CAMEO 190), not a search of premises by the
    authorities (COERCE 171; "Police raided the offices of the newspaper" stays one)."""
    if draft.type != "COERCE" or draft.token.lemma_.lower() != "raid" or not draft.sources:
        return draft
    if not all(REBEL_SECTORS & set(ref.sectors) for ref in draft.sources):
        return draft
    return replace(draft, type="ASSAULT", mode=None, context="military", cameo="190")


CROWDS = words("crowds")


def crowd_violence(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Thousands of Kenyan protesters stormed parliament in Nairobi on Tuesday.": violence by
    protesters is a violent protest, a riot (PLOVER PROTEST 'riot', CAMEO 145), not an attack by
    armed men; so is a flag they burn."""
    if draft.type not in ("ASSAULT", "COERCE") or not draft.sources:
        return draft
    doc = draft.token.doc

    # the crowd must be the verb's own subject ("protesters who defied a curfew and exchanged fire"
    # may hand the parse's subject to the wrong clause)
    subjects = [c for c in draft.token.children if c.dep_ == "nsubj"]

    def crowd(ref: ActorRef) -> bool:
        head = head_of(doc, ref)
        return head is not None and head.lemma_.lower() in CROWDS and "CVL" in ref.sectors and \
            any(s.left_edge.i <= head.i <= s.right_edge.i for s in subjects)

    if not all(crowd(ref) for ref in draft.sources):
        return draft
    return replace(draft, type="PROTEST", mode="riot", context=None, cameo="145")


def diplomatic_protest(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Azerbaijan's foreign ministry summoned the French ambassador to protest remarks by President
    Emmanuel Macron.": a state, its government or its diplomats protesting protest in words, which
    PLOVER codes ACCUSE 'disapprove' (CAMEO 114, complain officially); PROTEST is for crowds. After
    the classifier, which reads the word "protest" as PROTEST whoever protests."""
    if draft.type != "PROTEST" or draft.token.lemma_.lower() != "protest" or not draft.sources:
        return draft

    def official(ref: ActorRef) -> bool:  # a government body, or the state by its name or capital
        if not ref.actor_id or (set(ref.sectors) & ARMED and "GOV" not in ref.sectors):
            return False  # (an armed group that governs, as the Taliban do, protests as a government)
        return "GOV" in ref.sectors or (ref.actor_id == ref.country and any(
            e.kind in ("country", "capital") for e in scene.kb.lookup(ref.text)))

    if not all(official(ref) for ref in draft.sources):
        return draft  # "a rally in Lagos to protest ...": a city stands for the crowd's country
    return replace(draft, type="ACCUSE", mode="disapprove", context="diplomatic", cameo="114")


# dealings that are politics only when a government, party or other political body takes part:
# between firms they are trade ("signed a contract", "bought jets", "held talks", "backed the deal")
TRADE_TYPES = {"AGREE", "COOPERATE", "AID", "CONSULT", "SUPPORT"}


def firms_trade(draft: EventDraft, scene: Scene) -> EventDraft | None:
    """"China Eastern Airlines signed a contract to purchase twenty Airbus jets.": a deal between
    firms, or a firm's alone, is no political event (the dev set's rubric); with a state, agency or
    party on either side it is ("The Pentagon signed a contract with Lockheed Martin")."""
    if draft.type not in TRADE_TYPES:
        return draft
    known = [ref for ref in draft.sources + draft.targets if ref.known]
    firms = [ref for ref in known if scene.actor_types.get(ref.actor_id) == "organisation"
             and set(ref.sectors) <= {"BUS"}]
    return None if known and len(firms) == len(known) else draft


def date(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Japan lodged a protest with North Korea last week." (published 2024-11-07): the week of
    2024-10-31. A date expression of the sentence, resolved against the publication date."""
    when = event_date(draft.token, draft.sentence, scene.article.published)
    return replace(draft, date=when) if when else draft


def place(draft: EventDraft, scene: Scene) -> EventDraft:
    """"Secretary of State Antony Blinken arrived in Seoul on Monday.": Seoul is where it happened
    (and, a visit's destination, its host). A meeting's place was found first (``meeting_place``)."""
    if draft.meeting:
        return draft
    found = event_location(draft.token, draft.sentence, scene.kb)
    return replace(draft, place=found) if found is not None else draft


def located_source(draft: EventDraft, scene: Scene) -> EventDraft:
    """"A Christian missionary from Calgary was arrested in Lebanon for collaborating with Israel.":
    no one is named as the one who arrested him, so the place stands in (source LBN, no actor id);
    the place is then no target as well. Not where a weapon struck from afar ("In Odesa, two people
    were killed when a missile struck a residential building"): who fired it was elsewhere; nor
    where the place is in what was attacked ("the attack on the US base")."""
    if draft.sources or draft.type not in LOCATED_TYPES or draft.place is None or not draft.place.country:
        return draft
    standoff = word_kinds("attacks.tsv")["standoff"] | scene.kb.aircraft
    if any(t.lemma_.lower() in standoff for t in draft.sentence):
        return draft
    place = ActorRef.at(draft.place)
    attacked = [g for c in draft.token.children if c.dep_ == "prep" and c.lower_ in ATTACKED_PREPS
                for g in c.children if g.dep_ == "pobj"]
    if any(place.start is not None and t.idx <= place.start < t.idx + len(t.text)
           for g in attacked for t in [g, *(m for m in g.children if m.dep_ in OWNER_DEPS)]):
        return draft  # "the attack on the US base": the place owns what was attacked; it is not the attacker's
    targets = tuple(t for t in draft.targets if t.start is None or place.start is None or
                    not (t.start < place.end and place.start < t.end))
    return replace(draft, sources=(place,), targets=targets)


def confidence(draft: EventDraft, scene: Scene) -> EventDraft:
    """"China criticized the United States on Monday.": 0.9, both sides named (a place standing in for a
    source does not count); a multiword or object-specific trigger adds 0.1."""
    named = any(s.found != "place" for s in draft.sources)
    score = 0.5 + 0.2 * named + 0.2 * bool(draft.targets) + 0.1 * (
        len(draft.trigger.words) > 1 or bool(draft.trigger.objects))
    return replace(draft, confidence=round(score, 2))


RULES: list[Rule] = [
    put_question,
    appeal_as_attraction,
    danger_not_threat,
    dismissal,
    mishap,
    seeking_to_act,
    courtesy_call,
    meeting_place,
    roles,
    crowd_before_its_verb,
    headline_passive,
    named_agent,
    people_as_state,
    deployed_forces,
    host_visit,
    received_aid,
    claimed_deed,
    claimed_later,
    mutual_meeting,
    each_other,
    modality,
    speaker,
    to_blame,
    asked_party_acts,
    accused_party_acts,
    officials_state_acts,
    enforcer_reports_its_act,
    wanted_act,
    demand_of_another,
    force_not_ruled_out,
    own_intention,
    unclaimed_must,
    promised_act,
    warning_of_another,
    own_warning,
    commentator_opinion,
    sport,
    campaign_rally,
    citizens_preference,
    citizens_giving,
    needs_actor,
    # <- classify: the learned classifier's slot (see above)
    warning_without_threat,
    not_its_own_target,
    fired_from,
    weapons_test,
    joint_exercise,
    peacekeepers,
    verbal_attack,
    forces_on_crowds,
    crowd_violence,
    raid_from_the_air,
    rebels_raid,
    diplomatic_protest,
    firms_trade,
    date,
    place,
    located_source,
    confidence,
]

CLASSIFY_AT = RULES.index(needs_actor) + 1  # where the classify slot is: the rules before it settle the event
