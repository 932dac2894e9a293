from collections import Counter

from khabar.core.tagging.geo import city, city_names, city_over_country, disambiguate
from khabar.core.text.normalize import norm


def candidates(name: str) -> list:  # type: ignore[type-arg]
    return [c for i in city_names()[norm(name)] if (c := city(i))]


def test_ambiguity_is_kept() -> None:
    assert {c.country for c in candidates("طرابلس")} >= {"LBY", "LBN"}


def test_context_country_wins() -> None:
    tripoli = candidates("طرابلس")
    assert (best := disambiguate(tripoli, Counter({"LBN": 3, "LBY": 1}))) and best.country == "LBN"
    assert (best := disambiguate(tripoli, Counter({"LBY": 2}))) and best.country == "LBY"


def test_population_breaks_ties() -> None:
    best = disambiguate(candidates("موسكو"), Counter())
    assert best is not None and best.country == "RUS" and best.lat > 50


def test_common_words_are_not_city_names() -> None:
    assert norm("المدينة") not in city_names()


def test_a_country_name_is_a_city_abroad_when_the_story_is_about_the_citys_country() -> None:
    amman = candidates("عمان")
    assert any(c.country == "JOR" for c in amman)
    # "العاهل الأردني … في عمان": Jordan counts 2, Oman nothing once this mention is left out.
    best = city_over_country("OMN", amman, Counter({"JOR": 2}))
    assert best is not None and best.country == "JOR"
    # An Oman story (مسقط counted) or no context at all keeps the country.
    assert city_over_country("OMN", amman, Counter({"OMN": 1})) is None
    assert city_over_country("OMN", amman, Counter()) is None


def test_a_city_dwarfing_its_namesakes_wins_whatever_the_context() -> None:
    from collections import Counter

    from khabar.core.tagging.geo import city, city_names, disambiguate
    from khabar.core.text.normalize import norm

    paris = [c for i in city_names()[norm("باريس")] if (c := city(i)) is not None]
    best = disambiguate(paris, Counter({"USA": 5}))
    assert best is not None and best.country == "FRA"
