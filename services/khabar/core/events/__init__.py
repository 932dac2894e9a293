"""Event coding stage: TaggedArticle -> PLOVER/CAMEO events."""

from __future__ import annotations

from khabar.core.models import Event, TaggedArticle

__all__ = ["code_events"]


def code_events(tagged: TaggedArticle) -> list[Event]:
    # Simplest honest version until the event stage lands: no events.
    return []
