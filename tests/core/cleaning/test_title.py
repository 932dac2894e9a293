from khabar.core.cleaning.title import pick_title
from khabar.core.text.normalize import norm


def test_masthead_printed_twice_is_not_the_title() -> None:
    pre = pick_title(
        ["اتحاد العالم الإسلامي", "اتحاد العالم الإسلامي", "روسيا وليبيا يبحثان مستجدات الأوضاع"]
    )
    assert pre.title == "روسيا وليبيا يبحثان مستجدات الأوضاع"
    assert norm("اتحاد العالم الإسلامي") in pre.mastheads


def test_caption_after_headline_is_not_the_title() -> None:
    pre = pick_title(["الرئاسة الليبية تتسلم دعوة رسمية لحضور القمة", "المجلس الرئاسي الليبي"])
    assert pre.title == "الرئاسة الليبية تتسلم دعوة رسمية لحضور القمة"


def test_known_outlet_name_is_a_masthead_and_hint_wins() -> None:
    assert pick_title(
        ["الشروق اليوم الجديد", "وفد مصري يزور الخرطوم"], known_names=["الشروق اليوم الجديد"]
    ).title == ("وفد مصري يزور الخرطوم")
    assert pick_title(["عنوان من الصفحة هنا"], hint="عنوان الخلاصة").title == "عنوان الخلاصة"


def test_no_headline_means_no_title() -> None:
    assert pick_title(["عمّان"]).title is None
    assert pick_title([]).title is None
