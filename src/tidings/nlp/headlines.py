"""Headlines re-parsed where the small parser read their verb as a noun.

Headline English drops articles and tells past events in the present ("Niger junta expels French
ambassador", "North Korea fires ballistic missile into sea", "Pakistan arrests militant leader").
The small model reads such a verb as a noun or a noun's modifier, and the headline as one noun
phrase with no clause: no verb, no subject, no object, so no event, or one with its parties lost.
Told in the past tense the same words parse as a clause ("Niger junta expelled French ambassador":
junta the subject, ambassador the object).

So for a headline (a line of its own with no full stop) whose root is no verb, or a present-tense
verb the parser gave no subject ("Beijing sanctions U.S. defence firms": Beijing a compound of
the verb), or a noun read as the verb with the verb as its subject ("North Korea fires missile":
"missile" the root), each word that can
be a present-tense verb ("expels", "fires"; "storm" after a plural: "Protesters storm parliament";
"trade" after two names: "Pakistan, Afghanistan trade fire")
is tried in turn: the headline is parsed again with that word in the past tense (and, in title
case, the verb and the little words in lower case: "Trump slammed Clinton over Emails"); the parse
is kept if the word is its root, with a subject before it and an object or complement after it
("Iran nuclear talks", a noun phrase, has none and stays as it was). Only the parse and the tags
change; the text and its offsets stay, and the lemmatizer, after this component, reads the word as
the verb it now is. Inflections come from lemminflect.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from lemminflect import getAllLemmas, getInflection
from spacy.attrs import DEP, HEAD, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .layout import title_case

MAX_WORDS = 16  # a longer line with no full stop is a wrapped sentence or a list, not a headline
ENDS = set(".!?:;\"”’'")
PLURAL_TAGS = ("NNS", "NNPS")
COLLECTIVE = {"police", "people", "troops", "forces", "rebels", "militants"}
# the new parse must give the verb something after it: its object, a preposition, a clause
AFTER_DEPS = {"dobj", "prep", "ccomp", "xcomp", "dative", "prt", "attr", "acomp", "npadvmod"}
PARSE_STEPS = ("tok2vec", "tagger", "parser")


def _headline(sent: Span, text: str) -> bool:
    """A line of its own (``text`` is the document's), at most ``MAX_WORDS`` words, not ended by a
    full stop or a quote."""
    words = [t for t in sent if not t.is_space]
    if not words or len(words) > MAX_WORDS or words[-1].text[-1] in ENDS:
        return False
    return on_own_line(sent, text)


def on_own_line(sent: Span, text: str | None = None) -> bool:
    """Whether a sentence is a line of its own: only spaces between it and the line breaks (or the
    text's ends) around it. ``text`` is the document's (read from the sentence by default)."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    text = sent.doc.text if text is None else text
    before, after = sent.start_char - 1, words[-1].idx + len(words[-1].text)
    while before >= 0 and text[before] in " \t":
        before -= 1
    while after < len(text) and text[after] in " \t":
        after += 1
    return (before < 0 or text[before] == "\n") and (after == len(text) or text[after] == "\n")


def is_headline(sent: Span) -> bool:
    """Whether a parsed sentence is a headline: a line of its own, short, with no full stop."""
    return _headline(sent, sent.doc.text)


def _verbal(sent: Span) -> bool:
    """Whether the sentence's root is a verb (tags: the attribute ruler sets the parts of speech later)."""
    return sent.root.tag_.startswith("VB") or sent.root.tag_ == "MD"


def _subjectless(sent: Span) -> bool:
    """Whether the root is a present-tense verb the parser gave no subject, its doer hung before it
    as a modifier ("Beijing sanctions U.S. defence firms": Beijing a compound of the verb)."""
    root = sent.root
    subjects = ("nsubj", "nsubjpass", "expl", "csubj")
    return root.tag_ in ("VBZ", "VBP") and not any(c.dep_ in subjects for c in root.children) \
        and any(c.dep_ in ("compound", "amod", "nmod", "npadvmod") for c in root.lefts)


def verb_lemma(word: str) -> str | None:
    """The lemma of a word lemminflect knows as a verb ("expels": "expel"); known verbs only, no
    guessed "inned"."""
    lemmas = getAllLemmas(word.lower(), upos="VERB").get("VERB")
    return lemmas[0] if lemmas else None


def inflected(word: str, lemma: str, tags: tuple[str, ...]) -> bool:
    """Whether a word is one of ``lemma``'s inflections with these tags ("expels" of "expel", VBZ)."""
    return any(word.lower() in (getInflection(lemma, tag=tag) or ()) for tag in tags)


def _present_verb(token: Token) -> str | None:
    """The past tense of ``token`` if it can be a present-tense verb told of the word before it:
    a third person form ("expels") or, after a plural, the base form ("Protesters storm")."""
    word = token.text.lower()
    if not word.isalpha() or token.i == token.sent.start or not token.tag_.startswith(("NN", "VB")):
        return None
    lemma = verb_lemma(word)
    if lemma is None:
        return None
    prev = token.nbor(-1)
    third = inflected(word, lemma, ("VBZ",))
    base = word == lemma and (prev.tag_ in PLURAL_TAGS or prev.lower_ in COLLECTIVE or _joined_names(prev))
    if not (third or base) or prev.tag_ in ("DT", "PRP$", "POS", "IN"):
        return None  # "the fires", "its arrests", "of talks": nouns
    past = getInflection(lemma, tag="VBD")
    if not past:
        return None
    return past[0]


def _joined_names(name: Token) -> bool:
    """Whether a name ends two joined ones, a plural subject ("Pakistan, Afghanistan trade fire", "US
    and China trade barbs")."""
    return name.tag_ in ("NNP", "NNPS") and name.i - name.sent.start >= 2 and \
        any(t.text == "," or t.lower_ == "and" for t in (name.nbor(-1), name.nbor(-2)))


def _misread(sent: Span) -> bool:
    """Whether the parser took a headline's noun for its verb and its verb for the subject ("North
    Korea fires missile": "missile" the root, "fires" its subject): a root no verb can be, or an
    infinitive root whose subject can be a present-tense verb ("Niger junta orders French
    ambassador to leave": "leave" the root, "orders" its subject; "ELN rebels extend ceasefire"
    stays as parsed)."""
    root = sent.root
    if root.tag_.startswith("VB") and verb_lemma(root.text) is None:
        return True
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)
    return infinitive and subject is not None and subject.tag_ in PLURAL_TAGS and _present_verb(subject) is not None


def _candidates(sent: Span) -> Iterator[tuple[Token, str]]:
    for token in sent:
        past = _present_verb(token)
        if past is not None:
            yield token, past


class HeadlineParser:
    """The ``tidings_headlines`` component: see the module's docstring."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def _parse(self, words: list[str], spaces: list[bool]) -> Doc:
        doc = Doc(self.nlp.vocab, words=words, spaces=spaces)
        for name, proc in self.nlp.pipeline:
            if name in PARSE_STEPS:
                doc = proc(doc)
        return doc

    def reparse(self, sent: Span) -> Doc | None:
        """The headline parsed again with one verb in the past tense, if a reading holds; else None."""
        # in title case the small model takes every word for a name: its verb and little words
        # ("Over", "With") are told in lower case
        title = title_case(sent)
        words = [t.lower_ if title and t.is_stop else t.text for t in sent]
        spaces = [bool(t.whitespace_) for t in sent]
        for token, past in _candidates(sent):
            i = token.i - sent.start
            parsed = self._parse(words[:i] + [past] + words[i + 1:], spaces)
            roots = [t for t in parsed if t.dep_ == "ROOT" and not t.is_space]
            if len(roots) != 1 or roots[0].i != i or not roots[0].tag_.startswith("VB"):
                continue
            verb = roots[0]
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.lefts) and \
                    any(c.dep_ in AFTER_DEPS for c in verb.rights):
                return parsed
        return None

    def __call__(self, doc: Doc) -> Doc:
        found, text = [], doc.text
        for sent in doc.sents:
            if (not _verbal(sent) or _subjectless(sent) or _misread(sent)) and _headline(sent, text):
                parsed = self.reparse(sent)
                if parsed is not None:
                    found.append((sent.start, sent.end, parsed))
        if not found:
            return doc
        attrs = [HEAD, DEP, TAG]
        array = doc.to_array(attrs)
        for start, end, parsed in found:
            new = parsed.to_array(attrs)
            verb = parsed[[t.i for t in parsed if t.dep_ == "ROOT" and not t.is_space][0]]
            tag = "VBZ" if doc[start + verb.i].lower_.endswith("s") else "VBP"
            new[verb.i, 2] = doc.vocab.strings.add(tag)
            array[start:end] = new
        doc.from_array(attrs, array.astype(numpy.uint64))
        return doc


@Language.factory("tidings_headlines", requires=["token.dep", "token.tag"], assigns=["token.dep", "token.tag"])
def make_headline_parser(nlp: Language, name: str) -> HeadlineParser:
    return HeadlineParser(nlp)
