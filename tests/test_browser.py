"""The overview in a real headless Chromium: the map is drawn, fully offline."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.apptest import ROOT
from tests.browser import CHROMIUM, CHROMIUM_ARGS, served_dashboard

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def server(data_dir: Path) -> Iterator[str]:
    with served_dashboard(data_dir) as url:
        yield url


def test_first_request_deep_link_cannot_bypass_roles(data_dir: Path) -> None:
    """The very first request of a fresh server, straight to a page the (demo) director may not
    open, must go through the router: no upload page."""
    from playwright.sync_api import sync_playwright

    with served_dashboard(data_dir) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(locale="en-GB").new_page()
        page.goto(f"{url}/data")
        page.wait_for_selector("text=Warehouse version", timeout=60_000)
        headings = page.locator("h1").all_inner_texts()
        upload_inputs = page.locator("[data-testid=stFileUploader]").count()
        browser.close()
    assert upload_inputs == 0
    assert not any("upload" in h.lower() for h in headings), headings
    assert headings[0] == "No access", "a closed page says so instead of landing elsewhere"


def test_overview_map_is_drawn_offline(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian chromium is installed by .ci/run"
    external: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="nl-NL")

        def guard(route) -> None:  # type: ignore[no-untyped-def]
            if route.request.url.startswith(server):
                route.continue_()
            else:
                external.append(route.request.url)
                route.abort()

        page.route("**/*", guard)
        page.goto(f"{server}/overview")
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        # One path per region (3 NL + 19 DE units) plus grey context areas.
        page.wait_for_function(
            "document.querySelectorAll('.js-plotly-plot path.choroplethlocation').length >= 22",
            timeout=30_000,
        )
        heading = page.locator("h1").first.inner_text()
        shot = tmp_path / "overview_map.png"
        page.locator(".js-plotly-plot").first.screenshot(path=str(shot))
        browser.close()
    assert "Zuidoost-Drenthe" in heading
    assert external == [], f"the page tried to load external resources: {external}"
    # What the user sees: a map in the colour scale, not a blank or single-colour box.
    pixels = np.asarray(Image.open(shot).convert("RGB"), dtype=float)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    assert pixels.std() > 20, "the map area is (nearly) one colour"
    tinted = blue - red > 15  # any shade of the "Blues" scale of the regions
    assert tinted.mean() > 0.05, f"only {tinted.mean():.1%} of the map is in the colour scale"
    deep = (blue - red > 40) & (blue < 140)  # the largest municipality (Emmen) in deep blue
    assert deep.mean() > 0.002, "no region is drawn at the dark end of the scale"
    grey = (np.abs(red - 228) < 6) & (np.abs(green - 228) < 6) & (np.abs(blue - 228) < 6)
    assert grey.mean() > 0.02, "the grey context areas around the project area are missing"


def test_new_publish_reaches_an_open_page(server: str, data_dir: Path) -> None:
    """A build published while the page is open shows up on the next interaction."""
    from playwright.sync_api import sync_playwright

    from core.versions import current_version

    env = {**os.environ, "DIA_DATA_DIR": str(data_dir)}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(locale="en-GB").new_page()
        page.goto(f"{server}/overview")
        page.wait_for_selector("text=Warehouse version", timeout=60_000)
        subprocess.run(
            [sys.executable, "-m", "etl", "build", "--samples"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        fresh = current_version(data_dir / "warehouse")
        assert fresh is not None
        page.get_by_text("Population density", exact=True).first.click()
        # the footer names a version by the last part of its id
        short = fresh.version_id.rsplit("-", 1)[-1]
        page.wait_for_selector(f"text=Warehouse version {short}", timeout=30_000)
        browser.close()


def test_data_page_survives_the_far_cell_file_and_the_zip_bomb(server: str, tmp_path: Path) -> None:
    """Staff upload the two files that used to take the server down; each gets its reason, and
    a second session keeps working on another page meanwhile."""
    from playwright.sync_api import sync_playwright
    from test_bad_input_corpus import CORPUS

    uploads = []
    for name in ("far_cell.xlsx", "zip_bomb.xlsx"):
        path = tmp_path / name
        path.write_bytes(CORPUS[name][0])
        uploads.append(path)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        staff = browser.new_context(locale="en-GB").new_page()
        other = browser.new_context(locale="nl-NL").new_page()
        staff.goto(server)
        staff.wait_for_selector("text=Warehouse version", timeout=60_000)
        staff.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").nth(1).click()
        staff.get_by_text("Staff · OE", exact=True).last.click()
        staff.wait_for_selector("[data-testid=stSidebarNav] a[href$='/data']", timeout=30_000)
        staff.locator("[data-testid=stSidebarNav] a[href$='/data']").click()
        uploader = staff.locator("[data-testid=stFileUploader] input[type=file]")
        uploader.wait_for(state="attached", timeout=60_000)
        messages = []
        for path, expected in zip(uploads, ("XFD1048576", "unpacks to"), strict=True):
            uploader.set_input_files(str(path))
            error = staff.locator("[data-testid=stAlertContentError]").first
            error.wait_for(timeout=120_000)
            staff.wait_for_selector(f"text={expected}", timeout=120_000)
            messages.append(error.inner_text())
            # the other session is served while (and after) the file is checked
            other.goto(server)
            other.wait_for_selector("text=Versie datawarehouse", timeout=60_000)
        browser.close()
    assert "XFD1048576" in messages[0] and "Leden" in messages[0]
    assert "unpacks to" in messages[1]
    with urllib.request.urlopen(f"{server}/_stcore/health", timeout=5) as response:
        assert response.status == 200
