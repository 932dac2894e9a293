import datetime as dt
import json
import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from khabar.core.events.dedup import Deduplicator, estimated_jaccard
from khabar.core.events.ids import event_id
from khabar.core.models import Actor, Event, Location

LAFI = Actor(name="عبد الله اللافي", type="PERSON", country="LBY")
KINCHAK = Actor(name="أليكساندر كينتشاك", type="PERSON", country="RUS")
KINCHAK_OTHER_SPELLING = Actor(name="ألكساندر كينتشاك", type="PERSON", country="RUS")
TRIPOLI = Location(name="طرابلس", country="LBY")


def meeting(
    article: str,
    date: dt.date | None = dt.date(2025, 4, 28),
    visitor: Actor = KINCHAK,
    confidence: float = 0.8,
    location: Location | None = TRIPOLI,
) -> Event:
    keys = [f"per:{visitor.name.split()[-1]}", "per:اللافي"]
    return Event(
        id=event_id("CONSULT", keys, date, location.name if location else None),
        type="CONSULT",
        mode="visit",
        actors=[visitor],
        recipients=[LAFI],
        date=date,
        location=location,
        article_ids=[article],
        confidence=confidence,
    )


def fingerprint(seed: int, n: int = 64) -> list[int]:
    rng = random.Random(seed)
    return [rng.randrange(1 << 32) for _ in range(n)]


def similar(fp: list[int], share: float, seed: int = 99) -> list[int]:
    rng = random.Random(seed)
    return [v if rng.random() < share else rng.randrange(1 << 32) for v in fp]


def test_same_event_from_two_outlets_becomes_one_with_both_articles() -> None:
    dedup = Deduplicator({})
    first = dedup.observe(meeting("a1", confidence=0.6), fingerprint(1))
    second = dedup.observe(meeting("a2", confidence=0.9), fingerprint(2))
    assert second.id == first.id
    assert second.article_ids == ["a1", "a2"] and second.mention_count == 2
    assert second.confidence == 0.9


def test_replaying_an_article_does_not_inflate_the_mention_count() -> None:
    dedup = Deduplicator({})
    dedup.observe(meeting("a1"))
    again = dedup.observe(meeting("a1"))
    assert again.mention_count == 1 and again.article_ids == ["a1"]


def test_undated_report_merges_into_the_dated_one_when_the_stories_are_similar() -> None:
    dedup = Deduplicator({})
    fp = fingerprint(1)
    dated = dedup.observe(meeting("a1"), fp)
    undated = meeting("a2", date=None, visitor=KINCHAK_OTHER_SPELLING)
    assert undated.id != dated.id
    merged = dedup.observe(undated, similar(fp, 0.8))
    assert merged.id == dated.id and merged.mention_count == 2
    assert merged.date == dt.date(2025, 4, 28)
    assert merged.story_id is not None and merged.story_id == dated.story_id


def test_undated_report_with_an_unrelated_story_stays_separate() -> None:
    dedup = Deduplicator({})
    dated = dedup.observe(meeting("a1"), fingerprint(1))
    other = dedup.observe(meeting("a2", date=None), fingerprint(2))
    assert other.id != dated.id and other.mention_count == 1


def test_contradicting_dates_never_merge_even_with_similar_stories() -> None:
    dedup = Deduplicator({})
    fp = fingerprint(1)
    first = dedup.observe(meeting("a1"), fp)
    later = dedup.observe(meeting("a2", date=dt.date(2025, 5, 3)), fp)
    assert later.id != first.id and later.mention_count == 1


def test_state_survives_a_restart_over_the_same_store() -> None:
    store: dict[str, Any] = {}
    Deduplicator(store).observe(meeting("a1"), fingerprint(1))
    Deduplicator(store).observe(meeting("a2"), fingerprint(2))
    restarted = Deduplicator(store)
    third = restarted.observe(meeting("a3", date=None), similar(fingerprint(1), 0.9))
    assert third.article_ids == ["a1", "a2", "a3"] and third.mention_count == 3
    json.dumps(store)  # every value is JSON-able, as a faust Table needs


def test_window_bounds_the_state() -> None:
    store: dict[str, Any] = {}
    dedup = Deduplicator(store, window=dt.timedelta(days=7))
    start = dt.date(2025, 1, 1)
    sizes = []
    for day in range(60):
        date = start + dt.timedelta(days=day)
        dedup.observe(meeting(f"a{day}", date=date), fingerprint(day))
        sizes.append(len(store))
    assert max(sizes[30:]) == max(sizes[10:20])  # steady state, not growth
    old = meeting("late", date=start)
    assert dedup.observe(old).mention_count == 1  # the first day's event was forgotten


@given(
    st.lists(st.integers(0, 5), min_size=1, max_size=50), st.lists(st.integers(0, 5), min_size=1, max_size=50)
)
def test_estimated_jaccard_is_a_symmetric_share(a: list[int], b: list[int]) -> None:
    b = (b * len(a))[: len(a)]
    j = estimated_jaccard(a, b)
    assert 0.0 <= j <= 1.0 and j == estimated_jaccard(b, a)
    assert estimated_jaccard(a, a) == 1.0
    assert estimated_jaccard(a, [*a, 1]) == 0.0


def test_an_announced_future_meeting_does_not_evict_current_events() -> None:
    store: dict[str, Any] = {}
    dedup = Deduplicator(store, window=dt.timedelta(days=7))
    dedup.observe(meeting("a1"))
    dedup.observe(
        meeting("summit", date=dt.date(2025, 10, 15), visitor=KINCHAK_OTHER_SPELLING, location=None)
    )
    assert dedup.observe(meeting("a2")).mention_count == 2


def test_a_run_of_later_dates_moves_time_after_an_outage() -> None:
    store: dict[str, Any] = {}
    dedup = Deduplicator(store, window=dt.timedelta(days=7))
    dedup.observe(meeting("old"))
    later = dt.date(2025, 9, 1)
    for i in range(25):
        dedup.observe(
            meeting(f"n{i}", date=later + dt.timedelta(days=i % 2), location=Location(name=f"p{i}"))
        )
    assert dedup.observe(meeting("old-replay")).mention_count == 1  # the April meeting was evicted


def test_undated_events_before_the_first_date_are_kept() -> None:
    store: dict[str, Any] = {}
    dedup = Deduplicator(store)
    fp = fingerprint(5)
    first = dedup.observe(meeting("u1", date=None), fp)
    dedup.observe(meeting("d1", date=dt.date(2025, 4, 28), visitor=Actor(name="آخر", type="PERSON")))
    again = dedup.observe(meeting("u2", date=None), fp)
    assert again.id == first.id and again.mention_count == 2
