from hypothesis import given
from hypothesis import strategies as st

from khabar.core.tagging.gazetteer import GazEntry, Gazetteer, longest_first
from khabar.core.text.normalize import norm

LOC = GazEntry("LOC", "country", "x")


def gaz(*names: str) -> Gazetteer:
    return Gazetteer((norm(n), LOC) for n in names)


def found(g: Gazetteer, text: str) -> list[str]:
    t = norm(text)
    return [t[m.start : m.end] for m in longest_first(g.find(t))]


def test_matches_with_attached_proclitics() -> None:
    g = gaz("روسيا", "ليبيا", "العراق")
    assert found(g, "وروسيا") == ["روسيا"]
    assert found(g, "لليبيا") == ["ليبيا"]
    assert found(g, "تروسيا") == []  # ت is no proclitic
    assert found(g, "وبروسيا") == ["روسيا"]


def test_assimilated_article_after_lam() -> None:
    g = gaz("العراق")
    t = norm("زيارة للعراق")
    ms = g.find(t)
    assert len(ms) == 1 and ms[0].name == "العراق" and t[ms[0].start : ms[0].end] == "لعراق"


def test_word_boundaries() -> None:
    g = gaz("مصر")
    assert found(g, "مصراتة") == []
    assert found(g, "تمصر") == []
    assert found(g, "في مصر.") == ["مصر"]


def test_longest_match_wins() -> None:
    g = gaz("مجلس الامن", "مجلس الامن الدولي", "الامن")
    assert found(g, "قرار مجلس الأمن الدولي") == ["مجلس الامن الدولي"]


def test_ambiguous_name_keeps_every_entry() -> None:
    g = Gazetteer(
        [(norm("طرابلس"), GazEntry("LOC", "city", "1")), (norm("طرابلس"), GazEntry("LOC", "city", "2"))]
    )
    (m,) = g.find(norm("طرابلس"))
    assert {e.ref for e in m.entries} == {"1", "2"}


@given(st.text(alphabet="روسياليبو .،", max_size=40))
def test_matches_are_inside_the_text_and_name_the_key(text: str) -> None:
    g = gaz("روسيا", "ليبيا")
    for m in g.find(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] in ("روسيا", "ليبيا")
