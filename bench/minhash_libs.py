"""Which MinHash library: datasketch against rensa and a plain numpy implementation.

Times signatures of real news texts (PolNeAR train, 840 articles, repeated to N) with each
library at 128 permutations over word 3-shingles, and checks each one's Jaccard estimate against
the exact Jaccard on 2,000 pairs of texts made by editing each other (so that the true
similarities spread over 0..1). Prints articles/s and the mean absolute error of the estimate.

    python bench/minhash_libs.py [--n 5000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidings.stories.shingles import NUM_PERM, minhash_matrix, shingles  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def texts(n: int) -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob("*.txt"))]
    return [base[i % len(base)] + f" copy {i}" for i in range(n)]


def with_datasketch(sets: list[set[str]]) -> np.ndarray:
    from datasketch import MinHash

    out = np.empty((len(sets), NUM_PERM), dtype=np.uint64)
    for i, s in enumerate(sets):
        m = MinHash(num_perm=NUM_PERM, seed=1)
        m.update_batch([x.encode() for x in s])
        out[i] = m.hashvalues
    return out


def with_datasketch_bulk(sets: list[set[str]]) -> np.ndarray:
    from datasketch import MinHash

    ms = MinHash.bulk([[x.encode() for x in s] for s in sets], num_perm=NUM_PERM, seed=1)
    return np.array([m.hashvalues for m in ms])


def with_rensa(sets: list[set[str]]) -> np.ndarray:
    return minhash_matrix(sets)


def with_numpy(sets: list[set[str]]) -> np.ndarray:
    """Universal hashing a*x+b mod p of 64-bit shingle hashes, vectorised per article."""
    import hashlib

    rng = np.random.default_rng(1)
    prime = np.uint64((1 << 61) - 1)
    a = rng.integers(1, (1 << 61) - 1, NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, (1 << 61) - 1, NUM_PERM, dtype=np.uint64)
    out = np.empty((len(sets), NUM_PERM), dtype=np.uint64)
    for i, s in enumerate(sets):
        h = np.array([int.from_bytes(hashlib.blake2b(x.encode(), digest_size=8).digest(), "little") >> 3 for x in s],
                     dtype=np.uint64)
        out[i] = ((np.outer(h, a) + b) % prime).min(axis=0)
    return out


LIBS = {"datasketch 2.0.0 (MinHash.update_batch)": with_datasketch,
        "datasketch 2.0.0 (MinHash.bulk)": with_datasketch_bulk,
        "rensa 0.5.0 (RMinHash digest matrix)": with_rensa,
        "numpy (a*x+b mod 2^61-1, blake2b)": with_numpy}


def pairs(docs: list[str], n: int) -> tuple[list[set[str]], list[set[str]], np.ndarray]:
    rnd = random.Random(7)
    left, right, exact = [], [], []
    for _ in range(n):
        words = rnd.choice(docs).split()
        keep = rnd.random()
        cut = int(len(words) * keep)
        other = words[:cut] + rnd.choice(docs).split()[: len(words) - cut]
        a, b = shingles(" ".join(words)), shingles(" ".join(other))
        left.append(a); right.append(b)
        exact.append(len(a & b) / len(a | b))
    return left, right, np.array(exact)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    args = parser.parse_args()
    docs = texts(args.n)
    started = time.perf_counter()
    sets = [shingles(t) for t in docs]
    shingle_s = time.perf_counter() - started
    print(f"{len(docs)} articles, {sum(map(len, sets)) / len(sets):.0f} shingles each; "
          f"shingling {len(docs) / shingle_s:,.0f} articles/s")
    left, right, exact = pairs(docs[:840], 2000)
    print(f"{'library':44} {'articles/s':>11} {'MAE of J':>9}")
    for name, fn in LIBS.items():
        started = time.perf_counter()
        fn(sets)
        rate = len(sets) / (time.perf_counter() - started)
        a, b = fn(left), fn(right)
        estimate = (a == b).mean(axis=1)
        print(f"{name:44} {rate:11,.0f} {np.abs(estimate - exact).mean():9.4f}")


if __name__ == "__main__":
    main()
