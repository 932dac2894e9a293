"""country_of_word (one dict of ISO codes) and the multi-word name heads titles prefilter by agree
with the country table they are derived from."""

from khabar.core.tagging.countries import _by_name, countries, country_of_word, multiword_name_heads
from khabar.core.text.normalize import norm


def test_country_of_word_matches_the_reference() -> None:
    words = [n for c in countries() for n in c.names] + [
        norm(w) for w in ("روسيا", "الروسي", "محمد", "", " ")
    ]
    for w in words:
        c = _by_name().get(w)
        assert country_of_word(w) == (c.iso3 if c else None)


def test_every_multiword_name_starts_with_a_head() -> None:
    heads = multiword_name_heads()
    names = [n for n in _by_name() if " " in n]
    assert names
    for n in names:
        parts = n.split(" ")
        for k in range(1, len(parts)):
            assert " ".join(parts[:k]) in heads
    # Nothing else: each head is a name's leading part before a space.
    assert all(any(n.startswith(h + " ") for n in names) for h in heads)
