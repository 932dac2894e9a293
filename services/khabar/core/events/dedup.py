"""Cross-article deduplication: the same real-world event reported by several outlets (or replayed)
becomes one event carrying every article id and a mention count.

Pure logic over a caller-supplied store (a faust Table in the emitter service, a dict in tests and
`khabar process`): every value written is JSON-able (str, int, float, list, dict, None), and every
update re-assigns its key so a changelog-backed table records it. A new Deduplicator over the same
store continues where the old one stopped (restart, partition move).

Semantics for consumers: observe() returns the merged event; the emitter publishes it again under
the same id with the higher mention_count and the union of article_ids. Consumers upsert by id; an
update never changes an id once published.

Two events are one when
- their ids are equal (same type, participants, date and place), or
- type and participants agree, neither date nor place contradicts the other (equal or one side
  unknown), and either both dates are known (hence equal) or the articles' MinHash fingerprints
  are similar (estimated Jaccard >= `similarity`, default 0.3).

Stories: articles whose fingerprints reach `story_similarity` (0.5) share a story id, found through
LSH banding of the signature so lookups stay constant-time.

Bounded state: entries live in day buckets keyed by the event's date (day precision), or, without
one, by the watermark (the newest plausible date seen). When the watermark moves past a bucket by
more than `window` (default 7 days) the bucket's entries are deleted. A date more than `window`
ahead of the watermark (an announced meeting, a mis-parsed year) neither moves the watermark nor
gets its own bucket; 20 such dates in a row do move it (the stream resumed after an outage).
Replays of events older than the window are treated as new.
"""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping, Sequence
from datetime import timedelta
from typing import Any

from khabar.core.events.ids import signature
from khabar.core.models import DatePrecision, Event
from khabar.core.text.normalize import norm

__all__ = ["Deduplicator", "estimated_jaccard"]

_BAND_ROWS = 4
# Consecutive far-future dates after which the watermark jumps: the stream resumed after an outage.
_CATCH_UP = 20


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of equal positions of two MinHash signatures (0.0 when unusable)."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def _participant_keys(event: Event) -> list[str]:
    keys = []
    for actor in (*event.actors, *event.recipients):
        if actor.type == "COUNTRY" and actor.country:
            keys.append(f"ctry:{actor.country}")
        elif actor.canonical_id:
            keys.append(actor.canonical_id)
        else:
            # The family name is what two outlets spell alike ("أليكساندر كينتشاك" / "ألكساندر كينتشاك").
            words = norm(actor.name).split()
            keys.append(f"{actor.type}:{words[-1] if actor.type == 'PERSON' and words else ' '.join(words)}")
    return keys


def _place_key(event: Event) -> str | None:
    loc = event.location
    if loc is None:
        return None
    return f"gn:{loc.geonames_id}" if loc.geonames_id else f"loc:{norm(loc.name)}"


class Deduplicator:
    def __init__(
        self,
        store: MutableMapping[str, Any],
        window: timedelta = timedelta(days=7),
        *,
        similarity: float = 0.3,
        story_similarity: float = 0.5,
    ) -> None:
        self.store = store
        self.window_days = max(1, window.days)
        self.similarity = similarity
        self.story_similarity = story_similarity

    # -- time and eviction -------------------------------------------------------------------

    def _watermark(self) -> int | None:
        value = self.store.get("meta:watermark")
        return int(value) if value is not None else None

    def _clock(self, event: Event) -> int:
        """The day bucket of this observation, moving the watermark forward when the event's date
        says time has passed. A far-future date (an announced meeting, a mis-parsed year) does not
        move it; only a run of such dates does (the stream resuming after a long outage)."""
        mark = self._watermark()
        coarse = event.date_precision in (DatePrecision.MONTH, DatePrecision.YEAR)
        when = event.date.toordinal() if event.date and not coarse else None
        if when is None:
            return mark if mark is not None else 0  # 0: before any dated event, re-bucketed below
        if mark is None or when <= mark + self.window_days:
            if self.store.get("meta:ahead"):
                self.store["meta:ahead"] = 0
            self._advance(when)
            return when
        ahead = int(self.store.get("meta:ahead", 0)) + 1
        if ahead >= _CATCH_UP:
            self.store["meta:ahead"] = 0
            self._advance(when)
            return when
        self.store["meta:ahead"] = ahead
        return mark

    def _remember(self, day: int, key: str) -> None:
        bucket = f"day:{day}"
        keys = list(self.store.get(bucket, []))
        if key not in keys:
            keys.append(key)
            self.store[bucket] = keys
        days = list(self.store.get("meta:days", []))
        if day not in days:
            self.store["meta:days"] = sorted([*days, day])

    def _advance(self, day: int) -> None:
        mark = self._watermark()
        if mark is not None and day <= mark:
            return
        self.store["meta:watermark"] = day
        if mark is None:
            # Undated events seen before the first date join the first dated day.
            for key in self.store.pop("day:0", []):
                self._remember(day, key)
        cutoff = day - self.window_days
        days = list(self.store.get("meta:days", []))
        for d in [d for d in days if d < cutoff]:
            for key in self.store.get(f"day:{d}", []):
                self._forget(key)
            self.store.pop(f"day:{d}", None)
        kept = [d for d in days if d >= cutoff]
        if kept != days:
            self.store["meta:days"] = kept

    def _forget(self, key: str) -> None:
        entry = self.store.pop(key, None)
        if key.startswith("e:") and isinstance(entry, dict):
            sig_key = f"s:{entry['sig']}"
            ids = [i for i in self.store.get(sig_key, []) if i != key[2:]]
            if ids:
                self.store[sig_key] = ids
            else:
                self.store.pop(sig_key, None)
        if key.startswith("st:") and isinstance(entry, dict):
            for band in self._bands(entry.get("fp", [])):
                members = [s for s in self.store.get(band, []) if s != key[3:]]
                if members:
                    self.store[band] = members
                else:
                    self.store.pop(band, None)

    # -- stories -----------------------------------------------------------------------------

    @staticmethod
    def _bands(fp: Sequence[int]) -> list[str]:
        out = []
        for b in range(len(fp) // _BAND_ROWS):
            chunk = ",".join(str(v) for v in fp[b * _BAND_ROWS : (b + 1) * _BAND_ROWS])
            out.append(f"b:{b}:{hashlib.sha1(chunk.encode()).hexdigest()[:16]}")
        return out

    def _story(self, fp: Sequence[int] | None, day: int) -> str | None:
        if not fp:
            return None
        fp = list(fp)
        candidates: list[str] = []
        for band in self._bands(fp):
            candidates.extend(s for s in self.store.get(band, []) if s not in candidates)
        for sid in candidates:
            entry = self.store.get(f"st:{sid}")
            if isinstance(entry, dict) and estimated_jaccard(fp, entry["fp"]) >= self.story_similarity:
                return sid
        sid = hashlib.sha256(",".join(map(str, fp)).encode()).hexdigest()[:16]
        self.store[f"st:{sid}"] = {"fp": fp, "day": day}
        for band in self._bands(fp):
            members = list(self.store.get(band, []))
            members.append(sid)
            self.store[band] = members
        self._remember(day, f"st:{sid}")
        return sid

    # -- events ------------------------------------------------------------------------------

    def _compatible(self, entry: dict[str, Any], event: Event, fp: Sequence[int] | None) -> bool:
        date = event.date.isoformat() if event.date else None
        if entry["date"] and date and entry["date"] != date:
            return False
        place = _place_key(event)
        if entry["place"] and place and entry["place"] != place:
            return False
        if entry["date"] and date:
            return True
        if not fp:
            return False
        return estimated_jaccard(list(fp), entry.get("fp") or []) >= self.similarity

    def observe(self, event: Event, fingerprint: Sequence[int] | None = None) -> Event:
        """Record `event` (coded from one article) and return the merged event to publish."""
        day = self._clock(event)
        story = self._story(fingerprint, day)
        sig = signature(event.type, _participant_keys(event))
        canonical = self.store.get(f"a:{event.id}") or event.id
        entry = self.store.get(f"e:{canonical}")
        if not isinstance(entry, dict):
            entry = None
            for cid in self.store.get(f"s:{sig}", []):
                cand = self.store.get(f"e:{cid}")
                if isinstance(cand, dict) and self._compatible(cand, event, fingerprint):
                    entry, canonical = cand, cid
                    break
        if entry is None:
            merged = event.model_copy(
                update={"story_id": story or event.story_id, "mention_count": len(event.article_ids) or 1}
            )
            self._save(merged, sig, fingerprint, day)
            return merged
        stored = Event.model_validate(entry["event"])
        article_ids = list(dict.fromkeys([*stored.article_ids, *event.article_ids]))
        merged = stored.model_copy(
            update={
                "article_ids": article_ids,
                "mention_count": max(len(article_ids), stored.mention_count),
                "confidence": max(stored.confidence, event.confidence),
                "date": stored.date or event.date,
                "date_precision": stored.date_precision if stored.date else event.date_precision,
                "location": stored.location or event.location,
                "mode": stored.mode or event.mode,
                "story_id": stored.story_id or story or event.story_id,
            }
        )
        if event.id != canonical:
            self.store[f"a:{event.id}"] = canonical
            self._remember(day, f"a:{event.id}")
        self._save(merged, sig, entry.get("fp") or fingerprint, int(entry.get("day") or day))
        return merged

    def _save(self, event: Event, sig: str, fp: Sequence[int] | None, day: int) -> None:
        key = f"e:{event.id}"
        is_new = key not in self.store
        self.store[key] = {
            "event": event.model_dump(mode="json"),
            "sig": sig,
            "date": event.date.isoformat() if event.date else None,
            "place": _place_key(event),
            "fp": list(fp) if fp else None,
            "day": day,
        }
        if is_new:
            ids = list(self.store.get(f"s:{sig}", []))
            ids.append(event.id)
            self.store[f"s:{sig}"] = ids
            self._remember(day, key)
