"""Metadata lines of an article: publication date, source and keywords, parsed instead of dropped.

Dates are parsed with our own patterns first (ISO, "10 حزيران 2025", "10th, June 2025 GMT",
"10/06/2025") because dateparser lacks the Levantine and Maghrebi month names; month names come from
khabar.core.text.calendar, and dateparser is the fallback for other spellings. A date needs a day, a
month and a year: relative words ("اليوم") never become a publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum

from khabar.core.text.calendar import MONTHS, WEEKDAYS
from khabar.core.text.normalize import norm

__all__ = ["MetaKind", "MetaLine", "parse_date", "parse_meta_line", "split_keywords"]


class MetaKind(StrEnum):
    PUBLISHED = "published"
    UPDATED = "updated"
    SOURCE = "source"
    KEYWORDS = "keywords"
    AUTHOR = "author"


# Label -> kind. Labels are matched on the normalized line; a separator (":" "-" or a space for the
# unambiguous ones) must follow. "المصدر" needs a colon: "المصدر أكد أن ..." is a sentence.
_LABELS: tuple[tuple[str, MetaKind, bool], ...] = (
    ("تاريخ النشر", MetaKind.PUBLISHED, False),
    ("نشر في", MetaKind.PUBLISHED, False),
    ("نشر بتاريخ", MetaKind.PUBLISHED, False),
    ("تاريخ الإضافة", MetaKind.PUBLISHED, False),
    ("تاريخ الخبر", MetaKind.PUBLISHED, False),
    ("تم النشر", MetaKind.PUBLISHED, False),
    ("التاريخ", MetaKind.PUBLISHED, True),
    ("بتاريخ", MetaKind.PUBLISHED, True),
    ("نشر", MetaKind.PUBLISHED, True),
    ("آخر تحديث", MetaKind.UPDATED, False),
    ("اخر تحديث", MetaKind.UPDATED, False),
    ("تاريخ التحديث", MetaKind.UPDATED, False),
    ("تم التحديث", MetaKind.UPDATED, False),
    ("المصدر", MetaKind.SOURCE, True),
    ("مصدر الخبر", MetaKind.SOURCE, True),
    ("كلمات دلالية", MetaKind.KEYWORDS, False),
    ("الكلمات الدلالية", MetaKind.KEYWORDS, False),
    ("كلمات مفتاحية", MetaKind.KEYWORDS, False),
    ("الكلمات المفتاحية", MetaKind.KEYWORDS, False),
    ("الكلمات الدالة", MetaKind.KEYWORDS, False),
    ("الوسوم", MetaKind.KEYWORDS, False),
    ("وسوم", MetaKind.KEYWORDS, True),
    ("العلامات", MetaKind.KEYWORDS, True),
    ("هاشتاج", MetaKind.KEYWORDS, True),
    ("tags", MetaKind.KEYWORDS, True),
    ("بقلم", MetaKind.AUTHOR, False),
    ("كتب", MetaKind.AUTHOR, True),
    ("كتبت", MetaKind.AUTHOR, True),
    ("تحرير", MetaKind.AUTHOR, True),
    ("إعداد", MetaKind.AUTHOR, True),
)
_NORM_LABELS = sorted(
    ((norm(label), kind, colon) for label, kind, colon in _LABELS), key=lambda x: -len(x[0])
)
_MAX_VALUE_WORDS = {MetaKind.SOURCE: 8, MetaKind.AUTHOR: 6, MetaKind.KEYWORDS: 40}


@dataclass(frozen=True)
class MetaLine:
    kind: MetaKind
    value: str  # display text after the label
    published_at: datetime | None = None


def parse_meta_line(line: str) -> MetaLine | None:
    """The metadata a line states ("تاريخ النشر: ...", "المصدر: ...", "كلمات دلالية: ..."), else None.
    A line that is nothing but a full date (a timestamp under the headline) counts as PUBLISHED."""
    n = norm(line)
    for label, kind, colon in _NORM_LABELS:
        if not n.startswith(label):
            continue
        rest = n[len(label) :]
        m = re.match(r"\s*[:：]\s*" if colon else r"\s*[:：\-–]?\s*", rest)
        if m is None or (not colon and rest and not m.group(0)):
            continue  # the label is only the start of a longer word ("نشرت")
        value = _display_value(line, label_len=len(label), sep_len=m.end(), normalized=n)
        if kind in (MetaKind.PUBLISHED, MetaKind.UPDATED):
            when = parse_date(value)
            if when is None:
                # "تاريخ النشر: منذ ساعتين" is still a date line, just not a usable date; without an
                # explicit colon the label may be the start of a sentence ("نشر في صحيفة ...").
                if ":" in m.group(0) and len(value.split()) <= 10 and not value.endswith("."):
                    return MetaLine(kind, value, None)
                continue
            return MetaLine(kind, value, when)
        if not value or len(value.split()) > _MAX_VALUE_WORDS.get(kind, 40) or value.endswith("."):
            continue
        return MetaLine(kind, value)
    # Up to 12 words: a weekday, a Hijri date and the Gregorian one with their era letters
    # ("الخميس - 22 جمادى الأولى 1447 هـ - 13 نوفمبر 2025 م").
    if sum(1 for w in n.split() if any(c.isalnum() for c in w)) <= _MAX_DATE_LINE_WORDS and _only_date(n):
        when = parse_date(line)
        if when is not None:
            return MetaLine(MetaKind.PUBLISHED, line.strip(), when)
    return None


def _display_value(line: str, label_len: int, sep_len: int, normalized: str) -> str:
    # Cut the original line where the normalized label and separator end (normalization only drops
    # characters, so count kept characters).
    from khabar.core.text.normalize import normalize

    nt = normalize(line)
    cut = label_len + sep_len
    start = nt.offsets[cut] if cut < len(nt.text) else len(line)
    return line[start:].strip(" :：-–\t")


_KEYWORD_SEPARATORS = re.compile(r"\s*[،,;؛|#/]\s*|\s+-\s+")


def split_keywords(value: str) -> list[str]:
    """Keywords of a tag line. Without separators the line is one keyword: space-separated tags are
    multi-word names ("المجلس الرئاسي") that cannot be told apart from the next tag."""
    parts = [p.strip(" .#") for p in _KEYWORD_SEPARATORS.split(value)]
    return [p for p in parts if p]


# --- dates ---------------------------------------------------------------------------------------

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_EN_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_WORDS = {**MONTHS, **_EN_MONTHS}
# Longest first so "كانون الثاني" wins over a one-word name.
_MONTH_ALT = "|".join(re.escape(m) for m in sorted(_MONTH_WORDS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)?"
_ISO = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})?)?"
)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}}){_ORD}\s*[,،]?\s*(?:من\s+)?(?:شهر\s+)?({_MONTH_ALT})\s*[,،]?\s*(\d{{4}})\b"
)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_ALT})\s+(\d{{1,2}}){_ORD}\s*,?\s*(\d{{4}})\b")
# The year may touch its era letter ("٢٠٢٥م", "١٤٤٦هـ"): no \b after it.
_NUMERIC_DMY = re.compile(r"\b(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_NUMERIC_YMD = re.compile(r"\b(\d{4})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{1,2})\b")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(ص|م|am|pm|a\.m\.|p\.m\.)?")
_ZONE = re.compile(r"\b(?:gmt|utc|غرينتش|جرينتش|غرينيتش)\s*([+-]\d{1,2}(?::?\d{2})?)?")
# A UTC offset follows a time of day ("14:22 +0300", "09:15:00+02:00"): after a date alone
# "16-5-2025" would read as -20:25.
_OFFSET = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-](?:0\d|1[0-4])):?(\d{2})\b")
_WEEKDAY_WORDS = set(WEEKDAYS)


def parse_date(text: str) -> datetime | None:
    """A publication timestamp in `text`; aware when the text names a zone, naive otherwise."""
    n = norm(text.translate(_DIGITS)).casefold()
    if not re.search(r"\d{4}", n):
        return None
    # "21 مارس/آذار 2026": one month in two calendars' names; keep the first.
    n = _MONTH_PAIR.sub(r"\1", n)
    m = _ISO.search(n)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        hh, mm, ss = (int(g) if g else 0 for g in m.group(4, 5, 6))
        tz = _tz_from_offset(m.group(7)) if m.group(7) else _zone(n[m.end() :])
        return _build(y, mo, d, hh, mm, ss, tz)
    found: tuple[int, int, int, int] | None = None  # year, month, day, end of match
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        m = pattern.search(n)
        if m:
            if order == "dmy":
                found = (int(m.group(3)), _MONTH_WORDS[m.group(2)], int(m.group(1)), m.end())
            else:
                found = (int(m.group(3)), _MONTH_WORDS[m.group(1)], int(m.group(2)), m.end())
            break
    # A Hijri date may come first ("٢٠/١١/١٤٤٦هـ الموافق ١٨/٠٥/٢٠٢٥م"): the first Gregorian year wins.
    if found is None:
        for m in _NUMERIC_YMD.finditer(n):
            if _GREGORIAN_YEARS[0] <= int(m.group(1)) <= _GREGORIAN_YEARS[1]:
                found = (int(m.group(1)), int(m.group(2)), int(m.group(3)), m.end())
                break
    if found is None:
        for m in _NUMERIC_DMY.finditer(n):  # Arabic outlets write day first
            if _GREGORIAN_YEARS[0] <= int(m.group(3)) <= _GREGORIAN_YEARS[1]:
                found = (int(m.group(3)), int(m.group(2)), int(m.group(1)), m.end())
                break
    if found is None:
        return _dateparser_fallback(text)
    y, mo, d, end = found
    tail = n[end:]
    hh = mm = ss = 0
    t = _TIME.search(tail) or _TIME.search(n[: max(0, end - 1)])
    if t:
        hh, mm, ss = int(t.group(1)), int(t.group(2)), int(t.group(3) or 0)
        if t.group(4) in ("م", "pm", "p.m.") and hh < 12:
            hh += 12
        elif t.group(4) in ("ص", "am", "a.m.") and hh == 12:
            hh = 0
    return _build(y, mo, d, hh, mm, ss, _zone(n))


_MAX_DATE_LINE_WORDS = 12


def _only_date(n: str) -> bool:
    """True when a normalized line holds a date and nothing but date words, numbers and punctuation."""
    cleaned = _MONTH_RE.sub(" ", n)
    words = [w for w in re.split(r"[\s,،|/:.\-–+()]+", cleaned) if w]
    return bool(re.search(r"\d{4}", n)) and all(
        w.isdigit()
        or w in _WEEKDAY_WORDS
        or w in _DATE_FILLER
        or re.fullmatch(r"\d+(st|nd|rd|th|t\d.*|ه|هـ|م)", w)  # "٢٠٢٥م", "١٤٤٦هـ": the era letter
        for w in words
    )


_DATE_FILLER = frozenset(
    {"الساعة", "الساعه", "في", "على", "م", "ص", "هـ", "ه", "gmt", "utc", "am", "pm", "t", "z", "توقيت"}
) | frozenset(
    # A Hijri date printed beside the Gregorian one ("١٥ رمضان ١٤٤٦ هـ الموافق ١٦ مارس ٢٠٢٥ م"):
    # the Hijri month names and "الموافق" (corresponding to) are filler; the Gregorian date is parsed.
    norm(w)
    for w in (
        *("الموافق", "موافق", "محرم", "صفر", "ربيع", "الأول", "الآخر", "الثاني", "جمادى", "الأولى"),
        *("الآخرة", "الثانية", "رجب", "شعبان", "رمضان", "شوال", "ذو", "ذي", "القعدة", "الحجة"),
    )
)
_MONTH_RE = re.compile(rf"(?<!\w)(?:{_MONTH_ALT})(?!\w)")
_MONTH_PAIR = re.compile(rf"(?<!\w)({_MONTH_ALT})\s*/\s*(?:{_MONTH_ALT})(?!\w)")
_GREGORIAN_YEARS = (1900, 2200)


def _zone(text: str) -> timezone | None:
    m = _ZONE.search(text)
    if m:
        return _tz_from_offset(m.group(1)) if m.group(1) else UTC
    m = _OFFSET.search(text)
    return _tz_from_offset(m.group(1) + m.group(2)) if m else None


def _tz_from_offset(raw: str) -> timezone:
    if raw.lower() == "z":
        return UTC
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    hours = int(digits[:2]) if len(digits) > 2 else int(digits)
    minutes = int(digits[2:4]) if len(digits) > 2 else 0
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _build(y: int, mo: int, d: int, hh: int, mm: int, ss: int, tz: timezone | None) -> datetime | None:
    if not 1900 <= y <= 2200:
        return None
    try:
        return datetime(y, mo, d, hh, mm, ss, tzinfo=tz)
    except ValueError:
        return None


def _dateparser_fallback(text: str) -> datetime | None:
    import dateparser  # imported late: loading its locale data takes a second

    try:
        parsed = dateparser.parse(
            text,
            settings={
                "REQUIRE_PARTS": ["day", "month", "year"],
                "DATE_ORDER": "DMY",
                "PREFER_DAY_OF_MONTH": "first",
            },
        )
    except Exception:  # dateparser raises assorted errors on odd strings; no date is the answer
        return None
    if not isinstance(parsed, datetime) or not 1900 <= parsed.year <= 2200:
        return None
    return parsed
