"""The memoized feature function gives every token the same feature multiset as the plain
implementation the shipped model was trained with (kept here, not in the package); the row
featurizer gives every token the summed weights of that multiset; the sentence splitter cuts
where the plain per-token scan cuts."""

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.tagging.crf import CRF
from khabar.core.tagging.features import (
    _NOT_NISBA,
    _SENTENCE_END,
    _YEAR,
    EMPTY_MEMORY,
    MAX_SENTENCE,
    Analysis,
    Featurizer,
    Lexicons,
    Memory,
    RowFeaturizer,
    _bare,
    _shape,
    analyze,
    build_lexicons,
    build_memory,
    default_lexicons,
    gazetteer_tags,
    memory_tags,
    sentence_features,
    split_sentences,
)
from khabar.core.tagging.sequence_model import SequenceModel
from khabar.core.text.tokens import Token, tokenize

# ---- reference: the straightforward per-position implementation -------------------------------


def ref_own(tok: str, a: Analysis, gaz: str, lex: Lexicons) -> list[str]:
    stem, bare = a.stem, _bare(a.stem)
    f = [
        "bias",
        "w=" + a.word,
        "st=" + stem,
        "bare=" + bare,
        "pre=" + a.prefix,
        "shape=" + _shape(tok),
        "len=" + str(min(len(bare), 8)),
        "gz=" + gaz,
    ]
    for k in (1, 2, 3):
        if len(bare) > k:
            f += [f"p{k}=" + bare[:k], f"s{k}=" + bare[-k:]]
    f += ["c3=" + bare[i : i + 3] for i in range(1, len(bare) - 3)]
    if stem.startswith("ال"):
        f.append("al")
    if len(bare) >= 3 and (stem.endswith("ي") or stem.endswith("يه")) and stem not in _NOT_NISBA:
        f.append("nisba")
    if _YEAR.match(tok):
        f.append("year")
    if stem in lex.titles or a.word in lex.titles:
        f.append("title")
    for kind in lex.words.get(stem, ()) or lex.words.get(bare, ()):
        f.append("gw=" + kind)
    return f


def ref_sentence_features(
    tokens: Sequence[str], lex: Lexicons, memory: Memory = EMPTY_MEMORY
) -> list[list[str]]:
    an = [analyze(t, lex) for t in tokens]
    gaz = gazetteer_tags([a.stem for a in an], lex)
    mem = memory_tags([a.stem for a in an], memory)
    own = [
        [
            *ref_own(t, a, g, lex),
            "mem=" + m,
            "fq=" + memory.frequency(a.stem),
            *("mw=" + x for x in memory.words.get(a.stem, ())),
        ]
        for t, a, g, m in zip(tokens, an, gaz, mem, strict=True)
    ]
    out: list[list[str]] = []
    n = len(tokens)
    for i in range(n):
        f = list(own[i])
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        for d in (-2, -1, 1, 2):
            j = i + d
            if not 0 <= j < n:
                continue
            a = an[j]
            f += [f"{d}:w=" + a.word, f"{d}:st=" + a.stem, f"{d}:gz=" + gaz[j]]
            if a.stem in lex.titles or a.word in lex.titles:
                f.append(f"{d}:title")
            if abs(d) == 1:
                f += [f"{d}:s2=" + _bare(a.stem)[-2:], f"{d}:pre=" + a.prefix, f"{d}:mem=" + mem[j]]
                f += [f"{d}:mw=" + x for x in memory.words.get(a.stem, ())]
                f.append(f"{d}:fq=" + memory.frequency(a.stem))
                if "nisba" in own[j]:
                    f.append(f"{d}:nisba")
                for kind in lex.words.get(a.stem, ()):
                    f.append(f"{d}:gw=" + kind)
        if i > 0:
            f.append("bi-=" + an[i - 1].stem + "|" + an[i].stem)
        if i < n - 1:
            f.append("bi+=" + an[i].stem + "|" + an[i + 1].stem)
        out.append(f)
    return out


# ---- comparisons --------------------------------------------------------------------------------

SENTENCES = [
    "التقى رئيس المجلس الرئاسي الليبي محمد المنفي ، اليوم الثلاثاء في العاصمة طرابلس ، سفير روسيا",
    "وقال نائب وزير الخارجية الروسي ميخائيل بوغدانوف إن موسكو تدعم الحوار الليبي برعاية الأمم المتحدة",
    "وأكد الرئيس التركي رجب طيب أردوغان في اتصال مع الرئيس فلاديمير بوتين الخميس الماضي أهمية التهدئة .",
    "للرئيس ولليبيا بالعاصمة والولايات المتحدة الأمريكية في 2024 و 1999 و ١٢ ABC x",
    "الأمم المتحدة الأمم المتحدة تل أبيب الرئيس الرئيس الرئيس",
    "أ",
    "",
]


def multisets(feats: list[list[str]]) -> list[Counter[str]]:
    return [Counter(f) for f in feats]


def test_shipped_lexicons_and_memory_give_the_reference_features() -> None:
    model = SequenceModel.default()
    lex, mem = model._lex, model._memory
    for s in SENTENCES:
        toks = s.split()
        assert multisets(sentence_features(toks, lex, mem)) == multisets(
            ref_sentence_features(toks, lex, mem)
        )
        # A second call is served from the type cache and must not have changed anything.
        assert multisets(sentence_features(toks, lex, mem)) == multisets(
            ref_sentence_features(toks, lex, mem)
        )


def test_phrase_tags_match_the_reference() -> None:
    model = SequenceModel.default()
    for s in SENTENCES:
        types = model._features.types(s.split())
        stems = [t.stem for t in types]
        gaz, mem = model._features.tags(types)
        assert gaz == gazetteer_tags(stems, model._lex)
        assert mem == memory_tags(stems, model._memory)


LEX = build_lexicons(
    [
        ("LOC", "روسيا"),
        ("LOC", "تل أبيب"),
        ("PERS", "فلاديمير بوتين"),
        ("ORG", "الأمم المتحدة"),
        ("LOC", "ابيب"),
    ],
    titles=["الرئيس", "وزير"],
)
MEM = build_memory(
    [
        [("زار", "O"), ("فلاديمير", "B-PERS"), ("بوتين", "I-PERS"), ("موسكو", "B-LOC")],
        [("موسكو", "B-LOC"), ("تل", "B-LOC"), ("أبيب", "I-LOC"), ("الروسي", "O")],
        [("موسكو", "O"), ("بوتين", "B-PERS")],
    ],
    LEX,
)
WORDS = [
    "روسيا",
    "وروسيا",
    "تل",
    "أبيب",
    "ابيب",
    "فلاديمير",
    "بوتين",
    "الأمم",
    "المتحدة",
    "الرئيس",
    "وزير",
    "موسكو",
    "الروسي",
    "زار",
    "2024",
    "،",
    "لليبيا",
    "x",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14))
def test_any_sentence_over_a_small_lexicon_matches_the_reference(words: list[str]) -> None:
    for memory in (EMPTY_MEMORY, MEM):
        # A tiny cache exercises the emptying when full, too.
        fast = Featurizer(LEX, memory, str, max_types=3).sentence(words)
        assert multisets(fast) == multisets(ref_sentence_features(words, LEX, memory))
        assert multisets(sentence_features(words, LEX, memory)) == multisets(fast)


def test_default_lexicons_without_memory_match_the_reference() -> None:
    lex = default_lexicons()
    for s in SENTENCES:
        assert multisets(sentence_features(s.split(), lex)) == multisets(
            ref_sentence_features(s.split(), lex)
        )


# ---- the row featurizer: each token's emission row is the sum of its features' weights ----------


def ref_split_sentences(tokens: Sequence[Token], text: str | None = None) -> list[range]:
    """The per-token scan split_sentences replaced."""
    out: list[range] = []
    start = 0
    for i, tok in enumerate(tokens):
        last = i == len(tokens) - 1
        brk = tok.text in _SENTENCE_END or i - start + 1 >= MAX_SENTENCE
        if not brk and not last and text is not None:
            brk = "\n" in text[tok.end : tokens[i + 1].start]
        if brk or last:
            out.append(range(start, i + 1))
            start = i + 1
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["في", "روسيا", ".", "؟", "الرئيس", "\n", "\n\n", " \n ", "،", "!"]), max_size=300
    ),
    st.booleans(),
)
def test_sentence_splitting_matches_the_plain_scan(words: list[str], with_text: bool) -> None:
    text = " ".join(words)
    toks = tokenize(text)
    assert split_sentences(toks, text if with_text else None) == ref_split_sentences(
        toks, text if with_text else None
    )


def emissions(f: RowFeaturizer, words: Sequence[str]) -> np.ndarray:
    return f.emissions(f.types(words), [range(len(words))])


def test_shipped_model_rows_sum_the_reference_features() -> None:
    model = SequenceModel.default()
    lex, mem, crf = model._lex, model._memory, model._crf
    f = RowFeaturizer(lex, mem, crf)
    for s in [*SENTENCES, " ".join(SENTENCES)]:
        toks = s.split()
        want = crf.score(ref_sentence_features(toks, lex, mem))
        assert np.allclose(emissions(f, toks), want, rtol=0, atol=1e-9)
        assert np.allclose(emissions(f, toks), want, rtol=0, atol=1e-9)  # from the caches


def toy_crf(lex: Lexicons, memory: Memory, seed: int) -> CRF:
    """A CRF whose attributes are most of the features the toy lexicon's words can have (some
    left out, as a model leaves out what it never saw), with random weights."""
    seen = sorted({x for w in WORDS for x in ref_sentence_features([w, w, *WORDS, w], lex, memory)[2]})
    pairs = [ref_sentence_features(WORDS[i : i + 2], lex, memory) for i in range(len(WORDS) - 1)]
    seen += sorted({x for f in pairs for x in f[0] + f[1]})  # BOS, EOS and bigrams
    rng = np.random.default_rng(seed)
    attrs = {a: i for i, a in enumerate(x for x in dict.fromkeys(seen) if rng.random() < 0.8)}
    assert {"BOS", "EOS"} <= set(seen) and any(a.startswith("bi+=") for a in attrs)
    return CRF(("O", "B-X", "I-X"), attrs, rng.normal(size=(len(attrs), 3)), rng.normal(size=(3, 3)))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=10), min_size=1, max_size=4))
def test_any_text_over_a_small_lexicon_sums_the_reference_features(sentences: list[list[str]]) -> None:
    for memory in (EMPTY_MEMORY, MEM):
        crf = toy_crf(LEX, memory, 0)
        # Tiny caches: types and rows are emptied at nearly every text.
        f = RowFeaturizer(LEX, memory, crf, max_types=3, max_rows=5)
        words = [w for s in sentences for w in s]
        ranges, start = [], 0
        for s in sentences:
            ranges.append(range(start, start + len(s)))
            start += len(s)
        for _ in range(2):
            got = f.emissions(f.types(words), ranges)
            want = np.concatenate([crf.score(ref_sentence_features(s, LEX, memory)) for s in sentences])
            assert np.allclose(got, want, rtol=0, atol=1e-9)


def test_row_featurizer_keeps_rows_not_lists() -> None:
    model = SequenceModel.default()
    f = model._features
    with pytest.raises(NotImplementedError):
        f.sentence(["في"])
    with pytest.raises(ValueError):
        f.emissions(f.types(["في", "روسيا"]), [range(1)])
    assert f.emissions(f.types([]), []).shape == (0, len(model._crf.labels))
