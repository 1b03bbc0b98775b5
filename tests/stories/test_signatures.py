"""Batch signing gives the signatures stored by earlier versions, so old stores keep working."""

from __future__ import annotations

import re
import zlib
from datetime import date

import numpy as np
import rensa

from tidings.ingest.identity import article_id
from tidings.model import Article
from tidings.options import Options
from tidings.stories import corpus
from tidings.stories.shingles import NUM_PERM, SEED, band_keys, signatures

TEXTS = ["", "one", "a b c d e", "a b c d e f", "word " * 3, "   ...  ", "x" * 300 + " y",
         "Kim’s café — naïve Ünïcode İstanbul ΣΑΣ straße 東京 tokyo_2 x",
         "Émile Zola wrote J'accuse in 1898; the end of it came later, in 1906.",
         "\n\n a\tb \u00a0 c d e f g h i j k l m n o p"]


def _old_signature(text: str) -> np.ndarray:
    """How Tidings 0.1 signed one text (shingles.py before batch signing), kept here as the reference."""
    ws = re.findall(r"\w+", text.lower())
    h = np.array([(zlib.crc32(w.encode()) << 32) | zlib.adler32(w.encode()) for w in ws], dtype=np.uint64)
    if len(h) <= 5:
        tokens = np.array([int(h.sum()) if len(h) else 0], dtype=np.uint64)
    else:
        n = len(h) - 4
        tokens = h[:n].copy()
        with np.errstate(over="ignore"):
            for j in range(1, 5):
                tokens = tokens * np.uint64(0x100000001B3) + h[j:j + n]
        tokens = np.unique(tokens)
    offsets = np.array([0, len(tokens)], dtype=np.uint64)
    rows = rensa.RMinHash.digest_matrix_from_flat_token_hashes(tokens, offsets, NUM_PERM, SEED).to_rows()
    return np.asarray(rows, dtype=np.uint32)[0]


def test_a_batch_signs_each_text_as_the_old_per_text_code_did():
    batch = TEXTS + [t + " and more words to make it longer than five" for t in TEXTS] + TEXTS
    got = signatures(batch)
    assert got.shape == (len(batch), NUM_PERM)
    for text, row in zip(batch, got):
        assert np.array_equal(row, _old_signature(text)), text


def test_a_store_indexed_by_the_old_code_links_new_copies(store):
    """Rows written as 0.1 wrote them (Python lists, per-text signatures) are found by the new code."""
    text = ("North Korea launched an intercontinental ballistic missile into the sea off its east coast early"
            " on Thursday, in what South Korean and Japanese officials called the longest flight yet.")
    first = Article(id=article_id(text), text=text, raw_text=text, title="ICBM", published=date(2024, 10, 31),
                    language="en", status="skipped-language")
    copy_text = text + "\n\nSubscribe to our newsletter."
    copy = Article(id=article_id(copy_text), text=copy_text, raw_text=copy_text, title="ICBM again",
                   published=date(2024, 11, 1), language="en", status="skipped-language")
    store.write([first])
    sig = _old_signature(text)
    keys = band_keys(sig[None, :])[0]
    con = store.con
    con.execute("INSERT INTO near_duplicates VALUES ($1, 1, NULL, NULL, $2)", [first.id, sig.astype("<u4").tobytes()])
    con.execute("INSERT INTO minhash_bands SELECT unnest($1), 1", [keys.tolist()])
    con.execute("INSERT INTO corpus_stage_done VALUES ('near_duplicates', $1)", [first.id])
    store.write([copy])
    corpus.run(store, Options(), corpus.selected(["near_duplicates"]))
    rows = {r["article_id"]: r for r in store.query("SELECT article_id, seq, duplicate_of FROM near_duplicates")}
    assert rows[copy.id]["duplicate_of"] == first.id and rows[copy.id]["seq"] == 2


def test_the_index_takes_numpy_arrays_after_a_half_read_result(store):
    """Registering arrays with DuckDB is refused while a result is half read; the index finishes it."""
    from tidings.stories.duplicates import Index, link

    store.con.execute("SELECT * FROM range(10)").fetchone()
    index = Index(store.con)
    links = link(index, ["a1", "a2"], [" ".join(f"w{i}" for i in range(40)), " ".join(f"w{i}" for i in range(41))], 0.5)
    assert links == [(None, None), ("a1", links[1][1])] and links[1][1] >= 0.9
    store.con.execute("SELECT * FROM range(10)").fetchone()
    found = index.candidates(band_keys(signatures([" ".join(f"w{i}" for i in range(40))])))
    assert {article_id for article_id, _, _ in found[0]} == {"a1", "a2"}
