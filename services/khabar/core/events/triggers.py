"""Event triggers in a sentence: verbs, verb + object phrases and verbal nouns from the coding table,
matched on normalized tokens after stripping proclitics, so conjugations and clitics (وبحث،
فاستقبل، سيلتقي، لقاءه، بالمباحثات) all hit the one table entry."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.core.events.morphology import Aspect, loose
from khabar.core.events.table import CodingTable, FormEntry, Phrase, Verb
from khabar.core.text.clitics import candidate_stems
from khabar.core.text.normalize import norm
from khabar.core.text.tokens import Token

__all__ = ["Trigger", "find_triggers", "token_readings"]

# Sentence-internal punctuation that closes the verb's clause: the object cannot lie beyond it.
_STOPS = frozenset(".؛;:؟?!")


@dataclass(frozen=True, slots=True)
class Trigger:
    entry: FormEntry
    index: int  # token index of the trigger word in the sentence
    last: int  # token index of the last word of the trigger phrase (object noun included)
    text: str  # the matched surface text
    future_prefix: bool = False  # سيبحث، سوف is judged in modality
    purpose_prefix: bool = False  # لبحث، ليلتقي: "in order to"

    @property
    def is_noun(self) -> bool:
        return self.entry.verb is None


def _verb_readings(word: str) -> list[tuple[str, str]]:
    """(stem, marker) readings of a possible verb: the word, without و/ف, and with a future س or
    purpose ل taken off an imperfect."""
    out = [(word, "")]
    if word[:1] in "وف" and len(word) > 3:
        out.append((word[1:], ""))
    for stem, _ in list(out):
        if stem[:1] in "سل" and stem[1:2] in "يتن" and len(stem) > 4:
            out.append((stem[1:], "future" if stem[0] == "س" else "purpose"))
    return out


def token_readings(word: str) -> list[str]:
    """Normalized readings of a word with proclitics removed (for nouns and object words)."""
    return candidate_stems(norm(word))


def _word_is(word: str, forms: frozenset[str]) -> bool:
    return any(loose(r) in forms for r in token_readings(word))


def _phrase_end(words: list[str], j: int, phrase: Phrase) -> int | None:
    """Index of the last word of `phrase` when it starts at token j, else None."""
    k = j
    for forms in phrase[1:]:
        k += 1
        while k < len(words) and not words[k][:1].isalnum() and words[k] not in _STOPS:
            k += 1
        if k >= len(words) or not _word_is(words[k], forms):
            return None
    return k


def _object_matches(words: list[str], start: int, verb: Verb) -> tuple[int, int] | None:
    """First and last token index of the first needed object that starts within the verb's window
    (punctuation not counted), or None; a stop word of the verb ends the search."""
    seen = 0
    heads = verb.heads
    for j in range(start, len(words)):
        if words[j] in _STOPS or norm(words[j]) in verb.stops:
            return None
        if not words[j][:1].isalnum():
            continue
        seen += 1
        if seen > verb.window:
            return None
        if not _word_is(words[j], heads):
            continue
        for phrase in verb.needs:
            if _word_is(words[j], phrase[0]):
                end = _phrase_end(words, j, phrase)
                if end is not None:
                    return j, end
    return None


def _accept(entry: FormEntry, words: list[str], i: int) -> tuple[int, int] | None:
    """(first, last) token index of the words the trigger needs after it (its object, the rest of a
    multi-word noun; first > last when there are none) when the entry's conditions hold, else None."""
    if entry.verb is not None:
        if not entry.verb.needs:
            return i + 1, i
        return _object_matches(words, i + 1, entry.verb)
    last = i
    for k, expected in enumerate(entry.continuation, start=1):
        if i + k >= len(words) or not any(loose(r) == expected for r in token_readings(words[i + k])):
            return None
        last = i + k
    return i + 1, last


# Verbs of deciding and starting whose object, a verbal noun, is the act itself ("قررت الجزائر
# استدعاء سفيرها", "أعلنت الحكومة طرد السفير", "بدأت القوات سحب …").
_DECIDING = frozenset(
    norm(w)
    for w in (
        *("قرر", "قررت", "قررا", "قرروا", "تقرر", "أعلن", "أعلنت", "أعلنا", "أعلنوا"),
        *("بدأ", "بدأت", "باشر", "باشرت", "شرع", "شرعت", "أمر", "أمرت"),
    )
)
_DECIDING_REACH = 4  # words between the deciding verb and the noun (its subject)


def _after_deciding(words: list[str], i: int) -> bool:
    for w in words[max(0, i - _DECIDING_REACH) : i]:
        n = norm(w)
        if n in _DECIDING or (n[:1] in "وف" and n[1:] in _DECIDING):
            return True
    return False


def find_triggers(tokens: list[Token], table: CodingTable) -> list[Trigger]:
    """Every trigger in a tokenized sentence, left to right; one per token, the first family of the
    table whose conditions hold (table order is precedence: invitation before request for دعا)."""
    words = [t.text for t in tokens]
    out: list[Trigger] = []
    # Words of an earlier verb's object are no verbs ("أعرب عن رفضه"); they may be verbal nouns
    # ("أجرى الوزير مباحثات مع X": the noun names the counterpart).
    taken: set[int] = set()
    i = 0
    while i < len(tokens):
        norm_word = norm(words[i])
        found: Trigger | None = None
        for stem, marker in [] if i in taken else _verb_readings(norm_word):
            for entry in table.forms.get(stem, ()):
                if entry.verb is None:
                    continue
                if marker and entry.aspect is not Aspect.IMPERFECT:
                    continue
                if entry.aspect is Aspect.DECIDED and (marker or not _after_deciding(words, i)):
                    continue
                span = _accept(entry, words, i)
                if span is not None:
                    found = Trigger(entry, i, span[1], words[i], marker == "future", marker == "purpose")
                    taken.update(range(span[0], span[1] + 1))
                    break
            if found:
                break
        if found is None:
            for stem in candidate_stems(norm_word):
                for entry in table.forms.get(stem, ()):
                    if entry.verb is not None:
                        continue
                    span = _accept(entry, words, i)
                    if span is not None:
                        found = Trigger(entry, i, span[1], words[i])
                        taken.update(range(span[0], span[1] + 1))
                        break
                if found:
                    break
        if found:
            out.append(found)
        i += 1
    return out
