"""Edge repairs of the model's spans (khabar.core.tagging.edges), on sentences written for them:
each test hands repair_model_spans one model candidate and reads back the spans it leaves."""

import pytest

from khabar.core.tagging.catalog import lexicon
from khabar.core.tagging.edges import is_edge_verb, own_letter, repair_model_spans
from khabar.core.tagging.merge import Candidate
from khabar.core.tagging.words import words_of


def repaired(text: str, span: str, kind: str, source: str = "model") -> list[tuple[str, str]]:
    start = text.index(span)
    cand = Candidate(kind, start, start + len(span), source, 0.9)
    out = repair_model_spans(text, words_of(text, lexicon()), [cand])
    return [(c.type, text[c.start : c.end]) for c in out]


@pytest.mark.parametrize(
    ("text", "span", "kind", "kept"),
    [
        # An imperfect verb with purpose ل or و at the end, a reporting verb with و at the start.
        ("صرخ الراكب في سائق حافلة دمنهور ليتحرك فورا", "دمنهور ليتحرك", "LOC", "دمنهور"),
        ("التقى الوزير خالد العمري ويبحث معه الملف", "خالد العمري ويبحث", "PERSON", "خالد العمري"),
        ("وأضاف سامي الحلبي أن الوفد وصل", "وأضاف سامي الحلبي", "PERSON", "سامي الحلبي"),
        ("وأورد كارلوس مينديز في تقريره", "وأورد كارلوس مينديز", "PERSON", "كارلوس مينديز"),
    ],
)
def test_verbs_at_the_edges_are_cut(text: str, span: str, kind: str, kept: str) -> None:
    assert repaired(text, span, kind) == [(kind, kept)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("وصل فيصل المقداد إلى عمان", "فيصل المقداد"),  # ف + يصل, but فيصل is a name
        ("فازت فيرا زفوناريوفا بالمباراة", "فيرا زفوناريوفا"),  # a short form: no proof
        ("وقال ويزيد العلي إن", "ويزيد العلي"),  # يزيد is a given name, not only a verb
        ("مثل سيدورف وروي ماكاي في الفريق", "وروي ماكاي"),  # روى folds to روي (Roy)
    ],
)
def test_names_that_look_like_verbs_are_kept(text: str, span: str) -> None:
    assert repaired(text, span, "PERSON") == [("PERSON", span)]


def test_a_span_that_is_only_a_verb_is_dropped() -> None:
    assert repaired("طلبوا من السائق ليتحرك", "ليتحرك", "LOC") == []


def test_is_edge_verb() -> None:
    words = words_of("وقالت ليفاوض سيبحث بحث يقول", lexicon())
    assert [is_edge_verb(w) for w in words] == [True, True, True, False, False]


@pytest.mark.parametrize(
    ("text", "span", "parts"),
    [
        (
            "وصلت رنا الخطيب شقيقة سامر الخطيب إلى بيروت",
            "رنا الخطيب شقيقة سامر الخطيب",
            ["رنا الخطيب", "سامر الخطيب"],
        ),
        ("وقال جون ديفيس صديق مايكل المقرب", "جون ديفيس صديق مايكل", ["جون ديفيس", "مايكل"]),
        # ابن + a kinship noun: the link goes with the relation, not the name.
        ("أرسل الأمير فهد ابن أخيه تركي للتفاوض", "فهد ابن أخيه تركي", ["فهد", "تركي"]),
        ("تزوجت من جون سميث أخو زوجة صديقها", "جون سميث أخو", ["جون سميث"]),
        ("حضر الحفل عمر الشريف وزوجته", "عمر الشريف وزوجته", ["عمر الشريف وزوجته"]),
    ],
)
def test_kinship_nouns_split_person_spans(text: str, span: str, parts: list[str]) -> None:
    assert repaired(text, span, "PERSON") == [("PERSON", p) for p in parts]


@pytest.mark.parametrize(
    "text",
    [
        "وقال محمد صديق ، مدير الشركة",  # صديق as a family name before a pause
        "ورد محمد صديق على الأسئلة",
    ],
)
def test_bare_kinship_noun_without_genitive_is_a_name(text: str) -> None:
    assert repaired(text, "محمد صديق", "PERSON") == [("PERSON", "محمد صديق")]


def test_bin_still_chains_names() -> None:
    text = "استقبل محمد بن سلمان الوفد"
    assert repaired(text, "محمد بن سلمان", "PERSON") == [("PERSON", "محمد بن سلمان")]


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("افتتح المستشفى في عهد الملك فيصل رحمه الله", "فيصل رحمه الله", "فيصل"),
        ("بتمويل من الشيخ زايد طيب الله ثراه", "زايد طيب الله", "زايد"),
        ("كما روى علي بن أبي طالب رضي الله عنه", "علي بن أبي طالب رضي", "علي بن أبي طالب"),
    ],
)
def test_prayer_formulas_end_a_name(text: str, span: str, kept: str) -> None:
    assert repaired(text, span, "PERSON") == [("PERSON", kept)]


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("وقال كابتن سامي ناصر قائد الطائرة", "كابتن سامي ناصر", "سامي ناصر"),
        ("قاد الكابتن وليد سليمان الفريق", "الكابتن وليد سليمان", "وليد سليمان"),
        ("هنأ سمو الشيخ سعود الناصر الفائزين", "سمو الشيخ سعود الناصر", "سعود الناصر"),
        ("سجل المهاجم الصاعد يوسف النصيري هدفا", "الصاعد يوسف النصيري", "يوسف النصيري"),
        ("وأكد الراحل عبد الرحمن منيف ذلك", "الراحل عبد الرحمن منيف", "عبد الرحمن منيف"),
    ],
)
def test_honorifics_and_epithets_do_not_start_a_name(text: str, span: str, kept: str) -> None:
    assert repaired(text, span, "PERSON") == [("PERSON", kept)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("زار ألفا عمر كوناري باماكو", "ألفا عمر كوناري"),  # أل with hamza is no article
        ("وقال نظير مجلي إن", "نظير مجلي"),  # a counterpart word that is also a name
        ("فاز نجم الدين أربكان", "نجم الدين أربكان"),  # an indefinite role that is a name
    ],
)
def test_name_starts_that_look_like_titles_are_kept(text: str, span: str) -> None:
    assert repaired(text, span, "PERSON") == [("PERSON", span)]


def test_dateline_city_after_a_byline() -> None:
    text = "لندن : كريم عبد الرؤوف باريس : « الوكالات »"
    assert repaired(text, "كريم عبد الرؤوف باريس", "PERSON") == [
        ("PERSON", "كريم عبد الرؤوف"),
        ("LOC", "باريس"),
    ]


@pytest.mark.parametrize(
    "span",
    [
        "آنا ديغز تايلور",  # a small town's name is a surname here
        "سامي باريس",  # two words: no byline
    ],
)
def test_person_names_ending_in_place_names_are_kept(span: str) -> None:
    text = f"وقالت {span} للصحفيين"
    assert repaired(text, span, "PERSON") == [("PERSON", span)]


@pytest.mark.parametrize(
    ("text", "span", "kind", "kept"),
    [
        (
            "وقعت الشركة الفرنسية البريطانية يوروتانل اتفاقا",
            "الفرنسية البريطانية يوروتانل",
            "ORG",
            "يوروتانل",
        ),
        ("قصفت القوات بلدة كوبيانسك الأوكرانية أمس", "كوبيانسك الأوكرانية", "LOC", "كوبيانسك"),
        ("هطلت أمطار غزيرة بأقصى السودان", "بأقصى السودان", "LOC", "السودان"),
    ],
)
def test_nationality_and_partitive_edges(text: str, span: str, kind: str, kept: str) -> None:
    assert repaired(text, span, kind) == [(kind, kept)]


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("أعلنت العربية للطيران عن رحلات", "العربية للطيران", "ORG"),
        ("زار الوفد شبه الجزيرة الإيطالية", "شبه الجزيرة الإيطالية", "LOC"),
        ("بين أوروبا والولايات المتحدة الأمريكية", "أوروبا والولايات المتحدة الأمريكية", "LOC"),
        ("فاز المنتخب بجنوب أفريقيا", "بجنوب أفريقيا", "LOC"),
    ],
)
def test_names_holding_nationalities_or_directions_are_kept(text: str, span: str, kind: str) -> None:
    assert repaired(text, span, kind) == [(kind, span)]


def test_other_sources_are_left_alone() -> None:
    text = "صرخ الراكب في سائق حافلة دمنهور ليتحرك"
    assert repaired(text, "دمنهور ليتحرك", "LOC", source="title_name") == [("LOC", "دمنهور ليتحرك")]


def test_a_word_cut_after_its_own_first_letter() -> None:
    # "وكيل" is "deputy": the model tagged كيل (Kiel) after splitting و off.
    text = "وقال وكيل وزارة الخارجية إن الاجتماع كان مثمرا"
    start = text.index("كيل")
    cand = Candidate("LOC", start, start + 3, "model", 0.9)
    assert repair_model_spans(text, words_of(text, lexicon()), [cand]) == []
    # A rare foreign name keeps the letter the splitter took for a conjunction.
    text = "وقال المدرب أليكس فيرغوسن إن الفريق جاهز"
    start = text.index("يرغوسن")
    cand = Candidate("PERSON", start, start + len("يرغوسن"), "model", 0.9)
    (out,) = repair_model_spans(text, words_of(text, lexicon()), [cand])
    assert text[out.start : out.end] == "فيرغوسن"
    # A real conjunction stays split: "وروسيا", "للدوحة".
    for text, name in (("التقى وفد من فرنسا وروسيا", "روسيا"), ("وصل الوزير للدوحة مساء", "الدوحة")):
        words = words_of(text, lexicon())
        assert not any(own_letter(w) for w in words), text
        assert name


def test_a_reporting_verb_that_is_a_given_name_opening_a_clause() -> None:
    # "وطالب" after a full stop is "and (he) demanded", not the given name Talib.
    text = "التقى الوزير نظيره أمس. وطالب الشيباني المجتمع الدولي بالضغط"
    assert repaired(text, "وطالب الشيباني", "PERSON") == [("PERSON", "الشيباني")]
    # Inside a list it stays a name.
    text = "ضم الوفد أحمد الراوي وطالب الرفاعي"
    assert repaired(text, "طالب الرفاعي", "PERSON") == [("PERSON", "طالب الرفاعي")]
