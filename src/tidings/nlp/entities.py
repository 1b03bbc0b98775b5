"""Named-entity mentions with character offsets, from the spaCy parse."""

from __future__ import annotations

from bisect import bisect_right

from ..options import Options
from ..model import Article, Mention
from ..stages import stage


@stage("entities", requires=("doc", "sentences"), provides=("mentions",))
def entities(article: Article, options: Options) -> None:
    """Record the named entities spaCy found, each tied to its sentence."""
    starts = [s.start for s in article.sentences]
    out: list[Mention] = []
    for ent in article.doc.ents:
        index = max(bisect_right(starts, ent.start_char) - 1, 0)
        out.append(Mention(id=f"{article.id}-m{len(out):04d}", article_id=article.id,
                           sentence_index=index, start=ent.start_char, end=ent.end_char,
                           text=ent.text, label=ent.label_))
    article.mentions = out
