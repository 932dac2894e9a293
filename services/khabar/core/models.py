"""Typed domain models shared by every stage.

These pydantic models are what the functional core consumes and produces. The wire contract is
proto/khabar/v1/*.proto; khabar.shell.wire converts losslessly between the two. Keep field names
aligned with the .proto files: downstream consumers read the protobuf, we reason in these models.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ContentType(StrEnum):
    TEXT = "text/plain"
    HTML = "text/html"
    JSON = "application/json"


class Relation(StrEnum):
    MAIN = "main"
    RELATED = "related"


class ParagraphKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    LOC = "LOC"
    DATE = "DATE"


class TextField(StrEnum):
    """Which text of the article a span points into."""

    TITLE = "title"
    BODY = "body"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class RawArticle(_Model):
    """What a scraper or feed delivers. The body stays bytes until the cleaner decodes it, so
    undecodable input reaches the cleaner (and its dead-letter topic) instead of being lost earlier."""

    id: str
    body: bytes
    content_type: ContentType = ContentType.TEXT
    url: str | None = None
    source_name: str | None = None
    received_at: datetime | None = None
    title: str | None = None
    published_at: datetime | None = None
    language: str | None = None


class Paragraph(_Model):
    """A block of the clean body: [start, end) in Article.body."""

    start: int
    end: int
    kind: ParagraphKind = ParagraphKind.PARAGRAPH


class Article(_Model):
    """A clean article. body holds the display text (original letters); paragraphs are spans into it,
    joined by a single newline. Normalized text for matching is derived with
    khabar.core.text.normalize.normalize(), which keeps an offset map back into body."""

    id: str
    relation: Relation = Relation.MAIN
    parent_id: str | None = None
    title: str | None = None
    published_at: datetime | None = None
    source_name: str | None = None
    url: str | None = None
    author: str | None = None
    keywords: list[str] = Field(default_factory=list)
    body: str = ""
    paragraphs: list[Paragraph] = Field(default_factory=list)
    language: str = "ar"
    # MinHash signature of the normalized body's word shingles; see khabar.core.cleaning.fingerprint.
    fingerprint: list[int] = Field(default_factory=list)
    received_at: datetime | None = None


class Entity(_Model):
    """An entity mention. [start, end) indexes Article.title or Article.body, as `field` says; `text`
    is the surface form without attached clitics."""

    type: EntityType
    text: str
    start: int
    end: int
    field: TextField = TextField.BODY
    canonical_id: str | None = None
    canonical_name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, BUS, ...
    title: str | None = None  # role text preceding a name ("نائب وزير الخارجية")
    wikidata_id: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    value: str | None = None  # DATE: ISO value when the tagger can tell it alone
    confidence: float = 1.0
    source: str | None = None  # which mechanism found it: model, gazetteer, rule


class TaggedArticle(Article):
    entities: list[Entity] = Field(default_factory=list)


class Actor(_Model):
    name: str
    type: str = "PERSON"  # PERSON, ORG, COUNTRY
    canonical_id: str | None = None
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    wikidata_id: str | None = None


class Location(_Model):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


class Evidence(_Model):
    text: str
    article_id: str
    start: int  # [start, end) of the sentence in the article's title or body, as `field` says
    end: int
    field: TextField = TextField.BODY


class Event(_Model):
    id: str
    type: str  # PLOVER event type, e.g. CONSULT
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    actors: list[Actor] = Field(default_factory=list)
    recipients: list[Actor] = Field(default_factory=list)
    date: dt.date | None = None
    date_precision: DatePrecision = DatePrecision.UNKNOWN
    location: Location | None = None
    evidence: Evidence | None = None
    trigger: str | None = None
    article_ids: list[str] = Field(default_factory=list)
    mention_count: int = 1
    story_id: str | None = None
    confidence: float = 0.0
    pipeline_version: str = ""


class DeadLetter(_Model):
    topic: str
    partition: int
    offset: int
    key: bytes | None = None
    headers: list[tuple[str, bytes]] = Field(default_factory=list)
    payload: bytes = b""
    service: str
    error_type: str
    error_message: str
    failed_at: datetime
