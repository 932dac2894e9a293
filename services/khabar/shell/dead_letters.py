"""Dead letters: records a service could not decode or process, kept with their original bytes.

A failing record goes to `<input topic>.dlq` as a khabar.v1.DeadLetter; the service moves on. A
FailureRatio guards against a broken deployment draining its whole input into the DLQ: above the limit
the service stops with a clear log instead.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from datetime import UTC, datetime

from khabar.core.errors import RejectedInput
from khabar.core.models import DeadLetter
from khabar.shell.wire import WireError

__all__ = ["FailureRatio", "TooManyFailures", "dead_letter", "reason_of"]


def reason_of(error: BaseException) -> str:
    """The stable reason code of a failure: the core's or the decoder's code, else the exception type."""
    if isinstance(error, RejectedInput | WireError):
        return error.reason
    return type(error).__name__


def dead_letter(
    *,
    service: str,
    topic: str,
    partition: int,
    offset: int,
    key: bytes | None,
    headers: Sequence[tuple[str, bytes | None]] | None,
    payload: bytes | None,
    error: BaseException,
    failed_at: datetime | None = None,
) -> DeadLetter:
    message = error.message if isinstance(error, RejectedInput | WireError) else str(error)
    return DeadLetter(
        topic=topic,
        partition=partition,
        offset=offset,
        key=key,
        headers=[(k, v or b"") for k, v in headers or ()],
        payload=payload or b"",
        service=service,
        error_type=reason_of(error),
        error_message=message[:2000],
        failed_at=failed_at or datetime.now(UTC),
    )


class TooManyFailures(RuntimeError):
    """More than the allowed share of recent records failed."""


class FailureRatio:
    """Tracks the outcome of the last `window` records; `record` raises TooManyFailures once more
    than `limit` of a full window's worth failed. Counting against the full window size means a
    service failing everything from the start stops after limit*window + 1 records, not after one."""

    def __init__(self, limit: float, window: int) -> None:
        if not 0.0 < limit <= 1.0 or window < 1:
            raise ValueError("limit must be in (0, 1] and window >= 1")
        self.limit = limit
        self.window = window
        self._outcomes: deque[bool] = deque(maxlen=window)

    @property
    def failures(self) -> int:
        return sum(1 for ok in self._outcomes if not ok)

    def record(self, ok: bool) -> None:
        self._outcomes.append(ok)
        if self.failures > self.limit * self.window:
            raise TooManyFailures(
                f"{self.failures} of the last {len(self._outcomes)} records failed "
                f"(limit {self.limit:.0%} of {self.window})"
            )
