"""Session-wide fixtures: the shared data directory and a real Apache Kafka broker.

The broker fixture starts Apache Kafka 4.x once per test session (about 5 s once the jars are
cached). Off CI it skips, with the reason, when Java, Maven or the jars are missing; with CI set
(as .ci/run does) a missing prerequisite is an error, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from khabar.shell.broker import ApacheKafka, BrokerUnavailable

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
"""Seeds, gold annotation, scorers and training data; beside the repo in dev and CI, never in it."""

SHARED_MISSING = f"needs the shared data directory {SHARED} (seeds, gold, training data) beside the repo"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def pytest_configure(config: pytest.Config) -> None:
    # pyproject registers these too; repeating them keeps the suite strict-marker clean if run
    # with a different config file.
    config.addinivalue_line("markers", "integration: needs a real Kafka broker started by the test suite")
    config.addinivalue_line("markers", "shared: needs ../shared (seeds, gold, training data)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `shared` skip as a group when ../shared is absent."""
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=SHARED_MISSING)
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(SHARED_MISSING)
    return SHARED


@pytest.fixture(scope="session")
def kafka_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApacheKafka]:
    """One real Apache Kafka (KRaft, 127.0.0.1) for the whole session; topics auto-create."""
    workdir = tmp_path_factory.mktemp("kafka")
    broker = ApacheKafka(workdir, num_partitions=1)
    try:
        broker.start()
    except BrokerUnavailable as exc:
        if in_ci():
            pytest.fail(f"CI must run the Kafka integration tests, but: {exc}")
        pytest.skip(
            f"Apache Kafka unavailable ({exc}); install Java 17 and Maven; with CI set this is an error"
        )
    try:
        yield broker
    finally:
        broker.stop()


@pytest.fixture(scope="session")
def kafka_bootstrap(kafka_broker: ApacheKafka) -> str:
    """bootstrap_servers of the session's Apache Kafka, e.g. "127.0.0.1:40123"."""
    return kafka_broker.bootstrap_servers
