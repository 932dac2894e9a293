"""Related-story blocks ("إقرأ أيضاً", "أخبار ذات صلة", ...): split off the main story so their events
are never attributed to it, and cut into one teaser per story."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from khabar.core.cleaning.furniture import related_label, split_glued
from khabar.core.cleaning.metadata import parse_meta_line
from khabar.core.cleaning.paragraphs import is_body_line, is_headline_like, resumes_story

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
    return out


def split_teasers(block: Sequence[str]) -> list[list[str]]:
    """Cut a related block into stories: a headline after running text starts the next one."""
    teasers: list[list[str]] = [[]]
    for line in block:
        if is_headline_like(line) and any(is_body_line(x) for x in teasers[-1]):
            teasers.append([])
        teasers[-1].append(line)
    return [t for t in teasers if t]
