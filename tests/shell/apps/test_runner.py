from __future__ import annotations

import pytest

from khabar.shell.apps import runner
from khabar.shell.apps.runner import EXIT_PORT_IN_USE, run
from khabar.shell.health import HealthServer
from khabar.shell.settings import Settings


def test_a_taken_metrics_port_stops_the_service_before_it_touches_kafka(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Nothing listens on port 9 (discard): reaching Kafka would hang or fail differently.
    with HealthServer("127.0.0.1", 0) as squatter:
        settings = Settings(kafka_bootstrap="127.0.0.1:9", metrics_port=squatter.port)
        assert run("tagger", settings) == EXIT_PORT_IN_USE
    assert f"127.0.0.1:{squatter.port}" in caplog.text


def test_a_stalled_start_is_started_afresh_at_most_three_times(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, list[str], dict[str, str]]] = []
    monkeypatch.setattr(runner.os, "execve", lambda path, argv, env: calls.append((path, argv, env)))
    monkeypatch.delenv("KHABAR_START_ATTEMPT", raising=False)
    runner._start_afresh("tagger")
    assert calls and calls[0][1][-2:] == ["run", "tagger"] and calls[0][2]["KHABAR_START_ATTEMPT"] == "2"
    monkeypatch.setenv("KHABAR_START_ATTEMPT", "3")
    runner._start_afresh("tagger")
    assert len(calls) == 1  # the third start gives up: the supervisor sees the failure
