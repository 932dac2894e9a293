"""`khabar process`: the pipeline's stage functions in-process, no broker.

Every input is cleaned, tagged and coded; then events are merged across all inputs in input order
(khabar.core.events.dedup), so an event several inputs report appears under each of them with the same
id, every article id and the final mention_count. The output form is the one ../shared/tools/score.py
and conll_eval.py read:
    {"input": PATH or record id, "articles": [ARTICLE], "events": [EVENT]}
with ARTICLE = TaggedArticle.model_dump(mode="json") plus "article_id" (= id) and, per entity,
"canonical" (= canonical_name); EVENT = Event.model_dump(mode="json"). An input a stage rejects gives
{"input", "error", "message", "articles": [], "events": []}.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from khabar.core.models import Event, TaggedArticle
from khabar.core.pipeline import clean_stage, emit_stage, tag_stage
from khabar.shell.dead_letters import reason_of
from khabar.shell.inputs import SourcedArticle
from khabar.shell.service import EventMerger

__all__ = ["InputResult", "article_json", "process", "result_json"]


@dataclass
class InputResult:
    label: str
    articles: list[TaggedArticle] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    message: str | None = None


def _default_merger(window: timedelta) -> EventMerger | None:
    try:
        from khabar.core.events.dedup import Deduplicator
    except ImportError:
        return None
    merger: EventMerger = Deduplicator({}, window)
    return merger


def process(
    sources: Iterable[SourcedArticle],
    window: timedelta = timedelta(hours=72),
    merger: EventMerger | None = None,
    *,
    dedup: bool = True,
) -> list[InputResult]:
    """Run every input through the pipeline, then merge events across inputs."""
    results: list[InputResult] = []
    fingerprints: list[list[list[int] | None]] = []  # per input, per event
    for source in sources:
        result = InputResult(source.label)
        prints: list[list[int] | None] = []
        try:
            for article in clean_stage(source.raw):
                tagged = tag_stage(article)
                result.articles.append(tagged)
                for event in emit_stage(tagged):
                    result.events.append(event)
                    prints.append(tagged.fingerprint or None)
        except Exception as exc:  # one bad input must not stop the batch; it is reported instead
            result = InputResult(source.label, error=reason_of(exc), message=str(exc))
            prints = []
        results.append(result)
        fingerprints.append(prints)

    if dedup and merger is None:
        merger = _default_merger(window)
    if merger is None:
        return results
    # First pass: observe every event in input order; the last merge of an id is its final state.
    merged_ids: list[list[str]] = []
    final: dict[str, Event] = {}
    for result, prints in zip(results, fingerprints, strict=True):
        ids: list[str] = []
        for event, fingerprint in zip(result.events, prints, strict=True):
            merged = merger.observe(event, fingerprint)
            final[merged.id] = merged
            if merged.id not in ids:
                ids.append(merged.id)
        merged_ids.append(ids)
    for result, ids in zip(results, merged_ids, strict=True):
        result.events = [final[i] for i in ids]
    return results


def article_json(article: TaggedArticle) -> dict[str, Any]:
    data = article.model_dump(mode="json")
    data["article_id"] = article.id
    for entity in data["entities"]:
        entity["canonical"] = entity.get("canonical_name")
    return data


def result_json(result: InputResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "input": result.label,
        "articles": [article_json(a) for a in result.articles],
        "events": [e.model_dump(mode="json") for e in result.events],
    }
    if result.error is not None:
        out["error"] = result.error
        out["message"] = result.message
    return out
