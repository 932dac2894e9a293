"""What each streaming service does with one record, independent of the Kafka client.

A service reads one input topic, runs one pure stage from khabar.core.pipeline, and writes the results
to one output topic, or a dead letter to `<input topic>.dlq` when decoding or the stage fails. The
faust apps (khabar.shell.apps) only move records; everything they decide is decided here, so it is
tested without a broker.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from khabar.core.cleaning.decode import DEFAULT_MAX_BYTES
from khabar.core.models import Article, DeadLetter, Event, RawArticle, TaggedArticle
from khabar.core.pipeline import clean_stage, emit_stage, tag_stage
from khabar.shell import metrics
from khabar.shell.dead_letters import dead_letter
from khabar.shell.settings import WireFormat
from khabar.shell.topics import Topic, TopicNames, dlq_of
from khabar.shell.wire import Headers, WireModel, decode, encode

__all__ = [
    "SERVICES",
    "EventMerger",
    "Outcome",
    "Output",
    "Record",
    "ServiceSpec",
    "handle",
    "make_emit",
]


class EventMerger(Protocol):
    """khabar.core.events.dedup.Deduplicator as the emitter uses it."""

    def observe(self, event: Event, fingerprint: list[int] | None = None) -> Event: ...


@dataclass(frozen=True)
class ServiceSpec:
    name: str  # cleaner | tagger | emitter: the consumer group and metrics label
    stage: str  # the core stage function it runs
    input: Topic
    output: Topic
    input_type: type[WireModel]


SERVICES: dict[str, ServiceSpec] = {
    "cleaner": ServiceSpec("cleaner", "clean_stage", Topic.RAW, Topic.CLEAN, RawArticle),
    "tagger": ServiceSpec("tagger", "tag_stage", Topic.CLEAN, Topic.TAGGED, Article),
    "emitter": ServiceSpec("emitter", "emit_stage", Topic.TAGGED, Topic.EVENTS, TaggedArticle),
}

Stage = Callable[[Any], Sequence[WireModel]]


def make_clean(max_article_bytes: int) -> Callable[[RawArticle], list[Article]]:
    def clean(raw: RawArticle) -> list[Article]:
        return clean_stage(raw, max_article_bytes)

    return clean


def _tag(article: Article) -> list[TaggedArticle]:
    return [tag_stage(article)]


def make_emit(merger: EventMerger | None) -> Callable[[TaggedArticle], list[Event]]:
    """The emitter's stage: code events, then merge each with what earlier articles reported, so a
    re-reported event goes out again under the same id with a higher mention_count."""

    def emit(tagged: TaggedArticle) -> list[Event]:
        events = emit_stage(tagged)
        if merger is None:
            return events
        return [merger.observe(event, tagged.fingerprint or None) for event in events]

    return emit


def stage_of(
    spec: ServiceSpec, merger: EventMerger | None = None, max_article_bytes: int = DEFAULT_MAX_BYTES
) -> Stage:
    if spec.name == "cleaner":
        return make_clean(max_article_bytes)
    if spec.name == "tagger":
        return _tag
    return make_emit(merger)


@dataclass(frozen=True)
class Record:
    """A consumed Kafka record."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Headers = field(default_factory=list)


@dataclass(frozen=True)
class Output:
    topic: str
    key: bytes
    value: bytes
    headers: Headers
    model: WireModel


@dataclass(frozen=True)
class Outcome:
    outputs: list[Output]
    dead_letter: DeadLetter | None = None
    dead_letter_record: Output | None = None
    received_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.dead_letter is None


def _key(model: WireModel) -> bytes:
    return model.id.encode("utf-8") if isinstance(model, RawArticle | Article | Event) else b""


def handle(
    spec: ServiceSpec,
    stage: Stage,
    record: Record,
    topics: TopicNames,
    wire_format: WireFormat = WireFormat.PROTOBUF,
) -> Outcome:
    """Decode, run the stage, encode. Any failure becomes a dead letter for the input's DLQ."""
    try:
        model = decode(record.value, record.headers, spec.input_type)
        started = time.perf_counter()
        results = stage(model)
        metrics.STAGE_SECONDS.labels(spec.stage).observe(time.perf_counter() - started)
        out_topic = topics.name(spec.output)
        outputs = []
        for result in results:
            value, headers = encode(result, wire_format)
            outputs.append(Output(out_topic, _key(result), value, headers, result))
    except Exception as exc:  # anything a record triggers is that record's failure, not the service's
        letter = dead_letter(
            service=spec.name,
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            key=record.key,
            headers=record.headers,
            payload=record.value,
            error=exc,
        )
        value, headers = encode(letter, wire_format)
        dlq = Output(dlq_of(record.topic), record.key or b"", value, headers, letter)
        return Outcome([], letter, dlq)
    received = getattr(model, "received_at", None)
    return Outcome(outputs, received_at=received if isinstance(received, datetime) else None)


def end_to_end_seconds(outcome: Outcome, now: datetime | None = None) -> float | None:
    """Seconds from the article's arrival to now, when the record says when it arrived."""
    if outcome.received_at is None:
        return None
    received = outcome.received_at
    if received.tzinfo is None:
        received = received.replace(tzinfo=UTC)
    return ((now or datetime.now(UTC)) - received).total_seconds()
