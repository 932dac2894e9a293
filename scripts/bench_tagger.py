"""Tagging speed in articles per second on one core, on 3-5 KB articles.

    python scripts/bench_tagger.py [--seconds 5] [--no-model] [--jsonl FILE] [--profile]

Articles are the sample seeds in ../shared/seeds (each cut or repeated to 3-5 KB of text); without
../shared a built-in Arabic news paragraph is repeated instead. The first call (loading gazetteers
and the model) is timed separately as the warm-up.

The seeds are five articles tagged over and over, so the tagger's per-word caches are warm after
the first round. --jsonl FILE (one {"title", "body"} object per line, e.g. ANERcorp dev written by
../shared/tools/conll_eval.py to-jsonl) times distinct articles instead, each seen once: the cold-
cache figure. --profile prints where the time goes (cProfile, by module and by function; the
profiler inflates Python code against C, so the shares are indicative).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from collections import Counter
from pathlib import Path

import khabar.core.tagging as tagging
from khabar.core.models import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / ".." / "shared" / "seeds"
_FALLBACK = (
    "التقى رئيس المجلس الرئاسي الليبي محمد المنفي، اليوم الثلاثاء في العاصمة طرابلس، سفير روسيا "
    "لدى ليبيا حيدر أغانين، وبحث معه تطورات العلاقات الثنائية بين البلدين. وقال نائب وزير "
    "الخارجية الروسي ميخائيل بوغدانوف إن موسكو تدعم الحوار الليبي برعاية الأمم المتحدة، فيما أكد "
    "الرئيس التركي رجب طيب أردوغان في اتصال مع الرئيس فلاديمير بوتين الخميس الماضي أهمية التهدئة.\n"
)


def articles(texts: list[str] | None = None) -> list[Article]:
    if texts is None:
        texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.exists() else [_FALLBACK]
    out = []
    for i, t in enumerate(texts):
        body = t
        while len(body.encode()) < 3000:
            body += "\n" + t
        body = body.encode()[:5000].decode("utf-8", "ignore")
        out.append(Article(id=f"bench-{i}", title=t.splitlines()[0][:120] if t else "", body=body))
    return out


def _by_module(prof: cProfile.Profile) -> None:
    by: Counter[str] = Counter()
    for (fn, _, _), (_, _, tt, _, _) in pstats.Stats(prof).stats.items():  # type: ignore[attr-defined]
        if "/khabar/" in fn:
            key = fn.split("/khabar/")[1]
        elif fn == "~":
            key = "builtins (str, dict, re ...)"
        else:
            key = "other: " + Path(fn).name
        by[key] += tt
    total = sum(by.values())
    print("profile (own time by module; crf.py holds the CRF's Viterbi and forward-backward):")
    for key, t in by.most_common(15):
        print(f"  {100 * t / total:5.1f}%  {key}")


def _by_function(prof: cProfile.Profile, top: int = 25) -> None:
    rows = []
    for (fn, line, name), (_, calls, tt, ct, _) in pstats.Stats(prof).stats.items():  # type: ignore[attr-defined]
        where = fn.split("/khabar/")[1] if "/khabar/" in fn else Path(fn).name if fn != "~" else ""
        rows.append((tt, ct, calls, f"{where}:{line} {name}" if where else name))
    total = sum(r[0] for r in rows)
    print("profile (own and cumulative time by function):")
    for tt, ct, calls, key in sorted(rows, reverse=True)[:top]:
        print(f"  {100 * tt / total:5.1f}% own {100 * ct / total:6.1f}% cum {calls:8d} calls  {key}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--no-model", action="store_true", help="gazetteers and rules only")
    ap.add_argument("--jsonl", type=Path, help="distinct articles to time once each (cold caches)")
    ap.add_argument("--profile", action="store_true", help="print where the time goes")
    args = ap.parse_args()
    tagging.USE_MODEL = not args.no_model
    if args.jsonl:
        lines = args.jsonl.read_text("utf-8").splitlines()
        docs = [json.loads(line) for line in lines if line.strip()]
        arts = articles([(d.get("title") or "") + "\n" + d.get("body", "") for d in docs])
    else:
        arts = articles()
    t0 = time.perf_counter()
    tagging.tag(arts[0])
    warm = time.perf_counter() - t0
    n = 0
    chars = 0
    ents = 0
    prof = cProfile.Profile() if args.profile else None
    if prof:
        prof.enable()
    # With --jsonl each article after the warm-up one is timed once; else the seeds round and round.
    once = arts[1:] if args.jsonl else None
    t0, c0 = time.perf_counter(), time.process_time()
    while n < len(once) if once is not None else time.perf_counter() - t0 < args.seconds:
        a = once[n] if once is not None else arts[n % len(arts)]
        ents += len(tagging.tag(a).entities)
        chars += len(a.body.encode())
        n += 1
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    if prof:
        prof.disable()
    print(f"model: {'off' if args.no_model else 'on' if tagging._model() else 'absent'}")
    print(f"warm-up (load) s: {warm:.2f}")
    print(f"articles: {n}  mean size KB: {chars / n / 1000:.1f}  entities/article: {ents / n:.1f}")
    print(f"articles/s (one core): {n / dt:.1f}")
    print(f"ms/article: {1000 * dt / n:.2f}")
    # CPU time as well: on a shared machine wall time also counts other processes' turns.
    print(f"cpu ms/article: {1000 * cpu / n:.2f}")
    if prof:
        _by_module(prof)
        _by_function(prof)


if __name__ == "__main__":
    main()
