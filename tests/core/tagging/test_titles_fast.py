"""match_title (multi-word country names looked up only after a word that starts one, constants
hoisted) gives exactly what the implementation it replaced gives (kept here as the reference)."""

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.tagging.catalog import lexicon
from khabar.core.tagging.countries import _by_name, countries, country_by_name, nisba_country
from khabar.core.tagging.geo import is_city
from khabar.core.tagging.titles import (
    _CONTINUATION,
    _DOMAIN_SECTOR,
    _HEADS,
    _MINISTERS,
    _PARTY_HEADS,
    _PARTY_NAMES,
    _STOP,
    TITLE_TRIGGERS,
    TITLE_WORDS,
    TitleMatch,
    match_title,
)
from khabar.core.tagging.words import words_of
from khabar.core.text.normalize import norm


def ref_country_of_word(word: str) -> str | None:
    c = _by_name().get(word)
    return c.iso3 if c else None


def ref_multiword_country(words: Sequence[str], i: int) -> tuple[str, int] | None:
    for n in (4, 3, 2):
        if i + n <= len(words):
            c = country_by_name(" ".join(words[i : i + n]))
            if c is not None:
                return c.iso3, i + n
    return None


def ref_match_title(words: Sequence[str], start: int, max_len: int = 8) -> TitleMatch | None:
    if start >= len(words) or words[start] not in TITLE_TRIGGERS:
        return None
    sector = _HEADS.get(words[start])
    country: str | None = None
    end = start + 1
    host_next = False
    while end < len(words) and end - start < max_len:
        w = words[end]
        nat = nisba_country(w)
        if nat is not None:
            country = country or nat
            end += 1
            continue
        multi = ref_multiword_country(words, end)
        if multi is not None:
            if not host_next:
                country = country or multi[0]
            host_next = False
            end = multi[1]
            continue
        place = ref_country_of_word(w)
        if place is not None:
            if not host_next:
                country = country or place
            host_next = False
            end += 1
            continue
        if host_next and is_city(w):
            host_next = False
            end += 1
            continue
        if w in (norm("لدى"), norm("إلى")):
            host_next = True
            end += 1
            continue
        if w not in _CONTINUATION and w.startswith("لا") and "ا" + w in _CONTINUATION:
            w = "ا" + w  # "للأمين" keyed "لامين"
        if w in _PARTY_NAMES and words[end - 1] in _PARTY_HEADS:
            end += 1
            continue
        if w in _CONTINUATION and w not in _STOP:
            if sector is None and w in _HEADS:
                sector = _HEADS[w]
            dom = _DOMAIN_SECTOR.get(w)
            if dom is None and w.startswith("لل"):
                dom = _DOMAIN_SECTOR.get("ال" + w[2:])
            if dom == "IGO" and w in (norm("الدولي"), norm("الدولية")) and words[start] in _MINISTERS:
                dom = None
            if dom is not None and (sector in (None, "GOV") or dom == "IGO"):
                sector = dom
            end += 1
            continue
        break
    while end > start + 1 and words[end - 1] in (norm("لدى"), norm("إلى"), norm("في")):
        end -= 1
    return TitleMatch(start, end, sector, country)


def _check(keys: Sequence[str]) -> None:
    for i in range(len(keys) + 1):
        assert match_title(keys, i) == ref_match_title(keys, i)
        assert match_title(keys, i, max_len=3) == ref_match_title(keys, i, max_len=3)


_MULTI = sorted(n for c in countries() for n in c.names if " " in n)
# Title heads, continuation and stop words, single- and multi-word country names cut into words
# (and whole, as a key holding spaces), nisbas, لدى/في and others.
VOCAB = sorted(TITLE_WORDS)[:40] + sorted(_CONTINUATION)[:40] + sorted(_STOP)
VOCAB += [w for n in _MULTI[:30] for w in n.split()] + _MULTI[:10]
VOCAB += [
    "روسيا",
    "ليبيا",
    "مصر",
    "الروسي",
    "الليبية",
    "الروس",
    "لدى",
    "إلى",
    "في",
    "طهران",
    "محمد",
    "قال",
    "ﷺ",
    "،",
]
VOCAB = [norm(w) for w in VOCAB]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), max_size=12))
def test_match_title_matches_the_reference(keys: list[str]) -> None:
    _check(keys)


def test_samples() -> None:
    for text in [
        "نائب وزير الخارجية الروسي ميخائيل بوغدانوف",
        "سفير روسيا لدى ليبيا حيدر أغانين",
        "سفير روسيا الاتحادية لدى الولايات المتحدة الأمريكية في",
        "المبعوث الخاص للأمين العام للأمم المتحدة إلى ليبيا",
        "",
    ]:
        _check(norm(text).split())
    assert _MULTI, "the country table has multi-word names"
    for name in _MULTI:
        _check(["رئيس", *name.split(), "في"])


def test_match_title_matches_the_reference_on_anercorp_dev(dev_texts: list[str]) -> None:
    titles = 0
    for text in dev_texts:
        keys = [w.key for w in words_of(text, lexicon())]
        _check(keys)
        titles += sum(1 for i in range(len(keys)) if match_title(keys, i) is not None)
    assert titles > 50
