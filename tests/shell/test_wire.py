"""Round trips pydantic -> protobuf -> pydantic, through both wire formats."""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
from khabar.shell import wire
from khabar.shell.settings import WireFormat

# Proto strings are UTF-8: no lone surrogates.
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
some_text = st.none() | text
nonempty = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20)
int32 = st.integers(min_value=-(2**31), max_value=2**31 - 1)
uint32 = st.integers(min_value=0, max_value=2**31 - 1)
int64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
double = st.floats(allow_nan=False)
moment = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC))
some_moment = st.none() | moment

raws = st.builds(
    RawArticle,
    id=text,
    body=st.binary(max_size=50),
    content_type=st.sampled_from(ContentType),
    url=st.none() | nonempty,  # proto3 plain string: "" reads back as None
    source_name=st.none() | nonempty,
    received_at=some_moment,
    title=some_text,
    published_at=some_moment,
    language=some_text,
)
paragraphs = st.builds(Paragraph, start=uint32, end=uint32, kind=st.sampled_from(ParagraphKind))
article_fields = {
    "id": text,
    "relation": st.sampled_from(Relation),
    "parent_id": some_text,
    "title": some_text,
    "published_at": some_moment,
    "source_name": some_text,
    "url": some_text,
    "author": some_text,
    "keywords": st.lists(text, max_size=3),
    "body": text,
    "paragraphs": st.lists(paragraphs, max_size=3),
    "language": text,
    "fingerprint": st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=4),
    "received_at": some_moment,
}
articles = st.builds(Article, **article_fields)
entities = st.builds(
    Entity,
    type=st.sampled_from(EntityType),
    text=text,
    start=int32,
    end=int32,
    field=st.sampled_from(TextField),
    canonical_id=some_text,
    canonical_name=some_text,
    country=some_text,
    sector=some_text,
    title=some_text,
    wikidata_id=some_text,
    geonames_id=st.none() | int64,
    lat=st.none() | double,
    lon=st.none() | double,
    value=some_text,
    confidence=double,
    source=some_text,
)
tagged = st.builds(TaggedArticle, **article_fields, entities=st.lists(entities, max_size=3))
actors = st.builds(
    Actor, name=text, type=text, canonical_id=some_text, country=some_text, sector=some_text,
    title=some_text, wikidata_id=some_text,
)  # fmt: skip
events = st.builds(
    Event,
    id=text,
    type=text,
    mode=some_text,
    context=st.lists(text, max_size=2),
    cameo=some_text,
    quad_class=st.none() | int32,
    goldstein=st.none() | double,
    actors=st.lists(actors, max_size=2),
    recipients=st.lists(actors, max_size=2),
    date=st.none() | st.dates(min_value=dt.date(1, 1, 1)),
    date_precision=st.sampled_from(DatePrecision),
    location=st.none()
    | st.builds(
        Location,
        name=text,
        country=some_text,
        lat=st.none() | double,
        lon=st.none() | double,
        geonames_id=st.none() | int64,
    ),
    evidence=st.none() | st.builds(Evidence, text=text, article_id=text, start=int32, end=int32),
    trigger=some_text,
    article_ids=st.lists(text, max_size=3),
    mention_count=int32,
    story_id=some_text,
    confidence=double,
    pipeline_version=text,
)
dead_letters = st.builds(
    DeadLetter,
    topic=text,
    partition=int32,
    offset=int64,
    key=st.none() | st.binary(max_size=10),
    headers=st.lists(st.tuples(text, st.binary(max_size=10)), max_size=3),
    payload=st.binary(max_size=30),
    service=text,
    error_type=text,
    error_message=text,
    failed_at=moment,
)
any_model = raws | articles | tagged | events | dead_letters


@given(any_model)
def test_proto_round_trip_is_lossless(model: wire.WireModel) -> None:
    back = wire.from_proto(wire.to_proto(model))
    assert type(back) is type(model)
    assert back == model


@given(any_model, st.sampled_from(WireFormat))
def test_record_round_trip_in_both_formats(model: wire.WireModel, fmt: WireFormat) -> None:
    value, headers = wire.encode(model, fmt)
    assert wire.header(headers, wire.TYPE_HEADER) == wire.type_name(type(model))
    assert wire.decode(value, headers) == model


def test_timestamps_come_back_aware_utc() -> None:
    cairo = timezone(timedelta(hours=2))
    raw = RawArticle(id="a", body=b"x", published_at=datetime(2024, 5, 1, 12, 0, tzinfo=cairo))
    back = wire.from_proto(wire.to_proto(raw))
    assert isinstance(back, RawArticle) and back.published_at is not None
    assert back.published_at.tzinfo is not None
    assert back.published_at.utcoffset() == timedelta(0)
    assert back.published_at == raw.published_at  # same instant
    assert back.published_at.hour == 10


def test_naive_datetime_is_read_as_utc() -> None:
    raw = RawArticle(id="a", body=b"x", received_at=datetime(2024, 5, 1, 12, 0))
    back = wire.from_proto(wire.to_proto(raw))
    assert isinstance(back, RawArticle)
    assert back.received_at == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def test_json_format_is_canonical_proto3_json() -> None:
    value, headers = wire.encode(Article(id="x", title="عنوان", body="نص"), WireFormat.JSON)
    assert wire.header(headers, wire.FORMAT_HEADER) == "json"
    assert b'"title": "\xd8\xb9' in value or b'"title":"\xd8\xb9' in value  # UTF-8, not \u escapes
    assert b'"relation": "RELATION_MAIN"' in value or b'"relation":"RELATION_MAIN"' in value


def test_headerless_record_decodes_with_the_topic_type() -> None:
    value, _ = wire.encode(Article(id="x", body="b"))
    assert wire.decode(value, None, expected=Article) == Article(id="x", body="b")


@pytest.mark.parametrize(
    ("value", "headers", "reason"),
    [
        (None, [], "empty_record"),
        (b"\xff\xff\xff", [], "decode_error"),
        (b"{}", [(wire.TYPE_HEADER, b"khabar.v1.Nope")], "unknown_type"),
        (b"", [(wire.TYPE_HEADER, b"khabar.v1.Event")], "unexpected_type"),
        (b"", [(wire.SCHEMA_HEADER, b"2")], "unsupported_schema"),
        (b"not json", [(wire.FORMAT_HEADER, b"json")], "decode_error"),
        (b"", [(wire.FORMAT_HEADER, b"avro")], "unknown_format"),
    ],
)
def test_bad_records_raise_wire_errors_with_reasons(
    value: bytes | None, headers: list[tuple[str, bytes]], reason: str
) -> None:
    with pytest.raises(wire.WireError) as info:
        wire.decode(value, headers, expected=RawArticle)
    assert info.value.reason == reason


def test_unknown_content_type_is_a_wire_error() -> None:
    from khabar.v1 import article_pb2

    data = article_pb2.RawArticle(id="a", content_type="image/png").SerializeToString()
    with pytest.raises(wire.WireError) as info:
        wire.decode(data, None, expected=RawArticle)
    assert info.value.reason == "unknown_content_type"
