"""Sentences with character offsets, from the spaCy parse."""

from __future__ import annotations

from ..options import Options
from ..model import Article, Sentence
from ..stages import stage


@stage("sentences", requires=("doc",), provides=("sentences",))
def sentences(article: Article, options: Options) -> None:
    """Split the clean text into sentences with character offsets."""
    out: list[Sentence] = []
    for sent in article.doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        out.append(Sentence(id=f"{article.id}-s{len(out):04d}", article_id=article.id,
                            index=len(out), start=start, end=start + len(text), text=text))
    article.sentences = out
