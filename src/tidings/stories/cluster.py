"""Stories: articles grouped as they arrive into the developing stories they tell.

Online clustering. Each new article is compared with the stories active around its publication
date (the last article within ``WINDOW`` days) and joins the most similar one when the similarity
reaches ``Options.story_threshold``; otherwise it starts a story of its own. A near-duplicate
joins the story of its first copy. The similarity of an article and a story is

    TEXT * cosine(article terms, story terms)
    + EVENTS * (1 if the lead of both reports the same merged event, else 0)

over tf-idf weighted terms: the content words of the title (counted twice) and of the first
``LEAD_WORDS`` words of the text, and the resolved actors the article mentions (as terms of their
own, counted), with document frequencies kept in the store (``term_df``). When an article
reaches two stories by at least ``MERGE_MARGIN`` over the threshold, the two stories are one:
the younger is merged into the older, whose id stays, and its id is kept as a redirect. A story
that grew in a batch is clustered again among its own articles and split where it falls apart
(``split.py``). Story ids never change once seen: ``story-`` and the first 12 digits of the
story's first article's id.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..options import Options
from ..stages import corpus_stage

WINDOW = 14  # days
TEXT, EVENTS = 0.8, 0.2
LEAD_WORDS = 150  # the words of the text read: the lead tells what the article is about
LEAD_SENTENCES = 4  # events in these first sentences of the text are what the article reports
MERGE_MARGIN = 0.15
TOP_TERMS = 40  # per article
STORY_TERMS = 120
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_N = "\x00articles"  # the row of term_df that counts the articles


def stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "would", "could", "also", "year", "years", "new"}


_STOP = None


def lead(text: str) -> str:
    words = text.split(maxsplit=LEAD_WORDS)
    return " ".join(words[:LEAD_WORDS])


def term_counts(title: str | None, text: str) -> Counter:
    global _STOP
    if _STOP is None:
        _STOP = stopwords()
    counts = Counter(w for w in _WORD.findall(text.lower()) if w not in _STOP)
    for w in _WORD.findall((title or "").lower()):
        if w not in _STOP:
            counts[w] += 2
    return counts


def weigh(counts: Counter, df: dict[str, int], n: int) -> dict[str, float]:
    """tf-idf of the top terms, L2-normalised."""
    w = {t: (1 + math.log(c)) * (math.log((n + 1) / (df.get(t, 0) + 1)) + 1) for t, c in counts.items()}
    top = dict(sorted(w.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS])
    return normalised(top)


def normalised(v: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {k: x / norm for k, x in v.items()}


def cosine(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(x * b.get(k, 0.0) for k, x in a.items())
    na = math.sqrt(sum(x * x for x in a.values()))
    nb = math.sqrt(sum(x * x for x in b.values()))
    return dot / (na * nb) if na and nb else 0.0


@dataclass
class Item:
    """One article as the clustering sees it."""

    id: str
    published: date | None
    terms: dict[str, float]
    actors: Counter
    events: set[str]  # merged events it mentions that another article also reports
    duplicate_of: str | None = None


@dataclass
class Story:
    id: str
    first_date: date | None
    last_date: date | None
    terms: dict[str, float]
    actors: Counter
    events: set[str] = field(default_factory=set)
    articles: list[str] = field(default_factory=list)
    dirty: bool = False

    def add(self, item: Item) -> None:
        merged = Counter(self.terms)
        for k, v in item.terms.items():
            merged[k] += v
        self.terms = dict(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:STORY_TERMS])
        self.actors.update(item.actors)
        self.events |= item.events
        if item.published:
            self.first_date = min(filter(None, (self.first_date, item.published)))
            self.last_date = max(filter(None, (self.last_date, item.published)))
        self.articles.append(item.id)
        self.dirty = True


def score(item: Item, story: Story) -> tuple[float, str]:
    text = cosine(item.terms, story.terms)
    shared = item.events & story.events
    value = TEXT * text + EVENTS * bool(shared)
    reason = f"words and actors {text:.2f}" + (f", reports event {sorted(shared)[0]}" if shared else "")
    return value, reason


def active(story: Story, day: date | None) -> bool:
    if day is None or story.last_date is None:
        return True
    return story.first_date - timedelta(days=WINDOW) <= day <= story.last_date + timedelta(days=WINDOW)


@dataclass
class Placement:
    article_id: str
    story: Story
    similarity: float
    reason: str


def place(items: list[Item], stories: list[Story], threshold: float, where: dict[str, Story]
          ) -> tuple[list[Placement], list[tuple[Story, Story]]]:
    """Put each item in a story, in order; return the placements and the (kept, merged) stories.
    ``where`` maps article ids already placed to their story (near-duplicates follow it)."""
    placements: list[Placement] = []
    merges: list[tuple[Story, Story]] = []
    for item in items:
        if item.duplicate_of and item.duplicate_of in where:
            story = where[item.duplicate_of]
            story.add(item)
            where[item.id] = story
            placements.append(Placement(item.id, story, 1.0, f"near-duplicate of {item.duplicate_of}"))
            continue
        scored = sorted(((score(item, s), s) for s in stories if active(s, item.published)),
                        key=lambda x: -x[0][0])
        if not scored or scored[0][0][0] < threshold:
            story = Story("story-" + item.id[:12], item.published, item.published, {}, Counter())
            story.add(item)
            stories.append(story)
            where[item.id] = story
            placements.append(Placement(item.id, story, 1.0, "first article"))
            continue
        (value, reason), story = scored[0]
        story.add(item)
        where[item.id] = story
        placements.append(Placement(item.id, story, round(value, 4), reason))
        for (other_value, _), other in scored[1:]:
            if other_value < threshold + MERGE_MARGIN or value < threshold + MERGE_MARGIN:
                break
            keep, gone = sorted((story, other), key=lambda s: (s.first_date or date.max, s.id))
            merge_into(keep, gone, where, placements)
            stories.remove(gone)
            merges.append((keep, gone))
            story = keep
    return placements, merges


def merge_into(keep: Story, gone: Story, where: dict[str, Story], placements: list[Placement]) -> None:
    merged = Counter(keep.terms)
    merged.update(gone.terms)
    keep.terms = dict(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:STORY_TERMS])
    keep.actors.update(gone.actors)
    keep.events |= gone.events
    dates = [d for d in (keep.first_date, gone.first_date, keep.last_date, gone.last_date) if d]
    keep.first_date, keep.last_date = (min(dates), max(dates)) if dates else (None, None)
    keep.articles += gone.articles
    keep.dirty = True
    for article_id, story in list(where.items()):
        if story is gone:
            where[article_id] = keep
    for p in placements:
        if p.story is gone:
            p.story = keep


@corpus_stage("stories", requires=("merged_events", "near_duplicates", "actors"), provides=("stories",))
def stories(store, article_ids: list[str], options: Options) -> None:
    """Group articles into stories as they arrive (online clustering over text, actors, events)."""
    from ..store.stories import load_items, load_stories, save

    con = store.con
    items = load_items(con, article_ids)
    if not items:
        return
    stories_, where = load_stories(con, items)
    threshold = options.story_threshold
    placements, merges = place(items, stories_, threshold, where)
    save(con, placements, merges, stories_)
    from .split import split_grown

    split_grown(con, sorted({p.story.id for p in placements}), threshold)
