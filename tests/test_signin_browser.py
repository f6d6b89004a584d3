"""Real sign-in in headless Chromium: the dashboard signs people in through a local OpenID Connect
provider (oidc-provider-mock), maps each e-mail address or domain to its role, ends on that role's
first page, answers unknown accounts and forbidden deep links with "no access", and signs out."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from core import audit
from tests.browser import CHROMIUM, CHROMIUM_ARGS, free_port, served_dashboard

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# E-mail -> (what the menu must list, what it must not list). "Are we on track?" is everyone's
# first page.
PEOPLE = {
    "it@ondernemend-emmen.nl": ({"Project progress", "Data and uploads", "Indicators"}, set()),
    "j.jansen@ondernemend-emmen.nl": ({"Project progress", "Indicators"}, {"Data and uploads"}),
    "m.mueller@wirtschaftsverband-emsland.de": (
        {"Data and uploads"},
        {"Project progress", "Indicators"},
    ),
    "programme@interreg.example.eu": ({"Indicators"}, {"Data and uploads", "Project progress"}),
}
STRANGER = "someone@example.org"

SECRETS = """
[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "test-cookie-secret-0123456789abcdef"
client_id = "dia-monitor"
client_secret = "dia-monitor-secret"
server_metadata_url = "http://localhost:{provider}/.well-known/openid-configuration"

[dia.users]
"it@ondernemend-emmen.nl" = {{ role = "admin" }}
"j.jansen@ondernemend-emmen.nl" = {{ role = "director", association = "OE" }}
"programme@interreg.example.eu" = {{ role = "funder" }}

[dia.domains]
"wirtschaftsverband-emsland.de" = {{ role = "staff", association = "WVE" }}
"""


@contextlib.contextmanager
def provider() -> Iterator[int]:
    from oidc_provider_mock import User, run_server_in_thread

    people = [User(sub=email, claims={"email": email, "name": email}) for email in PEOPLE]
    people.append(User(sub=STRANGER, claims={"email": STRANGER, "name": "Stranger"}))
    with run_server_in_thread(port=free_port(), user_claims=people) as server:
        yield int(server.server_port)


@contextlib.contextmanager
def signed_in_dashboard(data_dir: Path, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    with provider() as provider_port:
        secrets = tmp_path / "secrets.toml"
        secrets.write_text(SECRETS.format(port=port, provider=provider_port), encoding="utf-8")
        options = [f"--secrets.files={secrets}"]
        with served_dashboard(data_dir, host="localhost", port=port, options=options) as url:
            yield url


def _sign_in(page, url: str, email: str, log_in: str = "Log in") -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.get_by_role("button", name=log_in).click(timeout=60_000)
    page.wait_for_selector("text=Authorize Client", timeout=30_000)
    page.get_by_role("button", name=email, exact=True).click()


def _sign_out(page, log_out: str = "Log out", log_in: str = "Log in") -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name=log_out).click()
    # The provider asks to confirm ending its session, then sends the browser back.
    with contextlib.suppress(Exception):
        page.wait_for_selector("form button", timeout=15_000)
        if "end_session" in page.url:
            page.locator("form button").first.click()
    page.get_by_role("button", name=log_in).wait_for(timeout=60_000)


def test_sign_in_as_every_role_and_out(data_dir: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    shots = tmp_path / "shots"
    shots.mkdir()
    with signed_in_dashboard(data_dir, tmp_path) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for email, (listed, unlisted) in PEOPLE.items():
            page = browser.new_context(locale="en-GB").new_page()
            _sign_in(page, url, email)
            page.wait_for_selector("text=Warehouse version", timeout=60_000)
            heading = page.locator("h1").first.inner_text()
            more = page.locator("[data-testid=stSidebarNavViewButton]")
            if more.count():  # a long menu shows its first pages and a "View more" button
                more.first.click()
            links = page.locator("[data-testid=stSidebarNav] a").all_inner_texts()
            menu = {text.strip().splitlines()[-1] for text in links}  # after the icon's name
            sidebar = page.locator("[data-testid=stSidebar]").inner_text()
            page.screenshot(path=str(shots / f"{email}.png"), full_page=True)
            assert heading == "Are we on track?", (email, heading)  # the landing page: first page
            assert listed <= menu and not (unlisted & menu), (email, menu)
            assert email in sidebar, "the sidebar names who is signed in"
            assert "Preview as" not in sidebar, "no role preview once sign-in is configured"
            assert "Demo mode" not in page.content()
            if email.startswith("programme@"):
                # A funder's deep link to a closed page answers "no access", in place.
                page.goto(f"{url}/progress")
                page.wait_for_selector("text=You do not have access to this page.", timeout=60_000)
                assert page.locator("h1").first.inner_text() == "No access"
                assert "/progress" in page.url
            _sign_out(page)
            page.goto(url)
            page.get_by_role("button", name="Log in").wait_for(timeout=60_000)
            page.context.close()

        page = browser.new_context(locale="de-DE").new_page()
        _sign_in(page, url, STRANGER, log_in="Anmelden")
        page.wait_for_selector(f"text=Kein Zugriff: Das Konto {STRANGER}", timeout=60_000)
        assert page.locator("text=Warehouse version").count() == 0
        assert page.locator("text=Data-Warehouse-Version").count() == 0, "no data for strangers"
        _sign_out(page, log_out="Abmelden", log_in="Anmelden")
        browser.close()

    signed_in = {e["who"] for e in audit.read(data_dir / "audit" / "audit.jsonl").entries
                 if e["event"] == "sign_in"}  # fmt: skip
    assert set(PEOPLE) <= signed_in
    assert STRANGER not in signed_in
