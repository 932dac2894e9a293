"""Token features for the NER sequence model, and the sentence splitter it runs on.

Arabic names arrive glued to proclitics (و، ف، ب، ل، ك، ال) and inflected by affixes, so every
token is described by its clitic segmentation and its stem's affixes as well as its surface form;
gazetteer membership, a preceding title (الرئيس، وزير) and nisba adjectives (الروسي) are the
context cues a CRF cannot learn from 100k tokens of training text alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from khabar.core.text.clitics import lookup_form, split_proclitics
from khabar.core.text.normalize import norm
from khabar.core.text.tokens import Token

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


def gazetteer_tags(stems: Sequence[str], lex: Lexicons) -> list[str]:
    """BIO tags of the longest gazetteer phrases over the stems, left to right ('O' elsewhere)."""
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
    """Longest remembered phrases over the stems: 'B-PERS:hi', 'I-LOC:lo' … or 'O'."""
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


def _own(tok: str, a: Analysis, gaz: str, lex: Lexicons) -> list[str]:
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


def sentence_features(tokens: Sequence[str], lex: Lexicons, memory: Memory = EMPTY_MEMORY) -> list[list[str]]:
    """CRF features for one sentence: each token's own features plus a ±2 window of neighbours'
    words, stems, gazetteer tags and title flags."""
    an = [analyze(t, lex) for t in tokens]
    gaz = gazetteer_tags([a.stem for a in an], lex)
    mem = memory_tags([a.stem for a in an], memory)
    own = [
        [
            *_own(t, a, g, lex),
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


def split_sentences(tokens: Sequence[Token], text: str | None = None) -> list[range]:
    """Token index ranges of sentences: a break after . ؟ ! and, when `text` is given, wherever a
    newline separates two tokens; over-long runs are cut at MAX_SENTENCE tokens."""
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
