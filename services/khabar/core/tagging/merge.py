"""Merging candidate mentions from the mechanisms (gazetteers, rules, the sequence model) into one
non-overlapping set. Each mechanism has a rank (lower wins); within a rank the longer span wins.
The ranks were chosen by mention F1 on ANERcorp dev (docs/tagging.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from khabar.core.tagging.gazetteer import GazEntry
from khabar.core.tagging.titles import TitleMatch

# Lower wins. DATE spans never compete with names in practice (calendar words are no name words).
RANKS: dict[str, int] = {
    "date": 0,
    "actor": 1,
    "title_name": 5,
    "country": 3,
    "org_rule": 4,
    "model": 5,
    "first_name": 6,
    "city": 6,
    "propagated": 7,
    "anergazet": 8,
}


@dataclass(frozen=True, slots=True)
class Candidate:
    type: str
    start: int  # character offsets into the field's text, clitics excluded
    end: int
    source: str
    confidence: float = 1.0
    surface: str | None = None  # when it differs from text[start:end] (لل + name)
    title: TitleMatch | None = None
    title_span: tuple[int, int] | None = None
    entries: tuple[GazEntry, ...] = field(default=())
    value: str | None = None

    @property
    def rank(self) -> int:
        return RANKS.get(self.source, 9)


def resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, best rank first, then longest, then earliest; in text order."""
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.rank, -(c.end - c.start), c.start)):
        if c.end <= c.start:
            continue
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
