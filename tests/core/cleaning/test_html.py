from datetime import datetime, timedelta, timezone

from khabar.core.cleaning.html import extract, looks_like_html

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


def test_page_without_text() -> None:
    page = extract(
        "<html><head><title>x</title></head><body><nav><a href='/'>الرئيسية</a></nav></body></html>"
    )
    assert "استقبل" not in page.text
