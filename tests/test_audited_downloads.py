"""Every download goes through the one audited helper (dia.page.audited): it asks the policy
first and writes who, what, when and which data version to the audit log; a role without the
export right gets no file and a "denied" event.

The pages run through the real router; ``st.download_button`` is wrapped so the test sees each
button's data as the page handed it over, and then takes the file as a click would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st

from core import audit
from core.versions import current_version
from dia import policy
from dia.auth import Role
from dia.page import audited
from dia.policy import viewer_for
from tests.apptest import index_of, open_page

AUDITED = "audited.<locals>.produce"


@pytest.fixture
def buttons(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, object]]:
    """Label → data of every download button drawn while the fixture is active."""
    seen: dict[str, object] = {}
    original = st.download_button

    def spy(label: str, data: object = None, *args: object, **kwargs: object) -> object:
        seen[f"{kwargs.get('key') or label}"] = data
        return original(label, data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(st, "download_button", spy)
    yield seen


def _events_after(count: int) -> list[dict[str, object]]:
    return audit.read().entries[count:]


def _take(data: object) -> bytes:
    assert callable(data)
    payload = data()
    assert isinstance(payload, bytes) and payload
    return payload


def _assert_audited(seen: dict[str, object]) -> None:
    plain = [k for k, data in seen.items() if getattr(data, "__qualname__", "") != AUDITED]
    assert not plain, f"downloads not going through dia.page.audited: {plain}"


def test_chart_and_table_downloads_are_audited(data_dir: Path, buttons: dict[str, object]) -> None:
    at = open_page("views/cooperation.py", index_of(Role.FUNDER), "en")
    assert not at.exception
    assert {"png_coop_funnel", "svg_coop_funnel", "xlsx_coop_funnel", "csv_coop_funnel"} <= set(
        buttons
    )
    _assert_audited(buttons)
    before = len(audit.read().entries)
    for key in ("png_coop_funnel", "svg_coop_funnel", "xlsx_coop_funnel", "csv_coop_funnel"):
        _take(buttons[key])
    events = _events_after(before)
    version = current_version()
    assert version is not None
    assert [e["what"] for e in events] == [
        "coop_funnel png",
        "coop_funnel svg",
        "coop_funnel xlsx",
        "coop_funnel csv",
    ]
    for event in events:
        assert event["event"] == "export" and event["role"] == "funder"
        assert event["who"] == "demo:funder" and event["at"]  # who (the demo preview) and when
        assert event["version"] == version.version_id  # which data
        assert event["details"]["kind"] == "chart"  # type: ignore[index]


def test_deck_download_is_audited_and_follows_the_policy(
    data_dir: Path, buttons: dict[str, object]
) -> None:
    at = open_page("views/members.py", index_of(Role.STAFF, "WVE"), "de")
    next(b for b in at.button if b.key == "add_members_timeline").click().run()
    at.switch_page("views/presentation.py").run()
    next(b for b in at.button if b.label == "Präsentation erstellen").click().run()
    assert not at.exception
    _assert_audited(buttons)
    before = len(audit.read().entries)
    deck = [data for key, data in buttons.items() if "PowerPoint" in key]
    assert len(deck) == 1
    assert _take(deck[0])[:2] == b"PK"
    (event,) = _events_after(before)
    assert event["event"] == "export" and event["what"] == "presentation deck de"
    assert event["role"] == "staff" and event["details"]["kind"] == "presentation"  # type: ignore[index]


def test_data_page_downloads_are_audited(data_dir: Path, buttons: dict[str, object]) -> None:
    at = open_page("views/data.py", index_of(Role.ADMIN), "nl")
    assert not at.exception
    assert "download_rejects" in buttons and any(k.startswith("template_") for k in buttons)
    _assert_audited(buttons)
    before = len(audit.read().entries)
    _take(buttons["download_rejects"])
    (event,) = _events_after(before)
    assert event["what"] == "reject report" and event["details"]["kind"] == "report"  # type: ignore[index]


def test_a_role_without_the_right_gets_no_file(data_dir: Path) -> None:
    director = viewer_for(Role.DIRECTOR, ["OE"], email="director@example.org")
    made: list[int] = []

    def report() -> bytes:
        made.append(1)
        return b"rows"

    download: Callable[[], bytes] = audited(report, director, "reject report", kind="report")
    before = len(audit.read().entries)
    with pytest.raises(PermissionError):
        download()
    assert made == []  # the file is never made
    (event,) = _events_after(before)
    assert event["event"] == "denied" and event["who"] == "director@example.org"


def test_no_download_buttons_without_the_export_right(
    data_dir: Path, buttons: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(policy.EXPORT_ROLES, "chart", frozenset({Role.ADMIN}))
    at = open_page("views/cooperation.py", index_of(Role.FUNDER), "en")
    assert not at.exception
    assert not any(key.split("_")[0] in ("png", "svg", "xlsx", "csv") for key in buttons)
    assert "activities_csv" in buttons  # the table download (kind "table") stays


def test_every_download_button_in_the_code_is_audited() -> None:
    """No page or helper hands a download button data that bypasses the audited helper."""
    import ast

    from core.paths import PROJECT_ROOT

    found, plain = 0, []
    for path in [*PROJECT_ROOT.glob("views/*.py"), *PROJECT_ROOT.glob("dia/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name != "download_button":
                continue
            found += 1
            data = next((k.value for k in node.keywords if k.arg == "data"), None)
            if not (isinstance(data, ast.Call) and getattr(data.func, "id", "") == "audited"):
                plain.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    # call sites, not buttons: the chart downloads and the ledger pair are drawn in loops
    assert found >= 8
    assert not plain, plain
