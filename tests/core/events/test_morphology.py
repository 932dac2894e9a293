from hypothesis import given
from hypothesis import strategies as st

from khabar.core.events.morphology import Aspect, loose, noun_forms, verb_forms
from khabar.core.text.normalize import norm


def test_sound_verb_conjugations_cover_gender_number_and_aspect() -> None:
    forms = verb_forms("بحث", "بحث")
    for form, aspect in {
        "بحث": Aspect.PERFECT,
        "بحثت": Aspect.PERFECT,
        "بحثا": Aspect.PERFECT,
        "بحثوا": Aspect.PERFECT,
        "يبحث": Aspect.IMPERFECT,
        "تبحث": Aspect.IMPERFECT,
        "يبحثان": Aspect.IMPERFECT,
        "يبحثون": Aspect.IMPERFECT,
    }.items():
        assert forms[form] is aspect, form


def test_defective_verbs_change_their_last_letter() -> None:
    forms = verb_forms(norm("التقى"), "لتقي")
    for form in ("التقي", "التقت", "التقيا", "التقوا", "التقاه", "يلتقي", "يلتقيان", "تلتقي"):
        assert norm(form) in forms, form
    assert "التقىت" not in forms


def test_verbal_nouns_take_article_possessives_and_tanwin() -> None:
    forms = noun_forms(norm("زيارة"))
    for form in ("زيارة", "الزيارة", "زيارته", "زيارتها", "زيارتهم"):
        assert norm(form) in forms, form
    assert norm("اتصالا") in noun_forms(norm("اتصال"))


def test_loose_ignores_article_and_accusative_alef() -> None:
    assert loose(norm("الدعوة")) == loose(norm("دعوة"))
    assert loose(norm("هاتفيا")) == loose(norm("الهاتفي"))


@given(st.sampled_from(["بحث", "ناقش", "استقبل", "وقع", "قصف", "هدد"]))
def test_every_generated_form_contains_the_stem(stem: str) -> None:
    for form in verb_forms(stem, stem if not stem.startswith("است") else stem[2:]):
        assert stem[-2:] in form or stem[1:] in form


def test_circumstantial_participles_of_derived_verbs_only() -> None:
    from khabar.core.events.morphology import participle_forms
    from khabar.core.text.normalize import norm

    assert participle_forms(norm("اتهم"), norm("تهم")) == {norm("متهما"), norm("متهمة")}
    assert norm("مطالبا") in participle_forms(norm("طالب"), norm("طالب"))
    assert participle_forms(norm("هدد"), norm("هدد")) >= {norm("مهددا")}  # form II, doubled letter
    assert participle_forms(norm("بحث"), norm("بحث")) == set()  # form I: باحث, not مبحث
    # Forms that are everyday words are left out: مستقبلا (in future) of استقبل.
    assert norm("مستقبلا") not in participle_forms(norm("استقبل"), norm("ستقبل"))


def test_verbal_nouns_are_listed_as_decided_forms() -> None:
    from khabar.core.events.table import coding_table

    entries = coding_table().forms[norm("استدعاء")]
    assert any(e.aspect is Aspect.DECIDED and e.family.id == "sanction.recall" for e in entries)
