"""The fast inference path (memoized features reduced to the model's attributes, as bytes; marginals
only where spans read them; propagation on the memoized stems) gives what tagging each sentence's
full feature strings with pycrfsuite gives: the same labels and spans, and the same marginals up to
the last bits of a double. CRFsuite sums a token's feature weights in the order it is handed them,
and that order was never fixed (the reference's own order changes with PYTHONHASHSEED, through
frozenset iteration), so marginals are compared to 1e-12; outputs round confidences to 3 places."""

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pycrfsuite

from khabar.core.tagging.features import analyze, split_sentences
from khabar.core.tagging.sequence_model import (
    _KIND,
    _PROPAGATE_FROM,
    _PROPAGATED_CONFIDENCE,
    MentionSpan,
    MentionType,
    SequenceModel,
    _spans,
    _to_bio,
    model_attributes,
)
from khabar.core.text.tokens import Token, tokenize

from .test_features_fast import ref_sentence_features

SEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "seeds"
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


def ref_predict(model: SequenceModel, words: Sequence[str]) -> list[tuple[str, float]]:
    if not words:
        return []
    tagger: pycrfsuite.Tagger = model._tagger
    labels = tagger.tag(ref_sentence_features(words, model._lex, model._memory))
    return [(_to_bio(str(y)), float(tagger.marginal(y, i))) for i, y in enumerate(labels)]


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
                added += _spans(labelled, tokens[i : i + n], i, lex)
                i += n - 1
                break
        i += 1
    return sorted(spans + added, key=lambda m: m.first)


def ref_predict_spans(model: SequenceModel, tokens: Sequence[Token], text: str) -> list[MentionSpan]:
    out: list[MentionSpan] = []
    for sent in split_sentences(tokens, text):
        words = [tokens[i].text for i in sent]
        out += _spans(ref_predict(model, words), [tokens[i] for i in sent], sent.start, model._lex)
    return ref_propagate(out, tokens, model) if out else out


def test_the_features_kept_are_the_models_attributes() -> None:
    model = SequenceModel.default()
    attrs = model._features.keep
    assert attrs is not None and attrs == model_attributes(model._tagger)
    assert "bias" in attrs and len(attrs) > 1000


def test_predict_equals_pycrfsuite_on_full_feature_strings() -> None:
    model = SequenceModel.default()
    for text in texts():
        toks = tokenize(text)
        for sent in split_sentences(toks, text):
            words = [toks[i].text for i in sent]
            got, want = model.predict(words), ref_predict(model, words)
            assert [y for y, _ in got] == [y for y, _ in want]
            assert all(abs(p - q) < 1e-12 for (_, p), (_, q) in zip(got, want, strict=True))


def test_predict_spans_equals_the_reference_path() -> None:
    model = SequenceModel.default()
    for text in texts():
        toks = tokenize(text)
        got, want = model.predict_spans(toks, text), ref_predict_spans(model, toks, text)
        assert [replace(m, confidence=0.0) for m in got] == [replace(m, confidence=0.0) for m in want]
        assert all(abs(m.confidence - n.confidence) < 1e-12 for m, n in zip(got, want, strict=True))
