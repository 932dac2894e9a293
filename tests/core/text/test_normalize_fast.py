"""normalize() (translate + regex) gives exactly what the character-by-character loop gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.text.normalize import NormalizedText, normalize, normalize_char


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
