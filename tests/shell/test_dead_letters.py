from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.core.errors import RejectedInput
from khabar.shell.dead_letters import FailureRatio, TooManyFailures, dead_letter, reason_of
from khabar.shell.wire import WireError


def test_a_service_failing_everything_stops_after_limit_times_window() -> None:
    ratio = FailureRatio(limit=0.5, window=20)
    for _ in range(10):
        ratio.record(False)  # 10 of 20 is the limit, not above it
    with pytest.raises(TooManyFailures, match="11 of the last 11"):
        ratio.record(False)


def test_occasional_failures_never_stop_a_service() -> None:
    ratio = FailureRatio(limit=0.5, window=20)
    for i in range(1000):
        ratio.record(i % 3 != 0)  # a third fail
    assert ratio.failures <= 10


def test_old_failures_leave_the_window() -> None:
    ratio = FailureRatio(limit=0.5, window=4)
    ratio.record(False)
    ratio.record(False)
    for _ in range(4):
        ratio.record(True)
    assert ratio.failures == 0
    ratio.record(False)
    ratio.record(False)  # 2 of 4: at the limit, still running
    with pytest.raises(TooManyFailures):
        ratio.record(False)


@given(st.lists(st.booleans(), max_size=200), st.integers(min_value=1, max_value=30))
def test_the_limiter_trips_exactly_when_the_window_holds_too_many_failures(
    outcomes: list[bool], window: int
) -> None:
    ratio = FailureRatio(limit=0.5, window=window)
    for i, ok in enumerate(outcomes):
        recent = outcomes[max(0, i + 1 - window) : i + 1]
        should_trip = sum(not o for o in recent) > 0.5 * window
        if should_trip:
            with pytest.raises(TooManyFailures):
                ratio.record(ok)
            return
        ratio.record(ok)


def test_reasons_come_from_the_error() -> None:
    assert reason_of(RejectedInput("invalid_utf8", "bad byte")) == "invalid_utf8"
    assert reason_of(WireError("decode_error", "truncated")) == "decode_error"
    assert reason_of(KeyError("x")) == "KeyError"


def test_dead_letter_keeps_the_original_record() -> None:
    letter = dead_letter(
        service="cleaner",
        topic="khabar.articles.raw.v1",
        partition=2,
        offset=41,
        key=b"k",
        headers=[("khabar-type", b"khabar.v1.RawArticle"), ("empty", None)],
        payload=b"\xff\x00",
        error=RejectedInput("invalid_utf8", "byte 0xff"),
    )
    assert (letter.partition, letter.offset, letter.key, letter.payload) == (2, 41, b"k", b"\xff\x00")
    assert letter.headers == [("khabar-type", b"khabar.v1.RawArticle"), ("empty", b"")]
    assert letter.error_type == "invalid_utf8" and letter.error_message == "byte 0xff"
    assert letter.failed_at.tzinfo is not None
