"""The word view the rules work on: each token of a text with its proclitics split off and its
normalized lookup form, keeping character offsets into the display text."""

from __future__ import annotations

from collections.abc import Collection
from itertools import repeat
from operator import add
from typing import NamedTuple

from khabar.core.text.clitics import lookup_form, split_proclitics
from khabar.core.text.normalize import norm
from khabar.core.text.tokens import spans


class Word(NamedTuple):
    # A NamedTuple (built at tuple speed) rather than a frozen dataclass: one per token per text.
    text: str  # the token as written
    start: int  # token start in the text
    end: int
    stem_start: int  # start after the attached proclitics
    key: str  # normalized dictionary form of the stem ("للرئيس" -> "الرئيس")
    whole: str  # normalized form of the whole token
    is_word: bool  # starts with a letter or digit (rules test it for every word, so it is stored)

    @property
    def surface(self) -> str:
        """The stem as written (the entity's surface form when it starts a mention)."""
        return self.text[self.stem_start - self.start :]


def analyze(text: str, lexicon: Collection[str]) -> tuple[int, str, str, bool]:
    """(proclitic length, normalized stem form, normalized whole, is_word) of one token."""
    if not text[:1].isalnum():
        n = norm(text)
        return 0, n, n, False
    prefix, stem = split_proclitics(text, lexicon=lexicon)
    return len(prefix), lookup_form(prefix, stem, lexicon), norm(text), True


# Token analyses are memoized per lexicon: news vocabulary repeats, and normalizing and splitting
# clitics is most of the tagger's own time.
_CACHE_MAX = 200_000
_CACHES: dict[int, tuple[Collection[str], dict[str, tuple[int, str, str, bool]]]] = {}
_new = tuple.__new__


def words_of(text: str, lexicon: Collection[str] = frozenset()) -> list[Word]:
    entry = _CACHES.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        if len(_CACHES) >= 8:  # one lexicon in service; tests make a few
            _CACHES.clear()
        entry = (lexicon, {})
        _CACHES[id(lexicon)] = entry
    cache = entry[1]
    toks, starts, ends = spans(text)
    if not toks:
        return []
    # Built column by column (lookups, then one zip into Words) so that a token seen before costs
    # no Python-level step: news vocabulary repeats, so misses are few.
    got = list(map(cache.get, toks))
    if None in got:
        for i, hit in enumerate(got):
            if hit is None:
                tok = toks[i]
                got[i] = hit = analyze(tok, lexicon)
                if len(cache) < _CACHE_MAX:
                    cache[tok] = hit
    prefix_len, key, whole, is_word = zip(*got, strict=True)
    stem_start = map(add, starts, prefix_len)
    columns = zip(toks, starts, ends, stem_start, key, whole, is_word, strict=True)
    return list(map(_new, repeat(Word), columns))
