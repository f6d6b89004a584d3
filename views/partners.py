"""Partner suggestions: for a member company, an energy project or a theme, the members on the
other side of the border that fit best, with the reasons; staff mark an introduction."""

import streamlit as st

from core import audit
from core.codes import ACTIVITY_TYPES, COLLABORATION_TYPES, STATUSES, THEMES
from core.i18n import translate
from dia import exhibits
from dia.data import labour, partners, training
from dia.export.exhibit import Exhibit
from dia.page import _, header, page_setup, sources_caption, translated
from dia.render import partners as charts

user, lang = page_setup(__file__)

header(
    _("Partner suggestions across the border"),
    _(
        "Which members on the other side of the border fit a company, an energy project or a "
        "theme, and why. The weights are set in data/config/partners.toml (docs/partners.md)."
    ),
)

weights = partners.weights()
status = training.labour_status()
shortage = training.shortage_groups(status)
members = partners.with_features(
    partners.members(lang, user.visible_associations()), partners.centres(), weights
)
labels = {
    **labour.isco_labels(lang),
    **{code: translate(lang, label) for code, label in ACTIVITY_TYPES.items()},
    **{code: translate(lang, label).lower() for code, label in STATUSES.items()},
}
if members["is_sample"].any():
    st.warning(
        _(
            "The member lists and project records are generated sample data "
            "(voorbeelddata / Beispieldaten)."
        ),
        icon=":material/science:",
    )

MODES = {
    "member": _("A member company"),
    "project": _("An energy project"),
    "theme": _("A theme"),
}
mode = st.radio(_("Suggestions for"), list(MODES), format_func=MODES.__getitem__, horizontal=True)

anchor_member = None
if mode == "member":
    own = [a for a in ("OE", "WVE") if user.sees_names(a)]
    if not own:
        st.info(_("You see member companies of no association by name."))
        st.stop()
    left, right = st.columns([1, 3])
    association = left.selectbox(_("Association"), own) if len(own) > 1 else own[0]
    choices = partners.anchors(members, association)
    if choices.empty:
        st.info(_("No member list of this association has been loaded yet."))
        st.stop()
    member_id = right.selectbox(
        _("Member company"),
        choices["member_id"],
        format_func=partners.member_labels(choices, lang).__getitem__,
    )
    anchor_member = choices[choices["member_id"] == member_id].iloc[0]
    anchor = partners.member_anchor(anchor_member, weights)
    candidates = partners.candidates_for(members, association, anchor.country)
    cooperation = partners.cooperation_with(
        partners.cooperation(), str(anchor_member["company_id"]), anchor.country
    )
elif mode == "project":
    projects = partners.projects(user.sees_free_text())
    if projects.empty:
        st.info(_("No energy projects have been loaded yet."))
        st.stop()
    project_id = st.selectbox(
        _("Energy project"),
        projects["opportunity_id"],
        format_func=lambda pid: partners.project_label(projects, pid, lang),
    )
    project = projects[projects["opportunity_id"] == project_id].iloc[0]
    anchor = partners.project_anchor(project, partners.centres())
    candidates = partners.candidates_for(members, str(project["lead_association"]), anchor.country)
    cooperation = {}
else:
    left, right = st.columns(2)
    theme = left.selectbox(_("Theme"), list(THEMES), format_func=translated(THEMES.__getitem__))
    sides = {"WVE": _("WVE members in Emsland"), "OE": _("OE members in Zuidoost-Drenthe")}
    default = 0 if user.association != "WVE" else 1
    side = right.radio(
        _("Look for partners among"),
        list(sides),
        index=default,
        format_func=sides.__getitem__,
        horizontal=True,
    )
    home = partners.OTHER[side]
    anchor = partners.theme_anchor(theme, partners.COUNTRY[home], weights)
    candidates = partners.candidates_for(members, home, anchor.country)
    cooperation = {}

result = partners.suggest(anchor, candidates, weights, shortage, cooperation)
if result.table.empty:
    st.info(_("No members on the other side of the border to suggest."))
    st.stop()

st.subheader(_("Best fits on the other side of the border"))
st.caption(
    _(
        "{shown} of {count} members scored. Score 0–100: the weighted mean of the reasons.",
        shown=len(result.table),
        count=result.considered,
    )
)
st.dataframe(
    partners.table_view(result.table, anchor, labels, lang),
    hide_index=True,
    width="stretch",
    column_config={
        **{key: _(label) for key, label in partners.TABLE_COLUMNS.items()},
        "rank": st.column_config.NumberColumn(_("Rank"), width="small"),
        "score": st.column_config.ProgressColumn(
            _("Score"), min_value=0, max_value=100, format="%d", width="small"
        ),
        "km": st.column_config.NumberColumn(_("km"), width="small"),
        "shortages": st.column_config.TextColumn(
            _("Shared shortages (ISCO-08)"),
            help=_("Occupation groups both sectors employ that are in shortage on either side"),
        ),
    },
)
sources_caption(partners.sources(lang))

shown = partners.table_view(result.table, anchor, labels, lang)
names = [f"{r.rank}. {r.company} · {r.municipality}" for r in shown.itertuples()]
parts = charts.contributions(result.table, anchor, weights)
exhibits.show(
    Exhibit(
        key=f"partners.score.{mode}",
        page="partners",
        build=lambda in_lang: charts.score_figure(names, parts, in_lang),
        sources=partners.sources,
        is_sample=bool(result.table["is_sample"].any()),
        filters={_("Suggestions for"): MODES[mode]},
    ),
    user,
    lang,
)

if anchor_member is not None and user.may_upload("records", None):
    st.subheader(_("Mark an introduction"))
    st.caption(
        _(
            "Introduced companies become a planned collaboration in the project records: the "
            "warehouse is rebuilt and the Cooperation page and the indicator ledger show it."
        )
    )
    with st.form("introduce"):
        left, right = st.columns([3, 2])
        chosen = left.selectbox(
            _("Introduce to"),
            result.table["member_id"],
            format_func=partners.member_labels(result.table, lang).__getitem__,
        )
        kind = right.selectbox(
            _("Type of collaboration"),
            list(COLLABORATION_TYPES),
            format_func=translated(COLLABORATION_TYPES.__getitem__),
        )
        submitted = st.form_submit_button(_("Mark as introduced"), icon=":material/handshake:")
    if submitted:
        outcome = partners.mark_introduced(
            anchor_member, result.table[result.table["member_id"] == chosen].iloc[0], kind, user
        )
        if outcome.collaboration_id is None:
            st.info(_("These two companies were introduced before."))
        else:
            with st.spinner(_("Loading the introduction into the warehouse…")):
                build = partners.rebuild(sample=outcome.sample)
            audit.record(
                "build",
                f"introduction {outcome.collaboration_id}",
                who=user.email or "demo",
                role=user.role.value,
                details={"published": build.ok},
            )
            if build.ok:
                st.success(
                    _(
                        "Introduction {id} saved as a planned collaboration.",
                        id=outcome.collaboration_id,
                    )
                )
                st.page_link(
                    "views/cooperation.py",
                    label=_("See it on the Cooperation page"),
                    icon=":material/handshake:",
                )
            else:
                st.error(
                    _(
                        "The introduction is saved, but the warehouse could not be rebuilt; "
                        "see the Data page."
                    )
                )
