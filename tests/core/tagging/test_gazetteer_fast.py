"""Gazetteer.find's inlined per-hit boundary checks give exactly what listing every word's possible
starts gives (ref_find), and what the per-hit helper calls it replaced give (orig_find): both are
kept here as references."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.tagging import gazetteer as gazetteer_module
from khabar.core.tagging.gazetteer import _CLITIC_LETTERS, _PREFIXES, MIN_KEY, GazEntry, Gazetteer, GazMatch
from khabar.core.text.normalize import norm, normalize

_WORD = re.compile(r"\w+")


def ref_find(g: Gazetteer, text: str) -> list[GazMatch]:
    if not len(g) or not text:
        return []
    starts: set[int] = set()
    lam_starts: set[int] = set()
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
    for last, (_, name, assimilated, entries) in g._automaton.iter(text):
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


def _w(ch: str) -> bool:
    return _WORD.fullmatch(ch) is not None


def _is_word_end(text: str, end: int) -> bool:
    return end > 0 and _w(text[end - 1]) and (end == len(text) or not _w(text[end]))


def _depth(text: str, pos: int) -> int:
    k = 0
    while k < 3 and pos - k > 0 and _w(text[pos - k - 1]):
        k += 1
    return k


def _room(text: str, pos: int) -> bool:
    return pos + 1 < len(text) and _w(text[pos]) and _w(text[pos + 1])


def _is_start(text: str, pos: int) -> bool:
    if pos >= len(text) or not _w(text[pos]):
        return False
    k = _depth(text, pos)
    if k == 0:
        return True
    return k < 3 and text[pos - k : pos] in frozenset(_PREFIXES) and _room(text, pos)


def _is_lam_start(text: str, pos: int) -> bool:
    if pos >= len(text) or not _w(text[pos]):
        return False
    k = _depth(text, pos)
    if k == 0 or k == 3:
        return False
    head = text[pos - k : pos + 1]
    if head in ("لل", "ولل", "فلل"):
        return True
    return head[-2:] == "لل" and head[:-1] in frozenset(_PREFIXES) and _room(text, pos)


def orig_find(g: Gazetteer, text: str) -> list[GazMatch]:
    """The implementation before the checks were inlined (positions from the name, not the stored
    key length)."""
    if not len(g) or not text:
        return []
    out: list[GazMatch] = []
    for last, (_, name, assimilated, entries) in g._automaton.iter(text):
        end = last + 1
        if not _is_word_end(text, end):
            continue
        if assimilated:
            start = end - (len(name) - 1)
            if _is_lam_start(text, start):
                out.append(GazMatch(start, end, name, entries))
        else:
            start = end - len(name)
            if _is_start(text, start):
                out.append(GazMatch(start, end, name, entries))
    return out


def _check(g: Gazetteer, text: str) -> None:
    got = g.find(text)
    assert got == ref_find(g, text)
    assert got == orig_find(g, text)
    assert all(type(m) is GazMatch for m in got)


LOC = GazEntry("LOC", "country", "x")
NAMES = [
    "روسيا",
    "ليبيا",
    "العراق",
    "لبنان",
    "الله",
    "لل",
    "وب",
    "ال",
    "بل",
    "لي",
    "كل",
    "فل",
    "لعب",
    "اللد",
    "ولي",
    "الامم المتحده",
    "ا ب",
]
G = Gazetteer((norm(n), LOC) for n in NAMES)


PARTS = [
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "ال",
    "لل",
    "ولل",
    "فلل",
    "وب",
    "فل",
    "روسيا",
    "ليبيا",
    "عراق",
    "العراق",
    "بنان",
    "امم",
    "المتحده",
    "،",
    "x",
    "1",
    "د",
    "الله",
    "_",
    " ",
    "  ",
    "\u0651",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=14))
def test_find_matches_the_reference(parts: list[str]) -> None:
    _check(G, "".join(parts))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="لوفبكاعرقيه _1،\u0651x ", max_size=30))
def test_find_matches_the_reference_on_letter_soup(text: str) -> None:
    _check(G, text)


SAMPLES = ["وقال الرئيس للعراق ولليبيا وفللبنان بالامم المتحدة في لبنان وروسيا.", "", "ل", "لل ا"]


def test_find_matches_the_reference_on_shipped_gazetteer_and_samples() -> None:
    from khabar.core.tagging.catalog import default_gazetteer

    for t in SAMPLES:
        _check(default_gazetteer(), normalize(t).text)


def test_find_matches_the_reference_on_anercorp_dev_and_seeds(
    dev_texts: list[str], seed_texts: list[str]
) -> None:
    from khabar.core.tagging.catalog import default_gazetteer

    g = default_gazetteer()
    texts = dev_texts + seed_texts
    found = 0
    for t in texts:
        n = normalize(t).text
        _check(g, n)
        found += len(g.find(n))
        # A small gazetteer of the text's own words, as the tagger builds for established names.
        own = Gazetteer((w, GazEntry("PERSON", "propagated", w)) for w in set(n.split()[::7]) if len(w) > 3)
        _check(own, n)
    assert found > 500


def test_word_character_memo_is_bounded() -> None:
    memo = gazetteer_module._WORD_CHAR
    for c in range(0x4E00, 0x4E00 + 5000):
        assert memo[chr(c)] is True
    assert len(memo) <= 4096
    assert memo[" "] is False and memo["_"] is True and memo["\u0651"] is False
