import itertools

from hypothesis import given
from hypothesis import strategies as st

from khabar.core.text.tokens import tokenize


def test_tokens_point_back_into_the_text() -> None:
    text = "استقبل الرئيس، محمد المنفي «بوتين» في طرابلس."
    toks = tokenize(text)
    assert [t.text for t in toks][:3] == ["استقبل", "الرئيس", "،"]
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert "«" in [t.text for t in toks] and toks[-1].text == "."


def test_diacritics_and_tatweel_stay_inside_a_word() -> None:
    toks = tokenize("سلّم الدعـــوة")
    assert [t.text for t in toks] == ["سلّم", "الدعـــوة"]


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ،.«»0123456789", max_size=60))
def test_tokens_cover_every_non_space_character(text: str) -> None:
    toks = tokenize(text)
    covered = "".join(t.text for t in toks)
    assert covered == "".join(text.split())
    assert all(a.end <= b.start for a, b in itertools.pairwise(toks))
