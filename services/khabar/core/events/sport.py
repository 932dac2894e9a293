"""Sports stories: their match reports read like politics ("شن المنتخب المغربي هجوماً", "يلتقي
المغرب مع الفائز من مواجهة السنغال ومصر") but are no political events.

A story is about sport when its text holds several distinct sports terms; in such a story, a
sentence with a sports term codes nothing. A political story that mentions one match keeps all its
events, and so does a sentence of a sports story without a sports term (a minister's statement).
"""

from __future__ import annotations

from collections.abc import Iterable

from khabar.core.text.normalize import norm

__all__ = ["is_sports_story", "sports_terms"]

# Words that are sport in news and hardly anything else (not هدف "goal/aim", not منتخب "elected",
# not بطولة "championship/heroism" on its own).
_TERMS = frozenset(
    norm(w)
    for w in [
        *["مباراة", "المباراة", "مباراته", "مباراتها", "مباريات", "المباريات", "الدوري", "الشوط"],
        *["ملعب", "الملعب", "لاعب", "اللاعب", "لاعبي", "لاعبو", "اللاعبين", "لاعبين", "المدرب"],
        *["مدرب", "حارس", "الحارس", "ركلة", "ركلات", "الترجيح", "التأهل", "ربع", "تعادل", "التعادل"],
        *["هدفا", "هدفين", "أهداف", "الأهداف", "بهدف", "بهدفين", "المنتخب", "منتخب", "كأس", "الكأس"],
        *["مونديال", "المونديال", "الجماهير", "النهائي", "البطولة", "بطولة", "الفيفا", "فيفا", "الكاف"],
    ]
)
# "بهدف" is also "aiming to", "المنتخب"/"منتخب" also "elected", "النهائي" also "final (decision)",
# "ربع" also "a quarter": they count toward a story's sports terms only with at least this many
# distinct terms in all.
_MIN_DISTINCT = 5


def sports_terms(words: Iterable[str]) -> set[str]:
    """The sports terms among normalized words."""
    return {w for w in words if w in _TERMS}


def is_sports_story(words: Iterable[str]) -> bool:
    """The story's normalized words hold enough distinct sports terms to be a sports story."""
    return len(sports_terms(words)) >= _MIN_DISTINCT
