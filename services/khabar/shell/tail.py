"""`khabar tail`: read any khabar topic (data or dead-letter) and print its records as JSON lines."""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from enum import Enum
from typing import Any

from kafka import KafkaConsumer

from khabar.shell.settings import Settings
from khabar.shell.wire import TYPE_HEADER, WireError, WireModel, decode, header

__all__ = ["jsonable", "record_json", "tail"]


def jsonable(value: Any) -> Any:
    """A model dump made JSON-safe; bytes read as UTF-8 text when they are, else as base64."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def record_json(
    topic: str, partition: int, offset: int, key: bytes | None, value: bytes | None,
    headers: list[tuple[str, bytes]],
) -> dict[str, Any]:  # fmt: skip
    out: dict[str, Any] = {
        "topic": topic,
        "partition": partition,
        "offset": offset,
        "key": jsonable(key),
        "type": header(headers, TYPE_HEADER),
    }
    try:
        model: WireModel = decode(value, headers)
    except WireError as exc:
        out["error"] = exc.reason
        out["message"] = exc.message
        out["value"] = jsonable(value)
    else:
        out["value"] = jsonable(model.model_dump())
    return out


def tail(
    settings: Settings,
    topic: str,
    *,
    from_beginning: bool = False,
    max_records: int | None = None,
    timeout_s: float | None = None,
    stop: Callable[[], bool] | None = None,
) -> Iterator[dict[str, Any]]:
    """Records of `topic` as JSON-ready dicts, until max_records, timeout_s, or `stop()` is true
    (asked between polls)."""
    consumer = KafkaConsumer(
        topic,
        group_id=None,  # a reader, not a member: commits nothing, disturbs no group
        auto_offset_reset="earliest" if from_beginning else "latest",
        enable_auto_commit=False,
        **settings.kafka_python_config(),
    )
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    seen = 0
    try:
        while deadline is None or time.monotonic() < deadline:
            if stop is not None and stop():
                return
            batches = consumer.poll(timeout_ms=500)
            for records in batches.values():
                for r in records:
                    headers = [(k, v or b"") for k, v in r.headers or []]
                    yield record_json(r.topic, r.partition, r.offset, r.key, r.value, headers)
                    seen += 1
                    if max_records is not None and seen >= max_records:
                        return
    finally:
        consumer.close()
