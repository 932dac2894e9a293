from __future__ import annotations

import json

from khabar.core.models import DeadLetter, RawArticle
from khabar.shell.tail import record_json
from khabar.shell.wire import encode


def test_records_print_as_json_with_text_or_base64_bytes() -> None:
    from datetime import UTC, datetime

    letter = DeadLetter(
        topic="t", partition=0, offset=1, payload=b"\xff\x00", service="cleaner", error_type="x",
        error_message="m", failed_at=datetime(2025, 1, 1, tzinfo=UTC),
    )  # fmt: skip
    value, headers = encode(letter)
    line = record_json("t.dlq", 0, 5, b"k", value, headers)
    assert line["type"] == "khabar.v1.DeadLetter" and line["key"] == "k"
    assert line["value"]["payload"] == {"base64": "/wA="}
    assert line["value"]["failed_at"].startswith("2025-01-01")
    raw_value, raw_headers = encode(RawArticle(id="a", body="نص".encode()))
    assert record_json("r", 0, 0, None, raw_value, raw_headers)["value"]["body"] == "نص"
    json.dumps(line)


def test_undecodable_records_are_shown_not_dropped() -> None:
    line = record_json("t", 0, 0, None, b"\xff\xff", [("khabar-type", b"khabar.v1.Article")])
    assert line["error"] == "decode_error" and line["value"] == {"base64": "//8="}
