"""Deterministic sample spreadsheets (``etl samples``): realistic, invented, always labelled sample.

Each generator writes its files into the output folder and returns their paths. Generators are
seeded, so the same scale gives byte-identical content.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

Generator = Callable[[Path, int], list[Path]]


STAMP = ".samples-complete"


def generators() -> list[ModuleType]:
    """Modules of this package exposing ``generate(out_dir, scale) -> list[Path]``, run by their
    ``ORDER`` (default 50): later generators may read what earlier ones wrote (activities use
    the sample members)."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if callable(getattr(module, "generate", None)):
            found.append(module)
    return sorted(found, key=lambda m: (getattr(m, "ORDER", 50), m.__name__))


def generate_all(out_dir: Path, scale: int = 1) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / STAMP).unlink(missing_ok=True)
    written: list[Path] = []
    for module in generators():
        written.extend(module.generate(out_dir, scale))
    (out_dir / STAMP).write_text("\n".join(p.name for p in written) + "\n", encoding="utf-8")
    return written


def ensure_samples(out_dir: Path) -> Path:
    """The sample folder, generated first if missing or incomplete."""
    if not (out_dir / STAMP).exists():
        generate_all(out_dir)
    return out_dir
