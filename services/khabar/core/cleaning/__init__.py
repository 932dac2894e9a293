"""Cleaning stage: raw article (text or HTML) -> clean Article(s)."""

from __future__ import annotations

from khabar.core.errors import RejectedInput
from khabar.core.models import Article, Paragraph, RawArticle

__all__ = ["clean"]


def clean(raw: RawArticle) -> list[Article]:
    # Simplest honest version until the cleaning stage lands: decode and keep non-empty lines.
    try:
        text = raw.body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RejectedInput("invalid_utf8", str(exc)) from exc
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise RejectedInput("empty", "the article has no text")
    body = "\n".join(lines)
    paragraphs, pos = [], 0
    for ln in lines:
        paragraphs.append(Paragraph(start=pos, end=pos + len(ln)))
        pos += len(ln) + 1
    return [Article(id=raw.id, title=raw.title, published_at=raw.published_at, source_name=raw.source_name,
                    url=raw.url, body=body, paragraphs=paragraphs, received_at=raw.received_at)]
