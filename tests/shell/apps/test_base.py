from __future__ import annotations

from typing import Any

import faust
import faust.tables
import pytest
from faust.exceptions import ConsumerNotStarted

from khabar.shell.apps.base import TableManager


class _SlowConsumer:
    """A consumer whose thread needs a few polls to create its Kafka consumer."""

    def __init__(self, polls: int) -> None:
        self.polls = polls

    def assignment(self) -> set[Any]:
        if self.polls > 0:
            self.polls -= 1
            raise ConsumerNotStarted("Consumer thread not yet started")
        return set()


def test_the_table_manager_waits_for_the_consumer_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    app = faust.App("khabar-test-tables", broker="kafka://127.0.0.1:9", TableManager=TableManager)
    consumer = _SlowConsumer(polls=3)
    monkeypatch.setattr(type(app), "consumer", property(lambda self: consumer))
    seen: list[int] = []

    async def upstream_on_start(self: faust.tables.TableManager) -> None:
        seen.append(consumer.polls)  # faust's own start reads the assignment right away

    monkeypatch.setattr(faust.tables.TableManager, "on_start", upstream_on_start)
    manager = app.tables
    assert isinstance(manager, TableManager)
    manager.loop.run_until_complete(manager.on_start())
    assert seen == [0]
