import pytest

from khabar.core.text.language import arabic_ratio, detect_language, is_arabic


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "استقبل الرئيس اللبناني جوزاف عون في قصر بعبدا المنسقة الخاصة للأمم المتحدة وبحث معها الأوضاع.",
            "ar",
        ),
        ("شنو وقع فالبرلمان اليوم؟ الحكومة قالت باللي غادي تزيد فالأجور ديال الموظفين هاد العام", "ar"),
        ("Le président français Emmanuel Macron a reçu mardi son homologue libanais à l'Élysée.", "fr"),
        (
            "The Arab League called on Tuesday for an immediate ceasefire and the protection of civilians.",
            "en",
        ),
        ("این یک متن فارسی است که برای آزمایش تشخیص زبان نوشته شده است و باید فارسی باشد", "fa"),
    ],
)
def test_detects_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_short_texts_use_the_script_ratio() -> None:
    assert detect_language("ليبيا") == "ar"
    assert detect_language("مصر والسودان: Sudan") == "ar"
    assert detect_language("Hello") == "und"
    assert detect_language("2025 - 10 - 11") == "und"
    assert is_arabic("ليبيا وروسيا")


def test_arabic_ratio() -> None:
    assert arabic_ratio("abc") == 0.0
    assert arabic_ratio("عرب") == 1.0
    assert arabic_ratio("عر ab") == 0.5
    assert arabic_ratio("123") == 0.0
