"""Disclosure control for viewers who see aggregates only (funders, and every funder export).

The rule (docs/disclosure.md): a count of 1–4 is published as "<5" and drawn as no bar; every
other count is published rounded (half up) to a multiple of ``ROUNDING_BASE`` (10), and 0 stays 0.
Totals, subtotals, cumulative values, rates and chart heights are all published this way, each
rounded from its exact value. Because no published number is exact (other than 0), a masked
count cannot be worked back out from totals, period differences or chart geometry: the attacker
test (tests/test_disclosure_attack.py) tries, and recovers none. Viewers who see exact numbers
(``mask=False``) get the exact values.
"""

from __future__ import annotations

import math
from typing import Final

import pandas as pd

from core.i18n import Lang, fmt_number

SMALL_COUNT: Final = 5
MASK: Final = "<5"
# Published counts are multiples of this. 1 switches rounding off (primary "<5" masking only):
# the attacker test uses that to show the rounding is what protects the masked cells.
ROUNDING_BASE: int = 10
# Totals of 1–4 over several parts are left out (see fmt_total); False shows them as "<5".
HIDE_SMALL_TOTALS: bool = True


def is_small(count: float | int | None) -> bool:
    return count is not None and count == count and 0 < count < SMALL_COUNT


def rounded(count: float | int) -> float:
    """A count rounded to the publishing base (halves up), never below the masking threshold."""
    base = ROUNDING_BASE
    if base <= 1:
        return float(count)
    value = math.floor(float(count) / base + 0.5) * base
    return float(max(value, SMALL_COUNT)) if count >= SMALL_COUNT else float(value)


def published(count: float | int | None, *, mask: bool) -> float | None:
    """The number a viewer may see: exact without ``mask``; with it None for 1–4 (shown as
    "<5", drawn as nothing), 0 for 0, else rounded. Missing stays missing."""
    if count is None or count != count:
        return None
    if not mask:
        return float(count)
    if is_small(count):
        return None
    return rounded(count) if count > 0 else float(count)


def published_series(counts: pd.Series, *, mask: bool) -> pd.Series:
    """Chart values: :func:`published` for every count (masked ones missing)."""
    if not mask:
        return counts
    return counts.map(lambda v: published(v, mask=True)).astype(float)


def fmt_count(count: float | int | None, lang: Lang, *, mask: bool) -> str:
    """A count for display; with ``mask`` 1–4 become "<5" and others are rounded."""
    if mask and is_small(count):
        return MASK
    if mask and count is not None and count == count:
        return fmt_number(published(count, mask=True), lang)
    return fmt_number(count, lang)


def fmt_change(change: float | int, lang: Lang, *, mask: bool) -> str:
    """A change between two counts with its sign ("+12", "−3", "0"); with ``mask`` it is
    published like a count: "+<5" / "−<5" for 1–4, the rest rounded (an exact change beside
    rounded ends would give a masked joiner or leaver away)."""
    if not change:
        return fmt_number(0, lang)
    sign = "−" if change < 0 else "+"
    return sign + fmt_count(abs(change), lang, mask=mask)


def fmt_total(total: float | int | None, lang: Lang, *, mask: bool) -> str:
    """A margin (the total of a row or column of counts); with ``mask`` a total of 1–4 is not
    published at all ("" — its parts say "<5" already): a "<5" total over several "<5" parts
    bounds each of them (four parts under a total below 5 are each 1)."""
    if mask and HIDE_SMALL_TOTALS and is_small(total):
        return ""
    return fmt_count(total, lang, mask=mask)


def mask_counts(frame: pd.DataFrame, columns: list[str], *, mask: bool) -> pd.DataFrame:
    """A copy with the given count columns published (for tables and exports): "<5" for 1–4,
    the rest rounded."""
    if not mask:
        return frame
    out = frame.copy()
    for column in columns:
        out[column] = (
            out[column]
            .map(lambda v: MASK if is_small(v) else published(v, mask=True))
            .astype(object)
        )
    return out


def numeric_for_chart(series: pd.Series, *, mask: bool) -> pd.Series:
    """Chart values: small counts become missing and the rest rounded for masked viewers."""
    return published_series(series, mask=mask)


def rate(count: float | int | None, per: float, *, mask: bool, scale: float = 1.0) -> float | None:
    """A rate (count per population, share …) computed from the published count, so that the
    rate cannot be multiplied back to an exact count."""
    shown = published(count, mask=mask)
    if shown is None or not per:
        return None
    return shown / per * scale


def published_frame(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A copy whose count ``columns`` are rounded as published; counts of 1–4 stay as they are
    for the writers to show as "<5" (and draw as nothing). Anything derived afterwards from
    these columns (shares, sums, forecasts) is derived from published numbers only."""
    out = frame.copy()
    for column in columns:
        out[column] = out[column].map(
            lambda v: v if v is None or v != v or is_small(v) else published(v, mask=True)
        )
    return out


def bar_values(
    counts: pd.Series, lang: Lang, *, mask: bool, blank_zero: bool = False
) -> tuple[pd.Series, list[str]]:
    """Bar heights and their labels: with ``mask``, counts of 1–4 get no bar and the label
    "<5", so the chart cannot reveal them; with ``blank_zero`` a zero gets no label."""
    heights = published_series(counts, mask=mask).fillna(0)
    labels = [
        "" if blank_zero and not value else fmt_count(value, lang, mask=mask) for value in counts
    ]
    return heights, labels
