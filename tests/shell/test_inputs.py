from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.core.models import ContentType
from khabar.shell.inputs import InputError, article_id, read_inputs


def test_same_content_gets_the_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("خبر عاجل", encoding="utf-8")
    (tmp_path / "b.txt").write_text("خبر عاجل", encoding="utf-8")
    (tmp_path / "c.txt").write_text("خبر آخر", encoding="utf-8")
    a, b, c = (s.raw.id for s in read_inputs([str(tmp_path)]))
    assert a == b != c
    assert len(a) == 16 and int(a, 16) >= 0


@given(st.binary(max_size=64), st.binary(max_size=64), st.none() | st.text(max_size=5))
def test_ids_differ_when_bodies_differ(x: bytes, y: bytes, source: str | None) -> None:
    assert (article_id(x, source) == article_id(y, source)) == (x == y)


def test_directories_are_walked_recursively_with_content_types(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "one.txt").write_bytes(b"one")
    (tmp_path / "sub" / "two.html").write_bytes(b"<p>two</p>")
    (tmp_path / "sub" / "deeper" / "three.htm").write_bytes(b"<p>three</p>")
    (tmp_path / "notes.md").write_bytes(b"not an input")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_bytes(b"hidden")
    got = {Path(s.label).name: s.raw for s in read_inputs([str(tmp_path)])}
    assert set(got) == {"one.txt", "two.html", "three.htm"}
    assert got["one.txt"].content_type is ContentType.TEXT
    assert got["two.html"].content_type is ContentType.HTML
    assert got["three.htm"].body == b"<p>three</p>"


def test_jsonl_records_keep_their_given_fields(tmp_path: Path) -> None:
    lines = [
        {"id": "given-id", "title": "", "body": "نص", "language": "ar"},
        {"body": "نص آخر", "title": "عنوان", "published_at": "2024-03-01T10:00:00+00:00",
         "source_name": "وكالة", "content_type": "text/html"},
    ]  # fmt: skip
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8")
    first, second = read_inputs([str(path)])
    assert first.label == first.raw.id == "given-id"
    assert first.raw.title == "" and first.raw.body == "نص".encode()
    assert second.raw.id == article_id("نص آخر".encode(), "وكالة") == second.label
    assert second.raw.published_at == datetime(2024, 3, 1, 10, tzinfo=UTC)
    assert second.raw.source_name == "وكالة" and second.raw.content_type is ContentType.HTML


@pytest.mark.parametrize(
    ("line", "needle"),
    [("{not json", "invalid JSON"), ('{"title": "x"}', "body"), ('{"body": "x", "colour": 1}', "colour"),
     ('{"body": "x", "published_at": "yesterday"}', "published_at"), ("[1]", "object")],
)  # fmt: skip
def test_bad_jsonl_names_file_and_line(tmp_path: Path, line: str, needle: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"body": "ok"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_inputs([str(path)]))
    assert f"{path}:2" in str(info.value)
    assert needle in str(info.value)


def test_missing_and_unreadable_files_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt"):
        list(read_inputs([str(tmp_path / "nope.txt")]))
    locked = tmp_path / "locked.txt"
    locked.write_bytes(b"x")
    locked.chmod(0)
    try:
        try:
            locked.read_bytes()
        except PermissionError:
            with pytest.raises(InputError, match=r"locked\.txt"):
                list(read_inputs([str(locked)]))
    finally:
        locked.chmod(0o644)
    undecodable = tmp_path / "latin1.jsonl"
    undecodable.write_bytes(b'{"body": "\xe9"}\n')
    with pytest.raises(InputError, match=r"latin1\.jsonl"):
        list(read_inputs([str(undecodable)]))


def test_a_directory_without_inputs_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no \.txt"):
        list(read_inputs([str(tmp_path)]))


def test_stdin_is_text_or_jsonl() -> None:
    (text,) = read_inputs(["-"], stdin=io.BytesIO("سطر".encode()))
    assert text.raw.body == "سطر".encode() and text.label == "<stdin>"
    records = list(
        read_inputs(["-"], stdin=io.BytesIO(b'{"id": "a", "body": "x"}\n{"id": "b", "body": "y"}\n'))
    )
    assert [r.label for r in records] == ["a", "b"]
