"""Who is looking: the viewer of this session, from the sign-in or, on sample data, the demo preview.

Three modes, decided by :func:`mode`:
- ``login``: ``[auth]`` (OpenID Connect, ``st.login``) and ``[dia]`` (role mapping) are in the
  secrets; e-mail addresses map to roles in ``[dia.users]``, whole e-mail domains in
  ``[dia.domains]`` (an address entry wins over its domain). Unknown users get "no access".
- ``demo``: no sign-in configured and every loaded row is generated sample data; a preview switch
  shows the dashboard as each role.
- ``setup``: no sign-in configured but real data is loaded: no data is shown, only how to set up
  sign-in.
What each viewer may see is decided in :mod:`dia.policy`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

import streamlit as st

from core.access import real_row_counts, sign_in_configured
from core.i18n import Lang
from dia.data.warehouse import NoWarehouseError, cursor, version
from dia.policy import ASSOCIATIONS, Association, Role, Viewer, viewer_for

__all__ = ["ASSOCIATIONS", "DEMO_USERS", "Role", "User", "Viewer", "current_viewer", "mode"]

User = Viewer  # the name pages used before the policy module; same class

Mode = Literal["login", "demo", "setup"]

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


def _secrets() -> Mapping[str, object]:
    try:
        return {key: st.secrets[key] for key in st.secrets}
    except FileNotFoundError:
        return {}


def login_configured() -> bool:
    return sign_in_configured(_secrets())


@st.cache_data(ttl=3600, max_entries=8, show_spinner=False)
def _real_rows(version_id: str) -> int:
    del version_id  # the cache key: one answer per published version
    _, cur = cursor()
    try:
        return sum(real_row_counts(cur).values())
    finally:
        cur.close()


def only_sample_data() -> bool:
    """Whether every loaded member and project row is generated sample data (a missing warehouse
    holds no real row either)."""
    try:
        current = version()
    except NoWarehouseError:
        return True
    return _real_rows(current.version_id) == 0


def mode() -> Mode:
    if login_configured():
        return "login"
    return "demo" if only_sample_data() else "setup"


def role_for(email: str, mapping: Mapping[str, object]) -> tuple[Role, tuple[str, ...]] | None:
    """Role and associations for an e-mail address from the ``[dia]`` secrets: an entry in
    ``users`` for the address, else one in ``domains`` for its domain; None when neither."""
    email = email.strip().lower()
    users = _lower_keys(mapping.get("users"))
    domains = _lower_keys(mapping.get("domains"))
    domain = email.rpartition("@")[2]
    entry = users.get(email) if email else None
    if entry is None and "@" in email:
        entry = domains.get(domain)
    if not isinstance(entry, Mapping) or entry.get("role") not in set(Role):
        return None
    raw = entry.get("association", entry.get("associations", ()))
    associations = (raw,) if isinstance(raw, str) else tuple(str(a) for a in raw or ())  # type: ignore[union-attr]
    role = Role(str(entry["role"]))
    if role in (Role.STAFF, Role.DIRECTOR) and not set(associations) & set(ASSOCIATIONS):
        return None  # staff and directors belong to an association; without one, no access
    return role, associations


def _lower_keys(table: object) -> dict[str, object]:
    if not isinstance(table, Mapping):
        return {}
    return {str(key).strip().lower(): value for key, value in table.items()}


def signed_in_email() -> str | None:
    if not st.user.get("is_logged_in"):
        return None
    return str(st.user.get("email", "")).lower()


def _from_login(lang: Lang) -> Viewer | None:
    email = signed_in_email()
    if email is None:
        return None
    found = role_for(email, _secrets().get("dia", {}))  # type: ignore[arg-type]
    if found is None:
        return None
    role, associations = found
    name = str(st.user.get("name") or email)
    return viewer_for(role, associations, lang=lang, name=name, email=email)


def demo_viewer(lang: Lang) -> Viewer:
    index = int(st.session_state.get(DEMO_KEY, 0))
    role, association = DEMO_USERS[index % len(DEMO_USERS)]
    return viewer_for(role, [association] if association else [], lang=lang, demo=True, name="demo")


def current_viewer(lang: Lang) -> Viewer | None:
    """The viewer of this session; None when nobody (known) is signed in, or when real data is
    loaded without sign-in configured."""
    match mode():
        case "login":
            return _from_login(lang)
        case "demo":
            return demo_viewer(lang)
        case _:
            return None
