"""Disclosure control: funders (and every export) see small counts as "<5", never below."""

from __future__ import annotations

from typing import Final

import pandas as pd

from core.i18n import Lang, fmt_number

SMALL_COUNT: Final = 5
MASK: Final = "<5"


def is_small(count: float | int | None) -> bool:
    return count is not None and count == count and 0 < count < SMALL_COUNT


def fmt_count(count: float | int | None, lang: Lang, *, mask: bool) -> str:
    """A count for display; with ``mask`` (funders, exports) 1–4 become "<5"."""
    if mask and is_small(count):
        return MASK
    return fmt_number(count, lang)


def mask_counts(frame: pd.DataFrame, columns: list[str], *, mask: bool) -> pd.DataFrame:
    """A copy with the given count columns as text and small counts masked (for tables/exports)."""
    if not mask:
        return frame
    out = frame.copy()
    for column in columns:
        out[column] = out[column].map(lambda v: MASK if is_small(v) else v).astype(object)
    return out


def numeric_for_chart(series: pd.Series, *, mask: bool) -> pd.Series:
    """Chart values: small counts become missing for masked viewers, so bars cannot reveal them."""
    if not mask:
        return series
    return series.where(~series.map(is_small))
