"""Arabic sentence splitting with character spans into the original text.

News sentences end with . ! ? ؟ or the Arabic semicolon ؛ (which, in wire copy, separates
independent clauses that each carry their own verb), and every line break ends a sentence (headlines,
datelines and list items stand alone). A full stop inside a number ("2.5"), after a one-letter
abbreviation ("د." for doctor) or inside a quotation «...» / "..." does not end the sentence, so a
quoted statement stays with the verb that reports it.
"""

from __future__ import annotations

from dataclasses import dataclass

_TERMINALS = frozenset(".!?؟؛…")
_OPEN_QUOTES = {"«": "»", "“": "”", "„": "”"}
# A quote left open this long is a typo, not a quotation; stop protecting it.
_MAX_QUOTE = 400


@dataclass(frozen=True, slots=True)
class Sentence:
    """[start, end) in the text it was split from; `text` has surrounding spaces removed."""

    text: str
    start: int
    end: int


def _is_abbreviation(text: str, i: int) -> bool:
    """A full stop after a single letter word ("د." "م.") marks an abbreviation."""
    j = i - 1
    if j < 0 or not text[j].isalpha():
        return False
    return j == 0 or not text[j - 1].isalpha()


def _is_decimal(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _span(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Sentence(text[start:end], start, end)


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; spans index `text` and never overlap, in order."""
    out: list[Sentence] = []
    start = 0
    closer: str | None = None  # the closing quote we are inside, if any
    quote_start = 0
    straight_open = False
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            closer, straight_open = None, False
            sent = _span(text, start, i)
            if sent:
                out.append(sent)
            start = i + 1
        elif closer is not None:
            if ch == closer or i - quote_start > _MAX_QUOTE:
                closer = None
        elif ch in _OPEN_QUOTES:
            closer, quote_start = _OPEN_QUOTES[ch], i
        elif ch == '"':
            straight_open = not straight_open
            quote_start = i
        elif straight_open and i - quote_start > _MAX_QUOTE:
            straight_open = False
        if ch in _TERMINALS and closer is None and not straight_open:
            if ch == "." and (_is_decimal(text, i) or _is_abbreviation(text, i)):
                i += 1
                continue
            # Runs of terminals ("..." "؟!") and a closing quote right after stay with the sentence.
            end = i + 1
            while end < n and (text[end] in _TERMINALS or text[end] in "»”\"')"):
                end += 1
            sent = _span(text, start, end)
            if sent:
                out.append(sent)
            start = end
            i = end
            continue
        i += 1
    sent = _span(text, start, n)
    if sent:
        out.append(sent)
    return out
