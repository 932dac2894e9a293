"""Event coding stage: TaggedArticle -> PLOVER/CAMEO events (khabar.core.events.coder), and the
cross-article deduplicator the emitter service drives with its state store (khabar.core.events.dedup)."""

from __future__ import annotations

from khabar.core.events.coder import code_events

__all__ = ["code_events"]
