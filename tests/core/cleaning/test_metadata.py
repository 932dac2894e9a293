from datetime import UTC, datetime, timedelta, timezone

import pytest

from khabar.core.cleaning.metadata import MetaKind, parse_date, parse_meta_line, split_keywords


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10th, June 2025 GMT", datetime(2025, 6, 10, tzinfo=UTC)),
        ("14 حزيران 2025 - 11:20", datetime(2025, 6, 14, 11, 20)),
        ("03 جوان 2025 على الساعة 15:40", datetime(2025, 6, 3, 15, 40)),
        ("الخميس 1 كانون الثاني 2026", datetime(2026, 1, 1)),
        ("٢٢ أوت ٢٠٢٤", datetime(2024, 8, 22)),
        ("5 يوليوز 2025", datetime(2025, 7, 5)),
        ("2025-07-08T09:30:00+03:00", datetime(2025, 7, 8, 9, 30, tzinfo=timezone(timedelta(hours=3)))),
        ("الاثنين 12/05/2025 - 03:15 م", datetime(2025, 5, 12, 15, 15)),
        ("March 3, 2024", datetime(2024, 3, 3)),
    ],
)
def test_dates_in_arabic_press_formats(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["اليوم", "منذ ساعتين", "أمس الثلاثاء", "في عام 2025", "32 يناير 2025"])
def test_no_full_date_means_no_date(text: str) -> None:
    # The processing time must never stand in for a publication date.
    assert parse_date(text) is None


def test_labelled_lines_are_parsed() -> None:
    date = parse_meta_line("تاريخ النشر: 10th, June 2025 GMT")
    assert (
        date is not None
        and date.kind is MetaKind.PUBLISHED
        and date.published_at == datetime(2025, 6, 10, tzinfo=UTC)
    )
    source = parse_meta_line("المصدر: عين ليبيا")
    assert source is not None and (source.kind, source.value) == (MetaKind.SOURCE, "عين ليبيا")
    tags = parse_meta_line("كلمات دلالية: المجلس الرئاسي حكومة الوحدة")
    assert tags is not None and tags.kind is MetaKind.KEYWORDS
    updated = parse_meta_line("آخر تحديث: 2 أيار 2025")
    assert updated is not None and updated.kind is MetaKind.UPDATED


def test_a_bare_date_line_is_a_publication_date() -> None:
    found = parse_meta_line("الأربعاء 11 أيلول 2025")
    assert found is not None and found.published_at == datetime(2025, 9, 11)


@pytest.mark.parametrize(
    "sentence",
    [
        "المصدر أكد أن الوفد وصل إلى القاهرة.",
        "نشر في صحيفة الأهرام مقال عن القمة.",
        "نشرت الوكالة بيانا مساء الأحد.",
        "وقال في 12 مارس 2025 إن الحكومة ستستقيل.",
    ],
)
def test_sentences_are_not_metadata(sentence: str) -> None:
    assert parse_meta_line(sentence) is None


def test_keywords_split_on_separators_only() -> None:
    assert split_keywords("تونس، اتحاد الشغل، إضراب") == ["تونس", "اتحاد الشغل", "إضراب"]
    assert split_keywords("#مصر #غزة") == ["مصر", "غزة"]
    # No separator: multi-word names cannot be told apart, so the line stays one keyword.
    assert split_keywords("المجلس الرئاسي حكومة الوحدة") == ["المجلس الرئاسي حكومة الوحدة"]


def test_a_hijri_date_beside_the_gregorian_one_is_a_date_line() -> None:
    found = parse_meta_line("الأحد ١٥ رمضان ١٤٤٦ هـ الموافق ١٦ مارس ٢٠٢٥ م")
    assert found is not None and found.published_at == datetime(2025, 3, 16)
    found = parse_meta_line("الأحد 15 رمضان 1446 هـ - 16 مارس 2025 م")
    assert found is not None and found.published_at == datetime(2025, 3, 16)
    # A two-word Hijri month and dashes between the parts (Asharq Al-Awsat's date line).
    found = parse_meta_line("الخميس - 22 جمادى الأولى 1447 هـ - 13 نوفمبر 2025 م")
    assert found is not None and found.published_at == datetime(2025, 11, 13)


def test_a_dashed_date_is_no_utc_offset() -> None:
    assert parse_date("16-5-2025 | 14:22") == datetime(2025, 5, 16, 14, 22)
    assert parse_date("16-05-2025 14:22 +0300") == datetime(
        2025, 5, 16, 14, 22, tzinfo=timezone(timedelta(hours=3))
    )


def test_a_month_named_in_two_calendars_and_a_numeric_hijri_date_first() -> None:
    assert parse_date("21 مارس/آذار 2026") == datetime(2026, 3, 21)
    assert parse_date("السبت 18 يناير/كانون الثاني 2026") == datetime(2026, 1, 18)
    found = parse_meta_line("٢٠/١١/١٤٤٦هـ الموافق ١٨/٠٥/٢٠٢٥م")
    assert found is not None and found.published_at == datetime(2025, 5, 18)
