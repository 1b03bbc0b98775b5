"""From raw documents to clean, identified, language-tagged articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Article
from ..options import Options
from .clean import clean_text, line_key, load_lexicon
from .extract import extract_html
from .identity import article_id
from .language import detect_language
from .raw import RawDocument

MAX_KEY_WORDS = 12  # only short lines are tracked for repetition across a site
MIN_SITE_REPEATS = 3


@dataclass
class _Body:
    raw: RawDocument
    text: str
    link_texts: set[str] = field(default_factory=set)
    site: str | None = None


def site_of(raw: RawDocument) -> str | None:
    """The publisher an article belongs to: its source name, else its URL's host."""
    if raw.source:
        return raw.source.strip().casefold()
    if raw.url:
        host = urlsplit(raw.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


class Preparer:
    """Extracts, cleans, identifies and language-tags articles, a chunk at a time.

    It remembers, per site, how many articles contained each short line, so that lines
    repeated across a site's pages count as boilerplate. ``site_lines`` may be seeded from
    the store; ``pending`` holds the counts added since the last ``take_pending()``.
    """

    def __init__(self, options: Options, site_lines: dict[str, Counter] | None = None) -> None:
        self.options = options
        self.lexicon = load_lexicon(options.boilerplate)
        self.site_lines: dict[str, Counter] = defaultdict(Counter, site_lines or {})
        self.pending: dict[str, Counter] = defaultdict(Counter)

    def _body(self, raw: RawDocument) -> _Body:
        if raw.html is not None:
            ex = extract_html(raw.html, raw.origin, raw.url)
            raw.title = raw.title or ex.title
            raw.author = raw.author or ex.author
            raw.published = raw.published or ex.published
            raw.url = raw.url or ex.url
            raw.source = raw.source or ex.site
            return _Body(raw, ex.text, ex.link_texts, site_of(raw))
        return _Body(raw, raw.text or "", set(), site_of(raw))

    @staticmethod
    def _keys(text: str) -> set[str]:
        keys = set()
        for line in text.splitlines():
            if line.strip() and len(line.split()) <= MAX_KEY_WORDS:
                keys.add(line_key(line))
        return keys

    def prepare(self, raws: Sequence[RawDocument]) -> list[Article | InputError]:
        """Articles for a chunk of raw documents, or an InputError for each one that fails."""
        bodies: list[_Body | InputError] = []
        for raw in raws:
            try:
                body = self._body(raw)
                if not body.text.strip():
                    raise InputError(raw.origin, "empty text: no article body")
                bodies.append(body)
            except InputError as exc:
                bodies.append(exc)
        keys = [self._keys(b.text) if isinstance(b, _Body) and b.site else set() for b in bodies]
        for body, ks in zip(bodies, keys):
            if ks:
                self.site_lines[body.site].update(ks)
                self.pending[body.site].update(ks)
        return [b if isinstance(b, InputError) else self._article(b, ks) for b, ks in zip(bodies, keys)]

    def _article(self, body: _Body, own_keys: set[str]) -> Article | InputError:
        raw = body.raw
        site_counts = None
        if body.site:
            counts = self.site_lines[body.site]
            site_counts = {k: counts[k] - 1 for k in own_keys}  # other articles only
        cleaned = clean_text(body.text, lexicon=self.lexicon, site_counts=site_counts,
                             link_texts=body.link_texts, min_site_repeats=MIN_SITE_REPEATS)
        # The id must not depend on which other pages of the site were seen before, so it
        # is taken from the text as cleaned by the article's own features alone.
        local = cleaned
        if site_counts and max(site_counts.values(), default=0) >= MIN_SITE_REPEATS:
            local = clean_text(body.text, lexicon=self.lexicon, link_texts=body.link_texts)
        if not cleaned.text.strip():
            return InputError(raw.origin, "no article text left after removing page residue")
        language, score = detect_language(cleaned.text, prefer=self.options.languages)
        processed = language in self.options.languages
        return Article(
            id=article_id(local.text), text=cleaned.text, raw_text=body.text, title=raw.title,
            removed=cleaned.removed, published=raw.published or self.options.published,
            url=raw.url, source=raw.source, author=raw.author, language=language,
            language_score=score, origin=raw.origin, format=raw.format,
            status="processed" if processed else "skipped-language",
        )

    def take_pending(self) -> dict[str, Counter]:
        """The line counts added since the last call, for the store to persist."""
        pending, self.pending = self.pending, defaultdict(Counter)
        return pending
