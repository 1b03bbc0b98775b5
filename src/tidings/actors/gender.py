"""Which person "he" or "she" can stand for: the gender the article or a first name gives a person.

A pronoun agrees with its antecedent: "Clinton suggested ... and she charged" is not about Sanders,
though Sanders was the last person named. The article's own words are the best witness ("Mr.
Sanders", "Sanders defended his vote"); failing them, the first name, read by gender-guesser
(Jörg Michael's list of about 45,000 first names), only where the list is certain: "Kim" and
"Bernie" are "mostly" one or the other there, and are left unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Token

from ..model import Actor
from .kb import FAMILY_NAME_FIRST, title_words
from .names import norm

MALE, FEMALE = "m", "f"
HONORIFICS = {"mr": MALE, "mr.": MALE, "mrs": FEMALE, "mrs.": FEMALE, "ms": FEMALE, "ms.": FEMALE,
              "miss": FEMALE, "sir": MALE, "lady": FEMALE, "madam": FEMALE}
PRONOUNS = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE,
            "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
SUBJECTS = ("nsubj", "nsubjpass")


@cache
def _detector():
    import gender_guesser.detector as guesser

    return guesser.Detector(case_sensitive=False)


@cache
def first_name_gender(first: str) -> str | None:
    """MALE or FEMALE where gender-guesser is certain of the first name, else None."""
    found = _detector().get_gender(first)
    return MALE if found == "male" else FEMALE if found == "female" else None


@cache
def is_first_name(word: str) -> bool:
    """Whether gender-guesser knows the word as a first name at all ("Sofia", "Victoria")."""
    return _detector().get_gender(word) != "unknown"


def name_gender(name: str) -> str | None:
    """The gender of a full name by its first word that is no title ("Sen. Lindsey Graham": Lindsey)."""
    titles = title_words()
    for word in name.split():
        key = word.lower().rstrip(".")
        if key in titles or word.lower() in HONORIFICS:
            continue
        return first_name_gender(word) if len(word) > 1 and word[:1].isupper() else None
    return None


def person_gender(doc: Doc, spans: Iterable[tuple[int, int]], name: str | None) -> str:
    """A person's gender in one article, MALE, FEMALE or "" (unknown): what the article's words say
    around their mentions (``spans``: token start and end of each, pronouns left out) when they say
    one thing; the first name's when they say nothing; unknown when they disagree. The actors stage
    (pronouns) and the events stage (roles) both ask this, so that they never read a person differently."""
    said = {mention_gender(doc, start, end) for start, end in spans} - {None}
    if said:
        return next(iter(said)) if len(said) == 1 else ""
    return (name_gender(name) if name else None) or ""


def fits(pronoun: str, known: str) -> bool:
    """Whether a pronoun can stand for a person whose gender is ``known`` ("" when unknown): he, she,
    his and her not for a person of the other gender; any other pronoun for anyone."""
    wanted = PRONOUNS.get(pronoun.lower())
    return wanted is None or not known or known == wanted


def mention_gender(doc: Doc, start: int, end: int) -> str | None:
    """What the words around one mention of a person (tokens start..end) say of their gender: an
    honorific before it ("Mr. Sanders"), or a his/her/himself/herself in the clause it is the
    subject of, with no other person in that clause ("Sanders defended his vote")."""
    if start > 0 and doc[start - 1].lower_ in HONORIFICS:
        return HONORIFICS[doc[start - 1].lower_]
    if start < len(doc) and doc[start].lower_ in HONORIFICS:  # the honorific inside the entity
        return HONORIFICS[doc[start].lower_]
    root = doc[start:end].root
    if root.dep_ not in SUBJECTS:
        return None
    verb = root.head
    said = set()
    for tok in _clause(verb):
        if tok.i >= end and tok.ent_type_ == "PERSON" and tok.i != root.i:
            return None  # another person in the clause: "his" may be theirs
        if tok.i >= end and tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            said.add(PRONOUNS[tok.lower_])
    return said.pop() if len(said) == 1 else None


def _clause(verb: Token) -> list[Token]:
    """The verb's own clause: its subtree without clauses it governs."""
    out, stack = [], [verb]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children
                     if c.dep_ not in ("ccomp", "advcl", "relcl", "parataxis", "conj", "xcomp", "csubj"))
    return out


def given_name_of(word: str, person: Actor) -> bool:
    """Whether ``word`` is only a given name of ``person`` in one of their names, which alone does not
    name them: a later word of a name written family name first ("Gang" of Qin Gang: "Gang leader
    Jimmy Cherizier"), or the first word of a name written the western way where it is a first name
    this module is sure of ("Bob" of Bob Hawke, "Bill" of William Burns, "Bill Burns"). "Kim" and
    "Xi", family names, are neither."""
    key = norm(word)
    for name in (person.name, *person.aliases):
        words = norm(name).split()
        if len(words) < 2:
            continue
        if person.country in FAMILY_NAME_FIRST:
            if key != words[0] and key in words[1:]:
                return True
        elif key == words[0] and first_name_gender(words[0].title()) is not None:
            return True
    return False

