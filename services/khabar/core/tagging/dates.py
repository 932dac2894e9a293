"""DATE mentions: explicit ("10 يونيو 2025", "يونيو/حزيران 2025", "عام 2025") and relative
("اليوم الثلاثاء", "أمس", "الخميس الماضي", "منتصف شهر أكتوبر المقبل", "الأسبوع المقبل").

The tagger only finds and delimits them; `value` is set when the expression alone fixes it
(ISO day, month or year); the event stage resolves relative ones against the publish date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, or_

from khabar.core.tagging.words import Word
from khabar.core.text.calendar import (
    DAY_WORDS,
    FUTURE_MARKERS,
    MONTHS,
    PAST_MARKERS,
    RELATIVE_DAYS,
    WEEKDAYS,
    bare_weekday,
)
from khabar.core.text.normalize import norm

_MODIFIERS = frozenset(
    norm(w)
    for w in [
        "منتصف",
        "أواسط",
        "أواخر",
        "أوائل",
        "مطلع",
        "بداية",
        "بدايه",
        "نهاية",
        "مطلع",
        "مساء",
        "صباح",
        "ظهر",
        "فجر",
        "ليلة",
        "عشية",
        "غداة",
    ]
)
_MONTH_WORD = norm("شهر")
_PERIODS = frozenset(norm(w) for w in ("الأسبوع", "الشهر", "العام", "السنة", "الأسبوع", "العقد"))
_YEAR_WORDS = frozenset(norm(w) for w in ("عام", "العام", "سنة", "السنة"))
_MARKERS = PAST_MARKERS | FUTURE_MARKERS
# Month names that are also common words (أب "father", مارس "practised"): only with a day,
# a year, a marker or after شهر.
_AMBIGUOUS_MONTHS = frozenset(norm(w) for w in ("آب", "اب", "ماي", "مارس", "أيار"))
_SEP = frozenset({"/", "-", "،", "(", ")"})


@dataclass(frozen=True, slots=True)
class DateSpan:
    first: int
    last: int
    value: str | None


def _num(w: Word) -> int | None:
    t = w.text
    if t.isdigit():  # str.isdigit accepts Arabic-Indic digits too; int() converts them
        return int(t)
    return None


def _month_at(words: Sequence[Word], i: int) -> tuple[int, int] | None:
    """(month number, index past it) for a month name at words[i], one or two words, with an
    optional alternative name after a slash or in brackets ("يونيو/حزيران")."""
    if i >= len(words):
        return None
    two = f"{words[i].key} {words[i + 1].key}" if i + 1 < len(words) else ""
    if two in MONTHS:
        m, j = MONTHS[two], i + 2
    elif words[i].key in MONTHS:
        m, j = MONTHS[words[i].key], i + 1
    else:
        return None
    if j + 1 < len(words) and words[j].text in _SEP:
        alt = _month_at(words, j + 1)
        if alt is not None and alt[0] == m:
            j = alt[1]
            if j < len(words) and words[j].text == ")":
                j += 1
    return m, j


def _year_at(words: Sequence[Word], i: int) -> int | None:
    if i < len(words):
        n = _num(words[i])
        if n is not None and 1900 <= n <= 2100:
            return n
    return None


def _match(words: Sequence[Word], i: int) -> tuple[int, str | None] | None:
    """(index past the expression, value) for a date expression starting at words[i]."""
    k = words[i].key
    j = i
    if k == _MONTH_WORD and i + 1 < len(words) and _month_at(words, i + 1) is not None:
        m, j = _month_at(words, i + 1) or (0, i + 1)
        year = _year_at(words, j)
        if year is not None:
            return j + 1, f"{year:04d}-{m:02d}"
        if j < len(words) and words[j].key in _MARKERS:
            return j + 1, None
        return j, None
    if k in _MODIFIERS:
        j += 1
        inner = _match(words, j) if j < len(words) else None
        if inner is None:
            return None
        # "منتصف أكتوبر 2025": the month (or year) still holds; the day does not.
        value = inner[1][:7] if inner[1] else None
        return inner[0], value
    if k in RELATIVE_DAYS:
        j = i + 1
        if j < len(words) and words[j].key in WEEKDAYS:
            j += 1
        return j, None
    if k in WEEKDAYS and (not bare_weekday(k) or (i > 0 and words[i - 1].key in DAY_WORDS)):
        j = i + 1
        if j < len(words) and words[j].key in _MARKERS:
            return j + 1, None
        if j < len(words) and (_num(words[j]) is not None or words[j].key in MONTHS):
            inner = _match(words, j)
            if inner is not None:
                return inner
        return j, None
    day = _num(words[i])
    if day is not None and 1 <= day <= 31:
        month = _month_at(words, i + 1)
        if month is None:
            return None
        m, j = month
        year = _year_at(words, j)
        if year is not None:
            return j + 1, f"{year:04d}-{m:02d}-{day:02d}"
        return j, None
    month = _month_at(words, i)
    if month is not None:
        m, j = month
        year = _year_at(words, j)
        if year is not None:
            return j + 1, f"{year:04d}-{m:02d}"
        if j < len(words) and words[j].key in _MARKERS:
            return j + 1, None
        if k in _AMBIGUOUS_MONTHS:
            return None
        return j, None
    if k in _YEAR_WORDS:
        year = _year_at(words, i + 1)
        if year is not None:
            return i + 2, f"{year:04d}"
    if k in _PERIODS and i + 1 < len(words) and words[i + 1].key in _MARKERS:
        return i + 2, None
    return None


def _prefixes(names: Iterable[str]) -> frozenset[str]:
    """Each name and each of its leading parts that ends before a space: what words[i].key must be
    for f"{words[i].key} {words[i + 1].key}" to be the name (a key may itself hold a space)."""
    out: set[str] = set()
    for n in names:
        out.add(n)
        out.update(n[:i] for i, c in enumerate(n) if c == " ")
    return frozenset(out)


# Every key _match can start an expression at: a date starts at one of these words or at digits
# (a day), so find_dates looks nowhere else. Built from the same tables _match reads.
_TRIGGERS = (
    frozenset({_MONTH_WORD})
    | _MODIFIERS
    | _prefixes(RELATIVE_DAYS)
    | _prefixes(WEEKDAYS)
    | _prefixes(MONTHS)
    | _YEAR_WORDS
    | _PERIODS
)
_TEXT = attrgetter("text")
_KEY = attrgetter("key")


def find_dates(words: Sequence[Word]) -> list[DateSpan]:
    out: list[DateSpan] = []
    # Candidate starts, found without a Python-level step per word: a trigger key or digits.
    flags = map(or_, map(_TRIGGERS.__contains__, map(_KEY, words)), map(str.isdigit, map(_TEXT, words)))
    end = 0
    for i in compress(range(len(words)), flags):
        if i < end or not words[i].is_word:
            continue
        found = _match(words, i)
        if found is not None and found[0] > i:
            end, value = found
            out.append(DateSpan(i, end - 1, value))
    return out
