"""End to end on the five sample articles: clean -> tag -> code -> dedup, scored by the shared
scorer. Depends on the cleaner and the tagger as well as the coder."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from khabar.core.cleaning import clean
from khabar.core.events import code_events
from khabar.core.events.dedup import Deduplicator
from khabar.core.models import RawArticle
from khabar.core.tagging import tag

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (seeds, gold, scorer) is not beside the repo")
def test_seed_event_f1_dates_and_locations(tmp_path: Path) -> None:
    store: dict[str, Any] = {}
    dedup = Deduplicator(store)
    out = tmp_path / "out.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for path in sorted((SHARED / "seeds").glob("*.txt")):
            tagged = [tag(a) for a in clean(RawArticle(id=path.name, body=path.read_bytes()))]
            events = [dedup.observe(e, t.fingerprint) for t in tagged for e in code_events(t)]
            line = {
                "input": str(path),
                "articles": [dict(t.model_dump(mode="json"), article_id=t.id) for t in tagged],
                "events": [e.model_dump(mode="json") for e in events],
            }
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    result = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score.py"),
            str(SHARED / "gold" / "seeds.gold.json"),
            str(out),
            "--json",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    summary = json.loads(result.stdout[: result.stdout.rindex("}") + 1])
    assert summary["events"]["f1"] >= 0.9, summary["events"]
    assert summary["event_date_accuracy"] >= 0.9
    assert summary["event_location_accuracy"] >= 0.9
