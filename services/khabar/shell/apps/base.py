"""A streaming service as a faust-streaming app: input topic -> one core stage -> output topic.

Each service is its own process and consumer group. Values travel as raw bytes through faust; the
protobuf decoding happens in khabar.shell.service, so a bad record is caught and dead-lettered on its
own. Delivery is at-least-once: the agent awaits the broker's acknowledgement of every output (or
dead letter) before it takes the next record, and faust commits only offsets of records the agent has
moved past. No transactions and no idempotent producer: the embedded Tansu broker supports neither.
"""

from __future__ import annotations

import os
import signal
import ssl
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import faust
import faust.tables
from faust.exceptions import ConsumerNotStarted

from khabar.shell import metrics
from khabar.shell.admin import InternalTopic
from khabar.shell.dead_letters import FailureRatio, TooManyFailures
from khabar.shell.logging import get_logger
from khabar.shell.service import (
    EventMerger,
    Record,
    ServiceSpec,
    end_to_end_seconds,
    handle,
    stage_of,
)
from khabar.shell.settings import SecurityProtocol, Settings
from khabar.shell.topics import TopicNames

__all__ = ["STALLED", "ServiceApp", "TableManager", "build_app"]

# How long the table manager waits for the consumer thread before it starts anyway (and fails as
# faust alone would).
_CONSUMER_START_S = 20.0
# Set on the faust app when its consumer thread never built its consumer: `khabar run` then starts
# the process afresh (see apps/runner.py).
STALLED = "khabar_consumer_stalled"


class TableManager(faust.tables.TableManager):
    """faust's table manager, which reads the consumer's assignment one second after it starts. On a
    loaded machine the consumer thread may not have (or no longer have) its Kafka consumer then, and
    the worker dies with ConsumerNotStarted (faust-streaming issue #446; seen in `khabar up` under CI
    load, also after an earlier check had found the consumer). This one retries for a while; a
    thread that never builds its consumer is stuck, and the process is started afresh."""

    async def _update_channels(self) -> None:
        deadline = time.monotonic() + _CONSUMER_START_S
        while True:
            try:
                await super()._update_channels()
                return
            except ConsumerNotStarted:
                if self.should_stop or time.monotonic() > deadline:
                    setattr(self.app, STALLED, True)
                    raise
                await self.sleep(0.2)


log = get_logger("khabar.service")

# A service whose loop has not ticked for this long is reported dead on /healthz.
_LIVENESS_S = 60.0
_TICK_S = 5.0


@dataclass
class ServiceApp:
    """A faust app plus what the service shell watches about it."""

    spec: ServiceSpec
    app: faust.App
    settings: Settings
    fatal: BaseException | None = None
    last_tick: float = field(default_factory=time.monotonic)
    processed: int = 0
    internal_topics: list[InternalTopic] = field(default_factory=list)

    def alive(self) -> bool:
        return self.fatal is None and time.monotonic() - self.last_tick < _LIVENESS_S

    def ready(self) -> bool:
        try:
            consumer = self.app.consumer
            return bool(consumer.assignment()) and not self.app.rebalancing and self.fatal is None
        except Exception:  # not started yet
            return False


def _credentials(settings: Settings) -> Any:
    protocol = settings.security_protocol
    if protocol is SecurityProtocol.PLAINTEXT:
        return None
    context = None
    if protocol in (SecurityProtocol.SSL, SecurityProtocol.SASL_SSL):
        context = ssl.create_default_context(cafile=settings.ssl_cafile)
        if settings.ssl_certfile:
            context.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile)
    if protocol is SecurityProtocol.SSL:
        assert context is not None
        return faust.SSLCredentials(context)
    extra: dict[str, Any] = {"ssl_context": context} if context is not None else {}
    return faust.SASLCredentials(
        username=settings.sasl_username,
        password=settings.sasl_password.get_secret_value() if settings.sasl_password else None,
        mechanism=settings.sasl_mechanism or "PLAIN",
        **extra,
    )


def build_app(
    spec: ServiceSpec,
    settings: Settings,
    merger_factory: Callable[[faust.App], EventMerger | None] | None = None,
) -> ServiceApp:
    """The faust app of one service. `merger_factory` builds the emitter's deduplicator on the app
    (it needs the app to declare its changelog-backed table)."""
    topics = TopicNames.of(settings)
    app_id = f"{settings.topic_prefix}khabar-{spec.name}"
    state_dir = Path(tempfile.gettempdir()) / "khabar-state" / app_id
    state_dir.parent.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        app_id,
        broker=[f"kafka://{server}" for server in settings.bootstrap.split(",")],
        broker_credentials=_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        web_enabled=False,  # khabar.shell.health serves /metrics, /healthz, /readyz instead
        consumer_auto_offset_reset="earliest",
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        producer_max_request_size=settings.max_message_bytes,
        producer_acks=-1,
        store="memory://",
        datadir=str(state_dir),
        table_standby_replicas=0,
        topic_allow_declare=False,  # see khabar.shell.admin.ensure_internal_topics
        TableManager=TableManager,
    )
    service = ServiceApp(spec, app, settings)
    service.internal_topics.append(InternalTopic(f"{app_id}-__assignor-__leader", 1))
    merger = merger_factory(app) if merger_factory is not None else None
    stage = stage_of(spec, merger, settings.max_article_bytes)
    input_topic = app.topic(topics.name(spec.input), key_type=bytes, value_type=bytes)
    ratio = FailureRatio(settings.dlq_ratio_limit, settings.dlq_window)
    out_topics: dict[str, Any] = {}

    def topic(name: str) -> Any:
        if name not in out_topics:
            out_topics[name] = app.topic(name, key_type=bytes, value_type=bytes)
        return out_topics[name]

    @app.timer(interval=_TICK_S)  # type: ignore[untyped-decorator]
    async def tick() -> None:
        service.last_tick = time.monotonic()

    @app.agent(input_topic, name=f"{app_id}-agent")
    async def process(stream: Any) -> None:
        async for event in stream.events():
            message = event.message
            record = Record(
                topic=message.topic,
                partition=message.partition,
                offset=message.offset,
                key=event.key,
                value=event.value,
                headers=[(str(k), bytes(v or b"")) for k, v in _headers(event.headers)],
            )
            context = {"topic": record.topic, "partition": record.partition, "offset": record.offset}
            metrics.MESSAGES_IN.labels(spec.name, record.topic).inc()
            outcome = handle(spec, stage, record, topics, settings.wire_format)
            sends = outcome.outputs if outcome.ok else [outcome.dead_letter_record]
            for out in sends:
                assert out is not None
                # force=True skips faust's attachments: we want the send now and its ack below.
                pending = await topic(out.topic).send(
                    key=out.key, value=out.value, headers=out.headers, force=True
                )
                await pending  # the broker acknowledged it: only then may the input offset move on
            service.processed += 1
            if outcome.ok:
                for out in outcome.outputs:
                    metrics.MESSAGES_OUT.labels(spec.name, out.topic).inc()
                latency = end_to_end_seconds(outcome)
                if latency is not None and outcome.outputs:
                    metrics.END_TO_END_SECONDS.labels(spec.name).observe(latency)
                log.debug("processed", extra={**context, "key": _text(record.key)})
            else:
                letter = outcome.dead_letter
                assert letter is not None
                metrics.MESSAGES_FAILED.labels(spec.name, record.topic).inc()
                metrics.DEAD_LETTERS.labels(spec.name, letter.error_type).inc()
                log.warning(
                    "dead-lettered: %s",
                    letter.error_message[:300],
                    extra={**context, "key": _text(record.key), "reason": letter.error_type},
                )
            try:
                ratio.record(outcome.ok)
            except TooManyFailures as exc:
                service.fatal = exc
                log.error(
                    "stopping: too many dead letters (%s); fix the cause before restarting",
                    exc,
                    extra=context,
                )
                # A graceful stop through the worker's SIGTERM path: commit what was done, leave the
                # group. Leaving the loop takes no further record (blocking here would stall the
                # worker, which waits for the agent to finish its record).
                os.kill(os.getpid(), signal.SIGTERM)
                break

    return service


def _headers(headers: Any) -> list[tuple[Any, Any]]:
    if not headers:
        return []
    if isinstance(headers, dict):
        return list(headers.items())
    return list(headers)


def _text(key: bytes | None) -> str | None:
    return key.decode("utf-8", errors="replace") if key is not None else None
