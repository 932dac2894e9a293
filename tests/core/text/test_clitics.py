from hypothesis import given
from hypothesis import strategies as st

from khabar.core.text.clitics import candidate_stems, lookup_form, split_proclitics


def test_conjunction_and_preposition_come_off_names() -> None:
    assert split_proclitics("وروسيا") == ("و", "روسيا")
    assert split_proclitics("بالعاصمة") == ("ب", "العاصمة")
    assert split_proclitics("والرئيس") == ("و", "الرئيس")
    assert split_proclitics("وبالعاصمة") == ("وب", "العاصمة")


def test_lam_lam_reads_as_lam_plus_name_or_lam_plus_article() -> None:
    prefix, stem = split_proclitics("لليبيا")
    assert (prefix, stem) == ("ل", "ليبيا")
    assert lookup_form(prefix, stem) == "ليبيا"
    prefix, stem = split_proclitics("للرئيس")
    assert prefix == "ل" and lookup_form(prefix, stem) == "الرئيس"


def test_words_that_merely_start_with_a_clitic_letter_stay_whole() -> None:
    for word in ("وزير", "بوتين", "ليبيا", "فرنسا", "كندا", "وزارة", "بريطانيا", "لبنان"):
        assert split_proclitics(word) == ("", word), word


def test_a_lexicon_licenses_splits_the_built_in_rules_would_not_make() -> None:
    # Without a lexicon a bare preposition before a name without ال is ambiguous (بريطانيا? برلين?).
    assert split_proclitics("لطرابلس") == ("", "لطرابلس")
    assert split_proclitics("لطرابلس", lexicon={"طرابلس"}) == ("ل", "طرابلس")
    assert split_proclitics("ومصر", lexicon={"مصر"}) == ("و", "مصر")
    # ...and keeps a known word whole.
    assert split_proclitics("بنها", lexicon={"بنها"}) == ("", "بنها")


def test_candidate_stems_offers_every_reading_once() -> None:
    assert candidate_stems("للرئيس") == ["للرئيس", "الرئيس", "لرئيس"]
    assert candidate_stems("وروسيا") == ["وروسيا", "روسيا"]


@given(st.text(alphabet="وفبلكالمنيسرتدة", min_size=0, max_size=12))
def test_prefix_plus_stem_is_the_word(word: str) -> None:
    prefix, stem = split_proclitics(word)
    assert prefix + stem == word
    assert len(prefix) <= 2
    assert set(prefix) <= set("وفبلك")
    # A stem is never shorter than the rules allow unless nothing was split.
    assert not prefix or len(stem) >= 2
