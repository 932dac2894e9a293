"""Every Prometheus metric khabar exports, declared here and nowhere else.

Services serve them on /metrics (khabar.shell.health). Labels: `service` is cleaner|tagger|emitter,
`topic` the full topic name (with prefix), `stage` the core stage function, `reason` a dead-letter
reason code (RejectedInput.reason, a wire decoding reason, or an exception type).
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram, Info, disable_created_metrics

from khabar import __version__

__all__ = [
    "BUILD_INFO",
    "DEAD_LETTERS",
    "END_TO_END_SECONDS",
    "MESSAGES_FAILED",
    "MESSAGES_IN",
    "MESSAGES_OUT",
    "STAGE_SECONDS",
]

# The *_created series double every scrape for no use here.
disable_created_metrics()  # type: ignore[no-untyped-call]

MESSAGES_IN = Counter("khabar_messages_in", "Records consumed from the input topic", ["service", "topic"])
MESSAGES_OUT = Counter("khabar_messages_out", "Records produced to the output topic", ["service", "topic"])
MESSAGES_FAILED = Counter(
    "khabar_messages_failed", "Input records that went to the dead-letter topic", ["service", "topic"]
)
STAGE_SECONDS = Histogram(
    "khabar_stage_seconds",
    "Time spent in one core stage call",
    ["stage"],
    buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
END_TO_END_SECONDS = Histogram(
    "khabar_end_to_end_seconds",
    "From RawArticle.received_at to the emission of a record derived from it",
    ["service"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0),
)
DEAD_LETTERS = Counter("khabar_dead_letters", "Dead letters written, by reason", ["service", "reason"])
BUILD_INFO = Info("khabar_build", "khabar version")
BUILD_INFO.info({"version": __version__})
