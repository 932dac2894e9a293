"""clean(): the stage end to end, on the seeds, the sample corpus, bad input and generated articles."""

import json
from itertools import chain
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.core.cleaning import clean, related_id
from khabar.core.cleaning.fingerprint import similarity
from khabar.core.errors import RejectedInput
from khabar.core.models import Article, ContentType, ParagraphKind, RawArticle, Relation
from khabar.core.text.normalize import norm

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT / ".." / "shared"
SAMPLES = ROOT / "samples"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared (seeds, gold) is not present")


def _clean_text(text: str, **kw: Any) -> list[Article]:
    return clean(RawArticle(id="a1", body=text.encode(), **kw))


def _gold() -> dict[str, dict[str, object]]:
    docs = json.loads((SHARED / "gold" / "seeds.gold.json").read_text(encoding="utf-8"))["documents"]
    items = docs.values() if isinstance(docs, dict) else docs
    return {d["file"]: d["clean"] for d in items}


@needs_shared
@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_seed_matches_reference_cleaning(name: str) -> None:
    gold = {Path(k).name[:3]: v for k, v in _gold().items()}[name]
    path = next((SHARED / "seeds").glob(f"{name}_*.txt"))
    articles = clean(RawArticle(id=path.stem, body=path.read_bytes()))
    main, related = articles[0], articles[1:]
    body = norm(main.body)
    assert norm(main.title or "") == norm(str(gold["title"]))
    assert (main.published_at.date().isoformat() if main.published_at else None) == gold["published"]
    assert (norm(main.source_name) if main.source_name else None) == (
        norm(str(gold["source"])) if gold["source"] else None
    )
    for text in gold.get("absent_from_body", []):  # type: ignore[attr-defined]
        assert norm(text) not in body
    for text in gold.get("present_in_body", []):  # type: ignore[attr-defined]
        assert norm(text) in body
    if gold.get("related_story_present"):
        text = norm(str(gold["related_story_present"]))
        assert text not in body and any(text in norm(a.body) for a in related)


@needs_shared
def test_two_outlets_telling_one_story_fingerprint_closer_than_unrelated() -> None:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    fp = {p.name[:3]: clean(RawArticle(id=p.stem, body=p.read_bytes()))[0].fingerprint for p in seeds}
    same = similarity(fp["001"], fp["002"])
    unrelated = [
        similarity(fp[a], fp[b]) for a, b in [("000", "001"), ("000", "002"), ("001", "004"), ("002", "003")]
    ]
    assert same > 2 * max(unrelated)


def test_sample_corpus_cleans_without_furniture() -> None:
    files = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html"})
    assert len(files) >= 5
    for path in files:
        ctype = ContentType.HTML if path.suffix == ".html" else ContentType.TEXT
        articles = clean(RawArticle(id=path.stem, body=path.read_bytes(), content_type=ctype))
        main = articles[0]
        assert main.relation is Relation.MAIN and main.title and main.published_at is not None
        for furniture in (
            "شارك",
            "تابعونا",
            "اشترك",
            "رئيس التحرير",
            "جميع الحقوق",
            "الرئيسية",
            "تاريخ النشر",
        ):
            assert furniture not in main.body, (path.name, furniture)
        assert [main.body[p.start : p.end] for p in main.paragraphs] == main.body.split("\n")


def test_sample_related_story_gets_its_own_article() -> None:
    path = SAMPLES / "01_amman_meeting.txt"
    main, *related = clean(RawArticle(id="amman", body=path.read_bytes()))
    assert main.source_name == "الأنباط اليوم" and main.author == "خالد منصور"
    assert main.published_at is not None and (main.published_at.month, main.published_at.day) == (6, 14)
    assert "ولي العهد" not in main.body
    assert len(related) == 1
    teaser = related[0]
    assert (
        teaser.relation is Relation.RELATED
        and teaser.parent_id == "amman"
        and teaser.id == related_id("amman", 1)
    )
    assert teaser.title == "ولي العهد يلتقي وفداً من رجال الأعمال الخليجيين"
    assert "التقى ولي العهد" in teaser.body
    # Inherited from the parent: nothing better is known about the teaser.
    assert teaser.source_name == main.source_name and teaser.published_at == main.published_at


def test_section_heading_stays_in_the_body_as_heading() -> None:
    text = (
        "قمة عربية طارئة في القاهرة لبحث الأوضاع\n"
        "اجتمع القادة العرب في القاهرة اليوم لبحث الأوضاع في المنطقة.\n"
        "الموقف من التصعيد\n"
        "ودان البيان الختامي التصعيد العسكري وطالب بوقف فوري لإطلاق النار.\n"
    )
    (main,) = _clean_text(text)
    assert main.title == "قمة عربية طارئة في القاهرة لبحث الأوضاع"
    kinds = [(main.body[p.start : p.end], p.kind) for p in main.paragraphs]
    assert ("الموقف من التصعيد", ParagraphKind.HEADING) in kinds


def test_feed_hints_are_used_as_given() -> None:
    from datetime import UTC, datetime

    when = datetime(2025, 1, 2, 3, 4, tzinfo=UTC)
    text = "تاريخ النشر: 10 يونيو 2020\nالمصدر: موقع آخر\nاستقبل الوزير السفير الفرنسي في مكتبه اليوم."
    (main,) = _clean_text(text, title="عنوان الخلاصة", published_at=when, source_name="وكالة الخلاصة")
    assert (main.title, main.published_at, main.source_name) == ("عنوان الخلاصة", when, "وكالة الخلاصة")


def test_no_date_in_text_means_no_published_at() -> None:
    (main,) = _clean_text("وزير الخارجية يستقبل نظيره\nاستقبل وزير الخارجية اليوم نظيره التركي في العاصمة.")
    assert main.published_at is None


def test_html_labelled_as_text_is_sniffed() -> None:
    html = (SAMPLES / "04_rabat_call.html").read_bytes()
    (main, *_) = clean(RawArticle(id="x", body=html, content_type=ContentType.TEXT))
    assert "<p>" not in main.body and "بوريطة" in main.body and main.source_name == "المغرب الإخباري"


def test_non_arabic_article_passes_through_with_its_language() -> None:
    text = (
        "Macron reçoit le président libanais\n"
        "Le président français a reçu mardi son homologue libanais à Paris."
    )
    (main,) = _clean_text(text)
    assert main.language == "fr" and "homologue libanais" in main.body


def test_display_body_strips_invisibles_but_keeps_letters() -> None:
    (main,) = _clean_text("اسْتقبل\u200f الرئيسُ\u00a0\u00a0 الوفدَ   في القصر\u200b.")
    assert main.body == "اسْتقبل الرئيسُ الوفدَ في القصر."


@pytest.mark.parametrize(
    ("body", "ctype", "reason"),
    [
        (b"", ContentType.TEXT, "empty"),
        (b"\xff\xfe\xfd\x00\x01\x02" * 100, ContentType.TEXT, "binary"),
        ("تقرير".encode("cp1256"), ContentType.TEXT, "invalid_utf8"),
        (b"<html><body><nav><a href='/'>home</a></nav></body></html>", ContentType.HTML, "no_text"),
        ("شارك\nفيسبوك تويتر\n".encode(), ContentType.TEXT, "no_text"),
    ],
)
def test_bad_input_is_rejected(body: bytes, ctype: ContentType, reason: str) -> None:
    with pytest.raises(RejectedInput) as info:
        clean(RawArticle(id="bad", body=body, content_type=ctype))
    assert info.value.reason == reason


def test_size_limit_parameter() -> None:
    raw = RawArticle(id="big", body=("استقبل الرئيس الوفد. " * 1000).encode())
    assert clean(raw)
    with pytest.raises(RejectedInput) as info:
        clean(raw, max_bytes=1000)
    assert info.value.reason == "too_large"


# --- properties ----------------------------------------------------------------------------------

_SUBJECTS = ["الرئيس", "وزير الخارجية", "رئيس الحكومة", "السفير", "الوفد الرسمي", "الأمين العام"]
_VERBS = ["استقبل", "بحث", "أكد", "دان", "دعا", "زار", "التقى"]
_OBJECTS = ["نظيره المصري", "سبل التعاون", "أهمية الحوار", "الهجوم", "وقف إطلاق النار", "العاصمة", "الوفد"]
_PLACES = ["في القاهرة", "في بغداد", "في الرباط", "في تونس", "اليوم الأحد", "خلال اللقاء", "في بيان"]

sentences = st.builds(
    lambda conj, v, s, o, p: f"{conj}{v} {s} {o} {p}.",
    st.sampled_from(["", "و"]),
    st.sampled_from(_VERBS),
    st.sampled_from(_SUBJECTS),
    st.sampled_from(_OBJECTS),
    st.sampled_from(_PLACES),
)
_FURNITURE_TOP = [
    ["اليوم السابع", "اليوم السابع"],
    ["رئيس مجلس الإدارة أحمد علي رئيس التحرير سامي فؤاد"],
    ["رئيس مجلسى الإدارة والتحرير", "محمود حسن"],
    ["الرئيسية | سياسة | اقتصاد | رياضة"],
]
_FURNITURE_UNDER_TITLE = [
    ["تاريخ النشر: 3 آب 2025"],
    ["ياسين أحمد -"],
    ["بغداد"],
    ["نشر في: 2025-08-03 10:00"],
]
_FURNITURE_BOTTOM = [
    ["شارك هذا الخبر:", "فيسبوك تويتر واتساب"],
    ["المصدر: وكالات"],
    ["كلمات دلالية: العراق، مصر"],
    ["اشترك في النشرة البريدية"],
    ["موضوعات متعلقة"],
    ["إقرأ أيضاً:", "عنوان خبر آخر مختلف", "قال المتحدث إن الاجتماع المقبل سيعقد الشهر القادم."],
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    story=st.lists(sentences, min_size=1, max_size=8),
    top=st.lists(st.sampled_from(_FURNITURE_TOP), max_size=2),
    under=st.lists(st.sampled_from(_FURNITURE_UNDER_TITLE), max_size=2),
    bottom=st.lists(st.sampled_from(_FURNITURE_BOTTOM), max_size=3),
)
def test_furniture_never_costs_a_story_sentence(
    story: list[str], top: list[list[str]], under: list[list[str]], bottom: list[list[str]]
) -> None:
    title = "مباحثات رسمية لبحث تطورات الأوضاع في المنطقة"
    lines = [
        *chain.from_iterable(top),
        title,
        *chain.from_iterable(under),
        *story,
        *chain.from_iterable(bottom),
    ]
    main, *related = _clean_text("\n".join(lines))
    assert main.title == title
    for sentence in story:
        assert sentence in main.body
    assert "رئيس التحرير" not in main.body and "شارك" not in main.body and "تاريخ النشر" not in main.body
    assert all(a.relation is Relation.RELATED and a.parent_id == main.id for a in related)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    story=st.lists(sentences, min_size=1, max_size=8),
    heading=st.sampled_from(["", "الموقف الدولي من الأزمة", "ردود الفعل"]),
    noise=st.sampled_from(["", "\u200f", "\u00a0", "  "]),
)
def test_cleaning_is_idempotent(story: list[str], heading: str, noise: str) -> None:
    body_lines = [story[0], heading, *story[1:]] if heading else story
    text = "عنوان الخبر الرئيسي هنا اليوم\n" + "\n".join(noise + ln + noise for ln in body_lines)
    first = _clean_text(text)[0].body
    assert _clean_text(first)[0].body == first


# Furniture layouts of outlets other than the seeds' (texts written for these tests).
OUTLETS = {
    "date and byline above the headline": (
        "الوطن اليوم\n"
        "الأحد، 15 يونيو 2025 02:00 م\n"
        "كتب محمد السيد\n"
        "وزير الخارجية يتلقى اتصالا هاتفيا من نظيره السعودي\n"
        "تلقى وزير الخارجية اتصالا هاتفيا من نظيره السعودي، تناول التطورات في السودان.\n"
        "وأكد الوزيران ضرورة التوصل إلى وقف دائم لإطلاق النار.\n"
        "1,234 مشاهدة\n"
        "لا توجد تعليقات\n",
        "وزير الخارجية يتلقى اتصالا هاتفيا من نظيره السعودي",
        "2025-06-15T14:00:00",
        None,
    ),
    "agency dateline and counters": (
        "الرئيسية » عربي ودولي » الخليج\n"
        "السعودية وإيران تتفقان على استئناف الرحلات الجوية\n"
        "الرياض: «الشرق الإخباري»\n"
        "منذ ساعتين\n"
        "3 دقائق قراءة\n"
        "اتفقت السعودية وإيران، الاثنين، على استئناف الرحلات الجوية المباشرة بين البلدين.\n"
        "وجاء الاتفاق خلال اجتماع لجنة مشتركة عقد في الرياض.\n"
        "حمّل تطبيق الشرق الإخباري\n",
        "السعودية وإيران تتفقان على استئناف الرحلات الجوية",
        None,
        None,
    ),
    "staff box at the bottom and a Maghrebi date": (
        "الجزائر تستدعي سفيرها لدى باريس للتشاور\n"
        "نشر بتاريخ: 12 جويلية 2025\n"
        "أعلنت وزارة الخارجية الجزائرية، السبت، استدعاء سفيرها لدى فرنسا للتشاور.\n"
        "وقالت الوزارة في بيان إن القرار جاء ردا على تصريحات وصفتها بالعدائية.\n"
        "المدير المسؤول: كريم بن علي\n"
        "جميع الحقوق محفوظة لجريدة الفجر 2025\n",
        "الجزائر تستدعي سفيرها لدى باريس للتشاور",
        "2025-07-12T00:00:00",
        None,
    ),
    "source and tags with separators": (
        "البرلمان العراقي يصوت على قانون الموازنة\n"
        "صوت مجلس النواب العراقي، الأربعاء، على قانون الموازنة العامة للسنة المالية الجديدة.\n"
        "المصدر: وكالة الأنباء العراقية\n"
        "الوسوم: العراق | البرلمان | الموازنة\n",
        "البرلمان العراقي يصوت على قانون الموازنة",
        None,
        "وكالة الأنباء العراقية",
    ),
}


@pytest.mark.parametrize("name", sorted(OUTLETS))
def test_other_outlets_layouts(name: str) -> None:
    text, title, published, source = OUTLETS[name]
    main, *_ = _clean_text(text)
    assert main.title == title
    assert (main.published_at.isoformat() if main.published_at else None) == published
    assert main.source_name == source
    story = [ln for ln in text.splitlines() if ln.endswith(".") and not ln.startswith(("المصدر", "الوسوم"))]
    assert main.body.split("\n") == story


def test_json_content_type() -> None:
    body = json.dumps({"title": "قمة ثلاثية في عمّان", "body": "عقدت في عمّان اليوم قمة ثلاثية بحثت الأوضاع."})
    (main,) = clean(RawArticle(id="j", body=body.encode(), content_type=ContentType.JSON))
    assert main.title == "قمة ثلاثية في عمّان" and main.body == "عقدت في عمّان اليوم قمة ثلاثية بحثت الأوضاع."


def test_a_labelled_publication_date_outranks_a_top_bar_date() -> None:
    text = (
        "السبت، 17 مايو 2025\n"
        "عنوان الخبر الرئيسي عن الزيارة الرسمية\n"
        "تاريخ النشر: 15 مايو 2025 - 04:30 م\n"
        "استقبل الرئيس وفدا رسميا في القصر، وبحث معه العلاقات الثنائية بين البلدين.\n"
    )
    (main,) = clean(RawArticle(id="d1", body=text.encode()))
    assert main.published_at is not None and (main.published_at.day, main.published_at.hour) == (15, 16)


def test_a_question_headline_under_a_two_level_breadcrumb() -> None:
    text = (
        "لبنان | سياسة\n"
        "هل تتجه الحكومة اللبنانية إلى التطبيع مع سوريا؟\n"
        "كتب: رلى الحاج\n"
        "عقد رئيس الجمهورية جوزف عون في قصر بعبدا أمس اجتماعا أمنيا موسعا خصص لملف الحدود.\n"
        "وقال مصدر وزاري إن دمشق أبدت انفتاحا.\n"
    )
    (main,) = clean(RawArticle(id="q1", body=text.encode()))
    assert main.title == "هل تتجه الحكومة اللبنانية إلى التطبيع مع سوريا؟"
    assert main.body.startswith("عقد رئيس الجمهورية") and "سياسة" not in main.body


_STORY = (
    "وزير الخارجية العماني يزور طهران\n"
    "وصل وزير الخارجية العماني بدر البوسعيدي إلى طهران اليوم الأحد في زيارة رسمية تستمر يومين.\n"
    "وقال البوسعيدي إن بلاده مستعدة لمواصلة دورها في تقريب وجهات النظر.\n"
)


@pytest.mark.parametrize(
    "last",
    [
        "المحادثات التي استمرت ثلاث ساعات تناولت ملفات الطاقة والحدود والمياه",  # a relative clause
        "الحكومة دعت الطرفين إلى الحوار على أساس وثيقة الوفاق ( رويترز )",  # a wire's sign-off
    ],
)
def test_a_last_sentence_without_its_full_stop_stays_a_paragraph(last: str) -> None:
    (main,) = _clean_text(_STORY + last + "\n")
    assert main.body.endswith(last)
    assert main.paragraphs[-1].kind is ParagraphKind.PARAGRAPH


@pytest.mark.parametrize(
    "trailer",
    [
        "عمان وإيران تبحثان التعاون الاقتصادي\n",  # a headline: no clause
        # Two lines after the story are a trailer of headlines, clause or not.
        "مسقط تؤكد أن الحوار هو الطريق الوحيد لحل الخلافات الإقليمية\nطهران ترحب بالوساطة العمانية\n",
    ],
)
def test_trailing_headlines_are_still_dropped(trailer: str) -> None:
    (main,) = _clean_text(_STORY + trailer)
    assert main.body.endswith("تقريب وجهات النظر.")


_LEAD = "استقبل رئيس الوزراء العراقي وزير الخارجية التركي في بغداد، وبحثا ملف المياه والحدود.\n"


@pytest.mark.parametrize(
    ("top", "lead", "source"),
    [
        ("شفق نيوز\n", "شفق نيوز/ " + _LEAD, "شفق نيوز"),  # the slash credit of Iraqi wires
        ("النهار\n", _LEAD + 'وعلمت "النهار" أن الجانبين اتفقا على لجنة مشتركة.\n', "النهار"),
        ("جريدة الصباح\n", _LEAD, "جريدة الصباح"),  # an outlet kind names itself
        ("بوابة العراق\nبوابة العراق\n", _LEAD, "بوابة العراق"),
        ("اتحاد العالم الإسلامي\nاتحاد العالم الإسلامي\n", _LEAD, None),  # a banner, repeated
        ("سياسة\n", _LEAD + "وتناول اللقاء سياسة البلدين المائية.\n", None),
    ],
)
def test_the_masthead_is_the_source_when_the_page_credits_it(top: str, lead: str, source: str | None) -> None:
    (main,) = _clean_text(top + "العراق وتركيا يبحثان ملف المياه\n" + lead)
    assert main.source_name == source
    assert main.title == "العراق وتركيا يبحثان ملف المياه"


def test_teaser_leads_cut_without_a_full_stop_stay_with_their_headlines() -> None:
    text = (
        "القاهرة تستضيف مؤتمر إعادة إعمار غزة\n"
        "أعلنت وزارة الخارجية المصرية، اليوم الأحد، أن القاهرة ستستضيف مؤتمرا دوليا لإعادة إعمار القطاع.\n"
        "وقال المتحدث باسم الوزارة إن التحضيرات تجري بالتنسيق مع الأمم المتحدة.\n"
        "أخبار ذات صلة\n"
        "السيسي يستقبل الرئيس القبرصي\n"
        "استقبل الرئيس عبد الفتاح السيسي نظيره القبرصي نيكوس خريستودوليدس في قصر الاتحادية\n"
        "مدبولي يلتقي وفدا من المستثمرين\n"
        "التقى رئيس الوزراء مصطفى مدبولي وفدا من المستثمرين الخليجيين لبحث فرص الاستثمار\n"
    )
    main, sisi, madbouly = _clean_text(text)
    assert "مدبولي" not in main.body
    assert (sisi.title, madbouly.title) == ("السيسي يستقبل الرئيس القبرصي", "مدبولي يلتقي وفدا من المستثمرين")
    assert sisi.body.startswith("استقبل الرئيس") and "مدبولي" not in sisi.body
    assert madbouly.body.startswith("التقى رئيس الوزراء")
    assert [p.kind for p in sisi.paragraphs] == [ParagraphKind.PARAGRAPH]


def test_a_story_without_a_date_line_is_dated_by_its_wire_dateline() -> None:
    text = (
        "الاحتلال يعتقل ثلاثة شبان من طوباس\n"
        "طوباس 03-02-2026 وفا- اعتقلت قوات الاحتلال الإسرائيلي، فجر اليوم الثلاثاء، ثلاثة شبان من البلدة.\n"
    )
    (main,) = _clean_text(text)
    assert main.published_at is not None and main.published_at.date().isoformat() == "2026-02-03"
    assert main.body.startswith("اعتقلت قوات الاحتلال")


def test_a_wire_credited_by_the_dateline_is_the_source_when_nothing_states_one() -> None:
    story = "فيدان في بغداد لبحث ملف المياه\nأنقرة/ الأناضول\n" + _LEAD
    (main,) = _clean_text(story)
    assert main.source_name == "الأناضول" and "الأناضول" not in main.body
    (main,) = _clean_text(story + "المصدر: وكالة الأنباء العراقية\n")
    assert main.source_name == "وكالة الأنباء العراقية"  # a stated source wins
    (main,) = _clean_text(story.replace("أنقرة/ الأناضول", "الخرطوم - وكالات"))
    assert main.source_name is None  # "agencies" names none
