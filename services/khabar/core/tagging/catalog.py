"""The tagger's combined name index: countries, GeoNames cities, curated actors and ANERGazet in
one Aho-Corasick automaton, built once per process."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

from khabar.core.tagging.actors import actors
from khabar.core.tagging.canonical import spellings
from khabar.core.tagging.countries import countries
from khabar.core.tagging.gazetteer import GazEntry, Gazetteer
from khabar.core.tagging.geo import city_names
from khabar.core.tagging.lexicons import ORG_HEADS, first_names, mostly_common_words
from khabar.core.tagging.regions import region_names
from khabar.core.tagging.titles import TITLE_WORDS
from khabar.core.text.normalize import norm

# ANERGazet files shipped by the model engineer, and the entity type each holds.
_ANERGAZET = {"locations.txt": "LOC", "organizations.txt": "ORG"}


def anergazet_names() -> Iterator[tuple[str, str]]:
    """(normalized name, type) from ANERGazet location and organization lists. Person entries are
    used as first names only (lexicons), since single family names are too ambiguous alone."""
    base = resources.files("khabar.data").joinpath("gazetteers/anergazet")
    common = mostly_common_words()
    for fname, kind in _ANERGAZET.items():
        path = base.joinpath(fname)
        if not path.is_file():
            continue
        for line in path.read_text("utf-8").splitlines():
            n = norm(line.strip())
            if n and n != "====" and len(n) >= 3 and n not in common:
                yield n, kind


def _entries(use_anergazet: bool) -> Iterator[tuple[str, GazEntry]]:
    for c in countries():
        for n in c.names:
            yield n, GazEntry("LOC", "country", c.iso3)
    for name in region_names():
        yield name, GazEntry("LOC", "region", name)
    for name, ids in city_names().items():
        for gid in ids:
            yield name, GazEntry("LOC", "city", str(gid))
    for a in actors():
        for v in a.variants:
            # A curated person in any common spelling of a foreign g or ch (عراقتشي، جروسي).
            for n in spellings(v) if a.type == "PERSON" else (v,):
                yield n, GazEntry(a.type, "actor", a.id)
    if use_anergazet:
        for n, kind in anergazet_names():
            yield n, GazEntry(kind, "anergazet", n)


@cache
def default_gazetteer(use_anergazet: bool = True) -> Gazetteer:
    return Gazetteer(_entries(use_anergazet))


@cache
def lexicon() -> frozenset[str]:
    """Every single-word name the index knows, for clitic splitting (a known stem licenses a split)."""
    words: set[str] = set()
    for c in countries():
        words.update(n for n in c.names if " " not in n)
        words.update(c.nisbas)
    words.update(n for n in city_names() if " " not in n)
    for a in actors():
        words.update(n for v in a.variants for n in v.split())
    words.update(first_names())
    # Titles and institution heads license a split too ("بسفير" = ب + سفير, "لوزارة").
    words.update(TITLE_WORDS)
    words.update(ORG_HEADS)
    return frozenset(words)
