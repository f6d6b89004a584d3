"""Where the project's files live. ``DIA_DATA_DIR`` moves the data folder (warehouse, inbox)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"
TEMPLATES_DIR = PROJECT_ROOT / "data" / "templates"
LOCALES_DIR = PROJECT_ROOT / "locales"


def data_dir() -> Path:
    override = os.environ.get("DIA_DATA_DIR")
    return Path(override) if override else PROJECT_ROOT / "data"


def warehouse_dir() -> Path:
    return data_dir() / "warehouse"


def inbox_dir() -> Path:
    return data_dir() / "inbox"


def samples_dir() -> Path:
    return data_dir() / "samples"


def introductions_dir() -> Path:
    """Append-only records of partner introductions made on the dashboard; every build loads
    them as planned collaborations (``introductions.csv``; ``introductions_sample.csv`` for
    introductions between sample members, loaded only with the samples)."""
    return data_dir() / "introductions"


INTRODUCTIONS_FILE = "introductions.csv"
INTRODUCTIONS_SAMPLE_FILE = "introductions_sample.csv"
