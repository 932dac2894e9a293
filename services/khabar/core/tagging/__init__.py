"""Tagging stage: clean Article -> TaggedArticle with PERSON/ORG/LOC/DATE entities.

Mechanisms, each a module of this package: gazetteers matched with Aho-Corasick (catalog,
gazetteer: countries, GeoNames cities, curated actors, ANERGazet), rules for person names after
titles and first names (names, titles), organization structure (orgs), DATE expressions (dates),
and the CRF sequence model when its package data is present (sequence_model). merge picks one
reading per span; names the article establishes are then found again where they recur bare
(المنفي), canonical groups mentions into entities, and geo places cities by the article's context.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from khabar.core.models import Article, Entity, EntityType, TaggedArticle, TextField
from khabar.core.tagging.actors import actors_by_id, applies
from khabar.core.tagging.canonical import canonical_id, cluster_mentions, find_actor, spellings
from khabar.core.tagging.catalog import default_gazetteer, lexicon
from khabar.core.tagging.countries import ADJECTIVE_NAMES, by_iso3, country_of_word, nisba_country
from khabar.core.tagging.dates import find_dates
from khabar.core.tagging.edges import repair_model_spans
from khabar.core.tagging.gazetteer import GazEntry, Gazetteer
from khabar.core.tagging.geo import City, city, city_over_country, disambiguate, largest_population
from khabar.core.tagging.lexicons import (
    COMPOUND_PREPOSITIONS,
    common_words,
    first_names,
    function_words,
    mostly_common_words,
)
from khabar.core.tagging.merge import ORG_CONTAINERS, Candidate, enrich, resolve
from khabar.core.tagging.names import apposition_title, complete_person_spans, find_names
from khabar.core.tagging.orgs import find_orgs, is_description
from khabar.core.tagging.titles import COUNTERPARTS, TITLE_TRIGGERS
from khabar.core.tagging.words import Word, words_of
from khabar.core.text.calendar import DAY_WORDS, MONTHS, RELATIVE_DAYS
from khabar.core.text.normalize import NormalizedText, norm, normalize

if TYPE_CHECKING:  # imported for real inside _model: the tagger runs without the model's packages
    from khabar.core.tagging.sequence_model import MentionSpan

__all__ = ["tag", "tag_text"]

# Sources that may lend entries to a chosen span but never stand alone: each cost mention F1 on
# ANERcorp dev when allowed to (bare city names are often words or persons: الجميل، معسكر).
ENRICH_ONLY: frozenset[str] = frozenset({"city", "anergazet", "first_name"})
# Words that make the next name a place whatever it is: "مدينة أوختا", "بلدة بني زيد".
_PLACE_HEAD_WORDS = (
    *("مدينة", "بلدة", "قرية", "محافظة", "ولاية"),
    *("إقليم", "جمهورية", "العاصمة", "عاصمة", "مقاطعة"),
)
_PLACE_HEADS = frozenset(normalize(p + w).text for w in _PLACE_HEAD_WORDS for p in ("", "ب", "و"))
# Those after which a name no gazetteer knows is a place too ("جمهورية كومي", "مقاطعة بيلغورود"),
# as written (hamza folded only): folding ة to ه would take "بلده" ("his country") for "بلدة".
# ولاية ("term of office") and العاصمة (mostly before a known city) are left out.
_NAMING_HEADS = frozenset(
    w.replace("إ", "ا") for w in _PLACE_HEAD_WORDS if w not in ("ولاية", "العاصمة", "عاصمة")
)
# Office holders whose next word, when it is a known city, names the place they govern ("حاكم
# بيلغورود", "محافظ البصرة"): the city then stands alone.
_RULER_HEADS = frozenset(normalize(w).text for w in ("حاكم", "محافظ", "والي", "عمدة"))
_QUOTES = frozenset("\"«“'")
_QUOTED_GAP = _QUOTES | {" "}
# Which gazetteer source speaks for a name that several sources hold.
_SOURCE_ORDER = {"actor": 0, "country": 1, "region": 2, "city": 3, "anergazet": 4}
# Words that form one name with the next (عبد الله): the next alone is not a family name.
_BOUND_FIRST = frozenset({"عبد", "ابو", "بن", "ابن", "ال", "بنت", "ولد"})
# Second halves of compound names ("نصر الله", "صلاح الدين"): alone they are words, not the person.
_COMPOUND_TAILS = frozenset(
    normalize(w).text for w in ("الله", "الدين", "الرحمن", "الرحيم", "الإسلام", "الحق")
)
# The model over several texts at once (an article's title and body): candidates per text.
ModelFn = Callable[[Sequence[tuple[str, Sequence[Word]]]], list[list[Candidate]]]


# Scripts (benchmarks, ablations) may switch the model off; the service leaves it on.
USE_MODEL = True
# Gazetteer sources whose exact span overrides a model ORG/PERSON reading (tuned on ANERcorp dev).
PLACE_OVER_MODEL: frozenset[str] = frozenset({"country"})
# Minimum confidence of a one-word model mention (tuned on ANERcorp dev, README "Tagging").
MODEL_MIN_SINGLE = 0.0


def _model_span_end(text: str, start: int, end: int) -> int:
    """End of a model span cut before trailing punctuation and before a coordinated known name
    ("برلين وموسكو" is two places, not one organization)."""
    while end > start and not text[end - 1].isalnum():
        end -= 1
    pos = start
    for part in text[start:end].split(" "):
        if pos > start and part.startswith("و") and _norm(part[1:]) in lexicon():
            return pos - 1
        pos += len(part) + 1
    return end


# Currencies: after a number ("100 مليون يوان") such a word is money, not a name or a place.
_CURRENCIES = frozenset(
    norm(w)
    for w in [
        "يوان",
        "دولار",
        "دولارا",
        "دولارات",
        "يورو",
        "جنيه",
        "جنيها",
        "ريال",
        "ريالا",
        "درهم",
        "درهما",
        "دينار",
        "دينارا",
        "ليرة",
        "روبل",
        "روبية",
        "فرنك",
        "شيكل",
        "ين",
    ]
)
_NUMBER_WORDS = frozenset(norm(w) for w in ["مليون", "مليار", "ألف", "آلاف", "ملايين", "مليارات", "تريليون"])


def _currency_after_number(text: str, start: int, span: str) -> bool:
    """The model's one-word mention is a currency after a number or a number word."""
    if " " in span or span not in _CURRENCIES:
        return False
    before = text[:start].split()
    prev = before[-1] if before else ""
    return prev[-1:].isdigit() or _norm(prev) in _NUMBER_WORDS


# Given names that are everyday adjectives: after an indefinite noun they qualify it ("منظر فريد"،
# "نموذج فريد", "ماء صالح للشرب"), they name no one.
_NAME_ADJECTIVES = frozenset(
    norm(w)
    for w in (
        *("فريد", "صالح", "جميل", "سعيد", "كريم", "عادل", "رشيد", "حميد", "سليم", "شريف"),
        *("لطيف", "نبيل", "مجيد", "عزيز", "كامل", "فاضل", "منير", "بديع", "رحيم", "حكيم"),
    )
)
# Sports fixtures named by a place ("ديربي الرياض", "كلاسيكو الأرض"): the word is no place.
_FIXTURES = frozenset(norm(w) for w in ("ديربي", "الديربي", "كلاسيكو", "الكلاسيكو"))
_BOUND_BEFORE = frozenset(norm(w) for w in ("أبو", "ابو", "أم", "ام", "بن", "ابن", "بنت", "آل", "عبد", "ولد"))


def _adjective_after_noun(text: str, start: int, span: str) -> bool:
    """The model's person is a given name that here is an adjective after an indefinite noun:
    "منظر فريد" (the noun before the span), "ماء صالح للشرب" (the noun inside a two-word span,
    then a ل-phrase). The noun carries no article or proclitic (a glued و/ف is mostly a verb:
    "وقال صالح") and is no given name, title, kunya or closed-class word."""
    parts = span.split()
    if not parts or parts[-1] not in _NAME_ADJECTIVES or len(parts) > 2:
        return False
    if len(parts) == 2:
        noun = parts[0]
        after = text[start:].split(maxsplit=3)[2:3]
        if not after or not after[0].startswith("ل"):
            return False
    else:
        before = text[:start].split()
        noun = _norm(before[-1]) if before else ""
    return (
        len(noun) >= 3
        and noun.isalpha()
        and not noun.startswith(("ال", "و", "ف"))
        and noun not in first_names()
        and noun not in TITLE_TRIGGERS
        and noun not in function_words()
        and noun not in _BOUND_BEFORE
    )


@cache
def _model() -> ModelFn | None:
    """The CRF sequence model, or None when it (or its package data) is not available: the tagger
    then runs on gazetteers and rules alone."""
    try:
        from khabar.core.tagging.sequence_model import SequenceModel

        model = SequenceModel.default()
    except (ImportError, OSError, ValueError):
        return None

    common = common_words()

    def predict(texts: Sequence[tuple[str, Sequence[Word]]]) -> list[list[Candidate]]:
        # Words go in as they are: predict_spans reads a token's text, start and end only.
        found = model.predict_spans_each([(words, text) for text, words in texts])
        return [_model_candidates(text, spans, common) for (text, _), spans in zip(texts, found, strict=True)]

    return predict


def _model_candidates(text: str, spans: Sequence[MentionSpan], common: frozenset[str]) -> list[Candidate]:
    out = []
    for m in spans:
        if m.type not in ("PERSON", "LOC", "ORG"):
            continue
        end = _model_span_end(text, m.start, m.end)
        span = _norm(text[m.start : end])
        if " " not in span and (span in common or m.confidence < MODEL_MIN_SINGLE):
            # A one-word mention that is everyday vocabulary ("كيلومتر"), or that the model is
            # unsure of, is more often a slip than a name (tuned on ANERcorp dev).
            continue
        if _currency_after_number(text, m.start, span):
            continue
        if m.type == "PERSON" and _adjective_after_noun(text, m.start, span):
            continue
        if span in _FIXTURES:
            continue
        lone_first = m.type == "PERSON" and " " not in span and span in first_names()
        out.append(Candidate(m.type, m.start, end, "model", m.confidence, first_name_only=lone_first))
    return out


class _Reading(NamedTuple):
    """One type a gazetteer name may have, ranked by its best source."""

    kind: str
    entries: tuple[GazEntry, ...]
    source: str
    standalone: bool
    city: bool  # a bare city name, which stands alone after a place head only


def _readings(name: str, entries: tuple[GazEntry, ...]) -> tuple[_Reading, ...]:
    ordered = sorted(entries, key=lambda e: _SOURCE_ORDER.get(e.source, 9))
    out = []
    for kind in dict.fromkeys(e.type for e in ordered):
        mine = tuple(e for e in ordered if e.type == kind)
        standalone = (mine[0].source not in ENRICH_ONLY or _big_city_name(name, mine[0].source)) and (
            not is_description(name)
        )
        out.append(_Reading(kind, mine, mine[0].source, standalone, mine[0].source == "city"))
    return tuple(out)


# A city this large, whose name is no everyday word or given name (ANERcorp's own counts), stands
# alone ("غارات على خاركيف"): its bare name is that city far more often than anything else.
_BIG_CITY = 1_000_000


def _big_city_name(name: str, source: str) -> bool:
    return (
        source == "city"
        and largest_population(name) >= _BIG_CITY
        and name not in first_names()
        and name not in mostly_common_words()
        and name not in common_words()
    )


# _readings of the default gazetteer's names, bounded like the other memos: emptied when full.
_READINGS: dict[str, tuple[_Reading, ...]] = {}
_READINGS_MAX = 50_000


def _gazetteer_candidates(text: str, nt: NormalizedText, gaz: Gazetteer) -> list[Candidate]:
    out: list[Candidate] = []
    # A name has the same entries wherever one gazetteer finds it: the default gazetteer's
    # readings are kept across texts, another's (an article's own names) for this call.
    memo = _READINGS if gaz is default_gazetteer() else {}
    for m in gaz.find(nt.text):
        readings = memo.get(m.name)
        if readings is None:
            readings = _readings(m.name, m.entries)
            if len(memo) >= _READINGS_MAX:
                memo.clear()
            memo[m.name] = readings
        start, end = nt.to_original(m.start, m.end)
        surface = None
        if m.name.startswith("ال") and not nt.text.startswith("ال", m.start):
            surface = "ال" + text[start + 1 : end]  # لل + name: the ل is the article's
        # One candidate per type the name may have, each ranked by its best source.
        for r in readings:
            standalone = r.standalone or (r.city and _after_place_head(nt.text, m.start))
            if standalone and r.source == "country" and m.name in ADJECTIVE_NAMES:
                standalone = _country_cue_before(nt.text, m.start)
            out.append(
                Candidate(
                    r.kind, start, end, r.source, 1.0, surface, entries=r.entries, standalone=standalone
                )
            )
    return out


# Words after which such a name is the country: prepositions, and heads a country follows.
_COUNTRY_CUES = frozenset(
    norm(w)
    for w in (
        *("في", "إلى", "الى", "من", "مع", "عن", "بين", "و", "حكومة", "جمهورية", "دولة", "رئيس", "رئيسا"),
        *(
            "شمال",
            "جنوب",
            "شرق",
            "غرب",
            "وسط",
            "عاصمة",
            "سلطات",
            "جيش",
            "حدود",
            "أراضي",
            "إمبراطورية",
            "مملكة",
        ),
    )
)


def _country_cue_before(normalized: str, start: int) -> bool:
    """The name at `start` is the country: a preposition is glued to it ("بمالي") or a cue word
    precedes it ("في مالي", "جمهورية مالي"), not an indefinite noun it would qualify ("مركز مالي")."""
    if start > 0 and normalized[start - 1] != " ":
        return True
    before = normalized[:start].rstrip()
    word = before[before.rfind(" ") + 1 :]
    # A feminine verb before it has the country as subject ("طردت مالي"): the adjective "financial"
    # follows a masculine noun ("دعم مالي"), a feminine plural takes "مالية".
    return word in _COUNTRY_CUES or (len(word) >= 3 and word.endswith("ت"))


def _foreign_name(words: Sequence[Word], first: int, last: int) -> bool:
    """A first name followed by undefined name words ("أليكساندر كينتشاك"): Arabic first names
    that are also nouns take a definite noun after them ("نور الفضيلة"), foreign names do not."""
    return last > first and not any(w.key.startswith("ال") for w in words[first + 1 : last + 1])


def _after_place_head(normalized: str, start: int) -> bool:
    """The word before `start` (quotes skipped) is a place head ("مدينة "أوختا") or the title of
    the place's governor ("حاكم بيلغورود"), maybe with a nationality between ("العاصمة العمانية
    مسقط")."""
    # normalized[:start].rstrip(_QUOTED_GAP)'s last word, found without copying the text before.
    end = start
    while end > 0 and normalized[end - 1] in _QUOTED_GAP:
        end -= 1
    begin = normalized.rfind(" ", 0, end) + 1
    word = normalized[begin:end]
    if nisba_country(word) is not None and begin > 1:
        end = begin - 1
        word = normalized[normalized.rfind(" ", 0, end) + 1 : end]
    return word in _PLACE_HEADS or word in _RULER_HEADS


@cache
def _not_name_words() -> frozenset[str]:
    """Everyday and function words (a union of ~5k words: built once, not per call)."""
    return common_words() | function_words()


# Word.key of a naming head: norm(head), or "ا" + norm(head) when lookup_form restored an article;
# a set lookup per word before the exact written-form test.
_NAMING_KEYS = frozenset(k for h in _NAMING_HEADS for k in (norm(h), "ا" + norm(h)))
_KEY = attrgetter("key")
_START = attrgetter("start")
_ENTITY_TYPES = {t.value: t for t in EntityType}


# Times of day and relative days end a place's name: "اقتحمت القوات بلدة قباطية فجرا".
_TIME_WORDS = (
    frozenset(norm(w) for w in ("فجرا", "صباحا", "مساء", "مساءا", "ليلا", "ظهرا", "عصرا", "نهارا", "ضحى"))
    | DAY_WORDS
    | frozenset(RELATIVE_DAYS)
)


def _named_places(text: str, words: Sequence[Word]) -> list[tuple[int, int]]:
    """Word ranges of unknown place names after a naming head: the next word (quotes skipped),
    unless it is an everyday or function word or carries a proclitic, and up to two more bare,
    undefined, uncommon words on the same line ("مدينة سان فرانسيسكو")."""
    common = _not_name_words()

    def bare_name(w: Word) -> bool:
        return (
            w.is_word
            and w.stem_start == w.start
            and w.key not in common
            and w.key not in _TIME_WORDS
            and not w.text.isdigit()
        )

    out: list[tuple[int, int]] = []
    for i in compress(range(len(words)), map(_NAMING_KEYS.__contains__, map(_KEY, words))):
        w = words[i]
        if w.surface.replace("إ", "ا").replace("أ", "ا") not in _NAMING_HEADS:
            continue
        j = i + 1
        while j < len(words) and words[j].text in _QUOTES:
            j += 1
        if j >= len(words) or not bare_name(words[j]):
            continue
        last = j
        while (
            last + 1 < len(words)
            and last - j < 2
            and bare_name(words[last + 1])
            and not words[last + 1].key.startswith("ال")
            and "\n" not in text[words[last].end : words[last + 1].start]
        ):
            last += 1
        out.append((j, last))
    return out


def _rule_candidates(text: str, words: Sequence[Word]) -> list[Candidate]:
    out: list[Candidate] = []
    for n in find_names(words):
        title_span = None
        title_text = None
        if n.title is not None:
            head = words[n.title.start]
            title_span = (head.stem_start, words[n.title.end - 1].end)
            title_text = text[title_span[0] : title_span[1]]
            if head.key.startswith("ال") and not _norm(head.surface).startswith("ال"):
                title_text = "ال" + title_text[1:]  # للرئيس: the second ل is the article's
        source = {"first_name": "first_name", "nasab": "nasab_name"}.get(n.trigger, "title_name")
        out.append(
            Candidate(
                "PERSON",
                words[n.first].stem_start,
                words[n.last].end,
                source,
                0.8,
                title=n.title,
                title_span=title_span,
                title_text=title_text,
                standalone=n.trigger != "title_only"
                and (source not in ENRICH_ONLY or _foreign_name(words, n.first, n.last)),
            )
        )
    for first, last in _named_places(text, words):
        out.append(Candidate("LOC", words[first].stem_start, words[last].end, "place_head", 0.7))
    for o in find_orgs(words):
        out.append(Candidate("ORG", words[o.first].stem_start, words[o.last].end, "org_rule", 0.7))
    for d in find_dates(words):
        # A month name alone ("نيسان", "تموز") is also a brand or a name: the model may read it so.
        source = "month" if d.first == d.last and words[d.first].key in MONTHS else "date"
        out.append(
            Candidate("DATE", words[d.first].stem_start, words[d.last].end, source, 0.9, value=d.value)
        )
    return out


def _restore_article(text: str, c: Candidate) -> Candidate:
    """ "للجيش الليبي" is ل + الجيش: a span that starts after the first ل of لل reads "لجيش";
    give it back its ال unless the stem itself is a known word ("لليبيا" is ل + ليبيا)."""
    s = c.start
    if c.surface is None and text.startswith("لل", s) and c.end - s > 4:
        # The model keeps both ل of "للعراق" (ل + العراق) in its span.
        head = text[s + 1 : c.end].split()[0]
        if _norm(head) not in lexicon():
            return c._replace(surface="ال" + text[s + 2 : c.end])
    if c.surface is not None or s < 2 or text[s - 1 : s + 1] != "لل":
        return c
    if not (
        s - 1 == 0
        or not text[s - 2].isalnum()
        or (text[s - 2] in "وف" and (s == 2 or not text[s - 3].isalnum()))
    ):
        return c
    head = text[s : c.end].split()[0] if text[s : c.end].split() else ""
    if _norm(head) in lexicon():
        return c
    return c._replace(surface="ال" + text[s + 1 : c.end])


def _complete_persons(text: str, words: Sequence[Word], cands: list[Candidate]) -> list[Candidate]:
    """The model's person names completed by name structure (names.complete_person_spans): a
    nasab link and the name after it, a regnal ordinal, a name glued to the next one, a given
    name before; cut before a number."""
    persons = [c for c in cands if c.type == "PERSON"]
    if not persons or not words:
        return cands
    starts = [w.start for w in words]
    ranges = []
    for c in persons:
        first = max(bisect_right(starts, c.start) - 1, 0)
        last = first
        while last + 1 < len(words) and words[last].end < c.end:
            last += 1
        ranges.append((first, last))
    completed = complete_person_spans(text, words, ranges)
    if completed == ranges:
        return cands
    out = [c for c in cands if c.type != "PERSON"]
    for first, last in completed:
        pairs = [(r, p) for r, p in zip(ranges, persons, strict=True) if r[0] <= last and first <= r[1]]
        parts = [p for _, p in pairs]
        c = parts[0]
        # Grown to the left over name structure, or cut: a leading nationality is no name.
        trimmed = first > pairs[0][0][0]
        start = words[first].stem_start if trimmed else min(c.start, words[first].stem_start)
        # Cut short (a number ended the name) or grown over the name structure.
        end = words[last].end if last < pairs[-1][0][1] else max(parts[-1].end, words[last].end)
        if (start, end) != (c.start, c.end) or len(parts) > 1:
            conf = min(p.confidence for p in parts)
            c = c._replace(start=start, end=end, confidence=conf, first_name_only=False)
        out.append(c)
    return sorted(out, key=_START)


def _field_candidates(text: str) -> list[Candidate]:
    return _analyze_fields([text])[0][0]


@lru_cache(maxsize=100_000)
def _norm(text: str) -> str:
    """norm() of short strings (names), memoized: articles repeat their names."""
    return normalize(text).text


def _analyze_fields(texts: Sequence[str]) -> list[tuple[list[Candidate], list[Word], NormalizedText]]:
    """Candidates, words and normalized text of each of an article's texts, analysed on its own;
    the model tags all of them in one call (it keeps their sentences and propagation apart)."""
    parts: list[tuple[list[Candidate], list[Word], NormalizedText]] = []
    for text in texts:
        nt = normalize(text)
        if not text:
            parts.append(([], [], nt))
            continue
        words = words_of(text, lexicon())
        cands = _gazetteer_candidates(text, nt, default_gazetteer())
        cands += _rule_candidates(text, words)
        cands = _without_nisba_countries(text, cands)
        parts.append((cands, words, nt))
    tagged = [i for i, text in enumerate(texts) if text]
    model = _model() if USE_MODEL else None
    if model is not None and tagged:
        found = model([(texts[i], parts[i][1]) for i in tagged])
        for i, mine in zip(tagged, found, strict=True):
            cands = parts[i][0]
            mine = _complete_persons(texts[i], parts[i][1], mine)
            mine = repair_model_spans(texts[i], parts[i][1], mine)
            places = {(c.start, c.end) for c in cands if c.source in PLACE_OVER_MODEL}
            cands += [
                c
                for c in mine
                # The model's ORG/PERSON over exactly a known place ("برلين") is a slip of type.
                if c.type == "LOC" or (c.start, c.end) not in places
            ]
    for text, part in zip(texts, parts, strict=True):
        national = _national_orgs(text, part[0])
        if national:
            part[0][:] = [c for c in part[0] if not _cut_before_nationality(text, c, national)]
    out = []
    for text, (cands, words, nt) in zip(texts, parts, strict=True):
        chosen = [_restore_article(text, c) for c in enrich(resolve(cands), cands)] if text else []
        out.append((_with_appositions(text, words, _facilities(words, chosen)), words, nt))
    return out


# Facilities named after a person or by a name no gazetteer knows ("مطار الملك خالد الدولي",
# "ملعب الأمير مولاي عبد الله", "مطار رامون"): the head and the name are one place. After a
# known place the place inside stays ("مطار بيروت", "ميناء حيفا": ANERcorp tags the city).
_FACILITY_HEADS = frozenset(
    norm(p + w)
    for w in ("مطار", "ملعب", "استاد", "ستاد", "ميناء", "جسر", "معبر", "شارع", "ميدان", "قاعدة")
    for p in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب")
)
# Honorifics between the head and the name ("مطار الملك خالد"), part of the facility's name.
_FACILITY_HONORIFICS = frozenset(
    norm(w)
    for w in (
        *("الملك", "الملكة", "الأمير", "الأميرة", "الشيخ", "السلطان", "الإمام", "الشهيد"),
        *("الرئيس", "الزعيم", "المغفور", "له", "الراحل", "الجنرال", "المارشال"),
    )
)
# Words that close a facility's name after the person's ("مطار حيدر علييف الدولي").
_FACILITY_TAILS = frozenset(norm(w) for w in ("الدولي", "العسكري", "البحري", "الجوي", "الأولمبي", "البلدي"))
_KNOWN_PLACES = frozenset({"country", "city", "region", "actor"})


def _facilities(words: Sequence[Word], chosen: list[Candidate]) -> list[Candidate]:
    """A person, or a place no gazetteer knows, right after a facility head (honorifics between
    allowed) is the facility's name: the head, the name and a closing الدولي become one LOC
    (source `facility`, no GeoNames id)."""
    if not words or not any(w.whole in _FACILITY_HEADS for w in words):
        return chosen
    starts = [w.start for w in words]
    out = list(chosen)
    for k, c in enumerate(chosen):
        if c.type not in ("PERSON", "LOC") or (
            c.type == "LOC" and any(e.source in _KNOWN_PLACES for e in c.entries)
        ):
            continue
        first = bisect_right(starts, c.start) - 1
        j = first - 1
        while j >= 0 and first - j <= 3 and words[j].whole in _FACILITY_HONORIFICS:
            j -= 1
        if (
            j < 0
            or words[j].whole not in _FACILITY_HEADS
            or (first > 0 and words[first].stem_start != c.start)
        ):
            continue
        head = words[j]
        begin = head.end - len(_strip_facility_prefix(head.whole))
        if k and out[k - 1].end > begin:
            continue  # the head belongs to another mention
        last = bisect_right(starts, c.end - 1) - 1
        end = c.end
        if (
            last + 1 < len(words)
            and words[last + 1].whole in _FACILITY_TAILS
            and (k + 1 == len(chosen) or chosen[k + 1].start >= words[last + 1].end)
        ):
            end = words[last + 1].end
        out[k] = Candidate("LOC", begin, end, "facility", c.confidence)
    return out


def _strip_facility_prefix(whole: str) -> str:
    """The facility head without its proclitics ("بمطار" -> "مطار")."""
    for p in ("وب", "ول", "فب", "و", "ف", "ب", "ل"):
        if whole.startswith(p) and whole[len(p) :] in _FACILITY_HEADS:
            return whole[len(p) :]
    return whole


def _with_appositions(text: str, words: Sequence[Word], chosen: list[Candidate]) -> list[Candidate]:
    """A person whose title gives no country takes the title in apposition after the name
    ("فيصل بن فرحان، وزير الخارجية السعودي،": SAU); a title before the name keeps its text."""
    persons = [
        i for i, c in enumerate(chosen) if c.type == "PERSON" and (c.title is None or c.title.country is None)
    ]
    if not persons or not words:
        return chosen
    starts = [w.start for w in words]
    name_starts = frozenset(bisect_right(starts, c.start) - 1 for c in chosen if c.type == "PERSON")
    out = list(chosen)
    for i in persons:
        c = chosen[i]
        after = bisect_right(starts, c.end - 1)  # the first word starting at or after c.end
        while after < len(words) and words[after].start < c.end:
            after += 1
        t = apposition_title(words, after, name_starts)
        if t is None or (t.country is None and c.title is not None):
            continue
        span = (words[t.start].stem_start, words[t.end - 1].end)
        out[i] = c._replace(
            title=t,
            title_span=c.title_span or span,
            title_text=c.title_text or text[span[0] : span[1]],
        )
    return out


def _national_orgs(text: str, cands: Sequence[Candidate]) -> dict[int, tuple[int, str]]:
    """Start -> (end, country) of organization-rule names that close on a nationality ("مجلس
    الأمن الروسي", "مجلس الأمن والدفاع السوداني")."""
    out: dict[int, tuple[int, str]] = {}
    for c in cands:
        if c.type == "ORG" and c.source == "org_rule":
            last = _norm(text[c.start : c.end]).split()[-1]
            country = nisba_country(last)
            if country is not None and c.end > out.get(c.start, (0, ""))[0]:
                out[c.start] = (c.end, country)
    return out


def _cut_before_nationality(text: str, c: Candidate, national: dict[int, tuple[int, str]]) -> bool:
    """`c` is a curated body's name cut before a nationality not its own: "مجلس الأمن" of "مجلس
    الأمن الروسي" is not the UN Security Council, so the organization rule's longer name wins
    ("حزب الله" of "حزب الله اللبناني" stays: Lebanese is its own)."""
    if c.type != "ORG" or c.source == "org_rule":
        return False
    end, country = national.get(c.start, (0, ""))
    if end <= c.end:
        return False
    actor = find_actor("ORG", text[c.start : c.end])
    return actor is not None and actor.country != country


def _without_nisba_countries(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop a country name that closes an organization's name as its nisba: "السعودية" of "وزارة
    الخارجية السعودية" is the adjective Saudi (definite, agreeing with the noun), not the country;
    "مصر" of "سفارة مصر" and "مالي" of "مركز مالي" are no definite nisba."""
    org_starts = {c.end: c.start for c in cands if c.type == "ORG" and c.source in ORG_CONTAINERS}
    if not org_starts:
        return cands

    def nisba(c: Candidate) -> bool:
        if c.source != "country" or org_starts.get(c.end, c.start) >= c.start:
            return False
        key = _norm(text[c.start : c.end])
        return key.startswith("ال") and " " not in key and nisba_country(key) is not None

    return [c for c in cands if not nisba(c)]


def _established(chosen: Sequence[tuple[str, Candidate]]) -> Gazetteer:
    """Names the article establishes, to find their bare recurrences: full PERSON/ORG names and
    the family name (last word) of two-word-plus person names."""
    names: list[tuple[str, GazEntry]] = []
    common = _not_name_words()
    for text, c in chosen:
        if c.type not in ("PERSON", "ORG"):
            continue
        surface = _norm(c.surface or text[c.start : c.end])
        names.append((surface, GazEntry(c.type, "propagated", surface)))
        parts = surface.split()
        if (
            c.type == "PERSON"
            and len(parts) >= 2
            and len(parts[-1]) >= 3
            and parts[-1] not in common
            and parts[-2] not in _BOUND_FIRST
            and parts[-1] not in _COMPOUND_TAILS
        ):
            # Found again in any common spelling of a foreign g or ch ("غروسي" … "جروسي").
            names.extend((n, GazEntry("PERSON", "propagated", surface)) for n in spellings(parts[-1]))
    return Gazetteer(names)


def tag_text(text: str) -> list[Candidate]:
    """Mentions in one text on its own (no article context): for scripts and tests."""
    return _field_candidates(text)


def _context(mentions: Sequence[tuple[str, Candidate]]) -> Counter[str]:
    """How often the article mentions each country, directly or through a nisba or a place that
    has a single candidate."""
    ctx: Counter[str] = Counter()
    for _text, c in mentions:
        for e in c.entries[:1]:
            if e.source == "country":
                ctx[e.ref] += 1
        cities = [e for e in c.entries if e.source == "city"]
        if len(cities) == 1 and (place := city(int(cities[0].ref))) is not None:
            ctx[place.country] += 1
    return ctx


def _nisba_context(words: Sequence[Word]) -> Counter[str]:
    # Counted in text order, as a loop would (nisba_country is memoized: a C-level pass).
    return Counter(filter(None, map(nisba_country, map(_KEY, words))))


@dataclass(slots=True)
class _Mention:
    """An entity's attributes as plain data while the article's clusters fill them in: each
    Entity is then validated once, not built and copied per update (a copy costs more than
    the construction)."""

    field: TextField
    kind: EntityType
    text: str
    start: int
    end: int
    country: str | None
    sector: str | None
    title: str | None
    wikidata_id: str | None
    geonames_id: int | None
    lat: float | None
    lon: float | None
    value: str | None
    confidence: float
    source: str
    canonical_id: str | None = None
    canonical_name: str | None = None

    def entity(self) -> Entity:
        # Dates join no entity: their canonical fields stay unset (not set to None), as before.
        canonical = (
            {}
            if self.canonical_id is None
            else {"canonical_id": self.canonical_id, "canonical_name": self.canonical_name}
        )
        return Entity(
            type=self.kind,
            text=self.text,
            start=self.start,
            end=self.end,
            field=self.field,
            country=self.country,
            sector=self.sector,
            title=self.title,
            wikidata_id=self.wikidata_id,
            geonames_id=self.geonames_id,
            lat=self.lat,
            lon=self.lon,
            value=self.value,
            confidence=self.confidence,
            source=self.source,
            **canonical,
        )


# Heads of bodies only a state has ("وزارة", "جهاز"): without a nationality they are the
# outlet's or the story's country's. Written indefinite (in construct), as the org rule needs.
_STATE_HEADS = frozenset(norm(w) for w in ("وزارة", "جهاز", "مديرية", "رئاسة", "قيادة", "الشرطة"))
_MINISTRY = norm("وزارة")
_DEFENCE = norm("الدفاع")
# Sectors of offices a state fills; a diplomat (DIP) is often the other country's, IGO nobody's.
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP"})


def _story_country(ctx: Counter[str]) -> str | None:
    """The country an article is about: named (or its nisba) at least twice and at least half as
    often again as any other (a Lebanon story names Israel too: LBN 6, ISR 4)."""
    top = ctx.most_common(2)
    if not top or top[0][1] < 2 or (len(top) == 2 and 2 * top[0][1] < 3 * top[1][1]):
        return None
    return top[0][0]


def _home_country(cands: Sequence[Candidate]) -> str | None:
    """The outlet's own country, when the article shows it: an outlet leaves its own officials'
    nationality unsaid ("الرئيس عبد الفتاح السيسي" in an Egyptian paper, "رئيس الحكومة نواف
    سلام" in a Lebanese one). The one country of curated persons titled without a nationality."""
    found: Counter[str] = Counter()
    for c in cands:
        if c.type != "PERSON" or c.title is None or c.title.country is not None:
            continue
        ref = next((e.ref for e in c.entries if e.source == "actor"), None)
        actor = actors_by_id().get(ref) if ref is not None else None
        if actor is not None and actor.country:
            found[actor.country] += 1
    top = found.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _mention(
    field: TextField,
    text: str,
    c: Candidate,
    ctx: Counter[str],
    rest: Counter[str] | None = None,
    home: str | None = None,
    others: frozenset[str] = frozenset(),
) -> _Mention:
    """`rest` is the article's country context without its mentions of names that are a country
    and also a city abroad (عمان), which count for both readings; None: there are none. `home` is
    the outlet's country (_home_country); `others` the countries of counterparts ("نظيره
    الإيراني"), which the article's dominant country may not give a person."""
    surface = c.surface or text[c.start : c.end]
    kind = _ENTITY_TYPES[c.type]
    country = c.title.country if c.title else None
    sector = c.title.sector if c.title else None
    title = c.title_text
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    wikidata: str | None = None
    for e in c.entries:
        if e.source == "actor":
            actor = actors_by_id().get(e.ref)
            if actor is not None and applies(actor, _norm(surface), ctx):
                # The curated record is more reliable than a title read from context.
                country = actor.country or country
                sector = actor.sector or sector
                wikidata = actor.wikidata
            break
    if kind is EntityType.PERSON and country is None and sector in _STATE_SECTORS:
        # "وزير الخارجية بدر عبد العاطي" in an Egyptian paper, "قائد الجيش العماد رودولف هيكل" in
        # a Lebanon story: a state office without a nationality is the outlet's own country's,
        # else that of the country that clearly dominates the article.
        country = home or _story_country(ctx)
        if country in others:
            country = None  # the counterpart's country: the other side's
    if kind is EntityType.ORG and country is None:
        # "الحكومة الليبية", "وزارة الخارجية الروسية": a nisba or country inside the name.
        for w in _norm(surface).split():
            country = nisba_country(w) or country_of_word(w)
            if country:
                break
        if country is None and c.source == "org_rule" and _norm(surface).split()[0] in _STATE_HEADS:
            # "وزارة الخارجية والمغتربين" in a Palestinian wire story, "جهاز الردع" in a Libyan
            # one: a state's body named without its nationality is the outlet's or the story's.
            country = home or _story_country(ctx)
            if country in others:
                country = None
    if kind is EntityType.ORG and sector is None and c.source == "org_rule":
        words = _norm(surface).split()
        if words[0] == _MINISTRY:  # "وزارة الصحة": a government's; "وزارة الدفاع": its military's
            sector = "MIL" if len(words) > 1 and words[1] == _DEFENCE else "GOV"
    if kind is EntityType.LOC:
        first = c.entries[0] if c.entries else None
        places: list[City] = [p for e in c.entries if e.source == "city" if (p := city(int(e.ref)))]
        if first is not None and first.source == "country":
            best = city_over_country(first.ref, places, rest) if rest is not None else None
            if best is None:
                ctry = by_iso3().get(first.ref)
                country = first.ref
                if ctry is not None:
                    geonames_id, lat, lon = ctry.geonames_id, ctry.lat, ctry.lon
        else:
            best = disambiguate(places, ctx)
        if best is not None:
            country, geonames_id, lat, lon = best.country, best.geonames_id, best.lat, best.lon
    return _Mention(
        field,
        kind,
        surface,
        c.start,
        c.end,
        country,
        sector,
        title,
        wikidata,
        geonames_id,
        lat,
        lon,
        c.value,
        round(c.confidence, 3),
        c.source,
    )


def _canonicalize(mentions: Sequence[_Mention], countries: Collection[str] | None = None) -> None:
    """Canonical ids, one per entity across the article's title and body, and the attributes a
    person carries in one mention (title, country, sector) given to the entity's other mentions.
    `countries`: those the article mentions (a generic curated name needs its actor's; None: no
    such check)."""
    for cl in cluster_mentions([(m.kind.value, m.text) for m in mentions], countries):
        members = [mentions[i] for i in cl.members]
        if members[0].kind is EntityType.DATE:
            continue  # clusters hold one type; dates get no id and share nothing
        cid = canonical_id(cl)
        actor = cl.actor
        for m in members:
            m.canonical_id, m.canonical_name = cid, cl.name
            if actor is not None:
                m.wikidata_id = m.wikidata_id or actor.wikidata
                m.country = m.country or actor.country
                m.sector = m.sector or actor.sector
        # The first non-empty value among the members (filled above), given where a member has
        # none at all (an empty string stays: only None is filled).
        title = next((m.title for m in members if m.title), None)
        country = next((m.country for m in members if m.country), None)
        sector = next((m.sector for m in members if m.sector), None)
        for m in members:
            if m.title is None:
                m.title = title
            if m.country is None:
                m.country = country
            if m.sector is None:
                m.sector = sector


def _free(c: Candidate, chosen: Sequence[Candidate]) -> bool:
    """`c` overlaps none of `chosen` (non-overlapping, in text order, as resolve leaves them): only
    the last one starting at or before c.start and the next one can."""
    k = bisect_right(chosen, c.start, key=_START)
    if k and c.end > chosen[k - 1].start and c.start < chosen[k - 1].end:
        return False
    return k == len(chosen) or c.end <= chosen[k].start


def tag(article: Article) -> TaggedArticle:
    found = _mentions(article)
    _canonicalize(found, {m.country for m in found if m.country})
    return TaggedArticle(**article.model_dump(), entities=[m.entity() for m in found])


def _mentions(article: Article) -> list[_Mention]:
    """The article's mentions, title first, each with what it alone tells (no canonical ids yet)."""
    fields = [(TextField.TITLE, article.title or ""), (TextField.BODY, article.body)]
    results = _analyze_fields([text for _, text in fields])
    analyzed = [(f, text, r) for (f, text), r in zip(fields, results, strict=True)]
    per_field = [(f, text, cands) for f, text, (cands, _, _) in analyzed]
    normalized = [nt for _, _, (_, _, nt) in analyzed]
    # Second pass: bare recurrences of names the article established (المنفي after محمد المنفي).
    known = _established([(text, c) for _, text, cands in per_field for c in cands])
    if len(known):
        updated = []
        for (f, text, cands), nt in zip(per_field, normalized, strict=True):
            extra = [
                c
                for c in _gazetteer_candidates(text, nt, known)
                if _free(c, cands) and not _in_compound_preposition(text, c)
            ]
            if extra:
                # resolve([*cands, *extra]) without resolving `cands` again: they are resolve's
                # own choice (standalone, non-empty, non-overlapping) and no extra overlaps one,
                # so none can drop or beat another; the extras compete among themselves alone.
                cands = sorted([*cands, *resolve(extra)], key=_START)
            updated.append((f, text, cands))
        per_field = updated
    per_field = _one_sense(per_field)
    mentions = [(text, c) for _, text, cands in per_field for c in cands]
    nisbas = _nisba_context([w for _, _, (_, ws, _) in analyzed for w in ws])
    ctx = _context(mentions) + nisbas
    rest = None
    if any(_dual(c) for _, c in mentions):
        rest = _context([m for m in mentions if not _dual(m[1])]) + nisbas
    home = _home_country([c for _, c in mentions])
    # "التقى فيصل بن فرحان نظيره الإيراني عباس عراقجي": the counterpart's country is the other
    # side's, never that of a person whose nationality the article leaves unsaid.
    others = frozenset(
        c.title.country
        for _, c in mentions
        if c.title is not None
        and c.title.country
        and c.title_text
        and _norm(c.title_text).split()[0] in COUNTERPARTS
    )
    found = [
        (f, text, c, _mention(f, text, c, ctx, rest, home, others))
        for f, text, cands in per_field
        for c in cands
    ]
    _place_countries(found, ctx)
    return [m for _, _, _, m in found]


# Compass words that locate a place by another ("دوما جنوب نابلس", "قرية شمالي حلب").
_LOCATORS = frozenset(
    norm(w)
    for w in (
        *("جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "وسط", "جنوبى", "شمالى"),
        *("جنوب شرق", "جنوب غرب", "شمال شرق", "شمال غرب", "جنوب شرقي", "جنوب غربي", "شمال شرقي"),
        *("شمال غربي", "جنوبي شرق", "جنوبي غرب", "شمالي شرق", "شمالي غرب", "بالقرب من", "قرب"),
    )
)
# A town this small whose country the article names nowhere else, in a story that clearly is
# about another country, is a namesake there ("الجوف" in a Yemen story is not Libya's town).
_NAMESAKE_POP = 150_000


def _place_countries(found: list[tuple[TextField, str, Candidate, _Mention]], ctx: Counter[str]) -> None:
    """Countries of places the context settles better than population: a place located by
    another ("دوما جنوب نابلس") is in that one's country; a small town abroad that nothing else in
    the article points to is a namesake in the story's country (no GeoNames id then)."""
    own: Counter[tuple[str, str]] = Counter()
    for _, _text, c, m in found:
        cities = [e for e in c.entries if e.source == "city"]
        if m.kind is EntityType.LOC and len(cities) == 1 and m.country:
            own[(_norm(m.text), m.country)] += 1
    # The story's country without the towns' own votes (two mentions of Libya's الجوف must not
    # make a Yemen story Libyan).
    towns: Counter[str] = Counter()
    for (_, country), n in own.items():
        towns[country] += n
    story = _story_country(ctx - towns)
    for k, (_, text, c, m) in enumerate(found):
        if m.kind is not EntityType.LOC or any(e.source in ("country", "region", "actor") for e in c.entries):
            continue
        where = _located_by(text, m, found[k + 1 : k + 2])
        if where is not None and where != m.country:
            _move_place(m, c, where)
            continue
        if (
            story is not None
            and m.country
            and m.country != story
            and m.geonames_id is not None
            and (place := city(m.geonames_id)) is not None
            and place.population < _NAMESAKE_POP
            and ctx[m.country] <= own[(_norm(m.text), m.country)]
        ):
            _move_place(m, c, story)


def _located_by(
    text: str, m: _Mention, nxt: Sequence[tuple[TextField, str, Candidate, _Mention]]
) -> str | None:
    """The country of the place right after `m` and a compass word ("جنوب نابلس"), if any."""
    if not nxt or nxt[0][1] is not text or nxt[0][3].kind is not EntityType.LOC:
        return None
    between = _norm(text[m.end : nxt[0][3].start].strip(" ،,"))
    if between not in _LOCATORS and not (between[:1] in "وب" and between[1:] in _LOCATORS):
        return None
    return nxt[0][3].country


def _move_place(m: _Mention, c: Candidate, country: str) -> None:
    """`m` is in `country`: its namesake there when GeoNames has one, else no id."""
    there = [p for e in c.entries if e.source == "city" if (p := city(int(e.ref))) and p.country == country]
    m.country = country
    if there:
        m.geonames_id, m.lat, m.lon = there[0].geonames_id, there[0].lat, there[0].lon
    else:
        m.geonames_id = m.lat = m.lon = None


# How much a source's reading of a name's type weighs (the model: its confidence, at most 1).
_EVIDENCE = {
    **dict.fromkeys(("actor", "title_name", "org_rule", "country", "region", "place_head"), 2.0),
    "propagated": 0.5,
}
_NAME_TYPES = frozenset({"PERSON", "LOC", "ORG"})
# How much more evidence the winning type needs than the next: near ties change nothing.
_MARGIN = 1.25


# How much a person's full name weighs for its bare family name's type.
_FAMILY_EVIDENCE = 2.0


def _family_name(key: str) -> str | None:
    """The family name (last word) of a person's name of two words or more, as _established
    propagates it: three letters or more, no everyday word, no half of a compound name."""
    parts = key.split()
    if (
        len(parts) >= 2
        and len(parts[-1]) >= 3
        and parts[-1] not in _not_name_words()
        and parts[-2] not in _BOUND_FIRST
        and parts[-1] not in _COMPOUND_TAILS
    ):
        return parts[-1]
    return None


def _one_sense(
    per_field: list[tuple[TextField, str, list[Candidate]]],
) -> list[tuple[TextField, str, list[Candidate]]]:
    """One type per name within an article: a name read as a place in one mention and as a person
    or organization in another ("بيسنت" LOC here, PERSON after its title there) takes the type its
    mentions' evidence favours (a curated entry, a title, an organization or place rule outweigh
    the model, whose confidence counts; a gazetteer entry of that type adds one; a propagated
    recurrence counts half). A near tie (less than 1.25 times the next type's) changes nothing;
    names read as a country are left alone (a country is also its government)."""
    votes: dict[str, dict[str, float]] = {}
    for _, text, cands in per_field:
        for c in cands:
            if c.type in _NAME_TYPES:
                key = _norm(c.surface or text[c.start : c.end])
                weight = _EVIDENCE.get(c.source, min(c.confidence, 1.0) if c.source == "model" else 1.0)
                if any(e.type == c.type for e in c.entries):
                    weight += 1.0  # a gazetteer knows the name as such (a city, an actor)
                mine = votes.setdefault(key, {})
                mine[c.type] = mine.get(c.type, 0.0) + weight
                family = _family_name(key) if c.type == "PERSON" else None
                if family is not None:
                    # "خوسيه مانويل ألباريس" makes a bare "ألباريس" elsewhere his, not a place.
                    mine = votes.setdefault(family, {})
                    mine["PERSON"] = mine.get("PERSON", 0.0) + _FAMILY_EVIDENCE
    winners: dict[str, str] = {}
    for key, counter in votes.items():
        if len(counter) < 2:
            continue
        (best, top), (_, second) = sorted(counter.items(), key=lambda kv: -kv[1])[:2]
        if top > _MARGIN * second:
            winners[key] = best
    if not winners:
        return per_field
    out = []
    for f, text, cands in per_field:
        fixed = []
        for c in cands:
            want = winners.get(_norm(c.surface or text[c.start : c.end])) if c.type in _NAME_TYPES else None
            if want is not None and want != c.type and not any(e.source == "country" for e in c.entries):
                c = c._replace(type=want, entries=tuple(e for e in c.entries if e.type == want))
            fixed.append(c)
        out.append((f, text, fixed))
    return out


def _in_compound_preposition(text: str, c: Candidate) -> bool:
    """The candidate is the noun of a compound preposition glued to its ل/ب."""
    start = c.start
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start < c.start and norm(text[start : c.end]) in COMPOUND_PREPOSITIONS


def _dual(c: Candidate) -> bool:
    """A name read first as a country that is also a city (عمان: Oman, Amman)."""
    return bool(c.entries) and c.entries[0].source == "country" and any(e.source == "city" for e in c.entries)
