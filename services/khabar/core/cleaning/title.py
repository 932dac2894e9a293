"""The headline: picked from the lines above the story's first sentence, never a masthead.

Above the story sit the masthead (often printed twice), staff boxes, the headline, captions and
bylines. Mastheads and captions repeat or are short; the headline is the first line of a few words
that is neither.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from khabar.core.cleaning.paragraphs import is_asking_line, is_body_line, word_count
from khabar.core.text.normalize import norm

__all__ = ["Preamble", "pick_title"]

_MIN_TITLE_WORDS = 3
_PREFERRED_TITLE_WORDS = 4
# A repeated line this short is a masthead or caption ("اتحاد العالم الإسلامي" twice, "ليبيا" twice);
# a longer one is a headline the page printed twice.
_MAX_MASTHEAD_WORDS = 4


@dataclass(frozen=True)
class Preamble:
    title: str | None
    mastheads: frozenset[str]  # normalized lines recognised as the outlet's name


def pick_title(lines: Sequence[str], hint: str | None = None, known_names: Iterable[str] = ()) -> Preamble:
    """Choose the headline among the preamble `lines` (furniture already removed). A feed's title
    `hint` wins; lines equal to a known outlet name are mastheads."""
    counts = Counter(norm(line) for line in lines)
    mastheads = {n for n, c in counts.items() if c > 1 and word_count(n) <= _MAX_MASTHEAD_WORDS}
    mastheads |= {norm(name) for name in known_names if name}
    if hint:
        return Preamble(hint.strip(), frozenset(mastheads))
    # A short question or exclamation is a headline too ("هل يلتقي الشرع نتنياهو؟"): the caller
    # hands over only lines above the first sentence.
    candidates = [
        ln for ln in lines if norm(ln) not in mastheads and (not is_body_line(ln) or is_asking_line(ln))
    ]
    preferred = [ln for ln in candidates if word_count(ln) >= _PREFERRED_TITLE_WORDS]
    acceptable = [ln for ln in candidates if word_count(ln) >= _MIN_TITLE_WORDS]
    chosen = preferred or acceptable
    title = chosen[0] if chosen else None
    return Preamble(title, frozenset(mastheads))
