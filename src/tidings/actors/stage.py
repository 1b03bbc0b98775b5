"""The actors stage: every mention of a person, state, body or group resolved to an actor."""

from __future__ import annotations

from ..model import Article
from ..options import Options
from ..stages import stage
from .kb import load_kb
from .resolve import Resolver


@stage("actors", requires=("doc", "sentences"), provides=("actors", "actor_mentions"))
def actors(article: Article, options: Options) -> None:
    """Resolve names, descriptions and pronouns to actors with country and sector codes."""
    Resolver(load_kb(tuple(options.actors)), article).run()
