"""Shingles, MinHash signatures and LSH band keys of an article's clean text.

A text is lower-cased and cut into words (letters and digits); its shingles are the runs of
``SHINGLE`` consecutive words. The MinHash signature (``NUM_PERM`` 32-bit values, computed with
rensa, which bench/minhash_libs.py measured 10-40 times faster than datasketch for the same
accuracy) estimates the Jaccard similarity of two shingle sets as the share of equal values. LSH
cuts the signature into ``BANDS`` bands of ``ROWS`` values and hashes each band to one 64-bit
key: two texts become candidates when any band key is equal, which happens with probability
1 - (1 - J^ROWS)^BANDS (0.87 at J = 0.5, 0.99 at J = 0.6, 0.23 at J = 0.3). Candidates are then
checked against the threshold with their signatures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import rensa

from .wordhash import batch_word_hashes

SHINGLE = 5  # words per shingle
NUM_PERM = 128
BANDS, ROWS = 32, 4
SEED = 1
_WORD = re.compile(r"\w+")
_MASK63 = np.uint64((1 << 63) - 1)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The set of k-word shingles of a text (the whole text as one shingle when it is shorter)."""
    ws = words(text)
    if len(ws) <= k:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + k]) for i in range(len(ws) - k + 1)}


def minhash_matrix(sets: Sequence[Iterable[str]]) -> np.ndarray:
    """MinHash signatures of shingle sets, one row of ``NUM_PERM`` uint32 per set."""
    if not sets:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    token_sets = [s if s else {""} for s in sets]
    rows = rensa.RMinHash.digest_matrix_from_token_sets(token_sets, NUM_PERM, SEED).to_rows()
    return np.asarray(rows, dtype=np.uint32)


_P = np.uint64(0x100000001B3)


def batch_shingle_hashes(texts: Sequence[str], k: int = SHINGLE) -> tuple[np.ndarray, np.ndarray]:
    """The 64-bit hashes of the k-word shingles of all texts (a text of k words or fewer is one
    shingle, the sum of its word hashes), and each text's offsets into them. Shingles repeated
    within a text are kept: MinHash takes minima, so repeats change nothing."""
    h, offsets = batch_word_hashes(texts)
    m = np.diff(offsets)
    long_ = m > k
    counts = np.where(long_, m - k + 1, 1)
    out_offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(counts, out=out_offsets[1:])
    flat = np.zeros(int(out_offsets[-1]), dtype=np.uint64)
    with np.errstate(over="ignore"):
        n = max(h.size - k + 1, 0)
        rolled = h[:n].copy()
        for j in range(1, k):
            rolled = rolled * _P + h[j:j + n]
        text = np.repeat(np.arange(len(texts)), m)[:n]
        within = np.arange(n) - offsets[text]
        keep = long_[text] & (within <= m[text] - k)
        flat[out_offsets[text[keep]] + within[keep]] = rolled[keep]
        short = np.flatnonzero(~long_)
        if short.size:
            sums = np.add.reduceat(np.append(h, np.uint64(0)), offsets[:-1])[short]
            flat[out_offsets[short]] = np.where(m[short] > 0, sums, np.uint64(0))
    return flat, out_offsets


def shingle_hashes(text: str, k: int = SHINGLE) -> np.ndarray:
    """The distinct 64-bit hashes of a text's k-word shingles (what ``signatures`` sketches)."""
    return np.unique(batch_shingle_hashes([text], k)[0])


def signatures(texts: Sequence[str]) -> np.ndarray:
    """MinHash signatures of texts (rows of ``NUM_PERM`` uint32), from their shingle hashes,
    the whole batch at once."""
    if not texts:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    flat, offsets = batch_shingle_hashes(texts)
    matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets.astype(np.uint64), NUM_PERM, SEED)
    return np.asarray(matrix.to_rows(), dtype=np.uint32)


def band_keys(signatures: np.ndarray) -> np.ndarray:
    """One 63-bit key per band and signature (shape n x BANDS): the band's index and values
    mixed with a multiply-xorshift hash, so that equal keys mean equal bands (up to collisions
    of 1 in 2^63)."""
    n = signatures.shape[0]
    bands = signatures.reshape(n, BANDS, ROWS).astype(np.uint64)
    key = np.broadcast_to(np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15), (n, BANDS)).copy()
    with np.errstate(over="ignore"):
        for r in range(ROWS):
            key ^= bands[:, :, r] + np.uint64(0x9E3779B97F4A7C15) + (key << np.uint64(6)) + (key >> np.uint64(2))
            key *= np.uint64(0xBF58476D1CE4E5B9)
            key ^= key >> np.uint64(31)
    return (key & _MASK63).astype(np.int64)


def similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of signature ``a`` (one row) with each row of ``b``."""
    return (np.atleast_2d(b) == a).mean(axis=1)


def to_blob(signature: np.ndarray) -> bytes:
    return np.ascontiguousarray(signature, dtype="<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")
