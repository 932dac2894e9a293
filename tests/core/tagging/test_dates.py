import pytest

from khabar.core.tagging.dates import find_dates
from khabar.core.tagging.words import words_of


def dates(text: str) -> list[tuple[str, str | None]]:
    ws = words_of(text)
    return [(text[ws[d.first].start : ws[d.last].end], d.value) for d in find_dates(ws)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("وصل في 10 يونيو 2025 إلى", "10 يونيو 2025", "2025-06-10"),
        ("في ٣ كانون الثاني ٢٠٢٤ قال", "٣ كانون الثاني ٢٠٢٤", "2024-01-03"),
        ("في يونيو/حزيران 2025", "يونيو/حزيران 2025", "2025-06"),
        ("منذ عام 2015", "عام 2015", "2015"),
        ("اليوم الثلاثاء قال", "اليوم الثلاثاء", None),
        ("التقى الخميس الماضي مع", "الخميس الماضي", None),
        ("في منتصف شهر أكتوبر المقبل", "منتصف شهر أكتوبر المقبل", None),
        ("في منتصف أكتوبر 2025 قال", "منتصف أكتوبر 2025", "2025-10"),
        ("خلال الأسبوع المقبل", "الأسبوع المقبل", None),
        ("زار الثلاثاء 10 يونيو 2025 البلاد", "الثلاثاء 10 يونيو 2025", "2025-06-10"),
    ],
)
def test_date_expressions(text: str, span: str, value: str | None) -> None:
    assert dates(text) == [(span, value)]


def test_ambiguous_month_words_alone_are_not_dates() -> None:
    assert dates("مارس الضغط على الحكومة") == []


def test_invalid_day_is_not_a_date() -> None:
    assert dates("نحو 45 يونيو") == [("يونيو", None)]


def test_a_weekday_without_its_article_needs_a_day_word() -> None:
    assert dates("قال أحد المسؤولين إن") == []
    assert dates("مقتل مدنيين اثنين في القصف") == []
    assert dates("التقى خميس العبيدي الوفد") == []
    assert [span for span, _ in dates("وقع الهجوم يوم أحد")] == ["أحد"]
