"""World regions named by a compass point and a continent ("شمال إفريقيا", "جنوب شرق آسيا"):
one place, not a direction plus a continent. News coverage reads them as regions (the sample gold
does), while ANERcorp tags the continent alone; README, "Tagging", notes the difference."""

from __future__ import annotations

from functools import cache

from khabar.core.text.normalize import norm

_POINTS = (
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمال شرق",
    "شمال غرب",
    "جنوب شرق",
    "جنوب غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
)
_CONTINENTS = ("إفريقيا", "أفريقيا", "آسيا", "أوروبا", "أوربا", "آسيا الوسطى")


@cache
def region_names() -> frozenset[str]:
    """Normalized region names (a country named the same way, جنوب أفريقيا, is the country's)."""
    return frozenset(norm(f"{p} {c}") for p in _POINTS for c in _CONTINENTS)
