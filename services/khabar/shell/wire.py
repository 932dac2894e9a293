"""The wire format: pydantic models <-> protobuf messages <-> Kafka record value + headers.

Conversions are lossless for every value the models can hold on the wire: optional fields map to
proto3 `optional` presence (None <-> unset), timestamps to google.protobuf.Timestamp (aware UTC
datetimes; a naive datetime is read as UTC), enums to their proto enums. Plain proto3 strings that the
model keeps optional (RawArticle.url, RawArticle.source_name) map "" to None.

Records carry headers naming the message type and schema version, and the encoding
(protobuf binary by default, canonical proto3 JSON when KHABAR_WIRE_FORMAT=json), so a decoder needs
nothing but the record to read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Final, TypeVar, cast

from google.protobuf import json_format
from google.protobuf.message import DecodeError, Message
from google.protobuf.timestamp_pb2 import Timestamp

from khabar.core.models import (
    Actor,
    Article,
    ContentType,
    DatePrecision,
    DeadLetter,
    Entity,
    EntityType,
    Event,
    Evidence,
    Location,
    Paragraph,
    ParagraphKind,
    RawArticle,
    Relation,
    TaggedArticle,
    TextField,
)
from khabar.shell.settings import WireFormat
from khabar.v1 import article_pb2, dead_letter_pb2, entity_pb2, event_pb2

__all__ = [
    "FORMAT_HEADER",
    "SCHEMA_HEADER",
    "SCHEMA_VERSION",
    "TYPE_HEADER",
    "Headers",
    "WireError",
    "WireModel",
    "decode",
    "encode",
    "from_proto",
    "to_proto",
    "type_name",
]

TYPE_HEADER: Final = "khabar-type"
SCHEMA_HEADER: Final = "khabar-schema"
FORMAT_HEADER: Final = "khabar-format"
SCHEMA_VERSION: Final = "1"

Headers = list[tuple[str, bytes]]
WireModel = RawArticle | Article | TaggedArticle | Event | DeadLetter
M = TypeVar("M", bound=Message)


class WireError(ValueError):
    """A record that cannot be decoded into a khabar model. `reason` is a stable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


# ---------------------------------------------------------------------------------------------- helpers


def _ts(value: datetime) -> Timestamp:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    ts = Timestamp()
    ts.FromDatetime(value.astimezone(UTC))
    return ts


def _dt(msg: Message, field: str) -> datetime | None:
    if not msg.HasField(field):
        return None
    ts = cast(Timestamp, getattr(msg, field))
    return ts.ToDatetime(tzinfo=UTC)


def _opt(msg: Message, field: str) -> Any:
    return getattr(msg, field) if msg.HasField(field) else None


def _set(target: dict[str, Any], field: str, value: object) -> None:
    """Put a value only when present, so proto3 `optional` presence mirrors None."""
    if value is None:
        return
    target[field] = _ts(value) if isinstance(value, datetime) else value


_RELATION = {Relation.MAIN: article_pb2.RELATION_MAIN, Relation.RELATED: article_pb2.RELATION_RELATED}
_KIND = {
    ParagraphKind.PARAGRAPH: article_pb2.PARAGRAPH_KIND_PARAGRAPH,
    ParagraphKind.HEADING: article_pb2.PARAGRAPH_KIND_HEADING,
}
_ENTITY_TYPE = {
    EntityType.PERSON: entity_pb2.ENTITY_TYPE_PERSON,
    EntityType.ORG: entity_pb2.ENTITY_TYPE_ORG,
    EntityType.LOC: entity_pb2.ENTITY_TYPE_LOC,
    EntityType.DATE: entity_pb2.ENTITY_TYPE_DATE,
}
_FIELD = {TextField.TITLE: entity_pb2.TEXT_FIELD_TITLE, TextField.BODY: entity_pb2.TEXT_FIELD_BODY}
_PRECISION = {
    DatePrecision.DAY: event_pb2.DATE_PRECISION_DAY,
    DatePrecision.MONTH: event_pb2.DATE_PRECISION_MONTH,
    DatePrecision.YEAR: event_pb2.DATE_PRECISION_YEAR,
    DatePrecision.UNKNOWN: event_pb2.DATE_PRECISION_UNKNOWN,
}


def _reverse(mapping: Mapping[Any, Any], unspecified: Any) -> dict[int, Any]:
    out: dict[int, Any] = {v: k for k, v in mapping.items()}
    out[0] = unspecified  # an unset enum reads as the model's default
    return out


_RELATION_BACK = _reverse(_RELATION, Relation.MAIN)
_KIND_BACK = _reverse(_KIND, ParagraphKind.PARAGRAPH)
_ENTITY_TYPE_BACK: dict[int, EntityType] = {v: k for k, v in _ENTITY_TYPE.items()}
_FIELD_BACK = _reverse(_FIELD, TextField.BODY)
_PRECISION_BACK = _reverse(_PRECISION, DatePrecision.UNKNOWN)


# ------------------------------------------------------------------------------------- model -> proto


def raw_to_proto(raw: RawArticle) -> article_pb2.RawArticle:
    fields: dict[str, Any] = {
        "id": raw.id,
        "body": raw.body,
        "content_type": raw.content_type.value,
        "url": raw.url or "",
        "source_name": raw.source_name or "",
    }
    _set(fields, "received_at", raw.received_at)
    _set(fields, "title", raw.title)
    _set(fields, "published_at", raw.published_at)
    _set(fields, "language", raw.language)
    return article_pb2.RawArticle(**fields)


def article_to_proto(article: Article) -> article_pb2.Article:
    fields: dict[str, Any] = {
        "id": article.id,
        "relation": _RELATION[article.relation],
        "keywords": article.keywords,
        "body": article.body,
        "paragraphs": [
            article_pb2.Paragraph(start=p.start, end=p.end, kind=_KIND[p.kind]) for p in article.paragraphs
        ],
        "language": article.language,
        "fingerprint": article.fingerprint,
    }
    for name in ("parent_id", "title", "published_at", "source_name", "url", "author", "received_at"):
        _set(fields, name, getattr(article, name))
    return article_pb2.Article(**fields)


def entity_to_proto(entity: Entity) -> entity_pb2.Entity:
    fields: dict[str, Any] = {
        "type": _ENTITY_TYPE[entity.type],
        "text": entity.text,
        "start": entity.start,
        "end": entity.end,
        "field": _FIELD[entity.field],
        "confidence": entity.confidence,
    }
    for name in _ENTITY_OPTIONAL:
        _set(fields, name, getattr(entity, name))
    return entity_pb2.Entity(**fields)


_ENTITY_OPTIONAL = (
    "canonical_id", "canonical_name", "country", "sector", "title", "wikidata_id", "geonames_id",
    "lat", "lon", "value", "source",
)  # fmt: skip


def tagged_to_proto(tagged: TaggedArticle) -> entity_pb2.TaggedArticle:
    article = Article(**{k: v for k, v in tagged if k != "entities"})
    return entity_pb2.TaggedArticle(
        article=article_to_proto(article), entities=[entity_to_proto(e) for e in tagged.entities]
    )


_ACTOR_OPTIONAL = ("canonical_id", "country", "sector", "title", "wikidata_id")


def _actor_to_proto(actor: Actor) -> event_pb2.Actor:
    fields: dict[str, Any] = {"name": actor.name, "type": actor.type}
    for name in _ACTOR_OPTIONAL:
        _set(fields, name, getattr(actor, name))
    return event_pb2.Actor(**fields)


def event_to_proto(event: Event) -> event_pb2.Event:
    fields: dict[str, Any] = {
        "id": event.id,
        "type": event.type,
        "context": event.context,
        "actors": [_actor_to_proto(a) for a in event.actors],
        "recipients": [_actor_to_proto(a) for a in event.recipients],
        "date_precision": _PRECISION[event.date_precision],
        "article_ids": event.article_ids,
        "mention_count": event.mention_count,
        "confidence": event.confidence,
        "pipeline_version": event.pipeline_version,
    }
    for name in ("mode", "cameo", "quad_class", "goldstein", "trigger", "story_id"):
        _set(fields, name, getattr(event, name))
    if event.date is not None:
        fields["date"] = event.date.isoformat()
    if event.location is not None:
        loc: dict[str, Any] = {"name": event.location.name}
        for name in ("country", "lat", "lon", "geonames_id"):
            _set(loc, name, getattr(event.location, name))
        fields["location"] = event_pb2.Location(**loc)
    if event.evidence is not None:
        ev = event.evidence
        fields["evidence"] = event_pb2.Evidence(
            text=ev.text, article_id=ev.article_id, start=ev.start, end=ev.end, field=_FIELD[ev.field]
        )
    return event_pb2.Event(**fields)


def dead_letter_to_proto(letter: DeadLetter) -> dead_letter_pb2.DeadLetter:
    fields: dict[str, Any] = {
        "topic": letter.topic,
        "partition": letter.partition,
        "offset": letter.offset,
        "headers": [dead_letter_pb2.Header(key=k, value=v) for k, v in letter.headers],
        "payload": letter.payload,
        "service": letter.service,
        "error_type": letter.error_type,
        "error_message": letter.error_message,
        "failed_at": _ts(letter.failed_at),
    }
    _set(fields, "key", letter.key)
    return dead_letter_pb2.DeadLetter(**fields)


# ------------------------------------------------------------------------------------- proto -> model


def raw_from_proto(msg: article_pb2.RawArticle) -> RawArticle:
    try:
        content_type = ContentType(msg.content_type) if msg.content_type else ContentType.TEXT
    except ValueError as exc:
        raise WireError("unknown_content_type", f"content type {msg.content_type!r}") from exc
    return RawArticle(
        id=msg.id,
        body=msg.body,
        content_type=content_type,
        url=msg.url or None,
        source_name=msg.source_name or None,
        received_at=_dt(msg, "received_at"),
        title=_opt(msg, "title"),
        published_at=_dt(msg, "published_at"),
        language=_opt(msg, "language"),
    )


def _article_fields(msg: article_pb2.Article) -> dict[str, Any]:
    return {
        "id": msg.id,
        "relation": _RELATION_BACK[msg.relation],
        "parent_id": _opt(msg, "parent_id"),
        "title": _opt(msg, "title"),
        "published_at": _dt(msg, "published_at"),
        "source_name": _opt(msg, "source_name"),
        "url": _opt(msg, "url"),
        "author": _opt(msg, "author"),
        "keywords": list(msg.keywords),
        "body": msg.body,
        "paragraphs": [Paragraph(start=p.start, end=p.end, kind=_KIND_BACK[p.kind]) for p in msg.paragraphs],
        "language": msg.language,
        "fingerprint": list(msg.fingerprint),
        "received_at": _dt(msg, "received_at"),
    }


def article_from_proto(msg: article_pb2.Article) -> Article:
    return Article(**_article_fields(msg))


def entity_from_proto(msg: entity_pb2.Entity) -> Entity:
    if msg.type not in _ENTITY_TYPE_BACK:
        raise WireError("unknown_entity_type", f"entity type {msg.type}")
    return Entity(
        type=_ENTITY_TYPE_BACK[msg.type],
        text=msg.text,
        start=msg.start,
        end=msg.end,
        field=_FIELD_BACK[msg.field],
        confidence=msg.confidence,
        **{name: _opt(msg, name) for name in _ENTITY_OPTIONAL},
    )


def tagged_from_proto(msg: entity_pb2.TaggedArticle) -> TaggedArticle:
    return TaggedArticle(
        **_article_fields(msg.article), entities=[entity_from_proto(e) for e in msg.entities]
    )


def _actor_from_proto(msg: event_pb2.Actor) -> Actor:
    return Actor(name=msg.name, type=msg.type, **{name: _opt(msg, name) for name in _ACTOR_OPTIONAL})


def event_from_proto(msg: event_pb2.Event) -> Event:
    location = None
    if msg.HasField("location"):
        loc = msg.location
        location = Location(
            name=loc.name, **{name: _opt(loc, name) for name in ("country", "lat", "lon", "geonames_id")}
        )
    evidence = None
    if msg.HasField("evidence"):
        ev = msg.evidence
        evidence = Evidence(
            text=ev.text, article_id=ev.article_id, start=ev.start, end=ev.end, field=_FIELD_BACK[ev.field]
        )
    try:
        date = dt.date.fromisoformat(msg.date) if msg.HasField("date") else None
    except ValueError as exc:
        raise WireError("invalid_date", f"event date {msg.date!r}") from exc
    return Event(
        id=msg.id,
        type=msg.type,
        mode=_opt(msg, "mode"),
        context=list(msg.context),
        cameo=_opt(msg, "cameo"),
        quad_class=_opt(msg, "quad_class"),
        goldstein=_opt(msg, "goldstein"),
        actors=[_actor_from_proto(a) for a in msg.actors],
        recipients=[_actor_from_proto(a) for a in msg.recipients],
        date=date,
        date_precision=_PRECISION_BACK[msg.date_precision],
        location=location,
        evidence=evidence,
        trigger=_opt(msg, "trigger"),
        article_ids=list(msg.article_ids),
        mention_count=msg.mention_count,
        story_id=_opt(msg, "story_id"),
        confidence=msg.confidence,
        pipeline_version=msg.pipeline_version,
    )


def dead_letter_from_proto(msg: dead_letter_pb2.DeadLetter) -> DeadLetter:
    return DeadLetter(
        topic=msg.topic,
        partition=msg.partition,
        offset=msg.offset,
        key=_opt(msg, "key"),
        headers=[(h.key, h.value) for h in msg.headers],
        payload=msg.payload,
        service=msg.service,
        error_type=msg.error_type,
        error_message=msg.error_message,
        failed_at=_dt(msg, "failed_at") or datetime.fromtimestamp(0, UTC),
    )


# ------------------------------------------------------------------------------------------ dispatch

# Model class -> (proto class, to_proto, from_proto). TaggedArticle precedes Article: it subclasses it.
_CODECS: list[tuple[type[Any], type[Message], Any, Any]] = [
    (RawArticle, article_pb2.RawArticle, raw_to_proto, raw_from_proto),
    (TaggedArticle, entity_pb2.TaggedArticle, tagged_to_proto, tagged_from_proto),
    (Article, article_pb2.Article, article_to_proto, article_from_proto),
    (Event, event_pb2.Event, event_to_proto, event_from_proto),
    (DeadLetter, dead_letter_pb2.DeadLetter, dead_letter_to_proto, dead_letter_from_proto),
]
_BY_NAME = {proto.DESCRIPTOR.full_name: (model, proto, from_) for model, proto, _, from_ in _CODECS}


def type_name(model_type: type[WireModel]) -> str:
    """The protobuf full name of a model's wire message, e.g. khabar.v1.Article."""
    for model, proto, _, _ in _CODECS:
        if model_type is model:
            return str(proto.DESCRIPTOR.full_name)
    raise TypeError(f"{model_type.__name__} has no wire message")


def to_proto(model: WireModel) -> Message:
    for cls, _, to, _ in _CODECS:
        if isinstance(model, cls):
            return cast(Message, to(model))
    raise TypeError(f"{type(model).__name__} has no wire message")


def from_proto(msg: Message) -> WireModel:
    entry = _BY_NAME.get(msg.DESCRIPTOR.full_name)
    if entry is None:
        raise TypeError(f"{msg.DESCRIPTOR.full_name} is not a khabar message")
    return cast(WireModel, entry[2](msg))


def encode(model: WireModel, wire_format: WireFormat = WireFormat.PROTOBUF) -> tuple[bytes, Headers]:
    """A model as a Kafka record value plus the headers that say how to read it."""
    msg = to_proto(model)
    if wire_format is WireFormat.JSON:
        value = json_format.MessageToJson(msg, indent=None, ensure_ascii=False).encode("utf-8")
    else:
        value = msg.SerializeToString(deterministic=True)
    headers: Headers = [
        (TYPE_HEADER, msg.DESCRIPTOR.full_name.encode()),
        (SCHEMA_HEADER, SCHEMA_VERSION.encode()),
        (FORMAT_HEADER, wire_format.value.encode()),
    ]
    return value, headers


def header(headers: Iterable[tuple[str, bytes | None]] | None, key: str) -> str | None:
    """The last value of a header as text, or None."""
    found: str | None = None
    for k, v in headers or ():
        if k == key and v is not None:
            found = v.decode("utf-8", errors="replace")
    return found


def decode(
    value: bytes | None,
    headers: Sequence[tuple[str, bytes | None]] | None,
    expected: type[WireModel] | None = None,
) -> WireModel:
    """Read a record. The type comes from the headers, else from `expected` (the topic's type); the
    format from the headers, else protobuf. Raises WireError with a reason code for bad records."""
    if value is None:
        raise WireError("empty_record", "the record has no value")
    name = header(headers, TYPE_HEADER)
    if name is None:
        if expected is None:
            raise WireError("unknown_type", f"no {TYPE_HEADER} header and no expected type")
        name = type_name(expected)
    entry = _BY_NAME.get(name)
    if entry is None:
        raise WireError("unknown_type", f"{TYPE_HEADER} {name!r} is not a khabar message")
    model_type, proto_type, from_ = entry
    if expected is not None and model_type is not expected:
        raise WireError("unexpected_type", f"got {name}, expected {type_name(expected)}")
    schema = header(headers, SCHEMA_HEADER)
    if schema is not None and schema != SCHEMA_VERSION:
        raise WireError(
            "unsupported_schema", f"{SCHEMA_HEADER} {schema!r}; this build reads {SCHEMA_VERSION}"
        )
    fmt = header(headers, FORMAT_HEADER) or WireFormat.PROTOBUF.value
    msg = proto_type()
    try:
        if fmt == WireFormat.JSON.value:
            json_format.Parse(value.decode("utf-8"), msg)
        elif fmt == WireFormat.PROTOBUF.value:
            msg.ParseFromString(value)
        else:
            raise WireError("unknown_format", f"{FORMAT_HEADER} {fmt!r}")
    except (DecodeError, json_format.ParseError, UnicodeDecodeError) as exc:
        raise WireError("decode_error", f"{name}: {exc}") from exc
    try:
        return cast(WireModel, from_(msg))
    except WireError:
        raise
    except ValueError as exc:  # pydantic validation of decoded fields
        raise WireError("invalid_message", f"{name}: {exc}") from exc
