"""Near-duplicate fingerprint: a MinHash signature of the normalized body's word 3-shingles, so the
event stage can cluster one story told by several outlets. Seed and size are fixed: signatures made by
different processes and releases must stay comparable."""

from __future__ import annotations

from collections.abc import Sequence

from datasketch import MinHash

from khabar.core.text.normalize import norm

__all__ = ["NUM_PERM", "SEED", "SHINGLE", "fingerprint", "shingles", "similarity"]

NUM_PERM = 64
SEED = 1
SHINGLE = 3


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word n-grams of the normalized text (the whole text when it has fewer words)."""
    words = [w for w in norm(text).split() if any(ch.isalnum() for ch in w)]
    words = ["".join(ch for ch in w if ch.isalnum()) for w in words]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def fingerprint(text: str) -> list[int]:
    """MinHash signature (NUM_PERM ints) of `text`; [] for a text without words."""
    grams = shingles(text)
    if not grams:
        return []
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    mh.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return [int(v) for v in mh.hashvalues]


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures (0.0 if either is empty
    or they were made with different sizes)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)
