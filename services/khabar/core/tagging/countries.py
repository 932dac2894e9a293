"""Countries and territories: Arabic names -> ISO 3166-1 alpha-3, and nisba adjectives
(الروسي -> RUS) generated systematically from the names.

The names come from services/khabar/data/gazetteers/countries.json (built from babel's Arabic
territory names, pycountry and a short curated alias list by scripts/build_gazetteers.py); the nisba
forms are derived here by the regular morphology so every country gets them, not a hand-picked few.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from khabar.core.text.normalize import norm

_PREFIX = "ال"
# Generated nisbas that are common words with another meaning (المالي "financial").
_NISBA_BLOCK = frozenset(norm(w) for w in ("مالي", "المالي", "عماني"))


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str  # the display Arabic name
    names: tuple[str, ...]  # normalized spellings
    nisbas: tuple[str, ...]  # normalized nisba forms (masc./fem./plural, with and without ال)
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


def nisba_stem(name: str) -> str | None:
    """The masculine nisba without article for a one-word normalized country name, by the regular
    pattern: ليبيا -> ليبي, سوريه -> سوري, فرنسا -> فرنسي, مصر -> مصري, ايران -> ايراني. None when
    the name is several words or the pattern does not apply."""
    if " " in name or "-" in name:
        return None
    stem = name[2:] if name.startswith(_PREFIX) and len(name) > 4 else name
    if len(stem) < 3 or stem.endswith(("ي", "و")):
        return None
    if stem.endswith(("يا", "يه")):
        return stem[:-1]
    if stem.endswith(("ا", "ه")):
        return stem[:-1] + "ي"
    return stem + "ي"


def nisba_forms(stem: str) -> tuple[str, ...]:
    """Inflected forms of a masculine nisba stem (روسي): feminine, plurals, each with and without ال."""
    bases = (stem, stem + "ه", stem + "ين", stem + "ون")
    forms = tuple(b for base in bases for b in (base, _PREFIX + base))
    return tuple(f for f in forms if f not in _NISBA_BLOCK)


# Country names that are also everyday adjectives: "مالي" (Mali; financial: "مركز مالي", "دعم مالي").
# They are the country only with a cue (tagger) and never close an organization's name (orgs).
ADJECTIVE_NAMES = frozenset({norm("مالي")})
# Regular stems of a country's name that are everyday words: "مجري" (of المجر, Hungary) is how
# "مجرى" (course, stream) is normalized; Hungarian is "هنغاري", from هنغاريا.
_NOT_NISBA_STEMS = frozenset({norm("مجري")})


@cache
def countries() -> tuple[Country, ...]:
    raw = json.loads(resources.files("khabar.data").joinpath("gazetteers/countries.json").read_text("utf-8"))
    out: list[Country] = []
    for row in raw:
        names = tuple(dict.fromkeys(norm(n) for n in row["names"]))
        stems = [s for s in (nisba_stem(n) for n in names) if s and s not in _NOT_NISBA_STEMS]
        stems += [norm(s) for s in row.get("nisba", [])]
        nisbas = tuple(dict.fromkeys(f for s in stems for f in nisba_forms(s)))
        out.append(
            Country(
                iso3=row["iso3"],
                name=row["name"],
                names=names,
                nisbas=nisbas,
                lat=row.get("lat"),
                lon=row.get("lon"),
                geonames_id=row.get("geonames_id"),
            )
        )
    return tuple(out)


@cache
def _by_name() -> dict[str, Country]:
    return {n: c for c in countries() for n in c.names}


@cache
def _by_nisba() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in countries():
        for f in c.nisbas:
            # A form shared by two countries (rare) is ambiguous: keep the first, which is the
            # curated or the larger (see the build script's order).
            out.setdefault(f, c.iso3)
    return out


@cache
def by_iso3() -> dict[str, Country]:
    return {c.iso3: c for c in countries()}


def country_by_name(name: str) -> Country | None:
    """The country whose normalized name is `name` (possibly several words), or None."""
    return _by_name().get(name)


@cache
def multiword_name_heads() -> frozenset[str]:
    """What the first of several words must be for " ".join(words) to be a country name: each
    name's leading parts that end before a space (a normalized word may itself hold a space)."""
    return frozenset(n[:i] for n in _by_name() for i, ch in enumerate(n) if ch == " ")


@cache
def _iso_by_name() -> dict[str, str]:
    return {n: c.iso3 for n, c in _by_name().items()}


def country_of_word(word: str) -> str | None:
    """ISO alpha-3 of the country named by one normalized word (روسيا, ليبيا), or None."""
    return _iso_by_name().get(word)


# Broken plurals of nationality ("الروس", "الأتراك") follow no suffix rule, so they are listed.
_BROKEN_PLURALS = {
    norm(w): iso
    for w, iso in (
        ("روس", "RUS"),
        ("أتراك", "TUR"),
        ("أمريكان", "USA"),
        ("أميركان", "USA"),
        ("ألمان", "DEU"),
        ("إنجليز", "GBR"),
        ("أفغان", "AFG"),
        ("يونان", "GRC"),
    )
}


@lru_cache(maxsize=65536)  # called for most words of every article
def nisba_country(word: str) -> str | None:
    """ISO alpha-3 of the country a nisba adjective points to (الروسي, التركية, الليبيين, الروس), or None."""
    found = _by_nisba().get(word)
    if found is None:
        bare = word[2:] if word.startswith(_PREFIX) else word
        found = _BROKEN_PLURALS.get(bare)
    return found
