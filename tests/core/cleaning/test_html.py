from datetime import datetime, timedelta, timezone

from khabar.core.cleaning import clean
from khabar.core.cleaning.html import extract, looks_like_html
from khabar.core.models import ContentType, RawArticle

PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الجامعة العربية تدعو إلى وقف التصعيد | بوابة الخليج</title>
<meta property="og:title" content="الجامعة العربية تدعو إلى وقف التصعيد">
<meta property="og:site_name" content="بوابة الخليج">
<meta property="article:published_time" content="2025-04-02T13:45:00+04:00">
<meta name="keywords" content="الجامعة العربية، التصعيد، غزة">
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/p">سياسة</a> <a href="/e">اقتصاد</a></nav>
<article><h1>الجامعة العربية تدعو إلى وقف التصعيد</h1>
<p>دعا الأمين العام لجامعة الدول العربية أحمد أبو الغيط، اليوم الأربعاء، إلى وقف التصعيد العسكري فورا
وحماية المدنيين في قطاع غزة.</p>
<p>وقال أبو الغيط في بيان إن استمرار العمليات العسكرية يهدد استقرار المنطقة بأسرها، مطالبا مجلس الأمن
بتحمل مسؤولياته.</p>
<p>وأعلنت الجامعة أن مجلسها سيعقد اجتماعا طارئا على مستوى المندوبين الدائمين يوم الخميس المقبل.</p>
</article>
<footer>جميع الحقوق محفوظة © 2025 بوابة الخليج</footer></body></html>"""


def test_sniffing() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("<div><p>نص</p><p>نص</p><span>x</span><a href='#'>y</a></div>")
    assert not looks_like_html("استقبل الرئيس وفدا. قال إن x < y و z > w.")


def test_extracts_text_and_metadata() -> None:
    page = extract(PAGE)
    assert "دعا الأمين العام لجامعة الدول العربية" in page.text
    assert "الرئيسية" not in page.text and "جميع الحقوق" not in page.text
    assert page.title == "الجامعة العربية تدعو إلى وقف التصعيد"
    assert page.site_name == "بوابة الخليج"
    assert page.published_at == datetime(2025, 4, 2, 13, 45, tzinfo=timezone(timedelta(hours=4)))
    assert "غزة" in page.keywords


def test_byline_under_the_headline_and_site_name_from_the_title_tag() -> None:
    page = extract(
        PAGE.replace('<meta property="og:site_name" content="بوابة الخليج">', "").replace(
            "<h1>الجامعة العربية تدعو إلى وقف التصعيد</h1>",
            "<h1>الجامعة العربية تدعو إلى وقف التصعيد</h1>"
            '<div class="byline">بيروت - كتب: مروان الأمين</div>',
        )
    )
    assert page.author == "مروان الأمين"  # not the dateline's city
    assert page.site_name == "بوابة الخليج"  # "<headline> | <site>"
    assert "مروان الأمين" not in page.text


def test_keywords_from_a_tags_element_trafilatura_leaves_out() -> None:
    links = PAGE.replace(
        "</article>", '<div class="tags">كلمات دلالية: <a>لبنان</a> <a>الجنوب</a></div></article>'
    )
    assert {"لبنان", "الجنوب"} <= set(extract(links).keywords)
    line = PAGE.replace("</article>", '<div class="article-tags">الوسوم: سوريا | تركيا</div></article>')
    assert {"سوريا", "تركيا"} <= set(extract(line).keywords)


def test_page_without_text() -> None:
    page = extract(
        "<html><head><title>x</title></head><body><nav><a href='/'>الرئيسية</a></nav></body></html>"
    )
    assert "استقبل" not in page.text


HEADER_DATE_PAGE = """<html><head><meta charset="utf-8">
<title>السيسي يستقبل رئيس وزراء اليونان - بوابة النيل</title>
</head><body><div class="top-date">الاثنين 07 يوليو 2025</div>
<h1>السيسي يستقبل رئيس وزراء اليونان</h1>
<span class="post-date">الأحد، 06 يوليو 2025 01:30 م</span>
<div class="article-body">
<p>استقبل الرئيس عبد الفتاح السيسي، اليوم الأحد، رئيس وزراء اليونان بقصر الاتحادية، بحضور وزير الخارجية.</p>
<p>وصرح المتحدث الرسمي باسم الرئاسة بأن اللقاء تناول سبل تعزيز التعاون في مجالات الطاقة.</p>
<p>كما تناول اللقاء تطورات الأوضاع في ليبيا والسودان، حيث أكد الجانبان أهمية الحلول السياسية.</p>
</div></body></html>"""


def test_date_in_the_article_header_not_the_top_bar() -> None:
    page = extract(HEADER_DATE_PAGE)
    assert page.published_at == datetime(2025, 7, 6, 13, 30)


RELATED_BOX = """<section class="{cls}"><h2>{label}</h2>
<div class="card"><h3><a>وزير الخارجية الكويتي يستقبل نظيره العماني</a></h3>
<p>استقبل وزير الخارجية الكويتي عبد الله اليحيا نظيره العماني بدر البوسعيدي، وبحثا العلاقات.</p></div>
<div class="card"><a><h3>البرلمان العراقي يقر موازنة العام المقبل</h3></a><span>منذ ساعتين</span>
<p>أقر مجلس النواب العراقي في جلسته مساء الاثنين قانون الموازنة العامة للعام المقبل بالأغلبية.</p></div>
</section>"""


def test_related_box_trafilatura_drops_becomes_teasers_with_their_leads() -> None:
    page = PAGE.replace("</article>", "</article>" + RELATED_BOX.format(cls="box", label="اقرأ أيضاً"))
    arts = clean(RawArticle(id="r", body=page.encode(), content_type=ContentType.HTML))
    assert [a.title for a in arts] == [
        "الجامعة العربية تدعو إلى وقف التصعيد",
        "وزير الخارجية الكويتي يستقبل نظيره العماني",
        "البرلمان العراقي يقر موازنة العام المقبل",
    ]
    assert "اليحيا" not in arts[0].body and "الموازنة" not in arts[0].body
    assert arts[1].body.startswith("استقبل وزير الخارجية الكويتي") and "منذ ساعتين" not in arts[2].body


def test_related_box_found_by_its_class_when_its_label_is_unknown() -> None:
    box = RELATED_BOX.format(cls="jp-relatedposts", label="من الموقع")
    lines = extract(PAGE.replace("</article>", "</article>" + box)).text.splitlines()
    start = lines.index("أخبار ذات صلة")  # a label split_related knows stands in for the box's own
    assert "من الموقع" not in lines
    assert lines[start + 1] == "وزير الخارجية الكويتي يستقبل نظيره العماني"


def test_no_related_box_no_lines_added_and_nested_labels_do_not_take_the_article() -> None:
    assert extract(PAGE).text == extract(PAGE.replace("<article>", '<div class="body"><article>')).text
    # The label heading sits in a box inside the article's div: only the box is related.
    nested = PAGE.replace("<article>", '<div class="content"><article>').replace(
        "</article>",
        '<div class="more-on"><h2>اقرأ أيضا</h2><ul><li><a>عنوان</a></li></ul></div></article></div>',
    )
    text = extract(nested).text
    assert "دعا الأمين العام" in text and text.count("أخبار ذات صلة") == 0
