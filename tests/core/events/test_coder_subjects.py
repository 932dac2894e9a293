"""Fourth round of unseen-news fixes: a clause's own subject (an untagged noun, settlers, a
"كل من" list) and the counterpart taken from the right phrase. Long sentences (25-45 words,
asides between commas, full names and titles) written for these tests."""

from __future__ import annotations

from tests.core.events.event_fixtures import article, names, only

from khabar.core.events import code_events

_PALESTINE = [
    ("محمد مصطفى", "PERSON", {"country": "PSE"}),
    ("نابلس", "LOC", {"country": "PSE"}),
    ("الضفة الغربية", "LOC", {"country": "PSE"}),
]
_LEBANON = [
    ("جوزاف عون", "PERSON", {"country": "LBN"}),
    ("الكونغرس الأمريكي", "ORG", {"country": "USA"}),
    ("النبطية", "LOC", {"country": "LBN"}),
    ("لبنان", "LOC", {"country": "LBN"}),
]


def test_settlers_in_a_palestinian_story_are_israeli_civilians() -> None:
    body = (
        "قال رئيس الوزراء الفلسطيني محمد مصطفى، في بيان صدر عن مكتبه اليوم الثلاثاء، إن الاحتلال "
        "يصعد عدوانه على شعبنا. وهاجم مستعمرون منازل المواطنين في قرية بيتا جنوب نابلس شمال الضفة "
        "الغربية فجر اليوم، وأحرقوا عددا من المركبات والمحاصيل، وفق ما أفادت به مصادر محلية."
    )
    ev = only([e for e in code_events(article(body, _PALESTINE)) if e.type == "ASSAULT"])
    actor = ev.actors[0]
    assert (actor.name, actor.country, actor.sector) == ("مستعمرون", "ISR", None)
    assert ev.recipients[0].country == "PSE"


def test_whom_the_settlers_came_escorted_by_is_not_their_target() -> None:
    body = (
        "وهاجم مستوطنون، تحت حماية قوات الاحتلال، منازل المواطنين في قرية بيتا جنوب نابلس شمال "
        "الضفة الغربية، وأحرقوا عددا من المركبات، بحسب ما أفاد به رئيس الوزراء محمد مصطفى في "
        "بيان صدر عن مكتبه."
    )
    ev = only([e for e in code_events(article(body, _PALESTINE)) if e.type == "ASSAULT"])
    assert ev.actors[0].country == "ISR" and ev.recipients[0].country == "PSE"


def test_settlers_outside_an_israeli_palestinian_story_are_no_one() -> None:
    ents = [("نيو كاليدونيا", "LOC", {"country": "FRA"}), ("إيمانويل ماكرون", "PERSON", {"country": "FRA"})]
    body = (
        "قال الرئيس الفرنسي إيمانويل ماكرون، في كلمة متلفزة مساء اليوم، إن الوضع تحت السيطرة. "
        "وهاجم مستوطنون منازل السكان الأصليين في أرخبيل نيو كاليدونيا خلال الليل، وأحرقوا عددا من "
        "المركبات، بحسب ما أفادت به السلطات المحلية في بيان مقتضب."
    )
    assert not [e for e in code_events(article(body, ents)) if e.type == "ASSAULT"]


def test_a_drone_of_no_stated_nationality_is_no_actor_not_the_story_president() -> None:
    body = (
        "استقبل الرئيس اللبناني جوزاف عون، اليوم الاثنين في قصر بعبدا، وفدا من الكونغرس الأمريكي "
        "وبحث معه الأوضاع. واستهدفت مسيرة سيارة في بلدة كفررمان بقضاء النبطية جنوب لبنان بعد ظهر "
        "اليوم، ما أدى إلى مقتل شخصين كانا بداخلها، بحسب ما أفادت وزارة الصحة اللبنانية."
    )
    assert not [e for e in code_events(article(body, _LEBANON)) if e.type == "ASSAULT"]


def test_a_title_in_the_subject_slot_leaves_the_named_subject() -> None:
    ents = [("خالد حفتر", "PERSON", {"country": "LBY"}), ("يونس بك يفكوروف", "PERSON", {"country": "RUS"})]
    body = (
        "بحث رئيس أركان الوحدات الأمنية الليبية، الفريق الركن خالد حفتر، مع نائب وزير الدفاع "
        "الروسي، يونس بك يفكوروف، في موسكو، اليوم الخميس، آفاق تعزيز التعاون الثنائي في المجالين "
        "العسكري والأمني."
    )
    ev = only(code_events(article(body, ents)))
    assert names(ev.actors) == ["خالد حفتر"] and names(ev.recipients) == ["يونس بك يفكوروف"]


def test_a_list_after_kull_min_is_one_side_and_the_act_names_the_target() -> None:
    ents = [
        ("قطر", "LOC", {"country": "QAT"}),
        ("السعودية", "LOC", {"country": "SAU"}),
        ("تركيا", "LOC", {"country": "TUR"}),
        ("دمشق", "LOC", {"country": "SYR"}),
    ]
    body = (
        "أدانت كل من قطر والسعودية وتركيا، في بيانات منفصلة صدرت اليوم الأحد، الغارات الإسرائيلية "
        "التي استهدفت مواقع في محيط العاصمة السورية دمشق، معتبرة إياها انتهاكا صارخا للقانون الدولي "
        "وتهديدا لاستقرار المنطقة."
    )
    ev = only([e for e in code_events(article(body, ents)) if e.type == "ACCUSE"])
    assert names(ev.actors) == ["قطر", "السعودية", "تركيا"]
    assert [a.country for a in ev.recipients] == ["ISR"]


def test_a_noun_complement_is_not_the_criticised_party() -> None:
    ents = [
        ("أحمد عطاف", "PERSON", {"country": "DZA"}),
        ("الجزائر", "LOC", {"country": "DZA"}),
        ("فرنسا", "LOC", {"country": "FRA"}),
    ]
    body = (
        "وانتقد وزير الخارجية الجزائري أحمد عطاف، خلال ندوة صحفية اليوم الخميس، اللوبي المعادي "
        "للجزائر في فرنسا، مؤكدا أن العلاقات بين البلدين تمر بمرحلة صعبة منذ أشهر."
    )
    assert not [e for e in code_events(article(body, ents)) if "DZA" in [r.country for r in e.recipients]]


def test_a_possessor_inside_the_requested_act_is_not_the_addressee() -> None:
    ents = [
        ("أحمد أبو الغيط", "PERSON", {"country": "EGY"}),
        ("القاهرة", "LOC", {"country": "EGY"}),
        ("العراق", "LOC", {"country": "IRQ"}),
    ]
    body = (
        "وطالب الأمين العام لجامعة الدول العربية أحمد أبو الغيط، في كلمة ألقاها أمام الاجتماع "
        "الوزاري في القاهرة اليوم، باحترام سيادة العراق ووحدة أراضيه وعدم التدخل في شؤونه الداخلية."
    )
    assert not [e for e in code_events(article(body, ents)) if e.type == "REQUEST"]


def test_the_owner_of_what_is_praised_stays_the_counterpart() -> None:
    ents = [("أحمد أبو الغيط", "PERSON", {"country": "EGY"}), ("العراق", "LOC", {"country": "IRQ"})]
    body = (
        "وأشاد الأمين العام لجامعة الدول العربية أحمد أبو الغيط، في كلمة ألقاها أمام الاجتماع "
        "الوزاري اليوم، بدور العراق في استضافة القمة العربية وتقريب وجهات النظر بين الدول الأعضاء."
    )
    ev = only([e for e in code_events(article(body, ents)) if e.type == "SUPPORT"])
    assert [r.country for r in ev.recipients] == ["IRQ"]


def test_the_subject_of_a_clause_after_muhadhiran_min_anna_is_not_warned() -> None:
    ents = [
        ("ماو نينغ", "PERSON", {"country": "CHN"}),
        ("بكين", "LOC", {"country": "CHN"}),
        ("الولايات المتحدة", "LOC", {"country": "USA"}),
    ]
    body = (
        "وحذرت المتحدثة باسم الخارجية الصينية ماو نينغ، في مؤتمر صحفي دوري في بكين اليوم الجمعة، "
        "الولايات المتحدة من مغبة التصعيد، محذرة من أن بكين ستتخذ إجراءات حازمة للدفاع عن مصالحها."
    )
    ev = only(code_events(article(body, ents)))
    assert (ev.type, [r.country for r in ev.recipients]) == ("THREATEN", ["USA"])


def test_an_act_noun_with_a_nationality_is_the_actor_of_its_relative_clause() -> None:
    ents = [
        ("وزارة الخارجية الأردنية", "ORG", {"country": "JOR"}),
        ("دمشق", "LOC", {"country": "SYR"}),
    ]
    body = (
        "وأدانت وزارة الخارجية الأردنية، في بيان صدر عنها اليوم السبت، العدوان الإسرائيلي الذي "
        "استهدف مواقع عسكرية للجيش السوري في دمشق وريفها، وأسفر عن سقوط عدد من القتلى والجرحى، "
        "مطالبة المجتمع الدولي بتحمل مسؤولياته."
    )
    events = code_events(article(body, ents))
    condemn = only([e for e in events if e.type == "ACCUSE"])
    assert [r.country for r in condemn.recipients] == ["ISR"]
    assault = only([e for e in events if e.type == "ASSAULT"])
    assert [a.country for a in assault.actors] == ["ISR"] and [r.country for r in assault.recipients] == [
        "SYR"
    ]
