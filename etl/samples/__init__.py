"""Deterministic sample spreadsheets (``etl samples``): realistic, invented, always labelled sample.

Each generator writes its files into the output folder and returns their paths. Generators are
seeded, so the same scale gives byte-identical content.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Final

Generator = Callable[[Path, int], list[Path]]

# Modules exposing ``generate(out_dir, scale) -> list[Path]``, run in this order (later
# generators may read what earlier ones wrote, e.g. activities use the sample members).
GENERATOR_MODULES: Final[tuple[str, ...]] = ()

STAMP = ".samples-complete"


def generate_all(out_dir: Path, scale: int = 1) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / STAMP).unlink(missing_ok=True)
    written: list[Path] = []
    for name in GENERATOR_MODULES:
        module = importlib.import_module(name)
        written.extend(module.generate(out_dir, scale))
    (out_dir / STAMP).write_text("\n".join(p.name for p in written) + "\n", encoding="utf-8")
    return written


def ensure_samples(out_dir: Path) -> Path:
    """The sample folder, generated first if missing or incomplete."""
    if not (out_dir / STAMP).exists():
        generate_all(out_dir)
    return out_dir
