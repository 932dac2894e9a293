"""Word lists the name and organization rules consult, loaded once from
services/khabar/data/gazetteers/ (built by scripts/build_gazetteers.py)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from khabar.core.text.calendar import MONTHS, RELATIVE_DAYS, WEEKDAYS
from khabar.core.text.normalize import norm


def _lines(name: str) -> frozenset[str]:
    path = resources.files("khabar.data").joinpath(f"gazetteers/{name}")
    if not path.is_file():
        return frozenset()
    return frozenset(w for w in (line.strip() for line in path.read_text("utf-8").splitlines()) if w)


@cache
def first_names() -> frozenset[str]:
    """Normalized Arabic first names (curated + ANERGazet persons)."""
    return _lines("first_names.txt") - function_words()


@cache
def common_words() -> frozenset[str]:
    """Normalized words that are almost never part of a name (from ANERcorp train)."""
    return _lines("common_words.txt")


@cache
def mostly_common_words() -> frozenset[str]:
    """Normalized words tagged O in at least half their ANERcorp train occurrences: a one-word
    gazetteer name among them (المدينة "the city", الجزيرة) is too ambiguous to match alone."""
    return _lines("mostly_common.txt")


# Prepositions built on a noun that is also a name: "لصالح الولايات المتحدة" is "in favour of",
# never "to Saleh", whoever the article names صالح.
COMPOUND_PREPOSITIONS: frozenset[str] = frozenset(
    norm(w) for w in ("لصالح", "لصالحه", "لصالحها", "لصالحهم", "بفضل", "لحساب", "بحسب", "لمصلحة")
)


# Institution head nouns: they start organization names (orgs) and continue title phrases
# ("المبعوث الخاص لوزارة الخارجية الروسية").
ORG_HEADS: frozenset[str] = frozenset(
    norm(w)
    for w in [
        "وزارة",
        "هيئة",
        "غرفة",
        "اتحاد",
        "رابطة",
        "مجلس",
        "حكومة",
        "شركة",
        "قناة",
        "شبكة",
        "دائرة",
        "جامعة",
        "منظمة",
        "بعثة",
        "مصرف",
        "بنك",
        "وكالة",
        "صحيفة",
        "جريدة",
        "مجلة",
        "مؤسسة",
        "مركز",
        "حزب",
        "حركة",
        "جبهة",
        "جماعة",
        "تنظيم",
        "كتيبة",
        "كتائب",
        "قوات",
        "قوة",
        "جهاز",
        "جيش",
        "محكمة",
        "برلمان",
        "سفارة",
        "قنصلية",
        "مفوضية",
        "لجنة",
        "صندوق",
        "معهد",
        "إذاعة",
        "تلفزيون",
        "مكتب",
        "رئاسة",
        "مؤتمر",
        "منتدى",
        "نقابة",
        "جمعية",
        "أكاديمية",
        "مصلحة",
        "إدارة",
        "قيادة",
        "ائتلاف",
        "تحالف",
        "كتلة",
        "حرس",
        "مديرية",
        "بلدية",
    ]
)

# Closed-class words: they end any name or organization chain.
_FUNCTION = (
    "في من إلى على عن مع منذ حتى خلال بين عند لدى ضد نحو حول عبر دون بعد قبل أمام وراء فوق تحت "
    "و أو ثم أن إن كان كانت قد لقد لم لن ما ماذا لا هل التي الذي الذين اللذين اللتين هو هي هم هما "
    "هذا هذه ذلك تلك هؤلاء كل بعض غير أي أيضا كما لكن بل إذ إذا لو عبر ضمن وفق وفقا حيث كيف "
    "قال وقال قالت أكد وأكد أكدت أعلن وأعلن أعلنت أشار وأشار أضاف وأضاف أوضح وأوضح بحث وبحث التقى "
    "استقبل يوم اليوم أمس عام العام شهر الشهر سنة خلال أول الأول بأن لأن كأن وأن فإن وإن بأنه لأنه "
    "وأنه فإنه إنه أنه أنها بأنها"
)


@cache
def function_words() -> frozenset[str]:
    """Closed-class words, normalized. على is left out: it folds to علي, a first name; callers
    tell them apart by the written alef maqsura (see is_ala)."""
    return frozenset(norm(w) for w in _FUNCTION.split()) - {"علي"}


def is_ala(text: str, key: str) -> bool:
    """The preposition على, which normalizes like the name علي."""
    return key == "علي" and text.endswith("ى")


@cache
def calendar_words() -> frozenset[str]:
    return frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(k for k in RELATIVE_DAYS if " " not in k)
