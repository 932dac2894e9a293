"""The coding table: trigger families with their PLOVER type/mode, CAMEO code, QuadClass and
Goldstein value, loaded from services/khabar/data/events/coding_table.json (data, not code, so the
ontology mapping is reviewed and extended without touching the coder)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from khabar.core.events.morphology import Aspect, loose, noun_forms, participle_forms, verb_forms
from khabar.core.text.normalize import norm

__all__ = ["CodingTable", "Family", "FormEntry", "ModeRule", "Phrase", "Verb", "coding_table", "quad_class"]


@dataclass(frozen=True, slots=True)
class ModeRule:
    """A word in the sentence that narrows the mode (هاتفيا -> phone) and with it the CAMEO code."""

    mode: str
    cameo: str
    goldstein: float
    words: frozenset[str]


# One needed object: for each of its words, the loose forms accepted there (the word with article,
# possessives, dual, tanwin: "قلقها" for قلق). A single word is a one-element phrase.
Phrase = tuple[frozenset[str], ...]


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str
    needs: tuple[Phrase, ...]  # empty = no object required
    window: int
    stops: frozenset[str] = frozenset()  # words that end the search for the object ("علق على")

    @property
    def heads(self) -> frozenset[str]:
        """Loose forms of the first word of any needed object."""
        return frozenset(f for phrase in self.needs for f in phrase[0])


@dataclass(frozen=True, slots=True)
class Family:
    id: str
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    roles: str  # subject_counterpart | host | source_from | between (the two sides after بين)
    cues: frozenset[str]
    modes: tuple[ModeRule, ...]
    single_actor: bool  # an event without a recipient; a recipient is then taken only after a cue
    target_from_place: bool
    until: frozenset[str] = frozenset()  # words after the verb that end its participants ("حذر X من ...")
    object_after: bool = False  # the recipient must follow the trigger (its object), not precede it
    possessed: bool = False  # its nouns count only with a possessive, their owner ("اتهاماته لـX")

    @property
    def quad_class(self) -> int:
        return quad_class(self.cameo)


@dataclass(frozen=True, slots=True)
class FormEntry:
    """One surface form of a trigger: which family, which lexical entry, verb or noun."""

    family: Family
    verb: Verb | None  # None for a verbal noun
    aspect: Aspect | None
    continuation: tuple[str, ...] = ()  # further words of a multi-word noun ("اتصال هاتفي")


@dataclass(frozen=True, slots=True)
class CodingTable:
    version: str
    families: tuple[Family, ...]
    forms: dict[str, tuple[FormEntry, ...]]
    contexts: dict[str, frozenset[str]]


def quad_class(cameo: str) -> int:
    """CAMEO root -> QuadClass: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20)."""
    root = int(cameo[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def _family(spec: dict[str, Any]) -> Family:
    return Family(
        id=spec["id"],
        type=spec["type"],
        mode=spec.get("mode"),
        cameo=spec["cameo"],
        goldstein=float(spec["goldstein"]),
        roles=spec["roles"],
        cues=frozenset(norm(c) for c in spec.get("cues", [])),
        modes=tuple(
            ModeRule(
                m["mode"],
                m["cameo"],
                float(m["goldstein"]),
                frozenset(loose(f) for w in m["words"] for f in noun_forms(norm(w))),
            )
            for m in spec.get("modes", [])
        ),
        single_actor=bool(spec.get("single_actor", False)),
        target_from_place=bool(spec.get("target_from_place", False)),
        until=frozenset(norm(w) for w in spec.get("until", [])),
        object_after=bool(spec.get("object_after", False)),
        possessed=bool(spec.get("possessed", False)),
    )


def _phrase(text: str) -> Phrase:
    """A needed object ("عن قلق", "وقف إطلاق النار"): every word in all its nominal forms."""
    return tuple(frozenset(loose(f) for f in noun_forms(w)) for w in norm(text).split())


def _verb(vspec: dict[str, Any]) -> Verb:
    return Verb(
        vspec.get("perfect") or vspec["forms"][0],
        tuple(_phrase(w) for w in vspec.get("needs", [])),
        int(vspec.get("window", 0)),
        frozenset(norm(w) for w in vspec.get("stops", [])),
    )


# Families whose verbs continue a sentence as a circumstantial participle (accusing, demanding,
# threatening, praising, condemning); meetings and acts are not reported so.
_STATEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "REJECT"})


def parse_table(raw: dict[str, Any]) -> CodingTable:
    forms: dict[str, list[FormEntry]] = {}
    families: list[Family] = []
    for spec in raw["families"]:
        fam = _family(spec)
        families.append(fam)
        for vspec in spec.get("verbs", []):
            verb = _verb(vspec)
            if "forms" in vspec:
                surface = {
                    norm(f): (Aspect.IMPERFECT if norm(f)[:1] in "يتن" and len(f) > 3 else Aspect.PERFECT)
                    for f in vspec["forms"]
                }
            else:
                perfect, imperfect = norm(vspec["perfect"]), norm(vspec["imperfect"])
                surface = verb_forms(perfect, imperfect)
                if fam.type in _STATEMENT_TYPES and not vspec.get("needs"):
                    # "، متهمة الجزائر بـ …": statements go on in a participle clause.
                    for form in participle_forms(perfect, imperfect):
                        surface.setdefault(form, Aspect.PARTICIPLE)
            # Participles the rule cannot derive (form I and undoubled form II: داعيا، محذرا).
            for form in vspec.get("participles", []):
                surface.setdefault(norm(form), Aspect.PARTICIPLE)
            # The verbal noun, an event only after a verb of deciding ("قررت X استدعاء سفيرها").
            for form in vspec.get("masdar", []):
                surface.setdefault(norm(form), Aspect.DECIDED)
            for form, aspect in surface.items():
                forms.setdefault(form, []).append(FormEntry(fam, verb, aspect))
        for noun in spec.get("nouns", []):
            head, *rest = norm(noun).split()
            for form in noun_forms(head):
                forms.setdefault(form, []).append(FormEntry(fam, None, None, tuple(loose(w) for w in rest)))
    contexts = {name: frozenset(norm(w) for w in words) for name, words in raw.get("contexts", {}).items()}
    return CodingTable(
        version=raw["version"],
        families=tuple(families),
        forms={k: tuple(v) for k, v in forms.items()},
        contexts=contexts,
    )


@cache
def coding_table() -> CodingTable:
    text = files("khabar.data").joinpath("events/coding_table.json").read_text(encoding="utf-8")
    return parse_table(json.loads(text))
