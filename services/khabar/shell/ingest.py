"""`khabar ingest`: local files, directories or stdin -> khabar.articles.raw.v1 (kafka-python)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kafka import KafkaProducer
from tqdm import tqdm

from khabar.shell.inputs import SourcedArticle
from khabar.shell.settings import Settings
from khabar.shell.topics import Topic, TopicNames
from khabar.shell.wire import encode

__all__ = ["ingest"]

# Below this many articles a progress bar is noise.
_PROGRESS_FROM = 50


def producer(settings: Settings) -> Any:
    return KafkaProducer(
        acks="all",
        enable_idempotence=False,  # at-least-once everywhere; Tansu has no idempotent producers
        max_request_size=settings.max_message_bytes,
        client_id="khabar-ingest",
        **settings.kafka_python_config(),
    )


def ingest(settings: Settings, articles: Sequence[SourcedArticle], topic: str | None = None) -> int:
    """Send the articles keyed by id and wait for every acknowledgement. Returns how many were sent."""
    name = topic or TopicNames.of(settings).name(Topic.RAW)
    client = producer(settings)
    try:
        futures = []
        for source in tqdm(articles, unit="article", disable=len(articles) < _PROGRESS_FROM):
            value, headers = encode(source.raw, settings.wire_format)
            futures.append(client.send(name, key=source.raw.id.encode(), value=value, headers=headers))
        client.flush()
        for future in futures:
            future.get(timeout=30)  # raises the broker's error for a record that was not stored
        return len(futures)
    finally:
        client.close()
