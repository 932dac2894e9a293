"""tokenize (one re.split and summed lengths, no Python step per token) gives exactly what the
finditer loop it replaced gives (kept here as the reference)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.text.tokens import Token, spans, tokenize

_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[^\w\s]", re.UNICODE)


def ref_tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# Arabic letters, diacritics and tatweel (inside words), Latin, digits of both kinds, punctuation,
# quotes, underscores and assorted whitespace.
ALPHABET = "ابتلمنويةىأ\u064b\u0651\u0652\u0670\u0640\u0610aZ_09٠٩.,،؟«»()-/\"' \t\n\u00a0\u2003"

SAMPLES = [
    "",
    " ",
    "\n\n",
    "كلمة",
    " «المنفي» ",
    "10 يونيو/حزيران 2025.",
    "وقال: \u0651 ـ x_y",
    "ﷺ ﻻ",
    "a\u200bb",
]


def test_samples() -> None:
    for text in SAMPLES:
        assert tokenize(text) == ref_tokenize(text), repr(text)
        toks, starts, ends = spans(text)
        assert [(t.text, t.start, t.end) for t in ref_tokenize(text)] == list(
            zip(toks, starts, ends, strict=True)
        )


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_tokenize_matches_the_reference(text: str) -> None:
    got = tokenize(text)
    assert got == ref_tokenize(text)
    assert all(type(t) is Token for t in got)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_tokenize_matches_the_reference_on_any_text(text: str) -> None:
    assert tokenize(text) == ref_tokenize(text)


def test_tokenize_matches_the_reference_on_anercorp_dev(dev_texts: list[str]) -> None:
    texts = dev_texts
    assert len(texts) > 50
    for text in texts:
        assert tokenize(text) == ref_tokenize(text)
