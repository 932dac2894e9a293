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
