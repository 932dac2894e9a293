"""The three streaming services as faust-streaming apps, and how to run one."""

from __future__ import annotations

__all__ = ["SERVICE_NAMES"]

SERVICE_NAMES = ("cleaner", "tagger", "emitter")
