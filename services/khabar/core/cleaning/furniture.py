"""Site furniture: the lines a news site wraps around a story. Patterns are data (phrase lists matched on
the normalized line), so a new outlet's wording is one list entry away.

Only short lines are ever furniture: every rule caps the line's length, so a sentence of the story that
happens to start with the same words ("شارك الرئيس في القمة ...") survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.core.cleaning.paragraphs import ends_sentence, word_count
from khabar.core.tagging.countries import country_by_name
from khabar.core.tagging.geo import is_city
from khabar.core.tagging.lexicons import first_names
from khabar.core.text.normalize import norm, normalize

__all__ = [
    "RelatedLabel",
    "byline_author",
    "dateline_agency",
    "furniture_reason",
    "is_staff_label",
    "related_label",
    "split_glued",
    "strip_lead_dateline",
]

# Labels that introduce other stories of the outlet: teasers follow them, or nothing (a trailer).
RELATED_LABELS = (
    "اقرأ أيضا",
    "إقرأ أيضاً",
    "اقرأ أيضًا",
    "اقرأ كذلك",
    "اقرأ ايضا",
    "إقرأ ايضا",
    "اقرأ المزيد",
    "طالع أيضا",
    "شاهد أيضا",
    "تابع أيضا",
    "أخبار ذات صلة",
    "مقالات ذات صلة",
    "مواضيع ذات صلة",
    "موضوعات ذات صلة",
    "روابط ذات صلة",
    "ذات صلة",
    "موضوعات متعلقة",
    "مواضيع متعلقة",
    "أخبار متعلقة",
    "مقالات متعلقة",
    "قد يهمك أيضا",
    "قد يهمك",
    "قد يعجبك أيضا",
    "قد يعجبك",
    "المزيد من الأخبار",
    "أخبار أخرى",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "الأكثر تداولا",
    "آخر الأخبار",
    "أحدث الأخبار",
    "ننصحك بقراءة",
    "يهمك أيضا",
)
# Masthead staff boxes: "رئيس مجلس الإدارة ... رئيس التحرير ...".
STAFF_LABELS = (
    "رئيس مجلس الإدارة",
    "رئيس مجلسي الإدارة والتحرير",
    "رئيس مجلس الإدارة والتحرير",
    "رئيس التحرير",
    "نائب رئيس التحرير",
    "مدير التحرير",
    "مدير عام التحرير",
    "المدير العام",
    "المدير المسؤول",
    "المدير التنفيذي",
    "المشرف العام",
    "سكرتير التحرير",
    "رئيس التحرير التنفيذي",
    "العضو المنتدب",
    "مؤسس الموقع",
    "رئيس القسم",
)
# Lines that are exactly one of these (punctuation aside) are widgets, whatever follows them.
EXACT_WIDGETS = (
    "شارك",
    "شاركها",
    "مشاركة",
    "شارك الخبر",
    "شارك المقال",
    "شارك هذا الخبر",
    "شارك هذا المقال",
    "طباعة",
    "اطبع",
    "إعلان",
    "اعلان",
    "إعلانات",
    "التعليقات",
    "تعليقات",
    "فيديو",
    "صور",
    "شاهد",
    "الرئيسية",
    "أخبار",
    "عاجل",
    "تكبير الخط",
    "تصغير الخط",
    "حجم الخط",
    "المشاهدات",
    "مشاهدة",
    "خاص",
    "وكالات",
    "متابعات",
    "حصري",
)
# Prefixes of widget lines (share bars, subscription boxes, app promotions, comment forms, captions).
WIDGET_PREFIXES = (
    "شارك على",
    "شارك عبر",
    "شارك هذا",
    "شارك الخبر",
    "شارك المقال",
    "شاركها على",
    "مشاركة عبر",
    "تابعونا",
    "تابعوا",
    "تابعنا على",
    "تابعنا عبر",
    "تابع آخر الأخبار",
    "تابع أحدث الأخبار",
    "لمتابعة آخر",
    "لمتابعة أهم",
    "للمزيد من الأخبار",
    "للمزيد من التفاصيل اضغط",
    "اشترك",
    "اشتركوا",
    "للاشتراك",
    "سجل الآن",
    "سجل بريدك",
    "أدخل بريدك",
    "بريدك الإلكتروني",
    "النشرة البريدية",
    "النشرة الإخبارية",
    "حمل تطبيق",
    "حمّل تطبيق",
    "نزل تطبيق",
    "اضغط هنا",
    "انقر هنا",
    "اضغط على الرابط",
    "جميع الحقوق محفوظة",
    "حقوق النشر",
    "حقوق الطبع",
    "©",
    "copyright",
    "أرسل لصديق",
    "ارسل لصديق",
    "نسخ الرابط",
    "الرابط المختصر",
    "رابط مختصر",
    "أضف تعليق",
    "اترك تعليقا",
    "أضف تعليقك",
    "سياسة الخصوصية",
    "اتصل بنا",
    "من نحن",
    "صورة أرشيفية",
    "أرشيفية",
    "الصورة:",
    "صورة:",
    "مصدر الصورة",
    "حقوق الصورة",
    "تصوير:",
    "(صورة",
    "وقت القراءة",
    "مدة القراءة",
    "دقائق للقراءة",
    "عدد المشاهدات",
    "عدد القراءات",
)
SOCIAL_WORDS = (
    "فيسبوك",
    "فيس بوك",
    "فايسبوك",
    "تويتر",
    "إكس",
    "واتساب",
    "واتس اب",
    "واتس آب",
    "تيليجرام",
    "تلغرام",
    "تليجرام",
    "تليغرام",
    "انستغرام",
    "إنستغرام",
    "انستجرام",
    "يوتيوب",
    "لينكد إن",
    "لينكدإن",
    "تيك توك",
    "سناب شات",
    "ماسنجر",
    "البريد الإلكتروني",
    "بريد إلكتروني",
    "طباعة",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "instagram",
    "youtube",
    "linkedin",
    "tiktok",
    "email",
    "print",
    "messenger",
)

_RELATED = sorted({norm(x) for x in RELATED_LABELS}, key=len, reverse=True)
_STAFF = sorted({norm(x) for x in STAFF_LABELS}, key=len, reverse=True)
_EXACT = frozenset(norm(x) for x in EXACT_WIDGETS)
_PREFIXES = tuple(sorted({norm(x) for x in WIDGET_PREFIXES}, key=len, reverse=True))
_SOCIAL = sorted({norm(x) for x in SOCIAL_WORDS}, key=len, reverse=True)
_SOCIAL_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in _SOCIAL) + r")(?!\w)")
_PUNCT = " \t:：.،,;؛!?؟|-–—•*»«\"'()[]"
# Imperative labels are labels even when a headline follows after a space; the others need ":".
_IMPERATIVE = tuple(norm(x) for x in ("اقرأ", "إقرأ", "طالع", "شاهد", "تابع"))
_MAX_WIDGET_WORDS = 14
# "1,234 مشاهدة", "3 دقائق قراءة", "منذ ساعتين": page counters and relative timestamps.
_COUNTER = re.compile(
    r"^[\d٠-٩][\d٠-٩,.]*\s*(?:تعليق|تعليقات|مشاهده|مشاهدات|قراءه|قراءات|زياره|اعجاب|مشاركه|دقيقه|دقائق)"
    r"(?:\s+(?:قراءه|للقراءه))?$"
)
_RELATIVE_TIME = re.compile(r"^منذ\s+(?:[\d٠-٩]+\s+)?\S+$")
_NAV_SEPARATORS = re.compile(r"\s*[|»›>/•]\s*")


@dataclass(frozen=True)
class RelatedLabel:
    label: str  # normalized label
    rest: str  # display text after the label and its separator on the same line ("" when none)


def _cut(line: str, normalized_end: int) -> int:
    nt = normalize(line)
    return nt.offsets[normalized_end] if normalized_end < len(nt.text) else len(line)


def split_glued(line: str) -> list[str]:
    """Split a related-stories label off the text it was glued to when the page's blocks lost their
    line break: "أخبار ذات صلةأعلن الجيش ..." -> ["أخبار ذات صلة", "أعلن الجيش ..."], and
    "... الوطنية. اقرأ أيضا: ..." -> two lines."""
    n = norm(line)
    for label in _RELATED:
        if n.startswith(label) and len(n) > len(label) and n[len(label)].isalpha():
            cut = _cut(line, len(label))
            return [line[:cut].strip(), *split_glued(line[cut:].strip())]
    for label in _RELATED:
        for m in re.finditer(re.escape(label), n):
            before = n[: m.start()].rstrip()
            if m.start() > 0 and before and before[-1] in ".!?؟…" and word_count(label) >= 2:
                cut = _cut(line, m.start())
                return [line[:cut].strip(), *split_glued(line[cut:].strip())]
    return [line]


def related_label(line: str) -> RelatedLabel | None:
    """The related-stories label this line starts with, if it is one."""
    n = norm(line).rstrip()
    for label in _RELATED:
        if not n.startswith(label):
            continue
        rest_n = n[len(label) :]
        if not rest_n.strip(_PUNCT):
            return RelatedLabel(label, "")
        sep = re.match(r"\s*[:：\-–]\s*", rest_n)
        if sep is None and not (label.startswith(_IMPERATIVE) and rest_n.startswith(" ")):
            continue
        skip = sep.end() if sep else len(rest_n) - len(rest_n.lstrip())
        return RelatedLabel(label, line[_cut(line, len(label) + skip) :].strip())
    return None


def signs_off(line: str) -> bool:
    """The line ends with a wire agency's credit in brackets: the last sentence of a story, even
    without a full stop."""
    return word_count(line) >= 4 and bool(_SIGN_OFF.search(line) or _SIGN_OFF.search(norm(line)))


def is_staff_label(line: str) -> bool:
    """The line is a staff-box label alone ("رئيس مجلسى الإدارة والتحرير"): the next line is a name."""
    return norm(line).strip(_PUNCT) in _STAFF


_BREADCRUMB = re.compile(r"\s[|»›>]\s")


def furniture_reason(line: str) -> str | None:
    """Why this line is site furniture ("staff", "widget", "social", "consent", "nav", "byline"), or
    None."""
    n = norm(line).strip()
    words = word_count(n)
    bare = n.strip(_PUNCT)
    if not bare:
        return "punctuation"
    if bare in _EXACT:
        return "widget"
    if words <= 16 and not ends_sentence(line) and any(bare.startswith(s) for s in _STAFF):
        return "staff"
    if words <= _MAX_WIDGET_WORDS and n.startswith(_PREFIXES):
        return "widget"
    if words <= _MAX_WIDGET_WORDS and not _SOCIAL_RE.sub(" ", n).strip(_PUNCT + " "):
        return "social"
    if words <= 4 and (_COUNTER.match(n) or _RELATIVE_TIME.match(n)):
        return "widget"
    if words <= _MAX_CONSENT_WORDS and _COOKIES.search(n) and _CONSENT.search(n):
        return "consent"  # "نستخدم ملفات تعريف الارتباط (الكوكيز) … فإنك توافق على استخدامنا لها."
    segments = [s for s in _NAV_SEPARATORS.split(n) if s.strip(_PUNCT)]
    if len(segments) >= 3 and all(word_count(s) <= 3 for s in segments) and not ends_sentence(line):
        return "nav"
    if len(segments) == 2 and _BREADCRUMB.search(line) and all(word_count(s) <= 2 for s in segments):
        return "nav"  # a two-level breadcrumb: "لبنان | سياسة", "الرئيسية » أخبار"
    if byline_author(line) is not None:
        return "byline"
    return None


# A cookie banner names cookies and asks for consent; a story about cookies rarely does both in one
# short paragraph.
_COOKIES = re.compile(r"ملفات تعريف الارتباط|ملفات الارتباط|الكوكيز|الكوكي|\bcookies?\b", re.IGNORECASE)
# Banners speak as "we" to "you" ("نستخدم", "تجربتك", "توافق", "هذا الموقع"); news reports do not.
_CONSENT = re.compile(
    r"نستخدم|توافق|موافقتك|تجربتك|هذا الموقع|موقعنا|\b(?:we use|accept|agree|consent)", re.IGNORECASE
)
_MAX_CONSENT_WORDS = 45


_BYLINE_DASH = re.compile(r"^([^\d.،,:؟!]{3,40}?)\s*[-–—]$")
_BYLINE_DATELINE = re.compile(
    r"^[^\d.،,:؟!]{2,30}\s*[-–—]\s*(?:من|مراسل|مراسلنا|خاص|كتب|بقلم)\s*[:]?\s*(.*)$"
)
_BYLINE_CITY_COLON = re.compile(r"^([^\d.،,:؟!«»\"()]{2,25}?)\s*:\s*([^\d.،,:؟!«»\"()]+?(?:\s+\S+){0,3})$")
_BYLINE_WROTE = re.compile(
    r"^(?:كتب|كتبت|بقلم|تقرير|إعداد|اعداد|متابعة|حوار|ترجمة)\s*[:\-–—ـ]?\s+([^\s:\-–—ـ]\S*(?:\s+\S+){0,3})$"
)
# "لندن: «الشرق الأوسط»", "القاهرة - (أ ش أ)": a dateline crediting the outlet or an agency.
_DATELINE_CREDIT = re.compile(r"^\S+(?:\s\S+)?\s*[:\-–]\s*[«\"(\[].{2,30}[»\")\]]$")
# Wire agencies Arab outlets credit (Reuters, AFP, dpa, AP, Xinhua; the national agencies SPA,
# WAM, QNA, KUNA, BNA, SANA, WAFA, MENA, Ma'an, Anadolu, Sputnik).
_AGENCIES = (
    r"(?:وكالات|خاص|متابعات|رويترز|أ ف ب|ا ف ب|د ب ا|د ب أ|أ ب|ا ب|شينخوا|واس|وام|قنا|كونا|بنا|سانا|وفا|"
    r"أ ش أ|ا ش ا|معا|سبوتنيك|الأناضول|الاناضول)"
)
_BYLINE_AGENCY = re.compile(rf"^[(\[]?\s*{_AGENCIES}\s*[)\]]?$")
# "… على أساس وثيقة الوفاق ( رويترز )": a wire's sign-off closing the story's last sentence.
_SIGN_OFF = re.compile(rf"\S\s*[(\[]\s*{_AGENCIES}\s*[)\]]\s*$")
# "الخرطوم - وكالات", "الرياض (رويترز) -", "أنقرة/ الأناضول": a city and the agency, not a writer.
_DATELINE_AGENCY = re.compile(
    rf"^[^\d.،,:؟!()\[\]/]{{2,30}}?\s*(?:[-–—:/]\s*[(\[]?\s*{_AGENCIES}\s*[)\]]?|[(\[][^()\[\]]{{2,30}}[)\]])\s*[-–—:]?$"
)


# "كييف (أ ف ب) - أعلنت …", "بيروت ـ من فتحي محمود ـ …": a dateline opening the lead paragraph.
_LEAD_DATELINE = re.compile(
    r"^(?P<place>[^\d.،,:؟!()\[\]«»\"\-–—ـ]{2,30}?)\s*(?:[(\[][^()\[\]]{1,25}[)\]]\s*)?"
    r"(?:[-–—ـ]+\s*(?:(?:من|كتب|بقلم)\s+[^-–—ـ:]{2,30}?|" + _AGENCIES + r")\s*)?[-–—ـ:]+\s+(?=\S)"
)
_MAX_DATELINE_PLACE_WORDS = 3
# "جنين 10-12-2025 وفا- اعتقلت …": WAFA's dateline, a place, the day's date and the agency.
_DATED_DATELINE = re.compile(
    r"^(?P<place>[^\d.،,:؟!()\[\]«»\"\-–—ـ]{2,30}?)\s+(?P<date>\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s*"
    r"(?:" + _AGENCIES + r"\s*)?[-–—ـ:]+\s+(?=\S)"
)


# "شفق نيوز/ استقبل …", "أنقرة/ الأناضول - …": the slash credit of Iraqi and Turkish wires.
_SLASH_DATELINE = re.compile(
    r"^(?P<credit>[^\d.،,:؟!()\[\]«»\"/]{2,30}?)/\s*(?:[^\d.،,:؟!/\-–—]{2,20}?\s*[-–—]\s*)?(?=\S)"
)


def strip_lead_dateline(line: str) -> str:
    """The lead paragraph without the dateline that opens it ("كييف (أ ف ب) - ", "شفق نيوز/ "),
    or unchanged."""
    slash = _SLASH_DATELINE.match(line)
    if slash is not None and word_count(slash.group("credit")) <= _MAX_DATELINE_PLACE_WORDS:
        rest = line[slash.end() :]
        if word_count(rest) >= 4:
            return rest
    dated = _dated_dateline(line)
    if dated is not None:
        rest = line[dated.end() :]
        return rest if word_count(rest) >= 4 else line
    m = _LEAD_DATELINE.match(line)
    if m is None or word_count(m.group("place")) > _MAX_DATELINE_PLACE_WORDS:
        return line
    place = norm(m.group("place").strip())
    # Only a known city or country opens a dateline: "أعلن الرئيس - في خطاب - …" is a sentence.
    if not (is_city(place) or country_by_name(place) is not None):
        return line
    rest = line[m.end() :]
    return rest if word_count(rest) >= 4 else line


def lead_dateline_date(line: str) -> str | None:
    """The date a lead's dateline states ("جنين 10-12-2025 وفا- …" → "10-12-2025")."""
    m = _dated_dateline(line)
    return m.group("date") if m else None


def _dated_dateline(line: str) -> re.Match[str] | None:
    # A place, a numeric date and a dash: no sentence opens so, so the place need not be known
    # (small towns are missing from the city list).
    m = _DATED_DATELINE.match(line)
    return m if m and word_count(m.group("place")) <= _MAX_DATELINE_PLACE_WORDS else None


_CREDITED_AGENCY = re.compile(rf"(?:^|[\s\-–—:/(\[])({_AGENCIES})\s*[)\]]?\s*[-–—:]?$")


def dateline_agency(line: str) -> str | None:
    """The wire agency a dateline line credits ("أنقرة/ الأناضول" → الأناضول, "الرياض (رويترز) -" →
    رويترز); None for other lines and for the generic "وكالات"/"خاص"/"متابعات"."""
    if byline_author(line) != "":
        return None
    m = _CREDITED_AGENCY.search(line.strip())
    if m is None or m.group(1) in _GENERIC_CREDITS:
        return None
    return m.group(1)


_GENERIC_CREDITS = frozenset({"وكالات", "خاص", "متابعات"})


def byline_author(line: str) -> str | None:
    """The name in a byline line ("ياسين أحمد -", "بيروت - من سامي حداد"); "" for an agency tag."""
    text = line.strip()
    if word_count(text) > 7 or ends_sentence(text):
        return None
    if _DATELINE_AGENCY.match(text) or _DATELINE_AGENCY.match(norm(text)):
        return ""
    m = _BYLINE_DASH.match(text)
    if m and word_count(m.group(1)) <= 4:
        return m.group(1).strip()
    m = _BYLINE_WROTE.match(text)
    if m:
        return m.group(1).strip()
    m = _BYLINE_CITY_COLON.match(text)
    if (
        m
        and (is_city(norm(m.group(1))) or country_by_name(norm(m.group(1))) is not None)
        and norm(m.group(2)).split()[0] in first_names()
    ):
        return m.group(
            2
        ).strip()  # "بيروت: يوسف دياب": a dateline and the writer ("غزة: قصف …" is a headline)
    m = _BYLINE_DATELINE.match(text)
    if m:
        return m.group(1).strip()
    if _BYLINE_AGENCY.match(norm(text)) or _BYLINE_AGENCY.match(text) or _DATELINE_CREDIT.match(text):
        return ""
    return None
