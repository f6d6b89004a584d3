"""The pages, in menu order. Who may open which is decided in :mod:`dia.policy` (by url path);
the router lists a viewer's allowed pages and answers a deep link to any other page with a
"no access" message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from core.i18n import N_
from core.paths import PROJECT_ROOT
from dia.policy import Viewer


@dataclass(frozen=True)
class PageSpec:
    script: str  # relative to the project root
    title: str  # English msgid, translated at runtime
    icon: str
    url_path: str

    @property
    def path(self) -> Path:
        return PROJECT_ROOT / self.script


PAGES: Final[tuple[PageSpec, ...]] = (
    PageSpec("views/home.py", N_("Are we on track?"), ":material/speed:", "home"),
    PageSpec("views/overview.py", "Overview", ":material/map:", "overview"),
    PageSpec("views/members.py", N_("Members"), ":material/groups:", "members"),
    PageSpec("views/cooperation.py", N_("Cooperation"), ":material/handshake:", "cooperation"),
    PageSpec("views/partners.py", N_("Partner suggestions"), ":material/join_inner:", "partners"),
    PageSpec(
        "views/progress.py",
        N_("Project progress"),
        ":material/timeline:",
        "progress",
    ),
    PageSpec(
        "views/indicators.py",
        N_("Indicators"),
        ":material/fact_check:",
        "indicators",
    ),
    PageSpec(
        "views/reports.py", N_("Reporting periods"), ":material/assignment_turned_in:", "reports"
    ),
    PageSpec("views/labour.py", N_("Skilled workers"), ":material/engineering:", "labour"),
    PageSpec("views/training.py", N_("Training and internships"), ":material/school:", "training"),
    PageSpec("views/energy.py", N_("Energy transition"), ":material/bolt:", "energy"),
    PageSpec(
        "views/presentation.py",
        N_("Presentation"),
        ":material/slideshow:",
        "presentation",
    ),
    PageSpec(
        "views/data.py",
        N_("Data and uploads"),
        ":material/upload_file:",
        "data",
    ),
    PageSpec("views/glossary.py", N_("Glossary"), ":material/translate:", "glossary"),
)


def pages_for(viewer: Viewer) -> list[PageSpec]:
    return [page for page in PAGES if viewer.may_open(page.url_path)]


def page_of(script: str) -> PageSpec | None:
    return next((page for page in PAGES if page.script == script), None)


def may_open(script: str, viewer: Viewer | None) -> bool:
    """Whether ``viewer`` may see the page ``script`` (the policy decides by url path)."""
    page = page_of(script)
    return viewer is not None and page is not None and viewer.may_open(page.url_path)
