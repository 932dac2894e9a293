"""tag(): the integrated stage on small articles."""

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.models import Article, EntityType, TextField
from khabar.core.tagging import _established, tag
from khabar.core.tagging.merge import Candidate

BODY = (
    "استقبل رئيس المجلس الرئاسي الليبي محمد المنفي، اليوم الثلاثاء في طرابلس، سفير روسيا لدى ليبيا "
    "حيدر أغانين. وأكد المنفي لـ«المنفي» أهمية العلاقات مع روسيا وتركيا، وقال إن وروسيا شريك. "
    "وقال نائب وزير الخارجية الروسي ميخائيل بوغدانوف إن موسكو تدعم الحوار لليبيا."
)


def tagged() -> list:  # type: ignore[type-arg]
    return tag(Article(id="a1", title="المنفي يلتقي السفير الروسي", body=BODY)).entities


def test_spans_point_at_the_surface_text_without_clitics() -> None:
    for e in tagged():
        text = BODY if e.field is TextField.BODY else "المنفي يلتقي السفير الروسي"
        assert text[e.start : e.end] == e.text or e.text.startswith("ال")
    texts = {e.text for e in tagged()}
    assert "روسيا" in texts and "ليبيا" in texts
    assert not any(
        t.startswith(("لـ", "و", "«")) and t not in ("وزارة",) for t in texts if t[:2] in ("لـ", "ور", "«ا")
    )


def test_person_attributes_from_title_and_curated_list() -> None:
    ents = tagged()
    bog = next(e for e in ents if e.type is EntityType.PERSON and "بوغدانوف" in e.text)
    assert bog.country == "RUS"
    assert bog.title is not None and "وزير الخارجية" in bog.title
    agh = next(e for e in ents if e.type is EntityType.PERSON and "أغانين" in e.text)
    assert agh.country == "RUS" and agh.sector == "DIP"


def test_mentions_of_one_person_share_a_canonical_id_across_title_and_body() -> None:
    menfi = [e for e in tagged() if e.type is EntityType.PERSON and "المنفي" in e.text]
    assert {e.field for e in menfi} == {TextField.TITLE, TextField.BODY}
    assert len({e.canonical_id for e in menfi}) == 1
    assert menfi[0].canonical_name == "محمد المنفي"


def test_places_carry_geonames_ids_disambiguated_by_context() -> None:
    trip = next(e for e in tagged() if e.text == "طرابلس")
    assert trip.type is EntityType.LOC and trip.country == "LBY" and trip.geonames_id and trip.lat
    russia = next(e for e in tagged() if e.text == "روسيا")
    assert russia.country == "RUS" and russia.geonames_id


def test_tripoli_in_a_lebanon_story_is_in_lebanon() -> None:
    body = "قال الجيش اللبناني إن اشتباكات وقعت في طرابلس شمال لبنان، وإن لبنان يتابع الوضع."
    ents = tag(Article(id="a2", body=body)).entities
    trip = next(e for e in ents if e.text == "طرابلس")
    assert trip.country == "LBN"


def test_dates_are_tagged() -> None:
    d = [e for e in tagged() if e.type is EntityType.DATE]
    assert any(e.text == "اليوم الثلاثاء" for e in d)


def test_descriptions_are_not_entities_but_named_bodies_are() -> None:
    body = "قالت الحكومة اللبنانية إن الجيش الإسرائيلي قصف مواقع، وأعلنت وزارة الخارجية الروسية موقفها."
    found = {(e.type.value, e.text) for e in tag(Article(id="d1", body=body)).entities}
    assert ("ORG", "وزارة الخارجية الروسية") in found
    assert not {t for _, t in found} & {"الحكومة اللبنانية", "الجيش الإسرائيلي"}


def test_a_country_name_closing_an_organization_as_its_nisba_is_part_of_it() -> None:
    # "السعودية" is also the adjective Saudi; "سفارة مصر" keeps its country.
    body = "وفق ما أعلنت وزارة الخارجية السعودية، فيما أغلقت سفارة مصر أبوابها."
    found = {(e.type.value, e.text) for e in tag(Article(id="n1", body=body)).entities}
    assert ("ORG", "وزارة الخارجية السعودية") in found and ("LOC", "السعودية") not in found
    assert ("LOC", "مصر") in found


def test_a_model_name_gets_the_title_before_it_even_when_the_name_rule_doubts_it() -> None:
    body = "من جهته، اتهم رئيس مجلس النواب نبيه بري إسرائيل بخرق الاتفاق."
    (berri,) = [e for e in tag(Article(id="t1", body=body)).entities if e.type is EntityType.PERSON]
    assert berri.text == "نبيه بري" and berri.title == "رئيس مجلس النواب" and berri.sector == "LEG"


def test_a_state_office_without_nationality_is_the_dominant_countrys() -> None:
    body = (
        "انتشر الجيش اللبناني في جنوب لبنان بعد انسحاب القوات الإسرائيلية. وقال الرئيس اللبناني جوزاف عون "
        "خلال استقباله قائد الجيش العماد رودولف هيكل إن لبنان متمسك بأرضه، "
        "ودعا السفير الأمريكي إلى الضغط على إسرائيل."
    )
    people = {e.text: e for e in tag(Article(id="s1", body=body)).entities if e.type is EntityType.PERSON}
    assert people["رودولف هيكل"].country == "LBN" and people["رودولف هيكل"].sector == "MIL"
    # Two countries named as often: no story country.
    even = "قال قائد الجيش العماد رودولف هيكل إن لبنان وإسرائيل وقعتا. لبنان وإسرائيل."
    (haykal,) = [e for e in tag(Article(id="s2", body=even)).entities if e.type is EntityType.PERSON]
    assert haykal.country is None


def test_large_cities_named_by_everyday_words_are_places() -> None:
    # عدن and مسقط are also words (Eden; "place of fall"); cities this large keep their names, and a
    # nationality may sit between the place head and the city.
    body = "وصل المبعوث إلى العاصمة العمانية مسقط، بعد أن اعتقلت السلطات اليمنية في عدن ثلاثة أشخاص."
    places = {e.text: e for e in tag(Article(id="c1", body=body)).entities if e.type is EntityType.LOC}
    assert places["مسقط"].geonames_id == 287286 and places["مسقط"].country == "OMN"
    assert places["عدن"].geonames_id == 415189


def test_a_model_name_led_by_the_titles_nationality_yields_to_the_curated_name() -> None:
    body = "استقبل الرئيس الجزائري عبد المجيد تبون، اليوم الأحد، وزير الخارجية الفرنسي جان نويل بارو."
    people = [e for e in tag(Article(id="t2", body=body)).entities if e.type is EntityType.PERSON]
    assert [p.text for p in people] == ["عبد المجيد تبون", "جان نويل بارو"]
    assert people[0].country == "DZA" and people[0].title == "الرئيس الجزائري"


def test_an_office_without_nationality_is_the_outlets_country_when_the_article_shows_it() -> None:
    # An Egyptian paper: its president and foreign minister go without "المصري", while the story is
    # mostly about Palestinians.
    body = (
        "استقبل الرئيس عبد الفتاح السيسي رئيس الوزراء الفلسطيني محمد مصطفى، بحضور وزير الخارجية "
        "بدر عبد العاطي، وأكد رفض تهجير الفلسطينيين وضرورة إدخال المساعدات إلى غزة والضفة الفلسطينية."
    )
    people = {e.text: e for e in tag(Article(id="h1", body=body)).entities if e.type is EntityType.PERSON}
    assert people["بدر عبد العاطي"].country == "EGY"
    assert people["محمد مصطفى"].country == "PSE"


def test_citizens_and_journalists_take_their_nationality() -> None:
    body = "أفرجت السلطات عن المواطن الأمريكي مارك فوغل، واعتقلت الصحفي الفرنسي أوليفييه دوبوا."
    people = {e.text: e for e in tag(Article(id="h2", body=body)).entities if e.type is EntityType.PERSON}
    assert people["مارك فوغل"].country == "USA"
    assert people["أوليفييه دوبوا"].country == "FRA" and people["أوليفييه دوبوا"].sector == "MED"


def test_a_country_name_that_is_an_adjective_needs_a_cue() -> None:
    def places(body: str) -> list[str]:
        return [e.text for e in tag(Article(id="m1", body=body)).entities if e.type is EntityType.LOC]

    assert places("وقدمت الحكومة دعم مالي كبير، ويتمتع البلد بمركز مالي قوي.") == []  # financial
    assert places("قالت حكومة مالي إن الهجوم وقع قرب الحدود.") == ["مالي"]
    assert "مالي" in places("وأعلنت مالي الحداد الوطني ثلاثة أيام.")  # subject of a feminine verb


def test_a_city_name_stands_alone_after_a_place_head() -> None:
    # Bare city names are too often words ("الجميل") to be tagged on the gazetteer's word alone;
    # after "مدينة" the name is a place.
    body = 'تضررت مصفاة في مدينة "أوختا" الشمالية.'
    places = [e for e in tag(Article(id="c1", body=body)).entities if e.type is EntityType.LOC]
    assert [e.text for e in places] == ["أوختا"]
    assert places[0].geonames_id is not None


def test_a_country_carries_its_geonames_id_and_its_capital_as_its_point() -> None:
    body = "وصل الوفد إلى ليبيا."
    (libya,) = [e for e in tag(Article(id="k1", body=body)).entities if e.type is EntityType.LOC]
    assert (libya.country, libya.geonames_id) == ("LBY", 2215636)
    assert libya.lat is not None and libya.lon is not None
    assert abs(libya.lat - 32.89) < 0.1 and abs(libya.lon - 13.19) < 0.1  # Tripoli


def test_empty_article() -> None:
    assert tag(Article(id="e", body="")).entities == []


def test_title_after_lam_is_restored_and_owned_by_the_possessor() -> None:
    body = "وقال بوغدانوف، المبعوث الخاص للرئيس الروسي فلاديمير بوتين، إن"
    putin = next(e for e in tag(Article(id="a3", body=body)).entities if e.text == "فلاديمير بوتين")
    assert putin.title == "الرئيس الروسي"
    assert putin.sector == "GOV" and putin.wikidata_id == "Q7747"


def test_clitics_are_not_part_of_the_surface() -> None:
    body = "وقال مصدر لـ«المنفي» إن وروسيا ولليبيا وللعراق شركاء."
    texts = {e.text for e in tag(Article(id="a4", body=body)).entities}
    assert {"روسيا", "ليبيا", "العراق"} <= texts
    assert not any(t.startswith(("و", "ل", "«")) for t in texts if t != "ليبيا")


_ALPHABET = "ابتثجحخدذرسشصضطظعغفقكلمنهويىةأإآءؤئ «»،.0123456789\n"
_WORDS = [
    "محمد",
    "المنفي",
    "روسيا",
    "وزير",
    "الخارجية",
    "الروسي",
    "لليبيا",
    "في",
    "طرابلس",
    "يونيو",
    "2025",
    "،",
]


@settings(max_examples=40, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=_ALPHABET, max_size=200),
        st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join),
    )
)
def test_spans_are_valid_for_any_text(body: str) -> None:
    for e in tag(Article(id="p", body=body)).entities:
        assert 0 <= e.start < e.end <= len(body)
        surface = body[e.start : e.end]
        # The surface is the span itself, or the span with the ال that لل assimilated restored.
        assert e.text == surface or (e.text.startswith("ال") and e.text[2:] == surface[1:])
        assert e.type is EntityType.DATE or e.canonical_id


def _found(body: str) -> dict[str, str]:
    """Entity text -> type over one body."""
    return {e.text: e.type.value for e in tag(Article(id="t", title="", body=body)).entities}


def test_an_unknown_name_after_a_naming_head_is_a_place() -> None:
    found = _found("تضررت مصفاة في مدينة أوختا الشمالية النائية في جمهورية كومي الروسية.")
    assert found.get("كومي") == "LOC"
    # "بلده" ("his country") is written with ه, not the ة of بلدة ("town"): no place follows it.
    assert "وأمته" not in _found("ليواصل خدمة بلده وأمته")
    assert "العزيز" not in _found("عاد إلى بلده العزيز معافى")


def test_a_known_city_after_its_governor_stands_alone() -> None:
    found = _found("وقال حاكم بيلغورود الروسية إن امرأة لقيت حتفها في المنطقة.")
    assert found.get("بيلغورود") == "LOC"


def test_a_compass_region_is_one_place_not_its_continent() -> None:
    found = _found("التقى مسؤول ملف الشرق الأوسط وشمال إفريقيا في الخارجية الروسية السفير.")
    assert found.get("شمال إفريقيا") == "LOC"
    assert "إفريقيا" not in found


def test_a_lone_month_name_yields_to_the_models_reading() -> None:
    # نيسان is April and Nissan: as a carmaker's name the model's ORG reading stands.
    found = _found("وقالت شركة نيسان اليابانية لصناعة السيارات إن مبيعاتها ارتفعت في نيسان الماضي.")
    assert found.get("نيسان الماضي") == "DATE"


def test_the_tail_of_a_compound_name_is_not_taken_for_a_family_name() -> None:
    body = "أكد السيد حسن نصر الله أن الحزب باق. وعاد الوزير إلى بلده بحمد الله ورعايته."
    texts = [e.text for e in tag(Article(id="n", title="", body=body)).entities]
    assert "الله" not in texts


def test_amman_in_a_jordan_story_oman_otherwise() -> None:
    def place(body: str) -> tuple[str | None, int | None]:
        (loc,) = [e for e in tag(Article(id="a", body=body)).entities if e.text == "عمان"]
        return loc.country, loc.geonames_id

    assert place("استقبل العاهل الأردني الملك عبدالله الثاني في عمان وفدا أمريكيا.")[0] == "JOR"
    assert place("وقعت عمان والهند اتفاقية تجارية.") == ("OMN", 286963)
    assert place("وصل الوزير إلى مسقط. وقالت عمان إنها تدعم الحوار.")[0] == "OMN"


def test_model_person_names_are_completed_by_name_structure() -> None:
    # The model stops before ولد and splits a name with a kunya in two: name structure mends both.
    found = _found("وأفرجت السلطات عن عبد الرحمان ولد محمد حمودي ولد داف أمس.")
    assert found.get("عبد الرحمان ولد محمد حمودي ولد داف") == "PERSON"
    assert _found("وقال الملك الراحل الحسن الثاني في خطاب").get("الحسن الثاني") == "PERSON"
    found = _found("كتب : محمود صبري أبو تريكة أمل الأهلي أمام أسيك")
    assert found.get("محمود صبري أبو تريكة") == "PERSON"


def test_a_three_letter_family_name_recurs_bare() -> None:
    text = "نبيه بري"
    known = _established([(text, Candidate("PERSON", 0, len(text), "model"))])
    assert [m.name for m in known.find("وقال بري إن الحوار مستمر")] == ["بري"]


def test_a_compound_preposition_is_no_recurrence_of_a_family_name() -> None:
    body = (
        "أعلن قائد القوات طارق صالح ضبط شحنة أسلحة. واتهمت قناة محلية موظفين بالتجسس لصالح دولة "
        "أجنبية، فيما قال صالح إن التحقيق مستمر."
    )
    found = [
        (e.text, e.start) for e in tag(Article(id="p1", title="", body=body)).entities if "صالح" in e.text
    ]
    assert ("صالح", body.index("صالح إن")) in found  # the bare recurrence is still his
    assert all(start != body.index("لصالح") + 1 for _, start in found)


def _entities(body: str) -> list:  # type: ignore[type-arg]
    return tag(Article(id="t", title="", body=body)).entities


def _person(body: str, part: str):  # type: ignore[no-untyped-def]
    return next(e for e in _entities(body) if e.type is EntityType.PERSON and part in e.text)


def test_a_title_in_apposition_after_the_name_gives_its_country() -> None:
    body = "التقى وزير الخارجية خالد المرزوقي، وزير الخارجية العماني، بالوفد في مسقط."
    assert _person(body, "المرزوقي").country == "OMN"
    # A title closed by a name is that name's, not an apposition of the name before.
    body = "حضر الاجتماع سالم الحداد، وزير الدفاع التونسي منير الطرابلسي، والوفد."
    assert _person(body, "الطرابلسي").country == "TUN"


def test_a_counterparts_country_never_passes_to_the_other_party() -> None:
    body = (
        "بحث وزير الخارجية خالد المرزوقي مع نظيره الإيراني كريم دهقاني في طهران العلاقات. "
        "وأكد الوزير الإيراني أن إيران تريد الحوار."
    )
    host = _person(body, "المرزوقي")
    assert host.country != "IRN"
    assert _person(body, "دهقاني").country == "IRN"


def test_a_generic_curated_name_needs_its_actors_country_in_the_article() -> None:
    yemen = [e for e in _entities("أعلن المجلس الرئاسي في اليمن تشكيل لجنة.") if e.text == "المجلس الرئاسي"]
    assert yemen and all(e.country != "LBY" for e in yemen)
    libya = [e for e in _entities("أعلن المجلس الرئاسي في ليبيا تشكيل لجنة.") if e.text == "المجلس الرئاسي"]
    assert libya and libya[0].country == "LBY"


def test_a_council_with_a_nationality_is_not_the_un_security_council() -> None:
    ents = _entities("التقى سكرتير مجلس الأمن الروسي بالوفد، وبحث مجلس الأمن والدفاع السوداني الوضع.")
    orgs = {e.text: e for e in ents if e.type is EntityType.ORG}
    assert "مجلس الأمن الروسي" in orgs and orgs["مجلس الأمن الروسي"].country == "RUS"
    assert "مجلس الأمن والدفاع السوداني" in orgs
    assert all(e.wikidata_id != "Q37470" for e in orgs.values())


def test_names_after_ranks_and_given_names_are_whole() -> None:
    assert _person("وقال رئيس الوفد خليل الحية إن الحركة توافق.", "خليل").text == "خليل الحية"
    assert _person("وقال حسين الأمين إن الوضع صعب.", "حسين").text == "حسين الأمين"
    body = "قال قائد القوة البحرية في الحرس الثوري علي رضا تنكسيري إن القوات مستعدة."
    assert _person(body, "رضا").text == "علي رضا تنكسيري"
    # على written with ي before a one-word club is no name.
    assert not any(
        e.type is EntityType.PERSON and e.text.startswith("علي")
        for e in _entities("وبعد فوزه علي معيذر 21 - صفر تأهل الفريق.")
    )


def test_a_verb_opening_the_sentence_is_no_part_of_the_name() -> None:
    names = [e.text for e in _entities("أدان الشيباني الهجوم على المدينة.") if e.type is EntityType.PERSON]
    assert all(not n.startswith("أدان") for n in names)


def test_a_currency_after_a_number_is_no_name() -> None:
    ents = _entities("قدم البنك 100 مليون يوان للمشروع، ودفعت الشركة 20 دينارا.")
    assert not any(e.text in ("يوان", "دينارا") for e in ents)


def test_a_big_city_stands_alone_a_small_one_needs_a_place_head() -> None:
    def places(body: str) -> list[str]:
        entities = tag(Article(id="c1", title="", body=body)).entities
        return [e.text for e in entities if e.type is EntityType.LOC]

    assert "خاركيف" in places("شنت القوات الروسية غارات على خاركيف ليلة الثلاثاء.")
    # A town of a few thousand people is found after a place head, not alone.
    assert "قباطية" in places("اقتحمت القوات بلدة قباطية فجرا.")


def test_titles_run_through_a_body_after_fi_and_a_treasury() -> None:
    body = (
        "وقال قائد القوة البحرية في الحرس الثوري علي رضا تنكسيري، في تصريحات نقلتها وكالة تسنيم "
        "للأنباء يوم الاثنين، إن بلاده ستواصل حماية مصالحها في مضيق هرمز."
    )
    p = _person(body, "تنكسيري")
    assert p.title == "قائد القوة البحرية في الحرس الثوري" and p.sector == "MIL"
    body = (
        "وقال القيادي في الحركة خليل الحية، في كلمة متلفزة بثتها قناة الأقصى مساء الأحد، إن الوفد "
        "المفاوض سلّم الوسطاء ردّه على المقترح الأخير."
    )
    assert _person(body, "خليل").text == "خليل الحية"
    body = (
        "من جهته، قال وزير الخزانة الأمريكي سكوت بيسنت، في مقابلة مع شبكة سي إن بي سي يوم الخميس، "
        "إن واشنطن تدرس فرض رسوم جمركية إضافية على الواردات الصينية."
    )
    p = _person(body, "بيسنت")
    assert p.text == "سكوت بيسنت" and p.country == "USA" and p.title == "وزير الخزانة الأمريكي"


def test_a_un_envoy_keeps_his_title_and_no_postings_country() -> None:
    body = (
        "وقال المبعوث الخاص للأمين العام إلى اليمن هانس غروندبرغ، في إحاطة أمام مجلس الأمن الدولي، "
        "إن الوضع الإنساني في اليمن يزداد سوءاً."
    )
    p = _person(body, "غروندبرغ")
    assert p.title == "المبعوث الخاص للأمين العام إلى اليمن"
    assert p.sector == "IGO" and p.country is None


def test_outlets_parties_forces_and_missions_are_named_bodies() -> None:
    found = _found(
        "ونقلت قناة المسيرة عن مصدر قوله إن الغارات استهدفت الحديدة، فيما ذكرت وكالة سبأ أن قوات درع "
        "الوطن انتشرت في عدن. وأعلن التيار الصدري مقاطعته، ودعا التيار الوطني الحر إلى حوار، وقالت "
        "يونامي ويونيفيل إن الوضع هادئ. وقصفت المدفعية مناطق شرق مدينة خان يونس جنوب قطاع غزة."
    )
    for org in ("قناة المسيرة", "وكالة سبأ", "قوات درع الوطن", "التيار الصدري", "التيار الوطني الحر"):
        assert found.get(org) == "ORG", org
    assert found.get("يونامي") == "ORG" and found.get("يونيفيل") == "ORG"
    assert found.get("خان يونس") == "LOC" and "خان" not in found


def test_an_adjective_after_a_noun_and_a_derby_are_no_names() -> None:
    ents = _entities(
        "وكشفت الشركة خلال المعرض عن سيارتها الكهربائية الجديدة، التي تقول إنها تمثل نموذج فريد في "
        "فئتها، فيما يفتقر مليون شخص إلى ماء صالح للشرب، ويلتقي الهلال والنصر في ديربي الرياض."
    )
    texts = {e.text for e in ents}
    assert not texts & {"فريد", "ماء صالح", "صالح", "ديربي"}
    # A given name after a given name, a kunya or a verb with و is still a person.
    assert "مدحت صالح" in {e.text for e in _entities("وغنى في الحفل محمد منير ، ومدحت صالح ، وعلي الحجار .")}


def test_one_type_per_name_within_an_article_by_the_strongest_evidence() -> None:
    from khabar.core.tagging import _one_sense

    text = "قال الوزير بيسنت إن بيسنت سيزور الصين."
    a, b = text.index("بيسنت"), text.rindex("بيسنت")
    cands = [
        Candidate("PERSON", a, a + 5, "title_name", 0.8),
        Candidate("LOC", b, b + 5, "model", 0.9),
        Candidate("LOC", text.index("الصين"), text.index("الصين") + 5, "model", 0.9),
    ]
    ((_, _, out),) = _one_sense([(TextField.BODY, text, cands)])
    assert [c.type for c in out] == ["PERSON", "PERSON", "LOC"]
    # Equal evidence: nothing changes.
    tie = [cands[1]._replace(type="ORG"), cands[1]]
    ((_, _, out),) = _one_sense([(TextField.BODY, text, tie)])
    assert [c.type for c in out] == ["ORG", "LOC"]


def test_a_states_body_without_nationality_takes_the_storys_country() -> None:
    body = (
        "رام الله: أدانت وزارة الخارجية والمغتربين، اليوم الأحد، اقتحام المستوطنين لباحات المسجد "
        "الأقصى، وطالبت المجتمع الدولي بالتدخل لوقف الانتهاكات الإسرائيلية بحق الشعب الفلسطيني في "
        "الضفة الغربية وقطاع غزة، مؤكدة أن فلسطين ستتوجه إلى المحكمة الجنائية الدولية."
    )
    orgs = {e.text: e for e in _entities(body) if e.type is EntityType.ORG}
    assert "وزارة الخارجية والمغتربين" in orgs  # the object after it is no part of the name
    assert orgs["وزارة الخارجية والمغتربين"].country == "PSE"
    assert orgs["وزارة الخارجية والمغتربين"].sector == "GOV"
    # No clear story country: none given.
    ents = _entities("وقالت وزارة الصحة إن الوضع مستقر في مصر وليبيا.")
    assert next(e for e in ents if e.text == "وزارة الصحة").country is None


def test_titles_run_over_ranks_and_party_names_to_the_name() -> None:
    body = (
        "وأعلنت وزارة الدفاع، في بيان مشترك، أن رئيس هيئة الأركان العامة الفريق أول ركن يوسف المداني "
        "بحث مع قائد المنطقة العسكرية الخامسة، خلال اجتماع عقد في مدينة الحديدة، سير العمليات. وقال "
        "الأمين العام لحزب الله الشيخ نعيم قاسم، في كلمة متلفزة، إن المقاومة لن تسلم سلاحها، وأكد عضو "
        "المكتب السياسي لحركة حماس حسام بدران أن الحركة ملتزمة بالاتفاق."
    )
    assert _person(body, "المداني").title == "رئيس هيئة الأركان العامة الفريق أول ركن"
    assert _person(body, "قاسم").title == "الأمين العام لحزب الله الشيخ"
    assert _person(body, "بدران").title == "عضو المكتب السياسي لحركة حماس"


def test_curated_persons_are_found_in_any_spelling_of_a_foreign_g_or_ch() -> None:
    body = (
        "وبحث وزير الخارجية الإيراني عراقتشي مع جروسي، في اتصال هاتفي مساء الأربعاء، آليات التعاون "
        "بين طهران والوكالة الدولية للطاقة الذرية، في ظل التوتر المتصاعد مع الدول الأوروبية الثلاث "
        "التي لوحت بإعادة فرض العقوبات الأممية على إيران."
    )
    assert _person(body, "عراقتشي").canonical_name == "عباس عراقجي"
    assert _person(body, "جروسي").canonical_name == "رافائيل غروسي"
    # A family name the article established recurs in another spelling.
    body = (
        "وقال المدير العام للوكالة رافائيل ماريانو غروسي، في مؤتمر صحفي بفيينا اليوم، إن المفتشين لم "
        "يصلوا بعد إلى المنشآت، وأضاف جروسي أن الوكالة تنتظر ردا رسميا على مقترحاتها الأخيرة."
    )
    assert _person(body, "جروسي").type is EntityType.PERSON


def test_a_facility_named_after_a_person_is_a_place() -> None:
    body = (
        "وحطت طائرة الرئيس العراقي في مطار الملك خالد الدولي بالرياض عصر اليوم، ثم توجه إلى ملعب "
        "الأمير مولاي عبد الله لحضور المباراة، فيما أعلنت السلطات إغلاق مطار رامون في جنوب إسرائيل "
        "بعد سقوط صاروخ قرب مطار بيروت الدولي الليلة الماضية."
    )
    ents = {e.text: e for e in _entities(body)}
    for name in ("مطار الملك خالد الدولي", "ملعب الأمير مولاي عبد الله", "مطار رامون"):
        assert ents[name].type is EntityType.LOC and ents[name].geonames_id is None
    assert not any(e.type is EntityType.PERSON for e in ents.values())
    assert "بيروت" in ents  # a known place after the head stays the place


def test_a_place_takes_the_country_its_context_gives() -> None:
    body = (
        "واقتحمت قوات الاحتلال الإسرائيلي فجر اليوم بلدة دوما جنوب نابلس في الضفة الغربية المحتلة، "
        "وداهمت عددا من منازل المواطنين وفتشتها قبل أن تعتقل ثلاثة شبان، وفق ما أفادت به مصادر محلية."
    )
    duma = next(e for e in _entities(body) if e.text == "دوما")
    assert duma.country == "PSE" and duma.geonames_id is None  # not Syria's Douma
    body = (
        "وقالت مصادر محلية في اليمن إن مسلحين قبليين هاجموا نقطة عسكرية تابعة للقوات الحكومية "
        "اليمنية في محافظة الجوف شمال شرقي البلاد، فيما اتهمت الحكومة جماعة الحوثي بالتصعيد في "
        "مأرب والجوف خلال الأيام الماضية."
    )
    jawf = [e for e in _entities(body) if e.text == "الجوف"]
    assert jawf and all(e.country == "YEM" for e in jawf)  # not Libya's town of that name


def test_a_bare_family_name_is_the_person_the_article_named() -> None:
    body = (
        "ووقع وزير الخارجية الإسباني خوسيه مانويل ألباريس ونظيره المغربي ناصر بوريطة، اليوم الأربعاء "
        "بالرباط، اتفاقيتين للتعاون، فيما ذكرت مصادر دبلوماسية أن بوريطة وألباريس يوقعان الشهر المقبل "
        "اتفاقا ثالثا بشأن الهجرة غير النظامية."
    )
    bare = [e for e in _entities(body) if e.text == "ألباريس"]
    assert bare and all(e.type is EntityType.PERSON and e.country == "ESP" for e in bare)
