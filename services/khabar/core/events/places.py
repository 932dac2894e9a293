"""Where an event happened: a place named with a locative in its sentence ("في طرابلس",
"بالعاصمة طرابلس", "في مدينة بنغازي", "إلى موسكو" / "لموسكو" after a visit word), preferring
cities introduced as such, then other places, then countries. "لدى ليبيا" (an ambassador's
posting) is not a location."""

from __future__ import annotations

from khabar.core.events.countries import country_of_adjective, country_of_place
from khabar.core.events.participants import Kind, Mention
from khabar.core.text.normalize import norm

__all__ = ["choose_place"]


def _set(*words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


_CITY_CUES = _set("العاصمة", "بالعاصمة", "مدينة", "بمدينة", "لمدينة", "وبالعاصمة")
_LOCATIVE = _set(
    "في",
    "داخل",
    "عمق",
    "بعمق",
    "وفي",
    "أنحاء",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "قرب",
    # the countryside or outskirts of a city ("في ريف دمشق", "بضواحي بغداد")
    *("ريف", "بريف", "ضواحي", "بضواحي", "أطراف", "بأطراف"),
    # a region word before a name ("في إقليم دارفور", "بولاية الخرطوم")
    "إقليم",
    "بإقليم",
    "منطقة",
    "بمنطقة",
    "محافظة",
    "بمحافظة",
    "ولاية",
    "بولاية",
)
_DIRECTION = _set("إلى", "الى")
_PREPOSITIONS = _set("من", "عن", "على", "مع", "لدى", "إلى", "الى", "في", "ضد", "بين", "حول")
_VISIT_WORDS = _set(
    "زيارة", "زيارته", "زيارتها", "زيارتهم", "زيارتهما", "وصل", "وصلت", "وصوله", "توجه", "يزور", "زار", "زارت"
)


def _previous(words: list[str], k: int) -> tuple[int, str]:
    j = k - 1
    while j >= 0 and not words[j][:1].isalnum():
        j -= 1
    return j, (words[j] if j >= 0 else "")


# What an attack is "on" ("شنت إسرائيل غارات على صنعاء") is where it happened and whom it hit.
_TARGET_CUES = _set("على", "ضد")


def _rank(m: Mention, words: list[str], visit: bool, target: bool = False) -> int | None:
    """Lower is better; None when the mention is not the place of the event."""
    if m.kind not in (Kind.PLACE, Kind.COUNTRY) or m.absorbed:
        return None
    j, prev = _previous(words, m.index)
    glued = m.direct_cue
    # "بالعاصمة طرابلس", "في العاصمة السورية دمشق" (a nationality may stand between)
    if prev in _CITY_CUES or (country_of_adjective(prev) and _previous(words, j)[1] in _CITY_CUES):
        return 0
    base = 2 if country_of_place(m.name, m.entity) is not None else 1
    if prev in _LOCATIVE or glued == "ب" or (target and prev in _TARGET_CUES):
        return base
    near_visit = visit or any(w in _VISIT_WORDS for w in words[max(0, j - 3) : j + 1])
    if (prev in _DIRECTION or glued == "ل") and near_visit:
        return base
    # (A short word before the place is its "cue" too, "يزور عباس القاهرة": only a glued one counts.)
    if visit and (not glued or glued == prev) and prev not in _PREPOSITIONS:
        return base + 1  # the visited place as direct object: "زار القاهرة"
    return None


def choose_place(
    mentions: list[Mention],
    words: list[str],
    trigger_index: int,
    visit: bool,
    limit: int | None = None,
    *,
    target: bool = False,
) -> Mention | None:
    """The best place mention in a sentence; `limit` excludes mentions from that token on (the
    part of a sentence about a future meeting, "المقرر عقدها في ..."). With `target` (families whose
    place names whom they hit) a place after على/ضد counts too."""
    best: tuple[int, int, Mention] | None = None
    for m in mentions:
        if limit is not None and m.index >= limit:
            continue
        rank = _rank(m, words, visit, target)
        if rank is None:
            continue
        key = (rank, abs(m.index - trigger_index))
        if best is None or key < best[:2]:
            best = (key[0], key[1], m)
    return best[2] if best else None
