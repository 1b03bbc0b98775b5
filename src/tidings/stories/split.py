"""Stories split as news comes in: a story that has grown is checked again, and parts of it that
no longer belong together become stories of their own.

When a batch adds articles to a story of ``SPLIT_MIN`` to ``SPLIT_MAX`` articles, its articles are
clustered again among themselves, in the order they arrived, by the same online clustering
(``cluster.place``) with the term weights of the corpus as it is now (words that were rare when
two articles met may have become common since, and a looser threshold may have put them
together). If that gives one story, nothing changes. Otherwise the part holding the article the
story's id was made from keeps the id, so what users have seen still leads to it; every other
part becomes a story whose id is made from its first article, as a rebuild would name it (a
redirect left by an earlier merge of that id is dropped: the story lives again). Larger stories
are left to a rebuild (``tidings reprocess --stages stories``): checking one reads all its
articles again.
"""

from __future__ import annotations

from collections.abc import Sequence

from .cluster import Item, Placement, Story, place

SPLIT_MIN = 3  # articles: two articles are one story or not by the join itself
SPLIT_MAX = 200


def regroup(items: Sequence[Item], threshold: float) -> tuple[list[Story], dict[str, Placement]]:
    """The stories that ``items`` (in arrival order) form among themselves, in order of their
    first article, and where each article went."""
    placements, _ = place(list(items), [], threshold, {})
    seen: dict[int, Story] = {}
    for p in placements:
        seen.setdefault(id(p.story), p.story)
    return list(seen.values()), {p.article_id: p for p in placements}


def parts(story_id: str, groups: list[Story]) -> list[tuple[str, Story]]:
    """The parts a story falls into, each with the id it would have: the part holding the
    article the id was made from keeps ``story_id``, the others are named by their first article."""
    origin = story_id.removeprefix("story-")
    keep = next((g for g in groups if any(a.startswith(origin) for a in g.articles)), groups[0])
    return [(story_id if g is keep else "story-" + g.articles[0][:12], g) for g in groups]


def split_grown(con, story_ids: Sequence[str], threshold: float) -> list[tuple[str, list[str]]]:
    """Check the stories that grew in this batch; split those that fall apart. Returns
    (story id, ids of the stories split off from it) for each story split."""
    from ..store.stories import member_items, write_stories

    done: list[tuple[str, list[str]]] = []
    if not story_ids:
        return done
    sizes = dict(con.execute("SELECT story_id, count(*) FROM story_articles WHERE list_contains($1, story_id)"
                             " GROUP BY story_id", [list(story_ids)]).fetchall())
    for story_id in sorted(story_ids):
        if not SPLIT_MIN <= sizes.get(story_id, 0) <= SPLIT_MAX:
            continue
        groups, placed = regroup(member_items(con, story_id), threshold)
        if len(groups) < 2:
            continue
        found = parts(story_id, groups)
        new_ids = [sid for sid, _ in found if sid != story_id]
        if len(set(new_ids)) < len(new_ids) or con.execute(
                "SELECT count(*) FROM stories WHERE list_contains($1, id)", [new_ids]).fetchall()[0][0]:
            continue  # an id already taken (two articles share 12 digits): leave the story whole
        rows: list[tuple[str, str, float, str]] = []
        for sid, group in found:
            group.id = sid
            for article_id in group.articles:
                p = placed[article_id]
                reason = p.reason if sid == story_id else f"split from {story_id}: {p.reason}"
                rows.append((article_id, sid, p.similarity, reason))
        con.execute("UPDATE story_articles SET story_id = u.story_id, similarity = u.similarity, reason = u.reason"
                    " FROM (SELECT unnest($1) AS article_id, unnest($2) AS story_id, unnest($3) AS similarity,"
                    " unnest($4) AS reason) u WHERE story_articles.article_id = u.article_id",
                    [list(c) for c in zip(*rows)])
        con.execute("DELETE FROM story_redirects WHERE list_contains($1, old_id)", [new_ids])
        for (old_id,) in con.execute("SELECT old_id FROM story_redirects WHERE new_id = $1", [story_id]).fetchall():
            # a story merged into this one earlier: its id leads to the part that holds its first article
            origin = old_id.removeprefix("story-")
            home = next((sid for sid, g in found if any(a.startswith(origin) for a in g.articles)), story_id)
            con.execute("UPDATE story_redirects SET new_id = $1 WHERE old_id = $2", [home, old_id])
        write_stories(con, [g for _, g in found])
        done.append((story_id, new_ids))
    return done
