"""Arabic inflection for trigger matching: the coding table lists a verb once (perfect 3rd masc.
singular + imperfect stem) and a verbal noun once; these functions generate the surface forms news
text uses (بحث، بحثت، بحثا، بحثوا، يبحث، تبحث، يبحثان، يبحثون ...). All strings are in normalized
form (khabar.core.text.normalize.norm): hamza alefs folded, ة -> ه, ى -> ي."""

from __future__ import annotations

from enum import StrEnum

from wordfreq import zipf_frequency

__all__ = ["Aspect", "loose", "noun_forms", "participle_forms", "verb_forms"]


class Aspect(StrEnum):
    PERFECT = "perfect"
    IMPERFECT = "imperfect"
    PARTICIPLE = "participle"  # the circumstantial active participle: "، متهمة الجزائر بـ …"
    DECIDED = "decided"  # the verbal noun after a verb of deciding: "قررت الجزائر استدعاء سفيرها"


_PERFECT_SUFFIXES = ("", "ت", "ا", "تا", "وا", "نا", "ه", "ها", "هم", "هما", "ته", "تها", "وه")
_IMPERFECT_PREFIXES = ("ي", "ت", "ن")
_IMPERFECT_SUFFIXES = ("", "ان", "ا", "ون", "وا", "ن", "ه", "ها", "هم", "انه", "ونه")
_POSSESSIVES = ("ه", "ها", "هم", "هما", "ي", "نا")


def verb_forms(perfect: str, imperfect: str | None) -> dict[str, Aspect]:
    """Surface forms of a verb (without proclitics) -> their aspect."""
    out: dict[str, Aspect] = {}
    if perfect.endswith("ي"):
        # Defective verbs (التقى، تلقى، أجرى): the final alef maqsura becomes ت/يا/وا/اه.
        base = perfect[:-1]
        for suffix in ("ي", "ت", "يا", "تا", "وا", "ينا", "اه", "اها", "اهم"):
            out[base + suffix] = Aspect.PERFECT
    else:
        for suffix in _PERFECT_SUFFIXES:
            out[perfect + suffix] = Aspect.PERFECT
    if imperfect:
        if imperfect.endswith("ي"):
            base = imperfect[:-1]
            # "" is the jussive after لم: لم يلتق.
            suffixes: tuple[str, ...] = ("ي", "", "يان", "يا", "ون", "وا", "ين", "يه", "يها")
        else:
            base, suffixes = imperfect, _IMPERFECT_SUFFIXES
        for prefix in _IMPERFECT_PREFIXES:
            for suffix in suffixes:
                out.setdefault(prefix + base + suffix, Aspect.IMPERFECT)
    return out


# A participle form at least this common in Arabic (wordfreq zipf) is mostly another word:
# "مستقبلا" (in future), "مدينة" (city), "مطالبة" (a demand).
_COMMON_WORD_ZIPF = 3.9


def participle_forms(perfect: str, imperfect: str) -> set[str]:
    """The circumstantial active participle of a derived verb ("، متهمة الجزائر بـ …", "مطالبا
    أنقرة بـ …"): م + the imperfect stem, accusative (ـا) or feminine (ـة). The bare form is
    mostly a noun ("مطالب" demands, "متهم" a suspect), and forms that are common words are left out."""
    if not _derived(perfect) or imperfect.endswith("ي"):
        return set()
    forms = {"م" + imperfect + "ا", "م" + imperfect + "ه"}
    return {
        f for f in forms if zipf_frequency(f[:-1] + "ة" if f.endswith("ه") else f, "ar") < _COMMON_WORD_ZIPF
    }


def _derived(perfect: str) -> bool:
    """A verb of the derived forms, whose participle is م + imperfect stem: four letters or more
    (طالب، اتهم، استنكر، أشاد), or three with a doubled last radical written out (هدد، ندد: form II).
    A plain three-letter verb (بحث، قصف) is form I, whose participle is فاعل."""
    return len(perfect) >= 4 or (len(perfect) == 3 and perfect[1] == perfect[2])


def noun_forms(noun: str) -> set[str]:
    """A verbal noun with the article, possessive suffixes, dual and accusative tanwin alef."""
    stems = {noun}
    if noun.endswith("ه"):  # ta marbuta: زياره -> زيارته، زيارتان
        base = noun[:-1] + "ت"
        stems |= {base + s for s in (*_POSSESSIVES, "ان", "ين")}
    else:
        stems |= {noun + s for s in (*_POSSESSIVES, "ا", "ان", "ين")}
    return stems | {"ال" + s for s in stems if not s.startswith("ال")}


def loose(word: str) -> str:
    """A word without article and accusative/feminine ending, to compare object nouns loosely
    ("دعوه" / "الدعوه", "هاتفيا" / "الهاتفي")."""
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if word.endswith("ا") and len(word) > 3:
        word = word[:-1]
    return word
