"""Members: who takes part, from which side of the border, in which sector and municipality."""

import streamlit as st

from core.i18n import N_, fmt_date, fmt_number, translate
from dia import exhibits, links
from dia.data import members
from dia.data.regions import DE_LEVEL_LABELS
from dia.page import (
    _,
    aggregates_note,
    audited,
    choice,
    count,
    german_units,
    header,
    kpi_row,
    not_on_map,
    page_setup,
)
from dia.render import members as draw

user, lang = page_setup(__file__)
as_of = members.today()

header(
    _("Members"),
    _(
        "Member companies of Ondernemend Emmen (OE) and Wirtschaftsverband Emsland (WVE) on {date}.",
        date=fmt_date(as_of, lang),
    ),
)
aggregates_note()

facts = members.headline(as_of)
kpi_row(
    (
        _("Members OE"),
        count(facts.members_oe),
        _(
            "{count} of them with an address in Germany",
            count=count(facts.oe_members_in_de),
        ),
    ),
    (
        _("Members WVE"),
        count(facts.members_wve),
        _(
            "{count} of them with an address in the Netherlands",
            count=count(facts.wve_members_in_nl),
        ),
    ),
    (
        _("Companies (counted once)"),
        count(facts.companies),
        _("A company that is a member of both associations counts once (Interreg CO01)."),
    ),
    (_("Members of both associations"), count(facts.in_both)),
)

st.subheader(_("Members per municipality"))
left, middle, right = st.columns(3)
with left:
    association = choice(
        _("Association"),
        members.ASSOCIATION_CHOICES,
        members.ASSOCIATION_LABELS.__getitem__,
        link="association",
        select=True,
    )
with middle:
    measure = choice(
        _("Measure"),
        members.MAP_MEASURES,
        lambda m: m.label,
        link="measure",
        slug=links.KEY,
    )
with right:
    de_level = german_units()
_frame, unplaced = members.map_frame(association, de_level, measure, lang, user, as_of=as_of)
exhibits.chart(
    "members_map",
    lambda in_lang: draw.member_map(
        members.map_frame(association, de_level, measure, in_lang, user, as_of=as_of)[0],
        measure,
        in_lang,
    ),
    lambda in_lang: exhibits.map_sources(in_lang, members=True),
    user,
    lang,
    title=lambda in_lang: translate(in_lang, "Members per municipality"),
    filters={
        _("Association"): _(members.ASSOCIATION_LABELS[association]),
        _("Measure"): _(measure.label),
        _("German units"): _(DE_LEVEL_LABELS[de_level]),
    },
    is_map=True,
    counts=True,
)
not_on_map(
    N_(
        "{count} members are not on this map: their postcode covers several municipalities and names no single one at this level."
    ),
    unplaced,
)

left, right = st.columns(2)
with left:
    exhibits.chart(
        "members_sector",
        lambda in_lang: draw.sector_figure(members.by_sector(in_lang, user, as_of=as_of), in_lang),
        members.sources,
        user,
        lang,
        counts=True,
    )
with right:
    exhibits.chart(
        "members_size",
        lambda in_lang: draw.size_figure(members.by_size(in_lang, user, as_of=as_of), in_lang),
        members.sources,
        user,
        lang,
        counts=True,
    )

since_year = st.slider(
    _("Show years from"),
    min_value=1975,
    max_value=as_of.year,
    value=members.first_year_shown(),
)
exhibits.chart(
    "members_timeline",
    lambda in_lang: draw.timeline_figure(
        members.timeline(in_lang, user, as_of=as_of, since_year=since_year), in_lang
    ),
    members.sources,
    user,
    lang,
    filters={_("Show years from"): str(since_year)},
    counts=True,
)

st.subheader(_("Companies in both associations"))
in_both = members.in_both_table(lang, as_of, user)
if in_both is None:
    st.write(_("{count} companies are members of both associations.", count=count(facts.in_both)))
else:
    st.dataframe(in_both, hide_index=True, width="stretch")

for own in user.visible_associations():
    contacts = user.sees_contacts(own)
    st.subheader(_("Member list {association}", association=own))
    if not contacts:
        st.caption(_("Contact persons are shown to the association's staff only."))
    table = members.member_table(own, lang, user)
    st.dataframe(table.head(members.TABLE_ROWS), hide_index=True, width="stretch", height=420)
    if len(table) > members.TABLE_ROWS:
        st.caption(
            _(
                "The first {shown} of {total} members; the download holds all of them.",
                shown=fmt_number(members.TABLE_ROWS, lang),
                total=fmt_number(len(table), lang),
            )
        )
    st.download_button(
        _("Download member list {association} (.xlsx)", association=own),
        data=audited(
            members.member_workbook(own, lang, user, is_sample=facts.is_sample),
            user,
            f"member list {own} xlsx",
            kind="contacts" if contacts else "members",
        ),
        file_name=f"members_{own.lower()}_{as_of.isoformat()}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"download_{own}",
    )
