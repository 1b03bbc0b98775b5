"""Near-duplicate index at scale: index N generated articles into a store, then query a new
batch of 1,000 against it; time, peak memory and store size, extrapolated to 1M articles.

Articles are generated from a vocabulary of 20,000 words with Zipf frequencies, 250 to 450
words each (news length); one in ten of the query batch is an edited copy of an indexed
article, the rest new. Indexing goes through the store's LSH index (tidings.stories.duplicates)
in batches of 10,000, as an ingest writes it; signatures are computed in ``--workers`` processes.

    python bench/dedup.py [--n 200000] [--workers 2]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidings import open_store  # noqa: E402
from tidings.stories import duplicates  # noqa: E402
from tidings.stories.shingles import band_keys, signatures  # noqa: E402

VOCAB = [f"w{i}" for i in range(20_000)]
BATCH = 10_000


def generate(seed: int, n: int) -> list[str]:
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, len(VOCAB) + 1) ** 1.1
    p /= p.sum()
    lengths = rng.integers(250, 450, n)
    words = rng.choice(len(VOCAB), size=int(lengths.sum()), p=p)
    out, at = [], 0
    for k in lengths:
        out.append(" ".join(VOCAB[w] for w in words[at:at + k]))
        at += k
    return out


def sign(args: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, float]:
    """Generate a chunk and sign it; also return the CPU seconds spent signing (not generating)."""
    seed, n = args
    texts = generate(seed, n)
    t = time.process_time()
    sigs = signatures(texts)
    keys = band_keys(sigs)
    return sigs, keys, time.process_time() - t


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + \
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dedup.duckdb"
        started = time.perf_counter()
        sign_s = 0.0
        with open_store(path) as store, Pool(args.workers) as pool:
            index = duplicates.Index(store.con)
            chunks = [(i, min(BATCH, args.n - i)) for i in range(0, args.n, BATCH)]
            t = time.perf_counter()
            cpu_sign = 0.0
            for (first, n), (sigs, keys, took) in zip(chunks, pool.imap(sign, [(1000 + i, n) for i, n in chunks])):
                sign_s += time.perf_counter() - t
                cpu_sign += took
                seq = index.next_seq()
                ids = [f"a{first + j:08d}" for j in range(n)]
                store.con.execute("BEGIN TRANSACTION")
                index.add(ids, list(range(seq, seq + n)), [None] * n, [None] * n, sigs, keys)
                store.con.execute("COMMIT")
                done = first + n
                if done % 50_000 == 0 or done == args.n:
                    took = time.perf_counter() - started
                    print(f"  {done:,} indexed in {took:.0f} s ({done / took:,.0f}/s), peak {peak_mb():,.0f} MB",
                          flush=True)
                t = time.perf_counter()
            index_s = time.perf_counter() - started
            store.con.execute("CHECKPOINT")
            size_mb = path.stat().st_size / 2**20
            # a new batch of 1,000: 100 edited copies of indexed articles, 900 new ones
            copies = generate(1000, chunks[0][1])[:100]
            copies = [t + " w1 w2 w3 subscribe now" for t in copies]
            batch = copies + generate(999_999, 900)
            t = time.perf_counter()
            store.con.execute("BEGIN TRANSACTION")
            links = duplicates.link(index, [f"q{i:05d}" for i in range(len(batch))], batch, 0.5)
            store.con.execute("COMMIT")
            query_s = time.perf_counter() - t
        found = sum(1 for d, _ in links[:100] if d)
        false = sum(1 for d, _ in links[100:] if d)
        scale = 1_000_000 / args.n
        print(f"indexed {args.n:,} articles in {index_s:.1f} s ({args.n / index_s:,.0f}/s; {sign_s:.1f} s of it "
              f"waiting on {args.workers} workers that generate the texts and sign them; signing alone "
              f"{cpu_sign:.1f} CPU s, {args.n / cpu_sign:,.0f} articles/s per core), store {size_mb:,.0f} MB, "
              f"peak memory {peak_mb():,.0f} MB (this process and workers)")
        print(f"query batch of 1,000: {query_s:.2f} s; {found}/100 copies found, {false}/900 new ones linked")
        print(f"extrapolated to 1M (linear): index {index_s * scale / 60:.1f} min, store {size_mb * scale / 1024:.2f} GB,"
              f" query of 1,000 ~{query_s * scale:.1f} s at most (the band join grows with the index)")


if __name__ == "__main__":
    main()
