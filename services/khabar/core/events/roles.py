"""Actor and recipient of a trigger from the participants around it, by Arabic word order and cues.

- VSO: the subject follows the verb ("بحث X مع Y"); SVO and headlines put it first ("X يبحث مع Y",
  "روسيا وليبيا يبحثان"); a dropped subject is the sentence's earlier person or the story's last
  subject ("وجاء ذلك خلال لقائه بـY").
- A cue word opens the counterpart's zone: مع for consultations, إلى/لـ for invitations, من for
  "تلقى X دعوة من Y" (Y is the actor), على for attacks; a cue glued to a name ("للحويج") beats one
  glued to a title word ("المبعوث الخاص للرئيس").
- "استقبل X Y": X hosts Y; in PLOVER's visit mode the visitor Y is the actor and the host the
  recipient.
People are preferred over organizations and states in the same zone: "رئيس المجلس الرئاسي، محمد
المنفي" is al-Menfi acting, not the council.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.core.events.participants import ROLE_WORDS, Kind, Mention
from khabar.core.events.table import Family
from khabar.core.text.normalize import norm

__all__ = ["Roles", "assign_roles", "cue_strength", "is_cue"]

_PARTICIPANTS = (Kind.PERSON, Kind.ORG, Kind.COUNTRY, Kind.PLURAL)
_ROLE_HEADS = frozenset(
    norm(w)
    for w in (
        "رئيس",
        "وزير",
        "سفير",
        "نائب",
        "مسؤول",
        "عضو",
        "مبعوث",
        "وفد",
        "نظير",
        "نظيره",
        "قائد",
        "ممثل",
        "الرئيس",
        "الوزير",
        "السفير",
        "المبعوث",
        "الوفد",
        "الجانب",
        "مدير",
        "ملك",
        "أمير",
        "حاكم",
    )
)


@dataclass(frozen=True, slots=True)
class Roles:
    actor: Mention | None
    recipient: Mention | None
    subject: Mention | None  # the grammatical subject, the story's topic for later dropped subjects


def cue_strength(word: str, family: Family, starts_mention: bool) -> int:
    """2 when `word` opens the counterpart zone for sure (a cue word alone, or a one-letter cue
    glued to a name: "للحويج"), 1 when the cue is glued to a title word and may be a genitive
    ("المبعوث الخاص للرئيس"), 0 when it is no cue."""
    if word in family.cues:
        return 2
    head, rest = word[:1], word[1:]
    if head in family.cues and len(rest) >= 2:
        if starts_mention:
            return 2
        if rest.startswith("ل") and head == "ل":  # لل = ل + ال
            rest = "ال" + rest[1:]
        return 1 if rest in _ROLE_HEADS else 0
    return 0


def is_cue(word: str, family: Family, starts_mention: bool) -> bool:
    return cue_strength(word, family, starts_mention) > 0


def _last_person(ms: list[Mention]) -> Mention | None:
    """The subject nearest its verb: the last person of the zone (titles precede names, and a
    title word mis-tagged as a name comes first), else the last participant."""
    people = [m for m in ms if m.kind is Kind.PERSON]
    if people:
        return people[-1]
    return ms[-1] if ms else None


_RELATIVES = frozenset(
    norm(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان", "والذي", "والتي", "والذين")
)


def _relative_clauses(words: list[str], start: int, end: int) -> set[int]:
    """Token indices inside relative clauses ("، الذي يشغل منصب المبعوث الخاص للرئيس X،"): names
    there describe a participant, they do not take part."""
    hidden: set[int] = set()
    k = start + 1
    while k < end:
        if words[k] in _RELATIVES:
            j = k + 1
            while j < end and words[j] not in ("،", ",", "."):
                hidden.add(j)
                j += 1
            k = j
        k += 1
    return hidden


def _best(ms: list[Mention]) -> Mention | None:
    """The first person of a zone (a full name before a one-word one), else the first participant."""
    people = sorted((m for m in ms if m.kind is Kind.PERSON), key=lambda m: m.weak)
    if people:
        return people[0]
    return ms[0] if ms else None


def _pair(ms: list[Mention]) -> tuple[Mention | None, Mention | None]:
    """The first two participants in text order, people first when there are two of them."""
    seen: set[str] = set()
    distinct = [m for m in ms if not (m.name in seen or seen.add(m.name))]  # type: ignore[func-returns-value]
    people = [m for m in distinct if m.kind is Kind.PERSON]
    chosen = people[:2] if len(people) >= 2 else distinct[:2]
    return (chosen[0] if chosen else None, chosen[1] if len(chosen) > 1 else None)


# Words right after a verb that are no subject: prepositions, particles, time words, adverbs.
_NOT_SUBJECTS = frozenset(
    norm(w)
    for w in (
        *("في", "من", "إلى", "الى", "على", "عن", "مع", "لدى", "ضد", "بين", "حول", "نحو", "عبر"),
        *("أيضا", "ايضا", "بدوره", "بدورها", "مجددا", "اليوم", "أمس", "غدا", "مساء", "صباح"),
        *("فجر", "ظهر", "عصر", "ليلة", "ليل", "يوم", "منتصف", "خلال", "قبل", "بعد", "أثناء", "عقب"),
        *("الذي", "التي", "ما", "لا", "لم", "لن", "قد", "كل", "جميع", "بعض", "عدد", "عددا", "نحو"),
        *("مليون", "قانون", "كانون", "زيتون", "تلفزيون"),
    )
)
_ADJECTIVE_ENDINGS = tuple(norm(w) for w in ("ي", "ية", "يين", "يون", "يات", "يا"))


def untagged_subject(words: list[str], slot: int, end: int, inside: set[int]) -> bool:
    """The untagged word right after a verb is its subject, not a dropped subject's object:
    a nominative sound plural of a participle ("هاجم مستعمرون منازل المواطنين": the object would
    read مستعمرين), or an indefinite noun followed by another noun, the object ("استهدفت مسيرة
    سيارة في بلدة …"), not by its adjective, a preposition or a number. An accusative with tanwin
    (ـا: "وفدا"), a definite noun ("الهجمات" may be the object of a dropped subject) and a plural
    in ـات (the same in both cases) prove nothing."""
    w = words[slot]
    # a title opens the name of a subject the tagger found ("بحث رئيس أركان …، الفريق X")
    if w in _NOT_SUBJECTS or w in ROLE_WORDS or w in _ROLE_HEADS or w.isdigit() or len(w) < 3:
        return False
    if w.startswith("م") and w.endswith("ون") and len(w) >= 6:
        return True
    if w.startswith(("ال", "وال")) or w.endswith(("ا", "ات", "ين")):
        return False
    nxt = slot + 1
    if nxt >= end or nxt in inside:
        return False
    n = words[nxt]
    return (
        n[:1].isalnum()
        and not n.isdigit()
        and n not in _NOT_SUBJECTS
        and n[:1] not in "بلك"
        and not n.startswith("ال")
        and not (len(n) > 4 and n.endswith(_ADJECTIVE_ENDINGS))
    )


_BETWEEN = norm("بين")
_QAD = norm("قد")
_CONTRASTIVE = frozenset(norm(w) for w in ("بينما", "فيما", "وبينما", "وفيما"))


def assign_roles(
    family: Family,
    words: list[str],
    trigger_index: int,
    region_end: int,
    clause_start: int,
    mentions: list[Mention],
    topic: Mention | None,
    imperfect: bool = False,
) -> Roles:
    """Roles for a trigger at `trigger_index` whose clause runs [clause_start, region_end);
    `imperfect` when the trigger is a present-tense verb (its subject may precede it)."""
    hidden = _relative_clauses(words, trigger_index, region_end)
    parts = [m for m in mentions if m.kind in _PARTICIPANTS and not m.absorbed and m.index not in hidden]
    post = [m for m in parts if trigger_index < m.index < region_end]
    pre = [m for m in parts if clause_start <= m.index < trigger_index]
    earlier = [m for m in parts if m.index < trigger_index and m.kind is Kind.PERSON]
    starts = {m.index for m in parts}
    strengths = [
        (k, cue_strength(words[k], family, k in starts))
        for k in range(trigger_index + 1, region_end)
        if k not in hidden
    ]
    strong = [k for k, s in strengths if s == 2]
    weak = [k for k, s in strengths if s == 1]
    cue_at = strong[0] if strong else (weak[0] if weak else None)
    subject_pre = _last_person(pre)
    # "وكانت الخرطوم قد استدعت …": the name right before قد is the verb's subject, whatever follows.
    fixed = (
        subject_pre
        if subject_pre is not None
        and trigger_index >= 2
        and words[trigger_index - 1] == _QAD
        and subject_pre.end_index == trigger_index - 2
        else None
    )

    # "وطالب سلام، في بيان …، مجلس الأمن الدولي …": a word the tagger missed stands in the
    # subject's slot, right after the verb and before a comma. It is the story's topic when it
    # is that person's surname; otherwise the subject is unknown, and the names after the aside
    # are objects, not subjects.
    slot = trigger_index + 1
    # (a name the tagger glued to the verb, "وطالب سلام" read as "طالب سلام", leaves the slot bare)
    inside = {k for m in mentions if m.index != trigger_index for k in range(m.index, m.end_index + 1)}
    untagged = (
        family.roles == "subject_counterpart"
        and fixed is None
        and slot + 1 < region_end
        and slot not in inside
        and words[slot][:1].isalnum()
        and (words[slot + 1] in ("،", ",") or untagged_subject(words, slot, region_end, inside))
        and not [m for m in pre if m.kind is not Kind.PLURAL]
    )
    if untagged:
        surname = norm(topic.name).split()[-1:] if topic is not None else []
        fixed = topic if surname == [words[slot]] else None
        if fixed is None:
            return Roles(None, None, None)
        post = [m for m in post if m.name != fixed.name]

    if family.roles == "between":
        # "اندلعت اشتباكات بين قوة تابعة لـX وعناصر من Y": the two sides after بين, or none.
        at = next((k for k in range(trigger_index + 1, region_end) if words[k] == _BETWEEN), None)
        if at is not None:
            sides: list[Mention] = []
            for m in post:
                if m.index > at and m.kind is not Kind.PLURAL and all(m.name != s.name for s in sides):
                    sides.append(m)
            if len(sides) >= 2:
                return Roles(sides[0], sides[1], sides[0])
            return Roles(None, None, None)

    if family.roles == "host":
        first, second = _pair(post)
        if second is None and first is not None:
            host = subject_pre or topic
            return Roles(first, host, host)
        return Roles(second, first, first)

    if cue_at is not None:
        nxt = next((k for k in strong if k > cue_at), region_end)
        subj_zone = [m for m in post if m.index < cue_at]
        # The name right after a standalone cue is its object ("طلب من الاتحاد الأوروبي تفويض سولانا").
        # A cue glued to the name itself ("بحيدر", "للحويج") puts that name in the zone too.
        adjacent = next(
            (
                m
                for m in post
                if (m.index == cue_at + 1 and words[cue_at] in family.cues)
                or (m.index == cue_at and words[cue_at] not in family.cues)
            ),
            None,
        )
        counter = (
            adjacent
            or _best([m for m in post if cue_at < m.index < nxt])
            or _best([m for m in post if m.index > cue_at])
        )
        # "اتفق الجانبان على ..." : both sides right after the verb are its subject.
        plural = next((m for m in subj_zone if m.kind is Kind.PLURAL and m.index <= trigger_index + 2), None)
        subject = fixed or plural or _best(subj_zone) or subject_pre or topic
        if subject is not None and counter is not None and subject.name == counter.name:
            subject = topic if topic is not None and topic.name != counter.name else None
        if family.roles == "source_from":
            return Roles(counter, subject, subject)
        return Roles(subject, counter, subject)

    if fixed is not None:
        counter = next((m for m in post if m.name != fixed.name), None)
        return Roles(fixed, counter, fixed)
    if len(pre) >= 2:
        first, second = _pair(pre)
        return Roles(first, second, first)
    if len(pre) == 1 and len(post) >= 2 and imperfect:
        # SVO: a present-tense verb follows its subject ("تبنى مجلس الأمن قرارا يطالب قوات الدعم
        # السريع … وامتناع روسيا"): the first name after it is its object.
        return Roles(pre[0], post[0], pre[0])
    if len(post) >= 2:
        first, second = _pair(post)
        return Roles(first, second, first)
    if len(post) == 1:
        if subject_pre is not None:
            return Roles(subject_pre, post[0], subject_pre)
        antecedent = next((m for m in reversed(earlier) if m.name != post[0].name), None)
        # "بينما أشاد مدرب الأهلي X": a contrastive clause brings its own subject; only a shared
        # subject ("وأكد الوزير …، واتهم إسرائيل") is dropped.
        contrast = clause_start > 0 and words[clause_start - 1] in _CONTRASTIVE
        if antecedent is not None and family.roles != "source_from" and not contrast:
            return Roles(antecedent, post[0], antecedent)
        return Roles(post[0], None, post[0])
    if subject_pre is not None:
        return Roles(subject_pre, None, subject_pre)
    return Roles(topic, None, topic)
