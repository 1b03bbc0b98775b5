"""Modality of an event: asserted, negated or hypothetical, read off the dependency tree.

A cue counts only where it governs the trigger: an auxiliary, negation or subordinator attached
to the trigger's predicate ("might conduct", "has not reacted", "if talks fail"); a verb, noun or
adjective whose complement holds the trigger ("expected to launch", "refused to attend", "an
opportunity to restart talks", "likely to retaliate"); or a modifier of a nominal trigger
("planned talks", "cancelled summit"). A nominal trigger takes the modality of the predicate it
depends on ("might conduct ... a nuclear test"). Words elsewhere in the sentence do not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..nlp.headlines import is_headline
from .datafiles import rows, words
from .participles import about_the_subject_above, has_to
from .statements import statement_verbs

# words whose holder is the source of the act they are "for" (roles.py), and whose negation denies
# that act: "was (not) responsible for the attack", "claimed responsibility for the bombing"
RESPONSIBLE = words("responsible")

ASSERTED, NEGATED, HYPOTHETICAL = "asserted", "negated", "hypothetical"
# the participants a "no" denies the act of: "no talks were held", "fired no missiles"
NEGATED_PARTICIPANTS = ("dobj", "nsubjpass", "nsubj")
# cues of intending, which a negation denies ("does not plan to attack": no attack is meant);
# a negated forecast stays a forecast ("is not expected to attack")
INTENDING = words("intending")
CLAUSE_UP = {"xcomp", "ccomp", "advcl", "acomp", "csubj", "acl", "pcomp"}
NOMINAL_UP = {"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "appos", "compound", "npadvmod",
              "conj", "dative", "oprd", "agent"}
# head cues whose noun, with "of", names a part or a purpose, not a prospect: "a set of sanctions",
# "the aim of the talks"
COUNTING_CUES = words("counting_cues")
OBLIGING = words("obliging")  # "has to", "have got to": obligation, in the present only
# verbs of answering an act: what one responds or retaliates to has happened, whatever is planned
RESPONDING = words("responding")
CLAIM_NOUNS = words("claim_nouns")  # "denied allegations that it had bombed": what a denied claim says
ATTACHED_NEGATION = {"not", "n't", "never", "no", "neither", "nor", "without"}
NOBODY = {"none", "nobody", "nothing", "noone"}  # negative pronouns as the act's subject or object
GERUND_PREPS = {"from", "on"}  # a cue's preposition before the gerund it governs ("refrained from attacking")
# verbs whose negation, said of an event as their subject, denies that it happened ("the summit did not go ahead")
OCCURRING = words("occurring")


@dataclass(frozen=True)
class Cues:
    aux: frozenset[str]
    mark: frozenset[str]
    hypothetical_heads: frozenset[str]
    negating_heads: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    negating_modifiers: frozenset[str]
    cancelling: frozenset[str]  # verbs that negate their nominal object ("cancelled the summit")
    requesting: frozenset[str] = frozenset()  # verbs whose nominal object is asked for ("called for talks")
    present: frozenset[str] = frozenset()  # time clauses that are not yet real in the present tense ("when I visit")
    determiners: frozenset[str] = frozenset()  # determiners of a nominal trigger that make it no one event ("any attack")
    before: frozenset[str] = frozenset()  # words before a trigger that make it the course not taken ("rather than")
    falsifying: frozenset[str] = frozenset()  # adverbs by which what was said is false ("falsely claimed that")


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cues of data/modality.tsv, grouped by how they attach."""
    groups: dict[tuple[str, str], set[str]] = {}
    for row in rows("modality.tsv"):
        cue, kind, scope = (row[k].strip().lower() for k in ("cue", "kind", "scope"))
        groups.setdefault((kind, scope), set()).add(cue)
    get = lambda kind, scope: frozenset(groups.get((kind, scope), set()))  # noqa: E731
    negators = get("negated", "neg")
    return Cues(aux=get("hypothetical", "aux"), mark=get("hypothetical", "mark"),
                hypothetical_heads=get("hypothetical", "head"),
                negating_heads=frozenset(c for c in negators if c not in ATTACHED_NEGATION),
                hypothetical_modifiers=get("hypothetical", "adverb"), negating_modifiers=get("negated", "adverb"),
                cancelling=get("negated", "object"), requesting=get("hypothetical", "object"),
                present=get("hypothetical", "present"), determiners=get("hypothetical", "determiner"),
                before=get("negated", "before"), falsifying=get("negated", "claim"))


def _granting_object(prep: Token, verb: Token, cues: Cues) -> Token | None:
    """The object noun a preposition the parser hung on its verb belongs to, when that noun grants
    what follows ("gave its blessing to the killing", "gave permission for the invasion": ``object``
    cues such as "blessing to"); else None."""
    if prep.dep_ not in ("prep", "dative") or verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and
                 f"{c.lemma_.lower()} {prep.lower_}" in cues.requesting), None)


def _own(token: Token, cues: Cues, negation: bool = True) -> tuple[str, Token] | None:
    """A cue attached to this predicate or nominal itself; negation first ("should not buy"),
    unless ``negation`` is off, or the predicate is a condition ("if the government does not
    withdraw the tax": neither done nor denied, but supposed)."""
    condition = next((c for c in token.children if c.dep_ == "mark" and c.lower_ in cues.mark), None)
    if condition is not None:
        return HYPOTHETICAL, condition
    alternative = _alternative(token, cues) if negation else None
    if alternative is not None:
        return NEGATED, alternative
    for child in token.children if negation else ():
        word, dep = child.lower_, child.dep_
        if _denies(child) or (dep in ("advmod", "preconj") and word == "neither"):
            return NEGATED, child
        if dep == "advmod" and any(g.dep_ == "neg" and f"{g.lower_} {word}" in cues.negating_heads
                                   for g in child.children):
            return NEGATED, child  # "no longer supports": the parser hangs "no" on "longer"
        if dep in ("advmod", "amod", "compound") and word in cues.negating_modifiers:
            return NEGATED, child
        if dep in NEGATED_PARTICIPANTS and token.pos_ in ("VERB", "AUX"):
            no = next((g for g in child.children if (g.dep_ == "det" and g.lower_ == "no") or
                       (g.dep_ == "preconj" and g.lower_ == "neither")), None)
            if no is not None:  # "no talks were held", "fired no missiles", "neither Russia nor Ukraine has signed"
                return NEGATED, no
            if word in NOBODY:  # "endorsed none of this", "nobody was arrested", "none of them signed"
                return NEGATED, child
    asked = _yes_no_question(token)
    if asked is not None:
        return HYPOTHETICAL, asked  # "Did Russia attack the convoy?": asked, not said
    for child in token.children:
        word, dep = child.lower_, child.dep_
        if dep in ("aux", "auxpass") and (word in cues.aux or child.lemma_.lower() in cues.aux):
            return HYPOTHETICAL, child
        if dep in ("mark", "advmod") and word in cues.present and _present_tense(token):
            return HYPOTHETICAL, child  # "when I visit other countries": habitual or still to come
        if dep in ("advmod", "amod", "compound") and word in cues.hypothetical_modifiers:
            return HYPOTHETICAL, child
    return None


# a predicate's or noun's own words that may stand between it and words such as "rather than"
PHRASE_OPENERS = {"det", "amod", "compound", "nummod", "poss", "aux"}


def _alternative(token: Token, cues: Cues) -> Token | None:
    """The first of the words (``before`` cues) right before the predicate's or noun's phrase that
    make it the course not taken ("attacked the rebels rather than meet the president", "rather
    than a ceasefire", "stopped short of imposing sanctions"); else None."""
    doc, j = token.doc, token.i - 1
    while j >= 1 and doc[j].head.i == token.i and doc[j].dep_ in PHRASE_OPENERS:
        j -= 1  # "rather than to negotiate", "instead of the planned talks"
    for cue in cues.before:
        words = cue.split()
        first = j - len(words) + 1
        if first >= 0 and words[0] in (doc[first].lemma_.lower(), doc[first].lower_) and \
                all(doc[first + k].lower_ == w for k, w in enumerate(words[1:], 1)):
            return doc[first]
    return None


def _yes_no_question(token: Token) -> Token | None:
    """The auxiliary put before the subject of a sentence's main verb when the sentence asks
    whether ("Did Russia attack the convoy?", "Has Iran agreed?"); None for a question that takes
    the event as given ("Why did Russia attack?") or a statement."""
    if token.head.i != token.i or token.pos_ not in ("VERB", "AUX"):
        return None
    words = [t for t in token.sent if not (t.is_punct and t.text != "?") and not t.is_space]
    if not words or words[-1].text != "?":
        return None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    aux = next((c for c in token.children if c.dep_ in ("aux", "auxpass") and subject is not None and c.i < subject.i), None)
    if aux is None or any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in token.sent if t.i < aux.i):
        return None
    return aux


def _denies(child: Token) -> bool:
    """Whether a dependent denies its head: "not", "no" before a noun, "never"."""
    return child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no") or \
        (child.dep_ == "advmod" and child.lower_ == "never")


def _denial(token: Token) -> Token | None:
    """The word denying a verb or noun of intention ("does not plan", "no plans"), or an adjective's
    copula ("was not ready to endorse")."""
    heads = [token, token.head] if token.pos_ == "ADJ" and token.dep_ == "acomp" else [token]
    return next((c for h in heads for c in h.children if _denies(c)), None)


def _present_tense(verb: Token) -> bool:
    """A verb in the simple present, with no auxiliary that places it in the past or now."""
    return verb.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _infinitive_to(verb: Token) -> Token | None:
    """The "to" of an infinitive verb, if it is one."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ == "to"), None)


def phrasal_lemma(verb: Token) -> str:
    """"call off" for "called off", else the lemma."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {particle}" if particle else lemma


def _occurs(verb: Token) -> bool:
    """Whether the verb says that its subject happens ("took place", "went ahead", "occurred")."""
    lemma = verb.lemma_.lower()
    readings = {lemma, phrasal_lemma(verb)} | {f"{lemma} {c.lower_}" for c in verb.children
                                               if c.dep_ in ("dobj", "advmod", "prt")}
    return bool(readings & OCCURRING)


def _shares_perfect(conj: Token, head: Token) -> bool:
    """"we would have gotten a laser on them and killed them": a regular past form joined, with no
    subject or auxiliary of its own, to a modal perfect ("would have", "could have") is its second
    participle, which the tagger read as a past tense: it shares the modal. Not inside what a
    speaker said ("said they would have preferred a peaceful end and arrested 20"): the parser
    joins the speaker's next act to the clause said."""
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in statement_verbs():
        return False
    return head.tag_ == "VBN" and conj.tag_ in ("VBD", "VBN") and conj.lower_.endswith("ed") \
        and any(c.tag_ == "MD" for c in head.children) \
        and any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in head.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children)


def _is_predicate(token: Token) -> bool:
    """A verb, adjective or root; or an infinitive the tagger took for a noun ("offered to host
    talks", "host" tagged NN)."""
    return token.pos_ in ("VERB", "AUX", "ADJ") or token.dep_ == "ROOT" or (
        token.dep_ == "xcomp" and has_to(token))


def classify(trigger: Token) -> tuple[str, str | None]:
    """The modality of the event a trigger names, and the cue that decided it (None if asserted)."""
    modality, cue = classify_token(trigger)
    return modality, cue.text if cue is not None else None


def classify_token(trigger: Token) -> tuple[str, Token | None]:
    """As ``classify``, with the cue as a token."""
    cues = load_cues()
    doc = trigger.doc
    if trigger.i >= 2 and doc[trigger.i - 1].text == "-" and doc[trigger.i - 2].lower_ == "non":
        return NEGATED, doc[trigger.i - 2]  # "Cruz's non-endorsement of Trump", "a non-aggression pact"
    if trigger.pos_ == "NOUN":
        # "to turn any Trump attacks into a counterattack": any such event, none in particular
        det = next((c for c in trigger.children if c.dep_ == "det" and c.lower_ in cues.determiners), None)
        if det is not None:
            return HYPOTHETICAL, det
    denied = _denied_claim(trigger, cues)
    if denied is not None:
        return NEGATED, denied
    t = trigger
    negation = True  # whether a negation met further up still applies
    for _ in range(12):
        found = _own(t, cues, negation)
        if found:
            return found
        if t is trigger and about_the_subject_above(t):
            t = t.sent.root  # "asked the court to order Israel to halt ..., accusing it": the sentence's act
            continue
        to = _infinitive_to(t)
        if to is not None and (t.head.i == t.i or (t.dep_ == "xcomp" and t.head.lemma_ == "be")
                               or (any(c.dep_ == "nsubj" for c in t.children) and is_headline(t.sent))):
            # headlines ("Trump to meet Kim"; "Japan to send warship through Taiwan Strait; China
            # protests", parsed under the second clause) and "is to be allowed"
            return HYPOTHETICAL, to
        if to is not None and t.dep_ == "xcomp" and t.head.lemma_ in OBLIGING and t.head.tag_ in ("VBP", "VBZ", "VB"):
            return HYPOTHETICAL, t.head  # "ISIS has to be destroyed": an obligation, not yet met ("had to" may be)
        if t.head.i == t.i:
            break
        head = t.head
        if not _is_predicate(t):
            if t.dep_ not in NOMINAL_UP:
                break
            if t is trigger and _answered(t):
                break  # "planned to respond to Trump's attacks": the attacks happened
            if t.dep_ in ("dobj", "nsubjpass") and negation and phrasal_lemma(head) in cues.cancelling:
                return NEGATED, head  # "cancelled the summit", "the flight was delayed"
            if t.dep_ == "dobj" and negation and t.lemma_.lower() in RESPONSIBLE and \
                    _cue_lemma(head, cues.negating_heads) in cues.negating_heads:
                return NEGATED, head  # "denied responsibility for the attack": not theirs
            if (t.dep_ == "dobj" and head.lemma_.lower() in cues.requesting) or (
                    t.dep_ == "prep" and f"{head.lemma_.lower()} {t.lower_}" in cues.requesting):
                return HYPOTHETICAL, head  # "sought the extradition", "called for talks": not yet done
            granted = _granting_object(t, head, cues)
            if granted is not None:
                return HYPOTHETICAL, granted  # "gave its blessing to the killing": allowed, not done
            if t.dep_ == "pobj" and not (head.lower_ == "for" and head.head.lemma_.lower() in RESPONSIBLE):
                # "did not comment on the situation", "a flight delayed after an accident": what a
                # preposition adds is not what is denied; a modal still covers it ("was not
                # responsible for the attack" denies the attack, as roles.py reads it)
                negation = False
            if t.dep_ == "prep" and t.lower_ == "of" and head.pos_ == "NOUN" and \
                    head.lemma_.lower() in cues.hypothetical_heads - COUNTING_CUES:
                return HYPOTHETICAL, head  # "fears of an invasion", "the threat of sanctions", "on the verge of imposing"
            if t.dep_ in ("nsubj", "nsubjpass") and _cue_lemma(head, cues.hypothetical_heads) in cues.hypothetical_heads:
                return HYPOTHETICAL, head  # "Obama's veto is expected to come before Friday"
            if t.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and not _occurs(head):
                # "the investigation found no wrongdoing", "the strike caused no casualties": what the
                # event did not do, not whether it happened ("the talks did not take place" still denies)
                negation = False
            t = head
            continue
        if t.dep_ == "conj" and head.i < t.i:  # "might conduct X and demonstrate Y"
            tensed = t.tag_ in ("VBD", "VBZ") or (t.tag_ == "VBN" and not any(
                c.dep_ in ("aux", "auxpass") for c in t.children))  # "vowed to retaliate and summoned ..."
            if tensed and any(c.tag_ == "MD" or (c.dep_ == "aux" and c.lower_ == "to") for c in head.children) \
                    and not _shares_perfect(t, head):
                # "said they would hold a rally and called on Georgians to ...", "said the measures
                # were needed to protect security and accused the US": a tensed verb (or a past
                # participle with no auxiliary, which the tagger gives for one) is no modal's nor an
                # infinitive's
                break
            if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children):
                negation = False  # "was not reported and only became public": "not" stays in its conjunct
            t = head
            continue
        if t.dep_ not in CLAUSE_UP or (
                t.dep_ == "acl" and t.tag_ == "VBD" and not any(c.dep_ == "mark" for c in t.children)):
            # a finite past tense with no "that" cannot modify a noun ("rumors that China arrested
            # ..." can): the parser hung a main verb on its subject ("The union, ..., called for a
            # strike and warned that ..."), whose verb is no cue of it
            break
        if to is not None and t.dep_ in ("xcomp", "advcl"):
            plan = next((c for c in t.head.children
                         if c.dep_ == "dobj" and c.lemma_.lower() in cues.hypothetical_heads), None)
            if plan is not None:
                denied = _denial(plan) or (_denial(t.head) if negation else None)
                if denied is not None:
                    return NEGATED, denied  # "said it had no plans to attack": no plan, no act
                return HYPOTHETICAL, plan  # "announced plans this week to give": the infinitive is the plan's
            if t.dep_ == "advcl":
                # "pleaded with Germany to send tanks", "difficult for families to sue": an infinitive
                # clause of purpose or condition says what is meant or possible, not what happened
                return HYPOTHETICAL, t.head
        if t.dep_ == "advcl" and (t.tag_ == "VBD" or any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")
                                                         for c in t.children)):
            # "was not reported when the plane made its flight": a clause of its own; so is one in the
            # past tense, which no modal governs ("would install centrifuges after the board passed a
            # resolution", its "after" hung on the main verb)
            break
        if t.dep_ == "advcl":  # "has been delayed, leading to ...": a consequence, not a complement
            t = head
            continue
        if t.dep_ == "ccomp" and negation:
            false = next((c for c in head.children if c.dep_ == "advmod" and c.lower_ in cues.falsifying), None)
            if false is not None:
                return NEGATED, false  # "falsely claimed that Ukraine attacked first": the article denies it
        if t.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in GERUND_PREPS and head.head.i != head.i:
            head = head.head  # "refrained from endorsing", "held off on imposing": the verb governs the gerund
        lemma = _cue_lemma(head, cues.negating_heads | cues.hypothetical_heads)
        lemma = next((f"{lemma} {c.lower_}" for c in head.children if c.dep_ in ("prt", "prep") and c.i < t.i
                      and f"{lemma} {c.lower_}" in cues.hypothetical_heads | cues.negating_heads),
                     lemma)  # "called on X to join", "ruled out supplying missiles"
        if lemma in cues.negating_heads and negation:  # "refused to attend", "failed to reach"
            return NEGATED, head
        if lemma in cues.hypothetical_heads and head.pos_ != "ADP":  # "expected to launch", "plans to visit",
            # "is about to launch" (not the preposition: "complained about being attacked")
            denied = _denial(head) if negation and lemma in INTENDING else None
            if denied is not None:
                return NEGATED, denied  # "does not plan to attack": an intention denied ("not expected to" stays a forecast)
            return HYPOTHETICAL, head
        if t.dep_ == "acl" and has_to(t):
            return HYPOTHETICAL, head  # "an opportunity to restart talks": not yet done
        t = head
    return ASSERTED, None


def _denied_claim(trigger: Token, cues: Cues) -> Token | None:
    """The claim noun, denied, whose clause holds the trigger: "denied allegations that it had
    bombed the hospital", "dismissed reports that Putin would meet Zelenskiy" (a denial of a deed,
    also of a planned one, not the refusal that "rejected" would make it, intent.py); else None."""
    for noun in trigger.ancestors:
        if noun.dep_ == "dobj" and noun.lemma_.lower() in CLAIM_NOUNS and \
                _cue_lemma(noun.head, cues.negating_heads) in cues.negating_heads and any(
                    c.dep_ in ("acl", "ccomp") and c.i > noun.i and trigger in c.subtree for c in noun.children):
            return noun
    return None


def _answered(noun: Token) -> bool:
    """Whether a nominal event someone owns is what a verb of answering answers ("respond to Trump's
    attacks", "retaliate for Israel's strike"): an act that has happened, not part of the plan."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or not any(c.dep_ == "poss" for c in noun.children):
        return False
    return phrasal_lemma(noun.head.head) in RESPONDING


def _cue_lemma(verb: Token, known: frozenset[str] | set[str]) -> str:
    """The verb's lemma, or the form of it a cue list knows where the small model's lemmatizer gets
    an inflected verb wrong ("hopes" -> "hop", "poised" -> "poise")."""
    lemma = verb.lemma_.lower()
    if lemma in known or verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return lemma
    word = verb.lower_
    forms = [word]
    if word.endswith(("s", "d")):
        forms.append(word[:-1])  # "hopes", "hoped" -> "hope"
    if word.endswith(("es", "ed")):
        forms.append(word[:-2])  # "wished" -> "wish"
    return next((f for f in forms if f in known and len(f) > 2), lemma)
