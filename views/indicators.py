"""Indicators for the funders: the ledger per reporting period (target, previously reported,
this period, cumulative, forecast, NL/DE), the evidence behind each number, the map, and the
ledger as Excel and PDF."""

from functools import partial

import streamlit as st

from core.i18n import N_, fmt_date
from dia import exhibits
from dia.data import indicators, project
from dia.data.regions import DE_LEVEL_LABELS
from dia.export import ledger as ledger_report
from dia.page import (
    _,
    aggregates_note,
    german_units,
    not_on_map,
    page_setup,
    pick,
    project_records,
    sources_caption,
)
from dia.render import indicators as draw

user, lang = page_setup(__file__)

st.title(_("Indicators for the funders"))
cal, sources, record_sources = project_records()

period = pick(
    _("Reporting period"), cal.reported, partial(project.period_label, lang=lang), last=True
)
start, end = cal.bounds(period)
st.caption(
    _(
        "Reporting period {start} – {end}; records up to {date}. Project runtime {first} – {last}.",
        start=fmt_date(start, lang),
        end=fmt_date(end, lang),
        date=fmt_date(min(cal.data_as_of, end), lang),
        first=fmt_date(cal.project_start, lang),
        last=fmt_date(cal.project_end, lang),
    )
)
aggregates_note(indicators.MASK_NOTE, indicators.NO_NAMES)

ledger = indicators.ledger(period, lang, cal)
# A static table: six rows, every column in view, names wrapped.
st.table(indicators.ledger_table(ledger, lang, user), hide_index=True)
st.caption(
    _(indicators.FORECAST_METHOD)
    + " "
    + _("NL–DE jointly: counted for both sides together (see the definitions).")
)
sources_caption(sources)

ledger_report.download_buttons(period, lang, user, prefix="indicator")

exhibits.chart(
    "ledger_overview",
    lambda in_lang: draw.overview_figure(
        indicators.overview_bars(indicators.ledger(period, in_lang, cal), in_lang, user),
        in_lang,
        end=cal.project_end,
    ),
    record_sources,
    user,
    lang,
    filters={_("Reporting period"): project.period_label(period, lang)},
    counts=True,
    indicators=tuple(ledger["code"]),
)

st.subheader(_("One indicator: periods, evidence and map"))
names = dict(zip(ledger["code"], ledger["code"] + " · " + ledger["name"], strict=True))
code = pick(_("Indicator"), list(names), names.__getitem__)
row = ledger[ledger["code"] == code].iloc[0]
st.markdown(f"**{row['name']}** ({row['unit']}): {row['definition']}")
exhibits.chart(
    "ledger_series",
    lambda in_lang: draw.progress_figure(
        indicators.period_series(code, in_lang, cal, user), in_lang
    ),
    record_sources,
    user,
    lang,
    filters={_("Indicator"): str(code)},
    counts=True,
    indicators=(str(code),),
)

found = indicators.evidence(code, period, lang, user)
if found.activities is not None:
    st.markdown("##### " + _("Activities that count"))
    st.dataframe(found.activities, hide_index=True, width="stretch")
if found.collaborations is not None:
    st.markdown("##### " + _("Collaborations that count"))
    st.dataframe(found.collaborations, hide_index=True, width="stretch")
if found.companies is not None:
    st.markdown("##### " + _("Companies that count"))
    if found.hidden_names:
        st.caption(
            _(
                "{count} further companies are members of an association whose member details you do not see; they are counted, not listed.",
                count=found.hidden_names,
            )
        )
    st.dataframe(found.companies, hide_index=True, width="stretch")
if found.summary is not None:
    st.markdown("##### " + _("Companies by side and sector"))
    st.dataframe(found.summary, hide_index=True, width="stretch")
sources_caption(sources)

st.markdown("##### " + _("On the map"))
de_level = german_units()
placed, unplaced = indicators.map_frame(code, period, de_level, lang, user, unit=str(row["unit"]))
if placed is None:
    st.info(_("This indicator counts nothing that lies in one municipality, so it has no map."))
else:
    exhibits.chart(
        "ledger_map",
        lambda in_lang: draw.indicator_map(
            indicators.map_frame(code, period, de_level, in_lang, user, unit=str(row["unit"]))[0],
            in_lang,
            unit=str(row["unit"]),
        ),
        lambda in_lang: [*exhibits.map_sources(in_lang), *record_sources(in_lang)],
        user,
        lang,
        title=lambda in_lang: indicators.indicator_title(code, period, in_lang, cal),
        filters={
            _("Reporting period"): project.period_label(period, lang),
            _("Indicator"): str(code),
            _("German units"): _(DE_LEVEL_LABELS[de_level]),
        },
        is_map=True,
        counts=True,
        indicators=(str(code),),
    )
not_on_map(
    N_(
        "{count} {unit} are not on the map: online events, events outside the area, collaborations, or companies placed only in the Landkreis."
    ),
    unplaced,
    unit=row["unit"],
)
sources_caption(sources)

with st.expander(_("Definitions of all indicators")):
    for item in ledger.itertuples(index=False):
        kind = indicators.framework(item.code, lang)
        sql_file = f"`etl/sql/indicators/{item.computation}.sql`"
        computed = _("Computed by {file}.", file=sql_file)
        st.markdown(
            f"**{item.code} · {item.name}** ({item.unit}; {kind})  \n{item.definition}  \n{computed}"
        )
st.caption(indicators.ACKNOWLEDGEMENT)
