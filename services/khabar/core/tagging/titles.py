"""Titles and roles that precede names ("نائب وزير الخارجية الروسي ميخائيل بوغدانوف").

A title is not part of the name: the tagger keeps it as Entity.title, derives the actor's sector
(CAMEO-style codes GOV, MIL, DIP, JUD, LEG, BUS, MED, REL, EDU, IGO ...) from its head word and
domain words, and the actor's country from a nisba adjective (الروسي -> RUS) or a country name
inside the phrase ("سفير روسيا لدى ليبيا" -> RUS: the first country, before لدى, is the sender).

Everything here works on normalized words (khabar.core.text.normalize.norm) with clitics split
off by the caller where relevant; TITLE_WORDS is also a feature of the sequence model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from khabar.core.tagging.countries import (
    country_by_name,
    country_of_word,
    multiword_name_heads,
    nisba_country,
)
from khabar.core.tagging.geo import is_city
from khabar.core.tagging.lexicons import ORG_HEADS
from khabar.core.text.normalize import norm


def _n(words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words.split())


# Head words that are or start a title, with the sector they imply (None: sector comes from the
# following domain words, e.g. وزير الدفاع vs وزير الاقتصاد, or is not political).
_HEADS: dict[str, str | None] = {}
for _words, _sector in (
    ("رئيس الرئيس رؤساء زعيم الزعيم", "GOV"),
    ("وزير الوزير وزيرة الوزيرة وزراء الوزراء", "GOV"),
    ("نائب النائب نواب", None),
    ("رئيسة الرئيسة مساعد مساعدة مستشار المستشار مستشارة المستشارة", "GOV"),
    ("الملك ملك الملكة الأمير أمير الأميرة ولي السلطان سلطان العاهل", "GOV"),
    ("المتحدث متحدث المتحدثة الناطق ناطق الناطقة", "GOV"),
    ("أمين الأمين الأمينة محافظ المحافظ عمدة العمدة حاكم الحاكم والي الوالي", "GOV"),
    ("مدير المدير مديرة المديرة المفوض مفوض المفوضة مسؤول المسؤول مسؤولة المسؤولة", "GOV"),
    ("سفير السفير سفيرة السفيرة المبعوث مبعوث المبعوثة مبعوثة القنصل قنصل الدبلوماسي", "DIP"),
    ("المندوب مندوب مندوبة الممثل ممثل الممثلة ممثلة", "DIP"),
    ("الفريق اللواء العميد العقيد المقدم الرائد النقيب الملازم المشير العماد الجنرال", "MIL"),
    ("فريق لواء عميد عقيد مقدم رائد نقيب ملازم مشير جنرال الأدميرال أدميرال", "MIL"),
    ("الركن قائد القائد آمر الآمر رئيس_أركان قائدة", "MIL"),
    ("القاضي قاضي القاضية النائب_العام المدعي مدعي المستشار_القضائي", "JUD"),
    ("عضو العضو عضوة النائبة البرلماني البرلمانية", "LEG"),
    ("الشيخ شيخ السيد السيدة المهندس الدكتور الدكتورة د", None),
    (
        "المفتي مفتي الإمام إمام البابا المطران مطران البطريرك بطريرك الحاخام حاخام آية_الله المرشد مرشد",
        "REL",
    ),
    ("رجل_الأعمال الملياردير رئيس_مجلس_الإدارة", "BUS"),
    ("الصحفي الصحفية الصحافي الصحافية مراسل المراسل مراسلة الإعلامي الإعلامية الكاتب", "MED"),
    ("البروفيسور الأستاذ أستاذ الباحث الخبير خبير المحلل", "EDU"),
):
    for _w in _words.split():
        if "_" not in _w:
            _HEADS[norm(_w)] = _sector

TITLE_WORDS: frozenset[str] = frozenset(_HEADS)
# "his counterpart" ("مع نظيره الأوكراني دميترو كوليبا"): a title whose nisba gives the country of
# the name after it, and whose role is the other party's. Kept out of TITLE_WORDS, which is also a
# feature the shipped CRF was trained with.
COUNTERPARTS: frozenset[str] = _n("نظير نظيره نظيرها نظيرهم نظيرتها نظيرته نظيرتيه نظرائه نظراؤه")
# Roles added after the shipped CRF was trained (so not in its TITLE_WORDS feature): the name rule
# and title attributes use them; retraining (scripts/train_ner.py) made no difference on dev.
for _words, _sector in (
    ("السيناتور سيناتور", "LEG"),
    ("الكابتن كابتن", None),
    ("القيادي القيادية", None),
    ("عاهل", "GOV"),
    ("الصحفي الصحفية الصحافي الصحافية المراسل المراسلة", "MED"),
    (
        "المواطن الرهينة المعتقل المعتقلة الطبيب الطبيبة الباحث الباحثة الكاتب الكاتبة "
        "الممثل الممثلة المغني المغنية",
        None,
    ),
    (
        "اللاعب لاعب اللاعبة الحارس حارس المدرب مدرب المدربة النجم نجم النجمة الفنان فنان الفنانة "
        "فنانة المطرب مطرب المطربة الشاعر شاعر الشاعرة الروائي الروائية المخرج مخرج المخرجة "
        "الناشط ناشط الناشطة المحامي محامي المحامية الأسير الأسيرة",
        None,
    ),
):
    for _w in _words.split():
        _HEADS.setdefault(norm(_w), _sector)
TITLE_TRIGGERS: frozenset[str] = frozenset(_HEADS) | COUNTERPARTS
# The roles above that the CRF's title feature lacks: it may take them into a name ("كابتن
# أنطونيو حبيب"), which the edge repair (edges) then cuts.
LATE_TITLES: frozenset[str] = frozenset(_HEADS) - TITLE_WORDS

# Words that continue a title phrase after its head ("وزير الخارجية", "رئيس المجلس الرئاسي",
# "المبعوث الخاص للأمين العام للأمم المتحدة"); a domain word may override the head's sector.
_DOMAIN_SECTOR: dict[str, str] = {}
for _words, _sector in (
    ("الدفاع الحربية الأركان أركان الجيش القوات العسكري العسكرية البحرية الجوية البرية", "MIL"),
    ("الخارجية", "GOV"),
    ("العدل القضاء النيابة المحكمة القضائي القضائية", "JUD"),
    ("النواب البرلمان الشيوخ الشورى التشريعي الكونغرس الكنيست الأمة", "LEG"),
    ("الشركة شركة الإدارة المصرف البنك", "BUS"),
    ("الأمم الأممي الأممية الجامعة الاتحاد الناتو الحلف الدولي الدولية", "IGO"),
):
    for _w in _words.split():
        _DOMAIN_SECTOR[norm(_w)] = _sector

_CONTINUATION: frozenset[str] = (
    frozenset(_DOMAIN_SECTOR)
    | ORG_HEADS
    | TITLE_WORDS
    | _n(
        "الداخلية المالية الاقتصاد التجارة الصحة التعليم النفط الطاقة الإعلام الثقافة الزراعة "
        "النقل المواصلات الاتصالات التخطيط الشؤون شؤون الدولة دولة الوزراء مجلس المجلس الرئاسي "
        "الرئاسة الحكومة حكومة الوحدة الوطنية الوطني الوطنيه الأعلى الأول الأولى الثاني العام "
        "العامة الخاص الخاصة لشؤون الأمن القومي السابق السابقة الحالي المؤقت المؤقتة الجديد "
        "الجمهورية الجمهوري الديمقراطي المكلف المكلفة المنتهية ولايته بعثة البعثة الدعم "
        "للدعم للأمم المتحدة للأمين للأمين_العام الأوروبي الأوروبية الأفريقي الإفريقي العربية "
        "العربي التنفيذي التنفيذية السياسي السياسية السياسيين الدائم الدائمة ركن الركن "
        "القيادة القائد العامة_للقوات المسلحة الاستخبارات المخابرات الوكالة الهيئة هيئة "
        "ملف الملف ملفات لجنة اللجنة اللجان الحزب حزب الحركة حركة مكتب المكتب دائرة الإدارة لدى في باسم "
        # ministries' fields ("وزير التعاون الدولي اليمني", "وزيرة الهجرة"):
        "التعاون الاستثمار الصناعة العمل الشباب الرياضة البيئة المياه الري الإسكان الأوقاف السياحة "
        "الهجرة المغتربين التربية العالي البحث العلمي الأشغال العامة الموارد الخزانة الخزينة "
        "القوة أول"
    )
)
# Names of movements and parties after حزب/حركة inside a title ("الأمين العام لحزب الله"، "عضو
# المكتب السياسي لحركة حماس"): the title runs on over them to the person's name.
_PARTY_HEADS = _n("حزب الحزب حركة الحركة")
_PARTY_NAMES = _n("الله حماس فتح الجهاد")
_INTERNATIONAL = _n("الدولي الدولية")
_MINISTERS = _n("وزير وزيرة الوزير الوزيرة")
# Words that end a title phrase before the name even though they could continue it.
_STOP = _n("في لدى عن إن أن قال وقال أكد")
_LADA = norm("لدى")  # "سفير روسيا لدى ليبيا": the country after it is the host
# "المبعوث الأمريكي الخاص إلى السودان": the country after إلى is the mission's, not the envoy's.
_HOST_MARKERS = (_LADA, norm("إلى"))
_TRAILING = (*_HOST_MARKERS, norm("في"))


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A title phrase over words[start:end] (word indices)."""

    start: int
    end: int
    sector: str | None
    country: str | None  # ISO 3166-1 alpha-3 from a nisba or country name inside the phrase


def is_title_word(word: str) -> bool:
    """`word` (normalized, clitics removed) is a title head."""
    return word in TITLE_WORDS


def title_sector(head: str) -> str | None:
    return _HEADS.get(head)


def _multiword_country(words: Sequence[str], i: int) -> tuple[str, int] | None:
    """(ISO alpha-3, index past it) for a 2-4 word country name at words[i] ("روسيا الاتحادية")."""
    if i >= len(words) or words[i] not in multiword_name_heads():  # no such name starts with it
        return None
    for n in (4, 3, 2):
        if i + n <= len(words):
            c = country_by_name(" ".join(words[i : i + n]))
            if c is not None:
                return c.iso3, i + n
    return None


def match_title(words: Sequence[str], start: int, max_len: int = 8) -> TitleMatch | None:
    """The title phrase starting at words[start], or None when words[start] is no title head.

    `words` are normalized words with proclitics removed. The phrase extends over continuation
    words, nisba adjectives and country names; "لدى X" (ambassador to X) and "إلى X" (envoy to X)
    are consumed but X is the host, not the actor's country."""
    if start >= len(words) or words[start] not in TITLE_TRIGGERS:
        return None
    sector = _HEADS.get(words[start])
    country: str | None = None
    end = start + 1
    host_next = False
    while end < len(words) and end - start < max_len:
        w = words[end]
        nat = nisba_country(w)
        if nat is not None:
            country = country or nat
            end += 1
            continue
        multi = _multiword_country(words, end)
        if multi is not None:
            if not host_next:
                country = country or multi[0]
            host_next = False
            end = multi[1]
            continue
        place = country_of_word(w)
        if place is not None:
            if not host_next:
                country = country or place
            host_next = False
            end += 1
            continue
        if host_next and is_city(w):
            host_next = False  # "السفير البريطاني لدى طهران": the host named by its capital
            end += 1
            continue
        if w in _HOST_MARKERS:
            host_next = True
            end += 1
            continue
        if w not in _CONTINUATION and w.startswith("لا") and "ا" + w in _CONTINUATION:
            # "للأمين" keyed "لامين" (ل + الأمين, one ل taken as the article's): "الأمين".
            w = "ا" + w
        if w in _PARTY_NAMES and words[end - 1] in _PARTY_HEADS:
            end += 1
            continue
        if w in _CONTINUATION and w not in _STOP:
            if sector is None and w in _HEADS:
                sector = _HEADS[w]
            # "للأمم" keeps its لل in the key: its domain is that of "الأمم".
            dom = _DOMAIN_SECTOR.get(w) or (_DOMAIN_SECTOR.get("ال" + w[2:]) if w.startswith("لل") else None)
            if dom == "IGO" and w in _INTERNATIONAL and words[start] in _MINISTERS:
                dom = None  # "وزير التعاون الدولي": a ministry's field, not an international body
            if dom is not None and (sector in (None, "GOV") or dom == "IGO"):
                sector = dom
            end += 1
            continue
        break
    # A trailing preposition is not part of the title.
    while end > start + 1 and words[end - 1] in _TRAILING:
        end -= 1
    return TitleMatch(start, end, sector, country)
