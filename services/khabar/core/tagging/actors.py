"""The curated actor list (services/khabar/data/gazetteers/actors.tsv): heads of state and
government, ministers and officials, militaries, armed groups, international bodies, media, and a
few regions, each with country, sector, Wikidata id when certain, and Arabic spelling variants."""

from __future__ import annotations

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


def parse_actors(text: str) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ident, kind, country, sector, qid, names = line.split("\t")
        shown = [n.strip() for n in names.split("|") if n.strip()]
        out.append(
            Actor(
                id=ident,
                type=kind,
                name=shown[0],
                variants=tuple(dict.fromkeys(norm(n) for n in shown)),
                country=country or None,
                sector=sector or None,
                wikidata=qid or None,
            )
        )
    return tuple(out)


@cache
def actors() -> tuple[Actor, ...]:
    text = resources.files("khabar.data").joinpath("gazetteers/actors.tsv").read_text("utf-8")
    return parse_actors(text)


@cache
def actors_by_id() -> dict[str, Actor]:
    return {a.id: a for a in actors()}
