"""The emitter: tagged articles -> events, deduplicated across articles.

The deduplicator's state lives in a faust Table, backed by a changelog topic, so it survives restarts
and moves with its partition on a rebalance. When another article reports a known event, the merged
event goes out again with the same id and a higher mention_count: consumers upsert by event id.

The table is partitioned like the tagged topic (keyed by article id), so merging happens among the
articles of one partition; run with one partition of khabar.articles.tagged.v1 (the local default)
for global deduplication.
"""

from __future__ import annotations

from typing import Any

import faust

from khabar.shell.admin import InternalTopic
from khabar.shell.apps.base import ServiceApp, build_app
from khabar.shell.logging import get_logger
from khabar.shell.service import SERVICES, EventMerger
from khabar.shell.settings import Settings

__all__ = ["create", "load_deduplicator"]

log = get_logger("khabar.emitter")


def load_deduplicator() -> Any | None:
    """khabar.core.events.dedup.Deduplicator, or None while that module is not there."""
    try:
        from khabar.core.events.dedup import Deduplicator
    except ImportError:
        return None
    return Deduplicator


def create(settings: Settings) -> ServiceApp:
    changelog: list[InternalTopic] = []

    def merger(app: faust.App) -> EventMerger | None:
        deduplicator = load_deduplicator()
        if deduplicator is None:
            log.warning("khabar.core.events.dedup is missing: events are emitted without merging")
            return None
        table = app.Table(
            "event-dedup",
            partitions=settings.partitions,
            # The deduplicator writes str keys and JSON-able values (see khabar.core.events.dedup).
            schema=faust.Schema(key_type=str, key_serializer="json", value_serializer="json"),
        )
        name = table.changelog_topic.get_topic_name()
        changelog.append(InternalTopic(name, settings.partitions, {"cleanup.policy": "compact"}))
        return deduplicator(table, settings.dedup_window)  # type: ignore[no-any-return]

    service = build_app(SERVICES["emitter"], settings, merger)
    service.internal_topics.extend(changelog)
    return service
