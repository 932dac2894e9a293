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
from typing import NamedTuple

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


class GazMatch(NamedTuple):
    """A name found at [start, end) of the normalized text. `name` is the gazetteer key; when the
    name's ال was assimilated into a preceding ل ("للعراق"), `start` is on that ل and `name` starts
    with ال. A NamedTuple (built at tuple speed) rather than a frozen dataclass: dozens per text."""

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
            # Values carry the key's length: where a hit starts, without a len() per hit.
            self._automaton.add_word(name, (len(name), name, False, tuple(entries)))
            if name.startswith(_ARTICLE) and len(name) > 3:
                # ل + ال is written لل: "للعراق" holds "لعراق" after the first ل.
                alt = "ل" + name[2:]
                if alt not in table:
                    self._automaton.add_word(alt, (len(alt), name, True, tuple(entries)))
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
        # Raw automaton hits are few (about one per 25 characters of news text), so each is checked
        # where it lies rather than every word's possible starts being listed first. The common
        # checks are inlined (a hit costs a few dict lookups); the rarer prefix cases call helpers.
        w = _WORD_CHAR
        n = len(text)
        out: list[GazMatch] = []
        for last, (size, name, assimilated, entries) in self._automaton.iter(text):
            end = last + 1
            # A word end: the last character is a word character and the next one is not.
            if not w[text[last]] or (end < n and w[text[end]]):
                continue
            start = end - size
            if assimilated:
                if _is_lam_start(text, start):
                    out.append(_new(GazMatch, (start, end, name, entries)))
                continue
            if not w[text[start]]:
                continue
            # At a word start, or behind a proclitic prefix (the helper re-checks from scratch).
            if (start == 0 or not w[text[start - 1]]) or _is_start(text, start):
                out.append(_new(GazMatch, (start, end, name, entries)))
        return out


class _WordChars(dict[str, bool]):
    """Whether a character is a word character as _WORD sees it, filled on first sight and bounded
    (cleared when large, then refilled character by character)."""

    def __missing__(self, ch: str) -> bool:
        got = _WORD.fullmatch(ch) is not None
        if len(self) >= 4096:
            self.clear()
        self[ch] = got
        return got


_WORD_CHAR = _WordChars()
_PREFIX_SET = frozenset(_PREFIXES)
_new = tuple.__new__


def _w(ch: str) -> bool:
    return _WORD_CHAR[ch]


def _depth(text: str, pos: int) -> int:
    """How far `pos` lies inside its word, a \\w+ run (0 at its first character), capped at 3:
    proclitic prefixes are at most two letters."""
    k = 0
    while k < 3 and pos - k > 0 and _w(text[pos - k - 1]):
        k += 1
    return k


def _is_start(text: str, pos: int) -> bool:
    """A word starts at `pos`, or the word around it opens with a proclitic prefix ending at `pos`
    that leaves at least MIN_KEY letters."""
    if pos >= len(text) or not _w(text[pos]):
        return False
    k = _depth(text, pos)
    if k == 0:
        return True
    return k < 3 and text[pos - k : pos] in _PREFIX_SET and _room(text, pos)


def _is_lam_start(text: str, pos: int) -> bool:
    """`pos` is the second ل of a word-initial لل (after an optional و/ف), or follows a prefix that
    ends in ل and is followed by ل with at least MIN_KEY letters left."""
    if pos >= len(text) or not _w(text[pos]):
        return False
    k = _depth(text, pos)
    if k == 0 or k == 3:
        return False
    head = text[pos - k : pos + 1]  # the word's first k + 1 letters
    if head in ("لل", "ولل", "فلل"):
        return True
    return head[-2:] == "لل" and head[:-1] in _PREFIX_SET and _room(text, pos)


def _room(text: str, pos: int) -> bool:
    """At least MIN_KEY (2) word characters from `pos` on."""
    return pos + 1 < len(text) and _w(text[pos]) and _w(text[pos + 1])


def longest_first(matches: Iterable[GazMatch]) -> list[GazMatch]:
    """Non-overlapping matches, preferring longer ones, then earlier ones."""
    chosen: list[GazMatch] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= s or m.start >= e for s, e in taken):
            chosen.append(m)
            taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)
