from khabar.core.text.calendar import FUTURE_MARKERS, MONTHS, PAST_MARKERS, RELATIVE_DAYS, WEEKDAYS
from khabar.core.text.normalize import norm


def test_every_month_has_names_from_each_family() -> None:
    assert sorted(set(MONTHS.values())) == list(range(1, 13))
    assert MONTHS[norm("يونيو")] == MONTHS[norm("حزيران")] == MONTHS[norm("جوان")] == 6
    assert MONTHS[norm("كانون الثاني")] == 1 and MONTHS[norm("كانون الأول")] == 12


def test_weekdays_follow_python_numbering() -> None:
    assert WEEKDAYS[norm("الإثنين")] == WEEKDAYS[norm("الاثنين")] == 0
    assert WEEKDAYS[norm("الثلاثاء")] == 1 and WEEKDAYS[norm("الأحد")] == 6


def test_relative_words_and_markers_are_normalized_keys() -> None:
    assert RELATIVE_DAYS[norm("أمس")] == -1 and RELATIVE_DAYS[norm("اليوم")] == 0
    assert norm("الماضي") in PAST_MARKERS and norm("المقبل") in FUTURE_MARKERS
    assert all(k == norm(k) for k in (*MONTHS, *WEEKDAYS, *RELATIVE_DAYS))
