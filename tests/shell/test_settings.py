from __future__ import annotations

import logging

import pytest

from khabar.shell.settings import Settings, WireFormat
from khabar.shell.topics import Topic, TopicNames, dlq_of


def test_environment_configures_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_KAFKA_BOOTSTRAP", "k1:9092,k2:9092")
    monkeypatch.setenv("KHABAR_TOPIC_PREFIX", "test-")
    monkeypatch.setenv("KHABAR_WIRE_FORMAT", "json")
    monkeypatch.setenv("KHABAR_PARTITIONS", "6")
    s = Settings()
    assert s.wire_format is WireFormat.JSON
    assert s.partitions == 6
    assert s.kafka_python_config()["bootstrap_servers"] == ["k1:9092", "k2:9092"]
    assert TopicNames.of(s).name(Topic.RAW) == "test-khabar.articles.raw.v1"


def test_password_is_masked_in_repr_and_logs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("KHABAR_KAFKA_BOOTSTRAP", "k:9093")
    monkeypatch.setenv("KHABAR_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("KHABAR_SASL_MECHANISM", "PLAIN")
    monkeypatch.setenv("KHABAR_SASL_USERNAME", "svc")
    monkeypatch.setenv("KHABAR_SASL_PASSWORD", "hunter2-secret")
    s = Settings()
    assert "hunter2-secret" not in repr(s)
    assert "hunter2-secret" not in str(s.model_dump())
    assert "hunter2-secret" not in s.model_dump_json()
    with caplog.at_level(logging.INFO):
        logging.getLogger("t").info("settings %s", s)
    assert "hunter2-secret" not in caplog.text
    # ...but the client gets the real value.
    assert s.kafka_python_config()["sasl_plain_password"] == "hunter2-secret"


def test_missing_bootstrap_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KHABAR_KAFKA_BOOTSTRAP", raising=False)
    with pytest.raises(ValueError, match="KHABAR_KAFKA_BOOTSTRAP"):
        Settings().bootstrap  # noqa: B018


def test_invalid_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_DLQ_RATIO_LIMIT", "1.5")
    with pytest.raises(ValueError):
        Settings()


def test_topic_names_cover_one_dlq_per_consumed_topic() -> None:
    names = TopicNames("p.").all()
    assert "p.khabar.events.v1" in names
    assert dlq_of("p.khabar.articles.raw.v1") in names
    assert dlq_of("p.khabar.events.v1") not in names  # nothing in the pipeline consumes events
    assert len(names) == len(set(names)) == 7
    assert TopicNames("p.").base("p.khabar.articles.clean.v1") is Topic.CLEAN
    assert TopicNames("p.").base("p.khabar.articles.clean.v1.dlq") is None
