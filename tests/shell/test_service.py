"""One record through a service, without a broker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from khabar.core.models import Article, DeadLetter, Event, RawArticle, TaggedArticle
from khabar.shell import service as svc
from khabar.shell.service import SERVICES, Record, end_to_end_seconds, handle, make_emit, stage_of
from khabar.shell.settings import WireFormat
from khabar.shell.topics import TopicNames
from khabar.shell.wire import TYPE_HEADER, decode, encode, header

TOPICS = TopicNames("t.")
RAW_TOPIC = "t.khabar.articles.raw.v1"


def record_of(model: RawArticle | Article, topic: str = RAW_TOPIC, offset: int = 7) -> Record:
    value, headers = encode(model)
    return Record(topic, 0, offset, model.id.encode(), value, headers)


def test_the_cleaner_turns_a_raw_article_into_keyed_clean_articles() -> None:
    story = "قال وزير الخارجية المصري اليوم إن بلاده تدعم جهود التهدئة في المنطقة.\n\n" * 3
    raw = RawArticle(id="abc", body=story.encode(), received_at=datetime.now(UTC))
    spec = SERVICES["cleaner"]
    outcome = handle(spec, stage_of(spec), record_of(raw), TOPICS)
    assert outcome.ok and outcome.outputs
    for out in outcome.outputs:
        assert out.topic == "t.khabar.articles.clean.v1"
        assert header(out.headers, TYPE_HEADER) == "khabar.v1.Article"
        article = decode(out.value, out.headers)
        assert isinstance(article, Article) and out.key == article.id.encode()
    assert outcome.received_at == raw.received_at


@pytest.mark.parametrize("fmt", list(WireFormat))
def test_undecodable_bytes_go_to_the_dead_letter_topic(fmt: WireFormat) -> None:
    spec = SERVICES["cleaner"]
    record = Record(RAW_TOPIC, 3, 99, b"key", b"\xff\xff\xff", [])
    outcome = handle(spec, stage_of(spec), record, TOPICS, fmt)
    assert not outcome.ok and outcome.outputs == []
    dlq = outcome.dead_letter_record
    assert dlq is not None and dlq.topic == RAW_TOPIC + ".dlq" and dlq.key == b"key"
    letter = decode(dlq.value, dlq.headers)
    assert isinstance(letter, DeadLetter)
    assert (letter.error_type, letter.payload, letter.offset, letter.partition) == (
        "decode_error", b"\xff\xff\xff", 99, 3
    )  # fmt: skip
    assert letter.service == "cleaner" and letter.topic == RAW_TOPIC


def test_a_rejected_article_is_dead_lettered_with_the_core_reason() -> None:
    raw = RawArticle(id="bad", body=b"\xff\xfe\xfa not utf-8 \xc3\x28")
    spec = SERVICES["cleaner"]
    outcome = handle(spec, stage_of(spec), record_of(raw), TOPICS)
    assert outcome.dead_letter is not None
    assert outcome.dead_letter.error_type not in ("decode_error", "")
    assert outcome.dead_letter.payload == record_of(raw).value


def test_a_bug_in_a_stage_is_dead_lettered_with_the_exception_type() -> None:
    def broken(_: object) -> list[Article]:
        raise KeyError("oops")

    outcome = handle(SERVICES["tagger"], broken, record_of(Article(id="a", body="x")), TOPICS)
    assert outcome.dead_letter is not None and outcome.dead_letter.error_type == "KeyError"


def test_a_record_of_the_wrong_type_is_dead_lettered() -> None:
    spec = SERVICES["tagger"]  # reads Articles
    outcome = handle(spec, stage_of(spec), record_of(RawArticle(id="r", body=b"x")), TOPICS)
    assert outcome.dead_letter is not None and outcome.dead_letter.error_type == "unexpected_type"


class CountingMerger:
    """Stands in for the deduplicator: counts mentions per event id."""

    def __init__(self) -> None:
        self.seen: dict[str, Event] = {}

    def observe(self, event: Event, fingerprint: list[int] | None = None) -> Event:
        old = self.seen.get(event.id)
        merged = event
        if old is not None:
            count, ids = old.mention_count + 1, old.article_ids + event.article_ids
            merged = event.model_copy(update={"mention_count": count, "article_ids": ids})
        self.seen[event.id] = merged
        return merged


def test_the_emitter_reemits_a_known_event_with_a_higher_count(monkeypatch: pytest.MonkeyPatch) -> None:
    def code(tagged: TaggedArticle) -> list[Event]:
        return [Event(id="e1", type="CONSULT", article_ids=[tagged.id])]

    monkeypatch.setattr(svc, "emit_stage", code)
    emit = make_emit(CountingMerger())
    first = emit(TaggedArticle(id="a1", body="x"))
    second = emit(TaggedArticle(id="a2", body="y"))
    assert first[0].id == second[0].id == "e1"
    assert (first[0].mention_count, second[0].mention_count) == (1, 2)
    assert second[0].article_ids == ["a1", "a2"]


def test_end_to_end_latency_is_measured_from_arrival() -> None:
    now = datetime(2025, 1, 1, 12, 0, 10, tzinfo=UTC)
    outcome = svc.Outcome([], received_at=now - timedelta(seconds=10))
    assert end_to_end_seconds(outcome, now) == pytest.approx(10.0)
    assert end_to_end_seconds(svc.Outcome([]), now) is None


def test_the_cleaner_dead_letters_articles_over_the_configured_size() -> None:
    story = "قال وزير الخارجية المصري اليوم إن بلاده تدعم جهود التهدئة في المنطقة.\n" * 40
    raw = RawArticle(id="big", body=story.encode())
    spec = SERVICES["cleaner"]
    assert handle(spec, stage_of(spec), record_of(raw), TOPICS).ok
    outcome = handle(spec, stage_of(spec, max_article_bytes=1024), record_of(raw), TOPICS)
    assert not outcome.ok and not outcome.outputs
    assert outcome.dead_letter is not None and outcome.dead_letter.error_type == "too_large"
    assert outcome.dead_letter.payload == record_of(raw).value
