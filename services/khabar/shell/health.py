"""Liveness, readiness and metrics over HTTP for one service, on a small stdlib server thread.

/healthz  200 while the service's loop is alive (liveness)
/readyz   200 once partitions are assigned and the service is consuming (readiness)
/metrics  Prometheus text format
A thread keeps it independent of the service's event loop: a stuck loop still answers /metrics.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

__all__ = ["HealthServer", "PortInUse", "port_in_use"]


class PortInUse(OSError):
    """The health/metrics port is taken: a clear message instead of a bare EADDRINUSE traceback."""


def port_in_use(host: str, port: int) -> bool:
    """Whether HealthServer could not bind host:port now (same SO_REUSEADDR as the server).

    Outgoing connections and their TIME_WAIT leftovers also hold ports inside the ephemeral range.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
        return False


class HealthServer:
    """Serves the three endpoints on host:port (port 0 picks a free one; see .port)."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        alive: Callable[[], bool] = lambda: True,
        ready: Callable[[], bool] = lambda: True,
    ) -> None:
        checks = {"/healthz": alive, "/readyz": ready}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                if path == "/metrics":
                    self._reply(200, generate_latest(REGISTRY), CONTENT_TYPE_LATEST)
                elif path in checks:
                    ok = checks[path]()
                    self._reply(200 if ok else 503, b"ok\n" if ok else b"not ok\n", "text/plain")
                else:
                    self._reply(404, b"not found\n", "text/plain")

            def _reply(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass  # scrapes every few seconds would drown the structured logs

        try:
            self._server = ThreadingHTTPServer((host, port), Handler)
        except OSError as exc:
            raise PortInUse(
                exc.errno,
                f"cannot serve health and metrics on {host}:{port}: {exc.strerror}; "
                "set KHABAR_METRICS_PORT to a free port",
            ) from exc
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="khabar-health", daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> HealthServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> HealthServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
