"""Pages and who may open them. ``st.navigation`` only ever receives the allowed pages, so a page
outside the user's role cannot be reached, not even by URL."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from core.i18n import N_
from core.paths import PROJECT_ROOT
from dia.auth import Role, User

ALL_ROLES: Final = frozenset(Role)


@dataclass(frozen=True)
class PageSpec:
    script: str  # relative to the project root
    title: str  # English msgid, translated at runtime
    icon: str
    roles: frozenset[Role]
    url_path: str

    @property
    def path(self) -> Path:
        return PROJECT_ROOT / self.script


PAGES: Final[tuple[PageSpec, ...]] = (
    PageSpec("views/overview.py", "Overview", ":material/map:", ALL_ROLES, "overview"),
    PageSpec("views/members.py", N_("Members"), ":material/groups:", ALL_ROLES, "members"),
    PageSpec(
        "views/cooperation.py", N_("Cooperation"), ":material/handshake:", ALL_ROLES, "cooperation"
    ),
    PageSpec(
        "views/progress.py",
        N_("Project progress"),
        ":material/timeline:",
        frozenset({Role.DIRECTOR, Role.ADMIN}),
        "progress",
    ),
    PageSpec(
        "views/indicators.py",
        N_("Indicators"),
        ":material/fact_check:",
        frozenset({Role.FUNDER, Role.DIRECTOR, Role.ADMIN}),
        "indicators",
    ),
    PageSpec(
        "views/labour.py", N_("Skilled workers"), ":material/engineering:", ALL_ROLES, "labour"
    ),
    PageSpec("views/energy.py", N_("Energy transition"), ":material/bolt:", ALL_ROLES, "energy"),
    PageSpec(
        "views/data.py",
        N_("Data and uploads"),
        ":material/upload_file:",
        frozenset({Role.STAFF, Role.ADMIN}),
        "data",
    ),
)


def pages_for(user: User) -> list[PageSpec]:
    return [page for page in PAGES if user.role in page.roles]


def may_open(script: str, user: User | None) -> bool:
    """Whether ``user`` may see the page ``script``; pages check it themselves as well, since
    Streamlit may run a script of the views/ folder without the router (a deep link as the
    first request after the server starts)."""
    return user is not None and any(page.script == script for page in pages_for(user))
