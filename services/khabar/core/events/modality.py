"""Negation, modality and attribution around a trigger.

Decisions (documented in the README, "Event coder"):
- negated ("لم يتم التوصل إلى اتفاق", "لن يلتقي", "نفى ... أن يكون التقى") -> no event;
- expected or hypothetical ("من المتوقع أن تناقش", "قد يلتقي", "إذا وقع") -> no event: nobody did
  anything yet, and nobody committed to it;
- scheduled or announced by the participants ("سيلتقي", "من المقرر أن يزور", "يعتزم زيارة") -> the
  PLOVER reading of an announced meeting: AGREE (CAMEO 036, intent to meet), lower confidence;
- a trigger that is the topic of a statement rather than a happening ("أكد أهمية تعزيز التعاون",
  "بهدف بحث", "لبحث") -> no event;
- reported speech and anonymous sourcing ("بحسب مصادر", "وفقا لبيان") -> event kept, confidence
  lowered.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from khabar.core.events.morphology import Aspect
from khabar.core.events.triggers import Trigger
from khabar.core.text.normalize import norm

__all__ = ["Modality", "Status", "assess"]


class Status(StrEnum):
    ASSERTED = "asserted"
    NEGATED = "negated"
    EXPECTED = "expected"
    SCHEDULED = "scheduled"
    TOPIC = "topic"


@dataclass(frozen=True, slots=True)
class Modality:
    status: Status
    confidence: float  # multiplier for the event's confidence


def _set(*words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


_NEGATORS = _set(
    "لم", "لن", "لا", "ليس", "ليست", "عدم", "دون", "بدون", "لما", "ولم", "ولن", "ولا", "فلم", "غير"
)
_DENIAL = _set("نفى", "نفت", "ينفي", "تنفي", "نفي", "ونفى", "ونفت")
_EXPECTED = _set(
    "المتوقع",
    "يتوقع",
    "تتوقع",
    "يرجح",
    "المرجح",
    "المحتمل",
    "يحتمل",
    "ربما",
    "إذا",
    "اذا",
    "لو",
    "حال",
    "ويتوقع",
)
_SCHEDULED = _set(
    "المقرر", "المرتقب", "يعتزم", "تعتزم", "سوف", "ينوي", "تنوي", "المزمع", "يزمع", "سيتم", "المنتظر"
)
# Nouns and particles after which a trigger is what a statement is about, not something that happened.
_TOPIC = _set(
    "أهمية",
    "ضرورة",
    "بهدف",
    "هدف",
    "يهدف",
    "تهدف",
    "سعي",
    "سعيا",
    "أجل",
    "حرص",
    "الحرص",
    "استعداد",
    "إمكانية",
    "امكانية",
    "فرص",
    "سبل",
    "آليات",
    "يأمل",
    "تأمل",
    "أمل",
    "دعوة",
    "إلى",
    "الى",
)
_QUALIFIERS = _set("قد")
_REPORTED = _set(
    "بحسب",
    "حسب",
    "وفقا",
    "وفق",
    "نقلا",
    "ذكرت",
    "ذكر",
    "أفادت",
    "أفاد",
    "نسبت",
    "زعم",
    "زعمت",
    "مصادر",
    "مصدر",
    "تقارير",
    "وكالة",
)
_ANONYMOUS = _set("مصادر", "مصدر", "مطلعة", "مطلع", "تقارير")
_WINDOW = 4


def _bare(word: str) -> str:
    """Without a conjunction و/ف, which does not change a particle's meaning ("وضرورة")."""
    return word[1:] if word[:1] in "وف" and len(word) > 3 else word


_COMPLEMENTIZERS = _set("أن", "ان", "لكي", "كي", "حتى", "لأن")
# Verbs of saying, after which أن/إن + imperfect reports a present fact ("أكد أن البلدين يبحثان").
_SPEECH = _set(
    "قال",
    "قالت",
    "أكد",
    "أكدت",
    "أوضح",
    "أوضحت",
    "أعلن",
    "أعلنت",
    "ذكر",
    "ذكرت",
    "أشار",
    "أشارت",
    "أفاد",
    "أفادت",
    "أضاف",
    "أضافت",
    "صرح",
    "صرحت",
    "كشف",
    "كشفت",
    "إلى",
    "الى",
    "يذكر",
    "ويذكر",
)


def _subjunctive(words: list[str], i: int) -> bool:
    """An imperfect right after أن/كي that no verb of saying governs is wished, feared or planned
    ("يخشى أن تستهدفه", "تريد أن يجتمع"), not reported as happening."""
    for k in range(max(0, i - 2), i):
        if _bare(words[k]) in _COMPLEMENTIZERS or words[k] in _set("بأن", "وأن"):
            governor = next(
                (words[j] for j in range(k - 1, max(-1, k - 4), -1) if words[j][:1].isalnum()), ""
            )
            return _bare(governor) not in _SPEECH and governor not in _SPEECH
    return False


def assess(words: list[str], trigger: Trigger) -> Modality:
    """Modality of `trigger` from the normalized `words` of its sentence."""
    i = trigger.index
    # A participle opens its own clause after a comma ("لن تتراجع، محذرا إسرائيل"): what precedes
    # the comma does not qualify it.
    floor = 0
    if trigger.entry.aspect is Aspect.PARTICIPLE:
        floor = max((k + 1 for k in range(i) if words[k] in ("،", ",")), default=0)
    before = words[max(floor, i - _WINDOW) : i]
    wider = words[max(floor, i - 8) : i]
    if any(w in _NEGATORS for w in before) or any(w in _DENIAL for w in wider):
        return Modality(Status.NEGATED, 0.0)
    if any(w in _EXPECTED for w in wider):
        return Modality(Status.EXPECTED, 0.0)
    if trigger.purpose_prefix or (
        trigger.is_noun and any(_bare(w) in _TOPIC for w in words[max(0, i - 2) : i])
    ):
        return Modality(Status.TOPIC, 0.0)
    if any(_bare(w) in _TOPIC and w not in _set("دعوة", "إلى", "الى") for w in words[max(0, i - 2) : i]):
        return Modality(Status.TOPIC, 0.0)
    if trigger.future_prefix or any(w in _SCHEDULED for w in wider):
        return Modality(Status.SCHEDULED, 0.6)
    if any(w in _QUALIFIERS for w in before) and trigger.entry.aspect is Aspect.IMPERFECT:
        return Modality(Status.EXPECTED, 0.0)
    if trigger.entry.aspect is Aspect.IMPERFECT and _subjunctive(words, i):
        return Modality(Status.EXPECTED, 0.0)
    confidence = 1.0
    if any(w in _ANONYMOUS for w in words):
        confidence = 0.7
    elif any(w in _REPORTED for w in words):
        confidence = 0.85
    return Modality(Status.ASSERTED, confidence)
