"""Quote records: each quotation of an article with the speaker it belongs to.

The speaker is looked for, in this order:

1. ``cue``: a claim whose content holds the quotation ('Trump has said that ... is “a good
   thing.”', '“...,” she said'), else a reporting word in the quotation's own sentences,
   outside any quotation, with its subject ("according to X" counts too);
2. ``before``: for a quotation that starts its sentence, the sentence before it: a quotation
   there whose speaker is known (a quote that goes on), else a reporting word there ("he
   spoke as if he were a long-lost friend." then a quoted paragraph: the speaker of "spoke");
3. ``after``: the sentence after it, when it holds a reporting word and no quotation of its own;
4. ``none``: the speaker stays unknown.

A quotation's own named actors are excluded as its speaker when that speaker is a pronoun
(see speakers.py): "I got along well with ... Kim Jong-un" is not Kim speaking.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span, Token

from ..model import Article, Claim, Quote
from .claims import cue_of, negated
from .marks import Quotation
from .speakers import Speakers, subject_of


def _inside(token: Token, quotes: list[Quotation]) -> bool:
    return any(q.mark_start <= token.idx < q.mark_end for q in quotes)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


class QuoteFinder:
    """Attributes the quotations of one article (see the module docstring)."""

    def __init__(self, article: Article, speakers: Speakers, quotations: list[Quotation], claims: list[Claim]):
        self.article = article
        self.doc = article.doc
        self.speakers = speakers
        self.quotations = quotations
        self.claims = claims
        self.sentence_starts = [s.start for s in article.sentences]
        self._spans: dict[int, Span] = {}

    def _sentence_at(self, offset: int) -> int:
        return max(bisect_right(self.sentence_starts, offset) - 1, 0)

    def sentence(self, i: int) -> Span:
        """The tokens of the article's i-th sentence, made when first needed."""
        if i not in self._spans:
            s = self.article.sentences[i]
            self._spans[i] = self.doc.char_span(s.start, s.end, alignment_mode="expand")
        return self._spans[i]

    def _cues(self, sent: Span) -> list[Token]:
        """Reporting words of a sentence outside quotations, the one nearest the root first."""
        found = [t for t in sent if (t.lower_ == "according" or cue_of(t) is not None) and not negated(t)
                 and not _inside(t, self.quotations)]
        return sorted(found, key=lambda t: (_depth(t), -t.i))

    def _from_cue(self, cue: Token, q: Quotation) -> tuple[dict | None, Token]:
        if cue.lower_ == "according":
            to = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
            head = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            return self.speakers.speaker(head), cue
        return self.speakers.speaker(subject_of(cue), cue, ((q.start, q.end),)), cue

    def _starts_sentence(self, q: Quotation) -> bool:
        sent = self.sentence(self._sentence_at(q.mark_start))
        return q.continued or not self.doc.text[sent.start_char:q.mark_start].strip(" \t\n-\u2014\u2013:")

    def attribute(self, q: Quotation, done: list[Quote]) -> tuple[dict | None, Token | Claim | Quote | None, str]:
        for claim in self.claims:
            if claim.content_start <= q.start and q.end <= claim.content_end:
                return claim.speaker, claim, "cue"
        first, last = self._sentence_at(q.mark_start), self._sentence_at(max(q.mark_end - 1, q.mark_start))
        for i in range(first, last + 1):
            cues = self._cues(self.sentence(i))
            if cues:
                speaker, cue = self._from_cue(cues[0], q)
                return speaker, cue, "cue"
        if not self._starts_sentence(q):
            return None, None, "none"
        if first > 0:
            before = self.sentence(first - 1)
            previous = next((d for d in reversed(done) if d.speaker and before.start_char <= d.end
                             and d.start < before.end_char), None)
            if previous is not None:
                return previous.speaker, previous, "before"
            cues = self._cues(before)
            if cues:
                speaker, cue = self._from_cue(cues[0], q)
                if speaker is not None:
                    return speaker, cue, "before"
        if last + 1 < len(self.article.sentences):
            after = self.sentence(last + 1)
            has_quote = any(after.start_char <= o.mark_start < after.end_char for o in self.quotations)
            cues = [] if has_quote else self._cues(after)
            if cues:
                speaker, cue = self._from_cue(cues[0], q)
                if speaker is not None:
                    return speaker, cue, "after"
        return None, None, "none"

    def find(self) -> list[Quote]:
        out: list[Quote] = []
        text = self.article.text
        for q in self.quotations:
            speaker, cue, method = self.attribute(q, out)
            if isinstance(cue, Claim):
                cue_start, cue_end = cue.cue_start, cue.cue_end
            elif isinstance(cue, Quote):
                cue_start, cue_end = cue.cue_start, cue.cue_end
            elif cue is not None:
                cue_start = cue.idx
                cue_end = cue.doc[cue.i + 1].idx + 2 if cue.lower_ == "according" else cue.idx + len(cue.text)
            else:
                cue_start = cue_end = None
            if speaker is None:
                method = "none" if cue is None else method
            out.append(Quote(id=f"{self.article.id}-q{len(out):04d}", article_id=self.article.id,
                             sentence_index=max(bisect_right(self.sentence_starts, q.start) - 1, 0),
                             start=q.start, end=q.end, text=text[q.start:q.end], speaker=speaker,
                             cue=text[cue_start:cue_end] if cue_start is not None else None,
                             cue_start=cue_start, cue_end=cue_end, method=method))
        return out
