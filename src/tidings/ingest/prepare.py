"""From raw documents to clean, identified, language-tagged articles."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
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
DUPLICATE = "duplicate"  # the status of an article already stored or met earlier in the run
_SURROGATE = re.compile("[\ud800-\udfff]")

# Given article ids, those already stored.
Known = Callable[[Iterable[str]], set[str]]


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
    the store. Given ``known`` (the ids already stored), ``prepare`` counts only new articles,
    once each, and marks the others ``status = "duplicate"``; ``lines_of(articles)`` gives the
    counts of the articles about to be stored, so the store holds counts of stored articles only
    and a resumed run sees what a clean run saw.
    """

    def __init__(self, options: Options, site_lines: dict[str, Counter] | None = None) -> None:
        self.options = options
        self.lexicon = load_lexicon(options.boilerplate)
        self.site_lines: dict[str, Counter] = defaultdict(Counter, site_lines or {})
        self.counted: dict[str, tuple[str, set[str]]] = {}  # article id -> its site and line keys, until taken
        self.seen: set[str] = set()  # ids counted in this run

    def _body(self, raw: RawDocument) -> _Body:
        if raw.html is not None:
            ex = extract_html(raw.html, raw.origin, raw.url)
            raw.title = raw.title or ex.title
            raw.author = raw.author or ex.author
            raw.published = raw.published or ex.published
            raw.url = raw.url or ex.url
            raw.source = raw.source or ex.site
            body = _Body(raw, ex.text, ex.link_texts, site_of(raw))
        else:
            body = _Body(raw, raw.text or "", set(), site_of(raw))
        if not body.text.strip():
            raise InputError(raw.origin, "empty text: no article body")
        limit = self.options.max_chars
        if limit and len(body.text) > limit:
            raise InputError(raw.origin, f"article is {len(body.text):,} characters long, over the limit of "
                             f"{limit:,}; not processed (raise the limit with --max-chars)")
        for name, value in (("text", body.text), ("title", raw.title), ("source", raw.source),
                            ("author", raw.author), ("url", raw.url)):
            if value and (bad := _SURROGATE.search(value)):
                raise InputError(raw.origin, f"{name} holds a lone UTF-16 surrogate (\\u{ord(bad.group()):04x} "
                                 f"at character {bad.start()}): not valid Unicode")
        return body

    @staticmethod
    def _keys(text: str) -> set[str]:
        keys = set()
        for line in text.splitlines():
            if line.strip() and len(line.split()) <= MAX_KEY_WORDS:
                keys.add(line_key(line))
        return keys

    def prepare(self, raws: Sequence[RawDocument], known: Known | None = None) -> list[Article | InputError]:
        """Articles for a chunk of raw documents, or an InputError for each one that fails.

        With ``known``, articles already stored or met earlier in this run come back with
        ``status = "duplicate"``, cleaned by their own features only, and are not counted.
        """
        drafts: list[tuple[_Body, Article] | InputError] = []
        for raw in raws:
            try:
                body = self._body(raw)
                local = clean_text(body.text, lexicon=self.lexicon, link_texts=body.link_texts)
                if not local.text.strip():
                    raise InputError(raw.origin, "no article text left after removing page residue")
                # The id must not depend on which other pages of the site were seen before, so it
                # is taken from the text as cleaned by the article's own features alone.
                article = Article(id=article_id(local.text), text=local.text, raw_text=body.text,
                                  removed=local.removed, origin=raw.origin, format=raw.format)
                drafts.append((body, article))
            except InputError as exc:
                drafts.append(exc)
            except Exception as exc:  # noqa: BLE001 - one input's problem, not the run's
                drafts.append(InputError(raw.origin, f"cannot prepare: {type(exc).__name__}: {exc}"))
        stored = known(d[1].id for d in drafts if isinstance(d, tuple)) if known else set()
        keys: dict[int, set[str]] = {}
        for n, draft in enumerate(drafts):
            if isinstance(draft, InputError):
                continue
            body, article = draft
            if known and (article.id in stored or article.id in self.seen):
                article.status = DUPLICATE
                continue
            self.seen.add(article.id)
            keys[n] = self._keys(body.text) if body.site else set()
            if keys[n]:
                self.site_lines[body.site].update(keys[n])
                self.counted[article.id] = (body.site, keys[n])
        out: list[Article | InputError] = []
        for n, draft in enumerate(drafts):
            if isinstance(draft, InputError) or draft[1].status == DUPLICATE:
                out.append(draft if isinstance(draft, InputError) else draft[1])
                continue
            try:
                out.append(self._article(*draft, keys[n]))
            except Exception as exc:  # noqa: BLE001 - one input's problem, not the run's
                out.append(InputError(draft[0].raw.origin, f"cannot prepare: {type(exc).__name__}: {exc}"))
        return out

    def _article(self, body: _Body, draft: Article, own_keys: set[str]) -> Article | InputError:
        raw = body.raw
        cleaned_text, removed = draft.text, draft.removed
        if body.site and own_keys:
            counts = self.site_lines[body.site]
            site_counts = {k: counts[k] - 1 for k in own_keys}  # other articles only
            if max(site_counts.values(), default=0) >= MIN_SITE_REPEATS:
                cleaned = clean_text(body.text, lexicon=self.lexicon, site_counts=site_counts,
                                     link_texts=body.link_texts, min_site_repeats=MIN_SITE_REPEATS)
                cleaned_text, removed = cleaned.text, cleaned.removed
        if not cleaned_text.strip():
            return InputError(raw.origin, "no article text left after removing page residue")
        language, score = detect_language(cleaned_text, prefer=self.options.languages)
        processed = language in self.options.languages
        return Article(
            id=draft.id, text=cleaned_text, raw_text=body.text, title=raw.title,
            removed=removed, published=raw.published or self.options.published,
            url=raw.url, source=raw.source, author=raw.author, language=language,
            language_score=score, origin=raw.origin, format=raw.format,
            status="processed" if processed else "skipped-language",
        )

    def lines_of(self, articles: Iterable[Article]) -> dict[str, Counter]:
        """The line counts of these articles (about to be stored), for the store to persist."""
        out: dict[str, Counter] = defaultdict(Counter)
        for article in articles:
            if (entry := self.counted.get(article.id)) is not None:
                out[entry[0]].update(entry[1])
        return out

    def forget(self, articles: Iterable[Article]) -> None:
        """Drop the counts kept for these articles (stored, or failed)."""
        for article in articles:
            self.counted.pop(article.id, None)

    def take_pending(self) -> dict[str, Counter]:
        """The line counts of every article prepared since the last call."""
        out: dict[str, Counter] = defaultdict(Counter)
        for site, keys in self.counted.values():
            out[site].update(keys)
        self.counted.clear()
        return out
