"""Sports stories code no political events from their match sentences (khabar.core.events.sport)."""

from khabar.core.events import code_events
from khabar.core.events.sport import is_sports_story, sports_terms
from khabar.core.text.normalize import norm

from .event_fixtures import article

MATCH = (
    "شن المنتخب المغربي هجوما مبكرا على مرمى المنتخب الجزائري في المباراة التي احتضنها ملعب الرباط، "
    "وسجل اللاعب يوسف النصيري هدفين في الشوط الأول. "
    "ويلتقي المغرب في ربع النهائي مع الفائز من مواجهة السنغال ومصر."
)
ENTITIES = [
    ("المغرب", "LOC", {"country": "MAR"}),
    ("السنغال", "LOC", {"country": "SEN"}),
    ("مصر", "LOC", {"country": "EGY"}),
    ("يوسف النصيري", "PERSON", {"country": "MAR"}),
]


def words(text: str) -> list[str]:
    return [norm(w) for w in text.split()]


def test_a_story_needs_several_distinct_sports_terms() -> None:
    assert is_sports_story(words(MATCH))
    # "بهدف" (aiming to) and "المنتخب" (elected) alone make no sports story.
    politics = "اجتمع البرلمان المنتخب بهدف إقرار الموازنة قبل نهاية العام"
    assert sports_terms(words(politics)) and not is_sports_story(words(politics))


def test_match_sentences_of_a_sports_story_code_nothing() -> None:
    assert code_events(article(MATCH, ENTITIES)) == []


def test_a_political_story_mentioning_a_match_keeps_its_events() -> None:
    body = (
        "استقبل الرئيس السنغالي باسيرو ديوماي فاي في دكار وزير الخارجية المغربي ناصر بوريطة، "
        "وذلك قبل المباراة التي تجمع منتخبي البلدين."
    )
    ents = [
        ("باسيرو ديوماي فاي", "PERSON", {"country": "SEN"}),
        ("ناصر بوريطة", "PERSON", {"country": "MAR"}),
        ("دكار", "LOC", {"country": "SEN"}),
    ]
    assert [e.type for e in code_events(article(body, ents))] == ["CONSULT"]
