"""Helpers to run pages through the real router (dashboard.py) as a given role and language."""

from __future__ import annotations

import time
import urllib.request
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.i18n import LANGS
from dia.auth import DEMO_USERS, Role
from dia.policy import Viewer, viewer_for

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")
ROLE_INDEXES = range(len(DEMO_USERS))


def role_id(index: int) -> str:
    role, association = DEMO_USERS[index]
    return f"{role.value}-{association}" if association else role.value


def demo(index: int) -> Viewer:
    """The viewer the demo preview ``index`` stands for."""
    role, association = DEMO_USERS[index]
    return viewer_for(role, [association] if association else [], demo=True)


def index_of(role: Role, association: str | None = None) -> int:
    return DEMO_USERS.index((role, association))  # type: ignore[arg-type]


def open_page(page: str | None, role_index: int, lang: str, timeout: float = 90) -> AppTest:
    """Run the app as the demo user ``role_index`` in ``lang`` and switch to ``page``."""
    assert lang in LANGS
    at = AppTest.from_file(DASHBOARD, default_timeout=timeout)
    at.session_state["demo_user"] = role_index
    at.session_state["lang"] = lang
    at.run()
    if page is not None:
        at.switch_page(page)
        at.run()
    return at


def all_text(at: AppTest) -> str:
    """Every text a user can read on the page, including chart specs (hover text)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "metric",
                 "info", "warning", "error", "success"):  # fmt: skip
        for element in at.get(kind):
            proto = element.proto
            for field in ("body", "label", "body_markdown"):
                if hasattr(proto, field):
                    parts.append(str(getattr(proto, field)))
            if kind == "metric":
                parts.append(str(element.value))
    for element in at.get("plotly_chart"):
        parts.append(element.proto.spec)
    for element in [*at.dataframe, *at.table]:  # st.dataframe and st.table cells
        parts.append(element.value.to_csv())
    return "\n".join(parts)


def wait_until_up(url: str, seconds: float = 60) -> None:
    """Wait for a dashboard started in a child process to answer its health check."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail("dashboard did not start")
