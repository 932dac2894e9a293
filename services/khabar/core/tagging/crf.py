"""Inference for a linear-chain CRF trained by CRFsuite, in numpy: the same labels as CRFsuite's
Viterbi (pycrfsuite `Tagger.tag`) and the same marginals as its forward-backward
(`Tagger.marginal`), for all sentences of a text at once.

CRFsuite scores a label sequence y of a sentence as the sum, over tokens t, of the weights
W[a, y_t] of the token's attributes a (each of value 1), plus the transition weights T[y_t, y_t+1].
Handing it strings costs an attribute-string lookup per feature and a C call per sentence and per
marginal; here a token's emission row (its attributes' weights summed, one value per label) comes
from sums memoized by the caller (`ScoreTable`), and both passes step position by position over a
batch of sentences, a few numpy calls per position however many sentences there are.

The weights are read from the model file itself: pycrfsuite's `Tagger.info()` prints them rounded
to 6 decimals, which could move a label where two paths score within 1e-6 of each other.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, chain, pairwise

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

# The CRFsuite "crf1d" file (lib/crf/src/crf1d_model.c): a 48-byte header, labels and attributes
# in two CQDB string<->id chunks, and a FEAT chunk of (type, src, dst, weight) records: type 0 is a
# state feature (attribute src, label dst), type 1 a transition (label src -> label dst).
_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_CQDB_HEADER = struct.Struct("<4sIIIII")
_CQDB_RECORDS = 24 + 256 * 8  # records follow the header and the 256 hash-table references
_CQDB_BYTEORDER = 0x62445371
# Forward-backward rescales its vectors every few positions only; between two rescalings no value
# may leave exp(±_SCALE_RANGE) (doubles reach e±708, and tiny entries keep precision well inside).
_SCALE_RANGE = 250.0
# Sentences per batch: beyond a typical article's few dozen, steps cost more per sentence than they
# save, and a batch's arrays (positions x sentences x labels, a few of them) stay a few MB.
_MAX_BATCH = 64


def _cqdb(buf: bytes, offset: int, count: int) -> dict[str, int]:
    """The string -> id map of the CQDB chunk at `offset` (its first `count` records)."""
    chunk, _, _, byteorder, _, _ = _CQDB_HEADER.unpack_from(buf, offset)
    if chunk != b"CQDB" or byteorder != _CQDB_BYTEORDER:
        raise ValueError("not a CRFsuite model: bad CQDB chunk")
    out: dict[str, int] = {}
    p = offset + _CQDB_RECORDS
    for _ in range(count):
        ident, size = struct.unpack_from("<iI", buf, p)
        out[buf[p + 8 : p + 7 + size].decode("utf-8")] = ident  # size counts the trailing NUL
        p += 8 + size
    return out


@dataclass(frozen=True, eq=False)
class CRF:
    """A CRFsuite linear-chain CRF: `labels` by label id, `attributes` (string -> id), `state[a, y]`
    the weight of attribute a for label y, `trans[y, z]` the weight of label y followed by z."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: FloatArray
    trans: FloatArray

    @classmethod
    def from_crfsuite(cls, model: bytes) -> CRF:
        """The model in a CRFsuite model file's bytes (what pycrfsuite's Trainer writes)."""
        if len(model) < _HEADER.size:
            raise ValueError("not a CRFsuite model: too short")
        magic, _, kind, _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs, _, _ = _HEADER.unpack_from(
            model, 0
        )
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError("not a CRFsuite CRF1d model")
        label_ids = _cqdb(model, off_labels, n_labels)
        labels = tuple(sorted(label_ids, key=label_ids.__getitem__))
        if [label_ids[y] for y in labels] != list(range(n_labels)):
            raise ValueError("CRFsuite model: label ids are not 0..L-1")
        attributes = _cqdb(model, off_attrs, n_attrs)
        chunk, _, count = struct.unpack_from("<4sII", model, off_feat)
        if chunk != b"FEAT":
            raise ValueError("CRFsuite model: no FEAT chunk")
        feats = np.frombuffer(model, _FEATURE, count, off_feat + 12)
        state = np.zeros((n_attrs, n_labels))
        trans = np.zeros((n_labels, n_labels))
        st, tr = feats[feats["type"] == 0], feats[feats["type"] == 1]
        # Each (attribute, label) and (label, label) pair is one feature: assignment, not a sum.
        state[st["src"], st["dst"]] = st["weight"]
        trans[tr["src"], tr["dst"]] = tr["weight"]
        return cls(labels, attributes, state, trans)

    def score(self, items: Sequence[Sequence[str]]) -> FloatArray:
        """Emission rows (tokens x labels) of a sentence given as attribute strings; attributes the
        model does not know are skipped, as CRFsuite does. The plain path, for reference."""
        out = np.zeros((len(items), len(self.labels)))
        for t, item in enumerate(items):
            ids = [a for x in item if (a := self.attributes.get(x)) is not None]
            out[t] = self.state[ids].sum(axis=0)
        return out

    def tag(
        self,
        emissions: FloatArray,
        lengths: Sequence[int],
        skip: int | None = None,
        fill: float = 0.0,
        groups: Sequence[int] | None = None,
    ) -> tuple[IntArray, FloatArray]:
        """Best labels (CRFsuite's Viterbi, ties to the lower label id as in CRFsuite) and each
        label's marginal probability, for consecutive sentences of `lengths` tokens whose emission
        rows are stacked in `emissions` (tokens x labels). With `skip` (a label id), tokens given
        that label get `fill` instead of a marginal, and sentences labelled `skip` throughout get
        no forward-backward pass at all.

        `groups` cuts the sentences into consecutive texts (so many sentences each) tagged in one
        call, with the results of one call per text: Viterbi runs over all sentences together (its
        steps are element-wise adds and maxima, exact however sentences are batched), while
        forward-backward batches each text's sentences as a call for that text alone would, since
        its matrix products may differ in the last bit with the batch's shape."""
        n = emissions.shape[0]
        if sum(lengths) != n:
            raise ValueError("sentence lengths do not add up to the number of emission rows")
        if groups is not None and sum(groups) != len(lengths):
            raise ValueError("groups do not add up to the number of sentences")
        labels = np.zeros(n, np.intp)
        probs = np.full(n, fill, np.float64)
        lens = np.asarray(lengths, np.intp)
        starts = np.cumsum(lens) - lens
        steps = self._steps
        viterbi: list[tuple[IntArray, _Batch | None]] = []
        for cols in _chunks(lens, 0, len(lens)):
            batch = _Batch(lens[cols], starts[cols])
            labels[batch.token] = batch.viterbi(emissions, steps)[batch.t_cell, batch.s_cell]
            viterbi.append((cols, batch))
        if groups is None or len(groups) == 1:
            passes = viterbi  # the same batches
        else:
            bounds = pairwise([0, *accumulate(groups)])
            passes = [(cols, None) for a, b in bounds for cols in _chunks(lens, a, b)]
        need: npt.NDArray[np.bool_] | None = None
        if skip is not None:
            # Sentences with a label other than `skip`: prefix sums of such tokens at sentence bounds.
            other = np.concatenate(([0], np.cumsum(labels != skip)))
            need = other[starts + lens] > other[starts]
        for cols, whole in passes:
            sel = cols if need is None else cols[need[cols]]
            if not len(sel):
                continue
            sub = whole if whole is not None and len(sel) == len(cols) else _Batch(lens[sel], starts[sel])
            marg = sub.marginals(emissions, steps)
            got = marg[np.arange(len(marg)), labels[sub.token]]
            if skip is None:
                probs[sub.token] = got
            else:
                keep = labels[sub.token] != skip
                probs[sub.token[keep]] = got[keep]
        return labels, probs

    @cached_property
    def _steps(self) -> _Steps:
        return _Steps(self.trans)


def _chunks(lens: IntArray, first: int, stop: int) -> list[IntArray]:
    """Sentences first..stop-1 that have tokens, longest first, cut into batches of similar
    lengths: a long text costs a few batches' steps, not memory in proportion to its sentences
    times the longest."""
    order = first + np.argsort(-lens[first:stop], kind="stable")
    order = order[lens[order] > 0]
    return [order[b : b + _MAX_BATCH] for b in range(0, len(order), _MAX_BATCH)]


class _Steps:
    """What each step of the passes reads, computed once per model: the transitions laid out for
    a batch of up to _MAX_BATCH sentences, and as probabilities."""

    def __init__(self, trans: FloatArray) -> None:
        n_labels = trans.shape[0]
        self.n_labels = n_labels
        # into[s, j, i]: the weight of i followed by j, once per sentence: adding it to the scores
        # broadcast into Viterbi's candidates is then a flat add (broadcasting runs 17 at a time).
        self.into = np.ascontiguousarray(np.broadcast_to(trans.T, (_MAX_BATCH, n_labels, n_labels)))
        cells = np.arange(_MAX_BATCH * n_labels)
        self.cell = (cells * n_labels).reshape(_MAX_BATCH, n_labels)  # flat index of cand[s, j, 0]
        self.line = cells[:_MAX_BATCH] * n_labels  # flat index of back[t, s, 0] in back[t]
        step = np.exp(trans)
        self.pair = np.stack((step, step.T))  # forward, and backward over a reversed sentence
        self.every = _rescale_every(trans)


class _Batch:
    """Sentences (`lengths` > 0, longest first, starting at token `starts`) laid out position-major,
    so that the sentences still running at position t are the first `alive[t]` columns and each
    step works on a prefix view, never a copy. Its cells are (t_cell, s_cell) in row-major order;
    `token` is each cell's index in the text's token order."""

    def __init__(self, lengths: IntArray, starts: IntArray) -> None:
        self.lens, self.starts = lengths, starts
        self.width = len(lengths)
        self.height = int(lengths[0])
        valid = np.arange(self.height)[:, None] < lengths[None, :]
        self.t_cell, self.s_cell = np.nonzero(valid)
        self.token: IntArray = starts[self.s_cell] + self.t_cell
        self.alive: list[int] = valid.sum(axis=1).tolist()

    def viterbi(self, emissions: FloatArray, steps: _Steps) -> IntArray:
        """Best label per position (positions x sentences; past a sentence's end, meaningless)."""
        height, width, alive = self.height, self.width, self.alive
        n_labels = steps.n_labels
        rows = np.zeros((height, width, n_labels))
        rows[self.t_cell, self.s_cell] = emissions[self.token]
        score = rows[0].copy()
        back = np.empty((height, width, n_labels), np.intp)
        back_flat = back.reshape(height, width * n_labels)
        cand = np.empty((width, n_labels, n_labels))
        flat = cand.reshape(-1)
        into, cell = steps.into, steps.cell
        at = np.empty((width, n_labels), np.intp)
        # Array methods and ufuncs only, on prefix views: a step is a handful of C calls.
        for t in range(1, height):
            k = alive[t]
            # cand[s, j, i]: ending in i at t-1, then i -> j; CRFsuite's prev[i] + trans[i][j].
            c = cand[:k]
            np.copyto(c, score[:k, None, :])
            c += into[:k]
            # The first maximum, as CRFsuite keeps the lowest i on ties; its value is read back
            # rather than recomputed by max(), which is slower than argmax on rows this short.
            b = c.argmax(axis=2, out=back[t, :k])
            s = score[:k]
            flat.take(np.add(cell[:k], b, out=at[:k]), out=s)
            s += rows[t, :k]
        # A finished sentence's score row stopped changing at its last position.
        cur = score.argmax(axis=1)
        best = np.empty((height, width), np.intp)
        best[height - 1] = cur
        line = steps.line
        to = at.reshape(-1)
        for t in range(height - 2, -1, -1):
            k = alive[t + 1]  # sentences that reach t+1 step back; the others end here with `cur`
            back_flat[t + 1].take(np.add(line[:k], cur[:k], out=to[:k]), out=cur[:k])
            best[t] = cur
        return best

    def marginals(self, emissions: FloatArray, steps: _Steps) -> FloatArray:
        """P(label | sentence) of every label at every cell (cells x labels, in cell order).

        Forward and backward run as one recursion over a stacked pair: the backward pass over a
        sentence is a forward pass over it reversed with the transitions transposed, and reversed
        sentences are alive over the same longest-first prefixes."""
        height, width, alive = self.height, self.width, self.alive
        n_labels = steps.n_labels
        t_cell, s_cell = self.t_cell, self.s_cell
        u_cell = self.lens[s_cell] - 1 - t_cell  # the same cell counted from its sentence's end
        e = emissions[self.token]
        # exp of the emissions shifted so each token's largest is 1: no overflow however large the
        # weights, and the shift cancels in the normalization.
        x = np.exp(e - e.max(axis=1, keepdims=True))
        pair = np.ones((height, 2, width, n_labels))
        pair[t_cell, 0, s_cell] = x
        pair[u_cell, 1, s_cell] = x
        pairing, every = steps.pair, steps.every
        # into[t] is the pair before position t's emissions are multiplied in, g[t] after: the
        # forward half of g is alpha at t, the backward half of `into` beta t positions before
        # the end (beta is 1 at a sentence's last token).
        into = np.empty_like(pair)
        into[0, 1] = 1.0
        g = np.empty_like(pair)
        g[0] = pair[0]
        for t in range(1, height):
            k = alive[t]
            m = np.matmul(g[t - 1, :, :k], pairing, out=into[t, :, :k])
            a = np.multiply(m, pair[t, :, :k], out=g[t, :, :k])
            if t % every == 0:
                a /= a.sum(axis=2, keepdims=True)
        # Each cell's alpha*beta is proportional to its marginals whatever the scaling left.
        p: FloatArray = g[t_cell, 0, s_cell] * into[u_cell, 1, s_cell]
        p /= p.sum(axis=1, keepdims=True)
        return p


def _rescale_every(trans: FloatArray) -> int:
    """How many positions forward-backward may go between rescalings. With emissions shifted to a
    maximum of 1, one step multiplies a vector's sum by at most L*e^max(T) and shrinks it by at most
    e^(max(T) - 2 min(T)) (beta's entries stay within e^(max(T) - min(T)) of each other), T
    including the zero of an absent transition."""
    hi, lo = max(float(trans.max()), 0.0), min(float(trans.min()), 0.0)
    per_step = max(math.log(trans.shape[0]) + hi, hi - 2 * lo, 1e-9)
    return max(1, int(_SCALE_RANGE / per_step))


class ScoreTable:
    """Emission rows for lists of attribute ids, memoized by the caller as row ids into one matrix,
    so a sentence's emissions are a fancy-index and a sum. Rows 0..A-1 are the attributes' own
    weights and row A (`zero`) is zeros: a list of one attribute or none needs no row of its own.
    New rows are summed in one batch when `matrix` is next read.

    Bounded: once `full` (`max_rows` rows of its own), the owner empties it with `clear`, between
    texts so that no row id in use goes stale. The matrix is allocated once for that many rows
    (zeroed pages cost no memory until written) and only grows if a single text outruns it."""

    def __init__(self, state: FloatArray, max_rows: int) -> None:
        self.base = int(state.shape[0])
        self.zero = self.base
        self.max_rows = max_rows
        self._state = state
        self._size = self.base + 1
        self._capacity = self.base + 1 + max_rows + 4096  # room for the text that fills it
        self._matrix = np.zeros((self._capacity, state.shape[1]))
        self._matrix[: self.base] = state
        self._pending: list[Sequence[int]] = []

    def __len__(self) -> int:
        """Rows in use beyond the attributes' own and the zero row."""
        return self._size - self.base - 1

    @property
    def full(self) -> bool:
        return len(self) >= self.max_rows

    def add(self, ids: Sequence[int]) -> int:
        """The row id of the summed weights of attributes `ids` (repeats count twice, as in CRFsuite)."""
        if len(ids) > 1:
            self._pending.append(ids)
            self._size += 1
            return self._size - 1
        return ids[0] if ids else self.zero

    @property
    def matrix(self) -> FloatArray:
        """All rows (a view, valid until the next `add` or `clear`)."""
        if self._pending:
            self._flush()
        return self._matrix[: self._size]

    def clear(self) -> None:
        self._pending = []
        self._size = self.base + 1
        if len(self._matrix) > self._capacity:  # give back what an outsized text took
            self._matrix = np.zeros((self._capacity, self._state.shape[1]))
            self._matrix[: self.base] = self._state

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        first = self._size - len(pending)
        if self._size > len(self._matrix):
            grown = np.zeros((max(self._size, len(self._matrix) * 3 // 2), self._matrix.shape[1]))
            grown[:first] = self._matrix[:first]
            self._matrix = grown
        lens = np.fromiter(map(len, pending), np.intp, len(pending))
        flat = np.fromiter(chain.from_iterable(pending), np.intp, int(lens.sum()))
        # Every pending list has two ids or more, so no reduceat segment is empty.
        np.add.reduceat(
            self._state[flat], np.cumsum(lens) - lens, axis=0, out=self._matrix[first : self._size]
        )
