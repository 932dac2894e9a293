"""Organization names by their Arabic structure: an institution head noun followed by its
genitive chain and adjectives ("وزارة الخارجية الروسية", "هيئة تشجيع الاستثمار", "غرفة تجارة
بنغازي", "المجلس الرئاسي", "شبكة CNN").

An indefinite head (وزارة, in construct state) takes a chain of nouns that ends in a definite word,
a place name or a Latin name; a definite head (المجلس) needs at least one definite modifier, since
"المجلس" alone is not a name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from khabar.core.tagging.countries import ADJECTIVE_NAMES, country_of_word, nisba_country
from khabar.core.tagging.geo import is_city
from khabar.core.tagging.lexicons import ORG_HEADS, calendar_words, function_words, is_ala
from khabar.core.tagging.titles import TITLE_WORDS
from khabar.core.tagging.words import Word
from khabar.core.text.normalize import norm

MAX_CONSTRUCT = 2
# "التابعة للحوثيين": what follows is the owner, not the name.
_AFFILIATED = frozenset(norm(w) for w in ("التابع", "التابعة", "التابعين", "التابعون"))
# Adjectives that, after a modifier of their own, name a state's body like a nisba.
_NATIONAL = frozenset(norm(w) for w in ("الوطني", "الوطنية", "الاتحادي", "الاتحادية"))
# Heads that as often describe as name ("حركة الطائرات", "لجنة الانضباط", "مصلحة الشعب"): they
# need a nisba, place or Latin name ("غرفة تجارة بنغازي", "شبكة CNN").
_WEAK_HEADS = frozenset(
    norm(w)
    for w in [
        "قوات",
        "جيش",
        "شبكة",
        "حركة",
        "غرفة",
        "لجنة",
        "مصلحة",
        "مديرية",
        "بلدية",
        "مكتب",
        "مركز",
        "إدارة",
        "قيادة",
        "رئاسة",
        "تنظيم",
        "جماعة",
        "كتيبة",
        "كتائب",
        "قوة",
        "مؤتمر",
        "منتدى",
        "تحالف",
        "كتلة",
        "حرس",
        "تلفزيون",
        "إذاعة",
        "مجلة",
        "جريدة",
    ]
)

_HEADS = ORG_HEADS
# Definite bodies every state has, named by a nationality: "الجيش الليبي", "السلطات المصرية".
_GENERIC_BODIES = frozenset(
    norm(w)
    for w in ("الجيش", "الحكومة", "القوات", "السلطات", "الشرطة", "الإدارة", "الرئاسة", "البحرية", "الخارجية")
)
# "الجهاز الفني" (a team's staff), "القوة الدولية" (a force): only the indefinite heads name.
_DEFINITE_HEADS = frozenset("ال" + h for h in _HEADS - {norm("جهاز"), norm("قوة")})
MAX_ORG = 7
_ARTICLE = "ال"
_GENERAL = norm("العام")


@dataclass(frozen=True, slots=True)
class OrgSpan:
    first: int
    last: int


# Person titles end an organization name ("إدارة الرئيس الأمريكي"), except the plural bodies that
# name institutions ("مجلس الوزراء", "مجلس النواب").
_BODIES = frozenset(norm(w) for w in ("الوزراء", "النواب", "الشيوخ", "الأمناء", "المحافظين", "القادة"))


def _stop(w: Word) -> bool:
    if w.key in TITLE_WORDS and w.key not in _BODIES:
        return True
    return not w.is_word or w.key in function_words() or w.key in calendar_words() or is_ala(w.text, w.key)


def _conjoined(words: Sequence[Word], j: int) -> bool:
    """و + definite noun continuing a name ("وزارة الخارجية والتعاون الدولي", "التجارة والصناعة"),
    but not a second institution ("والسفارة") nor a clause."""
    w = words[j]
    return (
        w.text.startswith("و")
        and w.key.startswith(_ARTICLE)
        and len(w.key) > 3
        and w.key not in _DEFINITE_HEADS
        and w.key not in TITLE_WORDS  # "واللواء 444": a second body
        and w.key not in function_words()
        and w.key not in calendar_words()
        and w.stem_start - w.start == 1
    )


# إلى with a pronoun ("إليه") folds to what looks like ال + stem.
_ILA_PRONOUNS = frozenset(norm("إلي" + p) for p in ("ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم"))


def _definite(w: Word) -> bool:
    return w.key.startswith(_ARTICLE) and len(w.key) > 3 and w.key not in _ILA_PRONOUNS and w.key.isalpha()


def _possessed(w: Word) -> bool:
    """A noun with a possessive pronoun ("مقره", "رئيسها") cannot stand in a construct chain; a
    final ه written without the ة dots is the pronoun (or a root letter, rarely in names)."""
    return len(w.text) >= 4 and w.text.endswith(("ه", "ها", "هم", "هما"))


def _latin(w: Word) -> bool:
    return w.text.isascii() and w.text[:1].isalpha()


def _place(w: Word) -> bool:
    return (country_of_word(w.key) is not None and w.key not in ADJECTIVE_NAMES) or is_city(w.key)


def _lam_phrase(words: Sequence[Word], j: int) -> int:
    """Length of a ل-genitive phrase at words[j]: "للنفط" (ل + ال fused) is one word, "لغرف
    التجارة" (ل + a noun in construct with a definite word) two; 0 when there is none."""
    w = words[j]
    if len(w.key) < 4 or w.key in function_words() or not w.key.startswith("ل"):
        return 0
    if w.key.startswith("لل"):
        return 1
    nxt = words[j + 1] if j + 1 < len(words) else None
    if nxt is not None and _definite(nxt) and nxt.stem_start == nxt.start and not _stop(nxt):
        return 2
    return 0


# Nouns news puts after a body as the object of its verb ("حمّل … المسؤولية", "قدم … التعازي"),
# never as a modifier of the body's name: they end it.
_VERB_OBJECTS = frozenset(norm(w) for w in ("المسؤولية", "التعازي", "التهاني", "الشكر", "التحية"))


def _extend(words: Sequence[Word], i: int, definite_head: bool) -> int:
    """Index one past the organization name whose head is words[i]."""
    j = i + 1
    last_good = i + 1 if not definite_head else i  # a definite head alone is not a name
    indefinite_run = not definite_head
    proper_end = 0  # end of the last nisba, place or Latin word
    described = False  # a modifier other than a country nisba ("الرئاسي" of "المجلس الرئاسي الليبي")
    described_to_proper = False  # ... before proper_end
    lam_domain = False  # the name closed on a ل-genitive domain ("للنفط")
    conjoined_plural = 0  # index after a coordinated sound plural ("والمغتربين")
    while j < len(words) and j - i < MAX_ORG:
        w = words[j]
        if j > i + 1 and last_good == j and _conjoined(words, j):
            if proper_end == j and lam_domain:
                proper_end = j + 1  # "لغرف التجارة والصناعة": the domain is coordinated
            if w.key.endswith("ين"):
                conjoined_plural = j + 1
            j += 1
            last_good = j
            continue
        if j == i + 1 and definite_head and w.key == _GENERAL:
            described = True  # "الاتحاد العام": "general", not "the year" that stops a name
            j += 1
            last_good = j
            continue
        if _stop(w) or w.stem_start != w.start:
            break  # a clitic (و، ب، ل) starts a new phrase
        if w.key in _AFFILIATED:
            break  # "قناة المسيرة التابعة للحوثيين": the owner follows, the name has ended
        if definite_head and described and last_good == j and (k := _lam_phrase(words, j)):
            # "المؤسسة الوطنية للنفط", "الاتحاد العام لغرف التجارة": a described definite head
            # takes its domain with ل; the name closes there, as after a nisba.
            j += k
            last_good = proper_end = j
            described_to_proper = lam_domain = True
            continue
        if nisba_country(w.key) or _latin(w) or _place(w):
            described = described or not nisba_country(w.key)
            indefinite_run = False
            j += 1
            last_good = j
            proper_end = j
            described_to_proper = described
            continue
        if _definite(w):
            if proper_end == j and nisba_country(words[j - 1].key):
                break  # "وزارة الخارجية العراقية القائم بالأعمال": the nationality ends the name
            if j > i + 1 and w.key in _VERB_OBJECTS:
                break  # "حملت الرئاسة حكومة الاحتلال المسؤولية الكاملة": the verb's object
            if conjoined_plural == j:
                # "وزارة الخارجية والمغتربين المجتمع الدولي": after a coordinated plural of
                # persons only a nationality agrees; a definite noun is the verb's object.
                break
            if definite_head and described and w.key in _NATIONAL:
                # "المجلس الشعبي الوطني": "national" after a modifier of its own names the
                # country's body, as a nisba would.
                j += 1
                last_good = proper_end = j
                described_to_proper = True
                continue
            described = True
            indefinite_run = False
            j += 1
            last_good = j
            continue
        if indefinite_run and j - i <= MAX_CONSTRUCT and not _possessed(w):
            j += 1  # construct chain (هيئة تشجيع ...); kept only if a definite word closes it
            continue
        break
    if not definite_head and last_good == i + 1:
        return i  # a bare indefinite head ("وزارة") is no name either
    if definite_head:
        # "المكتب الإعلامي" and "الحكومة الليبية" describe ("the Libyan government": the event
        # coder reads it as Libya's side); "المجلس الرئاسي الليبي" names: a definite head needs a
        # modifier of its own and a nisba, place or Latin name, and the name ends there.
        return proper_end if proper_end and described_to_proper else i
    if not described:
        return i  # "قوات إثيوبية": a head with only a nationality describes
    if words[i].key in _WEAK_HEADS and not proper_end:
        return i  # "قوات الاحتلال", "شبكة الإنترنت"
    return last_good


def is_description(name: str) -> bool:
    """A normalized name that is an institution head with only nationality adjectives ("الجيش
    الاسرائيلي", "الحكومة الليبية"): it describes a country's body rather than naming one."""
    parts = name.split()
    head = parts[0] if parts else ""
    return (
        len(parts) >= 2
        and head.startswith(_ARTICLE)
        and (head in _DEFINITE_HEADS or head in _GENERIC_BODIES)
        and all(nisba_country(p) for p in parts[1:])
    )


def find_orgs(words: Sequence[Word]) -> list[OrgSpan]:
    out: list[OrgSpan] = []
    i = 0
    while i < len(words):
        k = words[i].key
        if k in _HEADS or k in _DEFINITE_HEADS:
            j = _extend(words, i, k in _DEFINITE_HEADS)
            if j > i + 1:
                out.append(OrgSpan(i, j - 1))
                i = j
                continue
        i += 1
    return out
