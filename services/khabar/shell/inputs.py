"""Reading local inputs into RawArticles, shared by `khabar ingest` and `khabar process`.

Paths may be files, directories (walked recursively, sorted, hidden entries skipped) or "-" for stdin.
*.txt is text/plain, *.html/*.htm text/html, *.jsonl one raw article per line:
    {"id"?, "title"?, "body", "published_at"?, "source_name"?, "url"?, "content_type"?, "language"?}
Ids are stable: the same source and body always give the same id, so re-ingesting is idempotent for
consumers that upsert by key.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from khabar.core.models import ContentType, RawArticle

__all__ = ["STDIN", "InputError", "SourcedArticle", "article_id", "read_inputs", "walk"]

STDIN = "-"
_CONTENT_TYPES = {".txt": ContentType.TEXT, ".html": ContentType.HTML, ".htm": ContentType.HTML}
_JSONL = ".jsonl"
_RECORD_FIELDS = {"id", "title", "body", "published_at", "source_name", "url", "content_type", "language"}


class InputError(Exception):
    """An input that cannot be read; the message names the file (and line)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where


@dataclass(frozen=True)
class SourcedArticle:
    """A raw article and where it came from: the path, or the JSONL record's id."""

    label: str
    raw: RawArticle


def article_id(body: bytes, source: str | None = None) -> str:
    """Stable id: the first 16 hex digits of sha256(source NUL body)."""
    digest = hashlib.sha256((source or "").encode("utf-8") + b"\0" + body)
    return digest.hexdigest()[:16]


def walk(paths: Sequence[str]) -> list[str]:
    """Expand directories into their readable files, in a stable order. Raises InputError for a path
    that does not exist, and for a directory holding no input files."""
    out: list[str] = []
    for spec in paths:
        if spec == STDIN:
            out.append(spec)
            continue
        path = Path(spec)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in (*_CONTENT_TYPES, _JSONL)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError(spec, "directory holds no .txt, .html, .htm or .jsonl files")
            out.extend(str(p) for p in found)
        elif path.exists():
            out.append(spec)
        else:
            raise InputError(spec, "no such file or directory")
    return out


def read_inputs(paths: Sequence[str], *, stdin: BinaryIO | None = None) -> Iterator[SourcedArticle]:
    """Every raw article the paths hold, in order. Raises InputError on the first unreadable input."""
    received = datetime.now(UTC)
    for spec in walk(paths):
        if spec == STDIN:
            data = (stdin or sys.stdin.buffer).read()
            # Stdin carries JSONL when it starts with a JSON object, else one text article.
            if data.lstrip()[:1] == b"{":
                yield from _records(data, "<stdin>", received)
            else:
                yield SourcedArticle("<stdin>", _raw(data, ContentType.TEXT, received))
            continue
        path = Path(spec)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(spec, f"cannot read: {exc.strerror or exc}") from exc
        if path.suffix.lower() == _JSONL:
            yield from _records(data, spec, received)
        else:
            content_type = _CONTENT_TYPES.get(path.suffix.lower(), ContentType.TEXT)
            yield SourcedArticle(spec, _raw(data, content_type, received))


def _raw(body: bytes, content_type: ContentType, received: datetime) -> RawArticle:
    return RawArticle(id=article_id(body), body=body, content_type=content_type, received_at=received)


def _records(data: bytes, where: str, received: datetime) -> Iterator[SourcedArticle]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not UTF-8 JSONL: {exc}") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        at = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(at, f"invalid JSON: {exc.msg}") from exc
        yield _record(record, at, received)


def _record(record: Any, at: str, received: datetime) -> SourcedArticle:
    if not isinstance(record, dict):
        raise InputError(at, "a JSONL record must be an object")
    unknown = set(record) - _RECORD_FIELDS
    if unknown:
        raise InputError(at, f"unknown fields {sorted(unknown)}")
    body = record.get("body")
    if not isinstance(body, str):
        raise InputError(at, 'a record needs a "body" string')
    data = body.encode("utf-8")
    fields = {k: v for k, v in record.items() if k != "body" and v is not None}
    fields.setdefault("id", article_id(data, fields.get("source_name")))
    try:
        raw = RawArticle(body=data, received_at=received, **fields)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InputError(at, problems) from exc
    return SourcedArticle(raw.id, raw)
