"""Arabic proclitic splitting: conjunctions و/ف, prepositions ب/ل/ك, the article ال and its
assimilated form لل (ل + ال). News names arrive glued to them: "وروسيا", "لليبيا", "بالعاصمة".

Many words merely *start* with a clitic letter (وزير, بوتين, ليبيا, فرنسا), so a split is only
made when the evidence is good: the remainder is a known word (the built-in list below or a
caller-supplied lexicon such as a gazetteer), or, for a preposition, the remainder carries the
article ال; a bare conjunction is split only off a long enough remainder.
"""

from __future__ import annotations

from collections.abc import Collection

from khabar.core.text.normalize import norm

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
MIN_STEM = 2
# A conjunction is split off without lexicon support only when at least this many letters
# remain: three-letter remainders are usually roots (وزير, وقع, وصل), not و + word.
_MIN_BARE_CONJ_REST = 4


# Normalized words that begin with a clitic letter but are whole words: frequent news vocabulary
# and place/person names (country names from CLDR Arabic, capitals, leaders). A caller's lexicon
# extends this; the list only has to cover what a lexicon is unlikely to hold.
def _words(text: str) -> frozenset[str]:
    return frozenset(norm(w) for w in text.split())


_WHOLE: frozenset[str] = _words(
    # و
    "وزير وزيرة وزراء وزارة وزارات ولاية ولايات وكالة وكالات وفد وفود وطني وطنية وطن وقت وقف "
    "وقع وقوع وجود وفاة وسط وحدة وحدات وضع وصول وثيقة وثائق والي ولي وليد وائل واشنطن وهران "
    "ويلز وارسو فيينا ويليام وليام ولد وعد وعود واقع واضح وجه وجهة ورقة ورشة وادي "
    # ف
    "فرنسا فرنسي فرنسية فلسطين فلسطيني فلسطينية فنزويلا فنلندا فيتنام فيجي فريق فرقة فرع "
    "فصيل فصائل فترة فكرة فعل فعلا فوز فاس فلاديمير فرانسوا فيصل فهد فؤاد فتح فاطمة فيلق "
    # ب
    "بريطانيا بريطاني بريطانية بلجيكا بلغاريا بولندا بوليفيا باكستان بنغلاديش بنما بيرو "
    "بوتين بغداد بيروت باريس برلين بكين بروكسل بنغازي بيت بلد بلاد بلدة بلدية بيان بيانات "
    "برلمان برلماني برنامج بنك بحر بحرية بري برية بعثة بشار بان باراك بايدن بوش بلير "
    "بن بنت بني بطل باب بحث بدء بداية بعد بين بسبب بشكل بعض "
    # ل
    "لبنان لبناني لبنانية ليبيا ليبي ليبية لندن لاهاي لشبونة لاتفيا لاوس ليتوانيا ليبيريا "
    "لوكسمبورغ لجنة لجان لواء لقاء لقاءات ليلة لحظة لغة لائحة لاجئ لاجئين لاعب لبيد "
    "لافروف لولا لويس لكن لدى لقد لذلك لعل ليس "
    # ك
    "كندا كوريا كوبا كينيا كولومبيا كرواتيا كمبوديا كازاخستان كابول كراتشي كييف كيغالي "
    "كاراكاس كتيبة كتائب كتلة كلية كنيسة كبير كبيرة كامل كل كان كانت كما كيري كلينتون "
    "كاميرون كارتر كيم كمال كريم"
)


def _known(stem: str, lexicon: Collection[str]) -> bool:
    n = norm(stem)
    return n in _WHOLE or n in lexicon


def split_proclitics(
    word: str, min_stem: int = MIN_STEM, lexicon: Collection[str] = frozenset()
) -> tuple[str, str]:
    """Split the likely proclitics off `word`: returns (prefix, stem), prefix + stem == word.

    `lexicon` holds normalized known stems (e.g. gazetteer names): a word found there stays whole,
    and a remainder found there licenses a split. "لليبيا" splits as ل + ليبيا; for ل + ال words
    ("للرئيس") the stem is "لرئيس" — use `lookup_form` to recover "الرئيس"."""
    if _known(word, lexicon):
        return "", word
    prefix, rest = "", word
    if rest[:1] in _CONJ and len(rest) - 1 >= min_stem + 1:
        cand = rest[1:]
        if (
            _known(cand, lexicon)
            or len(cand) >= _MIN_BARE_CONJ_REST
            or (cand[:1] in _PREP and cand[1:3] == "ال")
        ):
            prefix, rest = rest[:1], cand
    if _known(rest, lexicon) and prefix:
        return prefix, rest
    if rest.startswith("لل") and len(rest) - 2 >= min_stem:
        # لل is ل + ال with the alef dropped ("للرئيس"), or ل before a stem that starts with ل
        # ("لليبيا"): either way the split point is after the first ل.
        return prefix + "ل", rest[1:]
    if rest[:1] in _PREP and len(rest) - 1 >= min_stem + 1:
        cand = rest[1:]
        if _known(cand, lexicon) or (cand.startswith("ال") and len(cand) >= 4):
            prefix, rest = prefix + rest[:1], cand
    return prefix, rest


def lookup_form(prefix: str, stem: str, lexicon: Collection[str] = frozenset()) -> str:
    """The normalized dictionary form of `stem` after `prefix`: restores the ال that لل swallowed
    ("ل" + "لرئيس" -> "الرئيس") unless the stem itself is known ("ليبيا")."""
    n = norm(stem)
    if prefix.endswith("ل") and n.startswith("ل") and not (n in _WHOLE or n in lexicon):
        return "ا" + n
    return n


def candidate_stems(word: str) -> list[str]:
    """Every reading of `word` with 0..3 proclitics removed, longest first, for lexicon lookups."""
    out = [word]
    rest = word
    if rest[:1] in _CONJ and len(rest) > 3:
        rest = rest[1:]
        out.append(rest)
    if rest.startswith("لل") and len(rest) > 3:
        out.append("ال" + rest[2:])  # للرئيس -> الرئيس
        out.append(rest[1:])  # لليبيا -> ليبيا
    elif rest[:1] in _PREP and len(rest) > 3:
        rest = rest[1:]
        out.append(rest)
    return list(dict.fromkeys(out))
