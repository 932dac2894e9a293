"""Arabic orthographic normalization for matching, with an offset map back to the display text.

The clean body keeps the original letters for display; every matcher (gazetteers, lexicons, model
features) works on the normalized form, and spans found there map back through `offsets`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from pyarabic import araby

# Diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks) carry no identity for
# matching news text, and writers use them inconsistently.
_DROP = (
    frozenset(araby.TASHKEEL)
    | frozenset("\u0670\u0640")
    | frozenset(chr(c) for c in (*range(0x0610, 0x061B), *range(0x06D6, 0x06EE)))
)
# Zero-width and bidi control characters scrapers leave behind.
_INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"
)
# Persian/Urdu letters that Arabic pages mix in (keyboard layouts), folded to their Arabic forms.
_LETTERS = {"ی": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ڪ": "ك", "ي": "ي"}
# Folds for matching only: hamza-carrying alefs, alef maqsura, ta marbuta.
_FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
_SPACE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """`text` is the normalized string; offsets[i] is the index in the original of text[i], with one
    extra entry (len(original)) so an end offset maps too."""

    text: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalized text to the original text."""
        if start >= end:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


@lru_cache(maxsize=16384)  # one entry per distinct character seen; bounded for the service
def normalize_char(ch: str, fold: bool = True) -> str:
    """Normalized form of one character: '' when it is dropped."""
    if ch in _DROP or ch in _INVISIBLE:
        return ""
    if _SPACE.match(ch) or ch == "\u00a0":
        return " "
    ch = _LETTERS.get(ch, ch)
    if fold:
        ch = _FOLD.get(ch, ch)
    if ord(ch) > 0x7F and not ("\u0600" <= ch <= "\u06ff"):
        # Compatibility forms (Arabic presentation forms, ligatures) expand into ordinary characters,
        # which then get the same treatment (a diacritic inside a ligature is dropped too).
        expanded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", ch).lower())
        if expanded != ch:
            return "".join(normalize_char(c, fold) for c in expanded)
        return ch
    return ch.lower()


# Past this many characters a translate table starts over rather than grow without limit (a text
# of one script, digits and punctuation needs a few hundred).
_TABLE_MAX = 4096


class _Sequences(dict[str, str]):
    """Translation table: each character to what normalize() appends for it (normalize_char with
    every whitespace character as a space), filled on first sight. Characters that do not map to
    exactly one character are `irregular`; between them the offset map is the identity."""

    def __init__(self, fold: bool) -> None:
        super().__init__()
        self.fold = fold
        self.irregular: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        # Characters known to map to themselves (most letters of a text), and a pattern that
        # splits out every other character, rebuilt when that set has grown.
        self._same: set[str] = set()
        self._others: re.Pattern[str] | None = None

    def __missing__(self, key: str) -> str:
        value = "".join(" " if c.isspace() else c for c in normalize_char(key, self.fold))
        if len(value) != 1:
            self.irregular.add(key)
            self._pattern = None
        elif value == key:
            self._same.add(key)
            self._others = None
        self[key] = value
        return value

    def bound(self) -> None:
        """Start over when the table is large. Called between texts, never while one is being
        translated: sources() needs every irregular character of the text still listed."""
        if len(self) > _TABLE_MAX:
            self.clear()
            self.irregular.clear()
            self._pattern = None
            self._same.clear()
            self._others = None

    def translate(self, text: str) -> str:
        """text.translate(self) as str.translate would give it with an ordinal-keyed table, faster:
        str.translate looks every character up (a new int object each outside Latin-1), while
        here one C-level split isolates the characters not known to map to themselves (in Arabic
        news a tenth: ة، أ، ى، newlines, diacritics) and only those are looked up."""
        if self._others is None:
            same = "".join(re.escape(c) for c in sorted(self._same))
            self._others = re.compile(f"([^{same}])" if same else "(.)", re.DOTALL)
        parts = self._others.split(text)
        parts[1::2] = map(self.__getitem__, parts[1::2])
        return "".join(parts)

    def sources(self, text: str) -> Sequence[int]:
        """For each character of self.translate(text), the index in `text` it comes from (call
        after translating, so every character of `text` is known)."""
        if not self.irregular:
            return range(len(text))
        if self._pattern is None:
            self._pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(self.irregular)) + "]")
        src: list[int] | None = None
        pos = 0
        for m in self._pattern.finditer(text):
            if src is None:
                src = []
            i = m.start()
            src += range(pos, i)
            src += [i] * len(self[text[i]])
            pos = i + 1
        if src is None:
            return range(len(text))
        src += range(pos, len(text))
        return src


_SEQUENCES = {True: _Sequences(True), False: _Sequences(False)}
_SPACE_RUN = re.compile("  +")


def normalize(text: str, fold: bool = True) -> NormalizedText:
    """Normalize `text` for matching: diacritics, tatweel and invisible characters removed, Persian
    letters folded to Arabic, whitespace collapsed to single spaces, and (fold=True) hamza alefs,
    alef maqsura and ta marbuta folded. Returns the text with its offset map."""
    # One C-level translation and a search for runs of spaces give what appending
    # normalize_char() character by character gives, several times faster on article-sized text.
    table = _SEQUENCES[bool(fold)]
    table.bound()
    pre = table.translate(text)
    src = table.sources(text)
    # Spaces to drop: leading and trailing ones, and all but the first of a run.
    a = len(pre) - len(pre.lstrip(" "))
    b = len(pre.rstrip(" ")) if a < len(pre) else a
    kept: list[tuple[int, int]] = []
    for m in _SPACE_RUN.finditer(pre, a, b):
        kept.append((a, m.start() + 1))
        a = m.end()
    if a < b:
        kept.append((a, b))
    if len(kept) == 1 and kept[0] == (0, len(pre)):
        out = pre
        offsets = [*src, len(text)]
    else:
        out = "".join(pre[i:j] for i, j in kept)
        offsets = list(chain.from_iterable(src[i:j] for i, j in kept))
        offsets.append(len(text))
    return NormalizedText(out, tuple(offsets))


class _Table(dict[int, str]):
    """str.translate table filled on first sight of each character (the same as normalize_char),
    bounded like _Sequences' tables."""

    def __missing__(self, key: int) -> str:
        value = normalize_char(chr(key))
        if len(self) >= _TABLE_MAX:
            self.clear()
        self[key] = value
        return value


_TABLE = _Table()


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """The normalized string alone, for keys and lookups: normalize(text).text, computed without the
    offset map (translate, then collapse whitespace)."""
    return " ".join(text.translate(_TABLE).split())


_RUNS_OF_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def clean_display(text: str) -> str:
    """Display form of one line: invisible characters removed and runs of spaces collapsed, letters and
    diacritics kept as written (the reader sees the outlet's spelling; matching uses normalize())."""
    visible = "".join(ch for ch in text if ch not in _INVISIBLE)
    return _RUNS_OF_SPACE.sub(" ", visible).strip()
