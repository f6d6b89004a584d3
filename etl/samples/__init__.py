"""Deterministic sample spreadsheets (``etl samples``): realistic, invented, always labelled sample.

Each generator writes its files into the output folder and returns their paths. Generators are
seeded, so the same scale gives byte-identical content.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

from etl.samples import energy, labour, members, records, training

Generator = Callable[[Path, int], list[Path]]

# Every generator, in the order they run: a later one may read what an earlier one wrote (the
# project records name companies of the sample member lists).
GENERATORS: Final[tuple[Generator, ...]] = (
    members.generate,
    records.generate,
    labour.generate,
    training.generate,
    energy.generate,
)
STAMP = ".samples-complete"


def generate_all(out_dir: Path, scale: int = 1) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / STAMP).unlink(missing_ok=True)
    written: list[Path] = []
    for generate in GENERATORS:
        written.extend(generate(out_dir, scale))
    (out_dir / STAMP).write_text("\n".join(p.name for p in written) + "\n", encoding="utf-8")
    return written


def ensure_samples(out_dir: Path) -> Path:
    """The sample folder, generated first if missing or incomplete."""
    if not (out_dir / STAMP).exists():
        generate_all(out_dir)
    return out_dir
