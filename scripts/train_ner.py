#!/usr/bin/env python3
"""Train the NER sequence model (CRF) on CoNLL data and write it where the package loads it.

    python scripts/train_ner.py --data ../shared/data/anercorp --out services/khabar/data/ner/
    python scripts/train_ner.py --data DIR --out DIR --tune     # grid-search c1/c2 on DIR/dev.conll

DIR must hold train.conll (and dev.conll for --tune / the dev report): one "token TAG" a line, BIO
tags, blank line between sentences. The test split is never read. crfsuite's L-BFGS is
deterministic, so the same data and parameters give the same model.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from khabar.core.tagging.sequence_model import (
    DEFAULT_PARAMS,
    MODEL_FILE,
    Sentence,
    SequenceModel,
    read_conll,
    train,
)

SCORED = ("PERS", "LOC", "ORG")


def spans(tags: list[str]) -> set[tuple[str, int, int]]:
    out: set[tuple[str, int, int]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        bio, _, k = tag.partition("-")
        if start >= 0 and (bio != "I" or k != kind):
            out.add((kind, start, i))
            start, kind = -1, ""
        if bio == "B" or (bio == "I" and start < 0):
            start, kind = i, k
    return out


def span_f1(model: SequenceModel, sents: list[Sentence]) -> dict[str, tuple[float, float, float]]:
    """Exact-span P/R/F1 per type and overall (token-level spans; quicker than conll_eval)."""
    c: dict[str, Counter[str]] = {k: Counter() for k in (*SCORED, "all")}
    for sent in sents:
        gold = {s for s in spans([y for _, y in sent]) if s[0] in SCORED}
        pred = {s for s in spans([y for y, _ in model.predict([t for t, _ in sent])]) if s[0] in SCORED}
        for kind in SCORED:
            g = {s for s in gold if s[0] == kind}
            q = {s for s in pred if s[0] == kind}
            for key in (kind, "all"):
                c[key].update(tp=len(g & q), fp=len(q - g), fn=len(g - q))
    out = {}
    for key, n in c.items():
        p = n["tp"] / max(1, n["tp"] + n["fp"])
        r = n["tp"] / max(1, n["tp"] + n["fn"])
        out[key] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="folder with train.conll [dev.conll]")
    ap.add_argument("--out", type=Path, required=True, help="output folder for " + MODEL_FILE)
    ap.add_argument("--c1", type=float, default=float(DEFAULT_PARAMS["c1"]))
    ap.add_argument("--c2", type=float, default=float(DEFAULT_PARAMS["c2"]))
    ap.add_argument("--iterations", type=int, default=int(DEFAULT_PARAMS["max_iterations"]))
    ap.add_argument("--bio", action="store_true", help="train on BIO labels instead of BILOU")
    ap.add_argument("--tune", action="store_true", help="grid-search c1/c2 on dev.conll first")
    args = ap.parse_args()

    train_sents = read_conll((args.data / "train.conll").read_text(encoding="utf-8"))
    dev_path = args.data / "dev.conll"
    dev_sents = read_conll(dev_path.read_text(encoding="utf-8")) if dev_path.exists() else []
    print(f"train: {len(train_sents)} sentences, {sum(map(len, train_sents))} tokens")
    c1, c2 = args.c1, args.c2
    if args.tune and dev_sents:
        best = (-1.0, c1, c2)
        with tempfile.TemporaryDirectory() as tmp:
            for gc1, gc2 in itertools.product((0.02, 0.1, 0.3), (0.01, 0.1)):
                t0 = time.perf_counter()
                m = train(
                    train_sents,
                    Path(tmp),
                    {"c1": gc1, "c2": gc2, "max_iterations": args.iterations},
                    bilou=not args.bio,
                )
                f1 = span_f1(m, dev_sents)["all"][2]
                print(f"c1={gc1} c2={gc2} dev span F1={f1:.4f} ({time.perf_counter() - t0:.0f}s)", flush=True)
                best = max(best, (f1, gc1, gc2))
        _, c1, c2 = best
        print(f"best: c1={c1} c2={c2}")
    t0 = time.perf_counter()
    out = args.out / MODEL_FILE
    params: dict[str, float | int | bool] = {"c1": c1, "c2": c2, "max_iterations": args.iterations}
    model = train(train_sents, args.out, params, bilou=not args.bio)
    print(f"trained in {time.perf_counter() - t0:.0f}s -> {out} ({out.stat().st_size / 1e6:.2f} MB)")
    if dev_sents:
        for key, (p, r, f) in span_f1(model, dev_sents).items():
            print(f"dev {key:<5} P={p:.3f} R={r:.3f} F1={f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
