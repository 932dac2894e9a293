"""Gazetteer matching with Aho-Corasick over normalized text, at word boundaries, allowing the
attached proclitics news glues to names: و ف ب ل ك and لل (ل + ال): "وروسيا", "لليبيا", "للعراق".

One automaton holds every name of every gazetteer (countries, cities, curated actors, ANERGazet);
each name carries the entries it may denote, so ambiguity (طرابلس: Libya or Lebanon) is kept for
the geo disambiguation step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

# Proclitic sequences allowed before a name: optional conjunction, then optional preposition.
_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_CLITIC_LETTERS = frozenset("وفبلك")
_WORD = re.compile(r"\w+")
_ARTICLE = "ال"
MIN_KEY = 2


@dataclass(frozen=True, slots=True)
class GazEntry:
    """What a name may denote: `ref` points into the source's own table (actor id, GeoNames id,
    ISO alpha-3); `source` says which table."""

    type: str  # PERSON | ORG | LOC
    source: str  # country | city | actor | region | anergazet
    ref: str


@dataclass(frozen=True, slots=True)
class GazMatch:
    """A name found at [start, end) of the normalized text. `name` is the gazetteer key; when the
    name's ال was assimilated into a preceding ل ("للعراق"), `start` is on that ل and `name` starts
    with ال."""

    start: int
    end: int
    name: str
    entries: tuple[GazEntry, ...]


class Gazetteer:
    def __init__(self, names: Iterable[tuple[str, GazEntry]]) -> None:
        table: dict[str, list[GazEntry]] = {}
        for name, entry in names:
            if len(name) < MIN_KEY:
                continue
            bucket = table.setdefault(name, [])
            if entry not in bucket:
                bucket.append(entry)
        self._automaton = ahocorasick.Automaton()
        for name, entries in table.items():
            self._automaton.add_word(name, (name, False, tuple(entries)))
            if name.startswith(_ARTICLE) and len(name) > 3:
                # ل + ال is written لل: "للعراق" holds "لعراق" after the first ل.
                alt = "ل" + name[2:]
                if alt not in table:
                    self._automaton.add_word(alt, (name, True, tuple(entries)))
        self._size = len(table)
        if self._size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._size

    def __contains__(self, name: str) -> bool:
        return self._size > 0 and self._automaton.exists(name)

    def find(self, text: str) -> list[GazMatch]:
        """Every gazetteer name in normalized `text` that starts at a word start or right after
        proclitics and ends at a word end; overlapping matches are all returned."""
        if not self._size or not text:
            return []
        starts: set[int] = set()
        lam_starts: set[int] = set()  # starts where the name's ال became the second ل of لل
        ends: set[int] = set()
        for m in _WORD.finditer(text):
            word, ws = m.group(), m.start()
            ends.add(m.end())
            starts.add(ws)
            if word[0] not in _CLITIC_LETTERS:
                continue
            for p in _PREFIXES:
                if word.startswith(p) and len(word) - len(p) >= MIN_KEY:
                    starts.add(ws + len(p))
                    if p and p[-1] == "ل" and word[len(p) : len(p) + 1] == "ل":
                        lam_starts.add(ws + len(p))
            if word.startswith(("لل", "ولل", "فلل")):
                lam_starts.add(ws + word.index("لل") + 1)
        out: list[GazMatch] = []
        for last, (name, assimilated, entries) in self._automaton.iter(text):
            end = last + 1
            if end not in ends:
                continue
            if assimilated:
                start = end - (len(name) - 1)
                if start in lam_starts:
                    out.append(GazMatch(start, end, name, entries))
            else:
                start = end - len(name)
                if start in starts:
                    out.append(GazMatch(start, end, name, entries))
        return out


def longest_first(matches: Iterable[GazMatch]) -> list[GazMatch]:
    """Non-overlapping matches, preferring longer ones, then earlier ones."""
    chosen: list[GazMatch] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= s or m.start >= e for s, e in taken):
            chosen.append(m)
            taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)
