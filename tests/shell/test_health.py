from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from khabar.shell import metrics
from khabar.shell.health import HealthServer, PortInUse, port_in_use


def get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_endpoints_report_liveness_readiness_and_metrics() -> None:
    state = {"ready": False}
    with HealthServer("127.0.0.1", 0, ready=lambda: state["ready"]) as server:
        assert get(server.port, "/healthz")[0] == 200
        assert get(server.port, "/readyz")[0] == 503
        state["ready"] = True
        assert get(server.port, "/readyz")[0] == 200
        metrics.MESSAGES_IN.labels("test-service", "test-topic").inc(3)
        status, body = get(server.port, "/metrics")
        assert status == 200
        assert 'khabar_messages_in_total{service="test-service",topic="test-topic"} 3.0' in body
        assert "khabar_build_info" in body
        assert get(server.port, "/nope")[0] == 404


def test_a_dead_service_fails_liveness() -> None:
    with HealthServer("127.0.0.1", 0, alive=lambda: False) as server:
        assert get(server.port, "/healthz")[0] == 503


def test_a_taken_port_is_reported_by_name() -> None:
    with HealthServer("127.0.0.1", 0) as server:
        assert port_in_use("127.0.0.1", server.port)
        with pytest.raises(PortInUse, match=f"127.0.0.1:{server.port}.*KHABAR_METRICS_PORT"):
            HealthServer("127.0.0.1", server.port)
    assert not port_in_use("127.0.0.1", server.port)
