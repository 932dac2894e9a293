"""Arabic proclitic splitting: conjunctions و/ف, prepositions ب/ل/ك, the article ال and its
assimilated form لل (ل + ال). News names arrive glued to them: "وروسيا", "لليبيا", "بالعاصمة"."""

from __future__ import annotations

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
MIN_STEM = 2


def split_proclitics(word: str, min_stem: int = MIN_STEM) -> tuple[str, str]:
    """Split the likely proclitics off `word`: returns (prefix, stem), prefix + stem == word.

    Conservative by design: a letter is only taken as a clitic when what remains is still a
    plausible word (at least `min_stem` letters), so "وزير" stays whole only if told so by a
    lexicon; callers that know the stem (gazetteers) should try both readings."""
    prefix = ""
    rest = word
    if rest[:1] in _CONJ and len(rest) - 1 >= min_stem + 1:
        prefix, rest = rest[:1], rest[1:]
    if rest.startswith("لل") and len(rest) - 2 >= min_stem:
        # لل is ل + ال with the alef dropped, or ل before a stem that starts with ل ("لليبيا").
        # Without a lexicon the second reading is the safe one for names; see candidate_stems.
        return prefix + "ل", rest[1:]
    if rest[:1] in _PREP and len(rest) - 1 >= min_stem + 1:
        prefix, rest = prefix + rest[:1], rest[1:]
    return prefix, rest


def candidate_stems(word: str) -> list[str]:
    """Every reading of `word` with 0..3 proclitics removed, longest first, for lexicon lookups."""
    out = [word]
    rest = word
    if rest[:1] in _CONJ and len(rest) > 3:
        rest = rest[1:]
        out.append(rest)
    if rest.startswith("لل") and len(rest) > 3:
        out.append("ال" + rest[2:])  # للرئيس -> الرئيس
        out.append(rest[1:])  # لليبيا -> ليبيا
    elif rest[:1] in _PREP and len(rest) > 3:
        rest = rest[1:]
        out.append(rest)
    seen: set[str] = set()
    return [w for w in out if not (w in seen or seen.add(w))]
