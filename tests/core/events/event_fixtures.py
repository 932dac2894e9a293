"""Hand-built tagged articles for coder tests: entity spans are found in the text, so the tests do
not depend on the tagger."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from khabar.core.models import Actor, Entity, EntityType, Event, TaggedArticle, TextField


def article(
    body: str,
    entities: Sequence[tuple[Any, ...]],
    published: datetime | None = datetime(2025, 6, 10, 9, 0, tzinfo=UTC),
    article_id: str = "a1",
    title: str | None = None,
    fingerprint: list[int] | None = None,
) -> TaggedArticle:
    """A TaggedArticle whose entities are every occurrence of each given surface text
    (in the title too, when given)."""
    found: list[Entity] = []
    for spec in entities:
        text, etype = spec[0], spec[1]
        extra: dict[str, Any] = dict(spec[2]) if len(spec) > 2 else {}
        for field, source in ((TextField.BODY, body), (TextField.TITLE, title or "")):
            start = source.find(text)
            while start >= 0:
                overlaps = any(
                    e.field is field and e.start < start + len(text) and start < e.end for e in found
                )
                if not overlaps:
                    found.append(
                        Entity(
                            type=EntityType(etype),
                            text=text,
                            start=start,
                            end=start + len(text),
                            field=field,
                            **extra,
                        )
                    )
                start = source.find(text, start + 1)
    return TaggedArticle(
        id=article_id,
        body=body,
        title=title,
        published_at=published,
        entities=sorted(found, key=lambda e: (e.field, e.start)),
        fingerprint=fingerprint or [],
    )


def names(actors: list[Actor]) -> list[str]:
    return [a.name for a in actors]


def only(events: list[Event]) -> Event:
    """The one event of a list, with what was coded instead in the failure message."""
    assert len(events) == 1, [(e.type, e.cameo, names(e.actors), names(e.recipients)) for e in events]
    return events[0]
