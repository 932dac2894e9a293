"""Structured JSON logs, one object per line on stderr.

Context goes in `extra=`: service, topic, partition, offset, article_id, event_id, reason. Settings are
never logged whole with secrets: SecretStr prints as '**********'.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

__all__ = ["CONTEXT_FIELDS", "JsonFormatter", "configure", "dict_config", "get_logger"]

CONTEXT_FIELDS = ("service", "topic", "partition", "offset", "key", "article_id", "event_id", "reason")


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str | None = None) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if self.service:
            entry["service"] = self.service
        for name in CONTEXT_FIELDS:
            value = record.__dict__.get(name)
            if value is not None:
                entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure(service: str | None = None, level: str = "INFO") -> None:
    """Route all logging (ours, faust's, kafka's) through one JSON handler on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Client libraries are chatty at INFO about every rebalance step.
    for noisy in ("kafka", "aiokafka"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))


def get_logger(name: str) -> logging.Logger:
    return logging.getLogger(name)


def dict_config(service: str | None = None, level: str = "INFO") -> dict[str, object]:
    """The same setup as `configure`, as a logging.config dict (faust's worker takes one)."""
    quiet = "WARNING" if logging.getLevelName(level.upper()) < logging.WARNING else level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter, "service": service}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
        },
        "root": {"handlers": ["stderr"], "level": level.upper()},
        "loggers": {name: {"level": quiet} for name in ("kafka", "aiokafka", "mode.timers")},
    }
