"""Corpora the core's fast paths are checked against, read once per session from ../shared
(the tests that ask for them skip with `shared_dir` when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def dev_texts(shared_dir: Path) -> list[str]:
    """ANERcorp dev as ../shared/tools/conll_eval.py to-jsonl writes it: ten sentences a document."""
    sents: list[list[str]] = [[]]
    for line in (shared_dir / "data" / "anercorp" / "dev.conll").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("-DOCSTART-"):
            if sents[-1]:
                sents.append([])
            continue
        sents[-1].append(line.rsplit(" ", 1)[0])
    sents = [s for s in sents if s]
    return ["\n".join(" ".join(s) for s in sents[i : i + 10]) for i in range(0, len(sents), 10)]


@pytest.fixture(scope="session")
def seed_texts(shared_dir: Path) -> list[str]:
    """The sample articles in ../shared/seeds."""
    return [p.read_text("utf-8") for p in sorted((shared_dir / "seeds").glob("*.txt"))]
