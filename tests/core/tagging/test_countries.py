import pytest

from khabar.core.tagging.countries import (
    country_by_name,
    country_of_word,
    nisba_country,
    nisba_forms,
    nisba_stem,
)
from khabar.core.text.normalize import norm


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("ليبيا", "ليبي"),
        ("سوريه", "سوري"),
        ("فرنسا", "فرنسي"),
        ("مصر", "مصري"),
        ("ايران", "ايراني"),
        ("العراق", "عراقي"),
    ],
)
def test_regular_nisba_stems(name: str, stem: str) -> None:
    assert nisba_stem(name) == stem


def test_nisba_stem_refuses_multiword_names() -> None:
    assert nisba_stem("كوريا الشماليه") is None


def test_nisba_forms_cover_gender_number_and_article() -> None:
    forms = set(nisba_forms("روسي"))
    assert {"روسي", "الروسي", "الروسيه", "الروسيين", "روسيون"} <= forms


@pytest.mark.parametrize(
    ("word", "iso"),
    [
        ("الروسي", "RUS"),
        ("الليبي", "LBY"),
        ("التركي", "TUR"),
        ("العراقي", "IRQ"),
        ("الأمريكي", "USA"),
        ("الأميركية", "USA"),
        ("البريطاني", "GBR"),
        ("الإماراتية", "ARE"),
        ("السعودي", "SAU"),
        ("الفلسطينيين", "PSE"),
        ("الإسرائيلي", "ISR"),
        ("الأوكراني", "UKR"),
        ("الألمانية", "DEU"),
    ],
)
def test_nisba_to_country(word: str, iso: str) -> None:
    assert nisba_country(norm(word)) == iso


def test_common_words_are_not_nisbas() -> None:
    assert nisba_country(norm("المالي")) is None  # "financial", not Malian


def test_country_names() -> None:
    assert country_of_word(norm("روسيا")) == "RUS"
    assert country_of_word(norm("ليبيا")) == "LBY"
    c = country_by_name(norm("الولايات المتحدة"))
    assert c is not None and c.iso3 == "USA" and c.geonames_id


def test_broken_plurals_of_nationality_resolve() -> None:
    from khabar.core.tagging.countries import nisba_country
    from khabar.core.text.normalize import norm

    assert nisba_country(norm("الروس")) == "RUS" and nisba_country(norm("الأتراك")) == "TUR"
    assert nisba_country(norm("الرؤساء")) is None


def test_news_spellings_cldr_lacks_and_a_nisba_that_is_an_everyday_word() -> None:
    from khabar.core.tagging.countries import country_by_name, nisba_country
    from khabar.core.text.normalize import norm

    for name, iso in (("بيلاروسيا", "BLR"), ("روسيا البيضاء", "BLR"), ("المجر", "HUN"), ("ميانمار", "MMR")):
        found = country_by_name(norm(name))
        assert found is not None and found.iso3 == iso, name
    assert nisba_country(norm("المجري")) is None  # مجرى, a course, not Hungarian
    assert nisba_country(norm("الهنغاري")) == "HUN"
