"""Running the ETL on a test's own data folder: the command line (``python -m etl …``), or in
this process with ``DIA_DATA_DIR`` pointing there."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_etl(data: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``python -m etl <args>`` with ``DIA_DATA_DIR=data``; output captured, exit code kept."""
    return subprocess.run(
        [sys.executable, "-m", "etl", *args],
        cwd=ROOT,
        env={**os.environ, "DIA_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@contextlib.contextmanager
def data_folder(folder: Path) -> Iterator[Path]:
    """``DIA_DATA_DIR`` is ``folder`` inside the block; the previous value comes back after."""
    previous = os.environ.get("DIA_DATA_DIR")
    os.environ["DIA_DATA_DIR"] = str(folder)
    try:
        yield folder
    finally:
        if previous is None:
            os.environ.pop("DIA_DATA_DIR", None)
        else:
            os.environ["DIA_DATA_DIR"] = previous
