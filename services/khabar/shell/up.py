"""`khabar up`: the whole pipeline on one machine, for development.

Starts the embedded Tansu broker (a Kafka-compatible broker, in memory) unless KHABAR_KAFKA_BOOTSTRAP
names one, creates the topics, runs cleaner, tagger and emitter as `khabar run X` subprocesses, ingests
PATH (default: the repo's samples/), and prints the events topic as JSON lines until Ctrl-C/SIGTERM,
--exit-after-events N or --timeout S. Everything it started is stopped on the way out.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from khabar.shell.admin import create_topics
from khabar.shell.apps import SERVICE_NAMES
from khabar.shell.health import port_in_use
from khabar.shell.ingest import ingest
from khabar.shell.inputs import read_inputs
from khabar.shell.settings import Settings
from khabar.shell.tail import tail
from khabar.shell.topics import Topic, TopicNames

__all__ = ["default_samples", "up"]

_READY_TIMEOUT_S = 120.0
_STOP_TIMEOUT_S = 30.0


class _Stop(Exception):
    pass


def default_samples() -> Path | None:
    """The repo's samples/ directory, when running from a checkout."""
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        candidate = base / "samples"
        if candidate.is_dir() and any(candidate.iterdir()):
            return candidate
    return None


def _say(message: str) -> None:
    print(f"khabar up: {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _broker(settings: Settings, watched: list[Callable[[], None]]) -> Iterator[Settings]:
    """The settings to run with; an embedded broker adds its liveness check to ``watched``."""
    if settings.kafka_bootstrap:
        yield settings
        return
    from khabar.shell.broker import Tansu

    with Tansu() as broker:
        _say(f"started the embedded Tansu broker on {broker.bootstrap_servers}")

        def alive() -> None:
            if not broker.running:
                raise _RunFailed(
                    f"the embedded broker died; {broker.log_path} ends with:\n" + _tail_of(broker.log_path)
                )

        watched.append(alive)
        # One partition: the emitter then merges events across every article (see apps/emitter.py).
        overrides: dict[str, object] = {"kafka_bootstrap": broker.bootstrap_servers}
        if "KHABAR_PARTITIONS" not in os.environ:
            overrides["partitions"] = 1
        yield settings.model_copy(update=overrides)


def _ready(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False


def _stop(processes: dict[str, subprocess.Popen[bytes]]) -> None:
    for proc in processes.values():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + _STOP_TIMEOUT_S
    for name, proc in processes.items():
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _say(f"{name} did not stop in {_STOP_TIMEOUT_S:.0f}s; killing it")
            proc.kill()
            proc.wait()


def up(
    settings: Settings,
    path: str | None = None,
    *,
    exit_after_events: int | None = None,
    timeout_s: float | None = None,
) -> int:
    """Run until stopped. Exit status: 0 on Ctrl-C/SIGTERM or after N events, 1 when --timeout ends
    the run first or a service dies."""
    deadline = None if timeout_s is None else time.monotonic() + timeout_s

    def on_signal(signum: int, frame: FrameType | None) -> None:
        raise _Stop()

    previous = signal.signal(signal.SIGTERM, on_signal)
    processes: dict[str, subprocess.Popen[bytes]] = {}
    watched: list[Callable[[], None]] = [lambda: _check(processes)]
    failure = ""
    try:
        with _broker(settings, watched) as live:
            # Services stop before the broker does: they commit and leave their groups on the way out.
            try:
                return _run(live, processes, watched, path, exit_after_events, deadline, timeout_s)
            except (_Stop, KeyboardInterrupt):
                _say("stopping")
                return 0
            except _RunFailed as exc:
                failure = str(exc)
                _say(failure)
                return 1
            finally:
                # A second Ctrl-C/SIGTERM must not cut the orderly stop short.
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                try:
                    _stop(processes)
                finally:
                    signal.signal(signal.SIGINT, signal.default_int_handler)
                if failure:  # again, below the services' shutdown logs that buried it
                    _say(f"failed: {failure}")
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(
    live: Settings,
    processes: dict[str, subprocess.Popen[bytes]],
    watched: list[Callable[[], None]],
    path: str | None,
    exit_after_events: int | None,
    deadline: float | None,
    timeout_s: float | None,
) -> int:
    created, _ = create_topics(live)
    _say(f"topics ready ({len(created)} created)")
    env = {**os.environ, **_env(live)}
    ports = {name: live.metrics_port + i for i, name in enumerate(SERVICE_NAMES)}
    taken = [f"{p} ({n})" for n, p in ports.items() if port_in_use(live.metrics_host, p)]
    if taken:
        raise _RunFailed(
            f"metrics port(s) in use on {live.metrics_host}: {', '.join(taken)}; set "
            "KHABAR_METRICS_PORT to a free base port (the services take it and the next two)"
        )
    for name in SERVICE_NAMES:
        processes[name] = subprocess.Popen(
            [sys.executable, "-m", "khabar.shell.cli", "run", name],
            env={**env, "KHABAR_METRICS_PORT": str(ports[name])},
            start_new_session=True,  # Ctrl-C reaches `up` alone; it stops the services in order
        )
    waiting = set(SERVICE_NAMES)
    ready_by = time.monotonic() + _READY_TIMEOUT_S

    def check() -> bool:
        for watch in watched:
            watch()
        return False

    while waiting:
        check()
        waiting = {name for name in waiting if not _ready(ports[name])}
        if time.monotonic() > ready_by or (deadline is not None and time.monotonic() > deadline):
            raise _RunFailed(f"services not ready in time: {', '.join(sorted(waiting))}")
        time.sleep(0.5)
    _say("services ready: " + ", ".join(f"{n} (metrics :{p})" for n, p in ports.items()))
    source = path or (str(default_samples()) if default_samples() else None)
    if source:
        sent = ingest(live, list(read_inputs([source])))
        _say(f"ingested {sent} article(s) from {source}")
    events = TopicNames.of(live).name(Topic.EVENTS)
    remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
    seen = 0
    for record in tail(
        live, events, from_beginning=True, max_records=exit_after_events, timeout_s=remaining,
        stop=check,
    ):  # fmt: skip
        print(json.dumps(record, ensure_ascii=False), flush=True)
        seen += 1
    if exit_after_events is not None and seen >= exit_after_events:
        return 0
    raise _RunFailed(f"timed out after {timeout_s}s with {seen} event(s)")


class _RunFailed(RuntimeError):
    """The run cannot go on: a service or the broker died, or time ran out (exit status 1)."""


def _check(processes: dict[str, subprocess.Popen[bytes]]) -> None:
    """Raises _RunFailed when a service exited."""
    for name, proc in processes.items():
        code = proc.poll()
        if code is not None:
            raise _RunFailed(f"{name} exited with status {code}")


def _tail_of(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError as exc:
        return f"(unreadable: {exc.strerror})"


def _env(settings: Settings) -> dict[str, str]:
    """The settings the services must share with this process, as environment variables."""
    return {
        "KHABAR_KAFKA_BOOTSTRAP": settings.bootstrap,
        "KHABAR_TOPIC_PREFIX": settings.topic_prefix,
        "KHABAR_PARTITIONS": str(settings.partitions),
        "KHABAR_WIRE_FORMAT": settings.wire_format.value,
    }
