"""The word view the rules work on: each token of a text with its proclitics split off and its
normalized lookup form, keeping character offsets into the display text."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from khabar.core.text.clitics import lookup_form, split_proclitics
from khabar.core.text.normalize import norm
from khabar.core.text.tokens import Token, tokenize


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # the token as written
    start: int  # token start in the text
    end: int
    stem_start: int  # start after the attached proclitics
    key: str  # normalized dictionary form of the stem ("للرئيس" -> "الرئيس")
    whole: str  # normalized form of the whole token

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def surface(self) -> str:
        """The stem as written (the entity's surface form when it starts a mention)."""
        return self.text[self.stem_start - self.start :]


def analyze(text: str, lexicon: Collection[str]) -> tuple[int, str, str]:
    """(proclitic length, normalized stem form, normalized whole) of one token."""
    if not text[:1].isalnum():
        n = norm(text)
        return 0, n, n
    prefix, stem = split_proclitics(text, lexicon=lexicon)
    return len(prefix), lookup_form(prefix, stem, lexicon), norm(text)


def to_word(tok: Token, lexicon: Collection[str], cache: dict[str, tuple[int, str, str]]) -> Word:
    got = cache.get(tok.text)
    if got is None:
        got = analyze(tok.text, lexicon)
        if len(cache) < _CACHE_MAX:
            cache[tok.text] = got
    plen, key, whole = got
    return Word(tok.text, tok.start, tok.end, tok.start + plen, key, whole)


# Token analyses are memoized per lexicon: news vocabulary repeats, and normalizing and splitting
# clitics is most of the tagger's own time.
_CACHE_MAX = 200_000
_CACHES: dict[int, tuple[Collection[str], dict[str, tuple[int, str, str]]]] = {}


def words_of(text: str, lexicon: Collection[str] = frozenset()) -> list[Word]:
    entry = _CACHES.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        entry = (lexicon, {})
        _CACHES[id(lexicon)] = entry
    cache = entry[1]
    return [to_word(t, lexicon, cache) for t in tokenize(text)]
