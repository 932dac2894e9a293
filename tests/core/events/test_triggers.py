import pytest

from khabar.core.events.table import coding_table
from khabar.core.events.triggers import deciding_verb, find_triggers
from khabar.core.text.tokens import tokenize


def families(sentence: str) -> list[str]:
    return [t.entry.family.id for t in find_triggers(tokenize(sentence), coding_table())]


@pytest.mark.parametrize(
    ("sentence", "family"),
    [
        ("بحث الوزير مع نظيره", "consult.discuss"),
        ("وبحثا العلاقات الثنائية", "consult.discuss"),
        ("يبحثان التعاون", "consult.discuss"),
        ("فالتقت الوزيرة بنظيرها", "consult.discuss"),
        ("سيلتقي الرئيس بنظيره", "consult.discuss"),
        ("واستقبلت الوزيرة السفير", "consult.host"),
        ("أجرى الرئيس مباحثات مع نظيره", "consult.discuss"),
        ("وجه الرئيس دعوة رسمية إلى نظيره", "agree.invite"),
        ("تلقى رئيس المجلس دعوة من الرئيس", "agree.invite_received"),
        ("وقّعت الحكومتان مذكرة تفاهم", "support.sign"),
        ("أدانت الوزارة الهجوم", "accuse.condemn"),
        ("قصفت الطائرات المدينة", "assault.attack"),
        ("شن الجيش غارات على المدينة", "assault.attack"),
        ("هدد الوزير بالرد", "threaten.threaten"),
        ("طلب الوزير من نظيره", "request.ask"),
    ],
)
def test_inflected_and_cliticized_triggers_hit_their_family(sentence: str, family: str) -> None:
    assert family in families(sentence)


def test_verb_plus_object_needs_the_object() -> None:
    assert families("وجه الرئيس انتقادات حادة") == []
    assert families("وقع الحادث أمس") == []


def test_invitation_takes_precedence_over_request_for_da3a() -> None:
    assert families("دعا الرئيس نظيره لزيارة موسكو") == ["agree.invite"]
    assert families("دعا الرئيس إلى وقف إطلاق النار") == ["request.ask"]


def test_future_and_purpose_prefixes_are_flagged() -> None:
    table = coding_table()
    future = find_triggers(tokenize("سيبحث الوزيران الملف"), table)[0]
    purpose = find_triggers(tokenize("وصل الوفد ليبحث الملف"), table)[0]
    assert future.future_prefix and not future.purpose_prefix
    assert purpose.purpose_prefix


def test_ministry_is_not_a_visit() -> None:
    assert families("ووزارة الخارجية أصدرت بيانا") == []


def test_multi_word_objects_match_with_possessives_and_clitics() -> None:
    assert families("أعربت الوزارة في بيان عن قلقها البالغ") == ["accuse.concern"]
    assert families("وأعلن الجيش وقفا لإطلاق النار") == ["retreat.ceasefire"]
    # أعلن alone, or with another object, is no trigger
    assert families("وأعلن الجيش إطلاق عملية جديدة") == []
    assert families("أعرب الوزير عن أمله في التوصل") == []


def test_a_stop_word_ends_the_object_search_and_object_words_are_no_verbs() -> None:
    assert families("علقت واشنطن مساعداتها") == ["sanction.discontinue"]
    assert families("علق الوزير على المساعدات") == []
    # رفضها is the object of أعرب here, not a second verb
    assert families("أعربت الصين عن رفضها") == ["reject.reject"]


def test_recalling_ones_own_ambassador_before_summoning_anothers() -> None:
    assert families("استدعت الجزائر سفيرها في باريس") == ["sanction.recall"]
    assert families("استدعت الخارجية السفير الفرنسي") == ["accuse.summon"]


def test_the_verb_of_deciding_of_a_verbal_noun() -> None:
    def at(sentence: str, names: set[int]) -> int | None:
        words = sentence.split()
        return deciding_verb(words, words.index("استدعاء"), frozenset(names))

    assert at("قررت تونس استدعاء سفيرها", {1}) == 0
    assert at("قررت تونس ، أمس الأحد ، استدعاء سفيرها", {1}) == 0  # a parenthetical between
    assert at("قررت أيضا استدعاء سفيرها", set()) == 0  # a dropped subject and أيضا
    assert at("أعلنت تونس رفضها استدعاء سفيرها", {1}) is None  # her refusal of it
    assert at("أعلنت تونس أن استدعاء سفيرها خطأ", {1}) is None  # speech
    assert at("بعد استدعاء سفيرها", set()) is None
