"""Bytes -> text, refusing what cannot be an article (empty, binary, undecodable, oversized)."""

from __future__ import annotations

import codecs
import json
import unicodedata
from dataclasses import dataclass

from khabar.core.errors import RejectedInput

__all__ = ["DEFAULT_MAX_BYTES", "JsonPayload", "decode", "unwrap_json"]

DEFAULT_MAX_BYTES = 2_000_000
# Control characters other than tab/newline/carriage return/form feed: text never has many of them.
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
_BINARY_SHARE = 0.05
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(body: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode an article body. UTF-8 (a BOM is dropped; UTF-16 is accepted only with its BOM, as some
    Windows exports send it). Raises RejectedInput: empty, too_large, binary, invalid_utf8."""
    if len(body) > max_bytes:
        raise RejectedInput("too_large", f"{len(body)} bytes is over the {max_bytes}-byte limit")
    if not body.strip():
        raise RejectedInput("empty", "the article has no content")
    encoding = "utf-8"
    for bom, name in _BOMS:
        if body.startswith(bom):
            body, encoding = body[len(bom) :], name
            break
    if encoding == "utf-8" and b"\x00" in body:
        raise RejectedInput("binary", "the body contains NUL bytes")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        if _looks_binary(body):
            raise RejectedInput("binary", "the body is not text") from exc
        raise RejectedInput(
            "invalid_utf8", f"not valid {encoding}: {exc.reason} at byte {exc.start}"
        ) from exc
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
    if encoding != "utf-8":
        # Any even-length byte string decodes as UTF-16; real text has few format/unassigned characters.
        controls += sum(1 for ch in sample if unicodedata.category(ch) in ("Cf", "Co", "Cn", "Cs"))
    if controls > _BINARY_SHARE * len(sample):
        raise RejectedInput("binary", "the body is mostly control characters")
    if not text.strip():
        raise RejectedInput("empty", "the article has no text")
    return text


def _looks_binary(body: bytes) -> bool:
    sample = body[:4096]
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > _BINARY_SHARE * len(sample)


@dataclass(frozen=True)
class JsonPayload:
    text: str
    title: str | None = None


_TEXT_FIELDS = ("body", "content", "text", "article", "html")
_TITLE_FIELDS = ("title", "headline")


def unwrap_json(text: str) -> JsonPayload:
    """The article text inside an application/json body ({"body"|"content"|"text": ..., "title"?}).
    Raises RejectedInput no_text when there is none."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise RejectedInput("no_text", f"application/json body is not JSON: {exc}") from exc
    if isinstance(data, dict):
        body = next((data[k] for k in _TEXT_FIELDS if isinstance(data.get(k), str) and data[k].strip()), None)
        title = next(
            (data[k] for k in _TITLE_FIELDS if isinstance(data.get(k), str) and data[k].strip()), None
        )
        if body is not None:
            return JsonPayload(body, title)
    raise RejectedInput("no_text", "the JSON body has no body/content/text field")
