"""Line shapes (sentence, headline) and assembling kept lines into a body with Paragraph spans."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from wordfreq import zipf_frequency

from khabar.core.models import Paragraph, ParagraphKind
from khabar.core.tagging.catalog import lexicon
from khabar.core.text.normalize import norm

__all__ = [
    "assemble",
    "ends_sentence",
    "has_clause_marker",
    "is_body_line",
    "is_headline_like",
    "is_paired_lead",
    "word_count",
]

# What a sentence of running text ends with; headlines, captions and labels end without them.
_TERMINAL = frozenset(".!?؟…:;؛")
_CLOSERS = "\"'»”’)]"
# A line this long is running text even when the outlet dropped the final full stop.
_LONG_LINE_WORDS = 20
_MAX_HEADLINE_WORDS = 25
# Words that open a clause continuing the story when و/ف is attached ("وقال", "وفي", "فقد"):
# headlines and captions do not start with a conjunction, so such a line is running text even
# without a final full stop (outlets and corpora often drop it).
_CLAUSE_OPENERS = frozenset(
    norm(w)
    for w in [
        *["قال", "أضاف", "أكد", "أوضح", "أشار", "تابع", "ذكر", "أعلن", "أفاد", "كشف"],
        *["لفت", "شدد", "اعتبر", "رأى", "يقول", "تقول", "يرى", "ترى", "قالت", "أضافت"],
        *["أكدت", "أوضحت", "أشارت", "تابعت", "ذكرت", "أعلنت", "أفادت", "كشفت", "لفتت", "شددت"],
        *["اعتبرت", "رأت", "كان", "كانت", "يكون", "تكون", "تم", "جرى", "شهد", "شهدت"],
        *["يأتي", "تأتي", "جاء", "جاءت", "بات", "باتت", "ظل", "ظلت", "في", "من"],
        *["على", "إلى", "الى", "عن", "مع", "بعد", "قبل", "خلال", "منذ", "حول"],
        *["عند", "لدى", "بين", "لم", "لا", "لن", "قد", "لقد", "إن", "ان"],
        *["أن", "هو", "هي", "هم", "هذا", "هذه", "ذلك", "تلك", "كما", "لكن"],
        *["حيث", "عندما", "إذا", "اذا", "أما", "ثم"],
    ]
)
_MIN_CLAUSE_WORDS = 4
_HEADLINE_BREAK = ".."
_RARE_NAME_ZIPF = 3.5


def word_count(line: str) -> int:
    return len(line.split())


def ends_sentence(line: str) -> bool:
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def is_body_line(line: str) -> bool:
    """Running text of the story: a sentence, or a line too long to be a headline."""
    return (
        ends_sentence(line)
        or word_count(line) >= _LONG_LINE_WORDS
        or _continues_story(line)
        or (word_count(line) >= _MIN_CLAUSE_WORDS and norm(line.lstrip()).startswith(_BACKGROUND))
    )


# The formulas that open a story's closing background paragraph ("يذكر أن البلدين استأنفا …"),
# often printed without a full stop: never a heading.
_BACKGROUND = tuple(
    norm(p) for p in ("يذكر أن", "يذكر ان", "يشار إلى", "يشار الى", "تجدر الإشارة", "الجدير بالذكر")
)


# Openers of a paragraph that carries on a story told above ("من جانبه، أعرب …", "في المقابل،"):
# a story's lead never starts so.
_RESUMING = tuple(
    norm(p)
    for p in [
        *["من جانبه", "من جانبها", "من جانبهم", "من جهته", "من جهتها", "من جهتهم", "من ناحيته"],
        *["من ناحيتها", "في المقابل", "في غضون ذلك", "إلى ذلك", "الى ذلك", "كما ", "بدوره", "بدورها"],
    ]
)


def resumes_story(line: str) -> bool:
    """A body line that carries on a story already under way rather than starting one: it opens
    with a conjunction clause or a resuming phrase ("من جانبه،", "في المقابل،", "كما")."""
    return is_body_line(line) and (_continues_story(line) or norm(line.lstrip()).startswith(_RESUMING))


def _continues_story(line: str) -> bool:
    """A line of several words opening with a conjunction: و/ف written apart ("و كانت …"), or
    attached to a clause opener ("وقال", "وفي", "فقد"), an imperfect verb ("ويشير", "وتسعى": و +
    ي/ت + a stem of three letters or more) or a future ("وسيستمر": و + س + ي/ت)."""
    words = line.split()
    if len(words) < _MIN_CLAUSE_WORDS or words[0][:1] not in ("و", "ف"):
        return False
    if len(words[0]) == 1:
        return True
    # A rare known name keeps its first letter ("فيدان" is no ف + يدان "two hands"); "وادي" is also
    # "وأدى" (and performed), a common word.
    if norm(words[0]) in lexicon() and zipf_frequency(words[0], "ar") < _RARE_NAME_ZIPF:
        return False
    rest = norm(words[0][1:])
    if rest[:1] == "س" and rest[1:2] in ("ي", "ت") and len(rest) >= 5:
        rest = rest[1:]
    if rest in _CLAUSE_OPENERS or (rest[:1] in ("ي", "ت") and len(rest) >= 4):
        return True
    if _HEADLINE_BREAK in line and not ends_sentence(line):
        return False  # a headline of two parts joined by "..", its first word read as و/ف + word
    return _conjunction_reading(words[0])


# How much likelier the word after و/ف must be than the whole token (zipf units, log10) for the
# و/ف to read as a conjunction: "وقرر" 3.9 vs "قرر" 4.8 (conjunction), "وزير" 5.4 vs "زير" 3.2 (a
# noun's own letter).
_CONJUNCTION_MARGIN = 0.5


@lru_cache(maxsize=65_536)
def _conjunction_reading(token: str) -> bool:
    """و/ف + a word is a conjunction before a clause ("فقامت", "وأدى", "وعضوية") when the word
    without its first letter is far more frequent Arabic than the token (wordfreq's Arabic list,
    shipped with the package): "وزير", "فرنسا", "وكالة" keep their letter."""
    rest = token[1:]
    if len(rest) < 3:
        return False
    return zipf_frequency(rest, "ar") > zipf_frequency(token, "ar") + _CONJUNCTION_MARGIN


# Complementizers and relatives: subordinate clauses belong to running text; a headline that has
# one is short ("ترامب يؤكد أن الاتفاق قريب").
_CLAUSE_MARKERS = frozenset(
    norm(w)
    for w in [
        *["أن", "إن", "ان", "لأن", "لان", "لأنه", "لانه", "لأنها", "لانها", "بأن", "بان", "الذي", "التي"],
        *["الذين", "اللذين", "اللتين", "حيث", "بينما", "فيما", "عندما", "حين", "حتى", "إلا", "الا"],
    ]
)
_MIN_MARKED_CLAUSE_WORDS = 8


def has_clause_marker(line: str) -> bool:
    """A line of several words with a subordinate clause: the story's last sentence when it closes
    a story without a full stop, not a trailing headline."""
    words = norm(line).split()
    return len(words) >= _MIN_MARKED_CLAUSE_WORDS and any(
        w.strip("()«»\"',") in _CLAUSE_MARKERS for w in words
    )


# A teaser's lead, cut by the scraper without its full stop, still runs well past its headline.
_MIN_LEAD_WORDS = 8
_LEAD_OVER_HEADLINE = 1.5


def is_paired_lead(lines: Sequence[str], i: int) -> bool:
    """lines[i], without a full stop, is the lead under the headline lines[i - 1]: it has 8+ words and
    at least 1.5 times the headline's."""
    if i == 0 or is_body_line(lines[i]) or not is_headline_like(lines[i - 1]):
        return False
    words = word_count(lines[i])
    return words >= _MIN_LEAD_WORDS and words >= _LEAD_OVER_HEADLINE * word_count(lines[i - 1])


_MAX_ASKING_WORDS = 15


def is_asking_line(line: str) -> bool:
    """A short question or exclamation ("هل يلتقي الشرع نتنياهو؟"): ends_sentence counts it, but
    above a story's first sentence it is its headline."""
    return line.rstrip().rstrip(_CLOSERS)[-1:] in ("؟", "?", "!") and word_count(line) <= _MAX_ASKING_WORDS


def is_headline_like(line: str) -> bool:
    """A headline or section heading: a few words, no sentence punctuation at the end."""
    return not is_body_line(line) and 2 <= word_count(line) <= _MAX_HEADLINE_WORDS


def assemble(blocks: Sequence[tuple[str, ParagraphKind]]) -> tuple[str, list[Paragraph]]:
    """Join blocks with single newlines; each block's span in the joined text becomes a Paragraph."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for text, kind in blocks:
        paragraphs.append(Paragraph(start=pos, end=pos + len(text), kind=kind))
        parts.append(text)
        pos += len(text) + 1
    return "\n".join(parts), paragraphs
