"""The whole pipeline as pure functions: raw article -> clean articles -> tagged -> events.

Each service runs exactly one of these stages; `khabar process` runs them all in-process.
"""

from __future__ import annotations

from khabar.core.cleaning import clean
from khabar.core.cleaning.decode import DEFAULT_MAX_BYTES
from khabar.core.events import code_events
from khabar.core.models import Article, Event, RawArticle, TaggedArticle
from khabar.core.tagging import tag

__all__ = ["clean_stage", "emit_stage", "tag_stage"]


def clean_stage(raw: RawArticle, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Cleaner: one raw article -> its main article plus any related stories split off it.
    Raises khabar.core.errors.RejectedInput for input that cannot be cleaned."""
    return clean(raw, max_bytes)


def tag_stage(article: Article) -> TaggedArticle:
    """Tagger: entities for one clean article."""
    return tag(article)


def emit_stage(tagged: TaggedArticle) -> list[Event]:
    """Emitter (per-article part): events coded from one tagged article. Cross-article
    deduplication is khabar.core.events.dedup, driven by the service with its state store."""
    return code_events(tagged)
