"""Token features for the NER sequence model, and the sentence splitter it runs on.

Arabic names arrive glued to proclitics (و، ف، ب، ل، ك، ال) and inflected by affixes, so every
token is described by its clitic segmentation and its stem's affixes as well as its surface form;
gazetteer membership, a preceding title (الرئيس، وزير) and nisba adjectives (الروسي) are the
context cues a CRF cannot learn from 100k tokens of training text alone.

Training hands CRFsuite the features as strings (Featurizer[str]); tagging never builds them per
token: RowFeaturizer keeps each memoized feature list as its summed weight row (crf.ScoreTable).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import chain, pairwise, repeat
from typing import Any, Generic, TypeVar, cast

import numpy as np

from khabar.core.tagging.crf import CRF, FloatArray, ScoreTable
from khabar.core.text.clitics import lookup_form, split_proclitics
from khabar.core.text.normalize import norm
from khabar.core.text.tokens import Spanned

try:  # the tagger's titles lexicon; a small local list keeps the model usable without it
    from khabar.core.tagging.titles import TITLE_WORDS
except ImportError:  # pragma: no cover - titles.py ships with the package
    TITLE_WORDS = frozenset(
        map(norm, ["الرئيس", "رئيس", "وزير", "الوزير", "الملك", "الأمير", "السفير", "سفير", "نائب"])
    )

GAZ_TYPES = ("LOC", "PERS", "ORG")
_MAX_PHRASE = 6
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_DIGITS = re.compile(r"^[\d٠-٩]+$")
_LATIN = re.compile(r"^[A-Za-z]+$")
_ARABIC = re.compile(r"^[\u0600-\u06ff]+$")
_SENTENCE_END = frozenset(".؟?!")
# Words that end in ي/يه yet are not nisba adjectives; the feature is a hint, not a rule.
_NOT_NISBA = frozenset(map(norm, ["الذي", "التي", "الى", "على", "في", "الماضي", "الحالي", "التالي"]))
MAX_SENTENCE = 80


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Normalized lookup tables: `words` maps a single word to the gazetteer types it belongs to
    (alone or inside a phrase), `phrases` maps a word tuple to its type, `titles` are title words."""

    words: dict[str, frozenset[str]]
    phrases: dict[tuple[str, ...], str]
    titles: frozenset[str]

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(self.words)


def build_lexicons(entries: Iterable[tuple[str, str]], titles: Iterable[str] = ()) -> Lexicons:
    """Lexicons from (type, name) pairs; names are normalized here."""
    words: dict[str, set[str]] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for kind, name in entries:
        parts = tuple(norm(name).split())
        if not parts or len(parts) > _MAX_PHRASE:
            continue
        phrases.setdefault(parts, kind)
        for p in parts:
            if len(p) > 1:
                words.setdefault(p, set()).add(kind)
    return Lexicons({w: frozenset(k) for w, k in words.items()}, phrases, frozenset(norm(t) for t in titles))


def read_gazetteer(text: str) -> list[str]:
    """Names from an ANERGazet file: one per line, '====' / '****' lines separate variant groups."""
    return [ln.strip() for ln in text.splitlines() if ln.strip() and ln.strip()[0] not in "=*"]


def _country_names() -> list[str]:
    from babel import Locale  # CLDR data bundled with babel: no download

    return [str(v) for v in Locale("ar").territories.values()]


@cache
def default_lexicons() -> Lexicons:
    """ANERGazet (shipped under khabar/data/gazetteers/anergazet) plus CLDR Arabic country names."""
    base = resources.files("khabar.data") / "gazetteers" / "anergazet"
    entries: list[tuple[str, str]] = []
    for kind, fname in (("LOC", "locations.txt"), ("PERS", "persons.txt"), ("ORG", "organizations.txt")):
        entries += [(kind, n) for n in read_gazetteer((base / fname).read_text(encoding="utf-8"))]
    entries += [("LOC", n) for n in _country_names()]
    return build_lexicons(entries, TITLE_WORDS)


@dataclass(frozen=True, slots=True)
class Analysis:
    """One token seen through its morphology: normalized surface, proclitic prefix, lookup stem."""

    word: str
    prefix: str
    stem: str


def analyze(token: str, lex: Lexicons) -> Analysis:
    prefix, stem = split_proclitics(token, lexicon=lex.words)
    return Analysis(norm(token), norm(prefix), lookup_form(prefix, stem, lex.words))


def _bare(stem: str) -> str:
    return stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem


# Longest phrase per first word, per phrase table: a position whose word starts no phrase then
# costs one dict miss instead of six tuple lookups. Keyed by id() with the table held, so the id
# cannot be reused; a table whose size changed is re-indexed.
_FIRST: dict[int, tuple[object, int, dict[str, int]]] = {}
_FIRST_MAX = 32


def _first_index(phrases: dict[tuple[str, ...], Any]) -> dict[str, int]:
    got = _FIRST.get(id(phrases))
    if got is not None and got[0] is phrases and got[1] == len(phrases):
        return got[2]
    index: dict[str, int] = {}
    for p in phrases:
        if p and len(p) > index.get(p[0], 0):
            index[p[0]] = len(p)
    if len(_FIRST) >= _FIRST_MAX:
        _FIRST.clear()
    _FIRST[id(phrases)] = (phrases, len(phrases), index)
    return index


def gazetteer_tags(stems: Sequence[str], lex: Lexicons) -> list[str]:
    """BIO tags of the longest gazetteer phrases over the stems, left to right ('O' elsewhere).
    The plain statement of what Featurizer.tags computes faster over token types."""
    tags = ["O"] * len(stems)
    i = 0
    while i < len(stems):
        for n in range(min(_MAX_PHRASE, len(stems) - i), 0, -1):
            kind = lex.phrases.get(tuple(stems[i : i + n]))
            if kind is None and n == 1:
                kind = lex.phrases.get((_bare(stems[i]),))
            if kind is not None:
                tags[i] = "B-" + kind
                for j in range(i + 1, i + n):
                    tags[j] = "I-" + kind
                i += n
                break
        else:
            i += 1
    return tags


@dataclass(frozen=True, slots=True)
class Memory:
    """What annotated training text taught: entity phrases (stems -> type, and how often the phrase
    is an entity where it occurs: hi/mid/lo) and, per word, the BIO tags it often carries (محمد is
    usually B-PERS). Lets the model recognise a taught name in an untaught context; ambiguous
    words (عمان Oman/Amman, common nouns) carry a low ratio."""

    phrases: dict[tuple[str, ...], tuple[str, str]]
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # How often each stem occurs: unseen or rare words in news text are mostly names.
    counts: dict[str, int] = field(default_factory=dict)

    def dumps(self) -> str:
        lines = [f"p\t{k}\t{r}\t{' '.join(p)}\n" for p, (k, r) in sorted(self.phrases.items())]
        lines += [f"w\t{','.join(t)}\t{w}\n" for w, t in sorted(self.words.items())]
        lines += [f"c\t{n}\t{w}\n" for w, n in sorted(self.counts.items())]
        return "".join(lines)

    def frequency(self, stem: str) -> str:
        if not self.counts:
            return "na"
        n = self.counts.get(stem, 0)
        return "0" if n == 0 else "1" if n == 1 else "few" if n < 10 else "many"

    @classmethod
    def loads(cls, text: str) -> Memory:
        phrases: dict[tuple[str, ...], tuple[str, str]] = {}
        words: dict[str, tuple[str, ...]] = {}
        counts: dict[str, int] = {}
        for line in text.splitlines():
            parts = line.split("\t")
            if parts[0] == "p" and len(parts) == 4:
                phrases[tuple(parts[3].split())] = (parts[1], parts[2])
            elif parts[0] == "w" and len(parts) == 3:
                words[parts[2]] = tuple(parts[1].split(","))
            elif parts[0] == "c" and len(parts) == 3:
                counts[parts[2]] = int(parts[1])
        return cls(phrases, words, counts)


EMPTY_MEMORY = Memory({})
# A word's tag is remembered when it carries it at least this often (and was seen twice).
_WORD_TAG_SHARE = 0.25


def build_memory(sentences: Iterable[Sequence[tuple[str, str]]], lex: Lexicons) -> Memory:
    """Memory of the entity mentions in BIO-tagged `sentences` (type = the most frequent one)."""
    stem_sents = [([analyze(t, lex).stem for t, _ in s], [y for _, y in s]) for s in sentences]
    kinds: dict[tuple[str, ...], dict[str, int]] = {}
    word_tags: dict[str, Counter[str]] = {}
    for stems, tags in stem_sents:
        start, kind = -1, ""
        for i, tag in enumerate([*tags, "O"]):
            if i < len(stems):
                word_tags.setdefault(stems[i], Counter())[tag] += 1
            bio, _, k = tag.partition("-")
            if start >= 0 and (bio != "I" or k != kind):
                key = tuple(stems[start:i])
                if len(key) <= _MAX_PHRASE:
                    kinds.setdefault(key, {}).setdefault(kind, 0)
                    kinds[key][kind] += 1
                start = -1
            if bio == "B" or (bio == "I" and start < 0):
                start, kind = i, k
    seen: dict[tuple[str, ...], int] = dict.fromkeys(kinds, 0)
    for stems, _ in stem_sents:
        for n in range(1, _MAX_PHRASE + 1):
            for i in range(len(stems) - n + 1):
                key = tuple(stems[i : i + n])
                if key in seen:
                    seen[key] += 1
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for key, by_kind in kinds.items():
        kind, _ = max(by_kind.items(), key=lambda kv: (kv[1], kv[0]))
        ratio = sum(by_kind.values()) / max(1, seen[key])
        out[key] = (kind, "hi" if ratio >= 0.66 else "mid" if ratio >= 0.33 else "lo")
    words: dict[str, tuple[str, ...]] = {}
    for w, c in word_tags.items():
        total = sum(c.values())
        keep = sorted(t for t, n in c.items() if t != "O" and total >= 2 and n / total >= _WORD_TAG_SHARE)
        if keep:
            words[w] = tuple(keep)
    counts = {w: sum(c.values()) for w, c in word_tags.items()}
    return Memory(out, words, counts)


def memory_tags(stems: Sequence[str], memory: Memory) -> list[str]:
    """Longest remembered phrases over the stems: 'B-PERS:hi', 'I-LOC:lo' … or 'O' (the plain
    statement of Featurizer.tags' memory half)."""
    tags = ["O"] * len(stems)
    i = 0
    while i < len(stems):
        for n in range(min(_MAX_PHRASE, len(stems) - i), 0, -1):
            hit = memory.phrases.get(tuple(stems[i : i + n]))
            if hit is not None:
                kind, ratio = hit
                tags[i] = f"B-{kind}:{ratio}"
                for j in range(i + 1, i + n):
                    tags[j] = f"I-{kind}:{ratio}"
                i += n
                break
        else:
            i += 1
    return tags


def _shape(tok: str) -> str:
    if _DIGITS.match(tok):
        return "digit"
    if _ARABIC.match(tok):
        return "arabic"
    if _LATIN.match(tok):
        return "latin"
    if len(tok) == 1 and not tok.isalnum():
        return "punct"
    return "mixed"


def _own(tok: str, a: Analysis, lex: Lexicons) -> list[str]:
    """A token's own features that depend on the token alone (its gazetteer tag is added per position)."""
    stem, bare = a.stem, _bare(a.stem)
    f = [
        "bias",
        "w=" + a.word,
        "st=" + stem,
        "bare=" + bare,
        "pre=" + a.prefix,
        "shape=" + _shape(tok),
        "len=" + str(min(len(bare), 8)),
    ]
    for k in (1, 2, 3):
        if len(bare) > k:
            f += [f"p{k}=" + bare[:k], f"s{k}=" + bare[-k:]]
    # Inner letter trigrams: transliterated foreign names (كلاوس، فوفرايت) share letter patterns
    # (long vowels, clusters) that Arabic pattern words do not.
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


_OFFSETS = (-2, -1, 1, 2)
_PREFIX = {d: f"{d}:" for d in _OFFSETS}
# Features are str (what CRFsuite trains on), the UTF-8 bytes pycrfsuite reads without encoding each
# string again, or a crf.CRF's attribute ids (RowFeaturizer).
F = TypeVar("F", str, bytes, int)
View = tuple[list[F], list[F], list[F], list[F], list[F]]
ViewRows = tuple[int, int, int, int, int]


class TokenType(Generic[F]):
    """What the features need to know about one token string (pure in the token, the lexicons and
    the memory, so it is computed once per distinct token): its stem, its features that do not
    depend on the position (`own`, and `near[k]` as the neighbour at offset _OFFSETS[k] of the token
    being described), and what starting a gazetteer or memory phrase here takes. `plain` is its
    Featurizer.view at gazetteer and memory tag O, the common case; `tagged` holds a few others.
    A RowFeaturizer keeps the views' ScoreTable rows instead, in `rows` and `tagged_rows`, and in
    `pairs` the rows of the bigrams this token starts, by the next token's stem."""

    __slots__ = (
        "gaz1",
        "gaz_max",
        "mem1",
        "mem_max",
        "near",
        "own",
        "pairs",
        "plain",
        "rows",
        "stem",
        "tagged",
        "tagged_rows",
    )

    def __init__(self, stem: str, own: list[F], near: list[list[F]]) -> None:
        self.stem = stem
        self.own: list[F] = own
        self.near: list[list[F]] = near
        self.gaz1: str | None = None  # the B- tag of a one-word gazetteer phrase here
        self.gaz_max = 0  # the longest gazetteer phrase starting with this stem
        self.mem1: str | None = None
        self.mem_max = 0
        self.plain: View[F] = _NO_VIEW  # shared: views are read, never mutated
        self.tagged: dict[tuple[str, str], View[F]] = {}
        self.rows: ViewRows = (0, 0, 0, 0, 0)
        self.tagged_rows: dict[tuple[str, str], ViewRows] = {}
        self.pairs: dict[str, tuple[int, int]] = _NO_PAIRS


def _type_features(tok: str, a: Analysis, lex: Lexicons, memory: Memory) -> tuple[list[str], list[list[str]]]:
    """A token's position-independent features: its own, and as the neighbour at each _OFFSETS."""
    stem, word = a.stem, a.word
    mw = memory.words.get(stem, ())
    fq = memory.frequency(stem)
    own = _own(tok, a, lex)
    nisba = "nisba" in own
    title = stem in lex.titles or word in lex.titles
    own.append("fq=" + fq)
    own += ["mw=" + x for x in mw]
    s2 = _bare(stem)[-2:]
    kinds = lex.words.get(stem, ())
    near: list[list[str]] = []
    for d in _OFFSETS:
        p = _PREFIX[d]
        f = [p + "w=" + word, p + "st=" + stem]
        if title:
            f.append(p + "title")
        if d == -1 or d == 1:
            f += [p + "s2=" + s2, p + "pre=" + a.prefix]
            f += [p + "mw=" + x for x in mw]
            f.append(p + "fq=" + fq)
            if nisba:
                f.append(p + "nisba")
            f += [p + "gw=" + kind for kind in kinds]
        near.append(f)
    return own, near


class Featurizer(Generic[F]):
    """sentence_features for one (lexicons, memory) pair, with each distinct token's TokenType
    memoized. The cache is bounded: when full it is emptied (news vocabulary is Zipfian, so it refills
    with the frequent words at once) and memory cannot grow without limit in a long-running service.

    `conv` makes each feature string a feature (str, or str.encode for bytes). With `keep` (a
    model's attribute set) only features in it are produced: CRFsuite skips unknown attributes when
    tagging, so the model scores the same while it is handed a fifth fewer strings. `keep` may be
    a mapping from those strings to their features already converted, used as is."""

    def __init__(
        self,
        lex: Lexicons,
        memory: Memory,
        conv: Callable[[str], F],
        keep: AbstractSet[str] | Mapping[str, F] | None = None,
        max_types: int = 20_000,
    ) -> None:
        self.lex = lex
        self.memory = memory
        # Each kept feature string and its feature, so filtering and converting is one lookup.
        self._map: Mapping[str, F] | None
        if isinstance(keep, Mapping):
            self.keep: AbstractSet[str] | None = keep.keys()
            self._map = keep
        else:
            self.keep = keep
            self._map = None if keep is None else {x: conv(x) for x in keep}
        self._conv: Callable[[str], F] = conv
        self._max = max_types
        self._types: dict[str, TokenType[F]] = {}
        self._gaz_first = _first_index(lex.phrases)
        self._mem_first = _first_index(memory.phrases)
        # Position-dependent features: a gazetteer / memory tag seen from offset d.
        self._ctx: dict[tuple[int, str, str | None], list[F]] = {}
        self._bos: list[F] = self._kept(["BOS"])
        self._eos: list[F] = self._kept(["EOS"])
        # Known bigram attributes by stem pair: a pair lookup instead of building every string.
        self._bigrams: tuple[dict[tuple[str, str], list[F]], dict[tuple[str, str], list[F]]] = ({}, {})
        if self.keep is not None:
            for attr in self.keep:
                side = 0 if attr.startswith("bi-=") else 1 if attr.startswith("bi+=") else -1
                if side < 0:
                    continue
                pair = attr[4:]
                # A stem may itself be "|": register every split that spells the attribute.
                for k, ch in enumerate(pair):
                    if ch == "|":
                        self._bigrams[side][pair[:k], pair[k + 1 :]] = [conv(attr)]

    def _kept(self, f: list[str]) -> list[F]:
        m = self._map
        if m is None:
            return list(map(self._conv, f))
        return [y for x in f if (y := m.get(x)) is not None]

    def token_type(self, tok: str) -> TokenType[F]:
        t = self._types.get(tok)
        if t is None:
            t = self.describe(tok)
            if len(self._types) >= self._max:
                self._types.clear()
            self._types[tok] = t
        return t

    def describe(self, tok: str) -> TokenType[F]:
        """The TokenType of `tok`, not memoized."""
        t = self._describe(tok)
        t.plain = self.view(t, "O", "O")
        return t

    def _describe(self, tok: str) -> TokenType[F]:
        """describe() without the views."""
        lex, memory = self.lex, self.memory
        a = analyze(tok, lex)
        own, near = _type_features(tok, a, lex, memory)
        t = TokenType(a.stem, self._kept(own), [self._kept(f) for f in near])
        gaz = lex.phrases.get((a.stem,))
        if gaz is None:
            gaz = lex.phrases.get((_bare(a.stem),))
        t.gaz1 = None if gaz is None else "B-" + gaz
        t.gaz_max = self._gaz_first.get(a.stem, 0)
        mem = memory.phrases.get((a.stem,))
        t.mem1 = None if mem is None else f"B-{mem[0]}:{mem[1]}"
        t.mem_max = self._mem_first.get(a.stem, 0)
        return t

    def tags(self, types: Sequence[TokenType[F]]) -> tuple[list[str], list[str]]:
        """gazetteer_tags and memory_tags over the types' stems."""
        gaz = _tags(types, self.lex.phrases, [i for i, t in enumerate(types) if t.gaz_max or t.gaz1], True)
        mem = _tags(types, self.memory.phrases, [i for i, t in enumerate(types) if t.mem_max], False)
        return gaz, mem

    def _context(self, d: int, gaz: str, mem: str | None) -> list[F]:
        key = (d, gaz, mem)
        f = self._ctx.get(key)
        if f is None:
            p = f"{d}:" if d else ""
            f = self._kept([p + "gz=" + gaz] + ([] if mem is None else [p + "mem=" + mem]))
            if len(self._ctx) < 4096:  # a few hundred distinct tag pairs exist
                self._ctx[key] = f
        return f

    def _tagged_view(self, t: TokenType[F], gaz: str, mem: str) -> View[F]:
        """view(), memoized on the type: a name is mostly tagged the same way wherever it recurs."""
        got = t.tagged.get((gaz, mem))
        if got is None:
            got = self.view(t, gaz, mem)
            if len(t.tagged) < 8:
                t.tagged[gaz, mem] = got
        return got

    def view(self, t: TokenType[F], gaz: str, mem: str) -> View[F]:
        """A token's features at a position with these gazetteer and memory tags: for the token
        itself, then as the neighbour at offset -2, -1, 1, 2 of another token."""
        ctx = self._context
        return (
            t.own + ctx(0, gaz, mem),
            t.near[0] + ctx(-2, gaz, None),
            t.near[1] + ctx(-1, gaz, mem),
            t.near[2] + ctx(1, gaz, mem),
            t.near[3] + ctx(2, gaz, None),
        )

    def sentence(self, tokens: Sequence[str]) -> list[list[F]]:
        return self.features([self.token_type(t) for t in tokens])

    def features(self, types: Sequence[TokenType[F]]) -> list[list[F]]:
        """sentence_features of the sentence whose tokens have these types."""
        n = len(types)
        if not n:
            return []
        gaz, mem = self.tags(types)
        none: View[F] = ([], [], [], [], [])
        views: list[View[F]] = [none, none]
        views += [
            t.plain if g == "O" and m == "O" else self._tagged_view(t, g, m)
            for t, g, m in zip(types, gaz, mem, strict=True)
        ]
        views += [none, none]
        stems = [t.stem for t in types]
        pairs = list(pairwise(stems))
        left: list[list[F]]
        right: list[list[F]]
        if self.keep is None:
            conv = self._conv
            left = [[conv("bi-=" + a + "|" + b)] for a, b in pairs]
            right = [[conv("bi+=" + a + "|" + b)] for a, b in pairs]
        else:
            minus, plus = self._bigrams
            empty: list[F] = []
            left = [minus.get(p, empty) for p in pairs]
            right = [plus.get(p, empty) for p in pairs]
        # Position i's extras: BOS or the bigram with its left neighbour, EOS or the one with its right.
        left.insert(0, self._bos)
        right.append(self._eos)
        out: list[list[F]] = []
        for i in range(n):
            f = views[i + 2][0] + views[i][1]
            f += views[i + 1][2]
            f += views[i + 3][3]
            f += views[i + 4][4]
            f += left[i]
            f += right[i]
            out.append(f)
        return out


def _tags(
    types: Sequence[TokenType[F]], phrases: dict[tuple[str, ...], Any], starts: list[int], gaz: bool
) -> list[str]:
    """gazetteer_tags (gaz) or memory_tags over TokenTypes, visiting only `starts`, the positions
    where a phrase may start: multi-word lookups where a phrase starts with the word, the one-word
    reading from the type."""
    tags = ["O"] * len(types)
    if starts:
        n = len(types)
        for i, tag in _hits(types, [t.stem for t in types], phrases, starts, [n] * n, gaz).items():
            tags[i] = tag
    return tags


def _hits(
    types: Sequence[TokenType[F]],
    stems: Sequence[str],
    phrases: dict[tuple[str, ...], Any],
    starts: list[int],
    stops: Sequence[int],
    gaz: bool,
) -> dict[int, str]:
    """_tags' tags other than O, by position, where no phrase may run past stops[i] from position
    i (its sentence's end: one pass serves all sentences of a text)."""
    tags: dict[int, str] = {}
    free = 0  # positions before this are inside a phrase already tagged
    for i in starts:
        if i < free:
            continue
        t = types[i]
        top = min(t.gaz_max if gaz else t.mem_max, _MAX_PHRASE, stops[i] - i)
        for n in range(top, 1, -1):
            hit = phrases.get(tuple(stems[i : i + n]))
            if hit is not None:
                if gaz:
                    b, rest = "B-" + hit, "I-" + hit
                else:
                    b, rest = f"B-{hit[0]}:{hit[1]}", f"I-{hit[0]}:{hit[1]}"
                tags[i] = b
                for j in range(i + 1, i + n):
                    tags[j] = rest
                free = i + n
                break
        else:
            one = t.gaz1 if gaz else t.mem1
            if one is not None:
                tags[i] = one
    return tags


class RowFeaturizer(Featurizer[int]):
    """The Featurizer a crf.CRF scores with. Features are the model's attribute ids (those it does
    not know are dropped), and every memoized feature list (a token type's views, the bigram and
    BOS/EOS lists) is summed once into a row of a ScoreTable: a token's emission row is then the sum
    of 7 table rows (its own view, its ±1 and ±2 neighbours' views of it, its left and right bigram
    or BOS/EOS), whatever its number of features.

    Bounded like the Featurizer, with one difference: types and table rows are emptied together
    and only when `types` starts on a new text, so no row id in use goes stale while a text is
    being scored. `max_rows` bounds the table's own rows (beyond the model's attributes): a type
    takes about 4 (lists of one attribute or none need none), so `max_types` is met first. Hence
    also one text at a time: not for concurrent use from several threads."""

    def __init__(
        self, lex: Lexicons, memory: Memory, crf: CRF, max_types: int = 20_000, max_rows: int = 100_000
    ) -> None:
        attrs = crf.attributes
        super().__init__(lex, memory, attrs.__getitem__, keep=attrs, max_types=max_types)
        self.table = ScoreTable(crf.state, max_rows)
        add = self.table.add
        self._bos_row, self._eos_row = add(self._bos), add(self._eos)
        # Bigram rows by first stem, then second: as the left bigram of the second token of the
        # pair, as the right one of the first. Each type holds its stem's entry (`pairs`), so a
        # position costs one lookup by the next stem, mostly a miss in an empty dict.
        minus, plus = self._bigrams
        self._pairs: dict[str, dict[str, tuple[int, int]]] = {}
        for a, b in minus.keys() | plus.keys():
            rows = (add(minus.get((a, b), [])), add(plus.get((a, b), [])))
            self._pairs.setdefault(a, {})[b] = rows
        # Those lists are one attribute each, so their rows are the attributes' own: none is in the
        # table's part that `clear` empties.
        assert len(self.table) == 0

    def types(self, words: Sequence[str]) -> list[TokenType[int]]:
        """The TokenTypes of a text's tokens, for `emissions`. The only place caches are emptied."""
        if len(self._types) >= self._max or self.table.full:
            self._types.clear()
            self.table.clear()
        cache = self._types
        # Lookups in one C-level pass; misses (few once the vocabulary is warm) described after.
        out: list[TokenType[int] | None] = list(map(cache.get, words))
        if None in out:
            for i, t in enumerate(out):
                if t is None:
                    w = words[i]
                    t = cache.get(w)  # described at an earlier position of this text
                    out[i] = cache[w] = t if t is not None else self.describe(w)
        return cast(list[TokenType[int]], out)  # no None is left

    def describe(self, tok: str) -> TokenType[int]:
        """The TokenType of `tok` with the rows of its plain view (not its lists: tagged views are
        built from `own` and `near` when needed), not memoized."""
        t = self._describe(tok)
        t.rows = self._rows(self.view(t, "O", "O"))
        t.pairs = self._pairs.get(t.stem, _NO_PAIRS)
        return t

    def features(self, types: Sequence[TokenType[int]]) -> list[list[int]]:
        raise NotImplementedError("a RowFeaturizer keeps rows, not feature lists: use emissions()")

    def _rows(self, view: View[int]) -> ViewRows:
        add = self.table.add
        return add(view[0]), add(view[1]), add(view[2]), add(view[3]), add(view[4])

    def _tagged_rows(self, t: TokenType[int], gaz: str, mem: str) -> ViewRows:
        """A view's rows at these tags, memoized on the type like Featurizer._tagged_view."""
        got = t.tagged_rows.get((gaz, mem))
        if got is None:
            got = self._rows(self.view(t, gaz, mem))
            if len(t.tagged_rows) < 8:
                t.tagged_rows[gaz, mem] = got
        return got

    def emissions(self, types: Sequence[TokenType[int]], sentences: Sequence[range]) -> FloatArray:
        """Emission rows (tokens x the CRF's labels) of a text whose tokens have these `types` (from
        `types`), cut into `sentences` (consecutive ranges covering it): row i sums the weights of
        what Featurizer.features gives token i of its sentence."""
        n = len(types)
        lens = [len(r) for r in sentences]
        if sum(lens) != n or (sentences and (sentences[0].start != 0 or sentences[-1].stop != n)):
            raise ValueError("sentences must cut the tokens into consecutive ranges")
        if not n:
            return np.zeros((0, self.table.matrix.shape[1]))
        stems = [t.stem for t in types]
        stops = list(chain.from_iterable(repeat(r.stop, len(r)) for r in sentences))
        # Gazetteer and memory tags (other than O), one pass over the text for each.
        starts = [i for i, t in enumerate(types) if t.gaz_max or t.gaz1]
        gaz = _hits(types, stems, self.lex.phrases, starts, stops, True)
        starts = [i for i, t in enumerate(types) if t.mem_max]
        mem = _hits(types, stems, self.memory.phrases, starts, stops, False)
        views = [t.rows for t in types]
        for i in gaz.keys() | mem.keys():
            views[i] = self._tagged_rows(types[i], gaz.get(i, "O"), mem.get(i, "O"))
        z, bos, eos = self.table.zero, self._bos_row, self._eos_row
        v = np.fromiter(chain.from_iterable(views), np.intp, 5 * n).reshape(n, 5)
        none = (z, z)
        # Each token with the next one's stem (the last token has none).
        nexts = zip(types, stems[1:], strict=False)
        pairs = np.fromiter(chain.from_iterable(a.pairs.get(b, none) for a, b in nexts), np.intp, 2 * n - 2)
        pairs = pairs.reshape(n - 1, 2)
        here = np.arange(n)
        if len(lens) == 1:
            pos, rem = here, n - 1 - here
        else:
            reps = np.array(lens)
            ends = reps.cumsum()
            pos = here - (ends - reps).repeat(reps)  # tokens before i in its sentence
            rem = ends.repeat(reps) - here - 1  # tokens after i in its sentence
        # The 7 rows of token i: its own view; the views of it from tokens i-2, i-1, i+1, i+2 (the
        # 2nd to 5th entries of their views), zero outside the sentence; its left bigram or BOS and
        # its right bigram or EOS.
        idx = np.empty((7, n), np.intp)
        idx[0] = v[:, 0]
        idx[1, :2] = z
        idx[1, 2:] = np.where(pos[2:] >= 2, v[:-2, 1], z)
        idx[2, :1] = z
        idx[2, 1:] = np.where(pos[1:] >= 1, v[:-1, 2], z)
        idx[3, -1:] = z
        idx[3, :-1] = np.where(rem[:-1] >= 1, v[1:, 3], z)
        idx[4, -2:] = z
        idx[4, :-2] = np.where(rem[:-2] >= 2, v[2:, 4], z)
        idx[5, :1] = bos
        idx[5, 1:] = np.where(pos[1:] >= 1, pairs[:, 0], bos)
        idx[6, -1:] = eos
        idx[6, :-1] = np.where(rem[:-1] >= 1, pairs[:, 1], eos)
        # One gather, then the 7 rows of each token added in order (a reduction over the first axis
        # adds whole slabs).
        rows = self.table.matrix.take(idx.reshape(-1), axis=0).reshape(7, n, -1)
        out: FloatArray = rows.sum(axis=0)
        return out


_NO_PAIRS: dict[str, tuple[int, int]] = {}
_NO_VIEW: View[Any] = ([], [], [], [], [])


# Featurizers by (lexicons, memory) identity, holding both so their ids stay unique; a handful at
# most (training builds one memory per fold).
_FEATURIZERS: dict[tuple[int, int], Featurizer[str]] = {}


def featurizer(lex: Lexicons, memory: Memory = EMPTY_MEMORY) -> Featurizer[str]:
    key = (id(lex), id(memory))
    f = _FEATURIZERS.get(key)
    if f is None or f.lex is not lex or f.memory is not memory:
        if len(_FEATURIZERS) >= 8:
            del _FEATURIZERS[next(iter(_FEATURIZERS))]
        f = _FEATURIZERS[key] = Featurizer(lex, memory, str)
    return f


def sentence_features(tokens: Sequence[str], lex: Lexicons, memory: Memory = EMPTY_MEMORY) -> list[list[str]]:
    """CRF features for one sentence: each token's own features plus a ±2 window of neighbours'
    words, stems, gazetteer tags and title flags."""
    return featurizer(lex, memory).sentence(tokens)


def split_sentences(tokens: Sequence[Spanned], text: str | None = None) -> list[range]:
    """Token index ranges of sentences: a break after . ؟ ! and, when `text` is given, wherever a
    newline separates two tokens; over-long runs are cut at MAX_SENTENCE tokens."""
    n = len(tokens)
    if not n:
        return []
    # The breaks first (a token scan in a comprehension, newlines found by str.find), then ranges.
    cuts = {i for i, tok in enumerate(tokens) if tok.text in _SENTENCE_END}
    cuts.add(n - 1)
    if text is not None:
        stop = tokens[-1].start
        p = text.find("\n", tokens[0].end, stop)
        if p >= 0:
            starts = [tok.start for tok in tokens]
            while p >= 0:
                j = bisect_right(starts, p)  # tokens don't hold newlines: p is in the gap before j
                cuts.add(j - 1)
                p = text.find("\n", starts[j], stop)
    out: list[range] = []
    start = 0
    for cut in sorted(cuts):
        while cut - start + 1 > MAX_SENTENCE:
            out.append(range(start, start + MAX_SENTENCE))
            start += MAX_SENTENCE
        out.append(range(start, cut + 1))
        start = cut + 1
    return out
