"""Topic administration (kafka-python admin client): create the pipeline's topics, describe them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kafka.admin import KafkaAdminClient

from khabar.shell.settings import Settings
from khabar.shell.topics import TopicNames

__all__ = ["InternalTopic", "create_topics", "describe_topics", "ensure_internal_topics", "topic_configs"]


def topic_configs(settings: Settings) -> dict[str, str]:
    return {"retention.ms": str(settings.retention_ms), "max.message.bytes": str(settings.max_message_bytes)}


def _admin(settings: Settings) -> Any:
    return KafkaAdminClient(client_id="khabar-admin", **settings.kafka_python_config())


def create_topics(settings: Settings, names: list[str] | None = None) -> tuple[list[str], list[str]]:
    """Create the missing topics (all of the pipeline's by default) with the configured partitions,
    replication and retention. Returns (created, already present)."""
    wanted = names or TopicNames.of(settings).all()
    admin = _admin(settings)
    try:
        existing = set(admin.list_topics())
        missing = [name for name in wanted if name not in existing]
        if missing:
            admin.create_topics(
                {
                    name: {
                        "num_partitions": settings.partitions,
                        "replication_factor": settings.replication_factor,
                        "configs": topic_configs(settings),
                    }
                    for name in missing
                },
                wait_for_metadata=True,
            )
        return missing, [name for name in wanted if name in existing]
    finally:
        admin.close()


def describe_topics(settings: Settings, names: list[str] | None = None) -> list[dict[str, Any]]:
    """Partitions, replication factor and retention of each topic; missing topics say so."""
    wanted = names or TopicNames.of(settings).all()
    admin = _admin(settings)
    try:
        existing = set(admin.list_topics())
        present = [name for name in wanted if name in existing]
        described = {t["name"]: t for t in admin.describe_topics(present)} if present else {}
        out: list[dict[str, Any]] = []
        for name in wanted:
            topic = described.get(name)
            if topic is None:
                out.append({"topic": name, "exists": False})
                continue
            partitions = topic.get("partitions") or []
            replicas = {len(p.get("replica_nodes") or p.get("replicas") or []) for p in partitions}
            out.append(
                {
                    "topic": name,
                    "exists": True,
                    "partitions": len(partitions),
                    "replication_factor": max(replicas) if replicas else None,
                    "configs": _configs(admin, name),
                }
            )
        return out
    finally:
        admin.close()


def _configs(admin: Any, name: str) -> dict[str, str] | None:
    from kafka.admin import ConfigResource, ConfigResourceType

    try:
        result = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, name)])
    except Exception:  # some Kafka-compatible brokers do not implement DescribeConfigs
        return None
    found: dict[str, str] = {}
    for resources in (result or {}).values():
        for values in resources.values() if isinstance(resources, dict) else []:
            for key, data in (values or {}).items():
                if key in ("retention.ms", "max.message.bytes"):
                    found[key] = str(data.get("value") if isinstance(data, dict) else data)
    return found


@dataclass(frozen=True)
class InternalTopic:
    """A topic a faust app needs for itself (assignor leader topic, table changelog)."""

    name: str
    partitions: int
    configs: dict[str, str] = field(default_factory=dict)


def ensure_internal_topics(settings: Settings, topics: list[InternalTopic]) -> list[str]:
    """Create the missing ones; returns those created. faust cannot declare topics itself with the
    installed aiokafka (its admin path uses kafka-python request classes aiokafka no longer accepts),
    so the service shell does it through kafka-python before the app starts."""
    admin = _admin(settings)
    try:
        existing = set(admin.list_topics())
        missing = [t for t in topics if t.name not in existing]
        if missing:
            admin.create_topics(
                {
                    t.name: {
                        "num_partitions": t.partitions,
                        "replication_factor": settings.replication_factor,
                        "configs": t.configs,
                    }
                    for t in missing
                },
                wait_for_metadata=True,
            )
        return [t.name for t in missing]
    finally:
        admin.close()
