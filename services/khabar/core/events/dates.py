"""When an event happened: explicit dates and relative expressions in its sentence, resolved
against the article's publication date, with a precision. Never the processing time: without a
publication date a relative expression ("أمس") resolves to nothing.

Handled: "10 يونيو 2025" / "10 حزيران" (day), "شهر مايو المقبل" / "منتصف أكتوبر 2025" (month),
"اليوم الإثنين" / "أمس" / "أول أمس" (day, relative), "الخميس الماضي" / "يوم السبت" (the most recent
such weekday on or before publication; after it with a future marker), "عام 2015" (year).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from khabar.core.models import DatePrecision
from khabar.core.text.calendar import (
    CURRENT_MARKERS,
    DAY_WORDS,
    FUTURE_MARKERS,
    MONTHS,
    PAST_MARKERS,
    RELATIVE_DAYS,
    WEEKDAYS,
    bare_weekday,
)
from khabar.core.text.normalize import norm

__all__ = ["DateMention", "find_dates"]

_MONTH_WORDS = frozenset(w for key in MONTHS for w in key.split())
_YEAR_WORDS = frozenset(norm(w) for w in ("عام", "العام", "سنة", "لعام"))
_MONTH_PREFIX = frozenset(
    norm(w) for w in ("شهر", "منتصف", "مطلع", "أواخر", "أوائل", "نهاية", "بداية", "خلال")
)


@dataclass(frozen=True, slots=True)
class DateMention:
    date: dt.date
    precision: DatePrecision
    future: bool  # marked as after publication ("المقبل") or resolved after it
    index: int  # token index where the expression starts
    since: bool = False  # after "منذ": when a state began ("الساري منذ 27 نوفمبر"), not an act's date
    named: bool = False  # inside a document's name ("اتفاقية فصل القوات لعام 1974"), not an act's date


def _strip(word: str) -> str:
    """Drop a glued preposition or conjunction (وأمس، بالخميس) for calendar lookups."""
    for prefix in ("وال", "بال", "فال", "ال"):
        if word.startswith(prefix) and word[len(prefix) - 2 :] in WEEKDAYS:
            return word[len(prefix) - 2 :]
    if word[:1] in "وبف" and word[1:] in WEEKDAYS | RELATIVE_DAYS.keys() | MONTHS.keys():
        return word[1:]
    return word


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() and len(word) <= 4 else None


def _month_at(words: list[str], i: int) -> tuple[int, int] | None:
    """(month number, tokens used) when a month name starts at i ("تشرين الاول" takes two)."""
    if i + 1 < len(words) and f"{_strip(words[i])} {words[i + 1]}" in MONTHS:
        return MONTHS[f"{_strip(words[i])} {words[i + 1]}"], 2
    w = _strip(words[i])
    if w in MONTHS:
        return MONTHS[w], 1
    return None


_MONTH_NOUNS = frozenset(norm(w) for w in ("الشهر", "شهر"))
_YEAR_NOUNS = frozenset(norm(w) for w in ("العام", "السنة", "عام"))


def _relative_period(words: list[str], i: int, published: dt.date | None) -> DateMention | None:
    """ "الشهر الماضي", "العام المقبل", "الشهر الجاري": a month or year counted from publication.
    (A week has no precision of its own in the contract: "الأسبوع الماضي" is left undated.)"""
    if published is None or i + 1 >= len(words):
        return None
    w, nxt = _strip(words[i]), words[i + 1]
    step = (
        0
        if nxt in CURRENT_MARKERS
        else (1 if nxt in FUTURE_MARKERS else (-1 if nxt in PAST_MARKERS else None))
    )
    if step is None:
        return None
    if w in _MONTH_NOUNS:
        total = published.year * 12 + published.month - 1 + step
        return DateMention(dt.date(total // 12, total % 12 + 1, 1), DatePrecision.MONTH, step > 0, i)
    if w in _YEAR_NOUNS:
        return DateMention(dt.date(published.year + step, 1, 1), DatePrecision.YEAR, step > 0, i)
    return None


def _marker(words: list[str], j: int) -> str | None:
    if j < len(words):
        if words[j] in FUTURE_MARKERS:
            return "future"
        if words[j] in PAST_MARKERS:
            return "past"
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_year(month: int, marker: str | None, published: dt.date) -> int:
    if marker == "future" and month < published.month:
        return published.year + 1
    if marker == "past" and month > published.month:
        return published.year - 1
    return published.year


def _weekday(target: int, marker: str | None, published: dt.date) -> dt.date:
    back = (published.weekday() - target) % 7
    if marker == "future":
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    if marker == "past" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


_SINCE = frozenset(norm(w) for w in ("منذ", "ومنذ"))


def find_dates(words: list[str], published: dt.date | None) -> list[DateMention]:
    """Date expressions in a sentence's normalized `words`, in order."""
    out = []
    for d in _find_dates(words, published):
        if d.index > 0 and words[d.index - 1] in _SINCE:
            d = dataclasses.replace(d, since=True)
        if _names_document(words, d.index):
            d = dataclasses.replace(d, named=True)
        out.append(d)
    return out


# Nouns of documents and lines whose name may carry a year ("اتفاقية فصل القوات لعام 1974",
# "قرار مجلس الأمن 2231 لعام 2015", "حدود عام 1967").
_DOCUMENTS = frozenset(
    norm(w)
    for w in (
        *("اتفاقية", "الاتفاقية", "اتفاق", "الاتفاق", "معاهدة", "المعاهدة", "قرار", "القرار"),
        *("إعلان", "الإعلان", "دستور", "الدستور", "قانون", "القانون", "خطة", "الخطة", "مبادرة"),
        *("المبادرة", "حدود", "الحدود", "خطوط", "اتفاقيات", "قرارات", "بروتوكول", "البروتوكول"),
        *("بحدود", "باتفاقية", "باتفاق", "بالاتفاق", "بالاتفاقية", "بقرار", "بالقرار", "لاتفاقية"),
    )
)
_TIME_PREPOSITIONS = frozenset(norm(w) for w in ("في", "خلال", "منذ", "قبل", "بعد", "حتى", "مطلع", "نهاية"))
_DOCUMENT_REACH = 5  # words from the document noun to the year word ("اتفاقية فصل القوات لعام")


def _names_document(words: list[str], index: int) -> bool:
    """A year written right after a document noun and a few words of its name, with no comma or
    verb between: the year names the document, it does not date the act."""
    if norm(words[index]) not in _YEAR_WORDS or index + 1 >= len(words) or _number(words[index + 1]) is None:
        return False
    for k in range(index - 1, max(-1, index - 1 - _DOCUMENT_REACH), -1):
        if not words[k][:1].isalnum() or norm(words[k]) in _TIME_PREPOSITIONS:
            return False  # "وقعا الاتفاقية في عام 2015": the year of the act
        if norm(words[k]) in _DOCUMENTS:
            return True
    return False


def _find_dates(words: list[str], published: dt.date | None) -> list[DateMention]:
    out: list[DateMention] = []
    i = 0
    while i < len(words):
        w = _strip(words[i])
        num = _number(w)
        month = _month_at(words, i + 1) if num is not None and i + 1 < len(words) else None
        if num is not None and 1 <= num <= 31 and month:
            m, used = month
            j = i + 1 + used
            year = _number(words[j]) if j < len(words) else None
            if year is not None and year >= 1900:
                d = _safe_date(year, m, num)
                j += 1
                marker = None
            elif published:
                marker = _marker(words, j)
                d = _safe_date(_month_year(m, marker, published), m, num)
            else:
                d = None
            if d:
                out.append(DateMention(d, DatePrecision.DAY, bool(published and d > published), i))
            i = j
            continue
        month = _month_at(words, i)
        if month and (
            (i > 0 and (words[i - 1] in _MONTH_PREFIX or _strip(words[i - 1]) in _MONTH_PREFIX))
            or (
                i + 1 < len(words)
                and (_number(words[i + 1]) or words[i + 1] in FUTURE_MARKERS | PAST_MARKERS)
            )
        ):
            m, used = month
            j = i + used
            year = _number(words[j]) if j < len(words) else None
            marker = _marker(words, j)
            if year is not None and year >= 1900:
                out.append(
                    DateMention(
                        dt.date(year, m, 1),
                        DatePrecision.MONTH,
                        bool(published and (year, m) > (published.year, published.month)),
                        i,
                    )
                )
            elif published:
                y = _month_year(m, marker, published)
                out.append(
                    DateMention(
                        dt.date(y, m, 1),
                        DatePrecision.MONTH,
                        marker == "future" or (y, m) > (published.year, published.month),
                        i,
                    )
                )
            i = j + 1
            continue
        period = _relative_period(words, i, published)
        if period is not None:
            out.append(period)
            i += 2
            continue
        if w in _YEAR_WORDS and i + 1 < len(words):
            year = _number(words[i + 1])
            if year is not None and 1900 <= year <= 2100:
                out.append(
                    DateMention(
                        dt.date(year, 1, 1), DatePrecision.YEAR, bool(published and year > published.year), i
                    )
                )
                i += 2
                continue
        two = f"{w} {words[i + 1]}" if i + 1 < len(words) else ""
        three = f"{two} {words[i + 2]}" if i + 2 < len(words) else ""
        rel = next((k for k in (three, two, w) if k and k in RELATIVE_DAYS), None)
        if rel is not None:
            used = len(rel.split())
            if published:
                d = published + dt.timedelta(days=RELATIVE_DAYS[rel])
                j = i + used
                if j < len(words) and _strip(words[j]) in WEEKDAYS:
                    target = WEEKDAYS[_strip(words[j])]
                    if d.weekday() != target and RELATIVE_DAYS[rel] == 0:
                        d = _weekday(target, None, published)  # "اليوم الخميس" published the next day
                    elif d.weekday() != target and RELATIVE_DAYS[rel] > 0:
                        d = _weekday(target, "future", published)  # "غدا الأربعاء": the coming one
                    used += 1
                out.append(DateMention(d, DatePrecision.DAY, d > published, i))
            i += used
            continue
        if w in WEEKDAYS and (not bare_weekday(w) or (i > 0 and _strip(words[i - 1]) in DAY_WORDS)):
            marker = _marker(words, i + 1)
            if published:
                d = _weekday(WEEKDAYS[w], marker, published)
                out.append(DateMention(d, DatePrecision.DAY, d > published, i))
            i += 2 if marker else 1
            continue
        i += 1
    return out
