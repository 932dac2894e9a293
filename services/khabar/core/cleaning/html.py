"""HTML pages -> main text and metadata, with trafilatura doing the content extraction."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape
from typing import Any

import lxml.html
import trafilatura
from lxml.etree import ParserError
from lxml.html import HtmlElement

from khabar.core.cleaning.furniture import RELATED_LABELS, byline_author, related_label
from khabar.core.cleaning.metadata import MetaKind, parse_date, parse_meta_line, split_keywords

__all__ = ["HtmlPage", "extract", "looks_like_html"]

_DOCUMENT_START = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html\b)", re.IGNORECASE)
_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|a|br|h[1-6]|article|section|ul|li|meta|script)\b", re.IGNORECASE
)
# Publication timestamps in page metadata, with their time and zone (trafilatura keeps only the day).
_META_DATE = (
    re.compile(
        r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|og:published_time|"
        r"datePublished|pubdate|publishdate|date)[\"'][^>]*content=[\"']([^\"']+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"<meta[^>]+content=[\"']([^\"']+)[\"'][^>]*(?:property|name|itemprop)=[\"']"
        r"(?:article:published_time|og:published_time|datePublished)[\"']",
        re.IGNORECASE,
    ),
    re.compile(r"\"datePublished\"\s*:\s*\"([^\"]+)\""),
    re.compile(r"<time[^>]+datetime=[\"']([^\"']+)", re.IGNORECASE),
)


@dataclass(frozen=True)
class HtmlPage:
    text: str
    title: str | None = None
    published_at: datetime | None = None
    site_name: str | None = None
    author: str | None = None
    keywords: list[str] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    """True for a document that is HTML even if it was labelled text/plain."""
    head = text[:5000]
    return bool(_DOCUMENT_START.match(head)) or len(_TAG.findall(head)) >= 5


def extract(html: str) -> HtmlPage:
    """Main text (one block per line) and metadata of an HTML page; text is "" when there is none."""
    doc: Any = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only dates the page states: extensive search guesses from copyright lines and URLs.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data: dict[str, Any] = {}
    if doc is not None:
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = str(data.get("text") or "")
    if not text.strip():
        text = _baseline(html)
    related = _related_lines(html, text)
    if related:
        text = text.rstrip("\n") + "\n" + "\n".join(related)
    published = _meta_date(html)
    if published is None and data.get("date"):
        published = parse_date(str(data["date"]))
    keywords: list[str] = []
    for group in (data.get("tags") or [], data.get("categories") or [], _tag_lines(html)):
        for item in group if isinstance(group, list) else [group]:
            keywords.extend(split_keywords(str(item)))
    return HtmlPage(
        text=text,
        title=_opt(data.get("title")),
        published_at=published,
        site_name=_opt(data.get("sitename")) or _title_suffix(html),
        # trafilatura splits "بيروت - كتب: مروان الأمين" on the dash and keeps the dateline's city.
        author=_byline(html) or _opt(data.get("author")),
        keywords=list(dict.fromkeys(keywords)),
    )


def _baseline(html: str) -> str:
    try:
        _, text, _ = trafilatura.baseline(html)
    except Exception:  # trafilatura raises assorted parser errors on broken markup
        return ""
    return str(text or "")


def _meta_date(html: str) -> datetime | None:
    head = html[:200_000]
    for pattern in _META_DATE:
        for value in pattern.findall(head):
            parsed = parse_date(value)
            if parsed is not None:
                return parsed
    return _date_under_headline(head)


_H1 = re.compile(r"<h1\b", re.IGNORECASE)
_DATE_ELEMENT = re.compile(
    r"<(?:span|div|p|time|small|li)\b[^>]*class=[\"'][^\"']*(?:date|time|publish|posted)[^\"']*[\"'][^>]*>"
    r"([^<]{6,120})<",
    re.IGNORECASE,
)
# The article header (headline, date, byline) is short; a date far below the <h1> is something else.
_HEADER_SPAN = 3000


def _date_under_headline(html: str) -> datetime | None:
    """A date in a date-classed element just below the page's <h1>: the article header. Elements above
    the headline are skipped, since top bars print today's date."""
    h1 = _H1.search(html)
    if h1 is None:
        return None
    for text in _DATE_ELEMENT.findall(html, h1.end(), h1.end() + _HEADER_SPAN):
        parsed = parse_date(unescape(text))
        if parsed is not None:
            return parsed
    return None


_BYLINE_ELEMENT = re.compile(
    r"<(span|div|p|a|address|small)\b[^>]*(?:class|itemprop|rel)=[\"'][^\"']*(?:byline|author|writer)"
    r"[^\"']*[\"'][^>]*>(.*?)</\1>",
    re.IGNORECASE | re.DOTALL,
)
_ANY_TAG = re.compile(r"<[^>]+>")


def _byline(html: str) -> str | None:
    """The writer's name from the first byline- or author-classed element of the article header
    read as a byline ("بيروت - كتب: مروان الأمين" -> مروان الأمين); None when there is none."""
    h1 = _H1.search(html)
    start = h1.end() if h1 else 0
    for _, inner in _BYLINE_ELEMENT.findall(html, start, start + _HEADER_SPAN):
        text = " ".join(unescape(_ANY_TAG.sub(" ", inner)).split())
        name = byline_author(text) if text else None
        if name:
            return name
    return None


_TAGS_ELEMENT = re.compile(
    r"<(div|ul|p|span|section)\b[^>]*class=[\"'][^\"']*\b(?:tags|tag-list|keywords|article-tags)\b"
    r"[^\"']*[\"'][^>]*>(.*?)</\1>",
    re.IGNORECASE | re.DOTALL,
)


def _tag_lines(html: str) -> list[str]:
    """Keyword values of tag-classed elements ("الوسوم: سوريا | تركيا"), which trafilatura leaves out
    of the text: each link or item is one keyword, else the line is read as a keyword line."""
    out: list[str] = []
    for _, inner in _TAGS_ELEMENT.findall(html[:400_000]):
        items = [" ".join(unescape(_ANY_TAG.sub(" ", x)).split()) for x in _TAG_ITEM.findall(inner)]
        items = [x for x in items if x]
        if items:
            out.extend(items)
            continue
        text = " ".join(unescape(_ANY_TAG.sub(" ", inner)).split())
        meta = parse_meta_line(text)
        if meta is not None and meta.kind is MetaKind.KEYWORDS:
            out.append(meta.value)
    return out


_TAG_ITEM = re.compile(r"<(?:a|li)\b[^>]*>(.*?)</(?:a|li)>", re.IGNORECASE | re.DOTALL)


# Containers of the outlet's other stories, by class or id ("related-articles", "read-more",
# "jp-relatedposts"); a container whose first heading is a related label counts too.
_RELATED_CLASS = re.compile(r"related|read-?more|more-?(?:on|from|news|stories)|similar", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_GENERIC_LABEL = RELATED_LABELS[RELATED_LABELS.index("أخبار ذات صلة")]


def _related_lines(html: str, main_text: str) -> list[str]:
    """The related-story containers trafilatura drops as boilerplate, as text lines: a label, then
    each item's headline and lead paragraphs, for split_related to cut into teasers. Items whose
    headline trafilatura already kept are skipped."""
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return []
    kept = " ".join(main_text.split())
    out: list[str] = []
    taken: set[HtmlElement] = set()
    for el in root.iter("section", "div", "aside"):
        if any(anc in taken for anc in el.iterancestors()):
            continue
        # The box's own title is a heading directly inside it; the items' headlines sit deeper.
        own = next((c for c in el if c.tag in _HEADINGS), None)
        title = _text(own) if own is not None else ""
        found = related_label(title) if title else None
        is_label = found is not None and not found.rest
        if not (is_label or _RELATED_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}")):
            continue
        lines: list[str] = []
        for head in el.iterdescendants(*_HEADINGS):
            headline = _text(head)
            if head is own or not headline or headline in kept:
                continue
            item = _child_of(el, head)
            leads = [_text(p) for p in item.iter("p") if head not in p.iterancestors()]
            lines += [headline, *(x for x in leads if x)]
        if lines:
            taken.add(el)
            out += [title if is_label else _GENERIC_LABEL, *lines]
    return out


def _child_of(box: HtmlElement, el: HtmlElement) -> HtmlElement:
    """The child of `box` that holds `el` (its item)."""
    while (parent := el.getparent()) is not None and parent is not box:
        el = parent
    return el


def _text(el: HtmlElement) -> str:
    return " ".join(str(el.text_content()).split())


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


def _title_suffix(html: str) -> str | None:
    """The site's name closing the page's <title> ("... | صحيفة النهار"): a short last segment
    after a longer headline."""
    m = _TITLE_TAG.search(html[:200_000])
    if m is None:
        return None
    parts = _TITLE_SEPARATOR.split(" ".join(unescape(m.group(1)).split()))
    if len(parts) < 2:
        return None
    site, headline = parts[-1], " ".join(parts[:-1])
    return site if len(site.split()) <= 4 and len(headline.split()) >= 3 else None


def _opt(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
