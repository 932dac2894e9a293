"""Rules for Arabic person-name structure.

A person mention is found by a trigger and then extended over name words:
- a title phrase ("نائب وزير الخارجية الروسي ميخائيل بوغدانوف"): the title is kept apart, and
  transliterated foreign names (no capitals in Arabic) are accepted as 1-4 words that are not
  common vocabulary;
- a known first name followed by at least one more name word ("محمد الحداد").
Name words chain through عبد + name ("عبد الحميد"), بن/ابن/بنت ("محمد بن سلمان"), أبو/آل
("أبو الغيط", "آل ثاني"); a chain stops at punctuation, closed-class words, calendar words,
country names and nisbas, titles and common vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from khabar.core.tagging.catalog import lexicon
from khabar.core.tagging.countries import country_of_word, nisba_country
from khabar.core.tagging.lexicons import (
    ORG_HEADS,
    calendar_words,
    common_words,
    first_names,
    function_words,
    is_ala,
    mostly_common_words,
)
from khabar.core.tagging.titles import COUNTERPARTS, TITLE_TRIGGERS, TITLE_WORDS, TitleMatch, match_title
from khabar.core.tagging.words import Word
from khabar.core.text.normalize import norm

_ABD = norm("عبد")
_LINKS = frozenset(norm(w) for w in ("بن", "ابن", "بنت", "ولد"))
_KUNYA = frozenset(norm(w) for w in ("أبو", "ابو", "أبي", "آل", "ال", "أم", "بو"))
MAX_NAME = 5
# Punctuation that may stand between a title and its name: "الوزير، “فلان”".
_COMMAS = frozenset({"،", ",", "“", '"', "«", "(", "'"})


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A person name over words[first:last+1]; `title` is the title phrase before it, if any."""

    first: int
    last: int
    title: TitleMatch | None
    trigger: str  # title | first_name | nasab | title_only (words after a title that only lend it)


def _is_ala(w: Word) -> bool:
    """على ("on") folds to علي; the written alef maqsura tells them apart."""
    return is_ala(w.text, w.key)


def name_like(w: Word, strict: bool) -> bool:
    """`w` may be part of a person name. strict: it must also not be common vocabulary (used for
    words that no first-name list vouches for)."""
    k = w.key
    if not w.is_word or len(k) < 2 or k.isdigit() or _is_ala(w):
        return False
    if k in function_words() or k in calendar_words() or k in TITLE_WORDS:
        return False
    if country_of_word(k) or nisba_country(k):
        return False
    if k in first_names():
        return True
    return not (strict and k in common_words())


# Second halves of compound names ("بيد الله", "نور الدين"), kept inside a nasab chain.
_NAME_TAILS = frozenset(norm(w) for w in ("الله", "الدين", "الرحمن", "الإسلام"))
# A nasab chain may run longer than other names: "سعيد ولد محمد الشيخ ولد بيد الله".
MAX_NASAB_NAME = 8


def _chain(words: Sequence[Word], i: int) -> int:
    """Index one past the name chain that starts at words[i] (i itself when there is none)."""
    j = i
    linked = False
    while j < len(words) and j - i < (MAX_NASAB_NAME if linked else MAX_NAME):
        w = words[j]
        if linked and w.key in TITLE_WORDS and j + 1 < len(words) and words[j + 1].key in _LINKS:
            j += 1  # "محمد الشيخ ولد …": inside a nasab chain, a title-like word before a link is a name
            continue
        if linked and j > i and w.key in _NAME_TAILS and words[j - 1].key not in _LINKS:
            j += 1  # "ولد بيد الله": the second half of a compound name
            continue
        if w.key == _ABD and j + 1 < len(words) and name_like(words[j + 1], strict=False):
            j += 2
            continue
        if j > i and (w.key in _LINKS or w.key in _KUNYA) and j + 1 < len(words):
            if name_like(words[j + 1], strict=False) or (linked and _father_name(words[j + 1])):
                linked = linked or w.key in _LINKS
                j += 2
                continue
            break
        if j == i and w.key in _KUNYA and j + 1 < len(words) and name_like(words[j + 1], strict=False):
            j += 2
            continue
        if name_like(w, strict=True):
            # A prefixed word ("وبوتين") starts a new phrase: it is not inside this name; so does
            # a word that may carry و/ف and is no known name ("وعدد").
            if j > i and (w.stem_start != w.start or (w.text[0] in "وف" and w.whole not in lexicon())):
                break
            j += 1
            continue
        break
    return j


# Words that end a chain even after a link: "ولد في" is "was born in".
_NOT_AFTER_LINK = frozenset(norm(w) for w in ("في", "من", "على", "إلى", "الى", "عن", "عام", "سنة", "مع"))


def _father_name(w: Word) -> bool:
    """After a second link of a chain ("… ولد الوالي", "… ولد بيد الله") a title or function word
    is the father's name."""
    return w.is_word and w.stem_start == w.start and not w.key.isdigit() and w.key not in _NOT_AFTER_LINK


def _nasab_start(words: Sequence[Word], i: int) -> bool:
    """words[i] opens a nasab chain: an unknown name, a link, a name, and a second link after it
    ("X ولد Y ولد Z", "X بن Y بن Z"). One link alone is not enough for a word no list knows ("ولد"
    is also the verb "was born")."""
    if i + 4 >= len(words) or not name_like(words[i], strict=True):
        return False
    if words[i + 1].key not in _LINKS or not name_like(words[i + 2], strict=False):
        return False
    return any(words[k].key in _LINKS for k in (i + 3, i + 4))


def _first_name_trigger(words: Sequence[Word], i: int) -> bool:
    """A first name that is also an everyday word (سلام "peace", عيد "feast") starts a name only
    before عبد/بن/أبو, which make the name reading certain."""
    if words[i].key not in mostly_common_words():
        return True
    if (
        i + 2 < len(words)
        and _ali_before_given_name(words[i], words[i + 1])
        and name_like(words[i + 2], True)
    ):
        return True  # "علي رضا تنكسيري"; one word after the given name may be a club ("علي معيذر")
    nxt = words[i + 1].key if i + 1 < len(words) else ""
    return nxt == _ABD or nxt in _LINKS or nxt in _KUNYA


# An imperfect verb with a future, purpose or negation prefix and an object pronoun ("ستمنحنا",
# "ليخبره"), or negated with a glued لا ("لايؤمن"): a clause has begun, no name goes on.
_VERB_SHAPE = re.compile(r"^(?:[سل][يتن]\w{2,}(?:ه|ها|هم|هما|نا|كم)|لا[يت]\w{3,})$")


def _verb_shaped(w: Word) -> bool:
    return w.key not in first_names() and _VERB_SHAPE.match(w.key) is not None


def _plausible_after_title(name: Sequence[Word]) -> bool:
    """Words after a title form a name when they start with a known first name, or are two or more
    article-less words ("ميخائيل بوغدانوف", "حيدر أغانين"): a single unknown word or a definite
    noun right after a title is usually the rest of a phrase ("رئيس التحرير")."""
    first = name[0]
    if first.stem_start != first.start:
        return False
    if len(name) == 1 and first.key in common_words():
        return False  # "الملك سيره" ("his march"), "الرئيس … بأي تصريح": a word, not a name
    if first.key in first_names() or first.key == _ABD or first.key in _KUNYA:
        return True
    return len(name) >= 2 and not any(w.key.startswith("ال") or w.key in mostly_common_words() for w in name)


def _possessor_title(words: Sequence[Word], keys: Sequence[str], title: TitleMatch) -> TitleMatch:
    """ "المبعوث الخاص للرئيس الروسي فلاديمير بوتين": a title inside the phrase behind ل is the
    possessor's, and the name that follows is the possessor: re-anchor the title there."""
    for k in range(title.start + 1, title.end):
        w = words[k]
        if w.key in TITLE_WORDS and w.stem_start != w.start and w.text[0] == "ل":
            inner = match_title(keys, k)
            if inner is not None and inner.end == title.end:
                return inner
    return title


# What may close a title in apposition after a name: "فيصل بن فرحان، وزير الخارجية السعودي،".
_APPOSITION_END = frozenset({"،", ",", ".", ":", "؛", ";", ")", "-", "–"})


def apposition_title(
    words: Sequence[Word], after: int, name_starts: frozenset[int] = frozenset()
) -> TitleMatch | None:
    """A title in apposition after a person name that ends before words[after]: "فيصل بن فرحان،
    وزير الخارجية السعودي،". It follows a comma, starts with a title head (not a counterpart:
    "نظيره الإيراني" is the other party's) and is itself closed by punctuation or the text's end,
    not by a name (then the title is that name's: "…، وزير الخارجية السعودي فيصل بن فرحان").
    `name_starts`: indices of words where a person name starts."""
    if after >= len(words) or words[after].text not in ("،", ","):
        return None
    at = after + 1
    if at >= len(words) or words[at].stem_start != words[at].start or words[at].key in COUNTERPARTS:
        return None
    keys = [w.key for w in words[at : at + 10]]
    title = match_title(keys, 0)
    if title is None or title.end < 2:
        return None  # a bare head ("الرئيس،") tells nothing
    end = at + title.end
    if end in name_starts:
        return None
    if end < len(words) and words[end].text not in _APPOSITION_END:
        return None
    return TitleMatch(at, end, title.sector, title.country)


_FI = norm("في")
# Words of the body a title runs through after في ("قائد القوة البحرية في الحرس الثوري").
_MAX_BODY = 4


def _title_through_body(words: Sequence[Word], title: TitleMatch) -> tuple[TitleMatch, int, int] | None:
    """A title that runs through في and the body it serves before the name: "قائد القوة البحرية في
    الحرس الثوري علي رضا تنكسيري", "القيادي في الحركة خليل الحية". The body is 1-4 definite words
    or institution heads with no proclitic; the name after it must start with a known given name
    (a foreign name after a body is too often the rest of the sentence). Returns the title
    stretched over the body, and the name's word range [at, j)."""
    k = title.end
    if k >= len(words) or words[k].key != _FI:
        return None
    k += 1
    body = k
    country = title.country
    while k < len(words) and k - body < _MAX_BODY:
        w = words[k]
        if w.stem_start != w.start or not w.is_word or w.key in function_words():
            break
        if not (w.key.startswith("ال") or w.key in ORG_HEADS) or w.key in first_names():
            break
        if w.key in TITLE_WORDS or w.key in calendar_words():
            return None  # another title, or a date: no body of the first
        country = country or nisba_country(w.key)
        k += 1
    if k == body or k >= len(words) or words[k].key not in first_names():
        return None
    j = _chain(words, k)
    if j - k < 2 or not _plausible_after_title(words[k:j]):
        return None
    return TitleMatch(title.start, k, title.sector, country), k, j


def find_names(words: Sequence[Word]) -> list[NameSpan]:
    """Person names found by the title and first-name rules, non-overlapping, in text order."""
    out: list[NameSpan] = []
    keys = [w.key for w in words]
    i = 0
    while i < len(words):
        title = match_title(keys, i) if keys[i] in TITLE_TRIGGERS else None
        if title is not None:
            title = _possessor_title(words, keys, title)
            # "نائب رئيس مجلس الوزراء العراقي، محمد علي تميم،": the name may follow a comma.
            at = title.end
            while at < len(words) and at - title.end < 2 and words[at].text in _COMMAS:
                at += 1
            j = _chain(words, at)
            j = next((k for k in range(at, j) if _verb_shaped(words[k])), j)
            # "لمسؤول فرنسي رفيع": an indefinite role with an indefinite nationality describes
            # someone unnamed; the word after it is an adjective unless a full name follows.
            described = all(not k.startswith("ال") for k in keys[title.start : title.end]) and any(
                nisba_country(k) for k in keys[title.start + 1 : title.end]
            )
            if j > at and _plausible_after_title(words[at:j]) and not (described and j - at < 2):
                out.append(NameSpan(at, j - 1, title, "title"))
                i = j
                continue
            through = _title_through_body(words, title)
            if through is not None:
                title, at, j = through
                out.append(NameSpan(at, j - 1, title, "title"))
                i = j
                continue
            if j > at and words[at].stem_start == words[at].start:
                # Too unsure to be a name ("نبيه بري": both everyday words), but if another reading
                # takes these words for a person, the title is theirs.
                out.append(NameSpan(at, j - 1, title, "title_only"))
            i = title.end
            continue
        w = words[i]
        if _nasab_start(words, i):
            # "حضية ولد سلامة ولد النفاع": a name and its father's, linked, whatever the given name.
            j = _chain(words, i)
            if j - i >= 3:
                out.append(NameSpan(i, j - 1, None, "nasab"))
                i = j
                continue
        if w.key in first_names() and not _is_ala(w) and _first_name_trigger(words, i):
            j = _chain(words, i)
            # "رمضان المبارك", "نجم الخليج": a first name before an everyday word is no name.
            if j - i >= 2 and (
                words[j - 1].key in first_names() or words[j - 1].key not in mostly_common_words()
            ):
                out.append(NameSpan(i, j - 1, None, "first_name"))
                i = j
                continue
        i += 1
    return out


# Regnal and dynastic ordinals: "الحسن الثاني", "فرناندو الثالث" (the ordinal is part of the name).
_ORDINALS = frozenset(
    norm(w)
    for w in (
        *("الأول", "الثاني", "الثالث", "الرابع", "الخامس"),
        *("السادس", "السابع", "الثامن", "التاسع", "العاشر"),
    )
)
_NASAB = frozenset(norm(w) for w in ("بن", "ابن", "بنت", "ولد"))
_TEEN = norm("عشر")  # "بنديكتوس السادس عشر"


_PAUSE = re.compile(r"\s*(?:[،,.:؛;)(]|$)")


def _surname_before_pause(text: str, words: Sequence[Word], first: int) -> bool:
    """A lone known given name followed by one more word and then punctuation ("المتحدث … يحيى
    سريع،"): the word is the family name even when it is also a word (سريع "fast"). Not a
    definite word, a verb, an adverb in -ًا ("متأخرا"), nor anything name_like refuses."""
    k = first + 1
    if words[first].key not in first_names() or k >= len(words):
        return False
    w = words[k]
    if w.key.startswith("ال"):
        return _definite_surname(text, words, k)
    return (
        name_like(w, strict=False)
        and not _verb_shaped(w)
        and not (len(w.key) >= 5 and w.key.endswith("ا"))
        and _PAUSE.match(text, w.end) is not None
    )


# After a speaker's name: "وقال خليل الحية إن" (the complement's إن/أن, or a colon).
_SPEECH_END = re.compile(r"\s*(?::|(?:إن|أن|ان)(?:\s|$))")


def _definite_surname(text: str, words: Sequence[Word], k: int) -> bool:
    """A definite word after a lone given name is its family name ("خليل الحية", "حسين الأمين")
    when the speaker's إن/أن or a colon follows at once: the subject has ended there (a comma
    may end an object: "التقى الوزير محمد المسؤولين،"). Not a
    function, calendar, country or nisba word, nor a word carrying a proclitic."""
    w = words[k]
    if w.stem_start != w.start or not w.is_word or len(w.key) < 5:
        return False
    if (
        w.key in function_words()
        or w.key in calendar_words()
        or country_of_word(w.key)
        or nisba_country(w.key)
    ):
        return False
    return _SPEECH_END.match(text, w.end) is not None


def _glued(text: str, words: Sequence[Word], a: int) -> bool:
    """words[a] and words[a + 1] stand on one line with nothing but spaces between them, and the
    second carries no proclitic ("وبوتين" starts a new phrase): the two may belong to one name."""
    b = words[a + 1]
    return b.stem_start == b.start and b.is_word and not text[words[a].end : b.start].strip(" ")


def _ali_before_given_name(w: Word, nxt: Word) -> bool:
    """علي written with ي before a known given name that is no everyday word ("علي رضا"): the
    name علي, not the preposition على some outlets write so (which takes a noun: "علي مدار")."""
    return (
        w.key == "علي"
        and w.text.endswith("ي")
        and nxt.key in first_names()
        and nxt.key not in mostly_common_words()
    )


def _given_name_before(text: str, words: Sequence[Word], first: int) -> bool:
    """words[first - 1] is a known given name standing right before the name at `first` (no
    punctuation, no proclitic on words[first]): "زياد الجراح", "د. عزيز الدويك", "لكوفي أنان"."""
    w = words[first - 1]
    return (
        w.key in first_names()
        and w.key not in mostly_common_words()
        and w.key not in TITLE_WORDS
        and not _is_ala(w)
        and _glued(text, words, first - 1)
    )


def complete_person_spans(
    text: str, words: Sequence[Word], spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Person names found by the sequence model (word ranges first..last, in text order, not
    overlapping) completed by Arabic name structure:
    - a nasab link and the name after it belong to the name ("حضية ولد سلامة ولد النفاع",
      "محمد بن سلمان"): the model often stops before بن/ابن/بنت/ولد;
    - a regnal ordinal after the name belongs to it ("الحسن الثاني");
    - two names side by side with nothing between them (no comma, no و) are one name
      ("محمود صبري" + "أبو تريكة"): two people are never written so;
    - a known given name right before the name belongs to it ("زياد" + "الجراح");
    - a lone given name takes the one word after it when a pause follows ("يحيى سريع،");
    - a number ends the name ("تانغ 618"), and a nationality adjective does not start one.
    Ranges that grow over a following range absorb it."""
    out: list[tuple[int, int]] = []
    n = len(words)
    starts = {first for first, _ in spans}
    for first, last in spans:
        if out and first <= out[-1][1]:
            continue  # absorbed by the previous name
        floor = out[-1][1] + 1 if out else 0
        # A title's nationality is no part of a name ("الجزائري" of "الرئيس الجزائري عبد المجيد").
        while first < last and words[first].key.startswith("ال") and nisba_country(words[first].key):
            first += 1
        # A number is no part of a name ("تانغ 618"): the name ends before it.
        last = next((j - 1 for j in range(first + 1, last + 1) if words[j].key.isdigit()), last)
        while (
            first - 2 >= floor
            and words[first - 1].key in _NASAB
            and _glued(text, words, first - 2)
            and _glued(text, words, first - 1)
            and name_like(words[first - 2], strict=True)
        ):
            first -= 2  # "علوات ولد" + "محمد سالم": the name the link attaches to
        if first - 1 >= floor and _given_name_before(text, words, first):
            first -= 1  # "زياد" + "الجراح": the model missed the given name
        while True:
            k = last + 1
            if k >= n or not _glued(text, words, last):
                break
            w = words[k]
            link = w.key in _NASAB and k + 1 < n and _glued(text, words, k)
            if link and name_like(words[k + 1], strict=False):
                # The name after the link, up to a word carrying a proclitic ("وعبد الرحمان"
                # starts the next name of a list).
                end = _chain(words, k + 1)
                end = next((j for j in range(k + 2, end) if words[j].stem_start != words[j].start), end)
                last = max(end, k + 2) - 1
                last = max([last, *(e for s, e in spans if first < s <= last)])
                continue
            if w.key in _ORDINALS and (last == first or (last == first + 1 and words[first].key == _ABD)):
                # A regnal name is one given name ("محمد السادس", "عبد الله الثاني"); after a
                # given name and a family name an ordinal is a rank ("فرناندو غونزاليز العاشر").
                last = k + (k + 1 < n and words[k + 1].key == _TEEN and _glued(text, words, k))
                continue
            if last == first and _surname_before_pause(text, words, first):
                last = k  # "يحيى سريع،": a lone given name, then its family name and a pause
                continue
            if k in starts:
                last = next(e for s, e in spans if s == k)
                continue
            break
        out.append((first, last))
    return out
