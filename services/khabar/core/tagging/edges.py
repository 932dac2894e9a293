"""Repairs of the sequence model's span edges by Arabic word classes the model was never taught.

The CRF reads a word window, not grammar: it runs a name into the verb after it ("بنها ليتحرك"),
into a kinship noun and the next person ("كيني جوس صديق مايكل"), into a prayer formula ("الحسين
طيب الله ثراه"), or into a byline's dateline city ("محمد صادق نيويورك"), and it starts a name on an
epithet ("الصاعد عبد العاطي إيكيدر") or a nationality ("الروسية البريطانية تي إن كي بي بي"). Each
repair below is a rule over a closed, documented word class:

- a reporting verb that is also a given name ("وطالب") opening a sentence or clause is the verb;
- a verb at either edge, proven a verb by the lexicon here (never by shape alone, which would cut
  foreign names): a reporting verb with و/ف ("وأورد"), an imperfect with a glued ل/و/ف/س
  ("ليتحرك", "ويبحث"); the whole span in any type;
- a kinship or companion noun inside a person span ends the first name and, when a name follows,
  starts a second one ("صديق", "شقيق", "زوجة", "أخو", and with a pronoun "أخيه", "ابنه"); a
  nasab link before it (ابن أخيه) goes with it. Bare بن/ابن/بنت chain names and are no such noun;
- a prayer or honorific formula after a person's name is no part of it ("رحمه الله");
- honorifics, and titles the CRF's title feature does not hold, do not start a person's name
  ("جلالة", "كابتن"), nor does a definite everyday word before a given name (an epithet);
- a known city or country closing a person span of three words or more is the dateline after a
  byline: it is cut off and kept as a place;
- nationality adjectives do not start an organization's name: a nisba follows its noun;
- a one-word span cut from its token after a first letter that is the word's own, not a clitic
  (the whole token is far commoner Arabic than the rest): an everyday word is no name ("وكيل"
  deputy read as و + كيل Kiel), a rare one is a foreign name that keeps its letter ("فيرغوسن");
- a place span opening on a preposition glued to a partitive noun ("بأواسط السودان") is the
  place named after it, when that is known and the whole is not.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from wordfreq import zipf_frequency

from khabar.core.tagging.catalog import lexicon
from khabar.core.tagging.countries import country_by_name, country_of_word, nisba_country
from khabar.core.tagging.geo import largest_population
from khabar.core.tagging.lexicons import (
    COMPOUND_PREPOSITIONS,
    common_words,
    first_names,
    function_words,
    is_ala,
    mostly_common_words,
)
from khabar.core.tagging.merge import Candidate
from khabar.core.tagging.titles import LATE_TITLES
from khabar.core.tagging.words import Word
from khabar.core.text.normalize import norm

__all__ = ["is_edge_verb", "own_letter", "relation_at", "repair_model_spans"]


def _n(words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words.split())


# Reporting verbs (perfect, 3rd person): with a glued و/ف they open a clause, never a name. Not
# روى/رأى, which fold to روي/راي (Roy, Ray).
_REPORTING = (
    "قال أورد أضاف أكد أوضح ذكر أعلن صرح أشار نقل كتب تابع نفى أفاد اعتبر لفت شدد أبلغ "
    "أعرب حذر طالب دعا أقر اعترف استطرد زعم ردد علق كشف أفصح أبدى نوه"
)
# Verbs frequent in news, as (perfect, imperfect stem without its person prefix): an imperfect
# form with a glued ل/و/ف/س is the verb. Stems ending in ي are defective (يلتقي، يرى).
_IMPERFECTS = (
    ("قال", "قول"),
    ("أورد", "ورد"),
    ("أضاف", "ضيف"),
    ("أكد", "ؤكد"),
    ("أوضح", "وضح"),
    ("ذكر", "ذكر"),
    ("أعلن", "علن"),
    ("صرح", "صرح"),
    ("أشار", "شير"),
    ("نقل", "نقل"),
    ("كتب", "كتب"),
    ("تابع", "تابع"),
    ("نفى", "نفي"),
    ("أفاد", "فيد"),
    ("اعتبر", "عتبر"),
    ("طالب", "طالب"),
    ("دعا", "دعو"),
    ("حذر", "حذر"),
    ("تحرك", "تحرك"),
    ("فاوض", "فاوض"),
    ("تفاوض", "تفاوض"),
    ("بحث", "بحث"),
    ("التقى", "لتقي"),
    ("زار", "زور"),
    ("ناقش", "ناقش"),
    ("وقع", "وقع"),
    ("شارك", "شارك"),
    ("حضر", "حضر"),
    ("عاد", "عود"),
    ("غادر", "غادر"),
    ("وصل", "صل"),
    ("توجه", "توجه"),
    ("سافر", "سافر"),
    ("أصبح", "صبح"),
    ("تمكن", "تمكن"),
    ("حاول", "حاول"),
    ("استطاع", "ستطيع"),
    ("أراد", "ريد"),
    ("قرر", "قرر"),
    ("عمل", "عمل"),
    ("قام", "قوم"),
    ("واجه", "واجه"),
    ("انضم", "نضم"),
    ("خاض", "خوض"),
    ("لعب", "لعب"),
    ("فاز", "فوز"),
    ("سجل", "سجل"),
    ("قاد", "قود"),
    ("دافع", "دافع"),
    ("هاجم", "هاجم"),
    ("تولى", "تولى"),
    ("ترأس", "ترأس"),
    ("بدأ", "بدأ"),
    ("استمر", "ستمر"),
    ("تزوج", "تزوج"),
    ("عاش", "عيش"),
    ("درس", "درس"),
    ("رحل", "رحل"),
    ("منع", "منع"),
    ("دعم", "دعم"),
    ("ساعد", "ساعد"),
    ("تحدث", "تحدث"),
    ("التحق", "لتحق"),
    ("تسلم", "تسلم"),
    ("اجتمع", "جتمع"),
    ("استقبل", "ستقبل"),
    ("أجرى", "جري"),
    ("تلقى", "تلقى"),
    ("أرسل", "رسل"),
    ("بعث", "بعث"),
    ("انتقل", "نتقل"),
    ("استعاد", "ستعيد"),
    ("أنهى", "نهي"),
    ("فقد", "فقد"),
    ("خسر", "خسر"),
    ("دخل", "دخل"),
    ("خرج", "خرج"),
    ("ذهب", "ذهب"),
    ("أصدر", "صدر"),
    ("طلب", "طلب"),
    ("رفض", "رفض"),
    ("وافق", "وافق"),
    ("أيد", "ؤيد"),
    ("هدد", "هدد"),
    ("أدان", "دين"),
    ("اتهم", "تهم"),
    ("استهدف", "ستهدف"),
    ("أطلق", "طلق"),
    ("قتل", "قتل"),
    ("اعتقل", "عتقل"),
    ("حكم", "حكم"),
    ("فرض", "فرض"),
    ("ضرب", "ضرب"),
    ("أجبر", "جبر"),
    ("سمح", "سمح"),
    ("ساهم", "ساهم"),
    ("أسهم", "سهم"),
    ("تعرض", "تعرض"),
)
_PERFECT_SUFFIXES = ("", "ت", "وا", "ا")
_IMPERFECT_PREFIXES = ("ي", "ت", "ن")
_IMPERFECT_SUFFIXES = ("", "ان", "ون", "وا", "ا", "ين")
# Proclitics an imperfect may carry at a span's edge: conjunctions, purpose ل, future س.
_VERB_CLITICS = ("ول", "فل", "وس", "فس", "ل", "و", "ف", "س")


@cache
def _reporting_forms() -> frozenset[str]:
    return frozenset(norm(p) + s for p in _REPORTING.split() for s in _PERFECT_SUFFIXES) - first_names()


@cache
def _imperfect_forms() -> frozenset[str]:
    out: set[str] = set()
    for _perfect, stem in _IMPERFECTS:
        stem = norm(stem)
        bases = [stem + s for s in _IMPERFECT_SUFFIXES]
        if stem.endswith("ي"):
            bases += [stem[:-1] + s for s in ("ون", "وا", "ا", "ان")]
        out.update(p + b for p in _IMPERFECT_PREFIXES for b in bases)
    # An imperfect that is also a given name (يزيد، يحيى) is no proof of a verb, and a short
    # form with a clitic is too often a foreign name's start ("سيرا", "فيرا").
    return frozenset(f for f in out if len(f) >= 4) - first_names()


def is_edge_verb(w: Word) -> bool:
    """`w` is a verb by the lexicon above: a reporting verb with a glued و/ف ("وأورد"), or an
    imperfect with a glued ل/و/ف/س ("ليتحرك", "ويبحث"). Bare forms are not tested: without a
    proclitic a verb and a name may share a spelling (يزيد)."""
    whole = w.whole
    if whole in first_names() or whole in lexicon():
        return False  # "فيصل" is no ف + يصل
    if whole[:1] in ("و", "ف") and whole[1:] in _reporting_forms():
        return True
    forms = _imperfect_forms()
    return any(whole.startswith(c) and whole[len(c) :] in forms for c in _VERB_CLITICS)


# Kinship and companion nouns in construct ("صديق مايكل"): they end a name. Not those that are
# also given or family names in the first-name list (رفيق، خليل); bare بن/ابن/بنت are nasab links.
_RELATION_BARE = (
    "صديق صديقة شقيق شقيقة زوج زوجة نجل نجلة كريمة أخو أخت والد والدة حفيد حفيدة أرملة صهر زميل زميلة رفيقة"
)
# With a possessive pronoun ("أخيه", "ابنه") they are relation nouns whatever the bare word is.
_RELATION_PRONOMINAL = "ابن ابنة صديق صديقة شقيق شقيقة زوج زوجة نجل نجلة والد والدة حفيد حفيدة أرملة صهر زميل"
_PRONOUNS = ("ه", "ها", "هم", "هما")
# Not the father's (أبيه): written without hamza it is a transliterated name ("شينزو آبيه").
_BROTHER_FORMS = "أخوه أخيه أخاه أخوها أخيها أخاها أخي عمه عمها خاله خالها"
_NASAB_LINKS = _n("بن ابن بنت")


@cache
def _relation_nouns() -> frozenset[str]:
    bare = _n(_RELATION_BARE) - first_names()
    pronominal: set[str] = set(_n(_BROTHER_FORMS))
    for noun in _RELATION_PRONOMINAL.split():
        stem = norm(noun)
        base = stem[:-1] + "ت" if stem.endswith("ه") else stem
        pronominal.update(base + p for p in _PRONOUNS)
    return bare | frozenset(pronominal)


@cache
def _bare_relations() -> frozenset[str]:
    return _n(_RELATION_BARE)


def relation_at(text: str, words: Sequence[Word], k: int) -> bool:
    """words[k] is a kinship or companion noun, carrying no proclitic ("وصديقه" starts a clause
    of its own, which the model does not run into). A bare one ("صديق", also a family name) is
    the noun only in construct: a word glued after it, no closed-class word, is its genitive
    ("أخو زوجة ويلكس"), while "محمد صديق" at a pause or before "قال" is a name."""
    w = words[k]
    if w.stem_start != w.start or w.key not in _relation_nouns():
        return False
    if w.key not in _bare_relations():
        return True
    if k + 1 >= len(words):
        return False
    nxt = words[k + 1]
    return (
        nxt.is_word
        and nxt.stem_start == nxt.start
        and nxt.key not in function_words()
        and not is_ala(nxt.text, nxt.key)
        and not text[w.end : nxt.start].strip(" ")
    )


# Prayer and honorific formulas after a name, by their first two words ("طيب الله ثراه", "رحمه
# الله", "رضي الله عنه", "عليه السلام", "صلى الله عليه وسلم", "حفظه الله", "قدس سره").
_FORMULAS: frozenset[tuple[str, str]] = frozenset(
    (norm(a), norm(b))
    for a, b in (
        *(("طيب", "الله"), ("رحمه", "الله"), ("رحمها", "الله"), ("رحمهم", "الله")),
        *(("يرحمه", "الله"), ("يرحمها", "الله"), ("رحمة", "الله"), ("رضي", "الله")),
        *(("عليه", "السلام"), ("عليها", "السلام"), ("عليهم", "السلام"), ("صلى", "الله")),
        *(("حفظه", "الله"), ("حفظها", "الله"), ("يحفظه", "الله"), ("قدس", "سره")),
        *(("قدس", "الله"), ("أطال", "الله"), ("تغمده", "الله"), ("كرم", "الله")),
        *(("رعاه", "الله"), ("أيده", "الله"), ("نصره", "الله")),
    )
)
# Honorifics that stand before a title or a name and titles the CRF's feature lacks ("جلالة
# الملك", "سمو الشيخ", "كابتن أنطونيو حبيب"): a person's name does not start with them.
_HONORIFICS = _n("جلالة سمو صاحب فخامة معالي سماحة عطوفة سعادة الحاج الحاجة المرحوم الفقيد الراحل")


_SHORT_TITLES = _n("كابتن سيناتور")


def _honorific(w: Word) -> bool:
    """An honorific, or a role the CRF's title feature lacks written definite ("الكابتن",
    "اللاعب") or as a loanword title ("كابتن"): an indefinite role word may be a name (نجم، حارس)."""
    key = w.key
    if key in first_names():
        return False
    return key in _HONORIFICS or (key in LATE_TITLES and (w.surface.startswith("ال") or key in _SHORT_TITLES))


def _formula_at(words: Sequence[Word], k: int) -> bool:
    return k + 1 < len(words) and (words[k].key, words[k + 1].key) in _FORMULAS


def _given_name_at(words: Sequence[Word], k: int) -> bool:
    key = words[k].key
    return key in first_names() or key in (_ABD, _ABU)


_ABD = norm("عبد")
_ABU = norm("أبو")


def _epithet(words: Sequence[Word], k: int, last: int) -> bool:
    """words[k] is a definite everyday word before a given name ("الصاعد عبد العاطي"): an
    adjective or a noun describing the person, not the start of the name (an Arabic name opens
    on its given name). Definite as written: the article takes no hamza ("ألفا" is a name)."""
    w = words[k]
    key = w.key
    return (
        k < last
        and w.surface.startswith("ال")
        and (key in common_words() or key in mostly_common_words())
        and key not in first_names()
        and nisba_country(key) is None
        and _given_name_at(words, k + 1)
    )


# A dateline names a country or a large city: small towns share their names with surnames
# ("تايلور", "ستيوارت", "لافيغا").
_DATELINE_MIN_POP = 1_000_000


def _dateline_place(key: str) -> bool:
    return country_of_word(key) is not None or largest_population(key) >= _DATELINE_MIN_POP


def _known(name: str) -> bool:
    return name in lexicon() or country_by_name(name) is not None


# Partitive place nouns a glued preposition may carry before a place ("بأواسط السودان"). Not the
# cardinal directions: "جنوب أفريقيا", "جنوب السودان" are countries.
_PARTITIVES = _n("أواسط أقصى أطراف ضواحي قلب عمق أنحاء")


def _glued_partitive(words: Sequence[Word], first: int, last: int) -> bool:
    w = words[first]
    whole = w.whole
    if first >= last or whole[:1] not in ("ب", "ل", "ك") or whole[1:] not in _PARTITIVES:
        return False
    rest = " ".join(x.key for x in words[first + 1 : last + 1])
    return _known(rest) and not _known(f"{whole[1:]} {rest}")


# Verbs that open a news sentence before their subject ("أدان الشيباني الهجوم"): bare (no
# proclitic), 3rd person perfect, at the left edge of a person name they are the verb.
_OPENING = _REPORTING + " أدان رحب استقبل التقى بحث استنكر ندد هنأ زار غادر اتهم وقع ترأس شارك"


@cache
def _opening_forms() -> frozenset[str]:
    forms = {norm(v) + s for v in _OPENING.split() for s in ("", "ت")}
    return frozenset(forms) - first_names() - lexicon()


def _opening_verb(w: Word) -> bool:
    """`w` is a bare perfect verb that opens a clause before its subject ("أدان", "التقت")."""
    return w.stem_start == w.start and w.whole in _opening_forms()


_SENTENCE_BREAKS = frozenset('.!?؟،,:؛;"«»')


def _clause_opening_name_verb(words: Sequence[Word], k: int) -> bool:
    """A reporting verb that is also a given name (طالب), with و/ف, opening a sentence or clause
    before another name ("، وطالب الشيباني المجتمع الدولي …"): the verb, not the name Talib."""
    w = words[k]
    if w.whole[:1] not in ("و", "ف") or w.whole[1:] not in _reporting_forms_all():
        return False
    return k == 0 or (not words[k - 1].is_word and words[k - 1].text[-1:] in _SENTENCE_BREAKS)


@cache
def _reporting_forms_all() -> frozenset[str]:
    """Reporting verbs in all their perfect forms, given names included (طالب)."""
    return frozenset(norm(p) + s for p in _REPORTING.split() for s in _PERFECT_SUFFIXES)


def _not_a_start(kind: str, words: Sequence[Word], first: int, last: int) -> bool:
    """words[first] cannot open a name of that type (module docstring)."""
    w = words[first]
    if is_edge_verb(w):
        return True
    if kind == "PERSON":
        return (
            _honorific(w)
            or _epithet(words, first, last)
            or _opening_verb(w)
            or _clause_opening_name_verb(words, first)
        )
    if kind == "ORG":
        # "الروسية البريطانية تي إن كي بي بي"; not "العربية للطيران" (a proclitic follows).
        nxt = words[first + 1]
        return w.surface.startswith("ال") and nisba_country(w.key) is not None and nxt.stem_start == nxt.start
    return kind == "LOC" and _glued_partitive(words, first, last)


def _trim(kind: str, words: Sequence[Word], first: int, last: int) -> tuple[int, int]:
    """The range without the words at its edges that cannot belong to a name of that type."""
    while first < last and _not_a_start(kind, words, first, last):
        first += 1
    while last > first and is_edge_verb(words[last]):
        last -= 1
    if kind == "LOC" and last > first and _trailing_nisba(words, first, last):
        last -= 1
    return first, last


def _trailing_nisba(words: Sequence[Word], first: int, last: int) -> bool:
    """A place name followed by the nationality adjective of its country ("لاتسيو الإيطالية"):
    the adjective describes the place. Not a name that holds the adjective ("الجمهورية العربية
    السورية" is known whole), nor one whose head is an everyday word ("الأراضي الفلسطينية")."""
    key = words[last].key
    if last != first + 1 or not words[last].surface.startswith("ال") or nisba_country(key) is None:
        return False
    head = words[first]
    return (
        not _known(f"{head.key} {key}")
        and not head.surface.startswith("ال")
        and head.key not in common_words()
        and head.stem_start == head.start
    )


def _person_parts(text: str, words: Sequence[Word], first: int, last: int) -> list[tuple[int, int, str]]:
    """A person range cut at a prayer formula, split at kinship nouns, and without a trailing
    dateline place: (first, last, type) parts."""
    formula = next((k for k in range(first + 1, last + 1) if _formula_at(words, k)), None)
    if formula is not None:
        last = formula - 1
    parts: list[tuple[int, int, str]] = []
    start = first
    k = first + 1
    while k <= last:
        if relation_at(text, words, k):
            end = k - 1
            if end > start and words[end].key in _NASAB_LINKS:
                end -= 1  # "ابن أخيه": the link belongs to the relation, not the name
            if end >= start:
                parts.append((start, end, "PERSON"))
            start = k + 1
        k += 1
    if start <= last:
        parts.append((start, last, "PERSON"))
    out: list[tuple[int, int, str]] = []
    for a, b, kind in parts:
        if b - a >= 2 and _dateline_place(words[b].key) and words[b].key not in first_names():
            # "محمد صادق نيويورك :": the byline's name, then the dateline's city.
            out.append((a, b - 1, "PERSON"))
            out.append((b, b, "LOC"))
        else:
            out.append((a, b, kind))
    return out


# How much likelier the whole token must be than what is left without its first letter (zipf units)
# for that letter to be the word's own: "وكيل" 4.4 vs "كيل" 3.6, "وروسيا" 4.3 vs "روسيا" 5.3.
_OWN_LETTER_MARGIN = 0.5


# A whole token this frequent is everyday vocabulary, not a rare foreign name.
_EVERYDAY_ZIPF = 3.0


def own_letter(w: Word) -> bool:
    """The one-letter proclitic split off `w` is the word's own first letter: the whole token is far
    commoner Arabic than its lookup form without the letter ("وكيل" deputy, not و + كيل Kiel;
    "فيرغوسن", not ف + يرغوسن), and no known name."""
    if w.stem_start - w.start != 1 or w.whole in lexicon():
        return False
    rest = w.surface
    if w.key.startswith("ال") and not norm(rest).startswith("ال"):
        rest = "ا" + rest  # "للدوحة": ل + الدوحة, its ال's alif swallowed
    return zipf_frequency(w.text, "ar") > zipf_frequency(rest, "ar") + _OWN_LETTER_MARGIN


def repair_model_spans(text: str, words: Sequence[Word], cands: Sequence[Candidate]) -> list[Candidate]:
    """The model's candidates with their edges repaired (module docstring); others unchanged."""
    if not words:
        return list(cands)
    starts = [w.start for w in words]
    out: list[Candidate] = []
    for c in cands:
        if c.source != "model":
            out.append(c)
            continue
        first = max(bisect_right(starts, c.start) - 1, 0)
        last = first
        while last + 1 < len(words) and words[last].end < c.end:
            last += 1
        a, b = _trim(c.type, words, first, last)
        if a == b and (is_edge_verb(words[a]) or words[a].whole in COMPOUND_PREPOSITIONS):
            continue  # the whole span is a verb ("ليتحرك") or a preposition ("لصالح")
        if a == b == first and c.start == words[a].stem_start and own_letter(words[a]):
            if zipf_frequency(words[a].text, "ar") >= _EVERYDAY_ZIPF:
                continue  # an everyday word cut after its first letter ("وكيل")
            out.append(c._replace(start=words[a].start))  # a foreign name's letter ("فيرغوسن")
            continue
        pieces = _person_parts(text, words, a, b) if c.type == "PERSON" else [(a, b, c.type)]
        if pieces == [(first, last, c.type)]:
            out.append(c)
            continue
        for p, q, kind in pieces:
            start = c.start if p == first else words[p].stem_start
            end = c.end if q == last else words[q].end
            lone = kind == "PERSON" and p == q and words[p].key in first_names()
            out.append(c._replace(type=kind, start=start, end=end, first_name_only=lone))
    return out
