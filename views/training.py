"""Training and internships: per occupation group and side, the shortage, what each side trains,
the places for trainees, and where the other side of the border could help, on the map."""

import streamlit as st

from core.i18n import Lang, translate
from dia import exhibits
from dia.data import labour, training
from dia.data.regions import map_shapes
from dia.export.exhibit import Exhibit
from dia.page import (
    SMALL_COUNTS,
    _,
    aggregates_note,
    count,
    header,
    kpi,
    map_attribution,
    page_setup,
    sources_caption,
)
from dia.render import source_words
from dia.render import training as charts

user, lang = page_setup(__file__)

header(
    _("Training and internships across the border"),
    _(
        "Per occupation group (ISCO-08): where each side is short of skilled workers, what it "
        "trains, how many places for trainees there are, and where the other side could help."
    ),
)
figures = training.groups()
if figures.empty:
    st.info(_("No training figures have been loaded yet; see docs/training.md."))
    st.stop()
status = training.labour_status()
labels = labour.isco_labels(lang)
table = training.group_table(figures, status)
sources = training.sources()
if sources["is_sample"].any():
    st.warning(
        _(
            "mbo, SBB and Ausbildungsmarkt figures on this page are generated sample data "
            "(voorbeelddata / Beispieldaten) until the real tables are loaded. The hbo "
            "enrolments (DUO) and the students in Emsland (Regionaldatenbank) are real."
        ),
        icon=":material/science:",
    )
aggregates_note(SMALL_COUNTS)


def caption_sources(in_lang: Lang) -> list[tuple[str, str]]:
    """Training sources, then the labour-market sources behind the shortage."""
    return [
        (
            source_words.named(row.title, row.publisher, in_lang),
            source_words.dates(row.vintage, in_lang),
        )
        for row in sources.itertuples(index=False)
    ]


offered = training.member_places()
if offered["answered"].sum():
    cells = st.columns(len(offered))
    for cell, row in zip(cells, offered.itertuples(), strict=True):
        with cell:
            kpi(
                _(training.MEMBER_PLACES[row.association]),
                count(row.places),
                _(
                    "{companies} of {members} members are recognised training companies "
                    "({answered} members with an answer).",
                    companies=count(row.training_companies),
                    members=count(row.members),
                    answered=count(row.answered),
                ),
            )

st.subheader(_("Occupation groups on both sides"))
st.dataframe(
    training.table_view(table, labels, lang, user),
    hide_index=True,
    width="stretch",
)
sources_caption(caption_sources(lang))
if status.period:
    st.caption(
        _(
            "Shortage: vacancies and job seekers in {period}, as on the skilled-workers page.",
            period=labour.fmt_period(status.period, lang),
        )
    )

exhibits.show(
    Exhibit(
        key="training.bars",
        page="training",
        build=lambda in_lang: charts.bars_figure(table, labour.isco_labels(in_lang), in_lang, user),
        sources=caption_sources,
        is_sample=bool(sources["is_sample"].any()),
        counts=True,
    ),
    user,
    lang,
)

st.subheader(_("One occupation group on the map"))
vocational = charts.vocational(table)["isco_group"].tolist()
if not vocational:  # only hbo/Studium figures loaded: no vocational group to map
    st.info(_("No vocational training figures have been loaded yet; the map needs them."))
else:
    helped = [g for g in vocational if table.set_index("isco_group").loc[g, "help"]]
    group = st.selectbox(
        _("Occupation group (ISCO-08)"),
        vocational,
        index=vocational.index(helped[0]) if helped else 0,
        format_func=lambda code: labour.group_label(code, labels),
    )
    places = training.places()
    geojson, context_ids = map_shapes()
    frame = charts.map_frame(places, table, group)
    exhibits.show(
        Exhibit(
            key="training.map",
            page="training",
            build=lambda in_lang: charts.places_map(
                frame, geojson, context_ids, group, labour.isco_labels(in_lang), in_lang, user
            ),
            sources=caption_sources,
            is_sample=bool(frame["is_sample"].any()) if len(frame) else False,
            filters={_("Occupation group (ISCO-08)"): labour.group_label(group, labels)},
            is_map=True,
            counts=True,
        ),
        user,
        lang,
    )
    map_attribution()
    for direction in table.set_index("isco_group").loc[group, "help"]:
        st.info(translate(lang, training.HELP_LABELS[direction]), icon=":material/compare_arrows:")

with st.expander(_("What is comparable, and what is not")):
    st.markdown(
        _(
            "- **mbo and duale Ausbildung.** Dutch mbo has two pathways: BOL (at school, with "
            "internships) and BBL (at work, at least 60 % with an SBB-recognised training "
            "company). German vocational training is mostly dual: a training contract with a "
            "company plus Berufsschule. A BBL place is closest to an Ausbildungsplatz; a BOL "
            "internship place is not a training place.\n"
            "- **Levels.** mbo levels 2–4 cover what German Ausbildungsberufe cover (level 2 "
            "about a two-year Ausbildung, levels 3–4 three to three and a half years); mbo 1 "
            "(Entree) has no German counterpart.\n"
            "- **Stocks and flows.** DUO counts students enrolled on 1 October (all years of a "
            "programme); the Bundesagentur counts places and applicants registered during a "
            "report year and unfilled places and unplaced applicants on 30 September. Compare "
            "each side with its own labour market, not the bars across the border.\n"
            "- **Where.** hbo students are counted where the programme is taught (Emmen); the "
            "Ausbildungsmarkt figures are for the whole Landkreis, so the map shows them on "
            "every Emsland municipality.\n"
            "- **Occupations.** Programmes and training occupations are mapped to the ISCO-08 "
            "group they mainly lead to (KldB 2010 by the BA key, hbo programmes by hand); "
            "graduates also work in other groups. Method and limits: docs/training.md."
        )
    )
