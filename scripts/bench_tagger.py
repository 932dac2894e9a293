"""Tagging speed in articles per second on one core, on 3-5 KB articles.

    python scripts/bench_tagger.py [--seconds 5] [--no-model]

Articles are the sample seeds in ../shared/seeds (each cut or repeated to 3-5 KB of text); without
../shared a built-in Arabic news paragraph is repeated instead. The first call (loading gazetteers
and the model) is timed separately as the warm-up.
"""

from __future__ import annotations

import argparse
import time
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


def articles() -> list[Article]:
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.exists() else [_FALLBACK]
    out = []
    for i, t in enumerate(texts):
        body = t
        while len(body.encode()) < 3000:
            body += "\n" + t
        body = body.encode()[:5000].decode("utf-8", "ignore")
        out.append(Article(id=f"bench-{i}", title=t.splitlines()[0][:120], body=body))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--no-model", action="store_true", help="gazetteers and rules only")
    args = ap.parse_args()
    tagging.USE_MODEL = not args.no_model
    arts = articles()
    t0 = time.perf_counter()
    tagging.tag(arts[0])
    warm = time.perf_counter() - t0
    n = 0
    chars = 0
    ents = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < args.seconds:
        a = arts[n % len(arts)]
        ents += len(tagging.tag(a).entities)
        chars += len(a.body.encode())
        n += 1
    dt = time.perf_counter() - t0
    print(f"model: {'off' if args.no_model else 'on' if tagging._model() else 'absent'}")
    print(f"warm-up (load) s: {warm:.2f}")
    print(f"articles: {n}  mean size KB: {chars / n / 1000:.1f}  entities/article: {ents / n:.1f}")
    print(f"articles/s (one core): {n / dt:.1f}")
    print(f"ms/article: {1000 * dt / n:.2f}")


if __name__ == "__main__":
    main()
