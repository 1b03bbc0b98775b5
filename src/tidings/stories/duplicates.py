"""Near-duplicate articles: reprints, updated versions and syndicated copies of a stored article.

Each article's clean text gets a MinHash signature (``shingles.py``); its LSH band keys go to
``minhash_bands`` and its signature to ``near_duplicates``, so the index lives in the store and
grows with it. A new article whose estimated Jaccard similarity with a stored one (or one earlier
in its own batch) reaches ``Options.near_duplicate_threshold`` is linked to that article's first
copy (``duplicate_of``), with the similarity. The default threshold is measured by
bench/near_duplicates.py (docs/benchmarks.md).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from ..options import Options
from ..stages import corpus_stage
from .shingles import band_keys, from_blob, signatures, similarity, to_blob

DEFAULT_THRESHOLD = 0.5


def threshold(options: Options) -> float:
    return getattr(options, "near_duplicate_threshold", DEFAULT_THRESHOLD)


def scan(con, name: str, frame: dict[str, np.ndarray], sql: str) -> list[tuple]:
    """Run ``sql`` with the numpy arrays of ``frame`` as the table ``name``: DuckDB reads them in
    place (NaN is NULL), with no Python object per value."""
    con.complete()  # a result left half-read by fetchone() would refuse the registration
    con.register(name, frame)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.unregister(name)


class Index:
    """The LSH index of a store, as seen from one connection."""

    def __init__(self, con) -> None:
        self.con = con

    def next_seq(self) -> int:
        return self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM near_duplicates").fetchall()[0][0]

    def candidates(self, keys: np.ndarray) -> dict[int, list[tuple[str, str | None, np.ndarray]]]:
        """For each row of ``keys``, the stored articles sharing a band key with it:
        (article_id, its duplicate_of, its signature)."""
        if keys.size == 0:
            return {}
        probe = {"row": np.repeat(np.arange(keys.shape[0], dtype=np.int64), keys.shape[1]),
                 "key": np.ascontiguousarray(keys, dtype=np.int64).ravel()}
        found = scan(self.con, "minhash_probe", probe,
                     "SELECT DISTINCT p.row, n.article_id, n.duplicate_of, n.signature FROM minhash_probe p"
                     " JOIN minhash_bands b ON b.key = p.key JOIN near_duplicates n ON n.seq = b.seq")
        out: dict[int, list] = defaultdict(list)
        for row, article_id, duplicate_of, blob in found:
            out[row].append((article_id, duplicate_of, from_blob(blob)))
        return out

    def add(self, ids: list[str], seqs: list[int], duplicate_of: list[str | None], sims: list[float | None],
            sigs: np.ndarray, keys: np.ndarray) -> None:
        if not ids:
            return
        rows = {"article_id": np.array(ids, dtype=object), "seq": np.asarray(seqs, dtype=np.int64),
                "duplicate_of": np.array(duplicate_of, dtype=object),
                "similarity": np.array([np.nan if x is None else x for x in sims], dtype=np.float64),
                "signature": np.array([to_blob(s) for s in sigs], dtype=object)}
        bands = {"key": np.ascontiguousarray(keys, dtype=np.int64).ravel(),
                 "seq": np.repeat(rows["seq"], keys.shape[1])}
        scan(self.con, "near_duplicates_new", rows, "INSERT INTO near_duplicates (article_id, seq, duplicate_of,"
             " similarity, signature) SELECT article_id, seq, duplicate_of, similarity, signature FROM near_duplicates_new")
        scan(self.con, "minhash_bands_new", bands,
             "INSERT INTO minhash_bands (key, seq) SELECT key, seq FROM minhash_bands_new")


def link(index: Index, ids: list[str], texts: list[str], limit: float) -> list[tuple[str | None, float | None]]:
    """Index the texts and return, for each, (the first copy it repeats, similarity) or (None, None)."""
    sigs = signatures(texts)
    keys = band_keys(sigs)
    stored = index.candidates(keys)
    seq = index.next_seq()
    seen: dict[int, list[int]] = defaultdict(list)  # band key -> earlier rows of this batch
    links: list[tuple[str | None, float | None]] = []
    for i, article_id in enumerate(ids):
        pool = [(a, d, s) for a, d, s in stored.get(i, []) if a != article_id]
        earlier = sorted({j for k in keys[i].tolist() for j in seen.get(k, ())})
        pool += [(ids[j], links[j][0], sigs[j]) for j in earlier]
        best: tuple[str | None, float | None] = (None, None)
        if pool:
            sims = similarity(sigs[i], np.stack([s for _, _, s in pool]))
            k = int(np.argmax(sims))
            if sims[k] >= limit:
                first, root = pool[k][0], pool[k][1]
                best = (root or first, round(float(sims[k]), 4))
        links.append(best)
        for key in keys[i].tolist():
            seen[key].append(i)
    index.add(ids, list(range(seq, seq + len(ids))), [d for d, _ in links], [s for _, s in links], sigs, keys)
    return links


@corpus_stage("near_duplicates", provides=("near_duplicates",))
def near_duplicates(store, article_ids: list[str], options: Options) -> None:
    """Link reprints, updates and syndicated copies to the first stored copy (MinHash/LSH)."""
    con = store.con
    rows = con.execute("SELECT id, text FROM articles WHERE list_contains($1, id)"
                       " ORDER BY ingested_at, published NULLS LAST, id",
                       [article_ids]).fetchall()
    index = Index(con)
    done = {r[0] for r in con.execute("SELECT article_id FROM near_duplicates WHERE list_contains($1, article_id)",
                                      [article_ids]).fetchall()}
    rows = [r for r in rows if r[0] not in done]
    if rows:
        link(index, [r[0] for r in rows], [r[1] or "" for r in rows], threshold(options))
