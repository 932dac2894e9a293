"""tag()'s faster paths give exactly what the code they replaced gives (kept here as references):
one model call for title and body, gazetteer readings memoized per name, the second pass's
overlap test by bisection and its merge without resolving the first pass again, and entities
built once from plain data instead of copied per cluster update."""

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.models import Article, Entity, EntityType
from khabar.core.tagging import (
    _COUNTRY_CUES,
    _PLACE_HEADS,
    _RULER_HEADS,
    _SOURCE_ORDER,
    ENRICH_ONLY,
    PLACE_OVER_MODEL,
    _after_place_head,
    _analyze_fields,
    _big_city_name,
    _canonicalize,
    _complete_persons,
    _cut_before_nationality,
    _established,
    _facilities,
    _free,
    _gazetteer_candidates,
    _mentions,
    _model,
    _model_candidates,
    _national_orgs,
    _restore_article,
    _rule_candidates,
    _with_appositions,
    _without_nisba_countries,
)
from khabar.core.tagging.canonical import canonical_id, cluster_mentions
from khabar.core.tagging.catalog import default_gazetteer, lexicon
from khabar.core.tagging.countries import ADJECTIVE_NAMES, nisba_country
from khabar.core.tagging.edges import repair_model_spans
from khabar.core.tagging.gazetteer import Gazetteer
from khabar.core.tagging.lexicons import common_words
from khabar.core.tagging.merge import Candidate, enrich, resolve
from khabar.core.tagging.orgs import is_description
from khabar.core.tagging.sequence_model import SequenceModel
from khabar.core.tagging.words import words_of
from khabar.core.text.normalize import NormalizedText, normalize
from khabar.core.text.tokens import Token


def ref_after_place_head(normalized: str, start: int) -> bool:
    before = normalized[:start].rstrip(" \"«“'")
    word = before[before.rfind(" ") + 1 :]
    if nisba_country(word) is not None and " " in before:
        before = before[: before.rfind(" ")]
        word = before[before.rfind(" ") + 1 :]
    return word in _PLACE_HEADS or word in _RULER_HEADS


def ref_gazetteer_candidates(text: str, nt: NormalizedText, gaz: Gazetteer) -> list[Candidate]:
    out: list[Candidate] = []
    for m in gaz.find(nt.text):
        entries = tuple(sorted(m.entries, key=lambda e: _SOURCE_ORDER.get(e.source, 9)))
        start, end = nt.to_original(m.start, m.end)
        surface = None
        if m.name.startswith("ال") and not nt.text.startswith("ال", m.start):
            surface = "ال" + text[start + 1 : end]
        for kind in dict.fromkeys(e.type for e in entries):
            mine = tuple(e for e in entries if e.type == kind)
            alone = mine[0].source not in ENRICH_ONLY or _big_city_name(m.name, mine[0].source)
            standalone = alone and not is_description(m.name)
            if not standalone and mine[0].source == "city" and ref_after_place_head(nt.text, m.start):
                standalone = True
            if standalone and mine[0].source == "country" and m.name in ADJECTIVE_NAMES:
                glued = m.start > 0 and nt.text[m.start - 1] != " "
                word = nt.text[: m.start].rstrip().split(" ")[-1]
                standalone = glued or word in _COUNTRY_CUES or (len(word) >= 3 and word.endswith("ت"))
            out.append(
                Candidate(kind, start, end, mine[0].source, 1.0, surface, entries=mine, standalone=standalone)
            )
    return out


def ref_analyze_field(text: str) -> list[Candidate]:
    """One field alone, the model called on it alone with its words re-wrapped as Tokens."""
    if not text:
        return []
    nt = normalize(text)
    words = words_of(text, lexicon())
    cands = ref_gazetteer_candidates(text, nt, default_gazetteer())
    cands += _rule_candidates(text, words)
    cands = _without_nisba_countries(text, cands)
    if _model() is not None:
        spans = SequenceModel.default().predict_spans([Token(w.text, w.start, w.end) for w in words], text)
        places = {(c.start, c.end) for c in cands if c.source in PLACE_OVER_MODEL}
        mine = _complete_persons(text, words, _model_candidates(text, spans, common_words()))
        cands += [
            c
            for c in repair_model_spans(text, words, mine)
            if c.type == "LOC" or (c.start, c.end) not in places
        ]
    national = _national_orgs(text, cands)
    cands = [c for c in cands if not _cut_before_nationality(text, c, national)]
    chosen = [_restore_article(text, c) for c in enrich(resolve(cands), cands)]
    return _with_appositions(text, words, _facilities(words, chosen))


def ref_entities(found: Sequence[Entity]) -> list[Entity]:
    """The canonical ids and shared attributes as tag() set them, by model_copy per update."""
    clusters = cluster_mentions([(e.type.value, e.text) for e in found])
    final = list(found)
    for cl in clusters:
        cid = canonical_id(cl)
        for m in cl.members:
            e = final[m]
            if e.type is EntityType.DATE:
                continue
            fill: dict[str, object] = {"canonical_id": cid, "canonical_name": cl.name}
            if cl.actor is not None:
                fill["wikidata_id"] = e.wikidata_id or cl.actor.wikidata
                fill["country"] = e.country or cl.actor.country
                fill["sector"] = e.sector or cl.actor.sector
            final[m] = e.model_copy(update=fill)
    for cl in clusters:
        for attr in ("title", "country", "sector"):
            val = next((getattr(final[m], attr) for m in cl.members if getattr(final[m], attr)), None)
            if val is not None:
                for m in cl.members:
                    if getattr(final[m], attr) is None and final[m].type is not EntityType.DATE:
                        final[m] = final[m].model_copy(update={attr: val})
    return final


@pytest.fixture(scope="module")
def fields(dev_texts: list[str], seed_texts: list[str]) -> list[tuple[str, str]]:
    """(title, body) pairs: a dev document's first line as its title, each seed's too, and a few
    without a title or a body."""
    out = [(t.split("\n", 1)[0], t.split("\n", 1)[-1]) for t in dev_texts + seed_texts]
    return [*out, ("", seed_texts[0]), (seed_texts[1][:200], ""), ("  ", " \n ")]


def test_title_and_body_in_one_model_call_equal_one_call_each(fields: list[tuple[str, str]]) -> None:
    for title, body in fields:
        got = _analyze_fields([title, body])
        assert [c for c, _, _ in got] == [ref_analyze_field(title), ref_analyze_field(body)]


def test_gazetteer_candidates_equal_the_reference(fields: list[tuple[str, str]]) -> None:
    gaz = default_gazetteer()
    for title, body in fields:
        for text in (title, body):
            nt = normalize(text)
            assert _gazetteer_candidates(text, nt, gaz) == ref_gazetteer_candidates(text, nt, gaz)
        chosen = [
            (text, c)
            for text, (cands, _, _) in zip((title, body), _analyze_fields([title, body]), strict=True)
            for c in cands
        ]
        known = _established(chosen)
        for text in (title, body):
            nt = normalize(text)
            assert _gazetteer_candidates(text, nt, known) == ref_gazetteer_candidates(text, nt, known)


def test_second_pass_merge_equals_resolving_everything_again(fields: list[tuple[str, str]]) -> None:
    """The extras free of the first pass's choice, resolved among themselves and merged in text
    order, are what resolve() over both gives; the bisection overlap test is the pairwise one."""
    merged = 0
    for title, body in fields:
        analyzed = _analyze_fields([title, body])
        known = _established(
            [(t, c) for t, (cands, _, _) in zip((title, body), analyzed, strict=True) for c in cands]
        )
        for text, (cands, _, nt) in zip((title, body), analyzed, strict=True):
            found = _gazetteer_candidates(text, nt, known)
            for c in found:
                assert _free(c, cands) == all(c.end <= o.start or c.start >= o.end for o in cands)
            extra = [c for c in found if _free(c, cands)]
            if extra:
                merged += 1
                assert sorted([*cands, *resolve(extra)], key=lambda c: c.start) == resolve([*cands, *extra])
            else:
                assert resolve(cands) == cands
    assert merged > 0  # the corpus exercises the merge


spans = st.tuples(st.integers(0, 30), st.integers(0, 6)).map(lambda p: (p[0], p[0] + p[1]))


candidates = st.builds(
    lambda kind, span, source, standalone, first: Candidate(
        kind, span[0], span[1], source, standalone=standalone, first_name_only=first
    ),
    st.sampled_from(["PERSON", "ORG", "LOC"]),
    spans,
    st.sampled_from(["model", "actor", "country", "city", "title_name", "org_rule", "region", "propagated"]),
    st.booleans(),
    st.booleans(),
)
extras = st.builds(
    lambda kind, span: Candidate(kind, span[0], span[1], "propagated"),
    st.sampled_from(["PERSON", "ORG"]),
    spans,
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(candidates, max_size=15), st.lists(extras, max_size=8))
def test_merging_free_extras_equals_resolving_everything(
    pool: list[Candidate], found: list[Candidate]
) -> None:
    chosen = resolve(pool)
    extra = [c for c in found if _free(c, chosen)]
    assert sorted([*chosen, *resolve(extra)], key=lambda c: c.start) == resolve([*chosen, *extra])


@settings(max_examples=500, deadline=None)
@given(st.lists(spans, max_size=12), spans)
def test_free_equals_the_pairwise_test(chosen: list[tuple[int, int]], c: tuple[int, int]) -> None:
    picked = resolve([Candidate("LOC", s, e, "country") for s, e in chosen])  # non-overlapping, in order
    cand = Candidate("PERSON", c[0], c[1], "propagated")
    assert _free(cand, picked) == all(cand.end <= o.start or cand.start >= o.end for o in picked)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([" ", '"', "«", "'", "“", "مدينه", "حاكم", "ب", "ا", "x"]), max_size=12).map(
        "".join
    ),
    st.data(),
)
def test_after_place_head_equals_the_reference(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    assert _after_place_head(text, start) == ref_after_place_head(text, start)


def test_entities_built_once_equal_copies_per_update(fields: list[tuple[str, str]]) -> None:
    shared = 0
    for i, (title, body) in enumerate(fields):
        found = _mentions(Article(id=f"a{i}", title=title, body=body))
        plain = [m.entity() for m in found]
        want = ref_entities(plain)
        _canonicalize(found)
        got = [m.entity() for m in found]
        assert got == want
        assert [e.model_fields_set for e in got] == [e.model_fields_set for e in want]
        shared += sum(p.title is None and g.title is not None for p, g in zip(plain, got, strict=True))
    assert shared > 0  # the corpus exercises the sharing of attributes within an entity
