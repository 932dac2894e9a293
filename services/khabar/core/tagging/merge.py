"""Merging candidate mentions from the mechanisms (gazetteers, rules, the sequence model) into one
non-overlapping set. Each mechanism has a rank (lower wins); within a rank the longer span wins.
The ranks were chosen by mention F1 on ANERcorp dev (README, "Tagging")."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from operator import attrgetter
from typing import NamedTuple

from khabar.core.tagging.gazetteer import GazEntry
from khabar.core.tagging.titles import TitleMatch

# Lower wins. The sequence model speaks first for names: on ANERcorp dev every other source,
# given precedence or left to fill the model's gaps, cost mention F1 (README, "Tagging"). The
# curated and rule sources then fill what the model leaves, and lend it ids, titles and countries.
# DATE spans never compete with names in practice (calendar words are no name words).
RANKS: dict[str, int] = {
    "date": 0,
    "model": 1,
    "month": 2,
    "country": 2,
    "region": 2,
    "actor": 3,
    "title_name": 4,
    "nasab_name": 4,
    "org_rule": 4,
    "place_head": 5,
    "propagated": 6,
    "first_name": 7,
    "city": 7,
    "anergazet": 8,
}
# Person-name sources whose span, strictly containing a model PERSON span, is the better reading:
# the model stops early on names it was not taught ("محمد" of "محمد المنفي").
PERSON_CONTAINERS: frozenset[str] = frozenset({"actor", "title_name", "nasab_name"})
# Organization sources whose name strictly containing a model span of another type ending where
# it ends is the better reading: the place closing "غرفة تجارة بنغازي" is part of the name.
ORG_CONTAINERS: frozenset[str] = frozenset({"actor", "org_rule"})


# Place sources whose name strictly containing a model place is the place meant: "شمال إفريقيا",
# "جنوب أفريقيا" (a region, a country), not the continent inside.
PLACE_CONTAINERS: frozenset[str] = frozenset({"region", "country", "actor"})


class Candidate(NamedTuple):
    """One reading of a span by one mechanism. A NamedTuple (built at tuple speed) rather than a
    frozen dataclass: an article makes a few hundred, and their construction was a visible share
    of tagging time; like the dataclass it compares and hashes by value."""

    type: str
    start: int  # character offsets into the field's text, clitics excluded
    end: int
    source: str
    confidence: float = 1.0
    surface: str | None = None  # when it differs from text[start:end] (لل + name)
    title: TitleMatch | None = None
    title_span: tuple[int, int] | None = None
    title_text: str | None = None
    entries: tuple[GazEntry, ...] = ()
    value: str | None = None
    # False: the reading may lend its entries and title to a chosen span but is never chosen on
    # its own (sources too ambiguous alone: ANERGazet, bare city names, first-name rules).
    standalone: bool = True
    first_name_only: bool = False  # a model PERSON that is one known first name ("محمد")

    @property
    def rank(self) -> int:
        return RANKS.get(self.source, 9)


_START = attrgetter("start")
GAZETTEERS = frozenset({"actor", "country", "region", "city", "anergazet", "propagated"})


def _nested_names(cands: Sequence[Candidate]) -> set[int]:
    """Indices of gazetteer names strictly inside a longer gazetteer name ("أفريقيا" inside
    "جنوب أفريقيا"): the longer name is the one meant, whatever the sources' ranks."""
    gaz = sorted((c.start, -c.end, i) for i, c in enumerate(cands) if c.source in GAZETTEERS and c.standalone)
    out: set[int] = set()
    outer = (-1, -1)  # the span reaching furthest so far; sorted by start, so it starts no later
    for start, neg_end, i in gaz:
        end = -neg_end
        if end <= outer[1] and (start, end) != outer:
            out.add(i)
        elif end > outer[1]:
            outer = (start, end)
    return out


class _Containers:
    """Spans, asked whether one of them strictly contains a given span and is longer: one
    starting earlier and ending no earlier, or starting at the same place and ending later."""

    __slots__ = ("_reach", "_starts", "_widest")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # _reach[k]: the furthest end among the first k + 1 spans by start.
        self._reach = list(accumulate((e for _, e in ordered), max))
        # The furthest end of the spans starting at each position (sorted, so the last wins).
        self._widest = dict(ordered)

    def contain(self, start: int, end: int) -> bool:
        k = bisect_left(self._starts, start)  # spans 0..k-1 start before `start`
        return (k > 0 and self._reach[k - 1] >= end) or self._widest.get(start, -1) > end


def _earliest_by_end(spans: Iterable[tuple[int, int]]) -> dict[int, int]:
    """The earliest start of the spans ending at each position: a span with the same end strictly
    contains [start, end) and is longer exactly when it starts before `start`."""
    out: dict[int, int] = {}
    for s, e in spans:
        if s < out.get(e, s + 1):
            out[e] = s
    return out


def _inside_longer_names(cands: Sequence[Candidate]) -> set[int]:
    """Indices of model candidates strictly inside a longer name that reads better: a PERSON in a
    PERSON_CONTAINERS person name, another type at the end of an ORG_CONTAINERS organization, a
    continent inside a region name."""
    models = [(i, c) for i, c in enumerate(cands) if c.source == "model"]
    if not models:
        return set()
    # A longer name over two model names ("جورج بوش لاعتقال أسامة بن لادن", a title rule run on)
    # completes neither: it would lose the span to the first and take the second with it.
    model_persons = [(c.start, c.end) for _, c in models if c.type == "PERSON"]
    persons = [
        c
        for c in cands
        if c.source in PERSON_CONTAINERS
        and c.type == "PERSON"
        and c.standalone
        and sum(s < c.end and c.start < e for s, e in model_persons) < 2
    ]
    orgs = [c for c in cands if c.source in ORG_CONTAINERS and c.type == "ORG" and c.standalone]
    places = [c for c in cands if c.source in PLACE_CONTAINERS and c.type == "LOC" and c.standalone]
    # A title-rule name may add given names the model missed, and complete a lone first name
    # ("محمد" of "محمد علي تميم"), but not outrun a fuller model name: the rule cannot tell
    # "هوجو شافيز سعت" from a three-word name, the model can. So a model person gives way to a
    # longer curated name around it, to a longer name ending where it ends, and, when it is a
    # lone first name, to any longer name around it.
    any_person = _Containers((o.start, o.end) for o in persons)
    # A model name also yields to a first-name-rule name of foreign shape that adds a given name
    # before it and ends where it ends (a lone first name: ends no earlier); the rule lets such a
    # name stand alone: "رضا تنكسيري" of "علي رضا تنكسيري".
    given_before = [
        (o.start, o.end) for o in cands if o.source == "first_name" and o.type == "PERSON" and o.standalone
    ]
    # A curated name, or a nasab chain (its links make the reading certain: "سعيد ولد محمد الشيخ
    # ولد بيد الله"), wins over any model name inside it.
    certain_person = _Containers((o.start, o.end) for o in persons if o.source in ("actor", "nasab_name"))
    # A curated person's name ending in a model place or organization is the person: "الصدر" of
    # "مقتدى الصدر" is no place.
    actor_person_ends = _earliest_by_end((o.start, o.end) for o in persons if o.source == "actor")
    person_ends = _earliest_by_end((o.start, o.end) for o in persons)
    # The place closing "غرفة تجارة بنغازي" belongs to the organization's name.
    org_ends = _earliest_by_end((o.start, o.end) for o in orgs)
    # "إفريقيا" of "شمال إفريقيا": the region is the place meant.
    region = _Containers((o.start, o.end) for o in places)
    out: set[int] = set()
    for i, c in models:
        s, e = c.start, c.end
        if (
            (
                c.type == "PERSON"
                and (
                    (any_person.contain(s, e) or any(a < s and e <= b for a, b in given_before))
                    if c.first_name_only
                    else certain_person.contain(s, e)
                    or person_ends.get(e, s) < s
                    or any(a < s and e == b for a, b in given_before)
                )
            )
            or (c.type != "ORG" and org_ends.get(e, s) < s)
            or (c.type != "PERSON" and actor_person_ends.get(e, s) < s)
            or (c.type == "LOC" and region.contain(s, e))
        ):
            out.add(i)
    return out


def _starting_in_titles(cands: Sequence[Candidate]) -> set[int]:
    """Indices of model person names that start inside a title phrase and end where a title-rule
    name after it ends: the model took the title's tail for a name ("السودان" of "المبعوث الخاص
    إلى السودان توم بيرييلو"); the titled name is meant, and what the tail names (السودان) stays."""
    title_ends = {
        c.end: c.title_span for c in cands if c.source == "title_name" and c.standalone and c.title_span
    }
    return {
        i
        for i, c in enumerate(cands)
        if c.source == "model"
        and c.type == "PERSON"
        and (span := title_ends.get(c.end)) is not None
        and span[0] < c.start < span[1]
    }


def _covered_by_yielded(cands: Sequence[Candidate], yielded: set[int]) -> set[int]:
    """Indices of gazetteer names inside a model person name that yielded to a longer name: the
    model's reading kept them out ("لاوس" of "كلاوس أيبرمان"), and the longer name, ranked
    below the gazetteers, would otherwise lose to them."""
    spans = [(cands[i].start, cands[i].end) for i in yielded if cands[i].type == "PERSON"]
    if not spans:
        return set()
    return {
        i
        for i, c in enumerate(cands)
        if c.source in GAZETTEERS and any(s <= c.start and c.end <= e for s, e in spans)
    }


def resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, best rank first, then longest, then earliest; in text order.
    Gazetteer names nested in a longer gazetteer name, model person names inside a longer curated
    or titled name, and readings that may not stand alone are left out first."""
    pool = list(candidates)
    inside = _inside_longer_names(pool)
    drop = _nested_names(pool) | inside | _covered_by_yielded(pool, inside) | _starting_in_titles(pool)
    pool = [c for i, c in enumerate(pool) if i not in drop and c.standalone]
    chosen: list[Candidate] = []
    # The chosen spans never overlap, so sorted by start they are sorted by end too: a new span is
    # free when it ends before the next chosen start and starts after the previous chosen end.
    starts: list[int] = []
    ends: list[int] = []
    for c in sorted(pool, key=lambda c: (RANKS.get(c.source, 9), c.start - c.end, c.start)):
        if c.end <= c.start:
            continue
        k = bisect_right(starts, c.start)
        if (k == 0 or ends[k - 1] <= c.start) and (k == len(starts) or c.end <= starts[k]):
            starts.insert(k, c.start)
            ends.insert(k, c.end)
            chosen.append(c)
    return sorted(chosen, key=_START)


def enrich(chosen: Sequence[Candidate], candidates: Sequence[Candidate]) -> list[Candidate]:
    """Give each chosen candidate what the losing readings of the same span know: gazetteer
    entries (GeoNames id, actor) of a same-type match with identical span, and the title of a
    title-rule name over the same words (the curated list may have won the span)."""
    by_span: dict[tuple[int, int, str], list[Candidate]] = {}  # those with entries only
    titled: list[Candidate] = []
    for c in candidates:
        if c.entries:
            by_span.setdefault((c.start, c.end, c.type), []).append(c)
        if c.title is not None:
            titled.append(c)
    out: list[Candidate] = []
    for c in chosen:
        if not c.entries:
            same = by_span.get((c.start, c.end, c.type))
            if same:
                best = min(same, key=lambda o: o.rank)
                c = c._replace(entries=best.entries, surface=c.surface or best.surface)
        if c.title is None and c.type == "PERSON":
            t = next((o for o in titled if o.start < c.end and c.start < o.end), None)
            if t is not None:
                c = c._replace(title=t.title, title_span=t.title_span, title_text=t.title_text)
        out.append(c)
    return out
