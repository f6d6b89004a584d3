"""DIA Monitor — entry point: page config, viewer (role, association, language), navigation per role."""

from functools import partial

import streamlit as st

from core import audit
from core.paths import PROJECT_ROOT
from dia import auth, links, page
from dia.data.warehouse import NoWarehouseError, version
from dia.navigation import PAGES
from dia.presentation import version_label

ICON = PROJECT_ROOT / "assets" / "favicon.png"
st.set_page_config(page_title="DIA Monitor", page_icon=str(ICON), layout="wide")

links.restore_language(page.LANG_KEY)
page.language_switch()
mode = auth.mode()
if mode == "setup":
    page.setup_screen()
    st.stop()
viewer = auth.current_viewer(page.current_lang())
if viewer is None:
    page.login_screen()
    st.stop()
if viewer.demo:
    page.role_preview()
    page.demo_banner()
else:
    if not st.session_state.get("signed_in_logged"):
        st.session_state["signed_in_logged"] = True
        audit.record("sign_in", viewer.email, who=viewer.email, role=viewer.role.value)
    page.signed_in_box(viewer)

try:
    published = version()
except NoWarehouseError:
    st.error(
        page._("No data has been loaded yet. Run `make run` or `python -m etl build --samples`.")
    )
    st.stop()
lang = page.current_lang()
links.notice(lang, published.version_id, version_label(lang))

# Every page keeps its url path for every viewer: a page the viewer may not open answers with
# "no access" (hidden from the menu) instead of silently landing elsewhere.
allowed = [spec for spec in PAGES if viewer.may_open(spec.url_path)]
home = st.Page(
    allowed[0].path,
    title=page._(allowed[0].title),
    icon=allowed[0].icon,
    url_path=allowed[0].url_path,
    default=True,
)
entries = [home] + [
    st.Page(spec.path, title=page._(spec.title), icon=spec.icon, url_path=spec.url_path)
    for spec in allowed[1:]
]
entries += [
    st.Page(
        partial(page.no_access, home),
        title=page._("No access"),
        url_path=spec.url_path,
        visibility="hidden",
    )
    for spec in PAGES
    if not viewer.may_open(spec.url_path)
]
st.navigation(entries, expanded=True).run()
links.keep(lang, published.version_id)
links.share_box(lang)
page.footer()
