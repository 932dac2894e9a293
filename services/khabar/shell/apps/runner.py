"""`khabar run SERVICE`: one service in this process, with its health/metrics server, until SIGTERM.

faust's Worker owns the event loop and the signal handlers: on SIGTERM/SIGINT it stops fetching, lets
the agent finish the record in hand, commits the offsets of processed records and leaves the group.
"""

from __future__ import annotations

import os
import sys

import faust

from khabar.shell.admin import ensure_internal_topics
from khabar.shell.apps import SERVICE_NAMES
from khabar.shell.apps.base import STALLED, ServiceApp
from khabar.shell.health import HealthServer, PortInUse
from khabar.shell.logging import dict_config, get_logger
from khabar.shell.settings import Settings

__all__ = ["EXIT_PORT_IN_USE", "EXIT_TOO_MANY_FAILURES", "create_service", "run"]

EXIT_TOO_MANY_FAILURES = 3
EXIT_PORT_IN_USE = 4
log = get_logger("khabar.run")


def create_service(name: str, settings: Settings) -> ServiceApp:
    if name == "cleaner":
        from khabar.shell.apps import cleaner

        return cleaner.create(settings)
    if name == "tagger":
        from khabar.shell.apps import tagger

        return tagger.create(settings)
    if name == "emitter":
        from khabar.shell.apps import emitter

        return emitter.create(settings)
    raise ValueError(f"unknown service {name!r}; one of {', '.join(SERVICE_NAMES)}")


def run(name: str, settings: Settings) -> int:
    """Run until stopped; the exit status is 0 after a clean stop."""
    service = create_service(name, settings)
    try:  # bound before anything touches Kafka, so a taken port fails fast
        health = HealthServer(
            settings.metrics_host, settings.metrics_port, alive=service.alive, ready=service.ready
        )
    except PortInUse as exc:
        log.error("%s", exc.strerror, extra={"service": name})
        return EXIT_PORT_IN_USE
    created = ensure_internal_topics(settings, service.internal_topics)
    if created:
        log.info("created internal topics %s", ", ".join(created), extra={"service": name})
    health.start()
    worker = faust.Worker(
        service.app,
        loglevel=settings.log_level,
        logging_config=dict_config(name, settings.log_level),
        redirect_stdouts=False,
        workdir=None,
        console_port=0,
    )
    log.info(
        "starting %s on %s, metrics on http://%s:%d/metrics",
        name,
        settings.bootstrap,
        settings.metrics_host,
        health.port,
        extra={"service": name},
    )
    status = 0
    try:
        worker.execute_from_commandline()
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        health.stop()
    if service.fatal is not None:
        return EXIT_TOO_MANY_FAILURES
    if status != 0 and getattr(service.app, STALLED, False):
        _start_afresh(name)
    return status


_ATTEMPT_ENV = "KHABAR_START_ATTEMPT"
_MAX_ATTEMPTS = 3


def _start_afresh(name: str) -> None:
    """Replace this process with a new `khabar run NAME` (same pid, so a supervisor or test keeps
    watching it) when faust's consumer thread never built its consumer; at most three starts."""
    attempt = int(os.environ.get(_ATTEMPT_ENV, "1"))
    if attempt >= _MAX_ATTEMPTS:
        return
    log.warning(
        "consumer thread stalled at start; starting afresh (%d)", attempt + 1, extra={"service": name}
    )
    sys.stdout.flush()
    sys.stderr.flush()
    env = {**os.environ, _ATTEMPT_ENV: str(attempt + 1)}
    os.execve(sys.executable, [sys.executable, "-m", "khabar.shell.cli", "run", name], env)
