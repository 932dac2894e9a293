from hypothesis import given
from hypothesis import strategies as st

from khabar.core.text.sentences import split_sentences


def test_splits_on_arabic_and_latin_terminals_with_spans() -> None:
    text = "استقبل الرئيس الوفد. وبحث الجانبان التعاون؛ ثم غادر الوفد؟ نعم!"
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "استقبل الرئيس الوفد.",
        "وبحث الجانبان التعاون؛",
        "ثم غادر الوفد؟",
        "نعم!",
    ]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_every_line_is_a_sentence_headlines_included() -> None:
    text = "روسيا وليبيا يبحثان التعاون\n\nاستقبل اللافي الوفد الروسي."
    assert [s.text for s in split_sentences(text)] == [
        "روسيا وليبيا يبحثان التعاون",
        "استقبل اللافي الوفد الروسي.",
    ]


def test_quotes_keep_the_statement_with_its_verb() -> None:
    text = "وقال الوزير «نحن ملتزمون. وسنواصل العمل» ثم غادر. وانتهى اللقاء."
    sents = split_sentences(text)
    assert sents[0].text == "وقال الوزير «نحن ملتزمون. وسنواصل العمل» ثم غادر."
    assert len(sents) == 2


def test_decimals_and_one_letter_abbreviations_do_not_split() -> None:
    text = "ارتفع النمو 2.5 بالمئة وفق د. محمد. ثم انتهى."
    assert [s.text for s in split_sentences(text)] == ["ارتفع النمو 2.5 بالمئة وفق د. محمد.", "ثم انتهى."]


def test_empty_and_punctuation_only_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" .. ؛ \n ") == []


@given(st.text(alphabet='اب تم.؛؟!\n«»"2', max_size=80))
def test_spans_are_ordered_disjoint_and_faithful(text: str) -> None:
    previous_end = 0
    for s in split_sentences(text):
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        previous_end = s.end
