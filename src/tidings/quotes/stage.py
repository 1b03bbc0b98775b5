"""The quotes stage: quotations with their speakers, and attributed claims with their kind."""

from __future__ import annotations

from ..model import Article, Claim, Quote
from ..options import Options
from ..stages import stage
from .claims import ClaimFinder
from .marks import find_quotations
from .quoting import QuoteFinder
from .speakers import Speakers

FIRST_PERSON = {"i", "me", "my"}


@stage("quotes", requires=("doc", "sentences", "actor_mentions"), provides=("quotes", "claims"))
def quotes(article: Article, options: Options) -> None:
    """Find quotations and reported claims; resolve their speakers; tell predictions apart."""
    quotations = find_quotations(article.text)
    speakers = Speakers(article)
    claims = ClaimFinder(article, speakers, quotations).find()
    for i, claim in enumerate(claims):
        claim.id = f"{article.id}-c{i:04d}"
    found = QuoteFinder(article, speakers, quotations, claims).find() if quotations and article.sentences else []
    _first_person(claims, found)
    article.claims, article.quotes = claims, found


def _first_person(claims: list[Claim], quotes: list[Quote]) -> None:
    """"I think he misses me" inside someone's quotation is that speaker's claim."""
    for claim in claims:
        s = claim.speaker
        if s is None or s["actor_id"] is not None or s["text"].lower() not in FIRST_PERSON:
            continue
        holder = next((q for q in quotes if q.speaker and q.speaker["actor_id"]
                       and q.start <= claim.cue_start < q.end), None)
        if holder is not None:
            claim.speaker = {**s, "actor_id": holder.speaker["actor_id"], "name": holder.speaker["name"],
                             "country": holder.speaker["country"]}
