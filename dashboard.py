"""DIA Monitor — entry point: page config, user and role, language, navigation per role."""

import streamlit as st

from core.paths import PROJECT_ROOT
from dia import auth, ui
from dia.navigation import pages_for
from dia.warehouse import NoWarehouseError, version

ICON = PROJECT_ROOT / "assets" / "favicon.png"
st.set_page_config(page_title="DIA Monitor", page_icon=str(ICON), layout="wide")

ui.language_switch()
user = auth.current_user()
if user is None:
    ui.login_screen()
    st.stop()
if user.demo:
    ui.role_preview()
    ui.demo_banner()

try:
    version()
except NoWarehouseError:
    st.error(
        ui._("No data has been loaded yet. Run `make run` or `python -m etl build --samples`.")
    )
    st.stop()

navigation = st.navigation(
    [
        st.Page(page.path, title=ui._(page.title), icon=page.icon, url_path=page.url_path)
        for page in pages_for(user)
    ]
)
navigation.run()
ui.footer()
