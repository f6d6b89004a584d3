"""Introductions on the partner page become planned collaborations in the next build."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from core.versions import Version, current_version
from dia.data.introductions import Partner, introduced_ids, record, store


def _partners(published: Version) -> tuple[Partner, Partner, Partner]:
    """Two Dutch OE members (one named by member number only) and a German WVE member."""
    with duckdb.connect(str(published.path), read_only=True) as con:
        rows = con.execute(
            """
            (SELECT association, name, register_id, member_number FROM member
             WHERE association = 'OE' AND country = 'NL' AND register_id IS NOT NULL
             ORDER BY member_id LIMIT 1)
            UNION ALL
            (SELECT association, name, NULL, member_number FROM member
             WHERE association = 'OE' AND country = 'NL' AND member_number IS NOT NULL
             ORDER BY member_id DESC LIMIT 1)
            UNION ALL
            (SELECT association, name, register_id, member_number FROM member
             WHERE association = 'WVE' AND country = 'DE' AND register_id IS NOT NULL
             ORDER BY member_id LIMIT 1)
            """
        ).fetchall()
    nl, nl_by_number, de = (Partner(*row) for row in rows)
    return nl, nl_by_number, de


def test_introductions_are_appended_once_and_built_as_planned_collaborations(
    published: Version, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nl, nl_by_number, de = _partners(published)
    monkeypatch.setenv("DIA_DATA_DIR", str(tmp_path))
    first = record(nl, de, by="WVE", on=date(2026, 11, 30), sample=True)
    again = record(nl, de, by="OE", on=date(2026, 12, 1), sample=True)
    second = record(
        nl_by_number, de, by="WVE", on=date(2026, 12, 1), kind="joint project", sample=True
    )
    assert first and second and again is None  # the same pair is not introduced twice
    path = store(sample=True)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("Voorbeelddata / Beispieldaten")
    assert len(lines) == 4 and introduced_ids(path) >= {first, second}
    assert f"OE {nl_by_number.member_number}" in lines[3]

    from etl.build import build

    report = build(use_samples=True)
    intro = next(r for r in report.results if r.file == path.name)
    assert intro.accepted == 2 and not intro.rejects
    version = current_version(tmp_path / "warehouse")
    assert version is not None
    with duckdb.connect(str(version.path), read_only=True) as con:
        rows = con.execute(
            """
            SELECT c.collaboration_id, c.status, c.type, c.started_on, c.is_sample,
                   n.name, d.name
            FROM collaboration c
            JOIN company n ON n.company_id = c.company_id_nl
            JOIN company d ON d.company_id = c.company_id_de
            WHERE c.collaboration_id LIKE 'INTRO-%' ORDER BY c.type
            """
        ).fetchall()
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        (second, "planned", "joint project", None, True),
        (first, "planned", "knowledge exchange", None, True),
    ]
    assert {r[6] for r in rows} == {de.name}


def test_a_real_build_does_not_load_sample_introductions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIA_DATA_DIR", str(tmp_path))
    from etl.build import introductions

    partner = Partner("OE", "x", "KvK 01234567", None)
    other = Partner("WVE", "y", "HRB 1", None)
    record(partner, other, by="OE", on=date(2026, 12, 1), sample=True)
    assert introductions(sample=True) == [store(sample=True)]
    assert introductions(sample=False) == []
    record(partner, other, by="OE", on=date(2026, 12, 1), sample=False)
    assert introductions(sample=False) == [store(sample=False)]
    assert not store(sample=False).read_text(encoding="utf-8").startswith("Voorbeelddata")
