"""Country names and nationality adjectives -> ISO alpha-3, read from data/events/countries.json.

The coder needs nationality where the tagger gives none: "نائب وزير الدفاع الروسي" makes the person
Russian, "الوفد الليبي" is a Libyan actor, and a LOC mention "روسيا" acting as a subject is the state.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from khabar.core.text.normalize import norm

__all__ = ["country_name", "country_of_adjective", "country_of_name", "country_of_word"]


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    raw = json.loads(files("khabar.data").joinpath("events/countries.json").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for iso, spec in raw["countries"].items():
        for name in spec["names"]:
            names[norm(name)] = iso
            names[_strip_article(norm(name))] = iso
        for adj in spec["adjectives"]:
            adjectives[_strip_article(norm(adj))] = iso
    return names, adjectives


def country_of_name(text: str) -> str | None:
    """ISO code when `text` is a country's name ("روسيا", "الولايات المتحدة")."""
    names, _ = _tables()
    key = norm(text)
    return names.get(key) or names.get(_strip_article(key))


def country_of_adjective(word: str) -> str | None:
    """ISO code when `word` (one token, with or without ال) is a nationality adjective."""
    _, adjectives = _tables()
    return adjectives.get(_strip_article(norm(word)))


def country_of_word(word: str) -> str | None:
    """A nationality adjective or a one-word country name, with proclitics ب/ل/و tolerated."""
    for cand in (word, word[1:] if word[:1] in "وبلف" and len(word) > 3 else word):
        iso = country_of_adjective(cand) or country_of_name(cand)
        if iso:
            return iso
    return None


@cache
def _display_names() -> dict[str, str]:
    raw = json.loads(files("khabar.data").joinpath("events/countries.json").read_text(encoding="utf-8"))
    return {iso: spec["names"][0] for iso, spec in raw["countries"].items()}


def country_name(iso: str) -> str:
    """The Arabic display name of a country code (the code itself when unknown)."""
    return _display_names().get(iso, iso)
