"""Who may see and do what: the one access policy of the dashboard.

Every decision about a viewer lives here, in the spirit of datasette's
``permission_allowed(actor, action, resource)``: pages, exports, uploads, names and contacts,
free text and the masking of small counts. Pages and queries ask; they never decide access
themselves. The module is pure (no Streamlit), so every rule is unit-tested directly.

Roles:
- admin: everything, member detail and contacts of both associations;
- director (OE or WVE): every page but *Data*; member names of their own association;
- staff (OE or WVE): member names and contacts of their own association, uploads for it;
- funder: aggregates only: no name, contact or free text; counts 1–4 masked and protected
  against being worked back out (see docs/disclosure.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, Literal

from core.i18n import Lang

Association = Literal["OE", "WVE"]
ASSOCIATIONS: Final[tuple[Association, ...]] = ("OE", "WVE")


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    DIRECTOR = "director"
    FUNDER = "funder"


ALL_ROLES: Final = frozenset(Role)

# Pages (their url path) and the roles that may open them. The navigation lists pages in its own
# order; what each role may open is decided here only.
PAGE_ROLES: Final[dict[str, frozenset[Role]]] = {
    "home": ALL_ROLES,
    "overview": ALL_ROLES,
    "members": ALL_ROLES,
    "cooperation": ALL_ROLES,
    "partners": frozenset({Role.STAFF, Role.DIRECTOR, Role.ADMIN}),
    "training": ALL_ROLES,
    "progress": frozenset({Role.DIRECTOR, Role.ADMIN}),
    "indicators": frozenset({Role.FUNDER, Role.DIRECTOR, Role.ADMIN}),
    "labour": ALL_ROLES,
    "energy": ALL_ROLES,
    "presentation": ALL_ROLES,  # decks are built from what the viewer sees, funder rules applied
    "reports": frozenset({Role.FUNDER, Role.DIRECTOR, Role.ADMIN}),
    "data": frozenset({Role.STAFF, Role.ADMIN}),
    "glossary": ALL_ROLES,  # the terms, false friends and official indicator names
}

# Export kinds and who may take them home. Aggregate exports are written for the viewer (masked
# for funders), so every role may have them; lists of members are for who may see the names.
EXPORT_ROLES: Final[dict[str, frozenset[Role]]] = {
    "table": ALL_ROLES,  # an aggregate table shown on a page
    "chart": ALL_ROLES,
    "ledger": frozenset({Role.FUNDER, Role.DIRECTOR, Role.ADMIN}),  # indicator ledger xlsx/pdf
    "presentation": ALL_ROLES,  # pptx/pdf decks built from page charts
    "members": frozenset({Role.STAFF, Role.DIRECTOR, Role.ADMIN}),  # member lists (names)
    "contacts": frozenset({Role.STAFF, Role.ADMIN}),  # contact persons, e-mail, phone
    "report": frozenset({Role.STAFF, Role.ADMIN}),  # dry-run reports of uploads
    "template": frozenset({Role.STAFF, Role.ADMIN}),  # blank upload templates
    "audit": frozenset({Role.ADMIN}),
}


@dataclass(frozen=True)
class Viewer:
    """The person looking: role, own association(s) (staff and directors), language, and whether
    this is the demo preview on sample data."""

    role: Role
    associations: frozenset[Association] = field(default_factory=frozenset)
    lang: Lang = "en"
    demo: bool = False
    name: str = ""
    email: str = ""

    # -- pages and actions -------------------------------------------------------------------
    def may_open(self, page: str) -> bool:
        """Whether the page with this url path (e.g. "progress") is open to the viewer."""
        return self.role in PAGE_ROLES.get(page, frozenset())

    def pages(self) -> list[str]:
        return [page for page in PAGE_ROLES if self.may_open(page)]

    def may_export(self, kind: str) -> bool:
        """Exports of ``kind`` (see ``EXPORT_KINDS``); unknown kinds are refused."""
        return self.role in EXPORT_ROLES.get(kind, frozenset())

    def may_upload(self, kind: str, association: str | None) -> bool:
        """Uploading a file of ``kind``: admins anything; staff files of no association (project
        records, statistics) or of their own; nobody else."""
        del kind  # every kind follows the association rule today
        if self.role is Role.ADMIN:
            return True
        if self.role is not Role.STAFF:
            return False
        return association is None or association in self.associations

    def may_submit_reports(self) -> bool:
        """Submitting a reporting period, which makes its figures final: admins."""
        return self.role is Role.ADMIN

    def sees_audit_log(self) -> bool:
        return self.role is Role.ADMIN

    # -- what data comes back ----------------------------------------------------------------
    def sees_names(self, association: str) -> bool:
        """Member-level detail (company names, member-since dates, record titles naming a member)
        of ``association``: its own staff and directors, and admins."""
        if self.role is Role.ADMIN:
            return association in ASSOCIATIONS
        return self.role in (Role.STAFF, Role.DIRECTOR) and association in self.associations

    def sees_contacts(self, association: str) -> bool:
        """Contact persons, e-mail and phone: staff of the association and admins."""
        return self.sees_names(association) and self.role in (Role.STAFF, Role.ADMIN)

    def sees_free_text(self) -> bool:
        """Free text written in project records (activity titles, "partners sought", notes) may
        name companies; funders get activities by type, theme and date instead."""
        return self.role is not Role.FUNDER

    def visible_associations(self) -> tuple[Association, ...]:
        """Associations whose members the viewer may see by name: the bound ``$visible`` parameter
        of every query that can return a name, contact or free text."""
        return tuple(a for a in ASSOCIATIONS if self.sees_names(a))

    def contact_associations(self) -> tuple[Association, ...]:
        return tuple(a for a in ASSOCIATIONS if self.sees_contacts(a))

    def mask_small_counts(self) -> bool:
        """Counts 1–4 are shown as "<5" and protected by complementary suppression."""
        return self.role is Role.FUNDER

    def exact_counts_for(self, association: str | None) -> bool:
        """Whether exports may carry exact counts for ``association`` (None: both together).
        Directors and staff get exact numbers for their own association, admins for all."""
        if self.mask_small_counts():
            return False
        if self.role is Role.ADMIN:
            return True
        if association is None:
            return False
        return association in self.associations

    # -- identity ------------------------------------------------------------------------------
    @property
    def association(self) -> Association | None:
        """The single own association of staff and directors (None for admins and funders)."""
        return next(iter(sorted(self.associations)), None)

    def scope_key(self) -> tuple[str, ...]:
        """What queries may return for this viewer; cached results are keyed by it."""
        return (
            f"names={','.join(self.visible_associations())}",
            f"contacts={','.join(self.contact_associations())}",
            f"text={int(self.sees_free_text())}",
            f"mask={int(self.mask_small_counts())}",
        )


def viewer_for(
    role: Role | str,
    associations: Iterable[str] = (),
    *,
    lang: Lang = "en",
    demo: bool = False,
    name: str = "",
    email: str = "",
) -> Viewer:
    """A viewer; associations other than OE/WVE are ignored, admins and funders have none."""
    role = Role(role)
    own: frozenset[Association] = frozenset()
    if role in (Role.STAFF, Role.DIRECTOR):
        own = frozenset(a for a in ASSOCIATIONS if a in set(associations))
    return Viewer(role, own, lang, demo, name, email)


def allowed(viewer: Viewer | None, action: str, resource: str | None = None) -> bool:
    """The generic question, for code that holds an action name: ``allowed(v, "open", "data")``,
    ``allowed(v, "export", "members")``, ``allowed(v, "names", "OE")``. Nobody (None) may do
    anything."""
    if viewer is None:
        return False
    if action == "open":
        return viewer.may_open(resource or "")
    if action == "export":
        return viewer.may_export(resource or "")
    if action == "upload":
        return viewer.may_upload("", resource)
    if action == "names":
        return viewer.sees_names(resource or "")
    if action == "contacts":
        return viewer.sees_contacts(resource or "")
    if action == "free_text":
        return viewer.sees_free_text()
    if action == "audit":
        return viewer.sees_audit_log()
    if action == "submit":
        return viewer.may_submit_reports()
    return False


EXPORT_KINDS: Final = tuple(EXPORT_ROLES)
