#!/usr/bin/env python3
"""Cleaning-stage figures: throughput on the seeds and samples, and fingerprint similarities.

    python scripts/bench_cleaning.py [--repeat N]

Prints articles/second (text and HTML separately), the mean time per article, and the estimated
Jaccard similarity of every pair of seed articles (seeds 001 and 002 report the same meeting).
Seeds are read from ../shared/seeds when present.
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

from khabar.core.cleaning import clean
from khabar.core.cleaning.fingerprint import similarity
from khabar.core.models import ContentType, RawArticle
from khabar.core.text.normalize import norm

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / ".." / "shared" / "seeds"


def _raws() -> list[RawArticle]:
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
    paths += sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in {".txt", ".html"})
    return [
        RawArticle(
            id=p.stem,
            body=p.read_bytes(),
            content_type=ContentType.HTML if p.suffix == ".html" else ContentType.TEXT,
        )
        for p in paths
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    raws = _raws()
    for raw in raws:  # warm-up: first calls load trafilatura, the language model and dateparser
        clean(raw)
    for kind in (ContentType.TEXT, ContentType.HTML):
        batch = [r for r in raws if r.content_type is kind]
        if not batch:
            continue
        start = time.perf_counter()
        for _ in range(args.repeat):
            for raw in batch:
                norm.cache_clear()  # repeated texts must not be served from the line cache
                clean(raw)
        elapsed = time.perf_counter() - start
        n = len(batch) * args.repeat
        size = sum(len(r.body) for r in batch) / len(batch)
        print(
            f"{kind.value:10} {n:5d} articles  {n / elapsed:8.1f} articles/s"
            f"  {1000 * elapsed / n:6.2f} ms/article  (mean {size / 1024:.1f} KiB)"
        )
    if SEEDS.exists():
        mains = {r.id[:3]: clean(r)[0].fingerprint for r in raws if r.id[:3].isdigit()}
        print("seed fingerprint similarity (estimated Jaccard of word 3-shingles):")
        for a, b in itertools.combinations(sorted(mains), 2):
            print(f"  {a}-{b}  {similarity(mains[a], mains[b]):.3f}")


if __name__ == "__main__":
    main()
