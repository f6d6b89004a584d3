"""Skilled workers: vacancies and job seekers per occupation group on both sides of the border."""

import streamlit as st

from core.i18n import N_, translate
from dia import exhibits
from dia.data import labour
from dia.data.regions import map_shapes, region_facts
from dia.page import SMALL_COUNTS, _, aggregates_note, count, header, kpi, notes, page_setup
from dia.render import labour as charts
from dia.render import labour_notes

user, lang = page_setup(__file__)

header(
    _("Skilled workers: vacancies and job seekers across the border"),
    _(
        "Where Zuidoost-Drenthe and Emsland lack skilled workers, per occupation group "
        "(ISCO-08), and where one side's job seekers could fill the other side's vacancies."
    ),
)

figures = labour.occupations()
coverage = labour.areas()
areas = labour.main_areas(figures, coverage)
labels = labour.isco_labels(lang)

if not areas:
    st.info(
        _(
            "No vacancy or job-seeker figures have been loaded yet. Enter UWV and BA figures "
            "in the long-format statistics template and load them with the ETL."
        )
    )
else:
    codes = {country: area.region_code for country, area in areas.items()}
    if any(area.is_sample for area in areas.values()):
        st.warning(
            _(
                "Vacancies and job seekers on this page are generated sample data "
                "(voorbeelddata / Beispieldaten) in the format of the UWV and BA tables, until "
                "the real tables are loaded. The Emsland population and employment figures at "
                "the bottom are official statistics."
            ),
            icon=":material/science:",
        )
    aggregates_note(SMALL_COUNTS)

    left, right = st.columns([2, 3])
    with left:
        all_groups = _("All major groups")
        major = st.selectbox(
            _("ISCO-08 major group"),
            [None, *labour.major_groups(figures)],
            format_func=lambda code: (
                all_groups if code is None else labour.group_label(code, labels)
            ),
        )
    with right:
        period = st.select_slider(
            _("Quarter"),
            options=labour.periods(figures),
            value=labour.default_period(figures),
            format_func=lambda option: labour.fmt_period(option, lang),
        )

    sample_sources = exhibits.register_sources(labour.sources_for(figures["source_ids"]))
    chosen = {
        _("ISCO-08 major group"): all_groups
        if major is None
        else labour.group_label(major, labels),
        _("Quarter"): labour.fmt_period(period, lang),
    }
    totals = labour.overall(figures, period, codes)
    table = labour.group_table(figures, period, codes)
    classified = labour.classify(table, totals)
    selected = labour.groups(figures, major)
    shown = classified[classified["isco_group"].isin(selected)]
    complement = labour.complementarity(shown)

    for country, area in areas.items():
        side = totals[totals["country"] == country]
        side_header, *cells = st.columns([1, 1.25, 1.25, 0.75], vertical_alignment="center")
        with side_header:
            st.markdown(f"**{charts.side_title(area, lang)}**  \n{labour.fmt_period(period, lang)}")
        for cell, measure in zip(cells[:2], labour.MEASURES, strict=True):
            with cell:
                kpi(
                    _(charts.MEASURE_LABELS[country][measure]),
                    count(side[measure].sum() if len(side) else None),
                    _("All occupations, as published"),
                )
        with cells[2]:
            kpi(
                _("Ratio"),
                labour.fmt_ratio(side["ratio"].iloc[0] if len(side) else None, lang),
                _(charts.RATIO_LABELS[country]),
            )

    st.subheader(_("Vacancies and job seekers per occupation group"))
    chart, note = st.columns([4, 1])
    with chart:
        exhibits.chart(
            "labour_counts",
            lambda in_lang: charts.counts_figure(
                shown, areas, labour.isco_labels(in_lang), in_lang, user
            ),
            sample_sources,
            user,
            lang,
            title=lambda in_lang: translate(
                in_lang, N_("Vacancies and job seekers per occupation group")
            ),
            filters=chosen,
            counts=True,
        )
    with note:
        notes(labour_notes.VACANCY_NOTES)

    st.subheader(_("Tension per occupation group"))
    chart, note = st.columns([4, 1])
    with chart:
        exhibits.chart(
            "labour_tension",
            lambda in_lang: charts.tension_figure(
                shown, totals, areas, labour.isco_labels(in_lang), in_lang
            ),
            sample_sources,
            user,
            lang,
            title=lambda in_lang: translate(in_lang, N_("Tension per occupation group")),
            filters=chosen,
        )
    with note:
        notes(labour_notes.TENSION_NOTES)

    st.subheader(_("Where one side's surplus meets the other side's shortage"))
    matches = complement.dropna(subset=["direction"]).sort_values("potential", ascending=False)
    if matches.empty:
        st.info(
            _(
                "In this quarter no occupation group is short on one side with a surplus on the other."
            )
        )
    else:
        if any(area.is_sample for area in areas.values()):
            st.caption(_("Sample data (voorbeelddata / Beispieldaten): invented figures."))
        # a static table: six rows or so, long group names wrap instead of being cut
        st.table(
            labour.complementarity_view(matches, labels, lang, user),
            hide_index=True,
            border="horizontal",
        )
    both = labour.short_on_both_sides(complement)
    if both:
        st.caption(
            _(
                "Short on both sides (a case for joint training and recruitment rather than "
                "matching): {groups}.",
                groups="; ".join(labour.group_label(code, labels) for code in both),
            )
        )
    st.caption(
        _(
            "Direction: from the side with the surplus to the side with the shortage "
            "(DE → NL: job seekers in {de} for vacancies in {nl})."
            " People to match: the smaller of the vacancies the short side cannot fill with its "
            "own job seekers and the job seekers the other side does not need. An order of "
            "magnitude for matchmaking, not a forecast: definitions, commuting distance, "
            "language and qualifications are not taken into account.",
            de=areas["DE"].title(lang) if "DE" in areas else "DE",
            nl=areas["NL"].title(lang) if "NL" in areas else "NL",
        )
    )

    st.subheader(_("One occupation group: trend and map"))
    first = labour.default_group(complement)
    group = st.selectbox(
        _("Occupation group (ISCO-08)"),
        selected,
        index=selected.index(first) if first in selected else 0,
        format_func=lambda code: labour.group_label(code, labels),
    )
    exhibits.chart(
        "labour_trend",
        lambda in_lang: charts.trend_figure(
            labour.trend(figures, group, codes),
            labour.trend(figures, None, codes),
            areas,
            labour.group_label(group, labour.isco_labels(in_lang)),
            in_lang,
        ),
        sample_sources,
        user,
        lang,
        filters={_("Occupation group (ISCO-08)"): labour.group_label(group, labels)},
    )
    st.caption(
        _(
            "The group's ratio per quarter (solid) next to its side's ratio over all occupations "
            "(dotted), each side on its own axis. Reference dates differ: UWV counts vacancies "
            "at the end of the quarter, the BA on a fixed day in the middle of the month."
        )
    )
    map_chart, note = st.columns([3, 1])
    with map_chart:
        geojson, context_ids = map_shapes()
        exhibits.chart(
            "labour_map",
            lambda in_lang: charts.tension_map(
                labour.map_values(figures, coverage, period, group),
                region_facts("verwaltungsgemeinschaft"),
                geojson,
                context_ids,
                labour.isco_labels(in_lang),
                group,
                labour.ratio_scales(classified),
                in_lang,
                user,
            ),
            lambda in_lang: [*exhibits.map_sources(in_lang), *sample_sources(in_lang)],
            user,
            lang,
            title=lambda in_lang: (
                translate(in_lang, "Tension per occupation group")
                + ": "
                + labour.group_label(group, labour.isco_labels(in_lang))
            ),
            filters={
                _("Quarter"): labour.fmt_period(period, lang),
                _("Occupation group (ISCO-08)"): labour.group_label(group, labels),
            },
            is_map=True,
        )
    with note:
        st.caption(
            _(
                "Figures are published for whole areas, not per municipality: every "
                "municipality shows the value of the area it belongs to (hover for which), "
                "{period}.",
                period=labour.fmt_period(period, lang),
            )
        )
        st.caption(
            _(
                "NL and DE each have their own colour scale, from 0 to the side's highest ratio "
                "of any occupation group: a dark colour means tight compared with the other "
                "groups on the same side. The two colours cannot be compared with each other."
            )
        )

    st.caption(labour.CROSSWALK_ATTRIBUTION)

st.subheader(_("Emsland in official statistics"))
official = labour.official()
if official.empty:
    st.info(_("The official population and employment tables are not in this warehouse."))
else:
    st.caption(_("Real figures of the statistical offices, not sample data."))
    official_register = labour.sources_for(official["source_id"])
    official_sources = exhibits.register_sources(official_register)
    population, employees = st.columns(2)
    with population:
        st.markdown("**" + _("Inhabitants on 31 December") + "**")
        exhibits.chart(
            "labour_population",
            lambda in_lang: charts.population_figure(official, in_lang),
            official_sources,
            user,
            lang,
            title=lambda in_lang: translate(in_lang, "Inhabitants on 31 December"),
            is_sample=False,
        )
        st.caption(
            _(
                "The population is updated from the last census. Up to 31 December 2022 the "
                "update rests on the 2011 census, from 2023 on the 2022 census, which counted "
                "fewer inhabitants: the drop at the break is a correction, not a loss of people."
            )
        )
    with employees:
        st.markdown(
            "**" + _("Employees subject to social insurance by place of work, 30 June") + "**"
        )
        exhibits.chart(
            "labour_employees",
            lambda in_lang: charts.employees_figure(official, in_lang),
            official_sources,
            user,
            lang,
            title=lambda in_lang: translate(
                in_lang, "Employees subject to social insurance by place of work, 30 June"
            ),
            is_sample=False,
        )
        change = labour.employee_change(official)
        foreign = labour.employee_change(official, "NATA")
        if change is not None and foreign is not None:
            st.caption(
                _(
                    "{first} to {last}: {change} employees ({share}); foreign nationals "
                    "{foreign_change} ({foreign_share}). Civil servants and the self-employed "
                    "are not included.",
                    first=change.first_period[:4],
                    last=change.last_period[:4],
                    change=labour.fmt_change(change.change, lang),
                    share=labour.fmt_change_share(change.share, lang),
                    foreign_change=labour.fmt_change(foreign.change, lang),
                    foreign_share=labour.fmt_change_share(foreign.share, lang),
                )
            )
    st.caption(" · ".join(labour.attributions(official_register)))

with st.expander(_("Method, definitions and caveats")):
    notes(labour_notes.METHOD, markdown=True)
