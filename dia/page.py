"""Page chrome shared by every page: ``page_setup()`` (language, user, may this user open the
page), language switch, role preview, sample banner, footer, source captions and map attribution."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import NamedTuple, TypeVar

import pandas as pd
import streamlit as st
from streamlit.navigation.page import StreamlitPage

from core import audit
from core.i18n import LANG_NAMES, LANGS, N_, Lang, fmt_date, lang_from_locale, translate
from core.paths import PROJECT_ROOT
from dia import auth, links, navigation, widget_text
from dia.data import project
from dia.data.project import Calendar
from dia.data.regions import DE_LEVEL_LABELS, DE_LEVELS, DeLevel
from dia.data.warehouse import query
from dia.privacy import fmt_count
from dia.render.source_words import attribution, dates, fmt_build_time, title, words

LANG_KEY = "lang"
VIEWER_KEY = "page_viewer"  # the viewer of this run, set by page_setup
# What a funder is told once at the top of a page of counts.
AGGREGATES_ONLY = N_(
    "Aggregates only: no company names or free text; counts below 5 are shown as <5 and every "
    "other count is rounded to tens, so that no small count can be worked out."
)
SMALL_COUNTS = N_("Aggregates only: counts below 5 are shown as <5.")
T = TypeVar("T")


def current_lang() -> Lang:
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = lang_from_locale(st.context.locale)
    lang: Lang = st.session_state[LANG_KEY]
    return lang


def _(message: str, **params: object) -> str:
    """``message`` in the session's language."""
    return translate(current_lang(), message, **params)


def translated(label: Callable[[T], str]) -> Callable[[T], str]:
    """A widget ``format_func`` that translates ``label(option)`` in today's language.

    The language is bound now, not when Streamlit later calls the function (possibly outside
    this script run, where the session is not at hand)."""
    lang = current_lang()
    return lambda option: translate(lang, label(option))


def language_switch() -> None:
    current_lang()
    st.sidebar.selectbox(
        _("Language"), LANGS, key=LANG_KEY, format_func=lambda code: LANG_NAMES[code]
    )


def role_label(role: auth.Role, association: str | None) -> str:
    labels = {
        auth.Role.DIRECTOR: _("Director"),
        auth.Role.STAFF: _("Staff"),
        auth.Role.FUNDER: _("Funder"),
        auth.Role.ADMIN: _("Administrator"),
    }
    return labels[role] + (f" · {association}" if association else "")


def role_labels() -> list[str]:
    return [role_label(role, association) for role, association in auth.DEMO_USERS]


def role_preview() -> None:
    """The demo's role switch. Its widget key is per language (a keyed widget whose labels
    change keeps showing the old language); the chosen role lives in ``auth.DEMO_KEY``."""
    labels = role_labels()
    widget = f"{auth.DEMO_KEY}.{current_lang()}"
    st.session_state[widget] = int(st.session_state.get(auth.DEMO_KEY, 0))
    st.sidebar.selectbox(
        _("Preview as"),
        range(len(labels)),
        key=widget,
        on_change=lambda: st.session_state.__setitem__(auth.DEMO_KEY, st.session_state[widget]),
        format_func=labels.__getitem__,
        help=_("Demo mode: no login is configured, so you can look at the dashboard as each role."),
    )


def demo_banner() -> None:
    st.warning(
        _("Demo mode with sample data") + " · demo / voorbeelddata / Beispieldaten",
        icon=":material/science:",
    )


def sources_caption(sources: Iterable[tuple[str, str]]) -> None:
    """The "source · vintage" line under a chart or map."""
    lang = current_lang()
    text = " | ".join(
        f"{words(title, lang)} · {dates(vintage, lang)}" if vintage else words(title, lang)
        for title, vintage in sources
    )
    st.caption(_("Source") + ": " + text)


def footer() -> None:
    lang = current_lang()
    info = query("build_info")
    sources = query("sources")
    st.divider()
    with st.container(key="footer"):
        if not info.empty:
            row = info.iloc[0]
            finished = pd.Timestamp(row["finished_at"])
            if finished.tzinfo is None:
                finished = finished.tz_localize("UTC")
            st.caption(
                _(
                    "Warehouse version {version}, built {built}",
                    # the id's last part names the version; the full id is in the link
                    version=str(row["run_id"]).rsplit("-", 1)[-1],
                    built=fmt_build_time(finished.to_pydatetime(), lang),
                )
            )
        with st.expander(_("Sources, freshness and attribution")):
            table = pd.DataFrame(
                {
                    _("Source"): sources["title"].map(lambda v: title(v, lang)),
                    _("Publisher"): sources["publisher"].map(lambda v: words(v, lang)),
                    _("As of"): sources["vintage"].map(lambda v: dates(v, lang)),
                    _("Licence"): sources["licence"].map(lambda v: words(v, lang)),
                    _("Attribution"): [
                        title(credit, lang) if sample else attribution(credit, lang)
                        for credit, sample in zip(
                            sources["attribution"], sources["is_sample"], strict=True
                        )
                    ],
                    _("Sample data"): sources["is_sample"].map({True: _("yes"), False: _("no")}),
                }
            )
            widget_text.table(table)
        credits = sources.loc[~sources["is_sample"], "attribution"]
        st.caption(" · ".join(dict.fromkeys(attribution(v, lang) for v in credits)))


def login_screen() -> None:
    """Sign-in, or "no access" with sign-out for a signed-in address that has no role."""
    st.title("DIA Monitor")
    if st.user.get("is_logged_in"):
        st.error(
            _(
                "No access: the account {email} has no role in DIA Monitor. Ask an administrator.",
                email=str(st.user.get("email", "")),
            )
        )
        st.button(_("Log out"), on_click=st.logout, key="logout")
    else:
        st.write(_("Please log in to see the dashboard."))
        st.button(_("Log in"), on_click=st.login, key="login")


def setup_screen() -> None:
    """Real data without sign-in configured: show how to set it up, and no data."""
    st.title("DIA Monitor")
    st.error(
        _(
            "Real member or project data is loaded, but sign-in is not configured. No data is shown until it is."
        ),
        icon=":material/lock:",
    )
    st.markdown(
        _(
            "To set up sign-in, copy `.streamlit/secrets.toml.example` to `.streamlit/secrets.toml`, "
            "enter your OpenID Connect provider under `[auth]` and give people a role under "
            "`[dia.users]` (by e-mail address) or `[dia.domains]` (by e-mail domain), then restart "
            "the dashboard. See docs/access.md."
        )
    )


def no_access(home: StreamlitPage) -> None:
    """A page the viewer may not open (a deep link, an old bookmark): say so, offer the way home."""
    st.title(_("No access"))
    st.error(_("You do not have access to this page."), icon=":material/block:")
    st.page_link(home, label=_("Go to your first page"), icon=":material/home:")


def signed_in_box(viewer: auth.Viewer) -> None:
    """Who is signed in, in which role, and the way out."""
    st.sidebar.caption(f"{viewer.email} · {role_label(viewer.role, viewer.association)}")
    st.sidebar.button(_("Log out"), on_click=st.logout, key="logout", icon=":material/logout:")


def kpi(label: str, value: str, help_text: str | None = None, delta: str | None = None) -> None:
    """A headline figure; ``delta`` is a formatted change (its sign sets the arrow)."""
    st.metric(label, value, delta=delta, help=help_text, border=True)


def kpi_row(*figures: tuple[str, str] | tuple[str, str, str | None]) -> None:
    """Headline figures side by side, one column each: (label, value[, help text])."""
    for column, figure in zip(st.columns(len(figures)), figures, strict=True):
        with column:
            kpi(*figure)


def map_attribution() -> None:
    """Sources of the map's shapes and figures, required next to every map."""
    lang = current_lang()
    st.caption(
        _("Map")
        + ": © GeoBasis-DE / [BKG](https://www.bkg.bund.de) 2021 (Daten verändert) · "
        + attribution("Bron: CBS, Kadaster (gebiedsindelingen 2015)", lang)
        + " · "
        + _("Population")
        + ": "
        + attribution(f"Bron: CBS ({fmt_date(dt.date(2021, 1, 1), lang)})", lang)
        + " · Zensus 2022, © Statistische Ämter des Bundes und der Länder"
    )


class Page(NamedTuple):
    """What a page script renders for: the viewer and the language."""

    user: auth.Viewer
    lang: Lang


def may_open(script: str, viewer: auth.Viewer) -> bool:
    """The access check every page passes before it renders anything; the access policy
    (``dia.policy`` through ``Viewer.may_open``) decides."""
    return navigation.may_open(script, viewer)


def page_setup(script: str) -> Page:
    """The first call of every page script (``user, lang = page_setup(__file__)``): the viewer
    and language of this run. Stops the run when nobody is signed in or the viewer may not open
    ``script``: the router only offers allowed pages, and this check holds even when Streamlit
    runs a page script without the router."""
    lang = current_lang()
    viewer = auth.current_viewer(lang)
    name = Path(script).resolve().relative_to(PROJECT_ROOT).as_posix()
    if viewer is None:
        st.stop()
    if not may_open(name, viewer):
        st.title(_("No access"))
        st.error(_("You do not have access to this page."), icon=":material/block:")
        st.stop()
    assert viewer is not None
    st.session_state[VIEWER_KEY] = viewer
    return Page(user=viewer, lang=lang)


def _viewer() -> auth.Viewer:
    viewer: auth.Viewer = st.session_state[VIEWER_KEY]
    return viewer


def count(value: float | int | None) -> str:
    """A count in the page's text as this viewer may see it: the policy decides whether it is
    published ("<5", rounded) or exact."""
    return fmt_count(value, current_lang(), mask=_viewer().mask_small_counts())


def aggregates_note(*messages: str, caption: bool = False) -> None:
    """The note for viewers who see aggregates only (``messages``, one sentence each; the
    general note when none is given): on top of a page, or as a ``caption`` under a table."""
    if _viewer().mask_small_counts():
        text = " ".join(_(message) for message in messages or (AGGREGATES_ONLY,))
        if caption:
            st.caption(text)
        else:
            st.info(text)


def not_on_map(message: str, value: float | int, **params: object) -> None:
    """The caption under a map saying how much of the count it cannot place (``message`` with
    ``{count}``); nothing when everything is on the map."""
    if value:
        st.caption(_(message, count=count(value), **params))


def choice(
    label: str,
    options: Sequence[T],
    name: Callable[[T], str],
    *,
    link: str,
    slug: Callable[[T], str] = str,
    select: bool = False,
    horizontal: bool = True,
    help_text: str | None = None,
) -> T:
    """A choice the page's link remembers (``link`` names it in the query string, ``slug`` names
    an option there): horizontal radio buttons, or a drop-down with ``select``. ``name(option)``
    is an English message, shown translated."""
    key = links.restore_filter(link, options, slug, lang=current_lang())
    format_func = translated(name)
    if select:
        value = st.selectbox(label, options, format_func=format_func, key=key, help=help_text)
    else:
        value = st.radio(
            label, options, format_func=format_func, key=key, help=help_text, horizontal=horizontal
        )
    assert value is not None  # options are never empty and there is no "nothing chosen"
    links.keep_filter(link, value, slug)
    return value


def choices(
    label: str,
    options: Sequence[T],
    name: Callable[[T], str],
    *,
    link: str,
    default: Sequence[T],
    slug: Callable[[T], str] = str,
    placeholder: str | None = None,
) -> list[T]:
    """Several choices the page's link remembers (``link=a,b``): a multiselect that starts from
    the link, else from ``default``. ``name(option)`` is an English message, shown translated."""
    key = links.restore_filters(link, options, slug, lang=current_lang())
    if key not in st.session_state:
        st.session_state[key] = list(default)
    values = st.multiselect(
        label, options, format_func=translated(name), key=key, placeholder=placeholder
    )
    links.keep_filters(link, values, slug)
    return values


def german_units() -> DeLevel:
    """Which German units the map draws: Samtgemeinden/Einheitsgemeinden or Gemeinden."""
    return choice(
        _("German units"),
        DE_LEVELS,
        DE_LEVEL_LABELS.__getitem__,
        link="units",
        help_text=_("Samtgemeinden and Einheitsgemeinden are closest in size to a Dutch gemeente."),
    )


def pick(label: str, options: Sequence[T], name: Callable[[T], str], *, last: bool = False) -> T:
    """A drop-down of ``options`` named by ``name`` (already in the page's language); starts on
    the first option, or on the last with ``last``."""
    value = st.selectbox(label, options, index=len(options) - 1 if last else 0, format_func=name)
    assert value is not None  # options are never empty and there is no "nothing chosen"
    return value


def actor(viewer: auth.Viewer) -> str:
    """Who the audit log names: the signed-in address, or the demo preview's role."""
    return viewer.email or f"demo:{viewer.role.value}"


def audited(
    data: bytes | Callable[[], bytes], viewer: auth.Viewer, what: str, *, kind: str
) -> Callable[[], bytes]:
    """A download's data, made when the button is clicked (possibly on another thread), only if
    the policy lets the viewer export ``kind``, and written to the audit log."""
    who, role = actor(viewer), viewer.role.value
    allowed = viewer.may_export(kind)

    def produce() -> bytes:
        if not allowed:
            audit.record("denied", what, who=who, role=role, details={"kind": kind})
            raise PermissionError(f"{role} may not export {kind}")
        payload = data() if callable(data) else data
        audit.record(
            "export", what, who=who, role=role, details={"kind": kind, "bytes": len(payload)}
        )
        return payload

    return produce


def notes(messages: Iterable[str], *, markdown: bool = False) -> None:
    """Explanations kept out of the page script (English msgids, shown translated): one caption
    each, or one block of markdown with ``markdown``."""
    texts = [_(message) for message in messages]
    if markdown:
        st.markdown("\n".join(texts))
    else:
        for text in texts:
            st.caption(text)


def header(title: str, caption: str | None = None) -> None:
    """The page's title and the line under it (both already in the page's language)."""
    st.title(title)
    if caption is not None:
        st.caption(caption)


class Records(NamedTuple):
    """The project records behind a page: the calendar, their sources in the page's language,
    and the same for any language (charts give theirs in the language they are drawn in)."""

    cal: Calendar
    sources: list[tuple[str, str]]
    in_lang: Callable[[Lang], list[tuple[str, str]]]


def project_records() -> Records:
    """``project_calendar()`` with the records' sources; ends the page while none are loaded."""
    cal = project_calendar()
    return Records(
        cal,
        project.record_sources(current_lang(), cal.data_as_of),
        partial(project.record_sources, as_of=cal.data_as_of),
    )


def project_calendar() -> Calendar:
    """The project's calendar; ends the page with a note while no project records are loaded."""
    if not project.has_records():
        st.info(_("No project records have been loaded yet; see the Data page or docs/records.md."))
        st.stop()
    return project.calendar()
