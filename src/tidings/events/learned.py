"""The ``classify`` rule: the learned classifier re-types or drops the rules' drafts.

The rules find candidates and read their roles, modality and attribution; the classifier
(classifier.py) reads the candidate's sentence with its source and target marked and says whether
it reports an event and of which type. Which of the two to trust, and when, was measured on the dev
half of the mixed-news dev set (bench/mixed_news.py), and is kept in ``model/policy.json``:

- ``drop_below``: a draft told as having happened (asserted) whose probability of being an event is
  lower is dropped; hypothetical and negated drafts are never dropped, only re-typed, nor is a
  lexicon row that names its weapon, done by a state or an armed group;
- ``retype_margin``: the classifier's type replaces the rules' when its probability exceeds the
  rules' type's by at least this much (never criticism or refusal for praise or back, ``OPPOSED``);
  the CAMEO code then stays only where CAMEO2PLOVER puts it under the new type
  (``data/cameo_types.tsv``), else it becomes the type's root code (``data/cameo_roots.tsv``);
- ``sourceless_below``: a draft whose source the rules could not find is dropped when its
  probability of being an event is lower (better no event than one whose source is lost);
- ``statement_below``: a statement (statements.py: "Clinton tweeted that ...") is kept, with the
  classifier's type, only when that type is one a statement can be an act of and its probability
  of being an event is at least this; every other statement is dropped;
- ``unsourced_forecasts``: whether a hypothetical or negated draft whose source the rules could
  not find is kept (True) or dropped unread (False): a forecast or denial of no one's act;
- ``relation_below``: a relation (relations.py: "the US returned the sculpture to Algeria") is
  read only when the rules found a known source and a known target, and kept, with the
  classifier's type, only when its probability of being an event is at least this;
- ``verify_below``: after the last rule, the verifier (verify.py) gives each finished draft the
  probability that it is right (type and source); drafts below this are dropped.

All drafts of an article are classified in one batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from ..actors.evidence import entity_of
from ..actors.kb import load_kb, specific
from ..actors.mentions import span_of
from .classifier import MODEL_DIR, Prediction, load_classifier, mark
from .datafiles import rows, words
from .draft import ActorRef, EventDraft
from .lexicon import names
from .modality import ASSERTED, NEGATED
from .relations import RELATION, acted_on
from .roles import OUTSIDE_NAMES, responsibility_claimed
from .statements import STATEMENT, STATEMENT_TYPES, hearer_of

# sectors of a state's government and forces and of armed groups, whose weapons acts are events
ARMED_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "INS", "SEP", "UAF"})
# the classifier learnt these two mostly from PLV, which merges them (YIELD): which of the two a
# release, pardon or withdrawal is, the lexicon says (the PLOVER manual: a release is RETREAT)
YIELDS = {"CONCEDE", "RETREAT"}
# criticism or refusal and praise: a verb of one is seldom the other ("sternly reprimanded Mr.
# Trump", "stood by his comment"), while the classifier, reading the sentence's tone, turns one into
# the other (on the verifier's labelled PolNeAR events the rules' type was the right one in each
# labelled case; dev splits, PLV and the GSR unchanged)
OPPOSED = ({"ACCUSE", "SUPPORT"}, {"REJECT", "SUPPORT"})


@dataclass(frozen=True)
class Policy:
    """When the classifier overrules the rules (see the module docstring)."""

    drop_below: float = 0.5
    retype_margin: float = 0.3
    sourceless_below: float = 0.0
    statement_below: float = 1.01  # off unless the tuned policy turns it on
    unsourced_forecasts: bool = True
    relation_below: float = 1.01  # off unless the tuned policy turns it on
    verify_below: float = 0.0  # verify.py: finished drafts less likely than this to be right are dropped

    @classmethod
    def load(cls, path: Path = MODEL_DIR / "policy.json") -> Policy:
        if not path.exists():
            return cls()
        return cls(**json.loads(path.read_text(encoding="utf-8")))


@cache
def default_policy() -> Policy:
    """The shipped policy, read once per process (not once per article)."""
    return Policy.load()


def reads_relations() -> bool:
    """Whether the shipped policy reads relation drafts at all (else none are made)."""
    return default_policy().relation_below <= 1.0


@cache
def cameo_roots() -> dict[str, str]:
    """The CAMEO code an event takes when the classifier gives it a type the lexicon did not."""
    return {r["type"]: r["cameo"] for r in rows("cameo_roots.tsv")}


@cache
def cameo_types() -> dict[str, frozenset[str]]:
    """The PLOVER types each CAMEO code falls under (``data/cameo_types.tsv``)."""
    table: dict[str, set[str]] = {}
    for r in rows("cameo_types.tsv"):
        table.setdefault(r["code"], set()).add(r["type"])
    return {code: frozenset(types) for code, types in table.items()}


def cameo_for(draft: EventDraft, type_: str) -> str:
    """The CAMEO code of a draft the classifier re-types: the lexicon's own where it falls under the
    new type ("imposed sanctions", SANCTION 163, read as COERCE keeps 163, which CAMEO2PLOVER puts
    there), else the new type's root code; a code the table lacks is looked up by its prefix."""
    table, code = cameo_types(), draft.cameo or ""
    under = next((table[c] for c in (code, code[:3], code[:2]) if c in table), frozenset())
    return code if type_ in under else cameo_roots()[type_]


def _first_in(refs: tuple[ActorRef, ...], lo: int, hi: int,
              other: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The span of the first ref inside ``lo``-``hi`` that does not overlap ``other`` (the source
    already marked: in "Blinken held talks with Wang Yi" both are sources and targets, and the
    target marked is Wang Yi, not Blinken again, which would leave no target marked)."""
    for ref in refs:
        if ref.start is not None and ref.end is not None and lo <= ref.start and ref.end <= hi and (
                other is None or not (ref.start < other[1] and other[0] < ref.end)):
            return ref.start, ref.end
    return None


WINDOW = 48  # tokens kept on each side of the trigger, so that it stays within the 96 word pieces read


def marked_text(draft: EventDraft) -> str:
    """The draft's sentence with its trigger and its first source and target inside the sentence
    marked; a very long "sentence" (a list, a table, text without stops) is cut to a window of
    tokens around the trigger, so that the cost of a candidate does not grow with the article."""
    sent, tok = draft.sentence, draft.token
    window = sent.doc[max(sent.start, tok.i - WINDOW):min(sent.end, tok.i + WINDOW + 1)]
    lo, hi = window.start_char, window.end_char
    # a relation's verb is no trigger the classifier was trained to read: its sentence is marked as
    # the PLV sentences whose relation the lexicon does not name, with the parties alone
    trigger = None if draft.type == RELATION else (tok.idx, tok.idx + len(tok.text))
    source = _first_in(draft.sources, lo, hi)
    target = _first_in(draft.targets, lo, hi, source) or (
        None if draft.type in (RELATION, STATEMENT) else _named_party(draft, lo, hi))
    return mark(window.text, lo, source, target, trigger)


NAMED_PARTIES = (*OUTSIDE_NAMES, "NORP", "GPE")
PARTY_PREPS = ("into", "against", "on", "of", "over")
# the edges from a name up to the noun it owns or modifies ("brake failures in Rellford's trucks")
OWNER_PATH = ("compound", "poss", "prep", "pobj", "amod", "appos", "nmod", "case")
INVESTIGATE = "09"  # CAMEO's investigations


def _named_party(draft: EventDraft, lo: int, hi: int) -> tuple[int, int] | None:
    """The firm or unknown person the trigger acts on, where the rules found no actor there: what an
    investigation is into ("opened a probe into Veltrana's cloud licensing", "investigating whether
    PagaMais misled customers"), or a name that is the object ("Regulators banned Lumora from
    selling the app"; roles.py then takes no actor further down as the target). The classifier was
    trained on sentences whose target was marked, firms included, and reads one with none marked as
    rarely an event (0.12 against 0.76 for that probe), so the name is marked for the classifier
    alone; the event keeps no target."""
    tok = draft.token
    heads = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    if not draft.cameo.startswith(INVESTIGATE):
        # any other act on a firm named as its object ("banned Lumora from selling the app")
        named = [h for h in heads if h.pos_ == "PROPN" and h.ent_type_ in OUTSIDE_NAMES]
        return _entity_span(named, draft, lo, hi) or _role_span(heads, draft, lo, hi)
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS for g in c.children
              if g.dep_ == "pobj"]
    heads += [s for c in tok.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return _entity_span(heads, draft, lo, hi)


def _entity_span(heads: list[Token], draft: EventDraft, lo: int, hi: int) -> tuple[int, int] | None:
    """The first named entity owning one of the heads (``_owned_by``), outside the sources."""
    taken = [(r.start, r.end) for r in draft.sources if r.start is not None]
    for head in heads:
        for t in head.subtree:
            if t.ent_type_ not in NAMED_PARTIES or t.ent_iob_ != "B" or not _owned_by(t, head):
                continue
            ent = entity_of(t)
            if ent is None or not lo <= ent.start_char < ent.end_char <= hi:
                continue
            if any(ent.start_char < b and a < ent.end_char for a, b in taken):
                continue
            return ent.start_char, ent.end_char
    return None


FIRM_NOUNS = words("firm_nouns")


def _role_span(heads: list[Token], draft: EventDraft, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase of the first head that names people by their role, whose state the actors
    stage could not tell ("blamed the army for the deaths", "refused to hear an appeal from a death
    row inmate"), or a firm by its kind ("charged the hedge fund with fraud"): the classifier reads
    the act on them as it reads acts on a marked target."""
    roles = load_kb().roles
    taken = [(r.start, r.end) for r in draft.sources if r.start is not None]
    for head in heads:
        lemma = head.lemma_.lower()
        before = head.doc[head.i - 1] if head.i > 0 else None
        two = f"{before.lower_} {lemma}" if before is not None else ""
        if head.pos_ != "NOUN" or (lemma not in roles and two not in roles and lemma not in FIRM_NOUNS):
            continue
        start, end = head.left_edge.idx, head.idx + len(head.text)
        if lo <= start < end <= hi and not any(start < b and a < end for a, b in taken):
            return start, end
    return None


def _owned_by(word: Token, head: Token) -> bool:
    """Whether a word names the head's owner or part: a path of modifiers and prepositions up to it,
    no clause on the way ("documents that showed Trump ..." is not Trump's)."""
    while word.i != head.i:
        if word.dep_ not in OWNER_PATH:
            return False
        word = word.head
    return True


def _droppable(draft: EventDraft) -> bool:
    """Only what is told as having happened is dropped: the training data holds few forecasts and
    denials, and the classifier reads "analysts say X will test a missile" as no event. Nor is a
    telephone call with someone (``phone`` rows: "spoke by phone with his Russian counterpart"),
    which it reads as talk about nothing; "called" is left to it, since it also names ("called Mrs.
    Schlafly an 'Aunt Tom'")."""
    return draft.modality == ASSERTED and not _telephone_call(draft)


def _armed_state(draft: EventDraft) -> bool:
    """A row naming its weapon ("North Korea launched a ballistic missile", "Iran test-launched a
    rocket") done by a state, its government or forces, or an armed group: trained on few launches
    and tests, the classifier reads one with no target as nothing (0.27 and 0.01 an event), and one
    at a target as an attack (1.0). Whoever else fires a shot may be a striker or a film's villain."""
    return draft.trigger.armed and _armed_source(draft)


def _election_stand(draft: EventDraft) -> bool:
    """A loser's stand on an election's result, by a known actor: "the opposition rejected the
    election results", "Gore accepted the outcome" (rows of context ``election``). The classifier,
    trained on few election disputes, reads the rejection of results as nothing (0.07 an event)."""
    return draft.trigger.context == "election" and draft.type == draft.trigger.type and bool(draft.sources)


def _claimed(draft: EventDraft) -> bool:
    """A deed someone claims responsibility for, with a source: "The Houthis claimed responsibility
    for an attack on a commercial ship" (0.45 an event, no actor being its target; with "Yemen's
    Houthi rebels", 0.97)."""
    return bool(draft.sources) and responsibility_claimed(draft.token) is not None


def _armed_source(draft: EventDraft) -> bool:
    """Whether a source is a state, its government or forces, or an armed group."""
    return any(ref.actor_id is not None and (ref.actor_id == ref.country or ARMED_SECTORS & set(ref.sectors))
               for ref in draft.sources)


def _armed_attack(draft: EventDraft) -> bool:
    """A military attack row ("retaliated", "retook the base") done by forces or an armed group: the
    classifier, trained on few battle reports, reads these as words (ACCUSE) or moves (MOBILIZE)."""
    return draft.type == draft.trigger.type == "ASSAULT" and draft.trigger.context == "military" \
        and any(ARMED_SECTORS & set(ref.sectors) for ref in draft.sources)


def _telephone_call(draft: EventDraft) -> bool:
    """A call by telephone with a party named on the other end, by a word that names nothing else."""
    return draft.trigger.mode == "phone" and draft.type == draft.trigger.type and draft.trigger.words != ("call",) \
        and bool(draft.targets)


def _retypable(draft: EventDraft) -> bool:
    """Kept: a type the intent rules set (a promise, threat, refusal or request read from the
    statement's structure), and the type of a noun ("condemned the missile test"): the classifier,
    trained on sentences labelled by their main relation, reads such a noun as the verb's event;
    so it reads the deed someone is accused of ("accused Beijing of supplying Moscow") as the
    accusation, which is coded on its own verb. Kept too: the type of a lexicon row whose objects
    depart from the verb's usual type ("withdrew peacekeepers from Sinai", SANCTION 1661, not the
    RETREAT of "withdrew troops"), which the classifier, trained mostly on the usual sense, pulls
    back to it (PLV's training rows end to end 0.782 -> 0.791; the dev splits unchanged), and of a
    row naming a diplomatic act ("recalled its ambassador", ``Trigger.firm``). Kept also:
    a phrasal refusal ("ruled out a ceasefire"), which the classifier reads as its object's act; and
    a telephone call (``phone`` rows: "called Morrison to congratulate him") or a visit (``visit``
    rows: "visiting wounded soldiers at a hospital"), a CONSULT whatever it was for or about, which
    the classifier reads as its purpose or as what its object suffered; a courtesy call ("called on Prime
    Minister Modi"), which it reads as the request "called on" mostly is; a visit its host
    receives ("the crown prince received the Iranian foreign minister"), which it reads as aid
    received; and forces' military attack (``_armed_attack``)."""
    if (draft.trigger.mode in ("phone", "visit") and draft.type == draft.trigger.type) or _armed_attack(draft):
        return False
    if draft.trigger.firm and draft.type == draft.trigger.type:
        return False
    if draft.trigger.type == "REJECT" and draft.type == "REJECT" and draft.trigger.words[-1] == "out":
        return False  # "ruled out a ceasefire": what is ruled out is refused, not done
    return draft.intent is None and not draft.nominal and not {"accused_party_acts", "courtesy_call", "host_visit"} & set(draft.trace)


def _holds_another(statement: EventDraft, drafts: list[EventDraft]) -> bool:
    """"Iran said it would attack": the attack (an intention the rules code) carries what was said,
    so the saying is not coded again as an act of its own; nor is a relation whose verb governs a
    trigger ("carried out strikes against Hamas")."""
    others = (STATEMENT, RELATION) if statement.type == RELATION else (STATEMENT,)
    return any(d is not statement and d.type not in others and statement.token in d.token.ancestors for d in drafts)


def _no_known(refs: tuple[ActorRef, ...]) -> bool:
    return not any(ref.known for ref in refs)


def _acted_on(relation: EventDraft) -> bool:
    """Whether a known target of the relation heads a party its verb acts on (relations.py)."""
    verb = relation.token
    return any(ref.known and acted_on(verb, span_of(verb.doc, ref) or ()) for ref in relation.targets)


def _unrelated(relation: EventDraft) -> bool:
    """A relation is one actor's act on another only when the rules found a known source (the
    subject, or whoever they read as acting: "officials said they will return ...") and a known
    target heads the verb's object ("Obama established a White House council": the White House is
    a word of the object, not the party acted on)."""
    return _no_known(relation.sources) or not _acted_on(relation)


def _unspoken(statement: EventDraft) -> bool:
    """A statement whose speaker the rules could not name ("They said it's negotiable"): whatever
    act it is, it would be no one's, so it is dropped unread."""
    return _no_known(statement.sources)


CONTENT_DEPS = ("ccomp", "parataxis", "xcomp", "dobj", "oprd")
JUDGED_ACTS = words("judged_acts")
NAMED = {"PERSON", "ORG", "GPE", "NORP"}
THIRD_PERSONS = {"he", "him", "she", "her", "they", "them"}


def _unaddressed(statement: EventDraft) -> bool:
    """A statement about no actor but its hearer ("I think that's probably right," the senator
    said): the acts a statement can be (criticising, praising, asking, refusing, threatening,
    promising) are done to someone, and on the dev splits those with no target were mostly no act;
    dropped unread, which also spares about a fifth of the classifier's reads. What is said may
    name whom it is about where the rules found no target ("told parliament that Russia was lying")."""
    if any(t.known and not _addressee(statement, t) for t in statement.targets):
        return False
    if names(statement.token) and any(c.dep_ == "dobj" and c.lemma_.lower() in JUDGED_ACTS
                                      for c in statement.token.children):
        return False  # "called the statement 'offensive'": a judgement of someone's words or deeds
    said = [t for c in statement.token.children if c.dep_ in CONTENT_DEPS for t in c.subtree]
    return not any(t.ent_type_ in NAMED or t.lower_ in THIRD_PERSONS for t in said)


def _unread(draft: EventDraft, drafts: list[EventDraft], policy: Policy) -> bool:
    """Whether a draft is dropped whatever the classifier would say of it, and so is not read."""
    if draft.type == STATEMENT:
        # an unsaid statement ("refused to even say the words") is no act of any kind
        return policy.statement_below > 1.0 or draft.modality == NEGATED or _unspoken(draft) or \
            _unaddressed(draft) or _holds_another(draft, drafts)
    if draft.type == RELATION:
        return policy.relation_below > 1.0 or _unrelated(draft) or _holds_another(draft, drafts)
    return not policy.unsourced_forecasts and draft.modality != ASSERTED and not draft.sources


COMMISSIVE = frozenset({"AGREE", "THREATEN"})  # acts a speaker commits itself to


def _anothers_deed(statement: EventDraft) -> bool:
    """Whether what is said is another's deed: "He suggests that North Korea might be more
    comfortable negotiating": the clause said has a subject the rules read as a target, not the
    speaker. A promise or a threat is of the speaker's own deeds, so such a statement is neither."""
    said = [c for c in statement.token.children if c.dep_ in ("ccomp", "parataxis")]
    subjects = [s for c in said for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    if not any(r.country or specific(r.actor_id) for r in statement.sources):
        return False  # "the Prime Minister said": a speaker of no known side may speak for the subject
    own = statement.source_sides
    return any(ref.start is not None and ref.start <= s.idx < ref.end and not {ref.actor_id, ref.country} & own
               for s in subjects for ref in statement.targets)


def _statement_type(draft: EventDraft, p: Prediction) -> str:
    """The act the classifier reads in a statement; a statement that names or characterises someone
    ("Comey called Clinton's use of private email servers 'extremely careless'") asks nothing of
    them, so where it reads a request, the likelier of the other acts a statement can be."""
    if p.best_type == "REQUEST" and names(draft.token):
        return max(sorted(STATEMENT_TYPES - {"REQUEST"}), key=p.p)
    return p.best_type


def _statement(draft: EventDraft, p: Prediction, policy: Policy) -> EventDraft | None:
    """A statement typed as the act the classifier reads in it, or None (statements.py)."""
    type_ = _statement_type(draft, p)
    if type_ not in STATEMENT_TYPES or p.p_event < policy.statement_below:
        return None
    if type_ in COMMISSIVE and _anothers_deed(draft):
        return None
    return replace(draft, type=type_, mode=None, cameo=cameo_for(draft, type_), reading=p,
                   targets=tuple(t for t in draft.targets if not _addressee(draft, t) and not _where_said(draft, t)),
                   trace=draft.trace + ("classify",))


def _relation(draft: EventDraft, p: Prediction, policy: Policy) -> EventDraft | None:
    """A relation typed as the event the classifier reads in its sentence, or None (relations.py)."""
    if p.p_event < policy.relation_below:
        return None
    return replace(draft, type=p.best_type, mode=None, cameo=cameo_for(draft, p.best_type), reading=p,
                   trace=draft.trace + ("classify",))


WHERE_PREPS = ("in", "at")


def _where_said(statement: EventDraft, ref: ActorRef) -> bool:
    """Where a statement was made ("Ishiba said in Tokyo that the launch was unacceptable"), which is
    not whom it is about."""
    places = [g for c in statement.token.children if c.dep_ == "prep" and c.lower_ in WHERE_PREPS
              for g in c.children if g.dep_ == "pobj"]
    return ref.inside(places)


def _addressee(statement: EventDraft, ref: ActorRef) -> bool:
    """Whom a statement was told to ("told reporters", "said to lawmakers"), which is not whom it
    criticises or praises: better no target than that one. Whom "called him a liar" calls is the
    target (statements.tsv says which verbs name a hearer, and where)."""
    verb = statement.token
    hearer = hearer_of(verb)
    if hearer == "none":
        return False
    heard = [c for c in verb.children if c.dep_ == "dative" or (c.dep_ == "dobj" and hearer == "object")]
    heard += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return ref.inside(heard)


def to_read(drafts: list[EventDraft], policy: Policy) -> tuple[set[int], list[int]]:
    """The indexes of the drafts dropped unread (``_unread``), and of those the classifier reads: the
    others it could drop or re-type."""
    unread = {i for i, d in enumerate(drafts) if _unread(d, drafts, policy)}
    return unread, [i for i, d in enumerate(drafts)
                    if i not in unread and (_droppable(d) or _retypable(d) or d.type in (STATEMENT, RELATION))]


def classify(drafts: list[EventDraft], policy: Policy | None = None) -> list[EventDraft | None]:
    """Each draft kept as it is, re-typed, or None where the classifier says it is no event. Drafts
    that can be neither dropped nor re-typed are not run through the model at all, nor are those
    dropped whatever the model says (``_unread``)."""
    policy = policy or default_policy()
    unread, todo = to_read(drafts, policy)
    predictions = dict(zip(todo, load_classifier().predict([marked_text(drafts[i]) for i in todo]))) if todo else {}
    out: list[EventDraft | None] = []
    for i, draft in enumerate(drafts):
        p = predictions.get(i)
        if i in unread:
            out.append(None)
            continue
        if draft.type == STATEMENT:
            out.append(_statement(draft, p, policy))
            continue
        if draft.type == RELATION:
            out.append(_relation(draft, p, policy))
            continue
        if p is None:
            out.append(draft)
            continue
        if _droppable(draft) and not (_armed_state(draft) or _election_stand(draft) or _claimed(draft)) and (
                p.p_event < policy.drop_below or (not draft.sources and p.p_event < policy.sourceless_below)):
            out.append(None)
            continue
        if _retypable(draft) and p.best_type != draft.type and {p.best_type, draft.type} not in (YIELDS, *OPPOSED) \
                and p.p(p.best_type) - p.p(draft.type) >= policy.retype_margin:
            draft = replace(draft, type=p.best_type, mode=None, cameo=cameo_for(draft, p.best_type),
                            trace=draft.trace + ("classify",))
        out.append(replace(draft, reading=p))
    return out
