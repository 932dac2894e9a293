"""`khabar process` output shape, as ../shared/tools/score.py and conll_eval.py read it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.core.models import Event, RawArticle, TaggedArticle
from khabar.shell import offline
from khabar.shell.inputs import SourcedArticle
from khabar.shell.offline import process, result_json

STORY = """قال وزير الخارجية المصري اليوم الاثنين إن بلاده تدعم جهود التهدئة في المنطقة.
وأضاف الوزير خلال مؤتمر صحفي في القاهرة مع نظيره الأردني أن الحوار هو السبيل الوحيد لحل الأزمة.
وأكد الوزير الأردني أن بلاده ستواصل التنسيق مع مصر في جميع الملفات الإقليمية."""
OTHER = STORY.replace("المصري", "التونسي").replace("القاهرة", "تونس").replace("مصر", "تونس")

ARTICLE_KEYS = {"article_id", "relation", "title", "published_at", "source_name", "body", "entities"}


def sourced(label: str, body: bytes) -> SourcedArticle:
    return SourcedArticle(label, RawArticle(id=label, body=body))


def test_each_input_gives_one_line_with_articles_and_events() -> None:
    results = process([sourced("a.txt", STORY.encode()), sourced("b.txt", OTHER.encode())])
    lines = [result_json(r) for r in results]
    assert [line["input"] for line in lines] == ["a.txt", "b.txt"]
    for line in lines:
        assert set(line) == {"input", "articles", "events"}
        assert line["articles"], "every readable input yields at least its main article"
        for article in line["articles"]:
            assert set(article) >= ARTICLE_KEYS
            assert article["article_id"] == article["id"]
            for entity in article["entities"]:
                assert {"text", "type", "canonical"} <= set(entity)
        json.dumps(line, ensure_ascii=False)  # JSON-ready


def test_a_rejected_input_reports_an_error_and_the_rest_continue() -> None:
    results = process([sourced("bad", b"\xff\xfe\x00\xd8"), sourced("good", STORY.encode())])
    bad, good = (result_json(r) for r in results)
    assert bad["error"] and bad["articles"] == [] and bad["events"] == []
    assert "error" not in good and good["articles"]


def test_entities_carry_canonical_names() -> None:
    from khabar.core.models import Entity, EntityType

    article = TaggedArticle(
        id="x", body="ب", entities=[Entity(type=EntityType.LOC, text="ب", start=0, end=1, canonical_name="B")]
    )
    data = offline.article_json(article)
    assert data["entities"][0]["canonical"] == "B" and data["article_id"] == "x"


class MergeAll:
    def __init__(self) -> None:
        self.events: dict[str, Event] = {}

    def observe(self, event: Event, fingerprint: list[int] | None = None) -> Event:
        old = self.events.get(event.id)
        if old is not None:
            event = old.model_copy(
                update={
                    "mention_count": old.mention_count + 1,
                    "article_ids": old.article_ids + event.article_ids,
                }
            )
        self.events[event.id] = event
        return event


def test_a_merged_event_appears_under_every_input_with_its_final_state(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        offline, "emit_stage", lambda t: [Event(id="same", type="CONSULT", article_ids=[t.id])]
    )
    results = process(
        [sourced("a", STORY.encode()), sourced("b", OTHER.encode()), sourced("c", STORY.encode())],
        merger=MergeAll(),
    )
    events = [r.events for r in results]
    assert all(len(e) == 1 and e[0].id == "same" for e in events)
    assert all(e[0].mention_count == 3 and e[0].article_ids == ["a", "b", "c"] for e in events)


def test_the_cli_prints_json_lines_and_fails_when_an_input_fails(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "in.jsonl").write_text(
        json.dumps({"id": "rec-1", "title": "عنوان", "body": OTHER, "source_name": "وكالة"}) + "\n",
        encoding="utf-8",
    )
    ok = subprocess.run(
        [sys.executable, "-m", "khabar.shell.cli", "process", "--format", "jsonl", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    lines = [json.loads(x) for x in ok.stdout.splitlines()]
    assert {line["input"] for line in lines} == {str(tmp_path / "good.txt"), "rec-1"}
    record = next(line for line in lines if line["input"] == "rec-1")
    assert record["articles"][0]["title"] == "عنوان"
    assert record["articles"][0]["source_name"] == "وكالة"

    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8")
    failed = subprocess.run(
        [sys.executable, "-m", "khabar.shell.cli", "process", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert failed.returncode == 1
    assert len(failed.stdout.splitlines()) == 3  # the bad input is reported, the others still printed
    assert any("error" in json.loads(x) for x in failed.stdout.splitlines())


def test_an_unreadable_input_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    run = subprocess.run(
        [sys.executable, "-m", "khabar.shell.cli", "process", str(missing)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode != 0 and "missing.txt" in run.stderr


SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
# Whole tagger through `khabar process` on ANERcorp dev: measured 0.826 (README, "Tagging").
DEV_F1_FLOOR = 0.81


@pytest.mark.shared
@pytest.mark.skipif(
    not (SHARED / "data" / "anercorp" / "dev.conll").exists(), reason="needs ../shared (ANERcorp dev)"
)
def test_the_whole_tagger_scores_above_its_dev_floor_through_khabar_process(tmp_path: Path) -> None:
    tools, dev = SHARED / "tools" / "conll_eval.py", SHARED / "data" / "anercorp" / "dev.conll"
    inp, out = tmp_path / "dev.jsonl", tmp_path / "dev.out.jsonl"
    py = sys.executable
    made = subprocess.run([py, str(tools), "to-jsonl", str(dev)], capture_output=True, text=True, check=True)
    inp.write_text(made.stdout, encoding="utf-8")
    with out.open("w", encoding="utf-8") as sink:
        subprocess.run(
            [py, "-m", "khabar.shell.cli", "process", "--format", "jsonl", str(inp)], stdout=sink, check=True
        )
    score = subprocess.run([py, str(tools), "score", str(dev), str(out)], capture_output=True, text=True)
    f1 = float(score.stdout.rsplit("conll_f1=", 1)[1])
    assert f1 >= DEV_F1_FLOOR, score.stdout
