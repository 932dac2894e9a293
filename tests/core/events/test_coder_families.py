"""The trigger families added for wire news (table 2026-11-24): one realistic sentence each, written
for these tests, with the type, CAMEO code and both participants checked; then the uses of the
same words that are no event."""

from datetime import UTC, datetime

import pytest

from khabar.core.events import code_events
from khabar.core.models import Actor

from .event_fixtures import article, names, only

TUESDAY = datetime(2025, 10, 14, 12, 0, tzinfo=UTC)


def countries(actors: list[Actor]) -> list[str | None]:
    return [a.country for a in actors]


# -- verbal cooperation ---------------------------------------------------------------------------


def test_a_call_received_from_someone_is_their_phone_consultation() -> None:
    body = "تلقى الرئيس عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون، تناول الأوضاع."
    ents = [
        ("عبد الفتاح السيسي", "PERSON", {"country": "EGY"}),
        ("إيمانويل ماكرون", "PERSON", {"country": "FRA"}),
    ]
    ev = only(code_events(article(body, ents, TUESDAY)))
    assert (ev.type, ev.mode, ev.cameo) == ("CONSULT", "phone", "041")
    assert names(ev.actors) == ["إيمانويل ماكرون"] and names(ev.recipients) == ["عبد الفتاح السيسي"]


def test_summoning_a_foreign_ambassador_is_an_official_complaint() -> None:
    body = (
        "استدعت وزارة الخارجية الإيرانية، الثلاثاء، السفير البريطاني لدى طهران هوغو شورتر احتجاجا "
        "على تصريحات وزير الخارجية البريطاني."
    )
    ents = [
        ("وزارة الخارجية الإيرانية", "ORG", {"country": "IRN"}),
        ("طهران", "LOC", {"country": "IRN"}),
        ("هوغو شورتر", "PERSON", {"country": "GBR"}),
    ]
    ev = only(code_events(article(body, ents, TUESDAY)))
    assert (ev.type, ev.mode, ev.cameo, ev.quad_class, ev.goldstein) == (
        "ACCUSE",
        "disapprove",
        "114",
        3,
        -2.0,
    )
    assert names(ev.actors) == ["وزارة الخارجية الإيرانية"] and countries(ev.actors) == ["IRN"]
    assert names(ev.recipients) == ["هوغو شورتر"] and countries(ev.recipients) == ["GBR"]


def test_summoning_an_unnamed_ambassador_addresses_his_state() -> None:
    body = "واستدعت الخارجية الجزائرية القائم بالأعمال الفرنسي بعد إعلان باريس طرد دبلوماسيين."
    ev = only(code_events(article(body, [("الخارجية الجزائرية", "ORG", {"country": "DZA"})])))
    assert (ev.type, ev.cameo) == ("ACCUSE", "114")
    assert countries(ev.actors) == ["DZA"]


def test_recalling_ones_own_ambassador_reduces_relations() -> None:
    body = "استدعت الجزائر سفيرها في باريس للتشاور بعد الموقف الفرنسي من قضية الصحراء."
    ents = [("الجزائر", "LOC", {"country": "DZA"}), ("باريس", "LOC", {"country": "FRA"})]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.mode, ev.cameo, ev.goldstein) == ("SANCTION", "withdraw", "161", -4.0)
    assert countries(ev.actors) == ["DZA"] and countries(ev.recipients) == ["FRA"]


def test_welcoming_an_agreement_is_support_without_a_named_recipient() -> None:
    body = "ورحب الأمين العام للأمم المتحدة أنطونيو غوتيريش بالاتفاق، ودعا جميع الأطراف إلى الالتزام به."
    ents = [("الأمم المتحدة", "ORG"), ("أنطونيو غوتيريش", "PERSON")]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo, ev.goldstein, ev.quad_class) == ("SUPPORT", "051", 3.4, 1)
    assert names(ev.actors) == ["أنطونيو غوتيريش"] and ev.recipients == []


def test_welcoming_a_named_party_and_the_expression_form() -> None:
    body = "رحب رئيس الوزراء القطري محمد بن عبدالرحمن آل ثاني بالرئيس اللبناني جوزاف عون في الدوحة."
    ents = [("محمد بن عبدالرحمن آل ثاني", "PERSON"), ("جوزاف عون", "PERSON"), ("الدوحة", "LOC")]
    ev = only(code_events(article(body, ents)))
    assert ev.type == "SUPPORT" and names(ev.recipients) == ["جوزاف عون"]
    assert countries(ev.actors) == ["QAT"] and countries(ev.recipients) == ["LBN"]
    body = "وأعربت وزارة الخارجية السعودية عن ترحيبها بإعلان وقف إطلاق النار في قطاع غزة."
    ev = only(code_events(article(body, [("وزارة الخارجية السعودية", "ORG", {"country": "SAU"})])))
    assert (ev.type, ev.cameo) == ("SUPPORT", "051") and countries(ev.actors) == ["SAU"]


def test_recognizing_a_state() -> None:
    body = "واعترفت فرنسا رسميا بدولة فلسطين خلال اجتماع الجمعية العامة في نيويورك."
    ents = [("فرنسا", "LOC"), ("فلسطين", "LOC"), ("نيويورك", "LOC")]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo, ev.goldstein) == ("SUPPORT", "054", 6.0)
    assert countries(ev.actors) == ["FRA"] and countries(ev.recipients) == ["PSE"]


def test_condolences_in_verb_and_expression_forms() -> None:
    body = "عزى الرئيس المصري عبد الفتاح السيسي نظيره التركي رجب طيب أردوغان في ضحايا الزلزال."
    ents = [("عبد الفتاح السيسي", "PERSON"), ("رجب طيب أردوغان", "PERSON")]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo, ev.goldstein) == ("SUPPORT", "018", 3.4)
    assert names(ev.actors) == ["عبد الفتاح السيسي"] and names(ev.recipients) == ["رجب طيب أردوغان"]
    body = "وقدم أمير الكويت التعازي إلى الملك سلمان بن عبد العزيز في وفاة الأمير."
    ev = only(code_events(article(body, [("الكويت", "LOC"), ("سلمان بن عبد العزيز", "PERSON")])))
    assert ev.cameo == "018" and names(ev.recipients) == ["سلمان بن عبد العزيز"]


def test_negotiation_and_mediation() -> None:
    body = "وأجرى وفد إسرائيلي مفاوضات غير مباشرة مع حركة حماس في شرم الشيخ."
    ents = [("حركة حماس", "ORG"), ("شرم الشيخ", "LOC", {"country": "EGY"})]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo, ev.goldstein) == ("CONSULT", "046", 7.0)
    assert countries(ev.actors) == ["ISR"] and names(ev.recipients) == ["حركة حماس"]
    body = "وتوسطت قطر بين الولايات المتحدة وحركة طالبان لإطلاق سراح المحتجزين."
    ents = [("قطر", "LOC"), ("الولايات المتحدة", "LOC"), ("حركة طالبان", "ORG")]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo, ev.goldstein) == ("CONSULT", "045", 5.0)
    # Both sides mediated between are recipients (coordinated with و).
    assert countries(ev.actors) == ["QAT"] and names(ev.recipients) == ["الولايات المتحدة", "حركة طالبان"]


def test_agreement_announced_with_its_parties_between_tawassul_and_the_object() -> None:
    body = (
        "أعلن الرئيس الأمريكي دونالد ترامب توصل إسرائيل وحركة حماس إلى اتفاق على المرحلة الأولى "
        "من خطته لإنهاء الحرب."
    )
    ents = [("دونالد ترامب", "PERSON"), ("إسرائيل", "LOC"), ("حركة حماس", "ORG")]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo) == ("AGREE", "030")
    assert names(ev.actors) == ["إسرائيل"] and names(ev.recipients) == ["حركة حماس"]


def test_accepting_a_proposal_is_an_agreement() -> None:
    body = "ووافقت الحكومة السودانية على مقترح قدمه الاتحاد الأفريقي لوقف القتال."
    ev = only(code_events(article(body, [("الاتحاد الأفريقي", "ORG")])))
    assert (ev.type, ev.cameo) == ("AGREE", "030")
    assert countries(ev.actors) == ["SDN"] and names(ev.recipients) == ["الاتحاد الأفريقي"]


def test_support_verb_forms_and_expressed_support() -> None:
    body = "وتدعم الولايات المتحدة أوكرانيا في مواجهة الهجوم."
    ev = only(code_events(article(body, [("الولايات المتحدة", "LOC"), ("أوكرانيا", "LOC")])))
    assert (ev.type, ev.cameo) == ("SUPPORT", "051")
    assert countries(ev.actors) == ["USA"] and countries(ev.recipients) == ["UKR"]
    body = "وأعرب الملك عبد الله الثاني عن دعمه الكامل للرئيس الفلسطيني محمود عباس."
    ev = only(code_events(article(body, [("عبد الله الثاني", "PERSON"), ("محمود عباس", "PERSON")])))
    assert ev.type == "SUPPORT" and names(ev.recipients) == ["محمود عباس"]


# -- material cooperation ---------------------------------------------------------------------------


def test_a_loan_is_economic_aid_and_weapons_are_military_aid() -> None:
    body = "ومنح صندوق النقد الدولي مصر قرضا بقيمة ثلاثة مليارات دولار."
    ev = only(code_events(article(body, [("صندوق النقد الدولي", "ORG"), ("مصر", "LOC")])))
    assert (ev.type, ev.mode, ev.cameo, ev.goldstein) == ("AID", "economic", "071", 7.4)
    assert names(ev.actors) == ["صندوق النقد الدولي"] and countries(ev.recipients) == ["EGY"]
    body = "وزودت ألمانيا أوكرانيا بأنظمة دفاع جوي وصواريخ جديدة."
    ev = only(code_events(article(body, [("ألمانيا", "LOC"), ("أوكرانيا", "LOC")])))
    assert (ev.type, ev.mode, ev.cameo) == ("AID", "military", "072")
    assert countries(ev.actors) == ["DEU"] and countries(ev.recipients) == ["UKR"]


def test_declared_ceasefire_handed_over_hostages_and_withdrawal() -> None:
    body = "وأعلن الجيش الإسرائيلي وقف إطلاق النار مع حزب الله اعتبارا من صباح الأربعاء."
    ev = only(code_events(article(body, [("حزب الله", "ORG")])))
    assert (ev.type, ev.mode, ev.cameo, ev.goldstein, ev.quad_class) == (
        "RETREAT",
        "ceasefire",
        "0871",
        9.0,
        2,
    )
    assert countries(ev.actors) == ["ISR"] and names(ev.recipients) == ["حزب الله"]
    body = "وسلمت حركة حماس سبعة رهائن إلى اللجنة الدولية للصليب الأحمر في مدينة غزة."
    ents = [("حركة حماس", "ORG"), ("اللجنة الدولية للصليب الأحمر", "ORG"), ("غزة", "LOC")]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.mode, ev.cameo) == ("RETREAT", "release", "0841")
    assert names(ev.actors) == ["حركة حماس"] and names(ev.recipients) == ["اللجنة الدولية للصليب الأحمر"]
    body = "وانسحبت القوات الإسرائيلية من مواقع في جنوب لبنان."
    ev = only(code_events(article(body, [("لبنان", "LOC", {"country": "LBN"})])))
    assert (ev.type, ev.mode, ev.cameo) == ("RETREAT", "withdraw", "0874")
    assert countries(ev.actors) == ["ISR"] and countries(ev.recipients) == ["LBN"]


# -- conflict -----------------------------------------------------------------------------------------


def test_expressed_concern_about_a_place_addresses_its_state() -> None:
    body = (
        "أعربت وزارة الخارجية المصرية عن قلقها البالغ إزاء التصعيد في إقليم دارفور، "
        "وطالبت بوقف فوري لإطلاق النار."
    )
    ents = [("وزارة الخارجية المصرية", "ORG", {"country": "EGY"}), ("دارفور", "LOC", {"country": "SDN"})]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.mode, ev.cameo, ev.goldstein) == ("ACCUSE", "disapprove", "110", -2.0)
    assert countries(ev.actors) == ["EGY"] and countries(ev.recipients) == ["SDN"]


def test_expressed_condemnation_rejection_and_blame() -> None:
    body = "وعبرت الأردن عن إدانتها الشديدة لاقتحام إسرائيل المسجد الأقصى."
    ev = only(code_events(article(body, [("الأردن", "LOC"), ("إسرائيل", "LOC"), ("المسجد الأقصى", "LOC")])))
    assert (ev.type, ev.cameo) == ("ACCUSE", "111")
    assert countries(ev.actors) == ["JOR"] and countries(ev.recipients) == ["ISR"]
    body = "وحملت حركة حماس إسرائيل المسؤولية الكاملة عن حياة الأسرى."
    ev = only(code_events(article(body, [("حركة حماس", "ORG"), ("إسرائيل", "LOC")])))
    assert (ev.type, ev.cameo) == ("ACCUSE", "112") and countries(ev.recipients) == ["ISR"]
    body = "وأعربت الصين عن رفضها لقرار الولايات المتحدة رفع الرسوم الجمركية."
    ev = only(code_events(article(body, [("الصين", "LOC"), ("الولايات المتحدة", "LOC")])))
    assert (ev.type, ev.cameo) == ("REJECT", "120")
    assert countries(ev.actors) == ["CHN"] and countries(ev.recipients) == ["USA"]


def test_warning_a_named_party() -> None:
    body = "وحذر وزير الخارجية الإيراني عباس عراقجي الولايات المتحدة من أي مغامرة عسكرية."
    ev = only(code_events(article(body, [("عباس عراقجي", "PERSON"), ("الولايات المتحدة", "LOC")])))
    assert (ev.type, ev.cameo, ev.goldstein) == ("THREATEN", "130", -4.4)
    assert names(ev.actors) == ["عباس عراقجي"] and countries(ev.recipients) == ["USA"]


def test_blockade_border_closure_and_suspended_aid() -> None:
    body = "وأغلقت الجزائر مجالها الجوي أمام الطائرات المغربية."
    ev = only(code_events(article(body, [("الجزائر", "LOC")])))
    assert (ev.type, ev.mode, ev.cameo, ev.goldstein) == ("COERCE", "restrict", "191", -9.5)
    assert countries(ev.actors) == ["DZA"] and countries(ev.recipients) == ["MAR"]
    body = "وعلقت الولايات المتحدة مساعداتها العسكرية لأوكرانيا مؤقتا."
    ev = only(code_events(article(body, [("الولايات المتحدة", "LOC"), ("أوكرانيا", "LOC")])))
    assert (ev.type, ev.mode, ev.cameo, ev.goldstein) == ("SANCTION", "discontinue", "162", -5.6)
    assert countries(ev.actors) == ["USA"] and countries(ev.recipients) == ["UKR"]
    body = "وأغلقت كندا سفارتها في طهران وطردت الدبلوماسيين الإيرانيين."
    events = code_events(article(body, [("كندا", "LOC"), ("طهران", "LOC", {"country": "IRN"})]))
    closed = next(e for e in events if e.cameo == "161")
    assert countries(closed.actors) == ["CAN"] and countries(closed.recipients) == ["IRN"]


def test_storming_firing_rockets_and_capturing() -> None:
    body = "واقتحمت القوات الإسرائيلية مدينة جنين في الضفة الغربية فجر اليوم."
    ev = only(code_events(article(body, [("جنين", "LOC", {"country": "PSE"}), ("الضفة الغربية", "LOC")])))
    assert (ev.type, ev.cameo) == ("ASSAULT", "190") and countries(ev.actors) == ["ISR"]
    body = "وأطلق حزب الله صواريخ على مواقع في شمال إسرائيل."
    ev = only(code_events(article(body, [("حزب الله", "ORG"), ("إسرائيل", "LOC", {"country": "ISR"})])))
    assert ev.type == "ASSAULT" and countries(ev.recipients) == ["ISR"]
    body = "وأسرت قوات الدعم السريع ضابطا في الجيش السوداني قرب مدينة الفاشر."
    ev = only(code_events(article(body, [("قوات الدعم السريع", "ORG"), ("الفاشر", "LOC")])))
    assert (ev.type, ev.cameo) == ("ASSAULT", "181") and countries(ev.recipients) == ["SDN"]


# -- no event -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "ents"),
    [
        # negated
        ("ولم يرحب الرئيس الأمريكي دونالد ترامب بالمقترح الإيراني.", [("دونالد ترامب", "PERSON")]),
        ("ولم تستدع الخارجية المصرية السفير الإسرائيلي.", [("الخارجية المصرية", "ORG")]),
        # verbs of saying are no events, with or without a named listener
        (
            "وقال الرئيس الفرنسي إيمانويل ماكرون إن فرنسا مستعدة.",
            [("إيمانويل ماكرون", "PERSON"), ("فرنسا", "LOC")],
        ),
        (
            "وأكد أمير قطر تميم بن حمد على موقف بلاده أمام إيران.",
            [("تميم بن حمد", "PERSON"), ("إيران", "LOC")],
        ),
        (
            "وأعلن الرئيس التركي رجب طيب أردوغان أن روسيا شريك.",
            [("رجب طيب أردوغان", "PERSON"), ("روسيا", "LOC")],
        ),
        # علّق على = commented on
        (
            "وعلق وزير الخارجية الأمريكي ماركو روبيو على المساعدات لأوكرانيا.",
            [("ماركو روبيو", "PERSON"), ("أوكرانيا", "LOC")],
        ),
        # a warning about something, nobody warned
        (
            "وحذر الأمين العام أنطونيو غوتيريش من تداعيات التصعيد في لبنان.",
            [("أنطونيو غوتيريش", "PERSON"), ("لبنان", "LOC")],
        ),
        # يتوسط = lies in the middle of
        ("ويتوسط قصر الإليزيه حديقة واسعة في باريس.", [("قصر الإليزيه", "LOC"), ("باريس", "LOC")]),
        # expressed hope is no event
        (
            "وأعرب وزير الخارجية الروسي سيرغي لافروف عن أمله في تحسن العلاقات مع واشنطن.",
            [("سيرغي لافروف", "PERSON"), ("واشنطن", "LOC")],
        ),
    ],
)
def test_non_events(body: str, ents: list[tuple[str, str]]) -> None:
    assert code_events(article(body, ents)) == []


def test_a_withdrawal_asked_for_is_a_request_not_a_withdrawal() -> None:
    body = "ودعت الصومال إثيوبيا إلى سحب قواتها من أراضيها فورا."
    ev = only(code_events(article(body, [("الصومال", "LOC"), ("إثيوبيا", "LOC")])))
    assert ev.type == "REQUEST" and countries(ev.actors) == ["SOM"] and countries(ev.recipients) == ["ETH"]


def test_a_welcome_takes_no_recipient_from_the_next_clause() -> None:
    body = "ورحبت الحكومة السودانية بالبيان، وقالت وزارة الخارجية إنها مستعدة للتعاون."
    ev = only(code_events(article(body, [("وزارة الخارجية", "ORG")])))
    assert ev.type == "SUPPORT" and countries(ev.actors) == ["SDN"] and ev.recipients == []
