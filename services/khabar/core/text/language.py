"""Language identification for article bodies.

py3langid decides between languages, but on a few words its n-gram model is unreliable and it splits
Arabic into dialect labels (ary, arz, ...). So the share of Arabic-script letters decides short texts
and clear cases, and the model only arbitrates mixed or non-Arabic-script text.
"""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

__all__ = ["ARABIC", "arabic_ratio", "detect_language", "is_arabic"]

ARABIC = "ar"
# Below this many letters the n-gram model is noise; the script ratio alone decides.
_SHORT = 40
# Labels the model uses for Arabic varieties; the pipeline treats them all as Arabic.
_ARABIC_VARIETIES = frozenset({"ar", "arz", "ary", "arq", "apc", "acm", "afb", "ajp", "aeb", "ars"})
# Other languages written in Arabic script that a news feed may carry.
_ARABIC_SCRIPT_LANGUAGES = frozenset({"fa", "ur", "ps", "ku", "ckb", "sd", "ug"})


def _is_arabic_letter(ch: str) -> bool:
    o = ord(ch)
    return 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08FF or 0xFB50 <= o <= 0xFEFF


def arabic_ratio(text: str) -> float:
    """Share of letters in `text` that are Arabic-script letters (0.0 when it has no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _is_arabic_letter(ch)) / len(letters)


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1/3 code of the text's language: "ar" for any Arabic variety, "und" when undecidable."""
    sample = text[:5000]
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters == 0:
        return "und"
    ratio = arabic_ratio(sample)
    if letters < _SHORT:
        return ARABIC if ratio >= 0.5 else "und"
    label, _ = _identifier().classify(sample)
    code = str(label)
    if code in _ARABIC_VARIETIES:
        return ARABIC
    if ratio >= 0.5:
        # Arabic script: trust the model only for another Arabic-script language, else it is Arabic
        # text the model confused (headlines full of foreign names, for instance).
        return code if code in _ARABIC_SCRIPT_LANGUAGES else ARABIC
    return code


def is_arabic(text: str) -> bool:
    return detect_language(text) == ARABIC
