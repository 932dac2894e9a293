"""Tokenization with character offsets, the unit every sequence model and matcher works on."""

from __future__ import annotations

import re
from typing import NamedTuple

# A word is a run of letters/digits (Arabic or Latin, with internal diacritics and tatweel);
# every other non-space character is a token of its own (punctuation, quotes, «»).
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[^\w\s]", re.UNICODE)


class Token(NamedTuple):
    """A NamedTuple rather than a frozen dataclass: an article has hundreds of tokens, and frozen
    dataclass construction was a visible share of tagging time."""

    text: str
    start: int
    end: int


_new = tuple.__new__


def tokenize(text: str) -> list[Token]:
    return [_new(Token, (m.group(), m.start(), m.end())) for m in _TOKEN.finditer(text)]
