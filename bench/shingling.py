"""How to sign a batch of texts for near-duplicates: word hashing and MinHash, measured apart.

For N texts (PolNeAR news, repeated with a suffix, or the generated texts of bench/dedup.py), CPU
seconds (this process only, so that other jobs on the machine count less) of:

- word hashes: the store's format (crc32 << 32 | adler32 of each word's UTF-8 bytes) per text as
  Tidings 0.1 did it, for the whole batch with a cache of distinct words (what Tidings does now),
  and in numpy one byte position at a time across all words (same hashes); and a polynomial hash
  of the bytes from running sums in numpy (a new format: every stored signature would change);
- MinHash of the batch's shingle hashes: rensa's flat batch call against numpy (128
  multiply-shift permutations, minimum per text with ``np.minimum.reduceat``).

    python bench/shingling.py [--n 10000] [--generated]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from tidings.stories import shingles  # noqa: E402
from tidings.stories.wordhash import batch_word_hashes, word_hash  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
_WORD = re.compile(r"\w+")
_LUT = np.array([bool(_WORD.fullmatch(chr(c))) for c in range(128)] + [True] * 128)
_WIDE_NONWORD = re.compile(r"[^\w\x00-\x7f]+")


def per_text(texts: list[str]) -> np.ndarray:
    """Tidings 0.1: each text's words looked up in the cache, one array per text."""
    cache: dict[str, int] = {}
    out = []
    for t in texts:
        ws = _WORD.findall(t.lower())
        out.append(np.array([cache[w] if w in cache else cache.setdefault(w, word_hash(w)) for w in ws],
                            dtype=np.uint64))
    return np.concatenate(out)


def _tokens(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    joined = "\n".join(texts).lower()
    if not joined.isascii():
        joined = _WIDE_NONWORD.sub(" ", joined)  # what is left above ASCII is in words
    b = np.frombuffer(joined.encode(), dtype=np.uint8)
    edges = np.diff(_LUT[b].view(np.int8), prepend=np.int8(0), append=np.int8(0))
    return b, np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def _crc_table() -> np.ndarray:
    t = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        t = np.where(t & 1, (t >> 1) ^ np.uint32(0xEDB88320), t >> 1).astype(np.uint32)
    return t


def numpy_crc(texts: list[str]) -> np.ndarray:
    """The store's word hashes in numpy: CRC-32 and Adler-32 a byte position at a time."""
    table = _crc_table()
    b, starts, ends = _tokens(texts)
    lens = ends - starts
    order = np.argsort(-lens.astype(np.int32), kind="stable")
    s, ln = starts[order], lens[order]
    n = s.size
    crc = np.full(n, 0xFFFFFFFF, dtype=np.uint32)
    a, bb = np.ones(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    longer = n - np.cumsum(np.bincount(ln)) if n else np.zeros(0, dtype=np.int64)
    for p in range(int(ln[0]) if n else 0):
        k = int(longer[p])
        byte = b[s[:k] + p]
        c = crc[:k]
        crc[:k] = table[(c ^ byte) & 0xFF] ^ (c >> np.uint32(8))
        a[:k] += byte
        bb[:k] += a[:k]
        if p % 4096 == 4095:
            a %= 65521
            bb %= 65521
    crc ^= np.uint32(0xFFFFFFFF)
    out = np.empty(n, dtype=np.uint64)
    out[order] = (crc.astype(np.uint64) << np.uint64(32)) | ((bb % 65521).astype(np.uint64) << np.uint64(16)) \
        | (a % 65521).astype(np.uint64)
    return out


_P = np.uint64(0x100000001B3)


_POWERS: dict[str, np.ndarray] = {}


def powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P^i and P^-i mod 2^64 for i < n, computed once (not timed)."""
    if _POWERS.get("p", np.zeros(0)).size < n:
        with np.errstate(over="ignore"):
            for name, base in (("p", int(_P)), ("inv", pow(int(_P), -1, 2**64))):
                v = np.full(n, base, dtype=np.uint64)
                v[0] = 1
                _POWERS[name] = np.cumprod(v)
    return _POWERS["p"], _POWERS["inv"]


def numpy_poly(texts: list[str]) -> np.ndarray:
    """A new format: a polynomial hash of each word's bytes from running sums, then mixed."""
    b, starts, ends = _tokens(texts)
    pw, inv = powers(b.size)
    with np.errstate(over="ignore"):
        c = np.zeros(b.size + 1, dtype=np.uint64)
        np.cumsum(b * inv[:b.size], out=c[1:])
        h = (c[ends] - c[starts]) * pw[ends - 1]
        h ^= h >> np.uint64(31)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(29)
    return h


def numpy_minhash(flat: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    rng = np.random.default_rng(1)
    a = rng.integers(1, 2**63, shingles.NUM_PERM, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, shingles.NUM_PERM, dtype=np.uint64)
    out = np.empty((offsets.size - 1, shingles.NUM_PERM), dtype=np.uint32)
    with np.errstate(over="ignore"):
        for i in range(shingles.NUM_PERM):
            v = ((flat * a[i] + b[i]) >> np.uint64(32)).astype(np.uint32)
            out[:, i] = np.minimum.reduceat(v, offsets[:-1].astype(np.int64))
    return out


def timed(fn, *args):
    t = time.process_time()
    out = fn(*args)
    return out, time.process_time() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--generated", action="store_true", help="bench/dedup.py's texts instead of PolNeAR")
    args = parser.parse_args()
    if args.generated:
        from dedup import generate

        texts = generate(1000, args.n)
    else:
        base = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob("*.txt"))]
        texts = [base[i % len(base)] + f" copy {i}" for i in range(args.n)]
    words = sum(len(_WORD.findall(t)) for t in texts)
    print(f"{len(texts):,} texts, {words:,} words; CPU seconds, articles/s per core")
    ref, took = timed(per_text, texts)
    print(f"word hashes, per text (0.1)           {took:6.2f} s {len(texts) / took:8,.0f}/s")
    (same, _), took = timed(batch_word_hashes, texts)
    print(f"word hashes, batch with cache (now)   {took:6.2f} s {len(texts) / took:8,.0f}/s  same: "
          f"{np.array_equal(ref, same)}")
    same, took = timed(numpy_crc, texts)
    print(f"word hashes, numpy CRC-32/Adler-32    {took:6.2f} s {len(texts) / took:8,.0f}/s  same: "
          f"{np.array_equal(ref, same)}")
    powers(len("\\n".join(texts).encode()))
    _, took = timed(numpy_poly, texts)
    print(f"word hashes, numpy polynomial (new)   {took:6.2f} s {len(texts) / took:8,.0f}/s  (another format)")
    (flat, offsets), took = timed(shingles.batch_shingle_hashes, texts)
    print(f"shingle hashes from words, batch      {took:6.2f} s {len(texts) / took:8,.0f}/s  (includes word hashes)")
    sig, took = timed(lambda: np.asarray(shingles.rensa.RMinHash.digest_matrix_from_flat_token_hashes(
        flat, offsets.astype(np.uint64), shingles.NUM_PERM, shingles.SEED).to_rows(), dtype=np.uint32))
    print(f"MinHash, rensa flat batch             {took:6.2f} s {len(texts) / took:8,.0f}/s")
    _, took = timed(numpy_minhash, flat, offsets)
    print(f"MinHash, numpy multiply-shift x128    {took:6.2f} s {len(texts) / took:8,.0f}/s")
    _, took = timed(shingles.signatures, texts)
    print(f"signatures() end to end               {took:6.2f} s {len(texts) / took:8,.0f}/s")


if __name__ == "__main__":
    main()
