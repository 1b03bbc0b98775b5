"""The registry of pipeline stages.

A stage works on one parsed article at a time. It declares what it needs (fields of the
article or outputs of other stages) and what it adds, and the pipeline orders the stages so
that every need is met. Later capabilities (actors, events, quotes, stories) register here.

    @stage("sentences", requires=("doc",), provides=("sentences",))
    def sentences(article: Article, options: Options) -> None: ...
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .errors import ConfigError
from .model import Article
from .options import Options

# What every article has before any stage runs.
BASE_FIELDS = frozenset({"id", "text", "title", "published", "doc"})

StageFn = Callable[[Article, Options], None]


@dataclass(frozen=True)
class StageInfo:
    name: str
    fn: StageFn
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    doc: str


_REGISTRY: dict[str, StageInfo] = {}


def stage(name: str, *, requires: Sequence[str] = (), provides: Sequence[str] = ()) -> Callable[[StageFn], StageFn]:
    """Register a function as a pipeline stage under ``name``."""

    def register(fn: StageFn) -> StageFn:
        if name in _REGISTRY and _REGISTRY[name].fn is not fn:
            raise ConfigError(f"a stage named {name!r} is already registered")
        _REGISTRY[name] = StageInfo(name, fn, tuple(requires), tuple(provides),
                                    (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "")
        return fn

    return register


def registered() -> dict[str, StageInfo]:
    """All registered stages by name (importing the built-in ones first)."""
    from . import actors, events, nlp  # noqa: F401  registers the built-in stages
    from . import quotes  # noqa: F401
    from . import stories  # noqa: F401

    return dict(_REGISTRY)


# Corpus stages work on stored articles together (near-duplicates, merged events, stories): each
# is called as fn(store, article_ids, options) after a batch is stored, on the articles it has not
# seen yet, in registration order (see tidings/stories/corpus.py).
CorpusFn = Callable[..., None]
_CORPUS: dict[str, StageInfo] = {}


def corpus_stage(name: str, *, requires: Sequence[str] = (), provides: Sequence[str] = ()
                 ) -> Callable[[CorpusFn], CorpusFn]:
    """Register a function as a corpus stage under ``name``."""

    def register(fn: CorpusFn) -> CorpusFn:
        _CORPUS[name] = StageInfo(name, fn, tuple(requires), tuple(provides),
                                  (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "")
        return fn

    return register


def corpus_stages() -> dict[str, StageInfo]:
    """All registered corpus stages by name, in the order they run."""
    registered()
    return dict(_CORPUS)


def resolve(names: Sequence[str] | None = None) -> list[StageInfo]:
    """The named stages (all when None) in an order where each stage's needs come first."""
    known = registered()
    wanted = list(known) if names is None else list(names)
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise ConfigError(f"unknown stage {unknown[0]!r}; valid stages: {', '.join(sorted(known))}")
    ordered: list[StageInfo] = []
    available = set(BASE_FIELDS)
    pending = [known[n] for n in wanted]
    while pending:
        ready = [s for s in pending if set(s.requires) <= available]
        if not ready:
            s = pending[0]
            missing = sorted(set(s.requires) - available)
            providers = sorted(n for n, i in known.items() if set(missing) & set(i.provides))
            hint = f"; add stage {', '.join(providers)}" if providers else ""
            raise ConfigError(f"stage {s.name!r} needs {', '.join(missing)}, which no selected stage provides{hint}")
        for s in ready:
            ordered.append(s)
            available.update(s.provides)
            pending.remove(s)
    return ordered
