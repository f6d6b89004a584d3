"""Who is looking: role and association, from the login or, without one, the demo preview.

Roles: admin; staff and director of one association (OE or WVE); funder (aggregates only).
With ``[auth]`` configured in ``.streamlit/secrets.toml`` users log in (OIDC via ``st.login``)
and ``[dia.users]`` maps their e-mail to a role. Without it the app runs in demo mode on sample
data, with a role preview switch so every view can be seen as every role.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Literal

import streamlit as st

Association = Literal["OE", "WVE"]
ASSOCIATIONS: Final[tuple[Association, ...]] = ("OE", "WVE")


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    DIRECTOR = "director"
    FUNDER = "funder"


@dataclass(frozen=True)
class User:
    role: Role
    association: Association | None
    name: str
    demo: bool

    @property
    def aggregates_only(self) -> bool:
        """Funders see counts, never companies or people."""
        return self.role is Role.FUNDER

    def may_see_members_of(self, association: str) -> bool:
        """Member-level detail of one association: its own staff and directors, and admins."""
        if self.role is Role.ADMIN:
            return True
        return self.role in (Role.STAFF, Role.DIRECTOR) and self.association == association

    def visible_associations(self) -> list[str]:
        return [a for a in ASSOCIATIONS if self.may_see_members_of(a)]


# Demo previews: (role, association) pairs offered by the switch.
DEMO_USERS: Final[tuple[tuple[Role, Association | None], ...]] = (
    (Role.DIRECTOR, "OE"),
    (Role.DIRECTOR, "WVE"),
    (Role.STAFF, "OE"),
    (Role.STAFF, "WVE"),
    (Role.FUNDER, None),
    (Role.ADMIN, None),
)
DEMO_KEY: Final = "demo_user"


def login_configured() -> bool:
    try:
        return "auth" in st.secrets and "dia" in st.secrets
    except FileNotFoundError:
        return False


def _from_login() -> User | None:
    if not st.user.get("is_logged_in"):
        return None
    email = str(st.user.get("email", "")).lower()
    entry = st.secrets["dia"].get("users", {}).get(email)
    if entry is None:
        return None
    association = entry.get("association")
    return User(Role(entry["role"]), association, str(st.user.get("name", email)), demo=False)


def demo_user() -> User:
    index = int(st.session_state.get(DEMO_KEY, 0))
    role, association = DEMO_USERS[index % len(DEMO_USERS)]
    return User(role, association, "demo", demo=True)


def current_user() -> User | None:
    """The user of this session; None when login is configured and nobody (known) is logged in."""
    if login_configured():
        return _from_login()
    return demo_user()
