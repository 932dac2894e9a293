#!/usr/bin/env python3
"""Throughput of the NER sequence model alone (tokenize + sentence split + features + CRF).

    python scripts/bench_ner.py [--articles N] [--size BYTES] [--conll ../shared/data/anercorp/dev.conll]

Articles are built from CoNLL sentences (default: ANERcorp dev beside the repo; else a fixed
Arabic paragraph repeated) cut to ~`size` bytes of UTF-8 each. Prints tokens/s and articles/s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from khabar.core.tagging.sequence_model import SequenceModel, read_conll
from khabar.core.text.tokens import tokenize

_FALLBACK = (
    "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن بلاده ستدعم لبنان. "
    "واستقبل وزير الخارجية الروسي سيرغي لافروف نظيره الليبي في موسكو يوم الثلاثاء.\n"
)


def articles(conll: Path | None, n: int, size: int) -> list[str]:
    if conll is not None and conll.exists():
        lines = [" ".join(t for t, _ in s) for s in read_conll(conll.read_text(encoding="utf-8"))]
    else:
        lines = [_FALLBACK.strip()] * 50
    out: list[str] = []
    i = 0
    while len(out) < n:
        body: list[str] = []
        while len("\n".join(body).encode()) < size:
            body.append(lines[i % len(lines)])
            i += 1
        out.append("\n".join(body))
    return out


def main() -> int:
    repo = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--size", type=int, default=4000, help="bytes of UTF-8 per article")
    ap.add_argument("--conll", type=Path, default=repo / ".." / "shared" / "data" / "anercorp" / "dev.conll")
    args = ap.parse_args()

    t0 = time.perf_counter()
    model = SequenceModel.default()
    load = time.perf_counter() - t0
    docs = articles(args.conll, args.articles, args.size)
    model.tag_text(docs[0])  # warm-up
    tokens = mentions = 0
    t0 = time.perf_counter()
    for text in docs:
        toks = tokenize(text)
        tokens += len(toks)
        mentions += len(model.predict_spans(toks, text))
    dt = time.perf_counter() - t0
    kb = sum(len(d.encode()) for d in docs) / len(docs) / 1000
    print(f"model load: {load:.2f} s")
    print(f"articles: {len(docs)} of {kb:.1f} KB, {tokens} tokens, {mentions} mentions")
    print(f"tokens/s: {tokens / dt:,.0f}")
    print(f"articles/s: {len(docs) / dt:,.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
