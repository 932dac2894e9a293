import datetime as dt

import pytest
from pydantic import ValidationError

from khabar.core.models import Article, Entity, EntityType, Event, RawArticle, TaggedArticle


def test_models_are_immutable_and_reject_unknown_fields() -> None:
    art = Article(id="a1", body="نص")
    with pytest.raises(ValidationError):
        art.id = "b"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Article(id="a1", nonsense=1)  # type: ignore[call-arg]


def test_tagged_article_extends_article_json() -> None:
    ent = Entity(type=EntityType.LOC, text="ليبيا", start=0, end=5, country="LBY")
    tagged = TaggedArticle(id="a1", body="ليبيا", entities=[ent])
    data = tagged.model_dump(mode="json")
    assert data["entities"][0]["type"] == "LOC" and data["body"] == "ليبيا"
    assert TaggedArticle.model_validate(data) == tagged


def test_event_date_is_a_date_and_raw_body_is_bytes() -> None:
    ev = Event(id="e", type="CONSULT", date=dt.date(2025, 6, 10))
    assert ev.model_dump(mode="json")["date"] == "2025-06-10"
    raw = RawArticle(id="r", body=b"\xff\xfe")
    assert isinstance(raw.body, bytes)
