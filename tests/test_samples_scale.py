"""Larger samples (``etl samples --scale N``) stay a plausible, larger DIA: the same share of
faulty rows, periods within the project and the statistics, member numbers that name one
member. (How fast they are made is measured by ``make bench``.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests import sample_expectations


def test_labour_history_grows_with_scale_but_not_before_the_classifications() -> None:
    from etl.samples.labour import FIRST_QUARTER, LAST_QUARTER, QUARTERS, quarters

    assert len(quarters(1)) == QUARTERS and quarters(1)[-1] == LAST_QUARTER
    assert len(quarters(2)) == 2 * QUARTERS
    long = quarters(100)
    assert long[0] == FIRST_QUARTER and long[-1] == LAST_QUARTER
    # 2015-Q1 … 2024-Q4, each once
    assert len(long) == len(set(long)) == (2024 - 2015 + 1) * 4


@pytest.mark.parametrize("oe_rows", [342, 18_999, 19_000, 34_200, 500_000])
def test_wve_member_numbers_start_past_the_last_oe_number(oe_rows: int) -> None:
    from etl.samples.members import OE_FIRST_NUMBER, wve_first_number

    first = wve_first_number(oe_rows)
    assert first > OE_FIRST_NUMBER + oe_rows
    assert str(first).startswith("2") and str(first).endswith("1")


def test_member_rejects_and_duplicates_grow_in_step_with_the_rows() -> None:
    one, three = sample_expectations.members(1), sample_expectations.members(3)
    for association in ("OE", "WVE"):
        assert three["rows"][association] == 3 * one["rows"][association]
        assert three["duplicates"][association] == 3 * one["duplicates"][association]
    assert three["rejected_rows"] == {k: 3 * v for k, v in one["rejected_rows"].items()}
    assert three["both"] == 3 * one["both"]


def test_member_numbers_name_one_member(tmp_path: Path) -> None:
    from etl.samples.members import plan

    p = plan(3)
    oe = {r.member_number for r in p.oe_main + p.oe_new if r.member_number}
    wve = {r.member_number for r in p.wve_main + p.wve_csv if r.member_number}
    assert oe and wve and not oe & wve


def test_records_at_scale_stay_in_the_project_with_rejects_in_step(tmp_path: Path) -> None:
    from etl.samples.members import generate as generate_members
    from etl.samples.records import AS_OF, PROJECT, plan

    expected = {}
    for scale in (1, 3):
        folder = tmp_path / f"x{scale}"
        folder.mkdir()
        generate_members(folder, scale)
        expected[scale] = sample_expectations.records(folder, scale)
        p = plan(folder, scale)
        ids = [row["activity_id"] for row in p.activities]
        assert len(ids) == len(set(ids)), "every activity, also a faulty one, has its own id"
        dates = [
            row["date"]
            for row in p.activities
            if "defect" not in row and isinstance(row["date"], dt.date)
        ]
        assert PROJECT[0] <= min(dates) and max(dates) <= AS_OF
        started = [r["started_on"] for r in p.collaborations if r["started_on"] is not None]
        assert max(started) <= AS_OF
    one, three = expected[1], expected[3]
    assert three["rejected"] == {k: 3 * v for k, v in one["rejected"].items()}
    assert three["merged"] == 3 * one["merged"]
    assert three["activities"] == 3 * one["activities"]
    assert three["collaborations"] == 3 * one["collaborations"]
    # every event runs three times, each for its own cohort of members: about 3× the guests
    assert 2.5 * one["participations"] <= three["participations"] <= 3 * one["participations"]


def test_every_sample_generator_is_registered_once() -> None:
    """A new generator module is listed in etl.samples.GENERATORS, or it never runs; the member
    lists come before the project records, which read them."""
    import importlib
    import pkgutil

    import etl.samples

    modules = {
        info.name
        for info in pkgutil.iter_modules(etl.samples.__path__)
        if callable(getattr(importlib.import_module(f"etl.samples.{info.name}"), "generate", None))
    }
    registered = [generate.__module__.rsplit(".", 1)[1] for generate in etl.samples.GENERATORS]
    assert sorted(registered) == sorted(modules)
    assert registered.index("members") < registered.index("records")
