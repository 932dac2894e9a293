"""Tokenization with character offsets, the unit every sequence model and matcher works on."""

from __future__ import annotations

import re
from itertools import accumulate, repeat
from typing import NamedTuple, Protocol

# A word is a run of letters/digits (Arabic or Latin, with internal diacritics and tatweel);
# every other non-space character is a token of its own (punctuation, quotes, «»).
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[^\w\s]", re.UNICODE)
# The same pattern as one capturing group: re.split then alternates gaps (whitespace only, since
# every other character is a token) and tokens, all in C.
_SPLIT = re.compile(f"({_TOKEN.pattern})", re.UNICODE)


class Token(NamedTuple):
    """A NamedTuple rather than a frozen dataclass: an article has hundreds of tokens, and frozen
    dataclass construction was a visible share of tagging time."""

    text: str
    start: int
    end: int


class Spanned(Protocol):
    """What span readers (sentence splitting, the sequence model) need of a token: a Token, or
    any richer view of one (the tagger's Word), as is."""

    @property
    def text(self) -> str: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_new = tuple.__new__


def spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """(token texts, starts, ends) of `text` as three columns, computed without a Python-level
    step per token: split into [gap, token, gap, ..., token, gap] and sum the lengths."""
    parts = _SPLIT.split(text)
    bounds = list(accumulate(map(len, parts)))
    # bounds[2k] ends gap k, so starts token k; bounds[2k + 1] ends token k. The last gap's end
    # (len(text)) starts no token.
    return parts[1::2], bounds[0:-1:2], bounds[1::2]


def tokenize(text: str) -> list[Token]:
    toks, starts, ends = spans(text)
    return list(map(_new, repeat(Token), zip(toks, starts, ends, strict=True)))
