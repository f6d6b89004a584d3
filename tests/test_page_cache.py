"""Frames shaped once per data version are shared only by viewers of the same scope."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.versions import Version
from dia.auth import Role
from dia.data import warehouse
from dia.policy import Viewer, viewer_for

made: list[tuple[str, tuple[str, ...]]] = []


@warehouse.per_version
def _rows_for(viewer: Viewer, lang: str) -> list[str]:
    made.append((lang, viewer.scope_key()))
    return [lang, *viewer.visible_associations()]


def test_made_once_per_version_language_and_scope(monkeypatch: pytest.MonkeyPatch) -> None:
    current = Version(version_id="dia-1", path=Path("one.duckdb"))
    monkeypatch.setattr(warehouse, "version", lambda: current)
    oe = viewer_for(Role.DIRECTOR, ["OE"], name="A")
    oe_too = viewer_for(Role.DIRECTOR, ["OE"], name="B")  # another person, the same scope
    wve = viewer_for(Role.DIRECTOR, ["WVE"])
    assert oe.scope_key() == oe_too.scope_key() != wve.scope_key()

    assert _rows_for(oe, "nl") == ["nl", "OE"]
    assert _rows_for(oe_too, "nl") == ["nl", "OE"]  # shared: made once
    assert len(made) == 1
    assert _rows_for(wve, "nl") == ["nl", "WVE"]  # never the OE rows
    assert _rows_for(oe, "de") == ["de", "OE"]
    assert len(made) == 3
    current = Version(version_id="dia-2", path=Path("two.duckdb"))
    assert _rows_for(oe, "nl") == ["nl", "OE"]  # a new version: made again
    assert len(made) == 4
