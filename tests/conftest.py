"""Shared fixtures: a real warehouse built from the samples in a temporary data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from core.versions import Version
from tests.etl_cli import data_folder


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data folder with a published sample warehouse, used by every app test of the session."""
    from etl.build import build

    with data_folder(tmp_path_factory.mktemp("dia-data")) as folder:
        build(use_samples=True)
        yield folder


@pytest.fixture(scope="session")
def published(data_dir: Path) -> Version:
    from core.versions import current_version

    version = current_version(data_dir / "warehouse")
    assert version is not None
    return version


@pytest.fixture(scope="session")
def company_names(published: Version) -> dict[str, list[str]]:
    """Names of the sample companies by the associations they are members of (``OE``, ``WVE``,
    ``OE+WVE``): what a viewer of one association, or a funder, must not see."""
    with duckdb.connect(str(published.path), read_only=True) as con:
        rows = con.execute(
            "SELECT c.name, string_agg(DISTINCT m.association, '+' ORDER BY m.association)"
            " FROM company c JOIN member m USING (company_id) GROUP BY c.name"
        ).fetchall()
    names: dict[str, list[str]] = {}
    for name, associations in rows:
        names.setdefault(associations, []).append(name)
    return names
