"""The failure-ratio stop on a real Apache Kafka: a cleaner fed nothing but garbage dead-letters up to
its limit, then stops with exit status 3, having committed exactly what it dead-lettered; the rest of
its input waits on the topic for a fixed deployment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from khabar.shell.admin import create_topics
from khabar.shell.apps.runner import EXIT_TOO_MANY_FAILURES
from khabar.shell.broker import free_port
from khabar.shell.settings import Settings
from khabar.shell.topics import Topic, TopicNames, dlq_of

pytestmark = pytest.mark.integration

WINDOW = 4
LIMIT = 0.5
SENT = 10
# Failing from the start, the service stops on the record that takes failures above LIMIT * WINDOW.
EXPECTED_LETTERS = int(LIMIT * WINDOW) + 1
EXIT_TIMEOUT_S = 240.0


def end_offset(bootstrap: str, topic: str) -> int:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    try:
        parts = consumer.partitions_for_topic(topic) or set()
        return sum(consumer.end_offsets([TopicPartition(topic, p) for p in parts]).values())
    finally:
        consumer.close()


def committed(bootstrap: str, group: str, topic: str) -> int:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        parts = consumer.partitions_for_topic(topic) or set()
        return sum(consumer.committed(TopicPartition(topic, p)) or 0 for p in parts)
    finally:
        consumer.close()


def test_a_service_failing_everything_stops_with_status_3(kafka_bootstrap: str, tmp_path: Path) -> None:
    prefix = f"fr-{uuid.uuid4().hex[:8]}."
    settings = Settings(kafka_bootstrap=kafka_bootstrap, topic_prefix=prefix, partitions=1)
    create_topics(settings)
    raw_topic = TopicNames.of(settings).name(Topic.RAW)

    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    for i in range(SENT):
        producer.send(raw_topic, key=f"garbage-{i}".encode(), value=b"\xff\xfe not a protobuf %d" % i)
    producer.flush()
    producer.close()

    env = {
        **os.environ,
        "KHABAR_KAFKA_BOOTSTRAP": kafka_bootstrap,
        "KHABAR_TOPIC_PREFIX": prefix,
        "KHABAR_PARTITIONS": "1",
        "KHABAR_METRICS_PORT": str(free_port()),
        "KHABAR_DLQ_RATIO_LIMIT": str(LIMIT),
        "KHABAR_DLQ_WINDOW": str(WINDOW),
    }
    log_path = tmp_path / "cleaner.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "khabar.shell.cli", "run", "cleaner"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            status = proc.wait(timeout=EXIT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
            pytest.fail("the cleaner did not stop:\n" + log_path.read_text(errors="replace")[-3000:])
    log_text = log_path.read_text(errors="replace")
    assert status == EXIT_TOO_MANY_FAILURES, log_text[-3000:]
    assert "too many dead letters" in log_text

    # Every record it took is in the dead-letter topic and committed; nothing else was taken.
    deadline = time.monotonic() + 30
    while end_offset(kafka_bootstrap, dlq_of(raw_topic)) < EXPECTED_LETTERS and time.monotonic() < deadline:
        time.sleep(1)
    assert end_offset(kafka_bootstrap, dlq_of(raw_topic)) == EXPECTED_LETTERS
    assert committed(kafka_bootstrap, f"{prefix}khabar-cleaner", raw_topic) == EXPECTED_LETTERS
    assert end_offset(kafka_bootstrap, raw_topic) == SENT  # the rest waits for a fixed deployment
