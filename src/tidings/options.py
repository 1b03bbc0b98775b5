"""The one options object passed down through ingest, NLP and store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass
class Options:
    """Settings for one run of the pipeline.

    workers: processes that parse and annotate articles (1: all in this process).
    batch_size: articles written to the store per transaction.
    published: publication date to use where an input gives none.
    encoding: text encoding of plain-text inputs; ``None`` means UTF-8 (with or without BOM).
    languages: languages that are processed; others are stored and marked.
    boilerplate: extra boilerplate lexicon files, beside the bundled one.
    actors: extra actor knowledge-base files (TSV, columns of leaders.tsv or organisations.tsv).
    triggers: extra event trigger files (TSV, columns of events/data/triggers.tsv).
    event_model: let the learned event classifier re-type or drop the rules' candidates
        (events/learned.py); off, the rules alone code events.
    min_event_confidence: with the event model, the least probability of being right (events/verify.py)
        an event is kept at; ``None``: the shipped policy's (model/policy.json ``verify_below``).
    timeout: seconds for one whole fetch of a URL (redirects, headers and body together).
    feed_timeout: seconds for a feed and all the entries it links to, together.
    allow_private_hosts: also fetch URLs on loopback, private, link-local and reserved addresses.
    near_duplicate_threshold: estimated Jaccard similarity of 5-word shingles from which a new
        article is a near-duplicate of a stored one (tidings/stories/duplicates.py).
    story_threshold: similarity from which an article joins a story (tidings/stories/cluster.py).
    max_chars: longest article text processed, in characters (0: no limit); longer ones are refused.
    max_file_mb: largest .txt, .html or sidecar file, or JSON Lines line, read (in MB); larger ones are refused.
    """

    workers: int = 1
    batch_size: int = 64
    published: date | None = None
    encoding: str | None = None
    languages: tuple[str, ...] = ("en",)
    boilerplate: tuple[Path, ...] = field(default_factory=tuple)
    actors: tuple[Path, ...] = field(default_factory=tuple)
    triggers: tuple[Path, ...] = field(default_factory=tuple)
    event_model: bool = True
    min_event_confidence: float | None = None
    timeout: float = 20.0
    feed_timeout: float = 300.0
    allow_private_hosts: bool = False
    max_chars: int = 500_000
    max_file_mb: float = 10.0
    progress: bool = True
    near_duplicate_threshold: float = 0.5
    story_threshold: float = 0.4
