"""Merging candidate mentions from the mechanisms (gazetteers, rules, the sequence model) into one
non-overlapping set. Each mechanism has a rank (lower wins); within a rank the longer span wins.
The ranks were chosen by mention F1 on ANERcorp dev (docs/tagging.md)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

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
    title_text: str | None = None
    entries: tuple[GazEntry, ...] = field(default=())
    value: str | None = None

    @property
    def rank(self) -> int:
        return RANKS.get(self.source, 9)


GAZETTEERS = frozenset({"actor", "country", "city", "anergazet", "propagated"})


def _nested_names(cands: Sequence[Candidate]) -> set[int]:
    """Indices of gazetteer names strictly inside a longer gazetteer name ("أفريقيا" inside
    "جنوب أفريقيا"): the longer name is the one meant, whatever the sources' ranks."""
    gaz = sorted((c.start, -c.end, i) for i, c in enumerate(cands) if c.source in GAZETTEERS)
    out: set[int] = set()
    outer = (-1, -1)  # the span reaching furthest so far; sorted by start, so it starts no later
    for start, neg_end, i in gaz:
        end = -neg_end
        if end <= outer[1] and (start, end) != outer:
            out.add(i)
        elif end > outer[1]:
            outer = (start, end)
    return out


def resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, best rank first, then longest, then earliest; in text order.
    Gazetteer names nested in a longer gazetteer name are left out first."""
    pool = list(candidates)
    nested = _nested_names(pool)
    pool = [c for i, c in enumerate(pool) if i not in nested]
    chosen: list[Candidate] = []
    for c in sorted(pool, key=lambda c: (c.rank, -(c.end - c.start), c.start)):
        if c.end <= c.start:
            continue
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def enrich(chosen: Sequence[Candidate], candidates: Sequence[Candidate]) -> list[Candidate]:
    """Give each chosen candidate what the losing readings of the same span know: gazetteer
    entries (GeoNames id, actor) of a same-type match with identical span, and the title of a
    title-rule name over the same words (the curated list may have won the span)."""
    by_span: dict[tuple[int, int, str], list[Candidate]] = {}
    titled: list[Candidate] = []
    for c in candidates:
        by_span.setdefault((c.start, c.end, c.type), []).append(c)
        if c.title is not None:
            titled.append(c)
    out: list[Candidate] = []
    for c in chosen:
        if not c.entries:
            same = [o for o in by_span.get((c.start, c.end, c.type), ()) if o.entries]
            if same:
                best = min(same, key=lambda o: o.rank)
                c = replace(c, entries=best.entries, surface=c.surface or best.surface)
        if c.title is None and c.type == "PERSON":
            t = next((o for o in titled if o.start < c.end and c.start < o.end), None)
            if t is not None:
                c = replace(c, title=t.title, title_span=t.title_span, title_text=t.title_text)
        out.append(c)
    return out
