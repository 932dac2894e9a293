from khabar.core.tagging.merge import Candidate, resolve


def test_higher_rank_wins_an_overlap() -> None:
    a = Candidate("PERSON", 0, 10, "actor")
    b = Candidate("ORG", 5, 20, "org_rule")
    assert resolve([b, a]) == [a]


def test_longer_wins_within_a_rank_and_output_is_in_text_order() -> None:
    a = Candidate("LOC", 0, 4, "city")
    b = Candidate("PERSON", 0, 9, "first_name")
    c = Candidate("LOC", 20, 25, "country")
    assert resolve([c, a, b]) == [b, c]


def test_nested_gazetteer_name_yields_to_the_longer_name() -> None:
    outer = Candidate("LOC", 0, 12, "country")  # جنوب أفريقيا
    inner = Candidate("LOC", 5, 12, "actor")  # أفريقيا, a better-ranked source
    assert resolve([inner, outer]) == [outer]


def test_empty_spans_are_dropped() -> None:
    assert resolve([Candidate("LOC", 3, 3, "city")]) == []


def test_the_model_wins_an_overlap_with_rules_and_gazetteers() -> None:
    model = Candidate("ORG", 0, 8, "model")  # حزب الله
    actor = Candidate("ORG", 0, 16, "actor")  # حزب الله اللبناني: the nisba is no part of the name
    rule = Candidate("ORG", 4, 20, "org_rule")
    assert resolve([actor, rule, model]) == [model]


def test_a_source_that_may_not_stand_alone_is_never_chosen() -> None:
    city = Candidate("LOC", 0, 6, "city", standalone=False)  # الجميل: a word before a city
    assert resolve([city]) == []
    assert resolve([city, Candidate("LOC", 0, 6, "model")]) == [Candidate("LOC", 0, 6, "model")]


def test_a_curated_person_name_completes_a_short_model_name() -> None:
    model = Candidate("PERSON", 0, 4, "model", first_name_only=True)  # محمد
    actor = Candidate("PERSON", 0, 11, "actor")  # محمد المنفي
    assert resolve([model, actor]) == [actor]


def test_a_title_rule_name_may_add_given_names_but_not_outrun_the_model() -> None:
    family = Candidate("PERSON", 5, 11, "model")  # بوغدانوف, the model missed ميخائيل
    titled = Candidate("PERSON", 0, 11, "title_name")
    assert resolve([family, titled]) == [titled]
    model = Candidate("PERSON", 0, 10, "model")  # هوجو شافيز
    longer = Candidate("PERSON", 0, 14, "title_name")  # هوجو شافيز سعت
    assert resolve([model, longer]) == [model]
    lone = Candidate("PERSON", 0, 4, "model", first_name_only=True)  # محمد of محمد علي تميم
    full = Candidate("PERSON", 0, 13, "title_name")
    assert resolve([lone, full]) == [full]


def test_a_model_name_starting_inside_a_title_yields_to_the_titled_name() -> None:
    text = "المبعوث الخاص إلى السودان توم بيرييلو"
    name = text.index("توم")
    title = (0, name - 1)
    model = Candidate("PERSON", text.index("السودان"), len(text), "model")  # السودان توم بيرييلو
    titled = Candidate("PERSON", name, len(text), "title_name", title_span=title)
    sudan = Candidate("LOC", text.index("السودان"), name - 1, "country")
    assert resolve([model, titled, sudan]) == [sudan, titled]
    # A title the model's name starts before ("خالد" of "خالد شيخ محمد", شيخ read as a title).
    text = "المجاهد خالد شيخ محمد"
    model = Candidate("PERSON", text.index("خالد"), len(text), "model")
    inner = Candidate(
        "PERSON", text.index("محمد"), len(text), "title_name", title_span=(text.index("شيخ"), 16)
    )
    assert resolve([model, inner]) == [model]


def test_a_place_closing_an_organization_name_is_part_of_it() -> None:
    place = Candidate("LOC", 11, 17, "model")  # بنغازي
    org = Candidate("ORG", 0, 17, "org_rule")  # غرفة تجارة بنغازي
    assert resolve([place, org]) == [org]
    inner = Candidate("LOC", 5, 9, "model")  # a place inside, not closing, the name stays
    assert resolve([inner, Candidate("ORG", 0, 17, "org_rule")]) == [inner]


def test_a_lone_month_yields_to_a_model_name_but_a_full_date_does_not() -> None:
    model = Candidate("ORG", 10, 16, "model")  # نيسان, the carmaker
    month = Candidate("DATE", 10, 16, "month")
    assert resolve([month, model]) == [model]
    date = Candidate("DATE", 7, 21, "date")  # 10 نيسان 2024
    assert resolve([date, model]) == [date]


def test_a_region_or_country_containing_a_model_place_is_the_place_meant() -> None:
    region = Candidate("LOC", 0, 12, "region")  # شمال إفريقيا
    model = Candidate("LOC", 5, 12, "model")  # إفريقيا
    assert resolve([model, region]) == [region]
    # A gazetteer place only contains it when strictly longer: same span, the model stands.
    same = Candidate("LOC", 5, 12, "region")
    assert resolve([model, same]) == [model]


def test_a_place_inside_a_model_name_stays_out_when_a_longer_name_replaces_it() -> None:
    # للسفير كلاوس أيبرمان: the model reads "لاوس أيبرمان" (ك taken for a proclitic), the title
    # rule "كلاوس أيبرمان"; the country لاوس inside the model's name must not win the span.
    model = Candidate("PERSON", 1, 13, "model")
    titled = Candidate("PERSON", 0, 13, "title_name")
    country = Candidate("LOC", 1, 5, "country")
    assert resolve([model, titled, country]) == [titled]
    # Without a longer name the model's reading keeps the span as before.
    assert resolve([model, country]) == [model]


def test_a_longer_name_over_two_model_names_replaces_neither() -> None:
    # الرئيس جورج بوش لاعتقال أسامة بن لادن: the title rule runs on over both model names.
    bush = Candidate("PERSON", 0, 8, "model")
    osama = Candidate("PERSON", 16, 29, "model")
    titled = Candidate("PERSON", 0, 29, "title_name")
    assert resolve([bush, osama, titled]) == [bush, osama]
