"""Canonicalization: one id per entity, inside an article and across articles.

Spelling keys fold what Arabic news varies freely in names: عبد الحميد / عبدالحميد (joined), the
transliteration of g as غ/ج/ق/گ (بوغدانوف / بوجدانوف), ch as تش/ج (عراقتشي / عراقجي), v as ف/ڤ,
hamza seats (رافائيل / رافاييل) and hamza/alef/ya/ta-marbuta forms (via normalize). Remaining
variants (ألكساندر / أليكساندر) are matched by fuzzy similarity against the curated actors and
against the names the article itself establishes. Inside an article a bare family or first name
(المنفي) resolves to the one fuller name it belongs to (محمد المنفي).

canonical_id is the Wikidata id when the curated list has one, else a stable hash of type and key.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from khabar.core.tagging.actors import Actor, actors, applies
from khabar.core.tagging.countries import nisba_country
from khabar.core.text.normalize import norm

_ABD = re.compile(r"\b(عبد|ابو|أبو) (?=\S)")
_TRANSLIT = str.maketrans({"غ": "ج", "ق": "ج", "گ": "ج", "ڤ": "ف", "ظ": "ض", "ئ": "ي", "ؤ": "و"})
FUZZY_MIN = 88.0
# Each word must also match on its own: a whole-string ratio lets one differing word pass in a
# long name ("وزارة الخارجية المصرية" ~ "... الأمريكية" 91, "محمد علي" ~ "أحمد علي"), while
# transliteration variants stay close word by word (غوتيريس / غوتيريش 86, زيلينسكي / زيلنسكي 93).
WORD_MIN = 85.0


@lru_cache(maxsize=32768)  # names recur within and across articles; bounded for the service
def name_key(text: str) -> str:
    """Spelling-insensitive key of a name: normalized, عبد/أبو joined to the next word,
    transliteration letters folded (g: غ/ج/ق/گ, ch: تش/ج as in عراقجي/عراقتشي, v: ڤ/ف) and the
    hamza's seat dropped (رافائيل/رافاييل)."""
    return _ABD.sub(r"\1", norm(text)).replace("تش", "ج").translate(_TRANSLIT)


# The letters name_key folds for a foreign g or ch (غ/ج/گ, تش), as a name may be written: a curated
# person's spellings are expanded over them so the gazetteer finds "عراقتشي" for "عراقجي" and
# "جروسي" for "غروسي" at match time. ق is left out: in Arabic names it is a letter of its own
# (قاسم is not جاسم), and news rarely writes a foreign g so.
_G_CH = re.compile("تش|[جغگ]")
_G_CH_FORMS = ("ج", "غ", "تش")
# More variable letters than this and only the listed spellings are kept (3 ** 4 = 81 forms).
_MAX_G_CH = 4


def spellings(name: str) -> tuple[str, ...]:
    """`name` (normalized) and its spellings with each g/ch letter written any common way: all
    share name_key's transliteration folding. Names with more than _MAX_G_CH such letters keep
    their one spelling."""
    parts = _G_CH.split(name)
    if len(parts) == 1 or len(parts) - 1 > _MAX_G_CH:
        return (name,)
    forms = [parts[0]]
    for part in parts[1:]:
        forms = [f + g + part for f in forms for g in _G_CH_FORMS]
    return tuple(dict.fromkeys([name, *forms]))


_INNER_VOWEL = re.compile(r"(?<=\w)[اوي]")


def skeleton(key: str) -> str:
    """The key without word-internal long vowels, which transliterations add or drop at will
    (ألكساندر / أليكساندر): the basis of ids for names not in the curated list."""
    return _INNER_VOWEL.sub("", key)


@lru_cache(maxsize=32768)  # one per entity an article names; bounded for the service
def stable_id(kind: str, key: str) -> str:
    """A stable id from the type and the spelling key's skeleton."""
    digest = hashlib.sha1(f"{kind}:{skeleton(key)}".encode()).hexdigest()[:16]
    return f"kh:{kind.lower()}:{digest}"


@cache
def _actor_keys() -> tuple[dict[tuple[str, str], Actor], dict[str, list[str]]]:
    exact: dict[tuple[str, str], Actor] = {}
    by_type: dict[str, list[str]] = {}
    for a in actors():
        for v in a.variants:
            k = name_key(v)
            exact.setdefault((a.type, k), a)
            by_type.setdefault(a.type, []).append(k)
    return exact, by_type


def find_actor(kind: str, text: str, countries: Collection[str] | None = None) -> Actor | None:
    """The curated actor `text` names: exact on the spelling key, else fuzzy for multi-word names
    (a one-word fuzzy match is too risky: بوتين ~ بوتان). A fuzzy match whose nisba the entry
    lacks is another body ("مجلس الأمن الروسي" is not "مجلس الأمن الدولي"). `countries`: those
    the article mentions; a generic spelling ("المجلس الرئاسي") names its actor only when they
    include the actor's country (None: no article, no such check)."""
    actor = _actor_for_key(kind, name_key(text))
    if actor is None:
        return None
    key = norm(text)
    if countries is not None and not applies(actor, key, countries):
        return None
    if key not in actor.variants and _foreign_nisba(key, actor):
        return None
    return actor


def _foreign_nisba(key: str, actor: Actor) -> bool:
    """`key` holds a nationality adjective of another country than the actor's, which none of the
    actor's spellings holds."""
    own = {w for v in actor.variants for w in v.split()}
    return any(
        (c := nisba_country(w)) is not None and c != actor.country and w not in own for w in key.split()
    )


@lru_cache(maxsize=32768)  # the fuzzy search over every variant is the costly part; bounded
def _actor_for_key(kind: str, key: str) -> Actor | None:
    exact, by_type = _actor_keys()
    hit = exact.get((kind, key))
    if hit is not None or " " not in key:
        return hit
    if kind == "PERSON":
        # "محمد بن سلمان بن عبدالعزيز آل سعود": a name and its father's are the person; the
        # grandfather and the house may be listed or not.
        parts = key.split()
        for n in range(len(parts) - 1, 2, -1):
            if parts[n] in _LINKS or parts[n] == "ال":
                hit = exact.get((kind, " ".join(parts[:n])))
                if hit is not None and any(p in _LINKS for p in parts[:n]):
                    return hit
    near = process.extract(key, by_type.get(kind, []), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=8)
    return next((exact[(kind, other)] for other, _, _ in near if _words_match(key, other)), None)


def _words_match(key: str, other: str) -> bool:
    """Keys with as many words, each close to its counterpart (see WORD_MIN)."""
    a, b = key.split(), other.split()
    return len(a) == len(b) and all(x == y or fuzz.ratio(x, y) >= WORD_MIN for x, y in zip(a, b, strict=True))


def similar(key: str, other: str) -> bool:
    """Two spelling keys name one entity: close as a whole (FUZZY_MIN) and word by word."""
    return fuzz.ratio(key, other) >= FUZZY_MIN and _words_match(key, other)


@dataclass(frozen=True, slots=True)
class Cluster:
    """Mentions (indices into the caller's list) that name one entity."""

    kind: str
    name: str  # canonical display name
    key: str
    members: tuple[int, ...]
    actor: Actor | None


@dataclass(slots=True)
class _Group:
    kind: str
    key: str
    text: str
    members: list[int]


def _may_reach(a: int, b: int) -> bool:
    """fuzz.ratio of strings of lengths a and b can reach FUZZY_MIN: the ratio is at most
    200 * min(a, b) / (a + b) (the indel distance is at least |a - b|). Integer arithmetic, so no
    pair that could pass is ever skipped."""
    return 200 * min(a, b) * 100 >= int(FUZZY_MIN * 100) * (a + b)


def cluster_mentions(
    mentions: Sequence[tuple[str, str]], countries: Collection[str] | None = None
) -> list[Cluster]:
    """Group (type, text) mentions of one article into entities.

    Longer names are seen first and become anchors; a mention joins an anchor of its type when its
    key equals it, fuzzily matches it with as many words, or (PERSON) its words are a subset of the
    anchor's words (المنفي ⊂ محمد المنفي; حيدر أغانين ⊂ حيدر رشيد أغانين) and all such anchors
    belong to one entity; a mention chained by a nasab link ("عبدالعزيز بن سلمان") joins only a
    name with the same first name, its words in the same order (not "محمد بن سلمان بن عبدالعزيز",
    whose father and grandfather they name). `countries`: see find_actor."""
    keyed = [(i, kind, name_key(text), text) for i, (kind, text) in enumerate(mentions)]
    order = sorted(keyed, key=lambda x: (-len(x[2].split()), -len(x[2]), x[0]))
    groups: list[_Group] = []
    # Anchors (the spellings an entity was seen under; several may share one group), indexed for
    # each test in turn, each index in the order anchors were made so the first match is the
    # same: the first group of each key per type; (len(key), key, group) per type and word count
    # for the fuzzy test; (word set, group) of persons for the subset test.
    exact: dict[tuple[str, str], _Group] = {}
    same_count: dict[tuple[str, int], list[tuple[int, str, _Group]]] = {}
    person_words: list[tuple[frozenset[str], tuple[str, ...], _Group]] = []

    def add_anchor(kind: str, key: str, group: _Group) -> None:
        exact.setdefault((kind, key), group)
        parts = key.split()
        same_count.setdefault((kind, len(parts)), []).append((len(key), key, group))
        if kind == "PERSON":
            person_words.append((frozenset(parts), tuple(parts), group))

    for i, kind, key, text in order:
        words = set(key.split())
        joined = exact.get((kind, key))
        if joined is None and len(key) >= 5:
            size = len(key)
            for other_size, other, group in same_count.get((kind, len(words)), ()):
                if _may_reach(size, other_size) and similar(key, other):
                    joined = group
                    break
        if joined is None and kind == "PERSON":
            parts = key.split()
            supers = {id(g): g for aw, ap, g in person_words if words < aw and _same_person(parts, ap)}
            if len(supers) == 1:
                joined = next(iter(supers.values()))
        if joined is None:
            joined = _Group(kind, key, text, [])
            groups.append(joined)
            add_anchor(kind, key, joined)
        elif key != joined.key and kind == "PERSON":
            # A shorter spelling also lets later, smaller mentions find the same entity.
            add_anchor(kind, key, joined)
        joined.members.append(i)
    out: list[Cluster] = []
    for g in groups:
        members = tuple(sorted(g.members))
        actor = next(
            (a for m in members if (a := find_actor(g.kind, mentions[m][1], countries)) is not None), None
        )
        name = actor.name if actor else g.text
        out.append(Cluster(g.kind, name, name_key(name), members, actor))
    return out


_LINKS = frozenset({"بن", "ابن", "بنت", "ولد"})


def _in_order(parts: Sequence[str], anchor: Sequence[str]) -> bool:
    it = iter(anchor)
    return all(p in it for p in parts)


def _same_person(parts: Sequence[str], anchor: Sequence[str]) -> bool:
    """`parts` (a shorter name's words) may name the person `anchor` names: its words in the
    anchor's order, and when it holds a nasab link, the anchor's own first name first."""
    if not _in_order(parts, anchor):
        return False
    return not any(p in _LINKS for p in parts) or parts[0] == anchor[0]


def canonical_id(cluster: Cluster) -> str:
    if cluster.actor is not None and cluster.actor.wikidata:
        return cluster.actor.wikidata
    if cluster.actor is not None:
        return stable_id(cluster.kind, "actor:" + cluster.actor.id)
    return stable_id(cluster.kind, cluster.key)
