"""Who can take part in an event in one sentence: the tagger's entities plus the nominal references
Arabic news uses for people already introduced, each placed on the sentence's tokens.

- PERSON and ORG entities are participants; a LOC that names a country is the state acting as a
  whole (COUNTRY) unless a locative (في، بـ، داخل، لدى ...) makes it a place; other LOCs are places.
- An ORG or country just before a person's name is part of that person's title ("سفير روسيا لدى
  ليبيا، حيدر أغانين", "بوزارة الخارجية الروسية، كينتشاك"): it is absorbed, and gives the person a
  nationality when the tagger gave none.
- "رئيس حكومة الوحدة الوطنية" without a name is the story's person carrying that title.
- "نظيره الروسي", "الوفد الليبي", "الجانب الروسي", "مسؤولين ليبيين" are a country's side (COUNTRY).
- "الجانبان", "الطرفان", "البلدان" point back to the previous event's participants (PLURAL).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from wordfreq import zipf_frequency

from khabar.core.events.countries import (
    capital_country,
    country_of_adjective,
    country_of_name,
    country_of_place,
    country_of_word,
)
from khabar.core.models import Entity, EntityType, TextField
from khabar.core.tagging.titles import TITLE_WORDS
from khabar.core.text.normalize import norm
from khabar.core.text.tokens import Token

__all__ = [
    "PEOPLE_NOUNS",
    "Kind",
    "Mention",
    "StoryPeople",
    "mentions_in",
    "person_country",
    "side_sector",
    "story_people",
]


class Kind(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    COUNTRY = "COUNTRY"
    PLACE = "PLACE"
    PLURAL = "PLURAL"


def _set(*words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


ROLE_WORDS = _set(
    "رئيس",
    "الرئيس",
    "رئيسة",
    "وزير",
    "الوزير",
    "وزيرة",
    "سفير",
    "السفير",
    "سفيرة",
    "نائب",
    "النائب",
    "مسؤول",
    "المسؤول",
    "مسؤولين",
    "مسؤولون",
    "عضو",
    "مبعوث",
    "المبعوث",
    "وفد",
    "الوفد",
    "نظير",
    "نظيره",
    "نظيرته",
    "قائد",
    "القائد",
    "أمين",
    "الأمين",
    "ملك",
    "الملك",
    "أمير",
    "الأمير",
    "ولي",
    "ممثل",
    "الممثل",
    "ممثلين",
    "مدير",
    "المدير",
    "حاكم",
    "زعيم",
    "الزعيم",
    "المتحدث",
    "متحدث",
    "الفريق",
    "اللواء",
    "العقيد",
    "المشير",
    "الجنرال",
    "السيد",
    "الشيخ",
    "مستشار",
    "المستشار",
    "الجانب",
    "جانب",
    "الطرف",
    "رئاسة",
    "الحكومة",
    "حكومة",
    "قوات",
    "القوات",
    "الجيش",
    "جيش",
    "الملحق",
    "مندوب",
    "المندوب",
    "أركان",
)
# Nouns of civilians (not state organs): with a nationality they are that state's citizens, and
# without one, as the object of an arrest or an attack, the citizens of the place or of the actor.
PEOPLE_NOUNS = _set(
    *("شبان", "شابا", "شباب", "الشبان", "متظاهرين", "متظاهرا", "المتظاهرين", "متظاهرون"),
    *("محتجين", "محتجا", "المحتجين", "ناشطين", "ناشطا", "الناشطين", "طلاب", "طلابا", "الطلاب"),
    *("أطفال", "الأطفال", "نساء", "عمال", "عمالا", "العمال", "صيادين", "صيادا", "الصيادين"),
    *("مهاجرين", "المهاجرين", "مدنيا", "أشخاص", "أشخاصا", "مزارعين", "سكان", "السكان"),
    *("الشعب", "شعب", "المعارضين", "معارضين", "معارضا", "أسرى", "مطلوبين", "مطلوبا"),
    *("مواطنا", "مواطنين", "المواطنين", "مدنيين", "المدنيين"),
)
# Settlers: in a story about Israel and Palestine (see `_occupier`), "مستوطنون"/"مستعمرون" (the
# Palestinian agency WAFA's word) are Israeli civilians, whatever their nationality is not said.
SETTLERS = _set(
    *("مستوطنون", "مستوطنين", "المستوطنون", "المستوطنين", "مستوطن", "المستوطن", "مستوطنو"),
    *("مستعمرون", "مستعمرين", "المستعمرون", "المستعمرين", "مستعمر", "المستعمر", "مستعمرو"),
)
# Role nouns that, followed by a nationality adjective, stand for that country's side.
_SIDE_WORDS = _set(
    "نظيره",
    "نظيرته",
    "نظيرهم",
    "الوفد",
    "وفد",
    "الجانب",
    "جانب",
    "الطرف",
    "مسؤولين",
    "مسؤولون",
    "المسؤولين",
    "السفير",
    "سفير",
    "المبعوث",
    "الحكومة",
    "حكومة",
    "الجيش",
    "القوات",
    "قوات",
    "السلطات",
    "وزير",
    "الوزير",
    "وزارة",
    "الخارجية",
    "الرئيس",
    "رئيس",
    "طائرات",
    "الطائرات",
    # Groups of people named by their nationality: "طردت الجزائر اثني عشر دبلوماسيا فرنسيا".
    *("دبلوماسيا", "دبلوماسيين", "دبلوماسيون", "الدبلوماسيين", "أسيرا", "أسرى", "الأسرى"),
    *("معتقلا", "معتقلين", "المعتقلين", "جنديا", "جنود", "الجنود", "موظفا", "موظفين", "الموظفين"),
    *("محتجزا", "محتجزين", "المحتجزين", "رهائن", "الرهائن", "رهينة"),
    *("صحفيا", "صحفيين", "رعايا", "مواطنا", "مواطنين", "المواطنين", "لاجئين", "مستوطنين", "مدنيين"),
    # Civilians named by their nationality: "اعتقلت القوات الإسرائيلية 9 شبان فلسطينيين",
    # "هنأت السفارة الأمريكية الشعب العراقي".
    *PEOPLE_NOUNS,
    "مقاتلات",
    "الطيران",
    "مسيرات",
    # one aircraft or drone: "استهدفت مسيّرة إسرائيلية سيارة"
    *("طائرة", "الطائرة", "مسيرة", "المسيرة"),
    "البحرية",
    "الشرطة",
    "الأمن",
    "القائم",  # القائم بالأعمال الفرنسي
)
# The CAMEO sector a side word gives its country ("الجيش الإسرائيلي" is Israel's military).
_MILITARY_SIDES = _set(
    "الجيش",
    "جيش",
    "القوات",
    "قوات",
    "طائرات",
    "الطائرات",
    "مقاتلات",
    "الطيران",
    "مسيرات",
    "البحرية",
    "طائرة",
    "الطائرة",
    "مسيرة",
    "المسيرة",
)
_POLICE_SIDES = _set("الشرطة", "الأمن")
_SECURITY = _set("الأمنية", "أمنية")


def side_sector(name: str) -> str | None:
    """Sector of a country's side named by a role noun: MIL, COP (police), GOV, or none for its
    citizens (prisoners, diplomats' staff aside: "أسرى فلسطينيين", "مواطنين")."""
    head = norm(name).split()[0] if name.split() else ""
    head = head[1:] if head[:1] in "وبل" and head[1:] in _SIDE_WORDS else head
    if head in _MILITARY_SIDES:
        # "القوات الأمنية", "قوات الأمن": security forces are the police's side.
        return "COP" if set(norm(name).split()[1:2]) & (_POLICE_SIDES | _SECURITY) else "MIL"
    if head in _CIVILIAN_SIDES:
        return None
    return "COP" if head in _POLICE_SIDES else "GOV"


_CIVILIAN_SIDES = (
    _set(
        *("أسيرا", "أسرى", "الأسرى", "معتقلا", "معتقلين", "المعتقلين", "صحفيا", "صحفيين", "رعايا"),
        *("مواطنا", "مواطنين", "المواطنين", "لاجئين", "مستوطنين", "مدنيين"),
    )
    | PEOPLE_NOUNS
    | SETTLERS
)


# Words before which a capital is a place, not its government: prepositions and "العاصمة".
_PLACE_MARKERS = _set(
    "في", "إلى", "الى", "من", "عن", "على", "داخل", "نحو", "حتى", "عبر", "قرب", "مع", "بين", "لدى"
)
# Documents, meetings and processes named after a place ("إعلان أنقرة", "مسار أستانا").
_NAMED_AFTER_PLACE = _set(
    *("إعلان", "اتفاق", "اتفاقية", "معاهدة", "مذكرة", "بيان", "مؤتمر", "قمة", "منتدى", "مسار"),
    *("محادثات", "مفاوضات", "جولة", "عملية", "خطة", "مبادرة", "صيغة", "بروتوكول"),
)
# Side words naming a body of people, never one person's title.
_BODIES_OF_PEOPLE = _set("السلطات", "الحكومة", "حكومة", "القوات", "قوات", "الجيش", "الطائرات", "طائرات")
_PLURAL_WORDS = _set(
    *("الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدان", "البلدين", "الوفدان", "الوفدين"),
    # The two people of the previous event: "واتفق الزعيمان", "وقع الوزيران".
    *("الزعيمان", "الزعيمين", "الوزيران", "الوزيرين", "الرئيسان", "الرئيسين", "القائدان", "القائدين"),
)
# Words that cannot sit inside a title between an organization and a name.
_TITLE_BREAKERS = _set("مع", "من", "و", "إلى", "الى", "ضد", "حيث", "كما", "التقى", "خلال", "بين")
# Ranks and honorifics (the tagger's title words: "الفريق أول", "الشيخ") may sit there too.
_TITLE_FILLERS = (
    ROLE_WORDS
    | TITLE_WORDS
    | _set(
        "لدى",
        "الركن",
        "ركن",
        "الخاص",
        "المكلف",
        "المكلفة",
        "العام",
        "الأعلى",
        "الدولي",
        "نائب",
        "رئيس",
        "أول",
    )
)
# Words before a country name that make it a place, not an acting state.
LOCATIVES = _set(
    "في",
    "داخل",
    "عمق",
    "بعمق",
    "لدى",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "أنحاء",
    "العاصمة",
    "بالعاصمة",
    "مدينة",
    "بمدينة",
)


@dataclass(frozen=True, slots=True)
class Mention:
    kind: Kind
    index: int  # first token index in the sentence
    end_index: int  # last token index
    name: str
    entity: Entity | None = None
    country: str | None = None
    absorbed: bool = False  # part of a following person's title
    direct_cue: str | None = None  # preposition glued to or right before the mention (ل، من، مع ...)
    resolved: bool = False  # found by reference, not by name
    weak: bool = False  # a one-word "name" the article never gives in full: likely a mis-tagged title word


@dataclass(frozen=True, slots=True)
class StoryPeople:
    """The article's persons with the normalized words that precede each mention (their titles)."""

    persons: tuple[tuple[Entity, frozenset[str]], ...]
    surnames: frozenset[str] = frozenset()  # last words of the multi-word person names
    occupier: str | None = None  # whom a bare "الاحتلال" means in this story (ISR, or nobody)


# A story about Israel and Palestine: in its (Arab, Palestinian) usage a bare "الاحتلال", "قوات
# الاحتلال", "جيش الاحتلال" is Israel. Elsewhere the word names no one unless a nationality follows
# it ("الاحتلال الأمريكي").
_ISRAEL_PALESTINE = tuple(
    norm(w) for w in ("إسرائيل", "الإسرائيلي", "فلسطين", "الفلسطيني", "غزة", "الضفة الغربية")
)


def _occupier(entities: list[Entity], body: str) -> str | None:
    text = norm(body)
    if any(e.country in ("ISR", "PSE") for e in entities) or any(w in text for w in _ISRAEL_PALESTINE):
        return "ISR"
    return None


def story_people(entities: list[Entity], body: str) -> StoryPeople:
    out = []
    for e in entities:
        if e.type is EntityType.PERSON and e.field is TextField.BODY:
            before = body[max(0, e.start - 80) : e.start]
            before = before.split(".")[-1].split("\n")[-1]
            words = {norm(w).strip('،,«»"“”') for w in before.split()}
            if e.title:
                words |= {norm(w) for w in e.title.split()}
            out.append((e, frozenset(w for w in words if w)))
    surnames = frozenset(norm(e.text).split()[-1] for e, _ in out if len(norm(e.text).split()) > 1)
    return StoryPeople(tuple(out), surnames, _occupier(entities, body))


def _token_at(tokens: list[Token], offset: int) -> int | None:
    for k, t in enumerate(tokens):
        if t.start <= offset < t.end:
            return k
    return None


def _glued_prefix(tokens: list[Token], k: int, start: int) -> str:
    """Normalized proclitics glued in front of an entity inside its token, minus و/ف ("لل" -> "ل")."""
    prefix = norm(tokens[k].text[: start - tokens[k].start])
    prefix = prefix.lstrip("وف")
    if prefix.startswith("لل") or prefix.startswith("ل"):
        return "ل"
    if prefix.startswith("ب"):
        return "ب"
    return prefix


def _previous_word(words: list[str], k: int) -> tuple[int, str] | None:
    j = k - 1
    while j >= 0 and not words[j][:1].isalnum():
        j -= 1
    return (j, words[j]) if j >= 0 else None


def _bare_noun_phrase(words: list[str], tokens: list[Token], k: int, k_end: int) -> bool:
    """words[k..k_end] stand as a verb's subject or object: no preposition or place noun before
    them (a nationality between aside: "العاصمة التركية أنقرة"), no dateline dash after them
    ("بيروت ـ من فتحي محمود")."""
    prev = _previous_word(words, k)
    if prev is not None and country_of_adjective(prev[1]) and prev[0] > 0:
        prev = _previous_word(words, prev[0])
    if prev is not None:
        word = prev[1][1:] if prev[1][:1] in "وف" and len(prev[1]) > 2 else prev[1]  # "وفي بكين"
        if {prev[1], word} & (_PLACE_MARKERS | LOCATIVES):
            return False
    # The dash as written: normalization drops a tatweel "ـ".
    nxt = tokens[k_end + 1].text.strip() if k_end + 1 < len(tokens) else ""
    return nxt not in ("-", "–", "—", "ـ")


def _only_title_words(gap: list[str]) -> bool:
    return all(w in _TITLE_FILLERS or country_of_word(w) for w in gap if w[:1].isalnum())


def _direct_cue(words: list[str], tokens: list[Token], k: int, start: int) -> str | None:
    glued = _glued_prefix(tokens, k, start)
    if glued:
        return glued
    prev = _previous_word(words, k)
    if prev and len(prev[1]) <= 4:
        return prev[1]
    return None


def mentions_in(
    tokens: list[Token], words: list[str], entities: list[Entity], people: StoryPeople
) -> list[Mention]:
    """Participants and places in a sentence (tokens carry body offsets), in text order."""
    if not tokens:
        return []
    lo, hi = tokens[0].start, tokens[-1].end
    out: list[Mention] = []
    covered: set[int] = set()
    for e in sorted(entities, key=lambda e: e.start):
        if e.field is not TextField.BODY or not (lo <= e.start < hi) or e.type is EntityType.DATE:
            continue
        k = _token_at(tokens, e.start)
        if k is None or k in covered:
            continue
        k_end = _token_at(tokens, max(e.start, e.end - 1)) or k
        covered.update(range(k, k_end + 1))
        cue = _direct_cue(words, tokens, k, e.start)
        prev = _previous_word(words, k)
        prev_word = prev[1] if prev else ""
        if e.type is EntityType.PERSON:
            country = e.country or person_country(words, k)
            parts = norm(e.text).split()
            weak = len(parts) == 1 and parts[0] not in people.surnames
            out.append(Mention(Kind.PERSON, k, k_end, e.text, e, country, direct_cue=cue, weak=weak))
            continue
        if e.type is EntityType.LOC:
            iso = country_of_place(e.text, e) or (
                e.country if e.canonical_name and country_of_name(e.canonical_name) else None
            )
            # "إعلان أنقرة", "اتفاق الدوحة": a place naming a document or a meeting is no party to it.
            locative = (
                prev_word in LOCATIVES
                or (cue == "ب")
                or prev_word.startswith("بال")
                or (prev_word[1:] if prev_word[:1] in "وبل" else prev_word) in _NAMED_AFTER_PLACE
            )
            if (
                iso is None
                and not _glued_prefix(tokens, k, e.start)
                and _bare_noun_phrase(words, tokens, k, k_end)
            ):
                # "اتهم الكرملين كييف", "وتتهم بغداد أنقرة": a capital standing for its government.
                iso = capital_country(e)
            # A wire dateline ("دمشق (سانا) -", "واشنطن - رويترز") opening the sentence is where the
            # story was filed, no party to it.
            nxt = tokens[k_end + 1].text.strip() if k_end + 1 < len(tokens) else ""
            dateline = prev is None and nxt in ("(", "-", "–", "—", "ـ", ":")
            kind = Kind.COUNTRY if iso and not locative and not dateline else Kind.PLACE
            out.append(Mention(kind, k, k_end, e.text, e, iso or e.country, direct_cue=cue))
            continue
        # ORG: a title without a name ("رئيس حكومة الوحدة الوطنية") is the story's person with that title.
        org_words = {w for w in norm(e.text).split()}
        before = {w for w in words[max(0, k - 2) : k]}
        role = before & ROLE_WORDS
        person = None
        name_follows = any(
            p.type is EntityType.PERSON
            and p.field is TextField.BODY
            and e.end <= p.start <= e.end + 40
            # Only title words between: "رئيس حكومة الوحدة الوطنية، عبد الحميد الدبيبة", not "…،
            # أجرى مباحثات مع وزير الدفاع الروسي سيرجي شويجو" (a verb: the name is someone else).
            and _only_title_words(
                [w for t, w in zip(tokens, words, strict=True) if e.end <= t.start < p.start]
            )
            for p in entities
        )
        if role and not name_follows:
            for p, title_words in people.persons:
                shared = len(org_words & title_words)
                if role <= title_words and shared >= min(2, len(org_words)) and not (lo <= p.start < hi):
                    person = p
                    break
        if person is not None:
            out.append(
                Mention(
                    Kind.PERSON, k, k_end, person.text, person, person.country, direct_cue=cue, resolved=True
                )
            )
        else:
            iso = e.country or next((c for c in map(country_of_word, norm(e.text).split()) if c), None)
            out.append(Mention(Kind.ORG, k, k_end, e.text, e, iso, direct_cue=cue))
    out.extend(_surname_mentions(tokens, words, covered, people))
    people_at = {m.index for m in out if m.kind is Kind.PERSON}
    people_end = {m.end_index for m in out if m.kind is Kind.PERSON}
    out.extend(_nominals(tokens, words, covered, people_at, people_end, people))
    out.sort(key=lambda m: m.index)
    return _absorb_titles(_absorb_aliases(out, words), words)


def _absorb_aliases(mentions: list[Mention], words: list[str]) -> list[Mention]:
    """A name in brackets right after another ("حركة المقاومة الإسلامية (حماس)", "دمشق (سانا)") is
    that party's alias or the wire of a dateline: never a second participant."""
    out = list(mentions)
    for i, m in enumerate(out):
        if i and words[m.index - 1 : m.index] == ["("] and out[i - 1].end_index == m.index - 2:
            out[i] = replace(m, absorbed=True)
    return out


# A surname this common as an Arabic word (wordfreq zipf) is read as the word: "بري" (land), "عون"
# (help), "سلام" (peace).
_COMMON_SURNAME_ZIPF = 4.0


def _surname_mentions(
    tokens: list[Token], words: list[str], covered: set[int], people: StoryPeople
) -> list[Mention]:
    """A person the article named in full, mentioned again by surname alone where the tagger missed
    it ("كما التقت أورتاغوس رئيس مجلس النواب نبيه بري" after "مورغان أورتاغوس"): the surname of
    exactly one person of the story, not a nationality (السوداني) nor a common word."""
    owners: dict[str, set[str]] = {}
    by_name: dict[str, Entity] = {}
    for e, _ in people.persons:
        parts = norm(e.text).split()
        if len(parts) > 1:
            owners.setdefault(parts[-1], set()).add(norm(e.text))
            by_name.setdefault(norm(e.text), e)
    out: list[Mention] = []
    for k, w in enumerate(words):
        if k in covered:
            continue
        bare = w[1:] if w[:1] in "وبل" and w not in owners and w[1:] in owners else w
        names = owners.get(bare)
        if (
            names is None
            or len(names) != 1
            or len(bare) < 4
            or country_of_adjective(bare)
            or country_of_word(bare)
            or zipf_frequency(bare, "ar") >= _COMMON_SURNAME_ZIPF
        ):
            continue
        person = by_name[next(iter(names))]
        cue = w[:1] if bare != w and w[:1] in "بل" else None
        if cue is None:
            prev = _previous_word(words, k)
            cue = prev[1] if prev and len(prev[1]) <= 4 else None
        out.append(
            Mention(Kind.PERSON, k, k, person.text, person, person.country, direct_cue=cue, resolved=True)
        )
    return out


def _nominals(
    tokens: list[Token],
    words: list[str],
    covered: set[int],
    people_at: set[int],
    people_end: set[int],
    people: StoryPeople,
) -> list[Mention]:
    out: list[Mention] = []
    taken: set[int] = set()  # words already inside a nominal ("قوات الأمن التونسية" once, not twice)
    for k, w in enumerate(words):
        if k in covered or k in taken:
            continue
        bare = w[1:] if w[:1] in "وبل" and w[1:] in _PLURAL_WORDS | _SIDE_WORDS else w
        occupation = _occupation(tokens, words, k, covered, people)
        lone = _lone_title_person(words, k, covered, people)
        if occupation is not None:
            out.append(occupation)
            taken.update(range(k, occupation.end_index + 1))
        elif lone is not None:
            # "وكان الملك قد التقى …": the story's one king.
            out.append(Mention(Kind.PERSON, k, k, lone.text, lone, lone.country, resolved=True))
            taken.add(k)
        elif (
            people.occupier is not None
            and (w in SETTLERS or (w[:1] in "وبل" and w[1:] in SETTLERS))
            and not (k + 1 < len(words) and country_of_adjective(words[k + 1]))
        ):
            # "هاجم مستعمرون منازل المواطنين في قرية …": Israeli civilians (no sector).
            glued = w not in SETTLERS
            name = tokens[k].text[1:] if glued else tokens[k].text
            cue = w[:1] if glued and w[:1] in "بل" else None
            out.append(
                Mention(Kind.COUNTRY, k, k, name, None, people.occupier, direct_cue=cue, resolved=True)
            )
            taken.add(k)
        elif bare in _PLURAL_WORDS and k + 1 not in people_at:  # "الرئيسين نبيه بري وفؤاد السنيورة": named
            out.append(Mention(Kind.PLURAL, k, k, tokens[k].text, resolved=True))
        elif (
            bare in _SIDE_WORDS
            and k + 1 < len(words)
            and k + 1 not in covered
            # "ميخائيل بوغدانوف نائب وزير الخارجية الروسي": a title in apposition after a name; a
            # body of people ("بيربوك السلطات السورية") is the verb's object, not a title.
            and not (
                bare not in _BODIES_OF_PEOPLE
                and (
                    k - 1 in people_end or (k - 2 in people_end and words[k - 1] in ROLE_WORDS | _set("نائب"))
                )
            )
        ):
            # The nationality right after the side word or one word later ("وزير الدفاع الروسي").
            at = next(
                (
                    j
                    for j in (k + 1, k + 2)
                    if j < len(words) and j not in covered and country_of_adjective(words[j])
                ),
                None,
            )
            iso = country_of_adjective(words[at]) if at is not None else None
            # "نظيره الروسي فلاديمير بوتين": a name follows, so the words are its title.
            following = (
                next((j for j in range(at + 1, len(words)) if words[j][:1].isalnum()), None) if at else None
            )
            if at is not None and iso and following not in people_at:
                name = " ".join(t.text for t in tokens[k : at + 1])
                if bare != w and w[:1] == "و":
                    name = name[1:]  # "والخارجية العراقية": the conjunction is no part of the name
                prev = _previous_word(words, k)
                cue = (
                    "ل"
                    if w[:1] == "ل"
                    else ("ب" if w[:1] == "ب" else (prev[1] if prev and len(prev[1]) <= 4 else None))
                )
                person = _story_person(bare, iso, people)
                if person is not None:
                    out.append(
                        Mention(Kind.PERSON, k, at, person.text, person, iso, direct_cue=cue, resolved=True)
                    )
                else:
                    out.append(Mention(Kind.COUNTRY, k, at, name, None, iso, direct_cue=cue, resolved=True))
                taken.update(range(k, at + 1))
    return out


_OCCUPATION = norm("الاحتلال")
_OCCUPATION_HEADS = _set("قوات", "جيش", "سلطات", "حكومة", "جنود", "طائرات", "مستوطنو", "شرطة")


def _occupation(
    tokens: list[Token], words: list[str], k: int, covered: set[int], people: StoryPeople
) -> Mention | None:
    """ "الاحتلال" ("قوات الاحتلال", "جرائم الاحتلال", "للاحتلال الأمريكي") as a side: the state of
    the nationality after it, else the story's occupier (Israel in a story about Israel and
    Palestine), else no one."""
    w = words[k]
    prefix = ""
    if w[:1] in "وبل" and w[1:] in _OCCUPATION_HEADS | {_OCCUPATION}:
        prefix, w = w[:1], w[1:]
    elif w.startswith("لل") and "ال" + w[2:] == _OCCUPATION:
        prefix, w = "ل", _OCCUPATION
    end = k
    if w in _OCCUPATION_HEADS:
        if k + 1 >= len(words) or words[k + 1] != _OCCUPATION:
            return None
        end = k + 1
    elif w != _OCCUPATION:
        return None
    if any(j in covered for j in range(k, end + 1)):
        return None
    iso = people.occupier
    if end + 1 < len(words) and end + 1 not in covered and (nat := country_of_adjective(words[end + 1])):
        iso, end = nat, end + 1
    if iso is None:
        return None
    name = " ".join(t.text for t in tokens[k : end + 1])
    if prefix:
        name = name[1:] if prefix in "وب" or not name.startswith("لل") else "ا" + name[2:]
    prev = _previous_word(words, k)
    cue = prefix if prefix in ("ل", "ب") else (prev[1] if prev and len(prev[1]) <= 4 else None)
    return Mention(Kind.COUNTRY, k, end, name, None, iso, direct_cue=cue, resolved=True)


# Titles that, standing alone, name the one person of the story who holds them.
_LONE_TITLES = _set("الملك", "العاهل", "الأمير", "السلطان", "الرئيس", "المستشار")


def _lone_title_person(words: list[str], k: int, covered: set[int], people: StoryPeople) -> Entity | None:
    """The story's person a bare title at k refers to ("وكان الملك قد التقى"): the title with
    neither a name nor a nationality after it, held by exactly one person of the story."""
    w = words[k]
    role = w[1:] if w[:1] == "و" and w[1:] in _LONE_TITLES else w
    if role not in _LONE_TITLES or k + 1 in covered:
        return None
    nxt = next((x for x in words[k + 1 :] if x[:1].isalnum()), "")
    if country_of_adjective(nxt) or country_of_word(nxt):
        return None
    found = {
        person.canonical_id or norm(person.text): person
        for person, _ in people.persons
        if person.title and role in norm(person.title).split()
    }
    return next(iter(found.values())) if len(found) == 1 else None


# Side words that name one person ("نظيره الروسي", "السفير الروسي"), not a collective.
_INDIVIDUAL = _set(
    "نظيره", "نظيرته", "نظيرهم", "السفير", "سفير", "المبعوث", "الوزير", "وزير", "الرئيس", "رئيس", "القائم"
)
_COUNTERPART = _set("نظيره", "نظيرته", "نظيرهم")


def _story_person(role: str, iso: str, people: StoryPeople) -> Entity | None:
    """The one person of the story a nominal reference can mean: same nationality and, except for
    "his counterpart", the same role word in the title. Ambiguity leaves the reference a state."""
    if role not in _INDIVIDUAL:
        return None
    bare_role = role[2:] if role.startswith("ال") else role
    found: dict[str, Entity] = {}
    for person, title_words in people.persons:
        if person.country != iso:
            continue
        if role not in _COUNTERPART and not ({bare_role, "ال" + bare_role} & title_words):
            continue
        key = person.canonical_id or norm(person.text).split()[-1]
        if key not in found or len(person.text) > len(found[key].text):
            found[key] = person
    return next(iter(found.values())) if len(found) == 1 else None


def _absorb_titles(mentions: list[Mention], words: list[str]) -> list[Mention]:
    """An ORG/country/place right before a person's name is that person's title: absorb it and
    lend its nationality to the person."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind not in (Kind.ORG, Kind.COUNTRY) or m.entity is None:
            continue  # a place before a name is where something happens ("في قصر الاتحادية، الوزير X")
        nxt = next((n for n in out[i + 1 :] if n.kind is Kind.PERSON and not n.resolved), None)
        if nxt is None:
            continue
        gap = [w for w in words[m.end_index + 1 : nxt.index] if w[:1].isalnum()]
        # Only title material may sit between: role words, nationalities, "لدى X", other names.
        inside = {k for o in out for k in range(o.index, o.end_index + 1)}
        title_like = all(
            _title_filler(w) or country_of_word(w) or k in inside
            for k, w in enumerate(words[m.end_index + 1 : nxt.index], start=m.end_index + 1)
            if w[:1].isalnum()
        )
        # "استدعت وزارة الخارجية الإيرانية السفير البريطاني X": a title of another nationality
        # is X's own; the ministry before it acts on X.
        foreign = m.country is not None and any(
            (iso := country_of_word(w)) is not None and iso != m.country for w in _sender_words(gap)
        )
        # A longer chain of titles and ranks ("رئيس مجلس السيادة الانتقالي القائد العام للجيش الفريق
        # أول ركن عبد الفتاح البرهان") is title material too.
        long_title = len(gap) <= _LONG_TITLE and all(_title_filler(w) for w in gap)
        if (
            (len(gap) <= 3 or long_title)
            and title_like
            and not foreign
            and not any(w in _TITLE_BREAKERS for w in gap)
        ):
            out[i] = replace(m, absorbed=True)
            if m.country and nxt.country is None:
                j = out.index(nxt)
                out[j] = replace(nxt, country=m.country)
    return out


_LONG_TITLE = 7  # title words between an organization and the name of the person heading it


def _title_filler(w: str) -> bool:
    """A role word or rank, also with a genitive ل glued ("القائد العام للجيش")."""
    if w in _TITLE_FILLERS:
        return True
    return w.startswith("لل") and "ال" + w[2:] in _TITLE_FILLERS


def _sender_words(gap: list[str]) -> list[str]:
    """The words of a title gap that can give a nationality: not the host after لدى/في/إلى."""
    return [w for k, w in enumerate(gap) if not (k and gap[k - 1] in _HOST_PREPOSITIONS)]


_HOST_PREPOSITIONS = _set("لدى", "في", "إلى", "الى")


def person_country(tokens_words: list[str], index: int) -> str | None:
    """Nationality from the title words right before a name ("وزير الدفاع الروسي X"); a country
    after لدى/في/إلى is where the person serves, not where they come from."""
    for j in range(index - 1, max(-1, index - 9), -1):
        w = tokens_words[j]
        iso = country_of_word(w)
        if iso:
            prev = tokens_words[j - 1] if j > 0 else ""
            if prev in _HOST_PREPOSITIONS or (w[:1] == "ل" and not w.startswith("ال")):
                continue
            return iso
    return None
