"""Shared fixtures: a real warehouse built from the samples in a temporary data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.versions import Version


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data folder with a published sample warehouse, used by every app test of the session."""
    folder = tmp_path_factory.mktemp("dia-data")
    previous = os.environ.get("DIA_DATA_DIR")
    os.environ["DIA_DATA_DIR"] = str(folder)
    from etl.build import build

    build(use_samples=True)
    yield folder
    if previous is None:
        os.environ.pop("DIA_DATA_DIR", None)
    else:
        os.environ["DIA_DATA_DIR"] = previous


@pytest.fixture(scope="session")
def published(data_dir: Path) -> Version:
    from core.versions import current_version

    version = current_version(data_dir / "warehouse")
    assert version is not None
    return version
