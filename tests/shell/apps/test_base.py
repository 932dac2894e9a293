from __future__ import annotations

import faust
import faust.tables
import pytest
from faust.exceptions import ConsumerNotStarted

from khabar.shell.apps import base
from khabar.shell.apps.base import STALLED, TableManager


def test_the_table_manager_retries_until_the_consumer_thread_has_its_consumer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = faust.App("khabar-test-tables", broker="kafka://127.0.0.1:9", TableManager=TableManager)
    calls: list[int] = []

    async def upstream_update_channels(self: faust.tables.TableManager) -> None:
        calls.append(1)
        if len(calls) < 3:  # faust reads the assignment before the thread made its consumer
            raise ConsumerNotStarted("Consumer thread not yet started")

    monkeypatch.setattr(faust.tables.TableManager, "_update_channels", upstream_update_channels)
    manager = app.tables
    assert isinstance(manager, TableManager)
    manager.loop.run_until_complete(manager._update_channels())
    assert len(calls) == 3


def test_a_consumer_thread_that_never_starts_marks_the_app_stalled(monkeypatch: pytest.MonkeyPatch) -> None:
    app = faust.App("khabar-test-stalled", broker="kafka://127.0.0.1:9", TableManager=TableManager)

    async def never(self: faust.tables.TableManager) -> None:
        raise ConsumerNotStarted("Consumer thread not yet started")

    monkeypatch.setattr(faust.tables.TableManager, "_update_channels", never)
    monkeypatch.setattr(base, "_CONSUMER_START_S", 0.3)
    manager = app.tables
    with pytest.raises(ConsumerNotStarted):
        manager.loop.run_until_complete(manager._update_channels())
    assert getattr(app, STALLED) is True
