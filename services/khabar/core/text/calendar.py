"""Arabic calendar vocabulary shared by the cleaner (publish dates), the tagger (DATE mentions) and
the emitter (date resolution). Keys are in normalized form (khabar.core.text.normalize.norm).

Month names come in three families used across Arabic news: the Egyptian/Gulf transliterations
(يناير ...), the Levantine/Iraqi Syriac names (كانون الثاني ...), and the Maghrebi French-derived
names (جانفي، جوان، جويلية، أوت ...)."""

from __future__ import annotations

from khabar.core.text.normalize import norm

_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي", "اينار"),
    2: ("فبراير", "شباط", "فيفري", "فبرير"),
    3: ("مارس", "آذار", "اذار"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"),
    5: ("مايو", "أيار", "ايار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان", "يونيوز"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    8: ("أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت", "غشت"),
    9: ("سبتمبر", "أيلول", "ايلول", "شتنبر"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "أكتوير"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "كانون الاول", "دجنبر"),
}

# Monday = 0, as datetime.weekday().
_WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("الاثنين", "الإثنين", "اثنين", "إثنين"),
    1: ("الثلاثاء", "ثلاثاء"),
    2: ("الأربعاء", "الاربعاء", "أربعاء", "اربعاء"),
    3: ("الخميس", "خميس"),
    4: ("الجمعة", "جمعة"),
    5: ("السبت", "سبت"),
    6: ("الأحد", "الاحد", "أحد"),
}

# Words a weekday written without its article needs before it to be the day: "يوم أحد" is
# Sunday, "أحد المسؤولين" is "one of the officials", "مدنيين اثنين" "two civilians".
DAY_WORDS = frozenset(
    norm(w) for w in ("يوم", "ويوم", "يومي", "مساء", "صباح", "ليلة", "ليل", "فجر", "ظهر", "عصر", "نهار")
)


def bare_weekday(word: str) -> bool:
    """`word` (normalized) is a weekday written without its article ("اثنين", "أحد", "خميس")."""
    return word in WEEKDAYS and not word.startswith("ال")


MONTHS: dict[str, int] = {norm(name): number for number, names in _MONTHS.items() for name in names}
WEEKDAYS: dict[str, int] = {norm(name): number for number, names in _WEEKDAYS.items() for name in names}

# Relative day words -> offset in days from the reference (publish) date.
RELATIVE_DAYS: dict[str, int] = {
    norm(w): d
    for w, d in (
        ("اليوم", 0),
        ("الليلة", 0),
        ("أمس", -1),
        ("امس", -1),
        ("البارحة", -1),
        ("أول أمس", -2),
        ("أول من أمس", -2),
        ("غدا", 1),
        ("غداً", 1),
        # "غد" alone is also "the future" ("غد أفضل"): only with a day word before it.
        ("يوم غد", 1),
        ("صباح غد", 1),
        ("مساء غد", 1),
        ("بعد غد", 2),
    )
}
# Words after a weekday or month that point to the past or the future ("الخميس الماضي").
PAST_MARKERS = frozenset(norm(w) for w in ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "السابق"))
FUTURE_MARKERS = frozenset(norm(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة", "الجاري", "المقبلين"))
CURRENT_MARKERS = frozenset(norm(w) for w in ("الجاري", "الحالي", "الحالية", "هذا", "هذه"))
