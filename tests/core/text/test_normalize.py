from hypothesis import given
from hypothesis import strategies as st

from khabar.core.text.normalize import clean_display, norm, normalize


def test_matching_form_folds_orthographic_variants() -> None:
    assert norm("أحمد") == norm("احمد") == norm("إحمد")
    assert norm("مُحَمَّد") == "محمد"
    assert norm("الرئيـــس") == "الرئيس"
    assert norm("وزیر الخارجیة") == norm("وزير الخارجية")  # Persian yeh
    assert norm("کرکوک") == norm("كركوك")  # Persian kaf
    assert norm("مصطفى") == norm("مصطفي")
    assert norm("ليبيا\u200f\u00a0  وروسيا") == "ليبيا وروسيا"


def test_offsets_map_back_to_the_original() -> None:
    text = "قال الرئيسُ الـمصري"
    nt = normalize(text)
    start = nt.text.index("المصري")
    s, e = nt.to_original(start, start + len("المصري"))
    assert text[s:e] == "الـمصري"


def test_display_form_keeps_letters_and_diacritics() -> None:
    assert clean_display("  اسْتقبل\u200b\u200f  الرئيسُ\u00a0الوفدَ ") == "اسْتقبل الرئيسُ الوفدَ"
    assert clean_display("وزیر") == "وزیر"  # display keeps the outlet's spelling


@given(st.text(max_size=60))
def test_offsets_are_monotonic_and_in_range(text: str) -> None:
    nt = normalize(text)
    assert len(nt.offsets) == len(nt.text) + 1
    assert list(nt.offsets) == sorted(nt.offsets)
    assert all(0 <= o <= len(text) for o in nt.offsets)


@given(st.text(max_size=60))
def test_normalization_and_display_are_idempotent(text: str) -> None:
    assert norm(norm(text)) == norm(text)
    assert clean_display(clean_display(text)) == clean_display(text)


@given(st.text(max_size=60))
def test_norm_is_the_text_of_normalize(text: str) -> None:
    # norm() takes a faster path without the offset map; both must agree.
    assert norm(text) == normalize(text).text
