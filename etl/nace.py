"""NACE Rev. 2 sections and divisions (identical to SBI 2008 and WZ 2008 down to the class),
labelled in Dutch, German and English, and the sector names staff type instead of a code."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Final

import duckdb
import pandas as pd

from core.paths import REFERENCE_DIR
from etl.normalise import sector_codes, text_key, text_keys

SECTOR_NAMES_FILE: Final = Path(__file__).with_name("config") / "sector_names.toml"


@lru_cache(maxsize=1)
def sections() -> pd.DataFrame:
    """The 21 sections A–U: ``section``, ``label_nl|de|en`` and short chart labels ``short_*``."""
    return pd.read_csv(REFERENCE_DIR / "nace_sections.csv", dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def divisions() -> pd.DataFrame:
    """The 88 divisions: ``division`` (2 digits), ``section``, ``label_nl|de|en``."""
    return pd.read_csv(REFERENCE_DIR / "nace_divisions.csv", dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def division_sections() -> dict[str, str]:
    frame = divisions()
    return dict(zip(frame["division"], frame["section"], strict=True))


@lru_cache(maxsize=1)
def name_index() -> dict[str, tuple[str | None, str]]:
    """Text key of every known sector name → (division or None, section).

    Section and division labels in all three languages, plus the names in
    ``etl/config/sector_names.toml`` (those win where a label says the same).
    """
    index: dict[str, tuple[str | None, str]] = {}
    for row in sections().itertuples(index=False):
        for label in (
            row.label_nl,
            row.label_de,
            row.label_en,
            row.short_nl,
            row.short_de,
            row.short_en,
        ):
            index[text_key(label)] = (None, row.section)
    for row in divisions().itertuples(index=False):
        for label in (row.label_nl, row.label_de, row.label_en):
            index[text_key(label)] = (row.division, row.section)
    with SECTOR_NAMES_FILE.open("rb") as handle:
        names: dict[str, str] = tomllib.load(handle)["names"]
    lookup = division_sections()
    for name, code in names.items():
        if code in lookup:
            index[text_key(name)] = (code, lookup[code])
        elif code in set(sections()["section"]):
            index[text_key(name)] = (None, code)
        else:
            raise ValueError(f"{SECTOR_NAMES_FILE.name}: {name!r} maps to unknown code {code!r}")
    return index


def lookup_names(values: pd.Series) -> pd.DataFrame:
    """Division and section of sector names (missing where the name is unknown)."""
    found = text_keys(values).map(name_index())
    return pd.DataFrame(
        {
            "division": found.map(lambda hit: hit[0], na_action="ignore"),
            "section": found.map(lambda hit: hit[1], na_action="ignore"),
        },
        index=values.index,
    )


def classify(values: pd.Series) -> pd.DataFrame:
    """Sector cells (codes in any spelling or names) → ``division``, ``section``, ``error``."""
    return sector_codes(values, division_sections(), lookup_names)


def load_labels(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the warehouse tables ``nace_section`` and ``nace_division``."""
    section_frame = sections()  # noqa: F841 - read by DuckDB
    division_frame = divisions()  # noqa: F841
    con.execute("INSERT INTO nace_section BY NAME SELECT * FROM section_frame")
    con.execute("INSERT INTO nace_division BY NAME SELECT * FROM division_frame")
