"""Statistical NER: a linear-chain CRF (python-crfsuite) over morphology-aware token features,
trained on ANERcorp (scripts/train_ner.py) and shipped in khabar/data/ner/.

It proposes PERSON/LOC/ORG/MISC mentions with a confidence; the tagging stage merges them with
gazetteers and rules. CRFsuite trains the model; inference is khabar.core.tagging.crf (the same
labels and marginals, in numpy), over all sentences of a text at once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np
import pycrfsuite

from khabar.core.tagging.crf import CRF, FloatArray, IntArray
from khabar.core.tagging.features import (
    EMPTY_MEMORY,
    Lexicons,
    Memory,
    RowFeaturizer,
    TokenType,
    build_memory,
    default_lexicons,
    sentence_features,
    split_sentences,
)
from khabar.core.text.clitics import lookup_form, split_proclitics
from khabar.core.text.normalize import norm
from khabar.core.text.tokens import Spanned, tokenize

MentionType = Literal["PERSON", "LOC", "ORG", "MISC"]
_TYPES: dict[str, MentionType] = {"PERS": "PERSON", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_KIND = {v: k for k, v in _TYPES.items()}
MODEL_FILE = "anercorp.crfsuite"
MEMORY_FILE = "anercorp.memory.tsv"
# Folds for the training-time memory: each fold's features see only the entities of the other
# folds, so the model learns how far to trust the memory on names it has not been taught.
_FOLDS = 5

# Training hyper-parameters (tuned on ANERcorp dev; see the README, "Statistical NER model").
DEFAULT_PARAMS: dict[str, float | int | bool] = {
    "c1": 0.05,
    "c2": 0.1,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}


@dataclass(frozen=True, slots=True)
class MentionSpan:
    """A mention over tokens first..last (inclusive). `start`/`end` are character offsets of the
    mention in the tagged text with the first token's attached proclitics (و، ب، ل …) left out."""

    type: MentionType
    first: int
    last: int
    confidence: float
    start: int
    end: int


class SequenceModel:
    def __init__(self, model: bytes, lexicons: Lexicons, memory: Memory = EMPTY_MEMORY) -> None:
        self._model = model  # the CRFsuite file, e.g. for a pycrfsuite reference tagger in tests
        self._crf = CRF.from_crfsuite(model)
        self._lex = lexicons
        self._memory = memory
        self._bio = [_to_bio(y) for y in self._crf.labels]
        self._outside = self._crf.labels.index("O") if "O" in self._crf.labels else None
        self._named = np.array([y != "O" for y in self._bio], np.bool_)  # by label id
        # Features memoized per token type as summed weight rows of the model's attributes.
        self._features = RowFeaturizer(lexicons, memory, self._crf)

    @classmethod
    def from_dir(cls, folder: Path, lexicons: Lexicons | None = None) -> SequenceModel:
        """A model written by `train` (MODEL_FILE and MEMORY_FILE in `folder`)."""
        mem = folder / MEMORY_FILE
        return cls(
            (folder / MODEL_FILE).read_bytes(),
            lexicons or default_lexicons(),
            Memory.loads(mem.read_text(encoding="utf-8")) if mem.exists() else EMPTY_MEMORY,
        )

    @classmethod
    def default(cls) -> SequenceModel:
        """The model shipped in the package, loaded once."""
        return _default_model()

    @property
    def labels(self) -> list[str]:
        """The BIO labels the model can predict."""
        return sorted(set(self._bio))

    def predict(self, tokens: Sequence[str]) -> list[tuple[str, float]]:
        """BIO label and its marginal probability for every token of one sentence."""
        if not tokens:
            return []
        return self._predict(self._features.types(tokens), [range(len(tokens))])

    def _predict(
        self,
        types: Sequence[TokenType[int]],
        sentences: Sequence[range],
        outside: float | None = None,
        groups: Sequence[int] | None = None,
    ) -> list[tuple[str, float]]:
        """predict() for every token of consecutive `sentences` of types (from the featurizer's
        `types`), all at once. With `outside`, tokens labelled O get that number instead of their
        marginal (spans never read it), and all-O sentences skip forward-backward altogether.
        `groups` (sentences per text, when several texts are tagged at once) is CRF.tag's."""
        labels, probs = self._tag(types, sentences, outside, groups)
        bio = self._bio
        return [(bio[y], p) for y, p in zip(labels.tolist(), probs.tolist(), strict=True)]

    def _tag(
        self,
        types: Sequence[TokenType[int]],
        sentences: Sequence[range],
        outside: float | None = None,
        groups: Sequence[int] | None = None,
    ) -> tuple[IntArray, FloatArray]:
        """_predict's label ids and probabilities, as arrays."""
        emissions = self._features.emissions(types, sentences)
        lens = [len(r) for r in sentences]
        if outside is None or self._outside is None:
            return self._crf.tag(emissions, lens, groups=groups)
        return self._crf.tag(emissions, lens, skip=self._outside, fill=outside, groups=groups)

    def predict_spans(
        self, tokens: Sequence[Spanned], text: str | None = None, consistent: bool = True
    ) -> list[MentionSpan]:
        """Mentions over `tokens` (from khabar.core.text.tokens.tokenize, or anything with their
        text, start and end), tagged sentence by sentence; pass the source `text` so newlines also
        end sentences. With `consistent`, a confident mention's words found untagged elsewhere in
        the same text are tagged alike (one sense per document), at a lower confidence."""
        return self.predict_spans_each([(tokens, text)], consistent)[0]

    def predict_spans_each(
        self, texts: Sequence[tuple[Sequence[Spanned], str | None]], consistent: bool = True
    ) -> list[list[MentionSpan]]:
        """predict_spans of each (tokens, text), the same as one call each, in one pass through
        the features and the CRF: a short text (a title) then costs its tokens, not the fixed cost
        of a call. Sentences never cross texts (each text's sentences are its own), nor does
        propagation; offsets are into each text."""
        words: list[str] = []
        sents: list[range] = []
        counts: list[int] = []
        for tokens, text in texts:
            base = len(words)
            words += [t.text for t in tokens]
            own = split_sentences(tokens, text)
            sents += own if not base else [range(r.start + base, r.stop + base) for r in own]
            counts.append(len(own))
        outs: list[list[MentionSpan]] = [[] for _ in texts]
        if not words:
            return outs
        types = self._features.types(words)
        labels, probs = self._tag(types, sents, 0.0, counts if len(texts) > 1 else None)
        # Only tokens not labelled O are visited: label strings and probabilities for the rest
        # are never read.
        hot = np.flatnonzero(self._named[labels]).tolist()
        ys, ps = labels.tolist(), probs.tolist()
        bio = self._bio
        base = 0  # the text's first token in `words`
        first = 0  # its first sentence in `sents`
        at = 0  # its first token in `hot`
        for (tokens, _), count, out in zip(texts, counts, outs, strict=True):
            stop = base + len(tokens)
            end = bisect_left(hot, stop, at)
            mine = [i - base for i in hot[at:end]]
            at = end
            if mine:
                breaks = {r.start - base for r in sents[first : first + count]}
                labelled = {i: (bio[ys[base + i]], ps[base + i]) for i in mine}
                out += _runs(mine, labelled, tokens, breaks, self._lex)
            if consistent and out:
                stems = [t.stem for t in types[base:stop]]
                out[:] = _propagate(out, tokens, stems, self._lex)
            first += count
            base = stop
        return outs

    def tag_text(self, text: str) -> list[tuple[MentionSpan, str]]:
        """Convenience for scripts: mentions of `text` with their surface strings."""
        return [(m, text[m.start : m.end]) for m in self.predict_spans(tokenize(text), text)]


def _to_bio(label: str) -> str:
    """BILOU -> BIO: a unit mention is a B, a last token an I."""
    head, sep, kind = label.partition("-")
    return {"U": "B", "L": "I"}.get(head, head) + sep + kind


def to_bilou(tags: Sequence[str]) -> list[str]:
    """BIO -> BILOU: the CRF learns mention ends (L) and single-token mentions (U) as labels of their own."""
    out = []
    for i, tag in enumerate(tags):
        head, _, kind = tag.partition("-")
        nxt = tags[i + 1] if i + 1 < len(tags) else "O"
        continues = nxt == "I-" + kind
        if head == "B":
            out.append(("B-" if continues else "U-") + kind)
        elif head == "I":
            out.append(("I-" if continues else "L-") + kind)
        else:
            out.append(tag)
    return out


def _spans(
    labelled: Sequence[tuple[str, float]], toks: Sequence[Spanned], offset: int, lex: Lexicons
) -> list[MentionSpan]:
    """Mentions of one sentence from its (label, marginal) per token; `offset`, its first token's
    index, is added to the mentions' token indices."""
    hot = [i for i, (label, _) in enumerate(labelled) if label != "O"]
    return _runs(hot, labelled, toks, (), lex, offset)


def _runs(
    hot: Sequence[int],
    labelled: Mapping[int, tuple[str, float]] | Sequence[tuple[str, float]],
    toks: Sequence[Spanned],
    breaks: Collection[int],
    lex: Lexicons,
    offset: int = 0,
) -> list[MentionSpan]:
    """Mentions over `toks` whose tokens at the increasing indices `hot` carry labelled[i], a
    (label, marginal) other than O, and all others O (never read); a mention never runs on into
    a sentence starting at an index in `breaks`."""
    out: list[MentionSpan] = []
    run: list[int] = []
    kind = ""

    def close() -> None:
        if run and kind in _TYPES:
            first = toks[run[0]]
            prefix, stem = split_proclitics(first.text, lexicon=lex.words)
            if prefix.endswith("ل") and lookup_form(prefix, stem, lex.words) != norm(stem):
                # "للامم": the ل of لل fused with ال; the shortest honest surface keeps it.
                prefix = prefix[:-1]
            conf = sum(labelled[i][1] for i in run) / len(run)
            out.append(
                MentionSpan(
                    _TYPES[kind],
                    offset + run[0],
                    offset + run[-1],
                    conf,
                    first.start + len(prefix),
                    toks[run[-1]].end,
                )
            )

    last = -2
    for i in hot:
        if i != last + 1 or i in breaks:
            # An O token, or a sentence's end, lies between: it closes what is open.
            close()
            run, kind = [], ""
        bio, _, k = labelled[i][0].partition("-")
        # An I- after O or after another type starts a mention too (CRF output is not always
        # well-formed BIO).
        if bio == "B" or (bio == "I" and k != kind):
            close()
            run, kind = [i], k
        elif bio == "I":
            run.append(i)
        else:
            close()
            run, kind = [], ""
        last = i
    close()
    return out


# Only mentions the model is sure of are copied to other occurrences, and copies are marked down.
_PROPAGATE_FROM = 0.8
_PROPAGATED_CONFIDENCE = 0.5


def _propagate(
    spans: list[MentionSpan], tokens: Sequence[Spanned], stems: Sequence[str], lex: Lexicons
) -> list[MentionSpan]:
    """`stems` are the tokens' lookup stems (features.analyze(...).stem)."""
    known: dict[tuple[str, ...], MentionType] = {}
    for m in spans:
        if m.confidence >= _PROPAGATE_FROM and m.type != "MISC":
            known.setdefault(tuple(stems[m.first : m.last + 1]), m.type)
    covered = {i for m in spans for i in range(m.first, m.last + 1)}
    # Longest known name per first stem: only positions whose stem starts one are visited.
    first: dict[str, int] = {}
    for k in known:
        first[k[0]] = max(first.get(k[0], 0), len(k))
    added: list[MentionSpan] = []
    free = 0  # positions before this are inside a copy just added
    for i in [i for i, s in enumerate(stems) if s in first]:
        if i < free:
            continue
        for n in range(min(first[stems[i]], len(tokens) - i), 0, -1):
            kind = known.get(tuple(stems[i : i + n]))
            if kind is not None and not any(j in covered for j in range(i, i + n)):
                labelled = [("B-" + _KIND[kind], _PROPAGATED_CONFIDENCE)]
                labelled += [("I-" + _KIND[kind], _PROPAGATED_CONFIDENCE)] * (n - 1)
                added += _spans(labelled, tokens[i : i + n], i, lex)
                free = i + n
                break
    return sorted(spans + added, key=lambda m: m.first)


@cache
def _default_model() -> SequenceModel:
    base = resources.files("khabar.data") / "ner"
    memory = Memory.loads((base / MEMORY_FILE).read_text(encoding="utf-8"))
    return SequenceModel((base / MODEL_FILE).read_bytes(), default_lexicons(), memory)


# ---- training (used by scripts/train_ner.py; pure apart from the model file crfsuite writes) ----

Sentence = list[tuple[str, str]]


def read_conll(text: str) -> list[Sentence]:
    """Sentences of (token, BIO tag) from CoNLL text: token first column, tag last, blank lines
    between sentences, -DOCSTART- lines ignored. Each corpus token is re-tokenized with
    khabar.core.text.tokens.tokenize so training sees the tokens inference will see."""
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        if parts[0] == "-DOCSTART-" or len(parts) < 2:
            continue
        tag = parts[-1]
        for j, sub in enumerate(tokenize(parts[0])):
            cur.append((sub.text, tag if j == 0 or tag == "O" else "I-" + tag.partition("-")[2]))
    if cur:
        sents.append(cur)
    return sents


def train(
    sentences: Sequence[Sentence],
    out_dir: Path,
    params: dict[str, float | int | bool] | None = None,
    lexicons: Lexicons | None = None,
    use_memory: bool = True,
    bilou: bool = True,
) -> SequenceModel:
    """Train a CRF on `sentences`; write MODEL_FILE and MEMORY_FILE into `out_dir`."""
    lex = lexicons or default_lexicons()
    sents = [s for s in sentences if s]
    trainer = pycrfsuite.Trainer(verbose=False)
    size = -(-len(sents) // _FOLDS)
    for f in range(0, len(sents), size):
        held = sents[f : f + size]
        mem = build_memory(sents[:f] + sents[f + size :], lex) if use_memory else EMPTY_MEMORY
        for sent in held:
            tags = [y for _, y in sent]
            trainer.append(
                sentence_features([t for t, _ in sent], lex, mem), to_bilou(tags) if bilou else tags
            )
    trainer.select("lbfgs")
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    out_dir.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out_dir / MODEL_FILE))
    memory = build_memory(sents, lex) if use_memory else EMPTY_MEMORY
    (out_dir / MEMORY_FILE).write_text(memory.dumps(), encoding="utf-8")
    return SequenceModel.from_dir(out_dir, lex)
