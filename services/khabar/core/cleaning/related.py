"""Related-story blocks ("إقرأ أيضاً", "أخبار ذات صلة", ...): split off the main story so their events
are never attributed to it, and cut into one teaser per story."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from khabar.core.cleaning.furniture import related_label, split_glued
from khabar.core.cleaning.metadata import MetaKind, parse_meta_line
from khabar.core.cleaning.paragraphs import is_body_line, is_headline_like, is_paired_lead, resumes_story
from khabar.core.tagging.lexicons import function_words
from khabar.core.text.normalize import norm

__all__ = ["Split", "split_related", "split_teasers"]


@dataclass
class Split:
    main: list[str] = field(default_factory=list)
    blocks: list[list[str]] = field(default_factory=list)


def split_related(lines: Sequence[str]) -> Split:
    """Main-story lines and the related blocks after them. A label before the story has begun, or an
    inline promo ("اقرأ أيضا: <headline>") inside it, is dropped without ending the story."""
    out = Split()
    current: list[str] | None = None  # the related block being filled, None while in the main story
    story_started = False
    for raw_line in lines:
        for line in split_glued(raw_line):
            label = related_label(line)
            if label is None:
                if current is not None and resumes_story(line) and not any(is_body_line(x) for x in current):
                    # "اقرأ أيضا" + a headline inside the story, then "من جانبه، …": the promo was
                    # one headline and the main story goes on.
                    current = None
                if current is None:
                    out.main.append(line)
                    story_started = story_started or (is_body_line(line) and parse_meta_line(line) is None)
                else:
                    current.append(line)
                continue
            inline_promo = bool(label.rest) and is_headline_like(label.rest)
            if current is None and (not story_started or inline_promo):
                continue
            # A block holding only a headline so far continues: the page printed the teaser's headline
            # under one label and its text under another ("إقرأ أيضاً" headline "أخبار ذات صلة" text).
            if current is None or any(is_body_line(x) for x in current):
                current = []
                out.blocks.append(current)
            if label.rest:
                current.append(label.rest)
    return _resume_story(out)


# A promo inside a story: the text after its headline goes on with the story's own people and
# places, not the headline's ("اقرأ أيضاً" + "الإطار التنسيقي يعقد اجتماعا …", then "أكد السوداني
# خلال اللقاء …" in a story about السوداني's meeting). A teaser's lead restates its headline.
_MAX_PROMO_HEADLINES = 2
_MIN_RESUMED_PARAGRAPHS = 2  # a teaser is a headline and one lead; the story goes on for longer
_MIN_SHARED_WITH_STORY = 3
_STORY_OVER_HEADLINE = 2  # the lead shares over twice as many words with the story as with the promo


def _resume_story(split: Split) -> Split:
    """Give the main story back what follows a promo inside it: a block that opens with one or two
    headlines and runs on with paragraphs sharing more words with the main story than with those
    headlines returns the paragraphs (and the metadata lines after them, "كلمات دلالية: …") to the
    main story; the rest of the block stays."""
    blocks: list[list[str]] = []
    for block in split.blocks:
        k = 0
        while k < len(block) and is_headline_like(block[k]) and parse_meta_line(block[k]) is None:
            k += 1
        end = k
        while end < len(block) and is_body_line(block[end]):
            end += 1
        if (
            0 < k <= _MAX_PROMO_HEADLINES
            and end - k >= _MIN_RESUMED_PARAGRAPHS
            and not _story_closed(split.main)
            and _continues_main(split.main, block[:k], block[k])
        ):
            while end < len(block) and parse_meta_line(block[end]) is not None:
                end += 1
            split.main.extend(block[k:end])
            block = block[end:]
        if block:
            blocks.append(block)
    split.blocks = blocks
    return split


def _story_closed(main: Sequence[str]) -> bool:
    """The main story printed its trailer ("المصدر: …", "كلمات دلالية: …"): what follows a label
    now is the outlet's other stories, however close their topic."""
    return any(
        (meta := parse_meta_line(line)) is not None and meta.kind in (MetaKind.SOURCE, MetaKind.KEYWORDS)
        for line in main
    )


def _continues_main(main: Sequence[str], headlines: Sequence[str], lead: str) -> bool:
    words = _content_words([lead])
    with_headline = len(words & _content_words(headlines))
    with_story = len(words & _content_words(main))
    return with_story >= _MIN_SHARED_WITH_STORY and with_story > _STORY_OVER_HEADLINE * with_headline


def _content_words(lines: Sequence[str]) -> set[str]:
    """Normalized words of three letters or more, without a leading و or ال, minus function words."""
    out: set[str] = set()
    for line in lines:
        for w in norm(line).split():
            w = w.strip(_PUNCT)
            if w[:1] == "و" and len(w) > 4:
                w = w[1:]
            if w.startswith("ال") and len(w) > 4:
                w = w[2:]
            if len(w) >= 3 and w not in function_words():
                out.add(w)
    return out


_PUNCT = "\"'«»“”()[]،,.:؛;!؟?-–—"


def split_teasers(block: Sequence[str]) -> list[list[str]]:
    """Cut a related block into stories: a headline after running text starts the next one. A lead
    the scraper cut without its full stop counts as running text when it is paired with the headline
    above it (is_paired_lead)."""
    teasers: list[list[str]] = [[]]
    has_text = False
    for i, line in enumerate(block):
        lead = is_body_line(line) or is_paired_lead(block, i)
        if is_headline_like(line) and not lead and has_text:
            teasers.append([])
            has_text = False
        teasers[-1].append(line)
        has_text = has_text or lead
    return [t for t in teasers if t]
