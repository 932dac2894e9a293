"""Cleaning stage: raw article (text or HTML) -> the clean main Article plus its related stories.

decode (bytes -> text, rejects) -> html (trafilatura main text + metadata, for HTML pages) ->
display-normalize lines -> language -> related (split off teaser blocks) -> story (furniture, metadata,
title, paragraphs) -> fingerprint. Everything here is a pure function of the RawArticle.
"""

from __future__ import annotations

import re

from khabar.core.cleaning.decode import DEFAULT_MAX_BYTES, decode, unwrap_json
from khabar.core.cleaning.fingerprint import fingerprint, similarity
from khabar.core.cleaning.html import HtmlPage, extract, looks_like_html
from khabar.core.cleaning.paragraphs import assemble, is_headline_like
from khabar.core.cleaning.related import split_related, split_teasers
from khabar.core.cleaning.story import Story, read_story
from khabar.core.errors import RejectedInput
from khabar.core.models import Article, ContentType, ParagraphKind, RawArticle, Relation
from khabar.core.text.language import ARABIC, detect_language
from khabar.core.text.normalize import clean_display, norm

__all__ = ["DEFAULT_MAX_BYTES", "clean", "related_id", "similarity"]


# Fewer words than this is a navigation stub or an error page, not an article.
_MIN_WORDS = 3


def related_id(parent_id: str, index: int) -> str:
    """Id of the index-th (1-based) related story split off article `parent_id`: stable across runs."""
    return f"{parent_id}-r{index}"


def clean(raw: RawArticle, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """The main article first, then one Article per related teaser. Raises RejectedInput (empty, binary,
    invalid_utf8, too_large, no_text) for input that holds no article."""
    text = decode(raw.body, max_bytes)
    json_title: str | None = None
    if raw.content_type is ContentType.JSON:
        payload = unwrap_json(text)
        text, json_title = payload.text, payload.title
    page: HtmlPage | None = None
    if raw.content_type is ContentType.HTML or looks_like_html(text):
        page = extract(text)
        text = page.text
    lines = [line for line in (clean_display(x) for x in text.splitlines()) if line]
    if not lines:
        raise RejectedInput("no_text", "no text left after extraction")
    language = raw.language or detect_language("\n".join(lines))
    site = page.site_name if page else None
    title_hint = raw.title or json_title or (_page_title(page) if page else None)
    known = (raw.source_name, site)

    teasers: list[list[str]] = []
    if language == ARABIC:
        split = split_related(lines)
        main = read_story(split.main, title_hint=title_hint, known_names=known)
        teasers = [t for block in split.blocks for t in split_teasers(block)]
    else:
        # Arabic furniture patterns mean nothing here: keep the lines, take a leading headline as title.
        main = _plain_story(lines, title_hint)
    if main is None or sum(len(text.split()) for text, _ in main.blocks) < _MIN_WORDS:
        raise RejectedInput("no_text", "nothing of the story is left after cleaning")

    published = raw.published_at or (page.published_at if page else None) or main.published_at
    published = published or main.updated_at
    # A wire a dateline credits is the source only when neither the text nor the page names one.
    source = raw.source_name or main.source_name or site or main.credited
    keywords = list(dict.fromkeys([*main.keywords, *(page.keywords if page else [])]))
    parent = _article(
        raw.id,
        main,
        language,
        published=published,
        source=source,
        keywords=keywords,
        author=main.author or (page.author if page else None),
        raw=raw,
    )
    out = [parent]
    for lines_of_teaser in teasers:
        story = read_story(lines_of_teaser, known_names=known, require_text=True)
        if story is None:
            continue
        # A teaser is the same outlet's story: it inherits the source, and the parent's date unless it
        # states its own (teasers are recent stories; the date anchors "اليوم" in the event stage).
        out.append(
            _article(
                related_id(raw.id, len(out)),
                story,
                language,
                published=story.published_at or published,
                source=story.source_name or source,
                keywords=story.keywords,
                author=story.author,
                raw=raw,
                relation=Relation.RELATED,
                parent_id=raw.id,
            )
        )
    return out


def _article(
    article_id: str,
    story: Story,
    language: str,
    *,
    published: object,
    source: str | None,
    keywords: list[str],
    author: str | None,
    raw: RawArticle,
    relation: Relation = Relation.MAIN,
    parent_id: str | None = None,
) -> Article:
    body, paragraphs = assemble(story.blocks)
    return Article.model_validate(
        {
            "id": article_id,
            "relation": relation,
            "parent_id": parent_id,
            "title": story.title,
            "published_at": published,
            "source_name": source,
            "url": raw.url if relation is Relation.MAIN else None,
            "author": author,
            "keywords": keywords,
            "body": body,
            "paragraphs": paragraphs,
            "language": language,
            "fingerprint": fingerprint(body),
            "received_at": raw.received_at,
        }
    )


def _plain_story(lines: list[str], title_hint: str | None) -> Story:
    deduped = [ln for i, ln in enumerate(lines) if i == 0 or norm(lines[i - 1]) != norm(ln)]
    title = title_hint
    if title is None and len(deduped) > 1 and is_headline_like(deduped[0]):
        title, deduped = deduped[0], deduped[1:]
    if title is not None:
        deduped = [ln for ln in deduped if norm(ln) != norm(title)] or deduped
    return Story(title=title, blocks=[(ln, ParagraphKind.PARAGRAPH) for ln in deduped])


_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:]\s+")


def _page_title(page: HtmlPage) -> str | None:
    """The page title without the " | Site" suffix pages add to <title>."""
    if not page.title:
        return None
    parts = _TITLE_SEPARATORS.split(page.title)
    if page.site_name and len(parts) > 1:
        kept = [p for p in parts if norm(p) != norm(page.site_name)]
        if kept and len(kept) < len(parts):
            return " - ".join(kept)
    return clean_display(page.title)
