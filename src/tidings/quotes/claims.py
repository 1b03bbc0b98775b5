"""Attributed claims: reported speech and cognition, read off the dependency parse.

A cue of data/cues.tsv makes a claim when it has content of a kind it takes:

- ``clause``: its reported clause, the ``ccomp`` or ``parataxis`` below it ("X said **that
  ...**", "**“...,”** she said", "analysts say **Kim may ...**"), or, where the cue is itself
  the parenthetical ("The economy, **he said**, is strong"), the clause it interrupts;
- ``object``: its direct object ("outlined **North Korea's expected tactics**");
- ``complement``: its object with what is said of it ("called **Trump “crazy”**");
- ``infinitive``: its ``to`` complement ("vowed **to retaliate**");
- ``quote``: any of these, or a quotation after a colon, when it is in quotation marks.

"According to X, ..." makes a claim of the clause the phrase attaches to, and so does a
person's name before a colon at the start of a sentence ("Warren: Trump is a failure", the
way headlines and transcripts quote). Content that runs
into a quotation is extended to the whole quotation, marks included, so that a quote of several
sentences is one claim. A negated cue ("did not say that") makes no claim, and a claim whose cue
lies inside another claim's content is left out: it is part of that claim (PolNeAR's rule too).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Span, Token

from ..model import Article, Claim
from .kinds import kind_of
from .lexicon import Cue, load_lexicon
from .marks import Quotation
from .speakers import Speakers, subject_of

CLAUSE_DEPS = ("ccomp", "parataxis")
EDGE = set(",;:-\u2014\u2013 \n\t")


def cue_of(token: Token) -> Cue | None:
    """The cue entry a token stands for, if any: a verb of the lexicon with its particle."""
    if token.pos_ != "VERB" or (token.i > 0 and token.doc[token.i - 1].text in ("<", "</")):
        return None  # nouns ("a tweet") and markup left in scraped text ("<tweet ...>") are not cues
    lexicon = load_lexicon()
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return lexicon.cue(token.lemma_.lower(), particle)


def negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _span(tokens: list[Token]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def _edges(token: Token) -> tuple[int, int]:
    """The character span of a token's subtree (contiguous in spaCy's projective parses)."""
    right = token.right_edge
    return token.left_edge.idx, right.idx + len(right)


_marks: tuple[list[Quotation], int, "_Spans"] | None = None  # the last article's quotations, indexed


def _overlapping(start: int, end: int, quotes: list[Quotation]) -> list[Quotation]:
    global _marks
    if _marks is None or _marks[0] is not quotes or _marks[1] != len(quotes):
        _marks = (quotes, len(quotes), _Spans([(q.mark_start, q.mark_end) for q in quotes]))
    return [quotes[i] for i in _marks[2].near(start, end) if quotes[i].mark_start < end and start < quotes[i].mark_end]


def _content(cue: Token, entry: Cue, quotes: list[Quotation]) -> tuple[int, int, Token] | None:
    """The character span of a cue's content and its head, by what the cue takes."""
    takes = entry.takes
    children = list(cue.children)
    candidates: list[Token] = []
    if takes & {"clause", "quote"}:
        candidates += [c for c in children if c.dep_ in CLAUSE_DEPS]
    if takes & {"object", "complement", "quote"}:
        candidates += [c for c in children if c.dep_ in ("dobj", "attr", "oprd")]
    if "infinitive" in takes:
        candidates += [c for c in children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
    for child in sorted(candidates, key=lambda c: c.left_edge.i - c.right_edge.i):
        start, end = _edges(child)
        quoted = bool(_overlapping(start, end, quotes))
        if child.dep_ in CLAUSE_DEPS and "clause" in takes or quoted:
            return start, end, child
        if child.dep_ in ("dobj", "attr", "oprd") and takes & {"object", "complement"}:
            more = [c for c in children if c.i > child.i and (c.dep_ in ("oprd", "ccomp", "xcomp")
                                                           or c.dep_ == "prep" and c.lower_ == "as")]
            if more or "object" in takes:  # "complement": "called Trump “crazy”", not "called a meeting"
                return start, max([end] + [_edges(c)[1] for c in more]), child
        if child.dep_ == "xcomp" and "infinitive" in takes:
            return start, end, child
    head = cue.head
    if cue.dep_ == "parataxis" and head.i != cue.i and head.pos_ in ("VERB", "AUX") and takes & {"clause", "quote"}:
        inner = {t.i for t in cue.subtree}
        tokens = [t for t in head.subtree if t.i not in inner]
        start, end = _span(tokens)
        if "clause" in takes or _overlapping(start, end, quotes):
            return start, end, head
    return None


def _after_colon(cue: Token, quotes: list[Quotation]) -> Quotation | None:
    """A quotation right after a colon that follows the cue: 'X said: “...”'."""
    doc = cue.doc
    for t in doc[cue.i + 1:min(cue.i + 6, len(doc))]:
        if t.text == ":":
            after = t.idx + 1
            text = doc.text
            while after < len(text) and text[after].isspace():
                after += 1
            return next((q for q in quotes if q.mark_start == after), None)
    return None


def _according(token: Token) -> tuple[Token, int, int, Token] | None:
    """For "according" of "according to X": the speaker head, the content's span and head."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    speaker = next((c for c in to.children if c.dep_ == "pobj"), None)
    if speaker is None:
        speaker = next((c for c in token.children if c.dep_ == "pobj"), None)
    phrase = {t.i for t in token.subtree} | {t.i for t in to.subtree}
    head = token.head if token.head.i != token.i else token.sent.root
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    tokens = [t for t in head.subtree if t.i not in phrase and not t.is_space]
    words = [t for t in tokens if not t.is_punct]
    before = [t for t in words if t.i < token.i]
    after = [t for t in words if t.i > max(phrase)]
    if not words or speaker is None:
        return None
    if before and not after or after and not before:  # "..., according to X." or "According to X, ..."
        side = before or after
        tokens = [t for t in tokens if side[0].i <= t.i <= side[-1].i]
    return speaker, *_span(tokens), head


def _headline(sent: Span) -> tuple[Token, Token, list[Token]] | None:
    """'Elizabeth Warren: Trump is a failure': a person's name, a colon and what they say
    (a headline's and a transcript's way of quoting). Returns the name's head, the colon and
    the content."""
    colon = next((t for t in sent[1:8] if t.text == ":"), None)
    if colon is None:
        return None
    before = sent.doc[sent.start:colon.i]
    content = [t for t in sent.doc[colon.i + 1:sent.end] if not t.is_space]
    if len([t for t in content if not t.is_punct]) < 2 or any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    return before.root, colon, content


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


class ClaimFinder:
    """Finds the claims of one article (see the module docstring)."""

    def __init__(self, article: Article, speakers: Speakers, quotes: list[Quotation]) -> None:
        self.article = article
        self.speakers = speakers
        self.quotes = quotes
        self.sentence_starts = [s.start for s in article.sentences]

    def _claim(self, speaker: dict | None, cue_start: int, cue_end: int, cue_kind: str,
               start: int, end: int, root: Token, parenthetical: bool = False) -> Claim | None:
        text = self.article.text
        for q in _overlapping(start, end, self.quotes):  # the whole quotation, marks and all
            if not q.mark_start <= cue_start < q.mark_end:  # unless the cue is quoted too
                start, end = min(start, q.mark_start), max(end, q.mark_end)
        start, end = _trim(text, start, end)
        if end - start < 2 or (start <= cue_start < end and not parenthetical):
            return None
        edges = [start, end, cue_start, cue_end] + ([speaker["start"], speaker["end"]] if speaker else [])
        return Claim(id="", article_id=self.article.id,
                     sentence_index=max(bisect_right(self.sentence_starts, cue_start) - 1, 0),
                     start=min(edges), end=max(edges), speaker=speaker, cue=text[cue_start:cue_end],
                     cue_start=cue_start, cue_end=cue_end, content=text[start:end], content_start=start,
                     content_end=end, kind=kind_of(cue_kind, root))

    def _person(self, head: Token) -> bool:
        """Whether a phrase names a person: a PERSON entity or a mention of a person actor."""
        span = head.doc[head.left_edge.i:head.right_edge.i + 1]
        if any(e.label_ == "PERSON" for e in span.ents):
            return True
        mention = self.speakers.mention_of(head)
        return mention is not None and self.speakers.types.get(mention.actor_id) == "person"

    def candidates(self) -> list[Token]:
        """The tokens that may be cues, picked from the doc's arrays without making every Token."""
        doc = self.article.doc
        strings = doc.vocab.strings
        wanted = {strings.add(word) for word in load_lexicon().cues} | {strings.add("according"), strings.add(":")}
        lemmas, lowers = doc.to_array(LEMMA).tolist(), doc.to_array(LOWER).tolist()
        return [doc[i] for i, (lemma, lower) in enumerate(zip(lemmas, lowers)) if lemma in wanted or lower in wanted]

    def find(self) -> list[Claim]:
        lexicon = load_lexicon()
        found: list[Claim] = []
        for token in self.candidates():
            if token.lower_ == "according":
                got = _according(token)
                if got is None:
                    continue
                head, start, end, root = got
                cue_end = token.doc[token.i + 1].idx + 2
                speaker = self.speakers.speaker(head)
                claim = self._claim(speaker, token.idx, cue_end, lexicon.cues["according"].kind, start, end, root,
                                    parenthetical=True)
                if claim:
                    found.append(claim)
                continue
            if token.text == ":":
                got = _headline(token.sent)
                if got is not None and got[1].i == token.i and self._person(got[0]):
                    head, colon, tokens = got
                    claim = self._claim(self.speakers.speaker(head), colon.idx, colon.idx + 1, "statement",
                                        *_span(tokens), tokens[0].sent.root)
                    if claim:
                        found.append(claim)
                continue
            entry = cue_of(token)
            if entry is None or negated(token):
                continue
            content = _content(token, entry, self.quotes)
            if content is None:  # 'X said: “...”', whatever the cue takes
                q = _after_colon(token, self.quotes)
                if q is not None:
                    span = token.doc.char_span(q.start, q.end, alignment_mode="expand")
                    if span is not None and len(span):
                        content = (q.start, q.end, span.root)
            if content is None:
                continue
            start, end, root = content
            head = subject_of(token)
            quoted = tuple((q.start, q.end) for q in _overlapping(start, end, self.quotes))
            speaker = self.speakers.speaker(head, token, quoted)
            claim = self._claim(speaker, token.idx, token.idx + len(token.text), entry.kind, start, end, root,
                                parenthetical=root.i == token.head.i and token.dep_ == "parataxis")
            if claim:
                found.append(claim)
        return _outermost(found)


class _Spans:
    """Character spans by where they start, to find those near an offset without a walk over all
    of them (which made long articles quadratic): only spans starting at most the longest span's
    length before the offset can reach it."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.starts = [spans[i][0] for i in self.order]
        self.longest = max((e - s for s, e in spans), default=0)

    def near(self, start: int, end: int) -> list[int]:
        """Positions, in the given order, of the spans that start before ``end`` and may reach ``start``."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return sorted(self.order[lo:hi])


class _Contents:
    """Claims by their content spans."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.spans = _Spans([(c.content_start, c.content_end) for c in claims])

    def holding(self, start: int, end: int) -> list[Claim]:
        """Claims whose content holds ``start``..``end``, in their given order."""
        return [c for c in (self.claims[i] for i in self.spans.near(start, start + 1))
                if c.content_start <= start and end <= c.content_end]


def _outermost(claims: list[Claim]) -> list[Claim]:
    """Claims whose cue is not inside another claim's content, in text order."""
    contents = _Contents(claims)
    kept, spans = [], set()
    for c in claims:
        if any(o is not c for o in contents.holding(c.cue_start, c.cue_start + 1)):
            continue
        if (c.content_start, c.content_end) in spans:
            continue
        spans.add((c.content_start, c.content_end))
        kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.cue_start))


_index: tuple[list[Claim], int, _Contents] | None = None  # the last article's claims, indexed


def claim_at(article: Article, start: int, end: int | None = None) -> Claim | None:
    """The innermost claim of the article whose content holds the offsets ``start``..``end``
    (an event trigger, say), or None when the article asserts it in its own voice."""
    global _index
    end = start + 1 if end is None else end
    if _index is None or _index[0] is not article.claims or _index[1] != len(article.claims):
        _index = (article.claims, len(article.claims), _Contents(article.claims))
    holding = _index[2].holding(start, end)
    return min(holding, key=lambda c: c.content_end - c.content_start) if holding else None
