"""The coder on hand-tagged Arabic news sentences (no tagger involved)."""

import datetime as dt
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.core.events import code_events
from khabar.core.models import DatePrecision, Entity, EntityType, TaggedArticle, TextField

from .event_fixtures import article, names, only

SUNDAY = datetime(2025, 6, 8, 12, 0, tzinfo=UTC)
TUESDAY = datetime(2025, 6, 10, 12, 0, tzinfo=UTC)


# -- CONSULT ------------------------------------------------------------------------------------


def test_vso_with_counterpart_after_ma3a_date_and_place() -> None:
    body = (
        "بحث وزير الخارجية المصري سامح شكري، اليوم الأحد، مع نظيره الأردني أيمن الصفدي في عمان "
        "سبل تعزيز العلاقات."
    )
    ev = only(
        code_events(
            article(body, [("سامح شكري", "PERSON"), ("أيمن الصفدي", "PERSON"), ("عمان", "LOC")], SUNDAY)
        )
    )
    assert ev.type == "CONSULT" and ev.cameo == "040" and ev.mode is None
    assert names(ev.actors) == ["سامح شكري"] and names(ev.recipients) == ["أيمن الصفدي"]
    assert ev.actors[0].country == "EGY" and ev.recipients[0].country == "JOR"
    assert ev.date == dt.date(2025, 6, 8) and ev.date_precision is DatePrecision.DAY
    assert ev.location is not None and ev.location.name == "عمان"


def test_amman_read_by_the_tagger_is_a_city_not_the_country_oman() -> None:
    body = (
        "استقبل العاهل الأردني الملك عبدالله الثاني، اليوم الأحد، في عمان وفدا من الكونغرس الأمريكي "
        "برئاسة السيناتور كريس مورفي، وأكد ضرورة وقف إطلاق النار في غزة."
    )
    amman = {"country": "JOR", "geonames_id": 250441}
    people = [("عبدالله الثاني", "PERSON"), ("كريس مورفي", "PERSON")]
    ev = only(code_events(article(body, [*people, ("عمان", "LOC", amman), ("غزة", "LOC")], SUNDAY)))
    # A city with a locative beats a later one; as Oman (a country) it ranked after غزة.
    assert ev.location is not None and ev.location.name == "عمان" and ev.location.country == "JOR"
    assert all(a.country != "OMN" for a in [*ev.actors, *ev.recipients])


def test_phone_call_mode_and_dual_verb_in_svo_headline_order() -> None:
    body = "الكوني وبوجدانوف يبحثان هاتفيا العلاقات الثنائية."
    ev = only(code_events(article(body, [("الكوني", "PERSON"), ("بوجدانوف", "PERSON")])))
    assert (ev.type, ev.mode, ev.cameo, ev.goldstein, ev.quad_class) == ("CONSULT", "phone", "041", 1.0, 1)
    assert {*names(ev.actors), *names(ev.recipients)} == {"الكوني", "بوجدانوف"}


def test_phone_mode_from_the_elaborating_next_sentence() -> None:
    body = (
        "بحث الرئيس التركي رجب طيب أردوغان، الثلاثاء، مع نظيره الروسي فلاديمير بوتين العلاقات الثنائية.\n"
        "ذلك في اتصال هاتفي، بحسب بيان صادر عن دائرة الاتصال بالرئاسة التركية."
    )
    ents = [
        ("رجب طيب أردوغان", "PERSON"),
        ("فلاديمير بوتين", "PERSON"),
        ("دائرة الاتصال بالرئاسة التركية", "ORG"),
    ]
    ev = only(code_events(article(body, ents, TUESDAY)))
    assert ev.mode == "phone" and ev.cameo == "041"
    assert names(ev.actors) == ["رجب طيب أردوغان"] and ev.actors[0].country == "TUR"
    assert ev.recipients[0].country == "RUS" and ev.date == dt.date(2025, 6, 10)


def test_istaqbala_host_is_recipient_visitor_is_actor() -> None:
    body = (
        "استقبل عضو المجلس الرئاسي، عبد الله اللافي، اليوم الإثنين بالعاصمة طرابلس، مسؤول ملف الشرق الأوسط "
        "بوزارة الخارجية الروسية، أليكساندر كينتشاك، الذي وصل إلى طرابلس على رأس وفد."
    )
    ents = [
        ("عبد الله اللافي", "PERSON"),
        ("أليكساندر كينتشاك", "PERSON"),
        ("المجلس الرئاسي", "ORG"),
        ("طرابلس", "LOC", {"geonames_id": 2210247, "country": "LBY"}),
        ("الشرق الأوسط", "LOC"),
        ("وزارة الخارجية الروسية", "ORG"),
    ]
    ev = only(code_events(article(body, ents, datetime(2025, 4, 28, tzinfo=UTC))))
    assert (ev.type, ev.mode, ev.cameo) == ("CONSULT", "visit", "043")
    assert names(ev.actors) == ["أليكساندر كينتشاك"] and names(ev.recipients) == ["عبد الله اللافي"]
    assert ev.actors[0].country == "RUS"
    assert ev.location is not None and ev.location.name == "طرابلس" and ev.location.geonames_id == 2210247
    assert ev.date == dt.date(2025, 4, 28)


def test_dropped_subject_of_a_verbal_noun_is_the_story_topic() -> None:
    body = (
        "تلقى رئيس المجلس الرئاسي، محمد المنفي، دعوة رسمية من الرئيس فلاديمير بوتين لحضور القمة.\n"
        "وجاء ذلك خلال لقائه، مساء اليوم الثلاثاء، بسفير روسيا لدى ليبيا، حيدر أغانين."
    )
    ents = [
        ("محمد المنفي", "PERSON"),
        ("فلاديمير بوتين", "PERSON"),
        ("حيدر أغانين", "PERSON"),
        ("روسيا", "LOC"),
        ("ليبيا", "LOC"),
        ("المجلس الرئاسي", "ORG"),
    ]
    events = code_events(article(body, ents, TUESDAY))
    consult = next(e for e in events if e.type == "CONSULT")
    assert names(consult.actors) == ["محمد المنفي"] and names(consult.recipients) == ["حيدر أغانين"]
    # "سفير روسيا لدى ليبيا": Russia's ambassador, posted to Libya.
    assert consult.recipients[0].country == "RUS"
    assert consult.date == dt.date(2025, 6, 10)
    invite = next(e for e in events if e.type == "AGREE")
    # The invitation sentence has no date of its own; the elaborating sentence gives it.
    assert invite.date == dt.date(2025, 6, 10)


def test_definite_verbal_noun_refers_back_and_both_sides_do_not_duplicate() -> None:
    body = (
        "بحث الوزير سامح شكري مع نظيره أيمن الصفدي العلاقات.\n"
        "وتناول اللقاء مستجدات المنطقة.\n"
        "كما ناقش الجانبان عددا من الملفات."
    )
    events = code_events(article(body, [("سامح شكري", "PERSON"), ("أيمن الصفدي", "PERSON")]))
    assert len(events) == 1 and events[0].type == "CONSULT"


def test_both_sides_agreeing_after_a_meeting_is_an_agreement_between_their_states() -> None:
    body = (
        "بحث وزير الخارجية المصري سامح شكري مع نظيره الأردني أيمن الصفدي العلاقات.\n"
        "واتفق الجانبان على تشكيل لجنة مشتركة."
    )
    events = code_events(article(body, [("سامح شكري", "PERSON"), ("أيمن الصفدي", "PERSON")]))
    agree = next(e for e in events if e.type == "AGREE")
    assert {a.country for a in agree.actors + agree.recipients} == {"EGY", "JOR"}
    assert all(a.type == "COUNTRY" for a in agree.actors + agree.recipients)


# -- AGREE / SUPPORT ------------------------------------------------------------------------------


def test_received_invitation_from_x_makes_x_the_actor() -> None:
    body = (
        "تسلم المجلس الرئاسي الليبي دعوة رسمية من العراق لحضور القمة العربية المقرر انعقادها بالعاصمة بغداد."
    )
    ents = [("المجلس الرئاسي الليبي", "ORG"), ("العراق", "LOC"), ("بغداد", "LOC")]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo, ev.goldstein) == ("AGREE", "036", 4.0)
    assert ev.actors[0].name == "العراق" and ev.actors[0].type == "COUNTRY" and ev.actors[0].country == "IRQ"
    assert names(ev.recipients) == ["المجلس الرئاسي الليبي"]
    # Baghdad is where the summit will be, not where the invitation happened.
    assert ev.location is None


def test_extended_invitation_counterpart_after_ila_despite_intervening_title() -> None:
    body = (
        "كما وجه بوغدانوف والذي يشغل منصب المبعوث الخاص للرئيس فلاديمير بوتين إلى الشرق الأوسط، "
        "الدعوة إلى عبد الهادي الحويج لزيارة روسيا."
    )
    ents = [
        ("بوغدانوف", "PERSON"),
        ("فلاديمير بوتين", "PERSON"),
        ("عبد الهادي الحويج", "PERSON"),
        ("الشرق الأوسط", "LOC"),
        ("روسيا", "LOC"),
    ]
    ev = only(code_events(article(body, ents)))
    assert ev.type == "AGREE"
    assert names(ev.actors) == ["بوغدانوف"] and names(ev.recipients) == ["عبد الهادي الحويج"]


def test_signing_an_mou_between_two_organizations() -> None:
    body = (
        "يذكر أن وقعت رابطة رجال الأعمال الروس واتحاد غرف التجارة في ليبيا مذكرة تفاهم، "
        "وذلك خلال فعاليات المنتدى في مدينة بنغازي."
    )
    ents = [
        ("رابطة رجال الأعمال الروس", "ORG"),
        ("اتحاد غرف التجارة", "ORG"),
        ("ليبيا", "LOC"),
        ("بنغازي", "LOC"),
    ]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo, ev.goldstein) == ("SUPPORT", "057", 8.0)
    assert names(ev.actors) == ["رابطة رجال الأعمال الروس"] and names(ev.recipients) == ["اتحاد غرف التجارة"]
    assert ev.actors[0].country == "RUS"
    assert ev.location is not None and ev.location.name == "بنغازي"


# -- conflict families -----------------------------------------------------------------------------


def test_drone_strike_target_state_from_the_place() -> None:
    body = "أوكرانيا تقصف مصفاة نفط بطائرات مسيرة في عمق روسيا."
    ev = only(code_events(article(body, [("أوكرانيا", "LOC"), ("روسيا", "LOC")])))
    assert (ev.type, ev.mode, ev.cameo, ev.quad_class) == ("ASSAULT", "drone", "195", 4)
    assert ev.actors[0].country == "UKR" and ev.recipients[0].country == "RUS"
    assert ev.goldstein is not None and ev.goldstein < -9


def test_accusation_with_a_named_target() -> None:
    body = "اتهم الرئيس التونسي قيس سعيد الاتحاد الأوروبي بالتدخل في الشؤون الداخلية."
    ev = only(code_events(article(body, [("قيس سعيد", "PERSON"), ("الاتحاد الأوروبي", "ORG")])))
    assert (ev.type, ev.cameo, ev.quad_class) == ("ACCUSE", "112", 3)
    assert ev.actors[0].country == "TUN" and names(ev.recipients) == ["الاتحاد الأوروبي"]


def test_condemnation_without_a_named_target_is_not_an_event() -> None:
    body = "وندد وزير الخارجية الإيراني عباس عراقجي بالعقوبات الجديدة."
    assert code_events(article(body, [("عباس عراقجي", "PERSON")])) == []


def test_an_organization_in_a_ranked_persons_title_is_no_participant() -> None:
    # "رئيس مجلس السيادة ... الفريق أول X": the council is X's title; X accuses, nobody is accused
    # by the council, and X is not the target.
    body = "واتهم رئيس مجلس السيادة الفريق أول عبد الفتاح البرهان قوات الدعم السريع بارتكاب جرائم."
    ents = [("مجلس السيادة", "ORG"), ("عبد الفتاح البرهان", "PERSON"), ("قوات الدعم السريع", "ORG")]
    ev = only(code_events(article(body, ents)))
    assert names(ev.actors) == ["عبد الفتاح البرهان"] and names(ev.recipients) == ["قوات الدعم السريع"]


def test_a_verb_and_its_object_noun_are_one_event_with_the_nouns_target() -> None:
    body = "وشنت طائرات أمريكية غارات على مواقع الحوثيين في محافظة الحديدة غربي اليمن."
    yem = {"country": "YEM"}
    ev = only(
        code_events(article(body, [("الحوثيين", "ORG", yem), ("الحديدة", "LOC", yem), ("اليمن", "LOC", yem)]))
    )
    assert ev.type == "ASSAULT" and ev.actors[0].country == "USA"
    assert names(ev.recipients) == ["الحوثيين"]


def test_summoning_ministry_is_the_actor_and_the_foreign_ambassador_the_recipient() -> None:
    body = (
        "استدعت وزارة الخارجية الإيرانية، الثلاثاء، السفير البريطاني لدى طهران هوغو شورتر، "
        "احتجاجا على تصريحات وزير الخارجية البريطاني ديفيد لامي."
    )
    ents = [
        ("وزارة الخارجية الإيرانية", "ORG", {"country": "IRN"}),
        ("هوغو شورتر", "PERSON", {"country": "GBR", "title": "السفير البريطاني لدى طهران"}),
        ("ديفيد لامي", "PERSON", {"country": "GBR"}),
    ]
    ev = only(code_events(article(body, ents, TUESDAY)))
    assert (ev.type, ev.cameo) == ("ACCUSE", "114")
    assert names(ev.actors) == ["وزارة الخارجية الإيرانية"] and ev.actors[0].country == "IRN"
    assert names(ev.recipients) == ["هوغو شورتر"] and ev.recipients[0].country == "GBR"


def test_a_contrastive_clause_brings_its_own_subject() -> None:
    body = "واتهم المدرب جوزيه جوميز الحكم بالتحيز، بينما أشاد المدرب مارسيل كولر بأداء لاعبيه."
    ents = [("جوزيه جوميز", "PERSON"), ("مارسيل كولر", "PERSON")]
    # Koller praised his players, nobody praised Koller.
    assert [e for e in code_events(article(body, ents)) if e.type == "SUPPORT"] == []


def test_a_body_of_people_right_after_a_name_is_the_object_not_a_title() -> None:
    body = "وطالبت وزيرة الخارجية الألمانية أنالينا بيربوك السلطات السورية بضمان حقوق المرأة."
    ev = only(code_events(article(body, [("أنالينا بيربوك", "PERSON", {"country": "DEU"})])))
    assert ev.type == "REQUEST" and names(ev.actors) == ["أنالينا بيربوك"]
    assert [(a.name, a.country) for a in ev.recipients] == [("السلطات السورية", "SYR")]


def test_a_bare_capital_stands_for_its_government_but_not_as_a_place_or_dateline() -> None:
    kyiv = {"country": "UKR", "geonames_id": 703448, "lat": 50.4547, "lon": 30.5238}
    kremlin = ("الكرملين", "ORG", {"country": "RUS", "sector": "GOV"})
    ev = only(code_events(article("اتهم الكرملين كييف بعرقلة المفاوضات.", [kremlin, ("كييف", "LOC", kyiv)])))
    assert ev.type == "ACCUSE" and [(a.name, a.country) for a in ev.recipients] == [("كييف", "UKR")]
    # "وفي بكين،": a place, the و glued to the preposition notwithstanding.
    beijing = {"country": "CHN", "geonames_id": 1816670, "lat": 39.9075, "lon": 116.39723}
    body = "وفي بكين، انتقد المتحدث لين جيان العقوبات."
    ents = [("بكين", "LOC", beijing), ("لين جيان", "PERSON", {"country": "CHN"})]
    assert code_events(article(body, ents)) == []
    # After a place noun with its nationality, the capital is where things happen.
    body = "وصل الرئيس إلى العاصمة الأوكرانية كييف، واتهم الكرملين بعرقلة المفاوضات."
    assert all(
        a.name != "كييف"
        for e in code_events(article(body, [kremlin, ("كييف", "LOC", kyiv)]))
        for a in e.recipients
    )


def test_a_verbal_noun_after_a_verb_of_saying_is_no_event() -> None:
    body = "وكان الملك قد التقى الرئيس دونالد ترامب، وأكد له رفض الأردن تهجير الفلسطينيين."
    ents = [("دونالد ترامب", "PERSON", {"country": "USA"}), ("الأردن", "LOC", {"country": "JOR"})]
    assert all(e.type != "REJECT" for e in code_events(article(body, ents)))


def test_a_foreign_ministry_named_by_its_nationality_acts_for_its_state() -> None:
    body = "وأدانت الخارجية الأردنية أمس اقتحام المسجد الأقصى، محملة إسرائيل المسؤولية."
    ev = only(code_events(article(body, [("إسرائيل", "LOC", {"country": "ISR"})], TUESDAY)))
    assert ev.type == "ACCUSE" and ev.actors[0].country == "JOR" and ev.recipients[0].country == "ISR"


def test_a_lone_title_is_the_storys_one_holder_of_it() -> None:
    body = (
        "استقبل العاهل الأردني الملك عبد الله الثاني الرئيس الفلسطيني محمود عباس في عمان. "
        "وكان الملك قد التقى الأسبوع الماضي في واشنطن الرئيس الأمريكي دونالد ترامب."
    )
    ents = [
        ("عبد الله الثاني", "PERSON", {"country": "JOR", "title": "العاهل الأردني الملك"}),
        ("محمود عباس", "PERSON", {"country": "PSE", "title": "الرئيس الفلسطيني"}),
        ("دونالد ترامب", "PERSON", {"country": "USA", "title": "الرئيس الأمريكي"}),
    ]
    met = [e for e in code_events(article(body, ents)) if e.type == "CONSULT" and e.cameo == "040"]
    assert [(names(e.actors), names(e.recipients)) for e in met] == [(["عبد الله الثاني"], ["دونالد ترامب"])]


def test_a_circumstantial_participle_is_the_subjects_statement() -> None:
    body = "وأعلنت وزارة الخارجية المغربية رفضها للتصريحات، متهمة الجزائر برعاية الإرهاب."
    ents = [("وزارة الخارجية المغربية", "ORG", {"country": "MAR"}), ("الجزائر", "LOC", {"country": "DZA"})]
    ev = only([e for e in code_events(article(body, ents)) if e.type == "ACCUSE"])
    assert names(ev.actors) == ["وزارة الخارجية المغربية"] and ev.recipients[0].country == "DZA"
    # A name after a preposition is no subject, and one after a preposition no object.
    body = (
        "وكان قد توعد بعد الهجمات على الولايات المتحدة بالتصعيد، "
        "متهما دولا عربية بالمشاركة في العدوان على لبنان."
    )
    ents = [("الولايات المتحدة", "LOC", {"country": "USA"}), ("لبنان", "LOC", {"country": "LBN"})]
    assert [e for e in code_events(article(body, ents)) if e.type == "ACCUSE"] == []


def test_each_clause_of_a_two_story_headline_has_its_own_subject() -> None:
    title = "فيدان يزور بغداد - والخارجية العراقية تستدعي القائم بالأعمال التركي"
    ents = [("فيدان", "PERSON", {"country": "TUR"}), ("بغداد", "LOC", {"country": "IRQ"})]
    events = code_events(article("نص قصير عن الزيارة.", ents, title=title))
    summon = only([e for e in events if e.type == "ACCUSE"])
    assert [(a.name, a.country) for a in summon.actors] == [("الخارجية العراقية", "IRQ")]
    assert summon.recipients[0].country == "TUR"


def test_the_two_leaders_are_the_previous_events_sides() -> None:
    body = "التقى الرئيس دونالد ترامب الرئيس شي جين بينغ في بكين. واتفق الزعيمان على خفض الرسوم الجمركية."
    ents = [("دونالد ترامب", "PERSON", {"country": "USA"}), ("شي جين بينغ", "PERSON", {"country": "CHN"})]
    agree = only([e for e in code_events(article(body, ents)) if e.type == "AGREE"])
    assert {a.country for a in [*agree.actors, *agree.recipients]} == {"USA", "CHN"}


def test_people_named_by_their_nationality_are_their_states_side() -> None:
    body = "وطردت الجزائر اثني عشر دبلوماسيا فرنسيا ردا على القرار."
    ev = only(code_events(article(body, [("الجزائر", "LOC", {"country": "DZA"})])))
    assert ev.type == "SANCTION" and ev.recipients[0].country == "FRA"
    body = "وأفرجت إسرائيل عن 90 أسيرا فلسطينيا ضمن الصفقة."
    ev = only(code_events(article(body, [("إسرائيل", "LOC", {"country": "ISR"})])))
    assert ev.recipients[0].country == "PSE" and ev.recipients[0].sector is None  # citizens


def test_a_verb_after_another_triggers_preposition_is_its_noun() -> None:
    body = "التقى أيمن الصفدي بدر عبد العاطي. واتفق الوزيران على عقد اجتماع تشاوري الشهر المقبل."
    ents = [("أيمن الصفدي", "PERSON", {"country": "JOR"}), ("بدر عبد العاطي", "PERSON", {"country": "EGY"})]
    second = [e for e in code_events(article(body, ents)) if "واتفق" in e.evidence.text]
    assert [e.type for e in second] == ["AGREE"]  # no CONSULT for "عقد"


def test_two_named_presidents_are_no_back_reference() -> None:
    body = "وأجرى الوفد الأممي برئاسة تيري رود لارسن محادثات مع الرئيسين نبيه بري وفؤاد السنيورة."
    ents = [("تيري رود لارسن", "PERSON"), ("نبيه بري", "PERSON"), ("فؤاد السنيورة", "PERSON")]
    ev = only(code_events(article(body, ents)))
    assert "نبيه بري" in names(ev.recipients)


def test_listed_participles_negation_before_the_comma_and_a_long_titled_subject() -> None:
    body = "وقال الرئيس الإيراني مسعود بزشكيان إن بلاده لن تتراجع، محذرا إسرائيل من أي هجوم جديد."
    ents = [("مسعود بزشكيان", "PERSON", {"country": "IRN"}), ("إسرائيل", "LOC", {"country": "ISR"})]
    ev = only([e for e in code_events(article(body, ents)) if e.trigger == "محذرا"])
    assert ev.type == "THREATEN" and ev.recipients[0].country == "ISR"  # "لن" qualifies تتراجع only
    body = "وأكد الأمين العام للأمم المتحدة أنطونيو غوتيريش ضرورة التهدئة، داعيا إسرائيل إلى وقف العمليات."
    ents = [("الأمم المتحدة", "ORG"), ("أنطونيو غوتيريش", "PERSON"), ("إسرائيل", "LOC", {"country": "ISR"})]
    ev = only([e for e in code_events(article(body, ents)) if e.trigger == "داعيا"])
    assert ev.type == "REQUEST" and names(ev.actors) == ["أنطونيو غوتيريش"]


def test_a_participle_with_a_pronoun_object_names_no_recipient() -> None:
    body = "وقطعت الحكومة السودانية علاقاتها مع الإمارات، متهمة إياها بتزويد قوات الدعم السريع بالسلاح."
    ents = [("الإمارات", "LOC", {"country": "ARE"}), ("قوات الدعم السريع", "ORG", {"country": "SDN"})]
    assert [e for e in code_events(article(body, ents)) if e.trigger == "متهمة"] == []


def test_a_verb_with_its_object_reaches_the_counterpart_after_the_object() -> None:
    body = (
        "قال الوزير سكوت بيسنت إن المحادثات مستمرة. "
        "وكان وزير الخارجية الأمريكي ماركو روبيو قد أجرى اتصالا هاتفيا مع نظيره الصيني وانغ يي."
    )
    ents = [
        ("سكوت بيسنت", "PERSON", {"country": "USA"}),
        ("ماركو روبيو", "PERSON", {"country": "USA"}),
        ("وانغ يي", "PERSON", {"country": "CHN"}),
    ]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.mode) == ("CONSULT", "phone")
    assert names(ev.actors) == ["ماركو روبيو"] and names(ev.recipients) == ["وانغ يي"]


def test_an_untitled_office_is_its_holder_unless_a_verb_separates_the_next_name() -> None:
    body = (
        "وصل رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة إلى موسكو. "
        "يذكر أن رئيس حكومة الوحدة الوطنية، أجرى مباحثات مع وزير الدفاع الروسي سيرجي شويجو."
    )
    ents = [
        ("حكومة الوحدة الوطنية", "ORG", {"country": "LBY"}),
        ("عبد الحميد الدبيبة", "PERSON", {"country": "LBY", "title": "رئيس حكومة الوحدة الوطنية"}),
        ("سيرجي شويجو", "PERSON", {"country": "RUS"}),
    ]
    talks = [
        e for e in code_events(article(body, ents)) if e.type == "CONSULT" and "شويجو" in e.evidence.text
    ]
    assert [names(e.actors) for e in talks] == [["عبد الحميد الدبيبة"]]


def test_a_headline_only_event_takes_the_leads_date() -> None:
    title = "الجزائر تطرد 12 دبلوماسيا فرنسيا"
    body = "أعلنت وزارة الخارجية الجزائرية، اليوم الثلاثاء، أن الأزمة مع فرنسا تتفاقم."
    ents = [("الجزائر", "LOC", {"country": "DZA"}), ("باريس", "LOC", {"country": "FRA"})]
    headline = [
        e for e in code_events(article(body, ents, TUESDAY, title=title)) if e.evidence.field == "title"
    ]
    assert headline and all(e.date == dt.date(2025, 6, 10) for e in headline)


def test_coordinated_participants_are_all_kept() -> None:
    body = "واتهمت الجزائر مالي والنيجر وبوركينا فاسو بانتهاك مجالها الجوي."
    ents = [("الجزائر", "LOC", {"country": "DZA"}), ("مالي", "LOC", {"country": "MLI"})]
    ents += [("النيجر", "LOC", {"country": "NER"}), ("بوركينا فاسو", "LOC", {"country": "BFA"})]
    ev = only(code_events(article(body, ents)))
    assert [a.country for a in ev.recipients] == ["MLI", "NER", "BFA"]
    # A comma list counts when a و closes it; a name after other words does not.
    body = "واستدعت الخارجية الإيرانية سفراء ألمانيا، فرنسا، وبريطانيا احتجاجا على بيان إسرائيل."
    ents = [
        (n, "LOC", {"country": c}) for n, c in (("ألمانيا", "DEU"), ("فرنسا", "FRA"), ("بريطانيا", "GBR"))
    ]
    ents.append(("إسرائيل", "LOC", {"country": "ISR"}))
    ev = only([e for e in code_events(article(body, ents)) if e.type == "ACCUSE"])
    assert [a.country for a in ev.recipients] == ["DEU", "FRA", "GBR"]


def test_recalling_an_ambassador_acts_on_the_country_of_the_posting() -> None:
    body = "واستدعت الجزائر سفيرها لدى فرنسا للتشاور."
    ents = [("الجزائر", "LOC", {"country": "DZA"}), ("فرنسا", "LOC", {"country": "FRA"})]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo) == ("SANCTION", "161") and ev.recipients[0].country == "FRA"


def test_two_coordinated_subjects_of_a_signing_are_its_two_sides() -> None:
    body = "ووقع وزير الخارجية العراقي فؤاد حسين ووزير النفط التركي ألب أرسلان بيرقدار مذكرة تفاهم للتعاون."
    ents = [("فؤاد حسين", "PERSON", {"country": "IRQ"}), ("ألب أرسلان بيرقدار", "PERSON", {"country": "TUR"})]
    ev = only(code_events(article(body, ents)))
    assert ev.type == "SUPPORT" and ev.cameo == "057"
    assert names(ev.actors) == ["فؤاد حسين"] and names(ev.recipients) == ["ألب أرسلان بيرقدار"]


def test_the_verbal_noun_after_a_verb_of_deciding_is_the_act() -> None:
    body = "وقررت الجزائر استدعاء سفيرها لدى فرنسا للتشاور."
    ents = [("الجزائر", "LOC", {"country": "DZA"}), ("فرنسا", "LOC", {"country": "FRA"})]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo) == ("SANCTION", "161") and ev.recipients[0].country == "FRA"
    # The same noun elsewhere is no event: "بعد استدعاء السفير".
    body = "وبعد استدعاء السفير لدى فرنسا، قال الوزير إن الأزمة مستمرة."
    assert code_events(article(body, ents)) == []


def test_request_from_a_state_side() -> None:
    body = "وطلب الدبيبة من الجانب الروسي الضغط على شركة فاجنر."
    ev = only(code_events(article(body, [("الدبيبة", "PERSON"), ("شركة فاجنر", "ORG")])))
    assert ev.type == "REQUEST" and names(ev.actors) == ["الدبيبة"]
    assert ev.recipients[0].type == "COUNTRY" and ev.recipients[0].country == "RUS"


# -- modality -------------------------------------------------------------------------------------


def test_negated_meeting_and_failed_agreement_make_no_event() -> None:
    body = "ولم يلتق الرئيس عبد المجيد تبون نظيره إيمانويل ماكرون.\nولم يتم التوصل إلى اتفاق مع ماكرون."
    assert (
        code_events(
            article(
                body, [("عبد المجيد تبون", "PERSON"), ("إيمانويل ماكرون", "PERSON"), ("ماكرون", "PERSON")]
            )
        )
        == []
    )


def test_expected_discussion_is_no_event_but_a_scheduled_meeting_is_an_agreement_to_meet() -> None:
    ents = [("عبد المجيد تبون", "PERSON"), ("إيمانويل ماكرون", "PERSON")]
    expected = "ومن المتوقع أن يبحث الرئيس عبد المجيد تبون مع نظيره إيمانويل ماكرون الملفات العالقة."
    assert code_events(article(expected, ents)) == []
    scheduled = "ومن المقرر أن يلتقي الرئيس عبد المجيد تبون نظيره الفرنسي إيمانويل ماكرون يوم الخميس المقبل."
    ev = only(code_events(article(scheduled, ents, TUESDAY)))
    assert (ev.type, ev.cameo) == ("AGREE", "036")
    assert ev.date == dt.date(2025, 6, 12)
    assert ev.confidence < 0.9


def test_present_tense_dated_after_publication_is_an_agreement_to_meet() -> None:
    ents = [("ماركو روبيو", "PERSON"), ("سيرغي لافروف", "PERSON")]
    body = "يلتقي وزير الخارجية الأمريكي ماركو روبيو نظيره الروسي سيرغي لافروف في الرياض غدا الأربعاء."
    ev = only(code_events(article(body, ents, TUESDAY)))
    assert (ev.type, ev.cameo) == ("AGREE", "036") and ev.date == dt.date(2025, 6, 11)
    # The same verb dated today reports the meeting itself.
    today = body.replace("غدا الأربعاء", "اليوم الثلاثاء")
    ev = only(code_events(article(today, ents, TUESDAY)))
    assert ev.type == "CONSULT" and ev.date == dt.date(2025, 6, 10)


def test_reported_speech_lowers_confidence() -> None:
    ents = [("سامح شكري", "PERSON"), ("أيمن الصفدي", "PERSON")]
    plain = only(code_events(article("بحث سامح شكري مع أيمن الصفدي الملف.", ents)))
    sourced = only(code_events(article("بحث سامح شكري مع أيمن الصفدي الملف، بحسب مصادر مطلعة.", ents)))
    assert sourced.confidence < plain.confidence


def test_statements_about_cooperation_are_not_events() -> None:
    body = "وأكد الرئيس عبد المجيد تبون أهمية تعزيز التعاون مع روسيا، وضرورة بحث سبل الشراكة مع فرنسا."
    ents = [("عبد المجيد تبون", "PERSON"), ("روسيا", "LOC"), ("فرنسا", "LOC")]
    assert code_events(article(body, ents)) == []


# -- contract -------------------------------------------------------------------------------------


def test_event_carries_the_contract_fields_and_evidence_points_into_the_body() -> None:
    body = "مقدمة.\nبحث سامح شكري مع أيمن الصفدي في عمان العلاقات، اليوم الثلاثاء."
    tagged = article(
        body, [("سامح شكري", "PERSON"), ("أيمن الصفدي", "PERSON"), ("عمان", "LOC")], TUESDAY, "art-7"
    )
    ev = only(code_events(tagged))
    assert ev.evidence is not None and ev.evidence.article_id == "art-7"
    assert body[ev.evidence.start : ev.evidence.end] == ev.evidence.text
    assert ev.trigger == "بحث" and ev.article_ids == ["art-7"] and ev.mention_count == 1
    assert 0 < ev.confidence <= 1 and ev.pipeline_version
    assert len(ev.id) == 24 and int(ev.id, 16) >= 0
    assert ev.context == ["diplomatic"]


def test_ids_are_deterministic_and_shared_by_two_outlets_reporting_the_same_meeting() -> None:
    ents = [("سامح شكري", "PERSON"), ("أيمن الصفدي", "PERSON"), ("عمان", "LOC")]
    one = article(
        "بحث وزير الخارجية سامح شكري اليوم الثلاثاء مع أيمن الصفدي في عمان التعاون.", ents, TUESDAY, "a"
    )
    two = article("التقى أيمن الصفدي وسامح شكري في عمان اليوم الثلاثاء وبحثا الأوضاع.", ents, TUESDAY, "b")
    assert [e.id for e in code_events(one)] == [e.id for e in code_events(one)]
    assert only(code_events(one)).id == only(code_events(two)).id


def test_no_date_without_publication_date_for_relative_expressions() -> None:
    ev = only(
        code_events(
            article(
                "بحث سامح شكري اليوم السبت مع أيمن الصفدي الملف.",
                [("سامح شكري", "PERSON"), ("أيمن الصفدي", "PERSON")],
                None,
            )
        )
    )
    assert ev.date is None and ev.date_precision is DatePrecision.UNKNOWN


def test_headline_echo_of_the_lead_is_dropped_but_a_headline_only_event_is_kept() -> None:
    title = "اللافي يبحث مع وفد روسي التعاون"
    body = "استقبل عبد الله اللافي بالعاصمة طرابلس أليكساندر كينتشاك."
    ents = [
        ("اللافي", "PERSON"),
        ("عبد الله اللافي", "PERSON"),
        ("أليكساندر كينتشاك", "PERSON"),
        ("طرابلس", "LOC"),
    ]
    assert len(code_events(article(body, ents, title=title))) == 1
    only_title = only(
        code_events(
            article(
                "نص بلا أحداث.",
                [("أوكرانيا", "LOC"), ("روسيا", "LOC")],
                title="أوكرانيا تقصف مصفاتين للنفط في عمق روسيا",
            )
        )
    )
    title = "أوكرانيا تقصف مصفاتين للنفط في عمق روسيا"
    ev = only_title.evidence
    assert only_title.type == "ASSAULT" and ev is not None and ev.field is TextField.TITLE
    assert title[ev.start : ev.end] == ev.text


def test_unnamed_officials_and_forces_act_for_their_state() -> None:
    strike = only(
        code_events(article("شنت طائرات إسرائيلية غارات جوية على مواقع في جنوب لبنان.", [("لبنان", "LOC")]))
    )
    assert (strike.type, strike.mode, strike.cameo) == ("ASSAULT", "aerial", "195")
    assert strike.actors[0].type == "COUNTRY" and strike.actors[0].country == "ISR"
    assert strike.recipients[0].country == "LBN"
    arrest = only(
        code_events(article("اعتقلت قوات الأمن التونسية المعارض راشد الغنوشي.", [("راشد الغنوشي", "PERSON")]))
    )
    assert (arrest.type, arrest.cameo) == ("COERCE", "173")
    assert arrest.actors[0].country == "TUN" and names(arrest.recipients) == ["راشد الغنوشي"]


def test_announced_visit_to_a_city_is_an_intent_to_meet_its_state() -> None:
    body = "وسيزور الرئيس التركي رجب طيب أردوغان القاهرة الأسبوع المقبل."
    ev = only(
        code_events(article(body, [("رجب طيب أردوغان", "PERSON"), ("القاهرة", "LOC", {"country": "EGY"})]))
    )
    assert (ev.type, ev.cameo) == ("AGREE", "036")
    assert ev.recipients[0].type == "COUNTRY" and ev.recipients[0].country == "EGY"
    assert ev.location is not None and ev.location.name == "القاهرة"
    assert ev.date is None  # "الأسبوع المقبل" is not a day: no guess


def test_his_russian_counterpart_is_the_storys_only_russian() -> None:
    body = (
        "وصل وزير الخارجية الروسي سيرغي لافروف إلى أنقرة.\n"
        "وبحث وزير الخارجية التركي هاكان فيدان مع نظيره الروسي الملف السوري."
    )
    ents = [
        ("سيرغي لافروف", "PERSON", {"country": "RUS"}),
        ("هاكان فيدان", "PERSON", {"country": "TUR"}),
        ("أنقرة", "LOC"),
    ]
    ev = only(code_events(article(body, ents)))
    assert names(ev.actors) == ["هاكان فيدان"] and names(ev.recipients) == ["سيرغي لافروف"]
    # Two Russians in the story: the reference stays the Russian side.
    ents2 = [*ents, ("فلاديمير بوتين", "PERSON", {"country": "RUS"})]
    body2 = body.replace("إلى أنقرة.", "إلى أنقرة موفدا من فلاديمير بوتين.")
    ev2 = only(code_events(article(body2, ents2)))
    assert ev2.recipients[0].type == "COUNTRY" and ev2.recipients[0].country == "RUS"


@pytest.mark.parametrize(
    ("body", "ents", "etype", "cameo"),
    [
        (
            "هدد الرئيس الأمريكي دونالد ترامب إيران بعقوبات جديدة.",
            [("دونالد ترامب", "PERSON"), ("إيران", "LOC")],
            "THREATEN",
            "130",
        ),
        (
            "قدمت السعودية مساعدات إنسانية إلى السودان.",
            [("السعودية", "LOC"), ("السودان", "LOC")],
            "AID",
            "073",
        ),
        ("أشاد وزير الخارجية القطري بجهود مصر في الوساطة.", [("مصر", "LOC")], "SUPPORT", "051"),
        (
            "فرضت الولايات المتحدة عقوبات جديدة على إيران.",
            [("الولايات المتحدة", "LOC"), ("إيران", "LOC")],
            "COERCE",
            "163",
        ),
    ],
)
def test_more_families_between_states(body: str, ents: list[tuple[str, str]], etype: str, cameo: str) -> None:
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo) == (etype, cameo)
    assert ev.actors[0].country != ev.recipients[0].country


_WORDS = [
    "بحث",
    "استقبل",
    "مع",
    "من",
    "دعوة",
    "تلقى",
    "لم",
    "اليوم",
    "الخميس",
    "في",
    "،",
    ".",
    "\n",
    "سامح",
    "شكري",
    "عمان",
    "الجانبان",
    "نظيره",
    "الروسي",
    "قصف",
]


@given(
    st.lists(st.sampled_from(_WORDS), max_size=40),
    st.lists(
        st.tuples(st.integers(0, 300), st.integers(1, 12), st.sampled_from(["PERSON", "ORG", "LOC", "DATE"])),
        max_size=8,
    ),
)
def test_any_text_and_entities_code_without_error_and_with_valid_evidence(
    words: list[str], spans: list[tuple[int, int, str]]
) -> None:
    body = " ".join(words)
    entities = [
        Entity(type=EntityType(t), text=body[s : s + n], start=s, end=s + n)
        for s, n, t in spans
        if s + n <= len(body) and body[s : s + n].strip()
    ]
    tagged = TaggedArticle(id="x", body=body, entities=entities, published_at=TUESDAY)
    for ev in code_events(tagged):
        assert ev.evidence is not None
        assert body[ev.evidence.start : ev.evidence.end] == ev.evidence.text
        assert ev.actors and ev.type


@pytest.mark.parametrize(
    ("body", "ents", "etype", "cameo"),
    [
        (
            "طردت الحكومة الجزائرية السفير الفرنسي ستيفان روماتيه.",
            [("ستيفان روماتيه", "PERSON")],
            "SANCTION",
            "166",
        ),
        (
            "أفرجت السلطات الإيرانية عن الصحفية الإيطالية تشيشيليا سالا.",
            [("تشيشيليا سالا", "PERSON")],
            "RETREAT",
            "0841",
        ),
        (
            "استضاف أمير قطر تميم بن حمد الرئيس السوري أحمد الشرع.",
            [("تميم بن حمد", "PERSON"), ("أحمد الشرع", "PERSON")],
            "CONSULT",
            "043",
        ),
        (
            "ورفض الرئيس الأمريكي دونالد ترامب مقترحا قدمته إيران.",
            [("دونالد ترامب", "PERSON"), ("إيران", "LOC")],
            "REJECT",
            "120",
        ),
    ],
)
def test_sanction_release_hosting_and_rejection(
    body: str, ents: list[tuple[str, str]], etype: str, cameo: str
) -> None:
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo) == (etype, cameo)
    assert ev.actors and ev.recipients


def test_feared_or_wanted_actions_after_an_are_not_events_but_reported_ones_are() -> None:
    ents = [("سامح شكري", "PERSON"), ("أيمن الصفدي", "PERSON")]
    assert code_events(article("ويخشى سامح شكري أن يستهدف أيمن الصفدي حملته.", ents)) == []
    reported = code_events(article("وأكد المتحدث أن سامح شكري يبحث مع أيمن الصفدي الملف.", ents))
    assert [e.type for e in reported] == ["CONSULT"]


def test_the_story_topic_fades_after_two_sentences() -> None:
    ents = [("محمد المنفي", "PERSON"), ("حيدر أغانين", "PERSON")]
    near = "وصل محمد المنفي إلى الجزائر.\nوجاء ذلك قبل لقائه بحيدر أغانين."
    far = "وصل محمد المنفي إلى الجزائر.\nجملة أولى.\nجملة ثانية.\nجملة ثالثة.\nوجرى لقاء مع حيدر أغانين."
    assert [names(e.actors) for e in code_events(article(near, ents))] == [["محمد المنفي"]]
    assert code_events(article(far, ents)) == []


def test_the_name_right_after_min_is_the_requests_target() -> None:
    body = "طلب الرئيس الفرنسي جاك شيراك من الاتحاد الأوروبي تفويض الممثل الأعلى خافيير سولانا."
    ents = [("جاك شيراك", "PERSON"), ("الاتحاد الأوروبي", "ORG"), ("خافيير سولانا", "PERSON")]
    ev = only(code_events(article(body, ents)))
    assert names(ev.recipients) == ["الاتحاد الأوروبي"]


def test_a_state_body_named_by_a_nationality_is_that_country_with_its_sector() -> None:
    # "الجيش الإسرائيلي" is no named entity (the tagger leaves descriptions untagged, as ANERcorp
    # does); the coder reads it as Israel's military.
    body = "قصف الجيش الإسرائيلي مدينة غزة اليوم الثلاثاء."
    ev = only(code_events(article(body, [("غزة", "LOC", {"country": "PSE"})], TUESDAY)))
    assert [(a.country, a.sector) for a in ev.actors] == [("ISR", "MIL")]
    body = "اتهمت الحكومة اللبنانية إسرائيل بخرق الاتفاق."
    ev = only(code_events(article(body, [("إسرائيل", "LOC", {"country": "ISR"})], TUESDAY)))
    assert [(a.country, a.sector) for a in ev.actors] == [("LBN", "GOV")]


def test_a_date_after_since_does_not_date_the_act() -> None:
    body = "شنت إسرائيل أمس غارات على جنوب لبنان رغم اتفاق وقف إطلاق النار الساري منذ 27 نوفمبر 2024."
    ev = only(code_events(article(body, [("إسرائيل", "LOC"), ("لبنان", "LOC")], TUESDAY)))
    assert ev.type == "ASSAULT" and ev.date == dt.date(2025, 6, 9)
    undated = body.replace("أمس ", "")
    ev = only(code_events(article(undated, [("إسرائيل", "LOC"), ("لبنان", "LOC")], TUESDAY)))
    assert ev.date is None


# -- verbal nouns after verbs of deciding and announcing ----------------------------------------


def test_a_verbal_noun_announced_is_the_act_itself() -> None:
    ents = [("كندا", "LOC", {"country": "CAN"}), ("هايتي", "LOC", {"country": "HTI"})]
    ev = only(code_events(article("أعلنت كندا تعليق مساعداتها العسكرية لهايتي.", ents)))
    assert (ev.type, ev.cameo) == ("SANCTION", "162")
    assert ev.actors[0].country == "CAN" and ev.recipients[0].country == "HTI"
    ents = [("النرويج", "LOC", {"country": "NOR"}), ("إثيوبيا", "LOC", {"country": "ETH"})]
    body = "وأعلنت النرويج تقديم مساعدات إنسانية بقيمة عشرين مليون دولار لإثيوبيا."
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo) == ("AID", "073") and ev.recipients[0].country == "ETH"


def test_announcing_alone_or_a_statement_or_a_refusal_is_no_act() -> None:
    ents = [("كندا", "LOC", {"country": "CAN"}), ("هايتي", "LOC", {"country": "HTI"})]
    for body in (
        "أعلنت كندا أنها تدرس تعليق مساعداتها لهايتي.",  # speech, and only considered
        "أعلنت كندا رفضها تعليق المساعدات لهايتي.",  # the noun is the object of the refusal (a REJECT)
        "أعلنت كندا استعدادها لتقديم مساعدات إضافية لهايتي.",
    ):
        assert not [e for e in code_events(article(body, ents)) if e.type in ("SANCTION", "AID")], body
    body = "أعلن رئيس الوزراء الكندي مارك كارني استقالته من منصبه."
    assert code_events(article(body, [("مارك كارني", "PERSON", {"country": "CAN"})])) == []


def test_a_negated_verb_of_deciding_negates_its_verbal_noun() -> None:
    ents = [("النمسا", "LOC", {"country": "AUT"}), ("تركيا", "LOC", {"country": "TUR"})]
    assert code_events(article("لم تقرر النمسا بعد استدعاء سفيرها لدى تركيا.", ents)) == []


def test_announced_curfew_is_a_restriction_with_a_single_actor() -> None:
    body = "أعلنت الحكومة النيبالية فرض حظر التجول في العاصمة كاتماندو."
    ents = [("الحكومة النيبالية", "ORG", {"country": "NPL"}), ("كاتماندو", "LOC", {"country": "NPL"})]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo) == ("COERCE", "1723") and ev.recipients == []
    assert names(ev.actors) == ["الحكومة النيبالية"]


def test_a_parenthetical_may_separate_the_verb_of_deciding_from_its_noun() -> None:
    body = "قررت الحكومة الهولندية، في خطوة غير مسبوقة، استدعاء سفيرها لدى إسرائيل للتشاور."
    ents = [("إسرائيل", "LOC", {"country": "ISR"})]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo) == ("SANCTION", "161")
    assert ev.actors[0].country == "NLD" and ev.recipients[0].country == "ISR"
    body = "وقررت بلجيكا، أمس الخميس، طرد السفير الإيراني."
    ev = only(code_events(article(body, [("بلجيكا", "LOC", {"country": "BEL"})], published=TUESDAY)))
    assert (ev.type, ev.cameo) == ("SANCTION", "166") and ev.recipients[0].country == "IRN"


def test_a_bracketed_list_after_the_subject_names_the_actors() -> None:
    body = "أعلنت دول الخليج (السعودية والإمارات والبحرين) استدعاء سفرائها لدى لبنان."
    ents = [
        ("السعودية", "LOC", {"country": "SAU"}),
        ("الإمارات", "LOC", {"country": "ARE"}),
        ("البحرين", "LOC", {"country": "BHR"}),
        ("لبنان", "LOC", {"country": "LBN"}),
    ]
    ev = only(code_events(article(body, ents)))
    assert [a.country for a in ev.actors] == ["SAU", "ARE", "BHR"] and ev.recipients[0].country == "LBN"


def test_the_target_of_an_announced_strike_is_after_the_noun_not_where_the_actor_is() -> None:
    body = "أعلنت جماعة أنصار الله في اليمن إطلاق صواريخ على مدينة إيلات."
    ents = [
        ("جماعة أنصار الله", "ORG", {"country": "YEM"}),
        ("اليمن", "LOC", {"country": "YEM"}),
        ("إيلات", "LOC", {"country": "ISR"}),
    ]
    ev = only(code_events(article(body, ents)))
    assert ev.type == "ASSAULT" and ev.recipients[0].country == "ISR"


# -- signings and coordinated subjects ----------------------------------------------------------


def test_a_signing_by_two_ministers_with_long_names_after_a_comma_framed_noun() -> None:
    body = (
        "وعقب المحادثات، وقّع وزير الخارجية العماني بدر بن حمد البوسعيدي ووزير الخارجية الإيراني "
        "عباس عراقجي مذكرة تفاهم للتعاون البحري."
    )
    ents = [
        ("بدر بن حمد البوسعيدي", "PERSON", {"country": "OMN"}),
        ("عباس عراقجي", "PERSON", {"country": "IRN"}),
    ]
    ev = only(code_events(article(body, ents)))
    assert (ev.type, ev.cameo) == ("SUPPORT", "057")
    assert names(ev.actors) == ["بدر بن حمد البوسعيدي"] and names(ev.recipients) == ["عباس عراقجي"]


def test_coordinated_subjects_before_the_verb_act_together_on_the_object() -> None:
    title = "الكويت وقطر وعمان تستدعي سفراءها من إيران"
    ents = [
        ("الكويت", "LOC", {"country": "KWT"}),
        ("قطر", "LOC", {"country": "QAT"}),
        ("عمان", "LOC", {"country": "OMN"}),
        ("إيران", "LOC", {"country": "IRN"}),
    ]
    ev = only(code_events(article("نص الخبر.", ents, title=title)))
    assert [a.country for a in ev.actors] == ["KWT", "QAT", "OMN"] and ev.recipients[0].country == "IRN"
    # Two subjects of a verb of two sides stay its two sides.
    ents = [("ماكرون", "PERSON", {"country": "FRA"}), ("ميرتس", "PERSON", {"country": "DEU"})]
    ev = only(code_events(article("نص الخبر.", ents, title="ماكرون وميرتس يتفقان على تعزيز الدفاع الأوروبي")))
    assert ev.type == "AGREE" and names(ev.actors) == ["ماكرون"] and names(ev.recipients) == ["ميرتس"]


def test_a_new_subject_after_wa_starts_its_own_clause() -> None:
    title = "الحوثيون يفرجون عن 10 أسرى سعوديين والسعودية تطلق سراح 15 أسيرا يمنيا"
    ents = [("الحوثيون", "ORG", {"country": "YEM"}), ("السعودية", "LOC", {"country": "SAU"})]
    evs = code_events(article("نص الخبر.", ents, title=title))
    assert sorted((e.actors[0].country, e.recipients[0].country) for e in evs) == [
        ("SAU", "YEM"),
        ("YEM", "SAU"),
    ]
    # "… والاتحاد الأوروبي يقدم …": the Union is not the one asked.
    title = "الاتحاد الأفريقي يطالب بوقف القتال في غوما وكندا تقدم 5 ملايين دولار للكونغو"
    ents = [
        ("الاتحاد الأفريقي", "ORG"),
        ("غوما", "LOC", {"country": "COD"}),
        ("كندا", "LOC", {"country": "CAN"}),
        ("الكونغو", "LOC", {"country": "COD"}),
    ]
    evs = code_events(article("نص الخبر.", ents, title=title))
    assert not any(e.type == "REQUEST" and e.recipients and e.recipients[0].country == "CAN" for e in evs)


# -- the grammatical subject and the counterpart ------------------------------------------------


def test_an_organization_heading_a_long_title_chain_is_the_persons_title() -> None:
    body = "وتوعد رئيس المجلس الرئاسي القائد الأعلى للجيش الفريق أول ركن محمد يونس حركة الشباب برد قاس."
    ents = [("المجلس الرئاسي", "ORG"), ("محمد يونس", "PERSON"), ("حركة الشباب", "ORG")]
    ev = only(code_events(article(body, ents)))
    assert (
        ev.type == "THREATEN"
        and names(ev.actors) == ["محمد يونس"]
        and names(ev.recipients) == ["حركة الشباب"]
    )


def test_a_surname_tagged_as_an_organization_is_the_person() -> None:
    body = (
        "استقبل الرئيس الموريتاني محمد ولد الغزواني المبعوث الأممي كارلوس أوبيانغ. "
        "كما التقى أوبيانغ وزير الخارجية محمد سالم ولد مرزوك."
    )
    ents = [
        ("محمد ولد الغزواني", "PERSON", {"country": "MRT"}),
        ("كارلوس أوبيانغ", "PERSON"),
        ("أوبيانغ", "ORG"),
        ("محمد سالم ولد مرزوك", "PERSON", {"country": "MRT"}),
    ]
    evs = code_events(article(body, ents))
    met = [e for e in evs if e.type == "CONSULT" and e.cameo == "040"]
    assert [(names(e.actors), names(e.recipients)) for e in met] == [
        (["كارلوس أوبيانغ"], ["محمد سالم ولد مرزوك"])
    ]


def test_names_after_a_consequence_clause_are_not_the_attacks() -> None:
    body = (
        "استهدفت مسيّرة تركية سيارة قرب القامشلي، ما أدى إلى مقتل شخصين قالت قوات سوريا الديمقراطية "
        "إنهما من عناصرها."
    )
    ents = [("القامشلي", "LOC", {"country": "SYR"}), ("قوات سوريا الديمقراطية", "ORG", {"country": "SYR"})]
    ev = only(code_events(article(body, ents)))
    assert ev.type == "ASSAULT" and ev.actors[0].country == "TUR"
    assert names(ev.recipients) != ["قوات سوريا الديمقراطية"] and ev.recipients[0].country == "SYR"


def test_a_place_naming_a_document_is_no_party() -> None:
    from khabar.core.events.countries import lexicon

    turkey = lexicon.by_iso3()["TUR"]  # a capital is the state only at its country's point
    ankara = {"country": "TUR", "lat": turkey.lat, "lon": turkey.lon, "geonames_id": 323786}
    ents = [("إلهام علييف", "PERSON", {"country": "AZE"}), ("أنقرة", "LOC", ankara)]
    for body in ('وناقش إلهام علييف تنفيذ "إعلان أنقرة".', "وبحث إلهام علييف تطبيق اتفاق أنقرة."):
        assert code_events(article(body, ents)) == [], body


def test_a_participle_clause_keeps_its_object_from_the_main_verb() -> None:
    body = (
        'وأدانت وزارة الخارجية القطرية "الاعتداء الإسرائيلي"، واعتبرته "انتهاكاً صارخاً"، '
        "مطالبة مجلس الأمن الدولي بالتحرك."
    )
    ents = [("وزارة الخارجية القطرية", "ORG", {"country": "QAT"}), ("مجلس الأمن الدولي", "ORG")]
    evs = code_events(article(body, ents))
    assert not any(e.type == "ACCUSE" and names(e.recipients) == ["مجلس الأمن الدولي"] for e in evs)


def test_a_present_tense_verb_after_its_subject_takes_the_next_name_as_object() -> None:
    body = (
        "اعتمدت الجمعية العامة للأمم المتحدة قراراً يطالب ميانمار بوقف العنف، "
        "بتأييد 120 دولة وامتناع الهند عن التصويت."
    )
    ents = [
        ("الجمعية العامة للأمم المتحدة", "ORG"),
        ("ميانمار", "LOC", {"country": "MMR"}),
        ("الهند", "LOC", {"country": "IND"}),
    ]
    ev = only(code_events(article(body, ents)))
    assert ev.type == "REQUEST" and names(ev.actors) == ["الجمعية العامة للأمم المتحدة"]
    assert ev.recipients[0].country == "MMR"


def test_a_nationality_after_the_cue_names_the_target() -> None:
    ents = [("بريطانيا", "LOC", {"country": "GBR"})]
    ev = only(code_events(article("فرضت بريطانيا عقوبات على خمس شركات إيرانية.", ents)))
    assert (ev.type, ev.cameo) == ("COERCE", "163") and ev.recipients[0].country == "IRN"


def test_a_strike_on_a_named_city_hits_its_country() -> None:
    body = "شنت إسرائيل فجر اليوم غارات على صنعاء استهدفت ميناء ومحطة كهرباء."
    ents = [("إسرائيل", "LOC", {"country": "ISR"}), ("صنعاء", "LOC", {"country": "YEM"})]
    ev = only(code_events(article(body, ents, TUESDAY)))
    assert ev.type == "ASSAULT" and names(ev.actors) == ["إسرائيل"]
    assert ev.recipients[0].country == "YEM" and ev.location is not None and ev.location.name == "صنعاء"


def test_places_in_a_citys_countryside_and_after_a_capital_with_its_nationality() -> None:
    ents = [("إسرائيل", "LOC", {"country": "ISR"}), ("دمشق", "LOC", {"country": "SYR"})]
    body = "شنت إسرائيل فجر اليوم غارات على مواقع عسكرية في ريف دمشق الجنوبي."
    ev = only(code_events(article(body, ents, TUESDAY)))
    assert ev.location is not None and ev.location.name == "دمشق" and ev.recipients[0].country == "SYR"
    body = "شنت إسرائيل فجر اليوم غارات على مواقع عسكرية في العاصمة السورية دمشق."
    ev = only(code_events(article(body, ents, TUESDAY)))
    assert ev.location is not None and ev.location.name == "دمشق" and ev.recipients[0].country == "SYR"


def test_a_date_inside_a_quotation_does_not_date_the_statement() -> None:
    body = (
        "وحذر وزير الخارجية الإيراني عباس عراقجي الولايات المتحدة من أن بلاده «لن تسمح بتكرار ما "
        "حدث في يونيو الماضي»، مؤكدا أن الرد سيكون حاسما."
    )
    ents = [("عباس عراقجي", "PERSON", {"country": "IRN"}), ("الولايات المتحدة", "LOC", {"country": "USA"})]
    ev = only(code_events(article(body, ents, TUESDAY)))
    assert ev.type == "THREATEN" and ev.date is None
    dated = body.replace("وحذر وزير", "وحذر اليوم وزير")
    ev = only(code_events(article(dated, ents, TUESDAY)))
    assert ev.date == dt.date(2025, 6, 10)
