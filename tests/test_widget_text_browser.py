"""In a real Chromium: the navigation shows every page (no "View 3 more"), and the uploader's
button and size line and the charts' toolbar tooltips read our German words, not Streamlit's or
plotly's English."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, served_dashboard

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_navigation_and_uploader_in_german(data_dir: Path) -> None:
    from playwright.sync_api import sync_playwright

    with served_dashboard(data_dir) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(locale="de-DE").new_page()
        page.goto(f"{url}/?lang=de")
        nav = page.locator("[data-testid=stSidebarNav]")
        nav.wait_for(timeout=60_000)
        # the role switch (second picker in the sidebar): the administrator sees every page
        page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").nth(1).click()
        page.get_by_role("option", name="Administration").click()
        page.locator("[data-testid=stSidebarNav] a[href$='/data']").wait_for(timeout=60_000)
        links = nav.locator("a").count()
        nav_text = nav.inner_text()
        page.locator("[data-testid=stSidebarNav] a[href$='/data']").click()
        button = page.locator(
            "[data-testid=stFileUploaderDropzone] [data-testid=stBaseButton-secondary]"
        )
        button.wait_for(timeout=60_000)
        time.sleep(1)
        after = button.locator("span[data-has-shortcut]").evaluate(
            "e => getComputedStyle(e, '::after').content"
        )
        visible_text = button.inner_text()
        instructions = page.locator("[data-testid=stFileUploaderDropzoneInstructions]")
        hidden = instructions.count() == 0 or not instructions.is_visible()
        # a chart's toolbar: plotly's tooltips come from our catalog
        page.locator("[data-testid=stSidebarNav] a[href$='/members']").click()
        page.wait_for_selector(".js-plotly-plot .modebar-btn", state="attached", timeout=60_000)
        tooltips = page.eval_on_selector_all(
            ".js-plotly-plot .modebar-btn", "els => els.map(e => e.getAttribute('data-title'))"
        )
        browser.close()
    assert links >= 14, "every page of the administrator is listed"
    assert "View" not in nav_text and "more" not in nav_text, nav_text
    assert after == '"Datei auswählen"'
    assert "Upload" not in visible_text.replace("upload", ""), visible_text
    assert hidden, "Streamlit's '20MB per file' line is hidden; our label names the limit"
    assert "Vergrößern" in tooltips and "Zoom in" not in tooltips, tooltips
