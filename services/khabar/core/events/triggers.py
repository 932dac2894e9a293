"""Event triggers in a sentence: verbs, verb + object phrases and verbal nouns from the coding table,
matched on normalized tokens after stripping proclitics, so conjugations and clitics (وبحث،
فاستقبل، سيلتقي، لقاءه، بالمباحثات) all hit the one table entry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from khabar.core.events.morphology import Aspect, loose
from khabar.core.events.table import CodingTable, FormEntry, Phrase, Verb
from khabar.core.text.clitics import candidate_stems
from khabar.core.text.normalize import norm
from khabar.core.text.tokens import Token

__all__ = ["Trigger", "deciding_verb", "find_triggers", "governing_verb", "token_readings"]

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
    governor: int | None = None  # a verbal noun's verb of deciding ("قررت X استدعاء …")

    @property
    def is_noun(self) -> bool:
        return self.entry.verb is None


def _verb_readings(word: str) -> list[tuple[str, str]]:
    """(stem, marker) readings of a possible verb: the word, without و/ف, and with a future س or
    purpose ل taken off an imperfect."""
    out = [(word, "")]
    if word[:1] in "وف" and len(word) > 2:  # "وشن"، "وصد": a doubled verb is two letters
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


def _object_matches(
    words: list[str],
    start: int,
    verb: Verb,
    inside_names: frozenset[int] = frozenset(),
    covered: frozenset[int] = frozenset(),
) -> tuple[int, int] | None:
    """First and last token index of the first needed object that starts within the verb's window
    (punctuation and short asides between commas not counted, a name counted as one word: "وقع
    وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني ووزير … مذكرة"), or None; a stop word of the
    verb ends the search."""
    seen = 0
    heads = verb.heads
    aside_end = -1
    for j in range(start, len(words)):
        if words[j] in _STOPS or norm(words[j]) in verb.stops:
            return None
        if j <= aside_end:
            continue
        if words[j] in _COMMAS:
            # "وفرضت الصين، مساء الجمعة، عقوبات": a short aside framed by commas counts for nothing,
            # unless it names someone ("، عبر وزير الخارجية الطاهر الباعور،": a party to the act).
            close = next(
                (k for k in range(j + 1, min(len(words), j + 5 + _PARENTHETICAL)) if words[k] in _COMMAS), -1
            )
            if close > 0 and not any(words[k] in _STOPS or k in covered for k in range(j, close)):
                aside_end = close
            continue
        if not words[j][:1].isalnum() or j in inside_names:
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


def _accept(
    entry: FormEntry,
    words: list[str],
    i: int,
    inside_names: frozenset[int] = frozenset(),
    covered: frozenset[int] = frozenset(),
) -> tuple[int, int] | None:
    """(first, last) token index of the words the trigger needs after it (its object, the rest of a
    multi-word noun; first > last when there are none) when the entry's conditions hold, else None."""
    if entry.verb is not None:
        if not entry.verb.needs:
            return i + 1, i
        return _object_matches(words, i + 1, entry.verb, inside_names, covered)
    last = i
    for k, expected in enumerate(entry.continuation, start=1):
        if i + k >= len(words) or not any(loose(r) == expected for r in token_readings(words[i + k])):
            return None
        last = i + k
    return i + 1, last


# Verbs of deciding, announcing and starting whose object, a verbal noun, is the act itself
# ("قررت الجزائر استدعاء سفيرها", "أعلنت الحكومة طرد السفير", "بدأت القوات سحب …").
_DECIDING = frozenset(
    norm(w)
    for w in (
        *("قرر", "قررت", "قررا", "قرروا", "تقرر", "يقرر", "يقرران", "تقرران", "يقررون"),
        *("أعلن", "أعلنت", "أعلنا", "أعلنوا", "يعلن", "تعلن", "يعلنان", "تعلنان", "يعلنون"),
        *("بدأ", "بدأت", "باشر", "باشرت", "شرع", "شرعت", "أمر", "أمرت"),
    )
)
_DECIDING_REACH = 5  # words of the subject between the deciding verb and the noun (a name is one)
_PARENTHETICAL = 6  # words of a parenthetical the noun may follow ("، في خطوة تصعيدية،")
# Words that close the deciding verb's reach: a complement clause ("أعلن أن …") is speech.
_BEFORE_DECIDING_STOPS = frozenset(
    norm(w) for w in ("أن", "ان", "إن", "بأن", "وأن", "أنه", "بأنه", "أنها", "بأنها", "الذي", "التي")
)
_COMPLEMENT_STOPS = frozenset(
    norm(w) for w in ("أن", "ان", "إن", "بأن", "وأن", "أنه", "بأنه", "أنها", "بأنها")
)
_ALSO = frozenset(norm(w) for w in ("أيضا", "ايضا"))
_COMMAS = ("،", ",")


def _skip_aside(words: list[str], k: int, names: frozenset[int] = frozenset()) -> int:
    """The index before a parenthetical ending at k ("، أمس السبت،", "(مالي والنيجر)", "، خلال
    استقباله العاهل الأردني الملك عبد الله الثاني في القاهرة،"), or k. A name counts as one word;
    a relative clause may sit inside the commas ("، خلال المباحثات التي جرت في بكين،"), a
    complement clause (أن) may not."""
    w = norm(words[k])
    if w == ")":
        for j in range(k - 1, max(-1, k - 2 * _PARENTHETICAL), -1):
            if words[j] == "(":
                return j - 1
        return k
    if w in _COMMAS:
        counted = 0
        j = k - 1
        while j >= 0 and counted <= _PARENTHETICAL + 3:
            if words[j] in _COMMAS:
                return j - 1 if j < k - 1 else k
            if norm(words[j]) in _COMPLEMENT_STOPS or words[j] in _STOPS:
                return k
            if not (j in names and j - 1 in names):
                counted += 1
            j -= 1
        return k
    return k


def deciding_verb(words: list[str], i: int, names: frozenset[int] = frozenset()) -> int | None:
    """Index of the verb of deciding whose object the verbal noun at i is, or None. Between them
    only the verb's subject (at most a few words, a name counted once: "قررت الحكومة الجزائرية"),
    "أيضا" and parentheticals framed by commas or brackets ("قررت الجزائر، أمس السبت، استدعاء
    سفيرها"); the word before the noun is the verb, its subject (a participant, in `names`) or
    "أيضا", so "أعلنت واشنطن رفضها فرض عقوبات" (her refusal) and "أعلن أن …" (speech) are none."""
    return governing_verb(words, i, _DECIDING, names)


def governing_verb(
    words: list[str], i: int, verbs: frozenset[str], names: frozenset[int] = frozenset()
) -> int | None:
    """Index of a verb of `verbs` whose object the word at i is, past the verb's subject and
    parentheticals (see `deciding_verb`), or None."""
    k = i - 1
    subject_words = 0
    adjacent = True  # still at the noun: the word here must be the verb, the subject or أيضا
    while k >= 0:
        w = norm(words[k])
        bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
        if w in verbs or bare in verbs:
            return k
        if w in _BEFORE_DECIDING_STOPS or w in _STOPS:
            return None
        skipped = _skip_aside(words, k, names)
        if skipped != k:
            # A bracketed list of names right after the subject is the subject itself: "أعلنت دول
            # تحالف الساحل (مالي والنيجر وبوركينا فاسو) استدعاء سفرائها".
            if w == ")" and any(j in names for j in range(skipped + 1, k)):
                adjacent = False
            # Asides in a row share their commas: "، خلال استقباله … في القاهرة، اليوم الأحد،".
            while words[skipped + 1] in _COMMAS:
                further = _skip_aside(words, skipped + 1, names)
                if further == skipped + 1:
                    break
                skipped = further
            k = skipped
            continue
        if not w[:1].isalnum():
            return None
        if w in _ALSO:
            k -= 1
            continue
        if adjacent and k not in names:
            return None
        adjacent = False
        if k not in names or k - 1 not in names:
            subject_words += 1
        if subject_words > _DECIDING_REACH:
            return None
        k -= 1
    return None


def find_triggers(
    tokens: list[Token], table: CodingTable, names: Sequence[tuple[int, int]] = ()
) -> list[Trigger]:
    """Every trigger in a tokenized sentence, left to right; one per token, the first family of the
    table whose conditions hold (table order is precedence: invitation before request for دعا).
    `names` are the (first, last) token spans of the sentence's participants: a name counts once in
    a verb's object window, and the subject before a verb's verbal noun is one of them."""
    words = [t.text for t in tokens]
    covered = frozenset(k for a, b in names for k in range(a, b + 1))
    inside_names = frozenset(k for a, b in names for k in range(a + 1, b + 1))
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
                if entry.aspect in (Aspect.PERFECT, Aspect.IMPERFECT) and words[i].endswith("ة"):
                    continue  # a ta marbuta ends nouns, never verbs: "تظاهرة ثقافية" is no تظاهره

                governor = None
                if entry.aspect is Aspect.DECIDED:
                    governor = None if marker else deciding_verb(words, i, covered)
                    if governor is None:
                        continue
                span = _accept(entry, words, i, inside_names, covered)
                if span is not None:
                    found = Trigger(
                        entry, i, span[1], words[i], marker == "future", marker == "purpose", governor
                    )
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
