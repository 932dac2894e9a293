"""Deterministic event ids: the same real-world event coded from a replay or from another outlet
gets the same id, so consumers upsert instead of duplicating."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

__all__ = ["event_id", "signature"]


def signature(event_type: str, participant_keys: Iterable[str]) -> str:
    """Type and participants, order-free: what two reports of one event must share."""
    return f"{event_type}|{','.join(sorted(set(participant_keys)))}"


def event_id(
    event_type: str, participant_keys: Iterable[str], date: dt.date | None, place_key: str | None
) -> str:
    """sha256 over (type, sorted participant keys, ISO date, place key) -> 24 hex digits."""
    raw = f"{signature(event_type, participant_keys)}|{date.isoformat() if date else ''}|{place_key or ''}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]
