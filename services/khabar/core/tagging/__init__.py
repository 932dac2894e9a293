"""Tagging stage: clean Article -> TaggedArticle with PERSON/ORG/LOC/DATE entities."""

from __future__ import annotations

from khabar.core.models import Article, TaggedArticle

__all__ = ["tag"]


def tag(article: Article) -> TaggedArticle:
    # Simplest honest version until the tagging stage lands: no entities.
    return TaggedArticle(**article.model_dump())
