"""khabar.core.tagging.crf against exhaustive enumeration, a log-space reference, and CRFsuite
itself (a model trained here with pycrfsuite, independent of khabar's features; the shipped NER
model is compared in test_sequence_model_fast)."""

import itertools
import math
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.core.tagging.crf import CRF, ScoreTable, _rescale_every
from khabar.core.tagging.sequence_model import SequenceModel


def random_crf(seed: int, labels: int, attrs: int = 0, scale: float = 1.0) -> CRF:
    rng = np.random.default_rng(seed)
    names = tuple(f"y{i}" for i in range(labels))
    return CRF(
        names,
        {f"a{i}": i for i in range(attrs)},
        rng.normal(size=(attrs, labels)) * scale,
        rng.normal(size=(labels, labels)) * scale,
    )


def brute(crf: CRF, e: np.ndarray) -> tuple[list[int], np.ndarray]:
    """Best path and marginals by enumerating every label sequence."""
    n, size = e.shape
    best: tuple[float, tuple[int, ...]] | None = None
    weights = []
    paths = list(itertools.product(range(size), repeat=n))
    for y in paths:
        s = sum(e[t, y[t]] for t in range(n)) + sum(crf.trans[y[t], y[t + 1]] for t in range(n - 1))
        if best is None or s > best[0]:
            best = (s, y)
        weights.append(s)
    w = np.exp(np.array(weights) - max(weights))
    marg = np.zeros((n, size))
    for y, p in zip(paths, w, strict=True):
        marg[np.arange(n), y] += p
    assert best is not None
    return list(best[1]), marg / w.sum()


def log_reference(crf: CRF, e: np.ndarray) -> tuple[list[int], np.ndarray]:
    """Viterbi and forward-backward one sentence at a time, in log space (CRFsuite's order of
    operations for Viterbi, so ties resolve alike)."""
    n, size = e.shape
    trans = crf.trans
    score = e[0].copy()
    back = np.zeros((n, size), np.intp)
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + e[t]
    path = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    fwd = np.zeros((n, size))
    bwd = np.zeros((n, size))
    fwd[0] = e[0]
    for t in range(1, n):
        fwd[t] = np.logaddexp.reduce(fwd[t - 1][:, None] + trans, axis=0) + e[t]
    for t in range(n - 2, -1, -1):
        bwd[t] = np.logaddexp.reduce(trans + (e[t + 1] + bwd[t + 1])[None, :], axis=1)
    m = fwd + bwd
    return path[::-1], np.exp(m - np.logaddexp.reduce(m, axis=1, keepdims=True))


def split(values: np.ndarray, lengths: list[int]) -> list[np.ndarray]:
    return np.split(values, np.cumsum(lengths)[:-1])


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.lists(st.integers(1, 5), min_size=1, max_size=6), st.integers(2, 4))
def test_batched_tagging_equals_enumeration(seed: int, lengths: list[int], size: int) -> None:
    crf = random_crf(seed, size)
    e = np.random.default_rng(seed + 1).normal(size=(sum(lengths), size)) * 2
    labels, probs = crf.tag(e, lengths)
    for es, ys, ps in zip(split(e, lengths), split(labels, lengths), split(probs, lengths), strict=True):
        path, marg = brute(crf, es)
        assert ys.tolist() == path
        assert np.allclose(ps, marg[np.arange(len(path)), path], rtol=0, atol=1e-12)


def test_long_sentences_with_large_weights_neither_overflow_nor_drift() -> None:
    crf = random_crf(7, 6, scale=8.0)  # transitions up to ~±25: e^(25 * 80) overflows any float
    lengths = [400, 3, 81, 1, 250, 80]
    e = np.random.default_rng(8).normal(size=(sum(lengths), 6)) * 40
    assert _rescale_every(crf.trans) < 80  # the rescaling path is exercised
    labels, probs = crf.tag(e, lengths)
    assert np.isfinite(probs).all()
    for es, ys, ps in zip(split(e, lengths), split(labels, lengths), split(probs, lengths), strict=True):
        path, marg = log_reference(crf, es)
        assert ys.tolist() == path
        assert np.allclose(ps, marg[np.arange(len(path)), path], rtol=0, atol=1e-9)


def test_many_sentences_are_tagged_in_batches_as_one_by_one() -> None:
    """More sentences than one batch holds, empty ones among them: each as if tagged alone."""
    crf = random_crf(11, 5)
    rng = np.random.default_rng(12)
    lengths = [int(n) for n in rng.integers(0, 90, 300)]
    lengths[:3] = [0, 0, 90]
    e = rng.normal(size=(sum(lengths), 5)) * 3
    labels, probs = crf.tag(e, lengths, skip=0, fill=-1.0)
    for es, ys, ps in zip(split(e, lengths), split(labels, lengths), split(probs, lengths), strict=True):
        if not len(es):
            continue
        path, marg = log_reference(crf, es)
        assert ys.tolist() == path
        want = np.where(ys == 0, -1.0, marg[np.arange(len(path)), path])
        assert np.allclose(ps, want, rtol=0, atol=1e-9)


def test_skipped_label_gets_the_fill_and_other_labels_their_marginals() -> None:
    crf = random_crf(3, 4)
    lengths = [5, 7, 2, 9]
    e = np.random.default_rng(4).normal(size=(sum(lengths), 4)) * 3
    e[5:12, 0] += 50  # the second sentence is label 0 throughout
    labels, probs = crf.tag(e, lengths)
    skipped, partial = crf.tag(e, lengths, skip=0, fill=-1.0)
    assert skipped.tolist() == labels.tolist()
    assert (labels[5:12] == 0).all()
    assert np.array_equal(partial[labels == 0], np.full(int((labels == 0).sum()), -1.0))
    assert np.allclose(partial[labels != 0], probs[labels != 0], rtol=0, atol=1e-12)
    only_zero = crf.tag(e[5:12], [7], skip=0, fill=0.5)
    assert only_zero[1].tolist() == [0.5] * 7


@settings(max_examples=40, deadline=None)
@given(
    st.integers(0, 10_000),
    st.lists(st.lists(st.integers(0, 30), max_size=80), min_size=1, max_size=4),
    st.sampled_from([None, 0]),
)
def test_texts_tagged_in_one_call_equal_one_call_each(
    seed: int, texts: list[list[int]], skip: int | None
) -> None:
    """`groups`: several texts at once give, bit for bit, the labels and marginals of one call per
    text (forward-backward batches each text's sentences alone: matrix products may differ in the
    last bit with the batch's shape). Texts of more than one batch and of no sentence included."""
    crf = random_crf(seed, 5)
    rng = np.random.default_rng(seed + 1)
    emissions = [rng.normal(size=(sum(lengths), 5)) * 3 for lengths in texts]
    labels, probs = crf.tag(
        np.concatenate(emissions),
        [n for lengths in texts for n in lengths],
        skip,
        -1.0,
        [len(t) for t in texts],
    )
    want = [crf.tag(e, lengths, skip, -1.0) for e, lengths in zip(emissions, texts, strict=True)]
    assert np.array_equal(labels, np.concatenate([y for y, _ in want]))
    assert np.array_equal(probs, np.concatenate([p for _, p in want]))


def test_groups_must_add_up() -> None:
    with pytest.raises(ValueError):
        random_crf(1, 3).tag(np.zeros((4, 3)), [2, 2], groups=[1])


def test_empty_input_and_bad_lengths() -> None:
    crf = random_crf(1, 3)
    labels, probs = crf.tag(np.zeros((0, 3)), [])
    assert labels.shape == probs.shape == (0,)
    with pytest.raises(ValueError):
        crf.tag(np.zeros((4, 3)), [2, 3])


def test_score_sums_known_attributes_and_counts_repeats() -> None:
    crf = random_crf(2, 3, attrs=4)
    got = crf.score([["a1", "a3", "unknown"], ["a2", "a2"], []])
    assert np.allclose(got[0], crf.state[1] + crf.state[3])
    assert np.allclose(got[1], 2 * crf.state[2])
    assert not got[2].any()


def test_score_table_rows() -> None:
    crf = random_crf(5, 3, attrs=6)
    table = ScoreTable(crf.state, max_rows=2)
    assert table.add([]) == table.zero and table.add([4]) == 4
    r1, r2 = table.add([1, 2, 1]), table.add([0, 5])
    m = table.matrix
    assert np.allclose(m[r1], 2 * crf.state[1] + crf.state[2]) and np.allclose(
        m[r2], crf.state[0] + crf.state[5]
    )
    assert not m[table.zero].any() and np.array_equal(m[:6], crf.state)
    assert len(table) == 2 and table.full
    # One text may outrun the bound; the rows stay right and clear() gives the room back.
    many = [table.add([i % 6, (i + 1) % 6]) for i in range(10_000)]
    m = table.matrix
    assert np.allclose(m[many[-1]], crf.state[9_999 % 6] + crf.state[10_000 % 6])
    assert np.allclose(m[many[0]], crf.state[0] + crf.state[1])
    table.clear()
    assert len(table) == 0 and not table.full and table.add([1, 2]) == table.zero + 1
    assert len(table._matrix) == table._capacity


def test_rejects_what_is_not_a_crfsuite_model() -> None:
    for junk in (b"", b"lCRF", b"x" * 100):
        with pytest.raises(ValueError):
            CRF.from_crfsuite(junk)


def test_weights_are_the_files_own_doubles() -> None:
    """The shipped model read from its bytes has pycrfsuite's labels, attributes and features; the
    weights agree with Tagger.info() to its 6 printed decimals."""
    model = SequenceModel.default()
    crf = CRF.from_crfsuite(model._model)
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model._model)
    info = tagger.info()
    assert {y: str(i) for i, y in enumerate(crf.labels)} == info.labels
    assert {a: str(i) for a, i in crf.attributes.items()} == info.attributes
    ids = crf.attributes
    lab = {y: i for i, y in enumerate(crf.labels)}
    state = {(a, y): crf.state[ids[a], lab[y]] for a, y in info.state_features}
    assert max(abs(state[k] - w) for k, w in info.state_features.items()) <= 5e-7
    assert max(abs(crf.trans[lab[a], lab[b]] - w) for (a, b), w in info.transitions.items()) <= 5e-7
    # Nothing but those features is non-zero.
    assert np.count_nonzero(crf.state) <= len(info.state_features)
    assert np.count_nonzero(crf.trans) <= len(info.transitions)


def train_tiny(tmp_path: Path) -> bytes:
    """A CRFsuite model over made-up attributes, strong and weak, with ties in the data."""
    rng = np.random.default_rng(0)
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(300):
        n = int(rng.integers(1, 25))
        ys = [str(y) for y in rng.choice(["A", "B", "C", "O", "O", "O"], n)]
        xs = [[f"is{y}" if rng.random() < 0.7 else f"noise{rng.integers(9)}", "bias"] for y in ys]
        trainer.append(xs, ys)
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 60, "feature.possible_transitions": True})
    path = tmp_path / "tiny.crfsuite"
    trainer.train(str(path))
    return path.read_bytes()


def test_same_labels_and_marginals_as_crfsuite_on_a_model_trained_here(tmp_path: Path) -> None:
    model = train_tiny(tmp_path)
    crf = CRF.from_crfsuite(model)
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)
    rng = np.random.default_rng(1)
    sents = [
        [
            [f"is{rng.choice(list('ABCO'))}", f"noise{rng.integers(12)}", "bias", "never-seen"]
            for _ in range(n)
        ]
        for n in rng.integers(1, 120, 40)
    ]
    lengths = [len(s) for s in sents]
    labels, probs = crf.tag(np.concatenate([crf.score(s) for s in sents]), lengths)
    for s, ys, ps in zip(sents, split(labels, lengths), split(probs, lengths), strict=True):
        want = tagger.tag(s)
        assert [crf.labels[y] for y in ys] == want
        assert (
            max(abs(p - tagger.marginal(y, i)) for i, (y, p) in enumerate(zip(want, ps, strict=True))) <= 1e-9
        )


def test_rescaling_interval_follows_the_transition_range() -> None:
    calm = random_crf(0, 17, scale=0.1)
    wild = random_crf(0, 17, scale=10.0)
    assert _rescale_every(wild.trans) < _rescale_every(calm.trans)
    assert _rescale_every(wild.trans) >= 1
    per_step = math.log(17) + max(float(calm.trans.max()), 0.0)
    assert _rescale_every(calm.trans) * per_step <= 250.0
