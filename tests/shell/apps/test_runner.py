from __future__ import annotations

import pytest

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
