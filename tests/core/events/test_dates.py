import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from khabar.core.events.dates import find_dates
from khabar.core.models import DatePrecision
from khabar.core.text.normalize import norm
from khabar.core.text.tokens import tokenize

TUESDAY = dt.date(2025, 6, 10)


def dates(text: str, published: dt.date | None = TUESDAY) -> list[tuple[dt.date, DatePrecision, bool]]:
    return [
        (d.date, d.precision, d.future) for d in find_dates([norm(t.text) for t in tokenize(text)], published)
    ]


def test_today_with_matching_weekday_is_the_publication_date() -> None:
    assert dates("مساء اليوم الثلاثاء") == [(TUESDAY, DatePrecision.DAY, False)]


def test_today_with_another_weekday_is_that_weekday_before_publication() -> None:
    # Published on Tuesday about "today, Monday": the copy was written the day before.
    assert dates("اليوم الإثنين") == [(dt.date(2025, 6, 9), DatePrecision.DAY, False)]


def test_relative_days() -> None:
    assert dates("أمس") == [(dt.date(2025, 6, 9), DatePrecision.DAY, False)]
    assert dates("أول أمس")[0][0] == dt.date(2025, 6, 8)
    assert dates("غدا")[0][2] is True


def test_weekday_alone_is_the_most_recent_and_past_marker_excludes_today() -> None:
    assert dates("الخميس")[0][0] == dt.date(2025, 6, 5)
    assert dates("الثلاثاء")[0][0] == TUESDAY
    assert dates("الثلاثاء الماضي")[0][0] == dt.date(2025, 6, 3)
    assert dates("الخميس المقبل")[0][:1] == (dt.date(2025, 6, 12),)


def test_explicit_dates_and_months() -> None:
    assert dates("في 3 تشرين الأول 2024") == [(dt.date(2024, 10, 3), DatePrecision.DAY, False)]
    assert dates("منتصف شهر أكتوبر المقبل") == [(dt.date(2025, 10, 1), DatePrecision.MONTH, True)]
    assert dates("في شهر يناير المقبل")[0][0] == dt.date(2026, 1, 1)
    assert dates("عام 2015") == [(dt.date(2015, 1, 1), DatePrecision.YEAR, False)]


def test_no_publication_date_means_no_relative_date_but_absolute_dates_still_resolve() -> None:
    assert dates("اليوم السبت", None) == []
    assert dates("10 يونيو 2025", None) == [(TUESDAY, DatePrecision.DAY, False)]


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)), st.integers(0, 6))
def test_weekday_resolution_is_within_the_last_week(published: dt.date, weekday: int) -> None:
    names = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
    found = dates(names[weekday], published)
    assert len(found) == 1
    d = found[0][0]
    assert d.weekday() == weekday
    assert 0 <= (published - d).days <= 6


def test_months_and_years_counted_from_publication() -> None:
    assert dates("يزور القاهرة منتصف الشهر المقبل") == [(dt.date(2025, 7, 1), DatePrecision.MONTH, True)]
    assert dates("التقاه الشهر الماضي") == [(dt.date(2025, 5, 1), DatePrecision.MONTH, False)]
    assert dates("في العام المقبل") == [(dt.date(2026, 1, 1), DatePrecision.YEAR, True)]
    assert dates("خلال العام الجاري") == [(dt.date(2025, 1, 1), DatePrecision.YEAR, False)]
    assert dates("الشهر المقبل", dt.date(2025, 12, 3)) == [(dt.date(2026, 1, 1), DatePrecision.MONTH, True)]
    assert dates("التقاه الأسبوع الماضي") == []  # no week precision in the contract
    assert dates("الشهر المقبل", None) == []


def test_a_weekday_without_its_article_needs_a_day_word() -> None:
    assert dates("قال أحد المسؤولين إن") == []  # one of the officials
    assert dates("مقتل مدنيين اثنين") == []  # two civilians
    assert dates("وقع الهجوم يوم أحد") == [(dt.date(2025, 6, 8), DatePrecision.DAY, False)]


def test_tomorrow_with_a_weekday_is_the_coming_one() -> None:
    assert dates("يوم غد الخميس") == [(dt.date(2025, 6, 12), DatePrecision.DAY, True)]
    assert dates("غدا الأربعاء") == [(dt.date(2025, 6, 11), DatePrecision.DAY, True)]
    assert dates("مساء غد") == [(dt.date(2025, 6, 11), DatePrecision.DAY, True)]
    assert dates("من أجل غد أفضل") == []  # "غد" alone is "the future"


def test_a_date_after_since_is_marked() -> None:
    words = [norm(t.text) for t in tokenize("رغم اتفاق وقف إطلاق النار الساري منذ 27 نوفمبر 2024 وأمس")]
    found = find_dates(words, TUESDAY)
    assert [(d.date, d.since) for d in found] == [(dt.date(2024, 11, 27), True), (dt.date(2025, 6, 9), False)]
