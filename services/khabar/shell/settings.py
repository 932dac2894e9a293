"""Service settings, read once from the environment (prefix KHABAR_), in one place.

Every shell module takes a Settings instead of reading os.environ, so a test or `khabar up` can
configure a whole service by environment variables alone.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["MissingBootstrap", "SecurityProtocol", "Settings", "WireFormat"]


class MissingBootstrap(ValueError):
    """A broker is needed and none is configured."""


class WireFormat(StrEnum):
    PROTOBUF = "protobuf"
    JSON = "json"  # canonical proto3 JSON mapping, for debugging


class SecurityProtocol(StrEnum):
    PLAINTEXT = "PLAINTEXT"
    SSL = "SSL"
    SASL_PLAINTEXT = "SASL_PLAINTEXT"
    SASL_SSL = "SASL_SSL"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KHABAR_", extra="ignore", frozen=True)

    # None means "no broker configured": `khabar up` then starts its embedded one.
    kafka_bootstrap: str | None = None
    security_protocol: SecurityProtocol = SecurityProtocol.PLAINTEXT
    sasl_mechanism: str | None = None  # PLAIN | SCRAM-SHA-256 | SCRAM-SHA-512
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None

    topic_prefix: str = ""
    partitions: int = Field(default=3, ge=1)
    replication_factor: int = Field(default=1, ge=1)
    retention_ms: int = Field(default=7 * 24 * 3600 * 1000, ge=-1)  # -1: keep forever
    max_message_bytes: int = Field(default=4 * 1024 * 1024, ge=1024)
    # Larger raw article bodies are dead-lettered as too_large rather than cleaned.
    max_article_bytes: int = Field(default=2_000_000, ge=1024)
    wire_format: WireFormat = WireFormat.PROTOBUF

    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(default=9400, ge=0, le=65535)  # 0: pick a free port

    # A service stops when more than dlq_ratio_limit of its last dlq_window messages failed:
    # a broken deployment should halt, not drain its input into the dead-letter topic.
    dlq_ratio_limit: float = Field(default=0.5, gt=0.0, le=1.0)
    dlq_window: int = Field(default=20, ge=1)

    # Cross-article event deduplication window (emitter and `khabar process`).
    dedup_window_hours: float = Field(default=72.0, gt=0)

    log_level: str = "INFO"

    @property
    def bootstrap(self) -> str:
        """The configured bootstrap servers; raises when none is set."""
        if not self.kafka_bootstrap:
            raise MissingBootstrap("no Kafka bootstrap server configured: set KHABAR_KAFKA_BOOTSTRAP")
        return self.kafka_bootstrap

    @property
    def dedup_window(self) -> timedelta:
        return timedelta(hours=self.dedup_window_hours)

    def kafka_python_config(self) -> dict[str, object]:
        """Connection options for kafka-python clients (producer, consumer, admin)."""
        config: dict[str, object] = {
            "bootstrap_servers": self.bootstrap.split(","),
            "security_protocol": self.security_protocol.value,
        }
        if self.sasl_mechanism:
            config["sasl_mechanism"] = self.sasl_mechanism
            config["sasl_plain_username"] = self.sasl_username
            config["sasl_plain_password"] = (
                self.sasl_password.get_secret_value() if self.sasl_password else None
            )
        for option in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
            value = getattr(self, option)
            if value:
                config[option] = value
        return config
