"""Versioned build and atomic publish: a failed or killed build never harms the published version."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from core.versions import current_version
from etl import publish
from etl.build import QualityGateError, build

ROOT = Path(__file__).resolve().parent.parent


def region_count(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM region").fetchone()
    assert row is not None
    return int(row[0])


@pytest.fixture
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DIA_DATA_DIR", str(tmp_path))
    return tmp_path


def test_build_publishes_a_new_version_each_time(own_data_dir: Path) -> None:
    first = build(use_samples=True).version
    second = build(use_samples=True).version
    assert first and second and first.version_id < second.version_id
    current = current_version(own_data_dir / "warehouse")
    assert current == second
    assert first.path.exists(), "a replaced version stays readable during the grace period"
    with duckdb.connect(str(second.path), read_only=True) as con:
        runs = con.execute("SELECT run_id, status FROM etl_run ORDER BY run_id").fetchall()
    assert [r[0] for r in runs] == [first.version_id, second.version_id]


def test_failed_quality_gate_keeps_published_version(
    own_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = build(use_samples=True).version
    assert good is not None
    before = region_count(good.path)

    import etl.build as build_module

    monkeypatch.setattr(
        build_module, "run_checks", lambda con: {"forced": con.sql("SELECT 1").df()}
    )
    with pytest.raises(QualityGateError):
        build(use_samples=True)
    assert current_version(own_data_dir / "warehouse") == good
    assert region_count(good.path) == before
    leftovers = list((own_data_dir / "warehouse").glob("*.building*"))
    assert leftovers == []


def test_killed_build_leaves_published_version_intact(own_data_dir: Path) -> None:
    good = build(use_samples=True).version
    assert good is not None
    expected = region_count(good.path)
    env = {**os.environ, "DIA_DATA_DIR": str(own_data_dir)}
    # Kill builds at several moments: early, mid-way, late. Each must leave `good` published.
    for delay in (0.3, 1.0, 2.0, 3.5):
        proc = subprocess.Popen(
            [sys.executable, "-m", "etl", "build", "--samples"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        current = current_version(own_data_dir / "warehouse")
        assert current is not None
        if current != good:
            # The build finished before the kill: then it must be a complete version.
            good = current
        assert region_count(current.path) == expected
    # The next build cleans the dead builds' files and publishes normally.
    fresh = build(use_samples=True).version
    assert fresh is not None and region_count(fresh.path) == expected
    assert list((own_data_dir / "warehouse").glob("*.building*")) == []


def test_cleanup_keeps_current_recent_and_grace(tmp_path: Path) -> None:
    directory = tmp_path
    names = [f"dia-2026010{i}T000000Z-aaaaaa.duckdb" for i in range(1, 7)]
    for index, name in enumerate(names):
        path = directory / name
        path.write_text("x")
        os.utime(path, (1000 + index * 100, 1000 + index * 100))
    (directory / "CURRENT").write_text(names[1] + "\n")
    (directory / "dia-20260109T000000Z-bbbbbb.duckdb.building").write_text("partial")
    removed = publish.cleanup(directory, keep=2, now=10_000)
    left = sorted(p.name for p in directory.iterdir())
    assert names[1] in left, "the published version is never removed"
    assert names[5] in left and names[4] in left, "the newest versions are kept"
    assert names[0] not in left and names[2] not in left
    assert not any(name.endswith(".building") for name in left)
    assert len(removed) == 4
    # Inside the grace period nothing replaced recently is removed.
    (directory / "dia-20260110T000000Z-cccccc.duckdb").write_text("x")
    assert publish.cleanup(directory, keep=1, now=1_700) == []


def test_second_build_waits_for_lock(tmp_path: Path) -> None:
    with publish.build_lock(tmp_path):
        second = publish.build_lock(tmp_path)
        with pytest.raises(publish.BuildLockedError):
            second.__enter__()
