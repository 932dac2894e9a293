from hypothesis import given
from hypothesis import strategies as st

from khabar.core.tagging.catalog import lexicon
from khabar.core.tagging.countries import countries
from khabar.core.tagging.titles import TITLE_WORDS, match_title
from khabar.core.tagging.words import words_of
from khabar.core.text.normalize import norm


def words(text: str) -> list[str]:
    return norm(text).split()


def test_title_words_are_normalized_single_words() -> None:
    assert TITLE_WORDS
    for w in TITLE_WORDS:
        assert " " not in w and norm(w) == w
    for w in ("الرئيس", "وزير", "السفير", "اللواء", "المتحدث", "الامير"):
        assert w in TITLE_WORDS


def test_title_with_nisba_gives_country_and_stops_before_the_name() -> None:
    ws = words("نائب وزير الخارجية الروسي ميخائيل بوغدانوف")
    m = match_title(ws, 0)
    assert m is not None
    assert (m.start, m.end) == (0, 4)
    assert m.country == "RUS"
    assert ws[m.end] == "ميخائيل"


def test_ambassador_country_is_the_sender_not_the_host() -> None:
    m = match_title(words("سفير روسيا لدى ليبيا حيدر أغانين"), 0)
    assert m is not None and m.country == "RUS" and m.sector == "DIP"
    assert m.end == 4


def test_ambassador_to_a_capital() -> None:
    m = match_title(words("السفير البريطاني لدى طهران هوغو شورتر"), 0)
    assert m is not None and m.country == "GBR" and m.end == 4


def test_envoy_to_a_country_keeps_the_envoys_country() -> None:
    m = match_title(words("المبعوث الأمريكي الخاص إلى السودان توم بيرييلو"), 0)
    assert m is not None and m.country == "USA" and m.end == 5
    # إلى with no country after it is no part of the title.
    m = match_title(words("المبعوث الأمريكي إلى المنطقة"), 0)
    assert m is not None and m.end == 2


def test_sectors_from_head_and_domain_words() -> None:
    assert (m := match_title(words("اللواء الركن خليفة حفتر"), 0)) and m.sector == "MIL"
    assert (m := match_title(words("وزير الدفاع الأمريكي لويد أوستن"), 0)) and m.sector == "MIL"
    assert (m := match_title(words("الرئيس التركي رجب طيب أردوغان"), 0)) and m.sector == "GOV"
    assert (m := match_title(words("الرئيس التركي"), 0)) and m.country == "TUR"


def test_multiword_country_inside_a_title() -> None:
    m = match_title(words("رئيس روسيا الاتحادية فلاديمير بوتين"), 0)
    assert m is not None and m.country == "RUS" and m.end == 3


def test_no_title_no_match() -> None:
    assert match_title(words("ذهب الولد إلى المدرسة"), 0) is None
    assert match_title([], 0) is None


@given(
    st.lists(st.sampled_from([*sorted(TITLE_WORDS), "محمد", "قال", "في"]), min_size=1, max_size=12),
    st.integers(0, 11),
)
def test_match_stays_inside_the_sentence(ws: list[str], i: int) -> None:
    m = match_title(ws, i)
    if m is not None:
        assert m.start == i < m.end <= len(ws)
        assert ws[i] in TITLE_WORDS


def test_every_country_with_a_one_word_name_has_a_nisba() -> None:
    one_word = [c for c in countries() if any(" " not in n for n in c.names)]
    with_nisba = [c for c in one_word if c.nisbas]
    assert len(with_nisba) >= 0.8 * len(one_word)


def test_counterpart_phrases_carry_the_nisba_country_but_are_no_model_title_feature() -> None:
    from khabar.core.tagging.titles import COUNTERPARTS, TITLE_WORDS, match_title
    from khabar.core.text.normalize import norm

    words = [norm(w) for w in ["مع", "نظيره", "الأوكراني", "دميترو", "كوليبا"]]
    m = match_title(words, 1)
    assert m is not None and (m.end, m.country) == (3, "UKR")
    assert not COUNTERPARTS & TITLE_WORDS


def test_international_bodies_and_ministries_fields() -> None:
    m = match_title(words("الأمين العام للأمم المتحدة أنطونيو غوتيريش"), 0)
    assert m is not None and m.sector == "IGO" and m.end == 4  # "للأمم" keeps its لل in the key
    keys = [w.key for w in words_of("المدير العام للوكالة الدولية للطاقة الذرية", lexicon())]
    m = match_title(keys, 0)
    assert m is not None and m.sector == "IGO"  # ل + "الوكالة الدولية"
    m = match_title(words("وزير التعاون الدولي اليمني محمد علي"), 0)
    assert m is not None and m.sector == "GOV" and m.country == "YEM" and m.end == 4
