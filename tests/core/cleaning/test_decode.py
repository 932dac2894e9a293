import codecs

import pytest

from khabar.core.cleaning.decode import decode
from khabar.core.errors import RejectedInput


def _reason(body: bytes, **kw: int) -> str:
    with pytest.raises(RejectedInput) as info:
        decode(body, **kw)
    return info.value.reason


def test_utf8_text_decodes_and_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + "خبر عاجل".encode()) == "خبر عاجل"


def test_utf16_with_bom_is_accepted() -> None:
    assert decode(codecs.BOM_UTF16_LE + "بيان".encode("utf-16-le")) == "بيان"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 9)) * 50, "binary"),
        ("خبر".encode("cp1256"), "invalid_utf8"),
        (b"caf\xe9 au lait", "invalid_utf8"),
    ],
)
def test_bad_input_is_rejected_with_a_reason(body: bytes, reason: str) -> None:
    assert _reason(body) == reason


def test_size_limit_is_a_parameter() -> None:
    body = ("كلمة " * 100).encode()
    assert decode(body, max_bytes=len(body)).startswith("كلمة")
    assert _reason(body, max_bytes=len(body) - 1) == "too_large"


def test_json_payload_is_unwrapped() -> None:
    from khabar.core.cleaning.decode import unwrap_json

    payload = unwrap_json('{"headline": "عنوان", "content": "نص الخبر."}')
    assert (payload.text, payload.title) == ("نص الخبر.", "عنوان")
    for bad in ("[1, 2]", "{not json", '{"title": "عنوان فقط"}'):
        with pytest.raises(RejectedInput) as info:
            unwrap_json(bad)
        assert info.value.reason == "no_text"
