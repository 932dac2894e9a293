"""The event coder: one tagged article -> PLOVER/CAMEO events (pure; no I/O beyond the packaged
coding table).

Per sentence: triggers from the coding table, their modality (negated, expected and topical
mentions make no event; scheduled meetings become AGREE), actor and recipient by word order and
cues, mode from words in the sentence, date and place. A sentence that only elaborates the one
before ("وجاء ذلك خلال ...", "ذلك في اتصال هاتفي") lends it its date, place and mode. Events of one
article with the same type and participants are one event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from khabar.core.events.countries import country_name, country_of_adjective
from khabar.core.events.dates import DateMention, find_dates
from khabar.core.events.ids import event_id
from khabar.core.events.modality import Status, assess
from khabar.core.events.morphology import Aspect, loose
from khabar.core.events.participants import (
    PEOPLE_NOUNS,
    ROLE_WORDS,
    Kind,
    Mention,
    StoryPeople,
    mentions_in,
    side_sector,
    story_people,
)
from khabar.core.events.places import choose_place
from khabar.core.events.roles import assign_roles, is_cue
from khabar.core.events.sport import is_sports_story, sports_terms
from khabar.core.events.table import CodingTable, Family, coding_table, quad_class
from khabar.core.events.triggers import Trigger, find_triggers, governing_verb, token_readings
from khabar.core.models import (
    Actor,
    DatePrecision,
    Entity,
    EntityType,
    Event,
    Evidence,
    Location,
    TaggedArticle,
    TextField,
)
from khabar.core.text.normalize import norm
from khabar.core.text.sentences import Sentence, split_sentences
from khabar.core.text.tokens import Token, tokenize

__all__ = ["PIPELINE_VERSION", "code_events"]

PIPELINE_VERSION = "events-0.1"


def _set(*words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


# Words that close a clause for role assignment: what follows belongs to another predicate.
_CLAUSE_OPENERS = _set(
    "أن",
    "ان",
    "إن",
    "بأن",
    "وأن",
    "أنه",
    "انه",
    "بأنه",
    "حيث",
    "كما",
    "ثم",
    "بينما",
    "فيما",
    "الذي",
    "التي",
    ":",
    # A complement clause with its own pronoun subject ("مشيرة إلى أنهم اعتقلوا في طهران").
    *("أنهم", "أنها", "أنهما", "بأنهم", "بأنها", "إنهم", "إنها", "إنهما"),
    # "وكانت الخرطوم قد استدعت …": كان opens a clause whose subject stands between it and قد;
    # the names before it belong to the previous clause.
    *("كان", "كانت", "وكان", "وكانت", "وكانا", "وكانوا"),
)
_KANA = _set("كان", "كانت", "وكان", "وكانت", "وكانا", "وكانوا")
_CLAUSE_ENDERS = _set(
    # A consequence ("، ما أدى إلى مقتل شخصين قال الجيش الإسرائيلي إنهما …") or a new speaker
    # opens another predicate: its names are not this verb's.
    "ما",
    "مما",
    "قال",
    "وقال",
    "قالت",
    "وقالت",
    "بحسب",
    "حسب",
    "وفقا",
    "وفق",
    "نقلا",
    "صادر",
    "حيث",
    "كما",
    "بينما",
    "فيما",
    "الذي",
    "التي",
    "الذين",
    "أن",
    "وأن",
    "إن",
    "وإن",
    "بأن",
    "مشيرا",
    "مؤكدا",
    "موضحا",
    "مضيفا",
    "معربا",
    "مشيرة",
    "مؤكدة",
    "لافتا",
    # Circumstantial participles open a clause of their own ("أدانت …، مطالبة مجلس الأمن …"),
    # also those the coder does not read as triggers (مطالبة is also "a demand").
    "مطالبا",
    "مطالبة",
    "داعيا",
    "داعية",
    "محذرا",
    "محذرة",
    "متهما",
    "متهمة",
    "معتبرا",
    "معتبرة",
    "مضيفة",
    "موضحة",
    "لافتة",
    *("أنهم", "أنها", "أنهما", "بأنهم", "بأنها", "إنهم", "إنها", "إنهما"),
    # A reason or purpose in the accusative ("احتجاجا على استضافة نيروبي اجتماعا لـX", "ردا على")
    # and a beneficiary ("بالتجسس لصالح الولايات المتحدة") name the act's cause, not its parties.
    *("احتجاجا", "ردا", "تنديدا", "استنكارا", "تضامنا", "انتقاما", "لصالح", "خلفية"),
    # A cause ("بسبب دعمها لقوات الدعم السريع", "جراء القصف", "إثر الهجوم") names no party either.
    *("بسبب", "جراء", "إثر", "وإثر", "بفعل"),
)
# Clause enders that end nothing inside a comma-framed aside after the verb.
_ASIDE_WORDS = _set("صادر", "بحسب", "حسب", "وفق", "وفقا", "نقلا", "الذي", "التي")
# Words after which a verb-looking form is a verbal noun ("تم بحث", "شهد اللقاء بحث").
_MASDAR_GOVERNORS = _set(
    "تم",
    "وتم",
    "يتم",
    "جرى",
    "وجرى",
    "شهد",
    "وشهد",
    "تناول",
    "وتناول",
    "خلال",
    "عقب",
    "بعد",
    "أثناء",
    "اثناء",
    # A preposition governs a noun, never a finite verb: "دعا إثيوبيا إلى سحب قواتها".
    # ("على" is left out: normalized it is also the name علي.)
    "إلى",
    "الى",
    "عن",
    "في",
    # A verb of saying takes a verbal noun as its object, not a second finite verb: "وأكد له رفض
    # الأردن التهجير" (Jordan's refusal), "جدد دعم بلاده".
    "أكد",
    "وأكد",
    "أكدت",
    "وأكدت",
    "جدد",
    "وجدد",
    "جددت",
    "وجددت",
    "أبدى",
    "وأبدى",
    "أبدت",
    "وأبدت",
)
# Verbs of saying whose object is a verbal noun, also past their subject and a parenthetical:
# "وجدد البرهان رفض السودان لأي مبادرة", "وأكد السيسي، خلال استقباله …، رفض مصر تهجير …".
_SAYING = _set(
    *("أكد", "أكدت", "أكدا", "أكدوا", "يؤكد", "تؤكد", "جدد", "جددت", "جددا", "يجدد", "تجدد"),
    *("أبدى", "أبدت", "يبدي", "تبدي"),
)
# Words between a verbal noun and what governs it: "أيضا", object pronouns ("أكد له رفض").
_SKIPPED_BEFORE_MASDAR = _set("أيضا", "ايضا", "له", "لها", "لهم", "لهما")
# Prepositions after another trigger that take its verbal noun ("اتفق الوزيران على عقد اجتماع").
_NOUN_PREPOSITIONS = _set("على", "إلى", "الى")
# Prepositions before a name: it is no direct object ("حذر ... أثناء زيارته إلى لبنان").
_PREPOSITIONS = _set("إلى", "الى", "في", "من", "على", "عن", "مع", "ل", "ب", "لدى", "ضد", "بين", "حول")
# First words of a sentence that only elaborates the previous one.
_ELABORATION = _set("ذلك", "وذلك", "جاء", "وجاء", "يأتي", "ويأتي", "تأتي", "وتأتي", "جرى", "وجرى")
_SCHEDULE_WORDS = _set(
    "المقرر", "المزمع", "المرتقب", "المقبل", "المقبلة", "القادم", "القادمة", "لحضور", "للمشاركة", "لزيارة"
)


@dataclass
class _Draft:
    family: Family
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    actor: Mention
    recipient: Mention | None
    sentence: Sentence
    trigger: str
    confidence: float
    date: DateMention | None = None
    place: Mention | None = None
    contexts: set[str] = field(default_factory=set)
    in_title: bool = False
    # Participants coordinated with the actor or recipient ("مالي والنيجر وبوركينا فاسو").
    co_actors: list[Mention] = field(default_factory=list)
    co_recipients: list[Mention] = field(default_factory=list)


@dataclass
class _Story:
    """What the coder remembers while reading an article."""

    topic: Mention | None = None
    last: _Draft | None = None
    age: int = 0  # sentences since the topic was last named: it fades after two

    def read(self) -> None:
        self.age += 1
        if self.age > 2:
            self.topic = None

    def name(self, topic: Mention) -> None:
        self.topic, self.age = topic, 0


@dataclass(frozen=True, slots=True)
class _Unit:
    sentence: Sentence
    tokens: list[Token]
    words: list[str]
    mentions: list[Mention]
    in_title: bool


def _unit(sentence: Sentence, entities: list[Entity], people: StoryPeople, in_title: bool) -> _Unit:
    tokens = [
        Token(t.text, t.start + sentence.start, t.end + sentence.start) for t in tokenize(sentence.text)
    ]
    words = [norm(t.text) for t in tokens]
    mentions = _drop_sources(mentions_in(tokens, words, entities, people), words)
    return _Unit(sentence, tokens, words, mentions, in_title)


# A source is no party: "بحسب إعلام X", "وفق X", "نقلا عن X", "في بيان لوزارة الخارجية".
_SOURCE_MARKERS = _set("بحسب", "حسب", "وبحسب", "وحسب", "وفق", "وفقا", "ووفقا", "طبقا", "نقلا", "ونقلا")
_STATEMENT_NOUNS = _set(
    *("بيان", "بيانا", "البيان", "تصريح", "تصريحات", "حديث", "مقابلة", "تغريدة", "منشور", "بلاغ"),
)
_MEDIA_NOUNS = _set(
    *("إعلام", "الإعلام", "وسائل", "وكالة", "وكالات", "صحيفة", "قناة", "موقع", "مصادر", "مصدر"),
    *("لإعلام", "لوسائل", "لوكالة", "لصحيفة", "لقناة", "لموقع", "لمصادر", "لمصدر", "إذاعة", "تلفزيون"),
)


# Who escorts or backs the actor is no counterpart: "هاجم مستعمرون، تحت حماية قوات الاحتلال،
# منازل المواطنين".
_COMPANIONS = _set("حماية", "بحماية", "بمساندة", "بإسناد", "برفقة", "بمرافقة", "وبحماية", "وبمساندة")
_LISAN = norm("لسان")
# "في تقرير صادر عن مكتب تنسيق الشؤون الإنسانية": who issued the report is its source.
_ISSUED = _set("صادر", "صادرة", "الصادر", "الصادرة")
_LISAN_REACH = 6  # words from "على لسان" to the speaker's name (a title between)


def _drop_sources(mentions: list[Mention], words: list[str]) -> list[Mention]:
    out = []
    for m in mentions:
        k = m.index - 1
        while k >= 0 and (not words[k][:1].isalnum() or words[k] in _MEDIA_NOUNS):
            k -= 1  # "بحسب وسائل إعلام X": media nouns between the marker and the source
        before = words[k] if k >= 0 else ""
        glued_l = m.direct_cue == "ل" and unit_starts_with_l(words[m.index])
        # "، على لسان مسؤول السياسة الخارجية كايا كالاس،": the spokesperson, no counterpart
        lisan = next(
            (j for j in range(m.index - 1, max(-1, m.index - 1 - _LISAN_REACH), -1) if words[j] == _LISAN),
            None,
        )
        voiced = lisan is not None and all(w not in ("،", ",") for w in words[lisan + 1 : m.index])
        source = (
            voiced
            or before in _SOURCE_MARKERS
            or before in _COMPANIONS
            or (before == "عن" and k > 0 and words[k - 1] in _SOURCE_MARKERS | _ISSUED)
            or (
                before in _STATEMENT_NOUNS and (glued_l or (k + 1 < m.index and words[k + 1] in _MEDIA_NOUNS))
            )
        )
        out.append(replace(m, absorbed=True) if source and m.kind is not Kind.PLACE else m)
    return out


def unit_starts_with_l(word: str) -> bool:
    return word[:1] == "ل" and not word.startswith("ال")


def _elaborates(unit: _Unit) -> bool:
    first = [w for w in unit.words[:3] if w[:1].isalnum()]
    return bool(first) and first[0] in _ELABORATION


def _key(m: Mention) -> str:
    e = m.entity
    if m.kind is Kind.COUNTRY and m.country:
        # A state's citizens ("12 متظاهرا", "الشعب العراقي") are not the state acting.
        civilians = e is None and side_sector(m.name) is None
        return f"ctry:{m.country}:civ" if civilians else f"ctry:{m.country}"
    if e is not None and e.canonical_id:
        return e.canonical_id
    name = norm(m.name).split()
    if m.kind is Kind.PERSON and name:
        return f"per:{name[-1]}"
    return f"org:{' '.join(name)}"


def _clause(words: list[str], trig: Trigger, prev_end: int, next_start: int) -> tuple[int, int]:
    start = prev_end
    for k in range(trig.index - 1, prev_end - 1, -1):
        if words[k] in _CLAUSE_OPENERS:
            start = k + 1
            break
    end = next_start
    until = _CLAUSE_ENDERS | trig.entry.family.until
    k = trig.index + 1
    while k < next_start:
        if words[k] in until:
            # "وطالبت تركيا، بحسب وكالة الأناضول، إسرائيل …": a source between commas is an aside.
            close = next((j for j in range(k + 1, min(next_start, k + 7)) if words[j] in ("،", ",")), None)
            if words[k] in _SOURCE_MARKERS and words[k - 1] in ("،", ",") and close is not None:
                k = close + 1
                continue
            # "واتهمت الأمم المتحدة، في تقرير صادر عن مكتب …، قوات الدعم السريع": a source or a
            # relative clause inside an aside framed by commas after the verb ends nothing.
            opened = next((j for j in range(k - 1, trig.index, -1) if words[j] in ("،", ",")), None)
            close = next((j for j in range(k + 1, min(next_start, k + 9)) if words[j] in ("،", ",")), None)
            if words[k] in _ASIDE_WORDS and opened is not None and k - opened <= 8 and close is not None:
                k = close + 1
                continue
            end = k
            break
        k += 1
    return start, end


def _mode(family: Family, units: list[_Unit]) -> tuple[str | None, str, float]:
    readings = {loose(r) for u in units for w in u.words for r in token_readings(w)}
    for rule in family.modes:
        if readings & rule.words:
            return rule.mode, rule.cameo, rule.goldstein
    return family.mode, family.cameo, family.goldstein


def _contexts(table: CodingTable, units: list[_Unit]) -> set[str]:
    words = {w for u in units for w in u.words} | {w[1:] for u in units for w in u.words if w[:1] in "وبل"}
    return {name for name, keys in table.contexts.items() if words & keys}


def _schedule_limit(words: list[str], after: int) -> int | None:
    return next((k for k in range(after + 1, len(words)) if words[k] in _SCHEDULE_WORDS), None)


_OPENING_QUOTES = frozenset({"«", "“"})
_CLOSING_QUOTES = frozenset({"»", "”"})


def _quoted(words: list[str]) -> list[int]:
    """Per token, the index of the «…» or “…” quotation it stands in (-1 outside any); a straight
    double quote opens and closes in turn."""
    out: list[int] = []
    current, straight, count = -1, False, 0
    for w in words:
        if current < 0 and (w in _OPENING_QUOTES or w == '"'):
            count += 1
            current, straight = count, w == '"'
            out.append(-1)
            continue
        if current >= 0 and ((w in _CLOSING_QUOTES and not straight) or (w == '"' and straight)):
            current = -1
            out.append(-1)
            continue
        out.append(current)
    return out


def _outside_quotes(mentions: list[DateMention], words: list[str], trigger: int) -> list[DateMention]:
    """A date inside a quotation dates what the quote tells ("«… ما حدث في يونيو الماضي»"), not the
    act of quoting: only dates in the trigger's own quotation (or outside all, for a trigger outside)
    are kept."""
    quoted = _quoted(words)
    if not any(q >= 0 for q in quoted):
        return mentions
    mine = quoted[trigger] if trigger < len(quoted) else -1
    return [d for d in mentions if d.index >= len(quoted) or quoted[d.index] == mine]


def _pick_date(mentions: list[DateMention], scheduled: bool, limit: int | None) -> DateMention | None:
    if scheduled:
        future = [d for d in mentions if d.future]
        return future[0] if future else (mentions[0] if mentions else None)
    # "منذ 27 نوفمبر" dates the state the act continues, not the act; "اتفاقية … لعام 1974" names a
    # document.
    usable = [
        d
        for d in mentions
        if not d.future and not d.since and not d.named and (limit is None or d.index < limit)
    ]
    return usable[0] if usable else None


def _countries_of(draft: _Draft) -> list[Mention] | None:
    """The two sides of an earlier event as states, for "اتفق الجانبان" after a meeting."""
    sides = [m for m in (draft.actor, draft.recipient) if m is not None]
    isos = [m.country for m in sides]
    if len(sides) == 2 and all(isos) and isos[0] != isos[1]:
        return [
            Mention(
                Kind.COUNTRY,
                m.index,
                m.end_index,
                country_name(str(m.country)),
                None,
                m.country,
                resolved=True,
            )
            for m in sides
        ]
    return sides if len(sides) == 2 else None


def _code_unit(
    unit: _Unit, follow: _Unit | None, table: CodingTable, published: dt.date | None, story: _Story
) -> list[_Draft]:
    out: list[_Draft] = []
    placed: list[Trigger] = []  # the trigger of each draft in `out`
    story.read()
    words = unit.words
    inside_entities = {
        k for m in unit.mentions if m.entity is not None for k in range(m.index + 1, m.end_index + 1)
    }
    triggers = find_triggers(unit.tokens, table, [(m.index, m.end_index) for m in unit.mentions])
    for n, trig in enumerate(triggers):
        if trig.index in inside_entities or (trig.is_noun and _is_reference(trig, unit)):
            continue
        names = frozenset(k for m in unit.mentions for k in range(m.index, m.end_index + 1))
        if trig.governor is None and _is_masdar(words, trig, triggers[n - 1] if n else None, names):
            continue
        if _aims_at(trig, words) or _after_attempt(trig, unit) or _greeting(trig, words):
            continue
        if trig.is_noun and trig.entry.family.possessed and not words[trig.index].endswith(_POSSESSIVES):
            continue  # "جدد اتهاماته لـX" is his accusation; "وسط اتهامات لـX" is nobody's
        # A verbal noun after a verb of deciding is as negated or expected as that verb ("لم تقرر").
        modality = assess(words, trig if trig.governor is None else replace(trig, index=trig.governor))
        if modality.status in (Status.NEGATED, Status.EXPECTED, Status.TOPIC):
            continue
        family = trig.entry.family
        prev_end = triggers[n - 1].last + 1 if n else 0
        # "تلقى X اتصالا من Y": the received thing may be a trigger itself, and the source named
        # after it is this verb's; the clause runs past it.
        after = trig.last if family.roles == "source_from" or trig.last > trig.index else trig.index
        # A definite verbal noun ("الغارة الإسرائيلية") is no predicate of its own: it is the object.
        next_start = next(
            (
                t.index
                for t in triggers[n + 1 :]
                if t.index > after and not (t.is_noun and _is_reference(t, unit))
            ),
            len(words),
        )
        start, end = _clause(words, trig, prev_end, next_start)
        end = _new_subject(unit, trig, end, table)
        end = _charge_start(unit, trig, end)
        if n:  # after another predicate ("حماس تفرج عن … وإسرائيل تطلق …")
            start = _own_subject(unit, trig, start)
        imperfect = trig.entry.aspect is Aspect.IMPERFECT
        roles = assign_roles(family, words, trig.index, end, start, unit.mentions, story.topic, imperfect)
        actor, recipient = roles.actor, roles.recipient
        listed = _all_of(unit, trig, end)
        if listed is not None:
            # "أدانت كل من قطر والسعودية وتركيا الغارات الإسرائيلية": the list is the subject.
            keys, list_end = {_key(m) for m in listed}, max(m.end_index for m in listed)
            actor = listed[0]
            if recipient is not None and (_key(recipient) in keys or recipient.index <= list_end):
                recipient = None
            roles = replace(roles, subject=actor)
        nominal = _relative_act_actor(unit, trig)
        if nominal is not None:
            # "العدوان الإسرائيلي الذي استهدف مواقع في ريف دمشق": the act's state is the actor.
            actor = nominal
            if recipient is not None and (recipient.index < trig.index or _key(recipient) == _key(actor)):
                recipient = None
            roles = replace(roles, subject=None)
        carried = _carried_subject(unit, trig, triggers[n - 1] if n else None, out, placed)
        if carried is not None:
            # "الجزائر تستدعي السفير … وتحتج على تصريحات لـY": و + a verb with no subject of its own.
            later = [m for m in (actor, recipient) if m is not None and m.index > trig.index]
            later = [m for m in later if _key(m) != _key(carried)]
            actor, recipient = carried, (min(later, key=lambda m: m.index) if later else None)
            roles = replace(roles, subject=carried)
        around = _around_object(trig, unit.mentions) if family.roles == "subject_counterpart" else None
        if around is not None:
            actor, recipient = around
        if trig.entry.aspect is Aspect.PARTICIPLE:
            actor, recipient = _participle_roles(trig, words, unit.mentions, story.topic)
        if trig.governor is not None:
            actor, recipient = _decided_roles(
                trig, trig.governor, words, start, end, unit.mentions, story.topic
            )
            roles = replace(roles, subject=actor)
        resolved = any(m is not None and m.resolved for m in (actor, recipient)) or actor is story.topic
        # "الجانبان" as subject or counterpart, not in a genitive further on ("مصالح البلدين").
        actor, recipient = (
            None if m is not None and m.kind is Kind.PLURAL and m.index > trig.index + 3 else m
            for m in (actor, recipient)
        )
        if any(m is not None and m.kind is Kind.PLURAL for m in (actor, recipient)):
            last = story.last
            if last is None or last.type == family.type:
                continue  # "ناقش الجانبان ..." elaborates the meeting already coded
            sides = _countries_of(last)
            if sides is None:
                continue
            actor, recipient = sides
        # A verbal noun is only an event with its counterpart named after a cue ("لقائه بـ X").
        if trig.is_noun and (recipient is None or not _cued(recipient, trig, words)):
            continue
        if recipient is not None and family.single_actor and not _cued(recipient, trig, words):
            recipient = None  # "رحبت الحكومة بالبيان، وقالت وزارة الخارجية": the ministry is no object
        if family.object_after and (
            recipient is None or recipient.index < trig.index or recipient.direct_cue in _PREPOSITIONS
        ):
            continue  # "وحذر من أن الوضع في لبنان ...": no one was warned
        scheduled = modality.status is Status.SCHEDULED
        dates = find_dates(words, published)
        if not scheduled and trig.entry.aspect is Aspect.IMPERFECT and dates and all(d.future for d in dates):
            # "يلتقي روبيو لافروف غدا الثلاثاء": the present tense dated after publication announces it.
            scheduled = True
        limit = None if scheduled else _schedule_limit(words, trig.index)
        context_units = [unit, follow] if follow else [unit]
        visit = family.mode == "visit"
        hits = family.target_from_place
        # A clause opened by its own word ("، وكانت الخرطوم قد استدعت") does not take the place of
        # the clause before it.
        opened = start > prev_end and words[start - 1] in _KANA
        own = [m for m in unit.mentions if m.index >= start] if opened else unit.mentions
        place = choose_place(own, words, trig.index, visit, limit, target=hits)
        if place is None and follow is not None:
            place = choose_place(follow.mentions, follow.words, 0, visit, target=hits)
        # A strike "في عمق روسيا" hits Russia; a visit to Cairo is hosted by Egypt. After a verb of
        # deciding the place is the noun's ("أعلنت الجماعة في اليمن إطلاق صواريخ على إسرائيل"):
        # one named with the subject is where the actor is.
        target = place
        if trig.governor is not None and place is not None and place.index < trig.index:
            later = [m for m in unit.mentions if m.index > trig.index]
            target = choose_place(later, words, trig.index, visit, limit, target=hits)
        if recipient is None and family.target_from_place:
            # "استدعت الجزائر سفيرها لدى فرنسا": the country of the posting is the one acted on; it
            # beats a place, which may lie in another clause ("التوتر في دارفور، وكانت الخرطوم …").
            recipient = _posting(unit, trig.index, end)
        if recipient is None and family.target_from_place and target is not None and target.country:
            recipient = Mention(
                Kind.COUNTRY,
                target.index,
                target.end_index,
                country_name(target.country),
                None,
                target.country,
                resolved=True,
            )
        if recipient is None and not family.single_actor:
            # "فرضت واشنطن عقوبات على مصافٍ صينية": a nationality after the cue names the target.
            recipient = _nisba_after_cue(unit, trig, end)
        if recipient is not None and _embedded(recipient, trig, unit):
            # "انتقد … اللوبي المعادي للجزائر", "طالب باحترام سيادة العراق": a noun's complement or
            # a possessor inside a prepositional phrase is no counterpart.
            recipient = None
        uncued = (
            recipient is not None
            and recipient.index > trig.index
            and _after_preposition(recipient)
            and recipient.direct_cue not in family.cues
        )
        if (recipient is None or uncued) and not family.single_actor and actor is not None:
            # "أدان … الاعتداءات الإسرائيلية على سوريا", "اعتقلت القوات الأمنية العراقية 12 متظاهرا":
            # the direct object's nationality beats a name after a preposition that is no cue.
            subject = replace(actor, end_index=max(m.end_index for m in listed)) if listed else actor
            recipient = _object_nisba(unit, trig, subject, end, target) or recipient
        if actor is None or (recipient is None and not family.single_actor):
            continue
        if recipient is not None and _key(actor) == _key(recipient):
            continue
        if start <= actor.index < trig.index:
            actor = _chain_head(actor, recipient, unit, start)
        date = _pick_date(_outside_quotes(dates, words, trig.index), scheduled, limit)
        if date is None and follow is not None:
            date = _pick_date(find_dates(follow.words, published), scheduled, None)
        mode, cameo, goldstein = _mode(family, context_units)
        if mode == "phone":
            place = None  # a call has no single place; "في غزة" there is the topic
        etype = family.type
        if scheduled:
            etype, mode = "AGREE", None
            cameo, goldstein = ("036", 4.0) if family.type == "CONSULT" else ("030", 4.0)
        confidence = (0.75 if trig.is_noun else 0.9) * modality.confidence * (0.85 if resolved else 1.0)
        if unit.in_title:
            confidence *= 0.8
        draft = _Draft(
            family,
            etype,
            mode,
            cameo,
            goldstein,
            actor,
            recipient,
            unit.sentence,
            trig.text,
            round(confidence, 3),
            date,
            place,
            _contexts(table, context_units),
            unit.in_title,
            *_sides_coordinated(actor, recipient, unit),
        )
        object_of = _verb_with_object(out, placed, trig, draft)
        if object_of is not None:
            # "شنت طائرات أمريكية غارات على مواقع للحوثيين": the noun is the verb's object, one
            # event; its cue may name the target the verb's reading only guessed from a place.
            if object_of.recipient is None or object_of.recipient.resolved:
                object_of.recipient = draft.recipient or object_of.recipient
            continue
        out.append(draft)
        placed.append(trig)
        second = _second_source(unit, trig, draft, end)
        if second is not None:
            # "تلقى X اتصالين هاتفيين من Y وZ": two calls, one from each.
            out.append(replace(draft, actor=second, co_actors=[], co_recipients=list(draft.co_recipients)))
            placed.append(trig)
        story.last = draft
        if roles.subject is not None and roles.subject.kind is not Kind.PLURAL:
            story.name(roles.subject)
    if not triggers:
        # A sentence led by a named person without an event still moves the story's topic.
        people = [m for m in unit.mentions if m.kind is Kind.PERSON and not m.absorbed]
        if people and people[0].index <= 3:
            story.name(people[0])
    return out


_OBJECT_PRONOUNS_SEPARATE = _set("إياه", "إياها", "إياهم", "إياهما", "إياهن")


def _sides_coordinated(
    actor: Mention, recipient: Mention | None, unit: _Unit
) -> tuple[list[Mention], list[Mention]]:
    """The participants coordinated with the actor and with the recipient, each once. When the
    recipient is itself in the actor's list ("الولايات المتحدة وبريطانيا وفرنسا اتفقت"), the list is
    one side: the rest joins the actor."""
    with_actor = _coordinated(actor, unit, None)
    if recipient is None:
        return with_actor, []
    if any(_key(m) == _key(recipient) for m in with_actor):
        return [m for m in with_actor if _key(m) != _key(recipient)], []
    taken = {_key(m) for m in with_actor}
    return with_actor, [m for m in _coordinated(recipient, unit, actor) if _key(m) not in taken]


def _content_word(unit: _Unit, k: int, inside: set[int]) -> bool:
    """An untagged word that may head a noun phrase (no punctuation, number, date or particle)."""
    w = unit.words[k]
    return (
        k not in inside
        and w[:1].isalnum()
        and not w.isdigit()
        and w not in _PREPOSITIONS | _CLAUSE_ENDERS | _CLAUSE_OPENERS | _NOT_NOUNS
        and not find_dates([w], _ANY_DAY)
    )


# Nouns of members: "مسؤولين في الحرس الثوري", "قادة من حركة حماس" are that body's side.
_MEMBERS = (
    _set(
        *("أعضاء", "عناصر", "قادة", "قيادات", "مسؤولين", "مسؤولي", "مقاتلين", "أفراد", "ضباط", "كوادر"),
        *("موظفين", "موظفي", "ممثلين", "ممثلي", "وفد", "وفدا", "عضو", "قيادي", "مسؤول", "مسؤولا"),
    )
    | ROLE_WORDS
    | PEOPLE_NOUNS
)
_ANY_DAY = dt.date(2000, 1, 3)  # any day: only whether a word is a date word matters
# Words before a name that head no noun phrase of their own.
_NOT_NOUNS = _set("كل", "جميع", "بعض", "أيضا", "ايضا", "اليوم", "أمس", "و", "أو", "سواء")


def _embedded(recipient: Mention, trig: Trigger, unit: _Unit) -> bool:
    """The counterpart candidate completes a noun, not the verb: after a preposition that is no cue
    of the family, right after an untagged noun or adjective ("اللوبي المعادي للجزائر"), or as the
    possessor of a noun inside a prepositional phrase ("باحترام سيادة العراق")."""
    family = trig.entry.family
    k = recipient.index - 1
    if k <= trig.last or family.single_actor or family.type in _ACTS_ON_PEOPLE:
        return False  # what is hit belongs to the target: "استهدف مواقع للجيش السوري"
    if not any(recipient is m for m in unit.mentions) or _cued(recipient, trig, unit.words):
        return False  # a side resolved from elsewhere, or a counterpart after the family's cue
    words = unit.words
    near = words[k - 1 : k + 1]
    if any(w in _MEMBERS or w[1:] in _MEMBERS or "ال" + w[2:] in _MEMBERS for w in near):
        return False  # "عقوبات على ستة مسؤولين في الحرس الثوري": its members stand for it
    if country_of_adjective(words[k]):
        return False  # the name's title: "للرئيس الفلسطيني محمود عباس"
    inside = {j for m in unit.mentions if m is not recipient for j in range(m.index, m.end_index + 1)}
    first = words[recipient.index]
    glued = first[:1] in "لب" and not norm(recipient.name).startswith(first[:1])  # "للجزائر"
    if glued or (recipient.direct_cue is not None and recipient.direct_cue in _PREPOSITIONS):
        if words[k] == recipient.direct_cue:
            k -= 1  # a preposition standing alone ("في فرنسا"); a glued one is in the name's token
        # only after a noun and its adjective ("اللوبي المعادي للجزائر"): a verbal noun's own object
        # ("عن دعمه الكامل للرئيس X", "بتصريحات لـX") is the counterpart
        if k <= trig.last or not _content_word(unit, k, inside) or not words[k].startswith("ال"):
            return False
        return words[k].startswith("الم") or (
            k - 1 > trig.last and words[k - 1].startswith("ال") and _content_word(unit, k - 1, inside)
        )
    if recipient.direct_cue is not None or not _content_word(unit, k, inside):
        return False
    # the possessed noun, then what governs it: a preposition glued to a noun ("باحترام")
    j = k - 1
    if j <= trig.last or j in inside:
        return False
    w = words[j]
    return (w[:1] in "بل" and len(w) > 3 and _content_word(unit, j, inside)) or w in _PREPOSITIONS


# Nouns of armed acts: with a nationality they name the state that acts in their relative clause.
_ACT_NOUNS = _set(
    *("العدوان", "الغارات", "الغارة", "القصف", "الهجوم", "الهجمات", "الاعتداء", "الاعتداءات"),
    *("الضربات", "الضربة", "التوغل", "الاجتياح", "العملية", "العمليات"),
)


def _relative_act_actor(unit: _Unit, trig: Trigger) -> Mention | None:
    """The state of "act noun + nationality" right before the relative pronoun that opens the
    clause of an attack verb ("العدوان الإسرائيلي الذي استهدف …", "الغارات الأمريكية التي طالت …")."""
    k = trig.index - 1
    if (
        trig.entry.family.type != "ASSAULT"
        or trig.is_noun
        or k < 2
        or unit.words[k] not in _RELATIVE_PRONOUNS
    ):
        return None
    noun, adjective = unit.words[k - 2], unit.words[k - 1]
    bare = noun[1:] if noun[:1] in "وبل" and noun[1:] in _ACT_NOUNS else noun
    iso = country_of_adjective(adjective)
    if bare not in _ACT_NOUNS or iso is None:
        return None
    return Mention(Kind.COUNTRY, k - 2, k - 1, country_name(iso), None, iso, resolved=True)


_KULL, _MIN = norm("كل"), norm("من")


def _all_of(unit: _Unit, trig: Trigger, end: int) -> list[Mention] | None:
    """The participants listed after "كل من" right after the verb ("أدانت كل من قطر والسعودية
    وتركيا …"): one side, all of them the verb's subject."""
    words = unit.words
    k = trig.last + 1
    if k + 2 >= end or words[k] != _KULL or words[k + 1] != _MIN:
        return None
    head = next(
        (m for m in unit.mentions if m.index == k + 2 and m.kind in _COORDINABLE and not m.absorbed), None
    )
    if head is None:
        return None
    return [head, *_coordinated(head, unit, None)]


_POSSESSIVES = ("ه", "ها", "هم", "هما")
_TWO_OR_MORE = ("ين", "ات")  # dual or plural of the received thing: اتصالين، اتصالات، مكالمتين


def _second_source(unit: _Unit, trig: Trigger, draft: _Draft, end: int) -> Mention | None:
    """The second sender of things received in the dual or plural ("تلقى X اتصالين هاتفيين من
    وزير الخارجية السعودي … ووزير الخارجية القطري …"): a participant joined by و to the first
    sender, with only its own title between."""
    if trig.entry.family.roles != "source_from" or trig.last <= trig.index:
        return None
    if not unit.words[trig.last].endswith(_TWO_OR_MORE) or draft.actor.index < trig.last:
        return None
    taken = {_key(draft.actor)} | ({_key(draft.recipient)} if draft.recipient else set())
    ahead = sorted(
        (
            m
            for m in unit.mentions
            if m.kind in _COORDINABLE and not m.absorbed and draft.actor.end_index < m.index < end
        ),
        key=lambda m: m.index,
    )
    last = draft.actor.end_index
    for m in ahead:
        if _key(m) in taken:
            last = max(last, m.end_index)  # the name after its title ("وزير الخارجية السعودي فيصل")
            continue
        gap = unit.tokens[last + 1 : m.index]
        joined = (not gap and _joined(m, unit)) or (
            bool(gap) and gap[0].text[:1] == "و" and len(gap) <= _TITLE_GAP
        )
        if joined and all(t.text[:1].isalnum() for t in gap):
            return m
        return None
    return None


_TITLE_GAP = 5  # words of a title between و and the second sender's name


def _new_subject(unit: _Unit, trig: Trigger, end: int, table: CodingTable) -> int:
    """Where a verb's clause ends at "و + a name + a verb": the name is the subject of a new
    clause ("مجلس الأمن يطالب بوقف فوري لإطلاق النار والاتحاد الأوروبي يقدم 50 مليون يورو")."""
    for m in unit.mentions:
        if not (trig.last < m.index < end) or m.kind not in _COORDINABLE:
            continue
        nxt = m.end_index + 1
        if _joined(m, unit) and nxt < len(unit.words) and _is_verb_form(unit.words[nxt], table):
            return m.index - (1 if unit.words[m.index - 1] == "و" else 0)
    return end


# Words with a proclitic ب that open no charge: adverbs, prepositions, nouns of place.
_NOT_CHARGES = _set(
    *("بعد", "بين", "بشكل", "بسبب", "بحسب", "بدوره", "بدورها", "بيان", "بيانا", "بلاده", "بلادها"),
    *("بالقرب", "بالعاصمة", "بمدينة", "بالتزامن", "بالإضافة", "بناء", "بنحو", "بقيمة", "بالفعل"),
    # a title's "in the name of" and "headed by" ("المتحدث باسم الخارجية", "وفد برئاسة")
    *("باسم", "بإسم", "برئاسة", "بقيادة", "بأن", "بان"),
)


def _charge_start(unit: _Unit, trig: Trigger, end: int) -> int:
    """Where the charge of an accusation starts ("اتهمت السلطات ثلاثة أشخاص بالتجسس لصالح
    الولايات المتحدة وإسرائيل"): the accused stands before ب + the charge, names inside the charge
    are whom it concerns, not the accused."""
    if trig.entry.family.id != "accuse.accuse" or trig.last > trig.index:
        return end
    inside = {k for m in unit.mentions for k in range(m.index, m.end_index + 1)}
    # The charge follows the accused: nothing before the first participant after the verb opens it.
    first = min((m.index for m in unit.mentions if trig.index < m.index < end), default=end)
    for k in range(first + 1, end):
        w = unit.words[k]
        if k in inside or w[:1] != "ب" or len(w) < 4 or w in _NOT_CHARGES:
            continue
        return k
    return end


def _own_subject(unit: _Unit, trig: Trigger, start: int) -> int:
    """The other side of `_new_subject`: a verb right after "و + a name" has that name as its
    subject, and its clause starts there ("… عن أربعة محتجزين إسرائيليين وإسرائيل تطلق سراح …")."""
    for m in unit.mentions:
        if m.end_index == trig.index - 1 and m.index > start and m.kind in _COORDINABLE and _joined(m, unit):
            return m.index
    return start


def _joined(m: Mention, unit: _Unit) -> bool:
    """`m` follows a و: standalone or glued to it ("والنيجر"; the name itself does not start with و)."""
    return (m.index > 0 and unit.words[m.index - 1] == "و") or (
        unit.tokens[m.index].text[:1] == "و" and not norm(m.name).startswith("و")
    )


def _is_verb_form(word: str, table: CodingTable) -> bool:
    """A present-tense form of a verb of the coding table ("يقدم", "تتوعد")."""
    return any(e.verb is not None and e.aspect is Aspect.IMPERFECT for e in table.forms.get(word, ())) or (
        word[:1] in "سل" and any(e.verb is not None for e in table.forms.get(word[1:], ()))
    )


def _chain_head(actor: Mention, recipient: Mention | None, unit: _Unit, start: int) -> Mention:
    """The first of the participants coordinated before a verb whose last one was taken as its
    subject ("مالي والنيجر وبوركينا فاسو تستدعي سفراءها": Mali heads the list, the others join it
    as co-actors), unless the recipient is in that list (it is then the other side); the list
    stays within the verb's clause, from `start`."""
    parts = sorted(
        (
            m
            for m in unit.mentions
            if m.kind in _COORDINABLE and not m.absorbed and start <= m.index < actor.index
        ),
        key=lambda m: m.index,
    )
    head = actor
    for m in reversed(parts):
        if m.end_index >= head.index:
            continue
        gap = unit.words[m.end_index + 1 : head.index]
        glued = unit.tokens[head.index].text[:1] == "و" and not norm(head.name).startswith("و")
        if not (((not gap or gap in (["،"], [","])) and glued) or gap in (["و"], ["،", "و"])):
            break  # each link of the list is a و: "المتحدث باسم الحكومة، أحمد …" is one person
        head = m
    if head is actor or (recipient is not None and head.index <= recipient.index < actor.index):
        return actor
    return head


_ASIDE_REACH = 10  # words of a comma-framed aside before an object ("، في بيانات منفصلة صدرت اليوم الأحد،")
_NISBA_REACH = 4  # words from a cue to the nationality adjective of its noun ("على 20 شركة دفاع أمريكية")


def _nisba_after_cue(unit: _Unit, trig: Trigger, end: int) -> Mention | None:
    """The state whose nationality qualifies the noun right after one of the family's cue words
    ("عقوبات على مصاف صينية", "غارات على مواقع سورية"), as that state's side."""
    family = trig.entry.family
    words = unit.words
    inside = {k for m in unit.mentions for k in range(m.index, m.end_index + 1)}
    for k in range(trig.last + 1, end):
        if words[k] not in family.cues:
            continue
        for j in range(k + 1, min(end, k + 1 + _NISBA_REACH)):
            if j in inside or not words[j][:1].isalnum():
                break
            iso = country_of_adjective(words[j])
            if iso is not None and j > k + 1:
                name = " ".join(t.text for t in unit.tokens[k + 1 : j + 1])
                return Mention(Kind.COUNTRY, k + 1, j, name, None, iso, direct_cue=words[k], resolved=True)
        break
    return None


_ORIGIN_REACH = 7  # words from a people noun to the place they come from ("من محافظتي جنين")
_COUNT_WORDS = _set("عشرات", "مئات", "آلاف", "عدد", "عددا", "نحو", "قرابة", "حوالي")
# Acts on people whose object may be people named by no nationality: their own state's citizens
# or those of the place ("اعتقلت القوات الأمنية العراقية 12 متظاهرا").
_ACTS_ON_PEOPLE = frozenset({"COERCE", "ASSAULT"})


def _object_nisba(
    unit: _Unit, trig: Trigger, actor: Mention, end: int, place: Mention | None
) -> Mention | None:
    """The verb's direct object when a nationality qualifies it: an act ("أدان … الاعتداءات
    الإسرائيلية على …", "رفض المقترح المصري") is that state's, a group of people ("9 شبان
    فلسطينيين") are its citizens. The object stands right after the verb, or after its subject
    (VSO), a number aside. People named by no nationality, as the object of an arrest or an attack,
    are the citizens of the place, else of the actor's state."""
    words = unit.words
    inside = {k for m in unit.mentions for k in range(m.index, m.end_index + 1)}
    k = trig.last + 1
    if trig.last < actor.index < end:
        if actor.index > trig.last + 1 + _OBJECT_GAP:
            return None
        k = actor.end_index + 1
    while k < end and (
        not words[k][:1].isalnum() or words[k].lstrip("و").isdigit() or words[k] in _COUNT_WORDS
    ):
        if words[k] in ("،", ","):
            # a parenthetical framed by commas ("، اليوم الثلاثاء،") before the object
            close = next(
                (j for j in range(k + 1, min(end, k + _ASIDE_REACH)) if words[j] in ("،", ",")), None
            )
            k = close if close is not None else k
        k += 1
    if k >= end or k in inside or words[k] in _PREPOSITIONS | _CLAUSE_ENDERS | _CLAUSE_OPENERS:
        return None
    people = words[k] in PEOPLE_NOUNS
    for j in (k + 1, k + 2):
        if j >= end or j in inside or not words[j][:1].isalnum():
            break
        iso = country_of_adjective(words[j])
        if iso is None:
            continue
        if not people and iso == actor.country:
            return None  # "انتقد الوزير السياسة العراقية" said by an Iraqi: no counterpart
        name = " ".join(t.text for t in unit.tokens[k : j + 1]) if people else country_name(iso)
        return Mention(Kind.COUNTRY, k, j, name, None, iso, resolved=True)
    if people and trig.entry.family.type in _ACTS_ON_PEOPLE:
        # "15 مواطنا على الأقل من محافظتي جنين وطوباس": where they are from names their state.
        # A place of no known state there leaves them unknown, not the actor's.
        origins = [
            m
            for m in sorted(unit.mentions, key=lambda m: m.index)
            if m.kind is Kind.PLACE and k < m.index <= k + _ORIGIN_REACH and m.index < end
        ]
        if origins and not any(m.country for m in origins):
            return None
        origin = next((m.country for m in origins if m.country), None)
        iso = origin or (place.country if place is not None else None) or actor.country
        if iso is not None:
            return Mention(Kind.COUNTRY, k, k, unit.tokens[k].text, None, iso, resolved=True)
    return None


def _carried_subject(
    unit: _Unit, trig: Trigger, previous: Trigger | None, out: list[_Draft], placed: list[Trigger]
) -> Mention | None:
    """The subject a verb joined by و shares with the verb before it: no participant between the
    two, and none standing as the new verb's own subject (a present tense takes its subject before
    it; a past tense may take it after, so only a preposition there leaves the subject shared)."""
    if (
        previous is None
        or not out
        or placed[-1] is not previous
        or not unit.tokens[trig.index].text.startswith("و")
    ):
        return None
    if trig.is_noun or trig.entry.aspect not in (Aspect.PERFECT, Aspect.IMPERFECT):
        return None
    parts = [m for m in unit.mentions if m.kind in _COORDINABLE and not m.absorbed]
    if any(previous.last < m.index < trig.index for m in parts):
        return None
    if trig.entry.aspect is Aspect.PERFECT:
        nxt = next((m for m in parts if m.index > trig.last), None)
        if nxt is not None and not _after_preposition(nxt):
            return None
    return out[-1].actor


# Nouns of policy that "aim at" (تستهدف) rather than strike: "العقوبات التي تستهدف مصافي صينية".
_POLICY_NOUNS = _set(
    *("عقوبات", "العقوبات", "إجراءات", "الإجراءات", "خطة", "الخطة", "سياسة", "السياسة", "حملة"),
    *("الحملة", "قرار", "القرار", "مشروع", "المشروع", "برنامج", "البرنامج", "مبادرة", "المبادرة"),
    *("قانون", "القانون", "رسوم", "الرسوم", "تعريفات", "التعريفات", "الضرائب", "إصلاحات", "الإصلاحات"),
)
_RELATIVE_PRONOUNS = _set("التي", "الذي", "الذين", "اللتين", "اللذين", "اللتان", "اللذان")
_FORCE_ADJECTIVES = _set(
    *("عسكرية", "العسكرية", "عسكري", "العسكري", "جوية", "الجوية", "برية", "البرية", "بحرية", "البحرية"),
    *("أمنية", "الأمنية", "صاروخية", "الصاروخية", "مسلحة", "المسلحة"),
)
_AIM = norm("استهدف")


def _aims_at(trig: Trigger, words: list[str]) -> bool:
    """استهدف in a relative clause or after a noun of policy means "aims at", no attack: a present
    tense after a relative pronoun ("التي تستهدف"), or any tense with a policy noun as its head."""
    if trig.entry.verb is None or trig.entry.verb.lemma != _AIM:
        return False
    k = trig.index - 1
    while k >= 0 and not words[k][:1].isalnum():
        k -= 1
    if k < 0:
        return False
    if words[k] in _POLICY_NOUNS:
        return True
    # "حملة ممنهجة تستهدف الجزائر": a policy noun and up to two adjectives, none of force
    # ("حملة عسكرية تستهدف مواقع" is an attack).
    for j in range(k - 1, max(-1, k - 3), -1):
        if words[j] in _POLICY_NOUNS:
            return not any(words[m] in _FORCE_ADJECTIVES for m in range(j + 1, k + 1))
        if not words[j][:1].isalnum():
            break
    if words[k] not in _RELATIVE_PRONOUNS:
        return False
    return trig.entry.aspect is Aspect.IMPERFECT or (k > 0 and words[k - 1] in _POLICY_NOUNS)


# Nouns of attempting and intending: a verb-looking word after them (and their genitive) is a
# verbal noun, the act attempted, not done: "محاولات الغرب فرض عقوبات … لن تثني موسكو".
_ATTEMPT_NOUNS = _set(
    *("محاولات", "محاولة", "مساعي", "مسعى", "جهود", "خطط", "نية", "رغبة", "مطالب", "مطالبات"),
    *("تهديدات", "تهديد", "إمكانية", "احتمال", "فكرة", "مقترح", "اقتراح", "رفض", "عزم"),
)


def _after_attempt(trig: Trigger, unit: _Unit) -> bool:
    if trig.is_noun or trig.governor is not None:
        return False
    k = trig.index - 1
    owner = next((m for m in unit.mentions if m.end_index == k), None)
    if owner is not None:
        k = owner.index - 1  # "محاولات الغرب فرض": the attempt's owner between
    if k < 0:
        return False
    w = unit.words[k]
    return w in _ATTEMPT_NOUNS or (w[:1] in "وب" and w[1:] in _ATTEMPT_NOUNS) or loose(w) in _ATTEMPT_LOOSE


_ATTEMPT_LOOSE = frozenset(loose(w) for w in _ATTEMPT_NOUNS)
# Greetings carried to someone: "طلب … نقل تحياته إلى الرئيس" is no request.
_GREETINGS = tuple(norm(w) for w in ("تحيات", "تحية", "تهاني", "تمنيات"))


def _greeting(trig: Trigger, words: list[str]) -> bool:
    if trig.entry.family.type != "REQUEST":
        return False
    window = words[trig.last + 1 : trig.last + 13]  # past a VSO subject with its title
    return any(r.startswith(_GREETINGS) for w in window for r in token_readings(w))


def _posting(unit: _Unit, after: int, end: int) -> Mention | None:
    """The country named after لدى following the trigger in its clause ("سفيرها لدى فرنسا"), as
    a state."""
    for m in unit.mentions:
        if after < m.index < end and m.country and m.index > 0 and unit.words[m.index - 1] == _LADA:
            return Mention(
                Kind.COUNTRY, m.index, m.end_index, country_name(m.country), None, m.country, resolved=True
            )
    return None


_LADA = norm("لدى")


def _coordinated(m: Mention | None, unit: _Unit, other: Mention | None) -> list[Mention]:
    """The participants coordinated with `m` right after it: "مالي والنيجر وبوركينا فاسو",
    "ألمانيا، فرنسا، وبريطانيا" (a list joined by commas only counts when a و closes it)."""
    if m is None or m.kind not in _COORDINABLE:
        return []
    later = sorted(
        (n for n in unit.mentions if n.index > m.end_index and n.kind in _COORDINABLE and not n.absorbed),
        key=lambda n: n.index,
    )
    chain: list[Mention] = []
    closed = 0  # length of the chain up to its last و-joined item
    last = m
    for n in later:
        gap = unit.words[last.end_index + 1 : n.index]
        # و glued to the name ("والنيجر"): the token starts with it, the name does not.
        glued = unit.tokens[n.index].text[:1] == "و" and not norm(n.name).startswith("و")
        if ((not gap or gap in (["،"], [","])) and glued) or gap in (["و"], ["،", "و"]):
            chain.append(n)
            closed = len(chain)
        elif gap in (["،"], [","]):
            chain.append(n)
        else:
            break
        last = n
    keys = {_key(m)} | ({_key(other)} if other is not None else set())
    out = []
    for n in chain[:closed]:
        if _key(n) not in keys:
            keys.add(_key(n))
            out.append(n)
    return out


_COORDINABLE = (Kind.PERSON, Kind.ORG, Kind.COUNTRY)


def _participle_roles(
    trig: Trigger, words: list[str], mentions: list[Mention], topic: Mention | None
) -> tuple[Mention | None, Mention | None]:
    """(actor, recipient) of a circumstantial participle ("أعلنت وزارة الخارجية المغربية رفضها،
    متهمة الجزائر بـ …"): the sentence's subject (or the story's topic) accuses, asks or praises
    the participle's direct object."""
    parts = [m for m in mentions if m.kind in (Kind.PERSON, Kind.ORG, Kind.COUNTRY) and not m.absorbed]
    # The subject stands in the main clause (before its first comma), with no preposition before
    # it: "وأكد الأمين العام للأمم المتحدة أنطونيو غوتيريش …، داعيا"; a name after a preposition
    # ("الهجمات على الولايات المتحدة") is no subject.
    main_end = next((k for k in range(trig.index) if words[k] in ("،", ",")), trig.index)
    subject = next((m for m in parts if m.index < main_end and not _after_preposition(m)), None)
    actor = subject or topic
    if trig.index + 1 < len(words) and words[trig.index + 1] in _OBJECT_PRONOUNS_SEPARATE:
        return actor, None  # "متهمة إياها بـ …": the object is someone named before, unknown here
    # The accused or asked party is the participle's direct object: right after it, no preposition.
    recipient = next(
        (
            m
            for m in parts
            if trig.index < m.index <= trig.index + _OBJECT_SLOT
            and not _after_preposition(m)
            # "محذرا من أن بكين ستتخذ إجراءات": the name inside the complement clause is its subject
            and not any(w in _PREPOSITIONS | _CLAUSE_OPENERS for w in words[trig.index + 1 : m.index])
            and (actor is None or _key(m) != _key(actor))
        ),
        None,
    )
    return actor, recipient


_OBJECT_SLOT = 3  # tokens after a participle within which its object starts


def _decided_roles(
    trig: Trigger,
    governor: int,
    words: list[str],
    start: int,
    end: int,
    mentions: list[Mention],
    topic: Mention | None,
) -> tuple[Mention | None, Mention | None]:
    """(actor, recipient) of a verbal noun after a verb of deciding: the verb's subject (between
    the verb and the noun, "قررت الحكومة الجزائرية، في خطوة تصعيدية، استدعاء"; else before the
    verb, "الجزائر تقرر استدعاء"; else the story's topic) acts on the noun's counterpart (after a
    cue of its family, "تعليق مساعداتها لمصر", else its direct object, "طرد السفير الليبي")."""
    parts = [m for m in mentions if m.kind in _COORDINABLE and not m.absorbed and not _after_preposition(m)]
    between = [m for m in parts if governor < m.index < trig.index]
    before = [m for m in parts if start <= m.index < governor]
    actor = between[0] if between else (before[-1] if before else topic)
    family = trig.entry.family
    starts = {m.index for m in mentions}
    cue = next((k for k in range(trig.index + 1, end) if is_cue(words[k], family, k in starts)), None)
    after = [
        m
        for m in mentions
        if m.kind in _COORDINABLE
        and not m.absorbed
        and trig.index < m.index < end
        and (actor is None or _key(m) != _key(actor))
    ]
    if cue is not None:
        recipient = next((m for m in after if m.index >= cue), None)
    else:
        # The direct object follows the noun and its object word: "طرد السفير الليبي"; a name further
        # on ("إطلاق صاروخ باتجاه مطار بن غوريون") is no object.
        recipient = next(
            (m for m in after if m.index <= trig.last + _OBJECT_SLOT and not _after_preposition(m)), None
        )
    return actor, recipient


def _after_preposition(m: Mention) -> bool:
    return m.direct_cue in _PREPOSITIONS


def _around_object(trig: Trigger, mentions: list[Mention]) -> tuple[Mention, Mention] | None:
    """(subject, object) of a verb bound to its object word (VSO: "استدعت وزارة الخارجية الإيرانية،
    الثلاثاء، السفير البريطاني X"): the one participant between the verb and the object word, and
    the participant at or just after the object word."""
    if trig.is_noun or trig.last <= trig.index + 1:
        return None
    parts = [m for m in mentions if m.kind in (Kind.PERSON, Kind.ORG, Kind.COUNTRY) and not m.absorbed]
    inner = [m for m in parts if trig.index < m.index < trig.last]
    obj = next((m for m in parts if trig.last <= m.index <= trig.last + 3), None)
    if len(inner) != 1 or obj is None or _key(inner[0]) == _key(obj):
        return None
    return inner[0], obj


# Words between a verb and its object noun: the subject may sit there (VSO), a few words long.
_OBJECT_GAP = 6


def _verb_with_object(
    out: list[_Draft], placed: list[Trigger], trig: Trigger, draft: _Draft
) -> _Draft | None:
    """The event of the verb whose object the verbal noun `trig` is: an earlier verb trigger of
    the same type, the same actor, and the noun a few words after it (or its own object word)."""
    if not trig.is_noun:
        return None
    for d, t in zip(out, placed, strict=True):
        if (
            not t.is_noun
            and d.family.type == draft.family.type  # the verb's, before scheduling made it AGREE
            and _key(d.actor) == _key(draft.actor)
            and t.index < trig.index <= t.last + _OBJECT_GAP
        ):
            return d
    return None


def _cued(recipient: Mention, trig: Trigger, words: list[str]) -> bool:
    """The counterpart follows the trigger after one of its family's cues ("لقائه بـX", "ضد X")."""
    family = trig.entry.family
    return recipient.index > trig.index and (
        recipient.direct_cue in family.cues
        # a cue glued to the counterpart's own first word ("للولايات المتحدة") counts as one
        or any(
            is_cue(words[k], family, k == recipient.index) for k in range(trig.index + 1, recipient.index + 1)
        )
    )


def _is_reference(trig: Trigger, unit: _Unit) -> bool:
    """A definite verbal noun ("اللقاء", "بالمباحثات") refers to an event already reported."""
    stems = token_readings(trig.text)
    return any(s.startswith("ال") for s in stems)


def _is_masdar(
    words: list[str], trig: Trigger, previous: Trigger | None, names: frozenset[int] = frozenset()
) -> bool:
    if trig.is_noun:
        return False
    k = trig.index - 1
    while k >= 0 and (not words[k][:1].isalnum() or words[k] in _SKIPPED_BEFORE_MASDAR):
        k -= 1
    if k >= 0 and words[k] in _MASDAR_GOVERNORS:
        return True
    if governing_verb(words, trig.index, _SAYING, names) is not None:
        return True
    # "اتفق الوزيران على عقد اجتماع": a preposition right after another trigger governs a noun.
    if k >= 1 and words[k] in _NOUN_PREPOSITIONS and previous is not None and previous.last >= k - 3:
        return True
    # "المباحثات تناولت …" is a noun phrase; "وعقب المباحثات، وقّع …": the comma ends it.
    return (
        previous is not None
        and previous.is_noun
        and trig.index - previous.last <= 3
        and all(w[:1].isalnum() for w in words[previous.last + 1 : trig.index])
    )


def _best_name(m: Mention, entities: list[Entity]) -> str:
    """The fullest name the article gives this participant ("محمد المنفي" over "المنفي")."""
    if m.entity is None or (m.kind is Kind.COUNTRY and m.entity is None):
        return m.name
    e = m.entity
    key = _key(m)
    names = [
        x.text
        for x in entities
        if x.type is e.type and _key(Mention(m.kind, 0, 0, x.text, x, x.country)) == key
    ]
    return max(names or [m.name], key=len)


def _actor(m: Mention, entities: list[Entity]) -> Actor:
    e = m.entity
    if m.kind is Kind.COUNTRY:
        return Actor(
            name=m.name if e is None else e.text,
            type="COUNTRY",
            canonical_id=e.canonical_id if e else None,
            country=m.country,
            sector=side_sector(m.name) if e is None else e.sector,
            wikidata_id=e.wikidata_id if e else None,
        )
    return Actor(
        name=_best_name(m, entities),
        type="PERSON" if m.kind is Kind.PERSON else "ORG",
        canonical_id=e.canonical_id if e else None,
        country=m.country,
        sector=e.sector if e else None,
        title=e.title if e else None,
        wikidata_id=e.wikidata_id if e else None,
    )


def _location(m: Mention) -> Location:
    e = m.entity
    return Location(
        name=m.name,
        country=(e.country if e and e.country else m.country),
        lat=e.lat if e else None,
        lon=e.lon if e else None,
        geonames_id=e.geonames_id if e else None,
    )


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One event per (type, participants) in an article: later mentions fill what the first lacks."""
    merged: dict[tuple[str, frozenset[str]], _Draft] = {}
    for d in drafts:
        key = (d.type, frozenset(_key(m) for m in (d.actor, d.recipient) if m is not None))
        first = merged.get(key)
        if first is None:
            merged[key] = d
            continue
        if first.in_title and not d.in_title:
            # Prefer body evidence; keep what the headline knew.
            d.date, d.place = d.date or first.date, d.place or first.place
            d.confidence = max(d.confidence, first.confidence)
            merged[key] = d
            continue
        first.date = first.date or d.date
        first.place = first.place or d.place
        first.mode = first.mode or d.mode
        first.contexts |= d.contexts
        first.confidence = max(first.confidence, d.confidence)
    return list(merged.values())


def _consistent(entities: list[Entity]) -> list[Entity]:
    """One sense per article: an ORG mention spelled like a place the article tags as LOC ("خلال
    زيارته لموسكو" next to "إلى موسكو") is that place, one spelled like a person's surname is that
    person."""
    places = {norm(e.text): e for e in entities if e.type is EntityType.LOC}
    # "مورغان أورتاغوس" … "كما التقت أورتاغوس": a one-word ORG spelled like the surname of exactly
    # one person of the article is that person.
    owners: dict[str, dict[str, Entity]] = {}
    for e in entities:
        parts = norm(e.text).split()
        if e.type is EntityType.PERSON and len(parts) > 1:
            owners.setdefault(parts[-1], {}).setdefault(norm(e.canonical_name or e.text), e)
    out = []
    for e in entities:
        surname = owners.get(norm(e.text), {}) if e.type is EntityType.ORG else {}
        if len(surname) == 1:
            person = next(iter(surname.values()))
            e = e.model_copy(
                update={
                    k: getattr(person, k)
                    for k in (
                        "type",
                        "canonical_id",
                        "canonical_name",
                        "country",
                        "sector",
                        "title",
                        "wikidata_id",
                    )
                }
            )
        loc = places.get(norm(e.text)) if e.type is EntityType.ORG else None
        if loc is not None:
            e = e.model_copy(
                update={
                    "type": EntityType.LOC,
                    "country": loc.country,
                    "geonames_id": loc.geonames_id,
                    "lat": loc.lat,
                    "lon": loc.lon,
                    "canonical_id": loc.canonical_id,
                }
            )
        out.append(e)
    return out


def _sides(d: _Draft) -> tuple[set[str], set[str]]:
    ms = [m for m in (d.actor, d.recipient) if m is not None]
    return {_key(m) for m in ms}, {m.country for m in ms if m.country}


def _drop_echoed_headlines(drafts: list[_Draft]) -> list[_Draft]:
    """A headline restates the lead in fewer words ("اللافي يبحث مع وفد روسي"): drop a headline
    event when the body has one of the same type sharing a participant or the pair of countries."""
    body = [d for d in drafts if not d.in_title]
    out = []
    for d in drafts:
        if d.in_title:
            keys, countries = _sides(d)
            if any(
                b.type == d.type
                and (keys & _sides(b)[0] or (len(countries) == 2 and countries == _sides(b)[1]))
                for b in body
            ):
                continue
        out.append(d)
    return out


# Headlines join two stories with ".." or a dash ("غروسي في طهران.. وعراقتشي يهدد"): each clause
# has its own subject. A colon is kept: "بري: لا تفاوض" is the speaker and his words.
_HEADLINE_BREAK = re.compile(r"\s*(?:\.{2,}|…|\s[-–—|]\s|،)\s*")


def _headline_clauses(title: str) -> list[tuple[int, int]]:
    """Character spans of a headline's clauses."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _HEADLINE_BREAK.finditer(title):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(title):
        spans.append((start, len(title)))
    return [(a, b) for a, b in spans if title[a:b].strip()]


def code_events(tagged: TaggedArticle) -> list[Event]:
    """Events coded from one tagged article, in order of first mention."""
    table = coding_table()
    published = tagged.published_at.date() if tagged.published_at else None
    entities = _consistent(tagged.entities)
    people = story_people(entities, tagged.body)
    body_units = [_unit(s, entities, people, False) for s in split_sentences(tagged.body)]
    title_words = [norm(w) for w in (tagged.title or "").split()]
    sport = is_sports_story([w for u in body_units for w in u.words] + title_words)
    if sport:
        # A match report's "هجوم" and "يلتقي" are no politics (events/sport.py).
        body_units = [u for u in body_units if not sports_terms(u.words)]
    story = _Story()
    drafts: list[_Draft] = []
    for i, unit in enumerate(body_units):
        follow = body_units[i + 1] if i + 1 < len(body_units) and _elaborates(body_units[i + 1]) else None
        drafts.extend(_code_unit(unit, follow, table, published, story))
    if tagged.title:
        title_entities = [
            e.model_copy(update={"field": TextField.BODY})
            for e in tagged.entities
            if e.field is TextField.TITLE
        ]
        # A headline tells the story its lead dates ("… اليوم الثلاثاء"): an undated headline event
        # takes the lead sentence's date.
        lead = (
            next((d for d in find_dates(body_units[0].words, published) if not d.future), None)
            if body_units
            else None
        )
        for start, end in _headline_clauses(tagged.title):
            headline = Sentence(tagged.title[start:end], start, end)
            unit = _unit(headline, title_entities, people, True)
            if sport and sports_terms(unit.words):
                continue
            for d in _code_unit(unit, None, table, published, _Story()):
                if d.date is None and d.type != "AGREE":  # an announced meeting is dated by its own day
                    d.date = lead
                drafts.append(d)
    events: list[Event] = []
    for d in _drop_echoed_headlines(_merge(drafts)):
        keys = [_key(m) for m in (d.actor, d.recipient) if m is not None]
        place_key = None
        if d.place is not None:
            e = d.place.entity
            place_key = f"gn:{e.geonames_id}" if e and e.geonames_id else f"loc:{norm(d.place.name)}"
        date = d.date.date if d.date else None
        events.append(
            Event(
                id=event_id(d.type, keys, date, place_key),
                type=d.type,
                mode=d.mode,
                context=sorted(d.contexts),
                cameo=d.cameo,
                quad_class=quad_class(d.cameo),
                goldstein=d.goldstein,
                actors=[_actor(m, entities) for m in (d.actor, *d.co_actors)],
                recipients=[
                    _actor(m, entities) for m in ([d.recipient, *d.co_recipients] if d.recipient else [])
                ],
                date=date,
                date_precision=d.date.precision if d.date else DatePrecision.UNKNOWN,
                location=_location(d.place) if d.place else None,
                evidence=Evidence(
                    text=d.sentence.text,
                    article_id=tagged.id,
                    start=d.sentence.start,
                    end=d.sentence.end,
                    field=TextField.TITLE if d.in_title else TextField.BODY,
                ),
                trigger=d.trigger,
                article_ids=[tagged.id],
                mention_count=1,
                confidence=d.confidence,
                pipeline_version=f"{PIPELINE_VERSION}+table-{table.version}",
            )
        )
    return events
