import pytest

from khabar.core.tagging.catalog import lexicon
from khabar.core.tagging.orgs import find_orgs
from khabar.core.tagging.words import words_of


def orgs(text: str) -> list[str]:
    ws = words_of(text, lexicon())
    return [text[ws[o.first].stem_start : ws[o.last].end] for o in find_orgs(ws)]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("أعلنت وزارة الخارجية الروسية أن", "وزارة الخارجية الروسية"),
        ("رئيس هيئة تشجيع الاستثمار قال", "هيئة تشجيع الاستثمار"),
        ("وفد غرفة تجارة بنغازي في", "غرفة تجارة بنغازي"),
        ("بحسب شبكة CNN فإن", "شبكة CNN"),
        ("بيان وزارة الخارجية والتعاون الدولي في", "وزارة الخارجية والتعاون الدولي"),
        ("قالت الحكومة الليبية إن", "الحكومة الليبية"),
    ],
)
def test_organization_structures(text: str, org: str) -> None:
    assert orgs(text) == [org]


def test_descriptions_are_not_organizations() -> None:
    assert orgs("قال المكتب الإعلامي إن") == []
    assert orgs("إن وزارة في البلاد") == []
    assert orgs("منتدى دولي يعقد بشكل دوري") == []


def test_person_title_ends_the_name() -> None:
    assert orgs("بحسب إدارة الرئيس الأمريكي") == []
