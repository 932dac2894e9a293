#!/usr/bin/env python3
"""Tag conll_eval input JSONL with the sequence model alone, writing the scorer's output format.

    python ../shared/tools/conll_eval.py to-jsonl ../shared/data/anercorp/dev.conll > /tmp/dev.jsonl
    python scripts/eval_ner.py /tmp/dev.jsonl > /tmp/dev.out.jsonl [--model PATH]
    python ../shared/tools/conll_eval.py score ../shared/data/anercorp/dev.conll /tmp/dev.out.jsonl

Each output line: {"input": id, "articles": [{"title": "", "body", "entities": [{"text", "type"}]}]},
entity text without the first token's attached proclitics.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from khabar.core.tagging.sequence_model import SequenceModel
from khabar.core.text.tokens import tokenize


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", type=Path)
    ap.add_argument("--model", type=Path, help="a folder written by train_ner.py (default: shipped)")
    ap.add_argument("--sentence-only", action="store_true", help="no document-level consistency pass")
    args = ap.parse_args()
    model = SequenceModel.from_dir(args.model) if args.model else SequenceModel.default()
    for line in args.input.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        body = str(rec.get("body", ""))
        spans = model.predict_spans(tokenize(body), body, consistent=not args.sentence_only)
        ents = [{"text": body[m.start : m.end], "type": m.type} for m in spans if m.type != "MISC"]
        art = {"title": "", "body": body, "entities": ents}
        print(json.dumps({"input": rec["id"], "articles": [art]}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
