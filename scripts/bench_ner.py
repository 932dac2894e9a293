#!/usr/bin/env python3
"""Throughput of the NER sequence model alone (tokenize + sentence split + features + CRF).

    python scripts/bench_ner.py [--articles N] [--size BYTES] [--conll ../shared/data/anercorp/dev.conll]
                                [--parts]

Articles are built from CoNLL sentences (default: ANERcorp dev beside the repo; else a fixed
Arabic paragraph repeated) cut to ~`size` bytes of UTF-8 each. Prints tokens/s and articles/s,
and the model's memory: its weight matrix and the bounds of its caches. --parts then times each
stage of predict_spans on the same articles, caches warm (best of 3 rounds, ms per article).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from khabar.core.tagging.features import split_sentences
from khabar.core.tagging.sequence_model import MentionSpan, SequenceModel, _propagate, _spans, read_conll
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


def parts(model: SequenceModel, docs: list[str]) -> None:
    """Each stage of predict_spans, timed over all `docs` (caches warm), best of 3 rounds."""
    feats, crf = model._features, model._crf
    toks = [tokenize(d) for d in docs]
    words = [[t.text for t in ts] for ts in toks]
    sents = [split_sentences(ts, d) for ts, d in zip(toks, docs, strict=True)]
    types = [feats.types(w) for w in words]
    rows = [feats.emissions(ty, s) for ty, s in zip(types, sents, strict=True)]
    lens = [[len(r) for r in s] for s in sents]
    labelled = [model._predict(ty, s, outside=0.0) for ty, s in zip(types, sents, strict=True)]

    def spans(i: int) -> None:
        out: list[MentionSpan] = []
        for r in sents[i]:
            out += _spans(labelled[i][r.start : r.stop], toks[i][r.start : r.stop], r.start, model._lex)
        if out:
            _propagate(out, toks[i], [t.stem for t in types[i]], model._lex)

    stages: list[tuple[str, Callable[[int], object]]] = [
        ("split_sentences", lambda i: split_sentences(toks[i], docs[i])),
        ("token types (cached)", lambda i: feats.types(words[i])),
        ("emission rows", lambda i: feats.emissions(types[i], sents[i])),
        ("CRF: Viterbi + marginals", lambda i: crf.tag(rows[i], lens[i], skip=0, fill=0.0)),
        ("(label, marginal) list", lambda i: model._predict(types[i], sents[i], outside=0.0)),
        ("spans + propagation", spans),
        ("predict_spans, all of it", lambda i: model.predict_spans(toks[i], docs[i])),
    ]
    print("stages (ms/article, caches warm; the list row includes emission rows and CRF):")
    for name, fn in stages:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for i in range(len(docs)):
                fn(i)
            best = min(best, time.perf_counter() - t0)
        print(f"  {1000 * best / len(docs):7.3f}  {name}")


def memory(model: SequenceModel) -> None:
    crf, feats = model._crf, model._features
    table = feats.table
    mb = 1 / 2**20
    print(
        f"weights: {crf.state.shape[0]} attributes x {crf.state.shape[1]} labels, "
        f"{crf.state.nbytes * mb:.1f} MB (+ the same rows at the head of the score table)"
    )
    print(
        f"caches: {len(feats._types)} token types (bound {feats._max}), {len(table)} score rows "
        f"(bound {table.max_rows}; the table holds {table._capacity} rows, "
        f"{table._matrix.nbytes * mb:.1f} MB, its pages resident only once written)"
    )


def main() -> int:
    repo = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--size", type=int, default=4000, help="bytes of UTF-8 per article")
    ap.add_argument("--conll", type=Path, default=repo / ".." / "shared" / "data" / "anercorp" / "dev.conll")
    ap.add_argument("--parts", action="store_true", help="time each stage of predict_spans too")
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
    memory(model)
    if args.parts:
        parts(model, docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
