"""The curated actor list (services/khabar/data/gazetteers/actors.tsv): heads of state and
government, ministers and officials, militaries, armed groups, international bodies, media, and a
few regions, each with country, sector, Wikidata id when certain, and Arabic spelling variants."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.core.text.normalize import norm


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    type: str  # PERSON | ORG | LOC
    name: str  # display name, the first listed
    variants: tuple[str, ...]  # normalized spellings
    country: str | None
    sector: str | None
    wikidata: str | None
    # Normalized spellings generic enough to name another country's body ("المجلس الرئاسي",
    # written "?المجلس الرئاسي" in the list): they name this actor only when the article
    # mentions its country.
    contextual: frozenset[str] = frozenset()


def parse_actors(text: str) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ident, kind, country, sector, qid, names = line.split("\t")
        listed = [n.strip() for n in names.split("|") if n.strip()]
        shown = [n.lstrip("?").strip() for n in listed]
        out.append(
            Actor(
                id=ident,
                type=kind,
                name=shown[0],
                variants=tuple(dict.fromkeys(norm(n) for n in shown)),
                country=country or None,
                sector=sector or None,
                wikidata=qid or None,
                contextual=frozenset(norm(n[1:].strip()) for n in listed if n.startswith("?")),
            )
        )
    return tuple(out)


@cache
def actors() -> tuple[Actor, ...]:
    text = resources.files("khabar.data").joinpath("gazetteers/actors.tsv").read_text("utf-8")
    return parse_actors(text)


def applies(actor: Actor, key: str, countries: Collection[str]) -> bool:
    """The actor may be the one a mention written `key` (normalized) names, in an article whose
    countries are `countries`: always, unless `key` is one of its generic spellings and the
    article does not mention its country."""
    return key not in actor.contextual or actor.country in countries


@cache
def actors_by_id() -> dict[str, Actor]:
    return {a.id: a for a in actors()}
