from khabar.core.cleaning.related import split_related, split_teasers

BODY = ["استقبل الرئيس وفدا رسميا في القصر.", "وأكد الجانبان أهمية التعاون."]


def test_block_after_label_is_split_off() -> None:
    out = split_related([*BODY, "إقرأ أيضاً:", "عنوان خبر آخر هنا", "قال الوزير إن المحادثات مستمرة."])
    assert out.main == BODY
    assert out.blocks == [["عنوان خبر آخر هنا", "قال الوزير إن المحادثات مستمرة."]]


def test_headline_only_block_merges_with_the_next_label() -> None:
    lines = [
        *BODY,
        "إقرأ أيضاً:",
        "أوكرانيا تقصف مصفاتين",
        "أوكرانيا تقصف مصفاتين",
        "أخبار ذات صلةأعلن الجيش الهجوم.",
    ]
    out = split_related(lines)
    assert out.blocks == [["أوكرانيا تقصف مصفاتين", "أوكرانيا تقصف مصفاتين", "أعلن الجيش الهجوم."]]


def test_inline_promo_does_not_end_the_story() -> None:
    lines = [BODY[0], "اقرأ أيضا: الحكومة تقر الموازنة الجديدة", BODY[1]]
    out = split_related(lines)
    assert out.main == BODY and out.blocks == []


def test_a_promo_headline_on_its_own_line_inside_the_story_does_not_end_it() -> None:
    later = [
        "من جانبه، أعرب رئيس الوزراء عن تقديره للجهود المبذولة.",
        "كما تلقى الوزير اتصالا هاتفيا من نظيره.",
    ]
    lines = [BODY[0], "اقرأ أيضا..", "وزير الخارجية يتلقى اتصالا من نظيره", *later]
    out = split_related(lines)
    assert out.main == [BODY[0], *later]
    # A teaser's own text (a lead: no conjunction, no resuming phrase) stays with its headline.
    out = split_related([*BODY, "اقرأ أيضا..", "عنوان خبر آخر هنا", "قال الوزير إن المحادثات مستمرة."])
    assert out.main == BODY and out.blocks == [["عنوان خبر آخر هنا", "قال الوزير إن المحادثات مستمرة."]]


def test_a_promo_inside_the_story_gives_back_paragraphs_about_the_story() -> None:
    story = [
        "استقبل رئيس الوزراء العراقي محمد شياع السوداني وزير الخارجية الإيراني عباس عراقجي في بغداد.",
        "وجرى خلال اللقاء بحث العلاقات الثنائية بين العراق وإيران وتطورات المنطقة.",
    ]
    later = [
        "أكد السوداني خلال اللقاء أهمية التنسيق بين بغداد وطهران في ملفات الحدود والمياه.",
        "ونقل عراقجي إلى السوداني تحيات الرئيس الإيراني، مشيدا بدور العراق في المنطقة.",
    ]
    lines = [
        *story,
        "اقرأ أيضاً",
        "الإطار التنسيقي يعقد اجتماعا لبحث موعد الانتخابات",
        *later,
        "كلمات دلالية: العراق، إيران",
    ]
    out = split_related(lines)
    assert out.main == [*story, *later, "كلمات دلالية: العراق، إيران"] and out.blocks == []
    # A teaser restating its headline, or any block after the story's trailer, stays a teaser.
    teaser = [
        "فرنسا تطرد 12 موظفا قنصليا جزائريا",
        "قررت السلطات الفرنسية طرد اثني عشر موظفا في القنصليات الجزائرية ردا على قرار الجزائر.",
        "وأعربت الخارجية الجزائرية عن رفضها القرار الفرنسي وقالت إن العراق وإيران لا علاقة لهما.",
    ]
    out = split_related([*story, "المصدر: واس", "موضوعات متعلقة", *teaser])
    assert out.blocks == [teaser]


def test_label_before_the_story_is_dropped() -> None:
    out = split_related(["الأكثر قراءة", "عنوان الخبر الرئيسي هنا", *BODY])
    assert out.main == ["عنوان الخبر الرئيسي هنا", *BODY] and out.blocks == []


def test_block_with_two_stories_gives_two_teasers() -> None:
    block = ["عنوان الخبر الأول", "نص الخبر الأول هنا.", "عنوان الخبر الثاني", "نص الخبر الثاني هنا."]
    assert split_teasers(block) == [block[:2], block[2:]]
