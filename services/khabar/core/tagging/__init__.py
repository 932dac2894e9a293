"""Tagging stage: clean Article -> TaggedArticle with PERSON/ORG/LOC/DATE entities.

Mechanisms, each a module of this package: gazetteers matched with Aho-Corasick (catalog,
gazetteer: countries, GeoNames cities, curated actors, ANERGazet), rules for person names after
titles and first names (names, titles), organization structure (orgs), DATE expressions (dates),
and the CRF sequence model when its package data is present (sequence_model). merge picks one
reading per span; names the article establishes are then found again where they recur bare
(المنفي), canonical groups mentions into entities, and geo places cities by the article's context.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from itertools import compress
from operator import attrgetter

from khabar.core.models import Article, Entity, EntityType, TaggedArticle, TextField
from khabar.core.tagging.actors import actors_by_id
from khabar.core.tagging.canonical import canonical_id, cluster_mentions
from khabar.core.tagging.catalog import default_gazetteer, lexicon
from khabar.core.tagging.countries import by_iso3, country_of_word, nisba_country
from khabar.core.tagging.dates import find_dates
from khabar.core.tagging.gazetteer import GazEntry, Gazetteer
from khabar.core.tagging.geo import City, city, disambiguate
from khabar.core.tagging.lexicons import common_words, first_names, function_words
from khabar.core.tagging.merge import Candidate, enrich, resolve
from khabar.core.tagging.names import find_names
from khabar.core.tagging.orgs import find_orgs, is_description
from khabar.core.tagging.words import Word, words_of
from khabar.core.text.calendar import MONTHS
from khabar.core.text.normalize import NormalizedText, norm, normalize
from khabar.core.text.tokens import Token

__all__ = ["tag", "tag_text"]

# Sources that may lend entries to a chosen span but never stand alone: each cost mention F1 on
# ANERcorp dev when allowed to (bare city names are often words or persons: الجميل، معسكر).
ENRICH_ONLY: frozenset[str] = frozenset({"city", "anergazet", "first_name"})
# Words that make the next name a place whatever it is: "مدينة أوختا", "بلدة بني زيد".
_PLACE_HEADS = frozenset(
    _n
    for w in ("مدينة", "بلدة", "قرية", "محافظة", "ولاية", "إقليم", "جمهورية", "العاصمة", "عاصمة", "مقاطعة")
    for _n in (normalize(w).text, normalize("ب" + w).text, normalize("و" + w).text)
)
# Heads whose next word is a place even when no gazetteer knows it ("جمهورية كومي", "مقاطعة
# بيلغورود"), as written: folding ة to ه would take "بلده" ("his country") for "بلدة" ("town").
# ولاية ("term of office") and العاصمة (mostly before a known city) are left out.
_NAMING_HEADS = frozenset({"مدينة", "بلدة", "قرية", "محافظة", "اقليم", "جمهورية", "مقاطعة"})
# Office holders whose next word, when it is a known city, names the place they govern ("حاكم
# بيلغورود", "محافظ البصرة"): the city then stands alone.
_RULER_HEADS = frozenset(normalize(w).text for w in ("حاكم", "محافظ", "والي", "عمدة"))
_QUOTES = frozenset("\"«“'")
# Which gazetteer source speaks for a name that several sources hold.
_SOURCE_ORDER = {"actor": 0, "country": 1, "region": 2, "city": 3, "anergazet": 4}
# Words that form one name with the next (عبد الله): the next alone is not a family name.
_BOUND_FIRST = frozenset({"عبد", "ابو", "بن", "ابن", "ال", "بنت"})
# Second halves of compound names ("نصر الله", "صلاح الدين"): alone they are words, not the person.
_COMPOUND_TAILS = frozenset(
    normalize(w).text for w in ("الله", "الدين", "الرحمن", "الرحيم", "الإسلام", "الحق")
)
ModelFn = Callable[[str, Sequence[Token]], list[Candidate]]


# Scripts (benchmarks, ablations) may switch the model off; the service leaves it on.
USE_MODEL = True
# Gazetteer sources whose exact span overrides a model ORG/PERSON reading (tuned on ANERcorp dev).
PLACE_OVER_MODEL: frozenset[str] = frozenset({"country"})
# Minimum confidence of a one-word model mention (tuned on ANERcorp dev, README "Tagging").
MODEL_MIN_SINGLE = 0.0


def _model_span_end(text: str, start: int, end: int) -> int:
    """End of a model span cut before trailing punctuation and before a coordinated known name
    ("برلين وموسكو" is two places, not one organization)."""
    while end > start and not text[end - 1].isalnum():
        end -= 1
    pos = start
    for part in text[start:end].split(" "):
        if pos > start and part.startswith("و") and _norm(part[1:]) in lexicon():
            return pos - 1
        pos += len(part) + 1
    return end


@cache
def _model() -> ModelFn | None:
    """The CRF sequence model, or None when it (or its package data) is not available: the tagger
    then runs on gazetteers and rules alone."""
    try:
        from khabar.core.tagging.sequence_model import SequenceModel

        model = SequenceModel.default()
    except (ImportError, OSError, ValueError):
        return None

    common = common_words()

    def predict(text: str, tokens: Sequence[Token]) -> list[Candidate]:
        out = []
        for m in model.predict_spans(tokens, text):
            if m.type not in ("PERSON", "LOC", "ORG"):
                continue
            end = _model_span_end(text, m.start, m.end)
            span = _norm(text[m.start : end])
            if " " not in span and (span in common or m.confidence < MODEL_MIN_SINGLE):
                # A one-word mention that is everyday vocabulary ("كيلومتر"), or that the model is
                # unsure of, is more often a slip than a name (tuned on ANERcorp dev).
                continue
            lone_first = m.type == "PERSON" and " " not in span and span in first_names()
            out.append(Candidate(m.type, m.start, end, "model", m.confidence, first_name_only=lone_first))
        return out

    return predict


def _gazetteer_candidates(text: str, nt: NormalizedText, gaz: Gazetteer) -> list[Candidate]:
    out: list[Candidate] = []
    for m in gaz.find(nt.text):
        entries = tuple(sorted(m.entries, key=lambda e: _SOURCE_ORDER.get(e.source, 9)))
        start, end = nt.to_original(m.start, m.end)
        surface = None
        if m.name.startswith("ال") and not nt.text.startswith("ال", m.start):
            surface = "ال" + text[start + 1 : end]  # لل + name: the ل is the article's
        # One candidate per type the name may have, each ranked by its best source.
        for kind in dict.fromkeys(e.type for e in entries):
            mine = tuple(e for e in entries if e.type == kind)
            standalone = mine[0].source not in ENRICH_ONLY and not is_description(m.name)
            if not standalone and mine[0].source == "city" and _after_place_head(nt.text, m.start):
                standalone = True
            out.append(
                Candidate(kind, start, end, mine[0].source, 1.0, surface, entries=mine, standalone=standalone)
            )
    return out


def _foreign_name(words: Sequence[Word], first: int, last: int) -> bool:
    """A first name followed by undefined name words ("أليكساندر كينتشاك"): Arabic first names
    that are also nouns take a definite noun after them ("نور الفضيلة"), foreign names do not."""
    return last > first and not any(w.key.startswith("ال") for w in words[first + 1 : last + 1])


def _after_place_head(normalized: str, start: int) -> bool:
    """The word before `start` (quotes skipped) is a place head ("مدينة "أوختا") or the title of
    the place's governor ("حاكم بيلغورود")."""
    before = normalized[:start].rstrip(" \"«“'")
    word = before[before.rfind(" ") + 1 :]
    return word in _PLACE_HEADS or word in _RULER_HEADS


@cache
def _not_name_words() -> frozenset[str]:
    """Everyday and function words (a union of ~5k words: built once, not per call)."""
    return common_words() | function_words()


# Word.key of a naming head: norm(head), or "ا" + norm(head) when lookup_form restored an article;
# a set lookup per word before the exact written-form test.
_NAMING_KEYS = frozenset(k for h in _NAMING_HEADS for k in (norm(h), "ا" + norm(h)))
_KEY = attrgetter("key")
_ENTITY_TYPES = {t.value: t for t in EntityType}


def _named_places(text: str, words: Sequence[Word]) -> list[tuple[int, int]]:
    """Word ranges of unknown place names after a naming head: the next word (quotes skipped),
    unless it is an everyday or function word or carries a proclitic, and up to two more bare,
    undefined, uncommon words on the same line ("مدينة سان فرانسيسكو")."""
    common = _not_name_words()

    def bare_name(w: Word) -> bool:
        return w.is_word and w.stem_start == w.start and w.key not in common and not w.text.isdigit()

    out: list[tuple[int, int]] = []
    for i in compress(range(len(words)), map(_NAMING_KEYS.__contains__, map(_KEY, words))):
        w = words[i]
        if w.surface.replace("إ", "ا").replace("أ", "ا") not in _NAMING_HEADS:
            continue
        j = i + 1
        while j < len(words) and words[j].text in _QUOTES:
            j += 1
        if j >= len(words) or not bare_name(words[j]):
            continue
        last = j
        while (
            last + 1 < len(words)
            and last - j < 2
            and bare_name(words[last + 1])
            and not words[last + 1].key.startswith("ال")
            and "\n" not in text[words[last].end : words[last + 1].start]
        ):
            last += 1
        out.append((j, last))
    return out


def _rule_candidates(text: str, words: Sequence[Word]) -> list[Candidate]:
    out: list[Candidate] = []
    for n in find_names(words):
        title_span = None
        title_text = None
        if n.title is not None:
            head = words[n.title.start]
            title_span = (head.stem_start, words[n.title.end - 1].end)
            title_text = text[title_span[0] : title_span[1]]
            if head.key.startswith("ال") and not _norm(head.surface).startswith("ال"):
                title_text = "ال" + title_text[1:]  # للرئيس: the second ل is the article's
        source = "title_name" if n.trigger == "title" else "first_name"
        out.append(
            Candidate(
                "PERSON",
                words[n.first].stem_start,
                words[n.last].end,
                source,
                0.8,
                title=n.title,
                title_span=title_span,
                title_text=title_text,
                standalone=source not in ENRICH_ONLY or _foreign_name(words, n.first, n.last),
            )
        )
    for first, last in _named_places(text, words):
        out.append(Candidate("LOC", words[first].stem_start, words[last].end, "place_head", 0.7))
    for o in find_orgs(words):
        out.append(Candidate("ORG", words[o.first].stem_start, words[o.last].end, "org_rule", 0.7))
    for d in find_dates(words):
        # A month name alone ("نيسان", "تموز") is also a brand or a name: the model may read it so.
        source = "month" if d.first == d.last and words[d.first].key in MONTHS else "date"
        out.append(
            Candidate("DATE", words[d.first].stem_start, words[d.last].end, source, 0.9, value=d.value)
        )
    return out


def _restore_article(text: str, c: Candidate) -> Candidate:
    """ "للجيش الليبي" is ل + الجيش: a span that starts after the first ل of لل reads "لجيش";
    give it back its ال unless the stem itself is a known word ("لليبيا" is ل + ليبيا)."""
    s = c.start
    if c.surface is None and text.startswith("لل", s) and c.end - s > 4:
        # The model keeps both ل of "للعراق" (ل + العراق) in its span.
        head = text[s + 1 : c.end].split()[0]
        if _norm(head) not in lexicon():
            return replace(c, surface="ال" + text[s + 2 : c.end])
    if c.surface is not None or s < 2 or text[s - 1 : s + 1] != "لل":
        return c
    if not (
        s - 1 == 0
        or not text[s - 2].isalnum()
        or (text[s - 2] in "وف" and (s == 2 or not text[s - 3].isalnum()))
    ):
        return c
    head = text[s : c.end].split()[0] if text[s : c.end].split() else ""
    if _norm(head) in lexicon():
        return c
    return replace(c, surface="ال" + text[s + 1 : c.end])


def _field_candidates(text: str) -> list[Candidate]:
    return _analyze_field(text)[0]


@lru_cache(maxsize=100_000)
def _norm(text: str) -> str:
    """norm() of short strings (names), memoized: articles repeat their names."""
    return normalize(text).text


def _analyze_field(text: str) -> tuple[list[Candidate], list[Word], NormalizedText]:
    nt = normalize(text)
    if not text:
        return [], [], nt
    words = words_of(text, lexicon())
    cands = _gazetteer_candidates(text, nt, default_gazetteer())
    cands += _rule_candidates(text, words)
    model = _model() if USE_MODEL else None
    if model is not None:
        places = {(c.start, c.end) for c in cands if c.source in PLACE_OVER_MODEL}
        cands += [
            c
            for c in model(text, [Token(w.text, w.start, w.end) for w in words])
            # The model's ORG/PERSON over exactly a known place ("برلين") is a slip of type.
            if c.type == "LOC" or (c.start, c.end) not in places
        ]
    return [_restore_article(text, c) for c in enrich(resolve(cands), cands)], words, nt


def _established(chosen: Sequence[tuple[str, Candidate]]) -> Gazetteer:
    """Names the article establishes, to find their bare recurrences: full PERSON/ORG names and
    the family name (last word) of two-word-plus person names."""
    names: list[tuple[str, GazEntry]] = []
    common = _not_name_words()
    for text, c in chosen:
        if c.type not in ("PERSON", "ORG"):
            continue
        surface = _norm(c.surface or text[c.start : c.end])
        names.append((surface, GazEntry(c.type, "propagated", surface)))
        parts = surface.split()
        if (
            c.type == "PERSON"
            and len(parts) >= 2
            and len(parts[-1]) >= 4
            and parts[-1] not in common
            and parts[-2] not in _BOUND_FIRST
            and parts[-1] not in _COMPOUND_TAILS
        ):
            names.append((parts[-1], GazEntry("PERSON", "propagated", surface)))
    return Gazetteer(names)


def tag_text(text: str) -> list[Candidate]:
    """Mentions in one text on its own (no article context): for scripts and tests."""
    return _field_candidates(text)


def _context(mentions: Sequence[tuple[str, Candidate]]) -> Counter[str]:
    """How often the article mentions each country, directly or through a nisba or a place that
    has a single candidate."""
    ctx: Counter[str] = Counter()
    for _text, c in mentions:
        for e in c.entries[:1]:
            if e.source == "country":
                ctx[e.ref] += 1
        cities = [e for e in c.entries if e.source == "city"]
        if len(cities) == 1 and (place := city(int(cities[0].ref))) is not None:
            ctx[place.country] += 1
        if c.title is not None and c.title.country:
            ctx[c.title.country] += 1
    return ctx


def _nisba_context(words: Sequence[Word]) -> Counter[str]:
    ctx: Counter[str] = Counter()
    for w in words:
        iso = nisba_country(w.key)
        if iso:
            ctx[iso] += 1
    return ctx


def _entity(field: TextField, text: str, c: Candidate, ctx: Counter[str]) -> Entity:
    surface = c.surface or text[c.start : c.end]
    kind = _ENTITY_TYPES[c.type]
    country = c.title.country if c.title else None
    sector = c.title.sector if c.title else None
    title = c.title_text
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    wikidata: str | None = None
    for e in c.entries:
        if e.source == "actor":
            actor = actors_by_id().get(e.ref)
            if actor is not None:
                # The curated record is more reliable than a title read from context.
                country = actor.country or country
                sector = actor.sector or sector
                wikidata = actor.wikidata
            break
    if kind is EntityType.ORG and country is None:
        # "الحكومة الليبية", "وزارة الخارجية الروسية": a nisba or country inside the name.
        for w in _norm(surface).split():
            country = nisba_country(w) or country_of_word(w)
            if country:
                break
    if kind is EntityType.LOC:
        first = c.entries[0] if c.entries else None
        if first is not None and first.source == "country":
            ctry = by_iso3().get(first.ref)
            country = first.ref
            if ctry is not None:
                geonames_id, lat, lon = ctry.geonames_id, ctry.lat, ctry.lon
        else:
            places: list[City] = [p for e in c.entries if e.source == "city" if (p := city(int(e.ref)))]
            best = disambiguate(places, ctx)
            if best is not None:
                country, geonames_id, lat, lon = best.country, best.geonames_id, best.lat, best.lon
    return Entity(
        type=kind,
        text=surface,
        start=c.start,
        end=c.end,
        field=field,
        country=country,
        sector=sector,
        title=title,
        wikidata_id=wikidata,
        geonames_id=geonames_id,
        lat=lat,
        lon=lon,
        value=c.value,
        confidence=round(c.confidence, 3),
        source=c.source,
    )


def tag(article: Article) -> TaggedArticle:
    fields = [(TextField.TITLE, article.title or ""), (TextField.BODY, article.body)]
    analyzed = [(f, text, _analyze_field(text)) for f, text in fields]
    per_field = [(f, text, cands) for f, text, (cands, _, _) in analyzed]
    normalized = [nt for _, _, (_, _, nt) in analyzed]
    # Second pass: bare recurrences of names the article established (المنفي after محمد المنفي).
    known = _established([(text, c) for _, text, cands in per_field for c in cands])
    if len(known):
        updated = []
        for (f, text, cands), nt in zip(per_field, normalized, strict=True):
            extra = [
                c
                for c in _gazetteer_candidates(text, nt, known)
                if all(c.end <= o.start or c.start >= o.end for o in cands)
            ]
            updated.append((f, text, resolve([*cands, *extra])))
        per_field = updated
    mentions = [(text, c) for _, text, cands in per_field for c in cands]
    ctx = _context(mentions) + _nisba_context([w for _, _, (_, ws, _) in analyzed for w in ws])
    entities = [_entity(f, text, c, ctx) for f, text, cands in per_field for c in cands]
    # Canonical ids: one per entity across the article's title and body.
    clusters = cluster_mentions([(e.type.value, e.text) for e in entities])
    final = list(entities)
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
    # Attributes a person carries in one mention (title, country) hold for the whole entity.
    for cl in clusters:
        for attr in ("title", "country", "sector"):
            val = next((getattr(final[m], attr) for m in cl.members if getattr(final[m], attr)), None)
            if val is not None:
                for m in cl.members:
                    if getattr(final[m], attr) is None and final[m].type is not EntityType.DATE:
                        final[m] = final[m].model_copy(update={attr: val})
    return TaggedArticle(**article.model_dump(), entities=final)
