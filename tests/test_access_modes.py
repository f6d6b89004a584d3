"""Demo mode only on sample data: with a real member list loaded and no sign-in configured the
dashboard shows how to set up sign-in and no data, and ``etl build`` warns."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import xlsxwriter
from streamlit.testing.v1 import AppTest

from tests.apptest import DASHBOARD, ROOT, all_text

REAL_NAME = "Hofstra Metaal B.V."


def _real_member_list(path: Path) -> None:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Bedrijfsnaam", "Postcode", "Plaats", "Lid sinds"])
    sheet.write_row(1, 0, [REAL_NAME, "7811 AB", "Emmen", "1-3-2019"])
    sheet.write_row(2, 0, ["Bakkerij Wolters", "7821 AA", "Emmen", "1-1-2020"])
    book.close()


@pytest.fixture(scope="module")
def real_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A data folder whose warehouse holds a real (not sample) member list; the build's stderr."""
    folder = tmp_path_factory.mktemp("dia-real")
    inbox = folder / "inbox"
    inbox.mkdir()
    _real_member_list(inbox / "ledenlijst_oe.xlsx")
    env = {**os.environ, "DIA_DATA_DIR": str(folder), "HOME": str(folder)}  # no user secrets
    done = subprocess.run(
        [sys.executable, "-m", "etl", "build", "--inbox", str(inbox)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    yield folder, done.stderr


def test_build_warns_about_real_data_without_sign_in(real_data_dir: tuple[Path, str]) -> None:
    _, stderr = real_data_dir
    found = re.search(r"warning: (\d+) rows of real member or project data are published", stderr)
    assert found, stderr[-2000:]
    assert int(found.group(1)) >= 2  # two members (and their companies)
    assert "sign-in is not configured" in stderr


def test_build_of_samples_does_not_warn(data_dir: Path) -> None:
    from core.versions import current_version
    from etl.build import real_data_without_sign_in

    version = current_version(data_dir / "warehouse")
    assert version is not None
    assert real_data_without_sign_in(version) == 0


def test_dashboard_shows_setup_and_no_data(
    real_data_dir: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = real_data_dir
    monkeypatch.setenv("DIA_DATA_DIR", str(folder))
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.session_state["lang"] = "de"
    at.session_state["demo_user"] = 5  # an old preview choice must not bring the preview back
    at.run()
    assert not at.exception
    text = all_text(at)
    assert "sign-in" in text.lower() or "anmeld" in text.lower()
    assert "secrets.toml" in text
    assert REAL_NAME not in text
    assert "Preview as" not in text and len(at.sidebar.selectbox) == 1  # language only
    assert not at.get("plotly_chart") and not at.dataframe
