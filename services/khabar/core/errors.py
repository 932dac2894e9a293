"""Errors the core raises for input it refuses. The service shells turn them into dead letters."""

from __future__ import annotations


class RejectedInput(ValueError):
    """Input a stage cannot process. `reason` is a short stable code (metrics label, DLQ field)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message
