"""Topic names, in one place. Every name carries the configurable prefix (KHABAR_TOPIC_PREFIX)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from khabar.shell.settings import Settings

__all__ = ["DLQ_SUFFIX", "Topic", "TopicNames", "dlq_of"]

DLQ_SUFFIX = ".dlq"


class Topic(StrEnum):
    RAW = "khabar.articles.raw.v1"
    CLEAN = "khabar.articles.clean.v1"
    TAGGED = "khabar.articles.tagged.v1"
    EVENTS = "khabar.events.v1"


def dlq_of(topic: str) -> str:
    """The dead-letter topic of the service consuming `topic`."""
    return topic + DLQ_SUFFIX


@dataclass(frozen=True)
class TopicNames:
    prefix: str = ""

    @classmethod
    def of(cls, settings: Settings) -> TopicNames:
        return cls(settings.topic_prefix)

    def name(self, topic: Topic) -> str:
        return self.prefix + topic.value

    def base(self, name: str) -> Topic | None:
        """Which khabar topic a full name is (dead-letter topics excluded), or None."""
        if not name.startswith(self.prefix):
            return None
        try:
            return Topic(name[len(self.prefix) :])
        except ValueError:
            return None

    def all(self) -> list[str]:
        """Every topic the pipeline uses: the four data topics and one DLQ per consumed topic."""
        data = [self.name(t) for t in Topic]
        consumed = [self.name(t) for t in (Topic.RAW, Topic.CLEAN, Topic.TAGGED)]
        return data + [dlq_of(t) for t in consumed]
