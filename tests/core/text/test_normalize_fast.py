"""normalize() and norm() (translate + regex, with bounded translate tables) give exactly what the
character-by-character loop gives."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.text import normalize as normalize_module
from khabar.core.text.normalize import NormalizedText, norm, normalize, normalize_char


def ref_normalize(text: str, fold: bool = True) -> NormalizedText:
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        for c in normalize_char(ch, fold):
            if c.isspace():
                if not out or out[-1] == " ":
                    continue
                c = " "
            out.append(c)
            offsets.append(i)
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    offsets.append(len(text))
    return NormalizedText("".join(out), tuple(offsets))


# Arabic letters, hamza forms, diacritics, tatweel, Persian letters, invisible and bidi marks,
# presentation forms and ligatures (NFKC expands them, some into spaces), and assorted whitespace.
ALPHABET = (
    "ابتثجحخدذرسشصضطظعغفقكلمنهوي"
    "أإآٱىةءئؤ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
    "یکۀەھڪ"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\ufeff\u00ad"
    "\ufefb\ufdf2\ufe8d\ufb50\u00a8\u00bd\u2126\ufb01Å"
    " \t\n\r\u00a0\u2003\u3000\x1c"
    "aZ09.,؟«»-"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80), st.booleans())
def test_normalize_matches_the_character_loop(text: str, fold: bool) -> None:
    assert normalize(text, fold) == ref_normalize(text, fold)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.booleans())
def test_normalize_matches_the_character_loop_on_any_text(text: str, fold: bool) -> None:
    assert normalize(text, fold) == ref_normalize(text, fold)


def test_edge_cases() -> None:
    for text in ["", " ", "   ", " ا ", "ا  ب", "\u064b", " \u064b ", "\u00a8", "ا\u00a8ب", "\ufdfa x"]:
        for fold in (True, False):
            assert normalize(text, fold) == ref_normalize(text, fold), repr(text)


def ref_norm(text: str) -> str:
    return " ".join("".join(normalize_char(ch) for ch in text).split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_norm_matches_the_character_loop(text: str) -> None:
    assert norm(text) == ref_norm(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=6), st.booleans())
def test_bounded_tables_start_over_without_changing_results(texts: list[str], fold: bool) -> None:
    # A bound smaller than one text's alphabet: the tables start over before almost every call.
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(normalize_module, "_TABLE_MAX", 4)
        for text in texts:
            assert normalize(text, fold) == ref_normalize(text, fold)
            norm.cache_clear()
            assert norm(text) == ref_norm(text)
    for text in texts:
        assert normalize(text, fold) == ref_normalize(text, fold)


def test_tables_stay_bounded() -> None:
    many = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 6000))
    for fold in (True, False):
        assert normalize(many, fold) == ref_normalize(many, fold)
        assert normalize("ابت", fold) == ref_normalize("ابت", fold)
        assert len(normalize_module._SEQUENCES[fold]) <= normalize_module._TABLE_MAX
    norm.cache_clear()
    assert norm(many) == ref_norm(many)
    assert len(normalize_module._TABLE) <= normalize_module._TABLE_MAX
    assert normalize_char.cache_info().maxsize is not None


def test_normalize_matches_the_character_loop_on_anercorp_dev_and_seeds(
    dev_texts: list[str], seed_texts: list[str]
) -> None:
    texts = dev_texts + seed_texts
    for text in texts:
        for fold in (True, False):
            assert normalize(text, fold) == ref_normalize(text, fold)
        assert norm(text) == ref_norm(text)
