"""The fast inference path (token types memoized as summed weight rows, the CRF run in numpy over
all sentences of a text at once, marginals only where spans read them, propagation on the memoized
stems) gives what tagging each sentence's full feature strings with pycrfsuite gives: the same
labels and spans, and marginals within 1e-6 (measured: ~1e-14; only the order in which a token's
feature weights are summed differs). Outputs round confidences to 3 places."""

from collections.abc import Sequence
from dataclasses import replace
from itertools import accumulate
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.tagging.catalog import lexicon
from khabar.core.tagging.features import Lexicons, analyze, sentence_features, split_sentences
from khabar.core.tagging.sequence_model import (
    _KIND,
    _PROPAGATE_FROM,
    _PROPAGATED_CONFIDENCE,
    _TYPES,
    MentionSpan,
    MentionType,
    SequenceModel,
    _runs,
    _spans,
    _to_bio,
    read_conll,
)
from khabar.core.tagging.words import words_of
from khabar.core.text.clitics import lookup_form, split_proclitics
from khabar.core.text.normalize import norm
from khabar.core.text.tokens import Token, tokenize

from .test_features_fast import ref_sentence_features

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
SEEDS = SHARED / "seeds"
DEV = SHARED / "data" / "anercorp" / "dev.conll"
# The bound promised; the numpy path measures ~1e-14 from CRFsuite (summation order only).
MARGINAL_TOLERANCE = 1e-6
TEXTS = [
    "التقى رئيس المجلس الرئاسي الليبي محمد المنفي، اليوم الثلاثاء في العاصمة طرابلس، سفير روسيا لدى "
    "ليبيا حيدر أغانين.\nوقال نائب وزير الخارجية الروسي ميخائيل بوغدانوف إن موسكو تدعم الحوار الليبي "
    "برعاية الأمم المتحدة. وأكد المنفي أن ليبيا وروسيا تربطهما علاقات قوية، وأن المنفي سيزور موسكو.",
    "استقبل الرئيس عبد المجيد تبون في الجزائر وزير خارجية روسيا سيرغي لافروف.",
    "",
    "و",
]


def texts() -> list[str]:
    return TEXTS + ([p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.exists() else [])


def crfsuite(model: SequenceModel) -> pycrfsuite.Tagger:
    """pycrfsuite's tagger on the model's own file: the reference."""
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model._model)  # read in place: model._model outlives the tagger here
    return tagger


def ref_predict(
    model: SequenceModel, words: Sequence[str], tagger: pycrfsuite.Tagger | None = None, plain: bool = True
) -> list[tuple[str, float]]:
    """CRFsuite's labels and marginals on the sentence's feature strings (`plain`: the straightforward
    reference implementation; else the memoized str Featurizer, proven equal in test_features_fast)."""
    if not words:
        return []
    tagger = tagger or crfsuite(model)
    feats = (ref_sentence_features if plain else sentence_features)(words, model._lex, model._memory)
    labels = tagger.tag(feats)
    return [(_to_bio(str(y)), float(tagger.marginal(y, i))) for i, y in enumerate(labels)]


def assert_same(got: list[tuple[str, float]], want: list[tuple[str, float]]) -> None:
    assert [y for y, _ in got] == [y for y, _ in want]
    assert all(abs(p - q) <= MARGINAL_TOLERANCE for (_, p), (_, q) in zip(got, want, strict=True))


def ref_propagate(
    spans: list[MentionSpan], tokens: Sequence[Token], model: SequenceModel
) -> list[MentionSpan]:
    lex = model._lex
    stems = [analyze(t.text, lex).stem for t in tokens]
    known: dict[tuple[str, ...], MentionType] = {}
    for m in spans:
        if m.confidence >= _PROPAGATE_FROM and m.type != "MISC":
            known.setdefault(tuple(stems[m.first : m.last + 1]), m.type)
    covered = {i for m in spans for i in range(m.first, m.last + 1)}
    longest = max((len(k) for k in known), default=0)
    added: list[MentionSpan] = []
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            kind = known.get(tuple(stems[i : i + n]))
            if kind is not None and not covered & set(range(i, i + n)):
                labelled = [("B-" + _KIND[kind], _PROPAGATED_CONFIDENCE)]
                labelled += [("I-" + _KIND[kind], _PROPAGATED_CONFIDENCE)] * (n - 1)
                added += ref_spans(labelled, tokens[i : i + n], i, lex)
                i += n - 1
                break
        i += 1
    return sorted(spans + added, key=lambda m: m.first)


def ref_predict_spans(model: SequenceModel, tokens: Sequence[Token], text: str) -> list[MentionSpan]:
    out: list[MentionSpan] = []
    for sent in split_sentences(tokens, text):
        words = [tokens[i].text for i in sent]
        out += ref_spans(ref_predict(model, words), [tokens[i] for i in sent], sent.start, model._lex)
    return ref_propagate(out, tokens, model) if out else out


def ref_spans(
    labelled: Sequence[tuple[str, float]], toks: Sequence[Token], offset: int, lex: Lexicons
) -> list[MentionSpan]:
    """_spans as it was, visiting every token of one sentence."""
    out: list[MentionSpan] = []
    run: list[int] = []
    kind = ""

    def close() -> None:
        if run and kind in _TYPES:
            first = toks[run[0]]
            prefix, stem = split_proclitics(first.text, lexicon=lex.words)
            if prefix.endswith("ل") and lookup_form(prefix, stem, lex.words) != norm(stem):
                prefix = prefix[:-1]
            conf = sum(labelled[i][1] for i in run) / len(run)
            span = MentionSpan(
                _TYPES[kind],
                offset + run[0],
                offset + run[-1],
                conf,
                first.start + len(prefix),
                toks[run[-1]].end,
            )
            out.append(span)

    for i, (label, _) in enumerate(labelled):
        if label == "O" and not run:
            continue
        bio, _, k = label.partition("-")
        if bio == "B" or (bio == "I" and k != kind):
            close()
            run, kind = [i], k
        elif bio == "I":
            run.append(i)
        else:
            close()
            run, kind = [], ""
    close()
    return out


LABELS = ["O", "O", "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(LABELS), st.floats(0, 1)), max_size=12), max_size=5))
def test_runs_over_labelled_tokens_only_equal_the_dense_scan(
    sentences: list[list[tuple[str, float]]],
) -> None:
    """_runs visiting only the tokens not labelled O, sentence starts closing what is open, gives
    what the dense scan of each sentence gives (the text's form: predict_spans_each)."""
    lex = SequenceModel.default()._lex
    words = ["وللرئيس", "محمد", "للامم", "روسيا", "بن", "x", "،"]
    labelled = [p for sent in sentences for p in sent]
    toks = tokenize(" ".join(words[i % len(words)] for i in range(len(labelled))))
    want: list[MentionSpan] = []
    start = 0
    for sent in sentences:
        mine = ref_spans(sent, toks[start : start + len(sent)], start, lex)
        assert _spans(sent, toks[start : start + len(sent)], start, lex) == mine
        want += mine
        start += len(sent)
    hot = [i for i, (label, _) in enumerate(labelled) if label != "O"]
    breaks = set(accumulate([0] + [len(s) for s in sentences]))
    assert _runs(hot, {i: labelled[i] for i in hot}, toks, breaks, lex) == want


def test_the_features_kept_are_the_models_attributes() -> None:
    model = SequenceModel.default()
    attrs = model._features.keep
    assert attrs is not None and attrs == frozenset(crfsuite(model).info().attributes)
    assert "bias" in attrs and len(attrs) > 1000


def test_predict_equals_pycrfsuite_on_full_feature_strings() -> None:
    model = SequenceModel.default()
    tagger = crfsuite(model)
    for text in texts():
        toks = tokenize(text)
        for sent in split_sentences(toks, text):
            words = [toks[i].text for i in sent]
            assert_same(model.predict(words), ref_predict(model, words, tagger))


def test_predict_spans_equals_the_reference_path() -> None:
    model = SequenceModel.default()
    for text in texts():
        toks = tokenize(text)
        got, want = model.predict_spans(toks, text), ref_predict_spans(model, toks, text)
        assert [replace(m, confidence=0.0) for m in got] == [replace(m, confidence=0.0) for m in want]
        assert all(abs(m.confidence - n.confidence) < 1e-9 for m, n in zip(got, want, strict=True))


def test_texts_tagged_in_one_call_equal_one_call_each() -> None:
    """predict_spans_each: a title and a body (or any texts) at once give, bit for bit, what a call
    per text gives; the tagger's Words serve as tokens as they are."""
    model = SequenceModel.default()
    found = 0
    for i, text in enumerate(texts()):
        title = text.split("\n", 1)[0][:150]
        parts = [(tokenize(t), t) for t in (title, text, "", texts()[(i + 1) % len(texts())])]
        want = [model.predict_spans(toks, t) for toks, t in parts]
        assert model.predict_spans_each(parts) == want
        words = [(words_of(t, lexicon()), t) for _, t in parts]
        assert model.predict_spans_each(words) == want
        found += sum(map(len, want))
    assert found > 50


def test_a_text_tagged_at_once_equals_its_sentences_one_by_one() -> None:
    """_predict over all sentences of a text (padded, longest first, forward-backward only where a
    label is not O) gives what predict gives each sentence alone, O tokens getting `outside`."""
    model = SequenceModel.default()
    for text in texts():
        toks = tokenize(text)
        if not toks:
            continue
        sents = split_sentences(toks, text)
        types = model._features.types([t.text for t in toks])
        together = model._predict(types, sents, outside=-1.0)
        alone = [p for r in sents for p in model.predict([toks[i].text for i in r])]
        assert [y for y, _ in together] == [y for y, _ in alone]
        for (y, p), (_, q) in zip(together, alone, strict=True):
            assert p == -1.0 if y == "O" else abs(p - q) < 1e-12


@pytest.mark.shared
@pytest.mark.skipif(not DEV.exists(), reason="needs ../shared (ANERcorp dev.conll)")
def test_every_anercorp_dev_sentence_tags_as_pycrfsuite_tags_it() -> None:
    """All 707 dev sentences (up to 404 tokens: read_conll does not cut them), one by one through
    predict and 40 at a time through the batched path, against CRFsuite on their feature strings."""
    model = SequenceModel.default()
    tagger = crfsuite(model)
    sents = [[w for w, _ in s] for s in read_conll(DEV.read_text(encoding="utf-8"))]
    assert len(sents) > 700
    want = [ref_predict(model, words, tagger, plain=False) for words in sents]
    for words, ref in zip(sents, want, strict=True):
        assert_same(model.predict(words), ref)
    for k in range(0, len(sents), 40):
        group = sents[k : k + 40]
        ranges, start = [], 0
        for words in group:
            ranges.append(range(start, start + len(words)))
            start += len(words)
        types = model._features.types([w for words in group for w in words])
        got = model._predict(types, ranges)
        assert_same(got, [p for ref in want[k : k + 40] for p in ref])


def test_tagging_is_the_same_after_the_caches_are_emptied() -> None:
    """A model whose type cache and row table are tiny empties them at almost every text and
    still tags like the default one (row ids never go stale mid-text)."""
    model = SequenceModel.default()
    small = SequenceModel(model._model, model._lex, model._memory)
    feats = small._features
    feats._max = 50
    feats.table.max_rows = 100
    for text in texts() * 2:
        toks = tokenize(text)
        assert small.predict_spans(toks, text) == model.predict_spans(toks, text)
        assert len(feats._types) <= 50 + len(toks)
        assert len(feats.table) <= 100 + 45 * len(toks)
    assert np.array_equal(feats.table.matrix[: feats.table.base], model._crf.state)
