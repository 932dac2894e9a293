import pytest

from khabar.core.cleaning.furniture import (
    byline_author,
    furniture_reason,
    is_staff_label,
    lead_dateline_date,
    related_label,
    split_glued,
    strip_lead_dateline,
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("رئيس مجلس الإدارة د. محمد أسامة هارونرئيس التحرير أحمد نصار", "staff"),
        ("رئيس التحرير: منى الشاذلي", "staff"),
        ("شارك هذا الخبر:", "widget"),
        ("تابعونا على فيسبوك وتويتر", "widget"),
        ("اشترك في النشرة البريدية ليصلك كل جديد", "widget"),
        ("جميع الحقوق محفوظة © 2025 الشروق", "widget"),
        ("صورة أرشيفية", "widget"),
        ("فيسبوك تويتر واتساب تيليجرام", "social"),
        ("Facebook | Twitter | WhatsApp", "social"),
        ("الرئيسية | أخبار | سياسة | اقتصاد", "nav"),
        ("الرئيسية » عربي ودولي » الخليج", "nav"),
        ("ياسين أحمد -", "byline"),
        ("بيروت - من سامي حداد", "byline"),
        ("(وكالات)", "widget"),
    ],
)
def test_furniture_lines(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "شارك الرئيس في القمة العربية التي عقدت في بغداد.",
        "وقال رئيس التحرير إن الصحيفة ستواصل تغطية الحرب.",
        "تابع الوزير سير العمل في الميناء، وأكد أهمية المشروع.",
        "التعاون العسكري بين ليبيا وروسيا",
        "المجلس الرئاسي يستقبل وفدا روسيا - طرابلس تحتضن المباحثات",
    ],
)
def test_story_lines_are_not_furniture(line: str) -> None:
    assert furniture_reason(line) is None


def test_staff_label_alone() -> None:
    assert is_staff_label("رئيس مجلسى الإدارة والتحرير")
    assert not is_staff_label("رئيس مجلس الإدارة أحمد علي")


def test_byline_names_the_author() -> None:
    assert byline_author("ياسين أحمد -") == "ياسين أحمد"
    assert byline_author("بيروت - من سامي حداد") == "سامي حداد"
    assert byline_author("كتب - محمد عبد الرحمن") == "محمد عبد الرحمن"  # the dash is no part of it
    assert byline_author("وأضاف الوزير أن المحادثات مستمرة -") is None


def test_a_dateline_crediting_an_agency_names_no_author() -> None:
    for line in ("الخرطوم - وكالات", "الرياض (رويترز) -", "الرياض – واس", "القاهرة - أ ش أ"):
        assert byline_author(line) == "", line
    assert furniture_reason("الخرطوم - وكالات") == "byline"
    assert byline_author("سامي واس -") == "سامي واس"  # a name that merely contains an agency's


def test_glued_related_label_is_split_off() -> None:
    assert split_glued("أخبار ذات صلةأعلن الجيش الأوكراني، اليوم الأحد.") == [
        "أخبار ذات صلة",
        "أعلن الجيش الأوكراني، اليوم الأحد.",
    ]
    assert split_glued("وانتهى الاجتماع. اقرأ أيضا: عنوان آخر") == [
        "وانتهى الاجتماع.",
        "اقرأ أيضا: عنوان آخر",
    ]
    assert split_glued("وقرأ الوزير بيانا.") == ["وقرأ الوزير بيانا."]


@pytest.mark.parametrize(
    "line", ["إقرأ أيضاً:", "اقرأ ايضا", "أخبار ذات صلة", "موضوعات متعلقة", "مقالات ذات صلة"]
)
def test_related_labels_alone(line: str) -> None:
    found = related_label(line)
    assert found is not None and found.rest == ""


def test_related_label_with_inline_headline() -> None:
    found = related_label("اقرأ أيضا: عون يستقبل المبعوثة الأممية")
    assert found is not None and found.rest == "عون يستقبل المبعوثة الأممية"
    assert related_label("ذات صلة بالموضوع قال الوزير") is None


def test_a_dateline_opening_the_lead_is_stripped() -> None:
    assert strip_lead_dateline("كييف (أ ف ب) - أعلنت روسيا وأوكرانيا تبادل 300 أسير.") == (
        "أعلنت روسيا وأوكرانيا تبادل 300 أسير."
    )
    assert (
        strip_lead_dateline("الدوحة - قنا : عقد أمير البلاد اجتماعا مع الوزراء")
        == "عقد أمير البلاد اجتماعا مع الوزراء"
    )
    assert strip_lead_dateline("بيروت ـ من فتحي محمود ـ أعلن الجيش انتشاره في الجنوب") == (
        "أعلن الجيش انتشاره في الجنوب"
    )
    # Not a place before the dash: a sentence with a parenthetical.
    line = "أعلن الرئيس - في خطاب - أن البلاد بخير."
    assert strip_lead_dateline(line) == line


def test_a_slash_credit_opening_the_lead_is_stripped() -> None:
    assert strip_lead_dateline("شفق نيوز/ استقبل رئيس الوزراء العراقي وزير الخارجية الإيراني.") == (
        "استقبل رئيس الوزراء العراقي وزير الخارجية الإيراني."
    )
    assert strip_lead_dateline("أنقرة/ الأناضول - أعلنت وزارة الدفاع التركية اليوم عن") == (
        "أعلنت وزارة الدفاع التركية اليوم عن"
    )
    line = "قال الوزير إن نسبة 50/50 مقبولة للطرفين في الاتفاق."
    assert strip_lead_dateline(line) == line


def test_a_city_and_a_colon_before_a_writers_name() -> None:
    assert byline_author("بيروت: يوسف دياب") == "يوسف دياب"
    assert byline_author("غزة: قصف إسرائيلي عنيف") is None  # a headline, not a writer


@pytest.mark.parametrize(
    "line",
    [
        "نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك. بمتابعة التصفح فإنك توافق على ذلك.",
        "يستخدم هذا الموقع ملفات تعريف الارتباط لتقديم أفضل تجربة لك.",
        "We use cookies to improve your experience. By continuing you accept our policy.",
    ],
)
def test_cookie_banners_are_furniture(line: str) -> None:
    assert furniture_reason(line) == "consent"


def test_a_report_about_cookies_is_not_a_banner() -> None:
    line = "قال الوزير إن الحكومة تستخدم ملفات تعريف الارتباط في مواقعها الرسمية لأغراض إحصائية."
    assert furniture_reason(line) is None


def test_a_dated_wire_dateline_is_stripped_and_gives_its_date() -> None:
    lead = "طوباس 03-02-2026 وفا- اقتحمت قوات الاحتلال البلدة فجر اليوم واعتقلت ثلاثة شبان."
    assert strip_lead_dateline(lead).startswith("اقتحمت قوات الاحتلال")
    assert lead_dateline_date(lead) == "03-02-2026"
    sentence = "قال الوزير إن 12 شخصا قتلوا في 2026 - بحسب الإحصاءات - في الحوادث."
    assert strip_lead_dateline(sentence) == sentence and lead_dateline_date(sentence) is None


def test_a_slash_dateline_alone_on_its_line_is_furniture() -> None:
    assert byline_author("أنقرة/ الأناضول") == ""
