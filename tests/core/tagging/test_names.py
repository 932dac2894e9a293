import pytest

from khabar.core.tagging.catalog import lexicon
from khabar.core.tagging.names import complete_person_spans, find_names
from khabar.core.tagging.words import words_of


def names(text: str) -> list[tuple[str, str | None]]:
    ws = words_of(text, lexicon())
    out = []
    for n in find_names(ws):
        if n.trigger == "title_only":
            continue
        name = text[ws[n.first].stem_start : ws[n.last].end]
        title = text[ws[n.title.start].stem_start : ws[n.title.end - 1].end] if n.title else None
        out.append((name, title))
    return out


def test_transliterated_name_after_title_with_nisba() -> None:
    assert names("وقال نائب وزير الخارجية الروسي ميخائيل بوغدانوف إن") == [
        ("ميخائيل بوغدانوف", "نائب وزير الخارجية الروسي")
    ]


def test_name_after_title_and_comma() -> None:
    got = names("نقلها نائب رئيس مجلس الوزراء العراقي، محمد علي تميم، خلال زيارته")
    assert got and got[0][0] == "محمد علي تميم"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("التقى عبد الحميد الدبيبة في", "عبد الحميد الدبيبة"),
        ("استقبل محمد بن سلمان أمس", "محمد بن سلمان"),
        ("وصرح أحمد أبو الغيط بأن", "أحمد أبو الغيط"),
        ("قال الشيخ تميم بن حمد آل ثاني إن", "تميم بن حمد آل ثاني"),
    ],
)
def test_name_chains(text: str, name: str) -> None:
    assert name in [n for n, _ in names(text)]


def test_ala_is_not_the_name_ali() -> None:
    assert names("وافق محمد على الاتفاق") == []


def test_first_name_that_is_a_common_word_needs_more_evidence() -> None:
    assert names("احتفل بعيد ميلاده مع سلام عادل") == []


def test_title_followed_by_a_common_phrase_is_no_name() -> None:
    assert names("قال رئيس التحرير إن") == []


def test_unsure_words_after_a_title_only_lend_it() -> None:
    # "نبيه بري" are everyday words (smart, land): not a name by this rule alone, but the title is
    # kept for whatever reading takes them for a person.
    text = "اتهم رئيس مجلس النواب نبيه بري إسرائيل"
    assert names(text) == []
    ws = words_of(text, lexicon())
    (n,) = find_names(ws)
    assert n.trigger == "title_only" and n.title is not None and n.title.sector == "LEG"
    assert text[ws[n.first].stem_start : ws[n.last].end].startswith("نبيه بري")


def test_an_indefinite_role_with_a_nationality_describes_someone_unnamed() -> None:
    assert names("في أول زيارة لمسؤول فرنسي رفيع منذ الأزمة") == []  # رفيع: senior
    assert names("وقال مسؤول أمريكي جون سميث إن") == [("جون سميث", "مسؤول أمريكي")]


def test_prefixed_word_ends_the_name() -> None:
    got = [n for n, _ in names("التقى أحمد معيتيق وبوتين")]
    assert got == ["أحمد معيتيق"]


def test_title_behind_lam_belongs_to_the_following_name() -> None:
    got = names("بوغدانوف، المبعوث الخاص للرئيس الروسي فلاديمير بوتين")
    assert [n for n, _ in got] == ["فلاديمير بوتين"]


@pytest.mark.parametrize(
    "text",
    [
        "لا شك في أن عودة بركات إلى صفوف الفريق ستمنحنا أفضلية",  # س + imperfect + نا
        "لم يكلف نفسه الاتصال بمدير الفريق ليخبره بموعد وصوله",  # ل + imperfect + ه
        "ولما كان الوزير مهاجراني لايؤمن بالرقابة",  # glued لا + imperfect
    ],
)
def test_a_name_after_a_title_stops_at_a_verb(text: str) -> None:
    assert names(text) == []


def test_foreign_names_that_begin_like_verbs_still_pass() -> None:
    assert [n for n, _ in names("التقى وزير الخارجية سيرغي لافروف")] == ["سيرغي لافروف"]


def test_a_counterpart_is_a_title_that_gives_the_country_of_the_name() -> None:
    found = names("وبحث لافروف هاتفيا مع نظيره التركي هاكان فيدان الوضع في سوريا")
    assert found == [("هاكان فيدان", "نظيره التركي")]


def test_roles_outside_politics_introduce_names_too() -> None:
    assert names("وسجل اللاعب ميهاي ستويكيتا هدفين") == [("ميهاي ستويكيتا", "اللاعب")]
    assert names("برئاسة السيناتور كريس مورفي") == [("كريس مورفي", "السيناتور")]


def completed(text: str, *names: str) -> list[str]:
    """complete_person_spans over the word ranges of `names` (as a model would have found them)."""
    ws = words_of(text, lexicon())
    spans = []
    for name in names:
        start = text.index(name)
        first = next(i for i, w in enumerate(ws) if w.start <= start < w.end)
        last = next(i for i, w in enumerate(ws) if w.end >= start + len(name))
        spans.append((first, last))
    return [text[ws[f].stem_start : ws[last].end] for f, last in complete_person_spans(text, ws, spans)]


def test_a_nasab_link_and_the_name_after_it_belong_to_the_name() -> None:
    text = "ويتعلق الأمر بكل من حضية ولد سلامة ولد النفاع ومحمد لمين ولد سلامة وعبد الرحمان ولد محمد"
    assert completed(text, "حضية", "محمد لمين", "عبد الرحمان") == [
        "حضية ولد سلامة ولد النفاع",
        "محمد لمين ولد سلامة",
        "عبد الرحمان ولد محمد",
    ]


def test_a_name_before_a_nasab_link_belongs_to_the_name() -> None:
    assert completed("التقى علوات ولد محمد سالم أمس", "محمد سالم") == ["علوات ولد محمد سالم"]


def test_a_link_before_a_common_word_or_a_function_word_is_not_followed() -> None:
    assert completed("وكان سعيد ولد في القاهرة", "سعيد") == ["سعيد"]


def test_a_regnal_ordinal_belongs_to_a_one_word_given_name_only() -> None:
    assert completed("جنازة الملك الراحل الحسن الثاني أمس", "الحسن") == ["الحسن الثاني"]
    assert completed("دعا البابا بنديكتوس السادس عشر المسيحيين", "بنديكتوس") == ["بنديكتوس السادس عشر"]
    assert completed("وتغلب توماس برديتش الثاني عشر على", "توماس برديتش") == ["توماس برديتش"]


def test_a_lone_given_name_takes_its_family_name_before_a_pause() -> None:
    text = "أعلن المتحدث العسكري يحيى سريع، مساء السبت، استهداف سفينة"
    assert completed(text, "يحيى") == ["يحيى سريع"]
    assert completed("التقى الوزير محمد المسؤولين، ثم غادر", "محمد") == ["محمد"]  # definite: no name
    assert completed("وصل محمد متأخرا، ثم غادر", "محمد") == ["محمد"]  # an adverb


def test_a_titles_nationality_starts_no_name() -> None:
    text = "استقبل الرئيس الجزائري عبد المجيد تبون وزيرا"
    assert completed(text, "الجزائري عبد المجيد") == ["عبد المجيد"]
    assert completed("قال محمد المصري إن", "محمد المصري") == ["محمد المصري"]  # a family name stays


def test_two_names_side_by_side_are_one_name_but_not_across_a_comma_or_a_conjunction() -> None:
    assert completed("كتب محمود صبري أبو تريكة أمس", "محمود صبري", "أبو تريكة") == ["محمود صبري أبو تريكة"]
    assert completed("التقى محمود صبري، أبو تريكة", "محمود صبري", "أبو تريكة") == ["محمود صبري", "أبو تريكة"]
    assert completed("التقى محمود صبري وأبو تريكة", "محمود صبري", "أبو تريكة") == ["محمود صبري", "أبو تريكة"]


def test_a_known_given_name_right_before_a_model_name_belongs_to_it() -> None:
    assert completed("محمد عطا وبجانبه زياد الجراح وهما يبتسمان", "الجراح") == ["زياد الجراح"]
    assert completed("خلفا لكوفي أنان في منصبه", "أنان") == ["كوفي أنان"]
    # Not across punctuation, not onto a name that carries a proclitic, not a common word.
    assert completed("قال زياد، الجراح", "الجراح") == ["الجراح"]
    assert completed("التقى زياد والجراح", "الجراح") == ["الجراح"]
    assert completed("وقع على بيان سلام الجراح", "الجراح") == ["الجراح"]


def test_a_number_ends_a_name() -> None:
    assert completed("وقال تانغ 618 مليون دولار", "تانغ 618") == ["تانغ"]


def test_an_everyday_word_alone_after_a_title_is_no_name() -> None:
    assert names("وتابع الملك سيره نحو المدينة") == []
    assert names("ولم يدل الوزير بأي تصريح") == []
    assert [n for n, _ in names("وقال الوزير سمير إن")] == ["سمير"]


def test_nasab_chains_of_two_links_are_names_whatever_the_given_name() -> None:
    text = "وأفرجت السلطات عن حضية ولد سلامة ولد النفاع وسعيد ولد محمد الشيخ ولد بيد الله أمس"
    assert [n for n, _ in names(text)] == ["حضية ولد سلامة ولد النفاع", "سعيد ولد محمد الشيخ ولد بيد الله"]
    ws = words_of(text, lexicon())
    assert {n.trigger for n in find_names(ws)} == {"nasab"}


def test_one_link_or_a_birth_is_no_nasab_chain() -> None:
    # "ولد" is also "was born": a chain needs a second link, and no preposition after a link.
    assert names("وقال إن الطفل ولد في مخيم اللاجئين عام 2010") == []
    assert all(n.trigger != "nasab" for n in find_names(words_of("كوخ ولد صغير في القرية", lexicon())))
