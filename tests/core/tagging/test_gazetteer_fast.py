"""Gazetteer.find's per-hit boundary checks give exactly what listing every word's possible
starts gives (the reference implementation below)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.tagging.gazetteer import _CLITIC_LETTERS, _PREFIXES, MIN_KEY, GazEntry, Gazetteer, GazMatch
from khabar.core.text.normalize import norm

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
    for last, (name, assimilated, entries) in g._automaton.iter(text):
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
    text = "".join(parts)
    assert G.find(text) == ref_find(G, text)


def test_find_matches_the_reference_on_shipped_gazetteer_and_seeds() -> None:
    from pathlib import Path

    from khabar.core.tagging.catalog import default_gazetteer
    from khabar.core.text.normalize import normalize

    g = default_gazetteer()
    seeds = Path(__file__).resolve().parents[3] / ".." / "shared" / "seeds"
    texts = [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))] if seeds.exists() else []
    texts += ["وقال الرئيس للعراق ولليبيا وفللبنان بالامم المتحدة في لبنان وروسيا."]
    for t in texts:
        n = normalize(t).text
        assert g.find(n) == ref_find(g, n)
