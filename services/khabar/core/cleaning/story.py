"""One story's lines -> its headline, metadata and paragraphs, with the furniture dropped.

Used for the main story and for every related teaser. Lines above the first sentence are the
preamble (masthead, staff box, headline, caption, byline): the headline is kept as the title, the
rest goes. Below it, short lines between paragraphs are section headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from khabar.core.cleaning.furniture import (
    byline_author,
    dateline_agency,
    furniture_reason,
    is_staff_label,
    lead_dateline_date,
    signs_off,
    strip_lead_dateline,
)
from khabar.core.cleaning.metadata import MetaKind, parse_date, parse_meta_line, split_keywords
from khabar.core.cleaning.paragraphs import (
    ends_sentence,
    has_clause_marker,
    is_asking_line,
    is_body_line,
    is_headline_like,
    is_paired_lead,
    word_count,
)
from khabar.core.cleaning.title import Preamble, pick_title
from khabar.core.models import ParagraphKind
from khabar.core.text.normalize import norm

__all__ = ["Story", "read_story"]

_MAX_STAFF_NAME_WORDS = 5


@dataclass(frozen=True)
class Story:
    title: str | None
    blocks: list[tuple[str, ParagraphKind]]
    published_at: datetime | None = None
    updated_at: datetime | None = None
    source_name: str | None = None
    author: str | None = None
    keywords: list[str] = field(default_factory=list)
    credited: str | None = None  # the wire agency a dateline credits ("أنقرة/ الأناضول")

    @property
    def has_text(self) -> bool:
        return any(kind is ParagraphKind.PARAGRAPH for _, kind in self.blocks)


@dataclass
class _Meta:
    published_at: datetime | None = None
    published_labelled: bool = False  # stated by a label ("تاريخ النشر:"), not a bare date line
    updated_at: datetime | None = None
    source_name: str | None = None
    credited: str | None = None  # the wire a dateline credits: the source when nothing states one
    author: str | None = None
    keywords: list[str] = field(default_factory=list)


def read_story(
    lines: Sequence[str],
    *,
    title_hint: str | None = None,
    known_names: Iterable[str | None] = (),
    require_text: bool = False,
) -> Story | None:
    """Parse a story. Returns None when `require_text` and no sentence of running text remains (a
    list of headlines under a related label is not a story)."""
    meta = _Meta()
    kept = _drop_furniture(lines, meta)
    first = next(
        (i for i, line in enumerate(kept) if is_body_line(line) and not _asking_headline(kept, i)), len(kept)
    )
    paired: frozenset[str] = frozenset()
    if first == len(kept) and require_text:
        # A teaser whose lead lost its full stop: the lead paired with the headline above it.
        first = next((i for i in range(len(kept)) if is_paired_lead(kept, i)), len(kept))
        paired = frozenset(kept[first : first + 1])
    preamble, body = kept[:first], kept[first:]
    names = [n for n in known_names if n]
    if meta.source_name:
        names.append(meta.source_name)
    head = pick_title(preamble, title_hint, names)
    if meta.source_name is None:
        meta.source_name = _masthead_source(preamble, head, lines)
    drop = set(head.mastheads)
    if head.title:
        drop.add(norm(head.title))
    if not body:
        if require_text:
            return None
        # Nothing reads like running text (a bare feed item): keep what is left rather than nothing.
        body = [ln for ln in preamble if norm(ln) not in drop] or ([head.title] if head.title else [])
        blocks = [(ln, ParagraphKind.PARAGRAPH) for ln in body]
    else:
        blocks = _paragraphs(body, drop, paired)
        if meta.published_at is None:
            # No date line: the wire's dateline may date the story ("جنين 10-12-2025 وفا- …").
            lead = next((line for line in body if is_body_line(line) or line in paired), None)
            stated = lead_dateline_date(lead) if lead else None
            meta.published_at = parse_date(stated) if stated else None
    story = Story(
        title=head.title,
        blocks=blocks,
        published_at=meta.published_at,
        updated_at=meta.updated_at,
        source_name=meta.source_name,
        author=meta.author,
        keywords=list(dict.fromkeys(meta.keywords)),
        credited=meta.credited,
    )
    if require_text and not story.has_text:
        return None
    return story


# Outlet kinds a masthead names itself by ("جريدة الرياض", "موقع عرب 48").
_OUTLET_HEADS = tuple(
    norm(w) + " " for w in ("جريدة", "صحيفة", "موقع", "بوابة", "مجلة", "وكالة", "قناة", "شبكة", "إذاعة")
)
_MAX_MASTHEAD_WORDS = 4


def _masthead_source(preamble: Sequence[str], head: Preamble, lines: Sequence[str]) -> str | None:
    """The outlet's name when no "المصدر:" line gives it: a short line above the headline that names an
    outlet kind ("جريدة الرياض"), or that the page credits again in quotes or with a slash ("وعلمت
    «النهار»", "شفق نيوز/ استقبل", "بغداد/ شفق نيوز"). A line printed twice is not enough: banners
    repeat organisations' names and slogans too (the seeds' gold leaves such pages without a source)."""
    for line in preamble:
        if line == head.title:
            return None
        n = norm(line).strip()
        if not n or word_count(n) > _MAX_MASTHEAD_WORDS or not any(c.isalpha() for c in n):
            continue
        if n.startswith(_OUTLET_HEADS):
            return line.strip()
        name = re.escape(n)
        credit = re.compile(rf"[«\"“]\s*{name}\s*[»\"”]|(?<!\S){name}\s*/|/\s*{name}(?!\S)")
        if any(other is not line and credit.search(norm(other)) for other in lines):
            return line.strip()
    return None


def _last_sentence(out: Sequence[str]) -> bool:
    """The one line after the running text is the story's last sentence, its full stop dropped: it
    has a subordinate clause or ends with a wire's sign-off ("( رويترز )"). A run of such lines is
    a trailer of headlines."""
    return len(out) >= 2 and (has_clause_marker(out[-1]) or signs_off(out[-1]))


def _asking_headline(lines: Sequence[str], i: int) -> bool:
    """lines[i] is a headline asking or exclaiming, not the first sentence: running text follows."""
    return is_asking_line(lines[i]) and i + 1 < len(lines) and is_body_line(lines[i + 1])


def _drop_furniture(lines: Sequence[str], meta: _Meta) -> list[str]:
    kept: list[str] = []
    after_staff_label = False
    for line in lines:
        if after_staff_label:
            after_staff_label = False
            # "رئيس مجلسى الإدارة والتحرير" on one line, the name on the next.
            if word_count(line) <= _MAX_STAFF_NAME_WORDS and not ends_sentence(line):
                continue
        if is_staff_label(line):
            after_staff_label = True
            continue
        found = parse_meta_line(line)
        if found is not None:
            if found.kind is MetaKind.PUBLISHED and found.value != line.strip() and found.published_at:
                # A labelled date outranks a bare one seen before: top bars print today's date.
                if not meta.published_labelled:
                    meta.published_at, meta.published_labelled = found.published_at, True
                continue
            _record(meta, found.kind, found.value, found.published_at)
            continue
        reason = furniture_reason(line)
        if reason is not None:
            if reason == "byline" and meta.author is None:
                meta.author = byline_author(line) or None
            if reason == "byline" and meta.credited is None:
                meta.credited = dateline_agency(line)
            continue
        kept.append(line)
    return kept


def _record(meta: _Meta, kind: MetaKind, value: str, when: datetime | None) -> None:
    # The first statement of each field wins: later ones belong to trailers and embedded teasers.
    if kind is MetaKind.PUBLISHED and meta.published_at is None:
        meta.published_at = when
    elif kind is MetaKind.UPDATED and meta.updated_at is None:
        meta.updated_at = when
    elif kind is MetaKind.SOURCE and meta.source_name is None:
        meta.source_name = value
    elif kind is MetaKind.AUTHOR and meta.author is None:
        meta.author = value
    elif kind is MetaKind.KEYWORDS:
        meta.keywords.extend(split_keywords(value))


def _paragraphs(
    body: Sequence[str], drop: set[str], paired: frozenset[str] = frozenset()
) -> list[tuple[str, ParagraphKind]]:
    """The body's blocks; `paired` holds lines known to be running text though they lack a full stop."""

    def is_text(line: str) -> bool:
        return is_body_line(line) or line in paired

    out: list[str] = []
    for line in body:
        n = norm(line)
        if not is_text(line) and (n in drop or word_count(line) < 2):
            continue  # a caption repeating the headline or a place name, a masthead in the footer
        if out and norm(out[-1]) == n:
            continue  # the same block printed twice
        out.append(line)
    trailing = 0
    while trailing < len(out) and not is_text(out[-1 - trailing]):
        trailing += 1
    closing = len(out)
    if trailing == 1 and _last_sentence(out):
        closing -= 1  # kept, as a paragraph
    elif trailing:
        del out[-trailing:]  # a heading with no text under it is a trailer ("موضوعات متعلقة" and the like)
    lead = next((i for i, ln in enumerate(out) if is_text(ln)), None)
    if lead is not None:
        out[lead] = strip_lead_dateline(out[lead])
    return [
        (
            ln,
            ParagraphKind.PARAGRAPH
            if i >= closing or is_text(ln) or not is_headline_like(ln)
            else ParagraphKind.HEADING,
        )
        for i, ln in enumerate(out)
    ]
