import pytest

from khabar.core.events.modality import Status, assess
from khabar.core.events.table import coding_table
from khabar.core.events.triggers import find_triggers
from khabar.core.text.normalize import norm
from khabar.core.text.tokens import tokenize


def status_of(sentence: str) -> tuple[Status, float]:
    tokens = tokenize(sentence)
    trig = find_triggers(tokens, coding_table())[0]
    result = assess([norm(t.text) for t in tokens], trig)
    return result.status, result.confidence


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("بحث الوزير مع نظيره الملف", Status.ASSERTED),
        ("ولم يتم التوصل إلى اتفاق رسمي", Status.NEGATED),
        ("لم يلتق الرئيس بنظيره", Status.NEGATED),
        ("نفى المتحدث أن يكون الوزير التقى السفير", Status.NEGATED),
        ("ومن المتوقع أن تناقش القمة الملف", Status.EXPECTED),
        ("قد يلتقي الرئيس بنظيره", Status.EXPECTED),
        ("ومن المقرر أن يلتقي الرئيس بنظيره", Status.SCHEDULED),
        ("سيلتقي الرئيس بنظيره", Status.SCHEDULED),
        ("وأكد أهمية تعزيز المباحثات", Status.TOPIC),
        ("وصل الوفد ليبحث الملف", Status.TOPIC),
    ],
)
def test_modality(sentence: str, status: Status) -> None:
    assert status_of(sentence)[0] is status


def test_reported_speech_lowers_confidence_and_anonymous_sources_more() -> None:
    plain = status_of("بحث الوزير مع نظيره الملف")[1]
    reported = status_of("بحث الوزير مع نظيره الملف وفقا لبيان الوزارة")[1]
    anonymous = status_of("بحث الوزير مع نظيره الملف بحسب مصادر مطلعة")[1]
    assert plain > reported > anonymous > 0
