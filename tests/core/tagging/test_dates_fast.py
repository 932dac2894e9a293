"""find_dates (trying _match only where a trigger word or digits stand) gives exactly what the loop
it replaced gives: _match tried at every word (kept here as the reference)."""

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.tagging.catalog import lexicon
from khabar.core.tagging.dates import _TRIGGERS, DateSpan, _match, find_dates
from khabar.core.tagging.words import Word, words_of
from khabar.core.text.calendar import MONTHS, RELATIVE_DAYS, WEEKDAYS


def ref_find_dates(words: Sequence[Word]) -> list[DateSpan]:
    out: list[DateSpan] = []
    i = 0
    while i < len(words):
        found = _match(words, i) if words[i].is_word else None
        if found is not None and found[0] > i:
            end, value = found
            out.append(DateSpan(i, end - 1, value))
            i = end
        else:
            i += 1
    return out


def _check(words: Sequence[Word]) -> None:
    assert find_dates(words) == ref_find_dates(words)
    # The prefilter's premise, position by position: nothing starts anywhere else.
    for i, w in enumerate(words):
        if w.key not in _TRIGGERS and not w.text.isdigit():
            assert _match(words, i) is None


# Calendar vocabulary in every role _match gives it, written with hamza variants, proclitics and
# Arabic-Indic digits, plus separators, other words and a ligature whose key holds spaces.
VOCAB = [
    *MONTHS,
    *WEEKDAYS,
    *RELATIVE_DAYS,
    "كانون",
    "تشرين",
    "الثاني",
    "الأول",
    "أول",
    "من",
    "أمس",
    "بعد",
    "غد",
    "شهر",
    "عام",
    "العام",
    "سنة",
    "الأسبوع",
    "الشهر",
    "العقد",
    "منتصف",
    "أواخر",
    "مطلع",
    "مساء",
    "الماضي",
    "المقبل",
    "المقبلة",
    "الجاري",
    "آب",
    "مارس",
    "ماي",
    "في",
    "وفي",
    "قال",
    "ليبيا",
    "ﷺ",
    "10",
    "3",
    "31",
    "32",
    "0",
    "٢٠٢٥",
    "2025",
    "1899",
    "2101",
    "/",
    "-",
    "،",
    "(",
    ")",
    ".",
]
SEPARATORS = [" ", " ", " ", "", "\n"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(VOCAB), st.sampled_from(SEPARATORS)), max_size=16))
def test_find_dates_matches_the_reference(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in parts)
    _check(words_of(text, lexicon()))


def test_samples() -> None:
    for text in [
        "",
        "وصل في 10 يونيو 2025 إلى",
        "في ٣ كانون الثاني ٢٠٢٤ قال",
        "في يونيو/حزيران 2025 و(حزيران) 2024",
        "اليوم الثلاثاء قال أول من أمس وبعد غد",
        "في منتصف شهر أكتوبر المقبل والأسبوع المقبل",
        "مارس الضغط على الحكومة نحو 45 يونيو",
    ]:
        _check(words_of(text, lexicon()))


def test_find_dates_matches_the_reference_on_anercorp_dev(dev_texts: list[str]) -> None:
    found = 0
    for text in dev_texts:
        words = words_of(text, lexicon())
        _check(words)
        found += len(find_dates(words))
    assert found > 50  # the corpus exercises the matcher
