"""words_of (built column by column from the token columns and the analysis cache) gives exactly
what the per-token loop it replaced gives (kept here as the reference, without the cache)."""

import re
from collections.abc import Collection

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.tagging import words as words_module
from khabar.core.tagging.catalog import lexicon
from khabar.core.tagging.words import Word, words_of
from khabar.core.text.clitics import lookup_form, split_proclitics
from khabar.core.text.normalize import norm

_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[^\w\s]", re.UNICODE)


def ref_analyze(text: str, lexicon: Collection[str]) -> tuple[int, str, str, bool]:
    if not text[:1].isalnum():
        n = norm(text)
        return 0, n, n, False
    prefix, stem = split_proclitics(text, lexicon=lexicon)
    return len(prefix), lookup_form(prefix, stem, lexicon), norm(text), True


def ref_words_of(text: str, lexicon: Collection[str] = frozenset()) -> list[Word]:
    out: list[Word] = []
    for m in _TOKEN.finditer(text):
        t, start, end = m.group(), m.start(), m.end()
        plen, key, whole, is_word = ref_analyze(t, lexicon)
        out.append(Word(t, start, end, start + plen, key, whole, is_word))
    return out


SAMPLES = [
    "",
    "   ",
    "التقى رئيس المجلس الرئاسي الليبي محمد المنفي، اليوم الثلاثاء في العاصمة طرابلس، سفير روسيا "
    "لدى ليبيا حيدر أغانين، وبحث معه للرئيس لليبيا وروسيا بالعاصمة «الوفاق» 10 يونيو/حزيران 2025.",
    "«» , . x_y ٢٠٢٥ \u0651 ﷺ",
]
PARTS = ["و", "ف", "ب", "ل", "ك", "ال", "لل", "ليبيا", "رئيس", "روسيا", "المنفي", "محمد", "\u064b"]
PARTS += [" ", " ", "،", "«", "1", "x", "\n", "ﻻ"]


def _check(text: str, lex: Collection[str]) -> None:
    got = words_of(text, lex)
    assert got == ref_words_of(text, lex)
    assert all(type(w) is Word for w in got)


def test_samples_with_the_shipped_lexicon_and_without() -> None:
    for lex in (lexicon(), frozenset(), frozenset({"ليبيا"})):
        for text in SAMPLES:
            _check(text, lex)
            _check(text, lex)  # again, from the analysis cache


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=20))
def test_words_of_matches_the_reference(parts: list[str]) -> None:
    _check("".join(parts), lexicon())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=50))
def test_words_of_matches_the_reference_on_any_text(text: str) -> None:
    _check(text, frozenset({"ليبيا", "لبنان"}))


def test_words_of_matches_the_reference_on_anercorp_dev(dev_texts: list[str]) -> None:
    for text in dev_texts:
        _check(text, lexicon())


def test_the_analysis_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(words_module, "_CACHE_MAX", 5)
    monkeypatch.setattr(words_module, "_CACHES", {})
    lex = frozenset({"x"})
    text = SAMPLES[2]
    assert words_of(text, lex) == ref_words_of(text, lex)
    assert len(words_module._CACHES[id(lex)][1]) == 5
    for i in range(20):  # more lexicons than the cache keeps
        words_of("كلمة", frozenset({str(i)}))
    assert len(words_module._CACHES) <= 8
