"""The members page's frames: members by association, sector, size class and municipality,
joins and leavers over time, companies in both associations, member lists. Figures are drawn
from these frames by dia.render.members.

Functions that return counts take the viewer and publish them as the policy says: funders (and
every funder export) see counts of 1–4 as "<5" and the rest rounded (dia.privacy); bars then
have no height for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

import pandas as pd
import streamlit as st

from core.i18n import N_, Lang, fmt_date, fmt_number, translate
from dia.policy import ASSOCIATIONS
from dia.privacy import MASK, bar_values, fmt_count, is_small, published_series
from dia.data.regions import DeLevel, region_facts, unit_title
from dia.render.source_words import dates
from dia.export.spreadsheet import workbook_bytes
from dia.data.warehouse import query, version
from dia.policy import Viewer

AssociationChoice = Literal["ALL", "OE", "WVE"]
ASSOCIATION_CHOICES: Final[tuple[AssociationChoice, ...]] = ("ALL", "OE", "WVE")
ASSOCIATION_LABELS: Final[dict[str, str]] = {
    "ALL": N_("Both associations (companies counted once)"),
    "OE": N_("Ondernemend Emmen (OE)"),
    "WVE": N_("Wirtschaftsverband Emsland (WVE)"),
}
# Colour-blind safe pair, also readable in greyscale print.
SIZE_ORDER: Final = ("micro", "small", "medium", "large", "unknown")
SIZE_LABELS: Final[dict[str, str]] = {
    "micro": N_("Micro (fewer than 10)"),
    "small": N_("Small (10–49)"),
    "medium": N_("Medium-sized (50–249)"),
    "large": N_("Large (250 or more)"),
    "unknown": N_("Unknown"),
}
UNKNOWN_SECTOR: Final = N_("Sector unknown")
MEMBERS: Final = N_("Members")
INHABITANTS: Final = N_("Inhabitants")
SAMPLE_DATA: Final = N_("sample data")


@dataclass(frozen=True)
class MapMeasure:
    key: str
    label: str  # msgid
    unit: str  # msgid
    decimals: int


MAP_MEASURES: Final[tuple[MapMeasure, ...]] = (
    MapMeasure("members", N_("Members"), N_("members"), 0),
    MapMeasure("per_10k", N_("Members per 10,000 inhabitants"), N_("per 10,000 inhabitants"), 1),
)


def today() -> dt.date:
    return dt.date.today()


# --- headline -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    members_oe: int
    members_wve: int
    companies: int
    in_both: int
    oe_members_in_de: int
    wve_members_in_nl: int
    is_sample: bool


def headline(as_of: dt.date) -> Headline:
    row = query("members_headline", as_of=as_of).iloc[0]
    return Headline(
        members_oe=int(row["members_oe"]),
        members_wve=int(row["members_wve"]),
        companies=int(row["companies"]),
        in_both=int(row["in_both"]),
        oe_members_in_de=int(row["oe_members_in_de"]),
        wve_members_in_nl=int(row["wve_members_in_nl"]),
        is_sample=bool(row["is_sample"]),
    )


def has_members() -> bool:
    row = query("members_headline", as_of=today()).iloc[0]
    return bool(row["members_oe"] or row["members_wve"])


def sources(lang: Lang) -> list[tuple[str, str]]:
    """(title, vintage) per association whose member lists are loaded, for chart captions."""
    frame = query("member_sources")
    # The bilingual sample label the whole dashboard uses, also in English.
    marker = "voorbeelddata / Beispieldaten"
    sample = f" ({translate(lang, SAMPLE_DATA)} · {marker})" if lang == "en" else f" ({marker})"
    return [
        (
            translate(lang, N_("Member list {owner}"), owner=row.owner)
            + (sample if row.is_sample else ""),
            dates(row.vintage, lang),
        )
        for row in frame.itertuples(index=False)
    ]


# --- map ------------------------------------------------------------------------------------


def region_members(
    association: AssociationChoice, de_level: DeLevel, as_of: dt.date
) -> tuple[pd.DataFrame, int]:
    """Map units with ``members`` and ``per_10k``, and how many members the map cannot show
    (placed only in the Samtgemeinde or Landkreis because their PLZ covers several places)."""
    counts = query("members_by_region", association=association, de_level=de_level, as_of=as_of)
    unplaced = int(counts.loc[counts["region_id"].isna(), "members"].sum())
    facts = (
        region_facts(de_level)
        .drop(columns=["members"], errors="ignore")
        .merge(counts.dropna(subset=["region_id"]), on="region_id", how="left")
    )
    facts["members"] = facts["members"].fillna(0).astype(int)
    facts["per_10k"] = facts["members"] / facts["population"] * 10_000
    return facts, unplaced


def map_frame(
    association: AssociationChoice,
    de_level: DeLevel,
    measure: MapMeasure,
    lang: Lang,
    viewer: Viewer,
    *,
    as_of: dt.date,
) -> tuple[pd.DataFrame, int]:
    """Map units with the ``value`` to colour and the ``hover`` text, as the viewer may see
    them, and the number of members the map cannot place."""
    mask = viewer.mask_small_counts()
    frame, unplaced = region_members(association, de_level, as_of)
    hidden = frame["members"].map(is_small) if mask else pd.Series(False, index=frame.index)
    # Funders: counts and rates from the published (rounded) count; a masked region gets the
    # colour of zero, so neither its count nor its rate can be read off.
    shown = published_series(frame["members"], mask=mask).fillna(0.0)
    frame = frame.assign(members_shown=shown, per_10k=shown / frame["population"] * 10_000)
    frame = frame.assign(value=frame[measure.key if measure.key != "members" else "members_shown"])

    def hover(row: pd.Series) -> str:
        count = fmt_count(row["members"], lang, mask=mask)
        rate = MASK if row.name in hidden[hidden].index else fmt_number(row["per_10k"], lang, 1)
        return (
            unit_title(row, lang)
            + "<br>"
            f"{translate(lang, MEMBERS)}: {count}<br>"
            f"{translate(lang, MAP_MEASURES[1].label)}: {rate}<br>"
            f"{translate(lang, INHABITANTS)}: {fmt_number(row['population'], lang)}"
        )

    return frame.assign(hover=frame.apply(hover, axis=1)), unplaced


# --- charts ---------------------------------------------------------------------------------


def _bars(frame: pd.DataFrame, column: str, lang: Lang, mask: bool, prefix: str = "") -> pd.DataFrame:
    """``<prefix>height`` and ``<prefix>text`` of a count column as the viewer may see them."""
    heights, labels = bar_values(frame[column].fillna(0).astype(int), lang, mask=mask, blank_zero=True)
    return frame.assign(**{f"{prefix}height": heights.to_numpy(), f"{prefix}text": labels})


def by_sector(lang: Lang, viewer: Viewer, *, as_of: dt.date) -> pd.DataFrame:
    """Memberships per NACE section and association (every association × every section, the
    sections in the order of their total, smallest first): ``label``, ``full_label``,
    ``height`` and ``text`` of the bar."""
    frame = query("members_by_sector", lang=lang, as_of=as_of).copy()
    frame["label"] = frame["label"].fillna(translate(lang, UNKNOWN_SECTOR))
    frame["full_label"] = frame["full_label"].fillna(translate(lang, UNKNOWN_SECTOR))
    order = frame.groupby("label")["members"].sum().sort_values().index.tolist()
    parts = [
        frame[frame["association"] == association]
        .set_index("label")
        .reindex(order)
        .reset_index()
        .assign(association=association)
        for association in ASSOCIATIONS
    ]
    shaped = pd.concat(parts, ignore_index=True)
    shaped["full_label"] = shaped["full_label"].fillna("")
    return _bars(shaped, "members", lang, viewer.mask_small_counts())


def by_size(lang: Lang, viewer: Viewer, *, as_of: dt.date) -> pd.DataFrame:
    """Memberships per EU size class and association: ``label`` of the class (two lines),
    ``height`` and ``text`` of the bar."""
    frame = query("members_by_size", as_of=as_of)
    labels = [translate(lang, SIZE_LABELS[size]).replace(" (", "<br>(") for size in SIZE_ORDER]
    parts = [
        frame[frame["association"] == association]
        .set_index("size_class")
        .reindex(SIZE_ORDER)
        .reset_index()
        .assign(association=association, label=labels)
        for association in ASSOCIATIONS
    ]
    return _bars(pd.concat(parts, ignore_index=True), "members", lang, viewer.mask_small_counts())


def timeline(lang: Lang, viewer: Viewer, *, as_of: dt.date, since_year: int) -> pd.DataFrame:
    """Per association and year from ``since_year``: joins (``joined_height``/``_text``),
    leavers (``left_height``/``_text``) and members at the year's end (``stock``/``stock_text``)."""
    mask = viewer.mask_small_counts()
    frame = query("members_timeline", as_of=as_of)
    frame = frame[frame["year"] >= since_year]
    frame = _bars(frame, "joined", lang, mask, "joined_")
    frame = _bars(frame, "left_", lang, mask, "left_")
    return frame.assign(
        stock=published_series(frame["members"], mask=mask),
        stock_text=[fmt_count(v, lang, mask=mask) for v in frame["members"]],
    )


# --- tables ---------------------------------------------------------------------------------

_LIST_COLUMNS: Final[dict[str, str]] = {
    "member_number": N_("Member number"),
    "name": N_("Company"),
    "register_id": N_("Trade register"),
    "street": N_("Address"),
    "postcode": N_("Postcode"),
    "city": N_("Place"),
    "municipality": N_("Municipality"),
    "country": N_("Country"),
    "sector": N_("Sector"),
    "division": N_("Division (NACE)"),
    "size": N_("Size class"),
    "employees": N_("Employees"),
    "member_since": N_("Member since"),
    "member_until": N_("Member until"),
    "in_both": N_("Also member of the other association"),
    "person": N_("Contact person"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
}


def in_both_table(lang: Lang, as_of: dt.date, viewer: Viewer) -> pd.DataFrame | None:
    """Companies that are members of both associations, for a viewer who may see members of
    one of them (None for anyone else); each association's member-since date only where the
    viewer may see it."""
    visible = list(viewer.visible_associations())
    if not visible:
        return None
    frame = query("members_in_both", lang=lang, as_of=as_of, visible=visible)
    table = pd.DataFrame(
        {
            translate(lang, N_("Company")): frame["name"],
            translate(lang, N_("Place")): frame["city"].fillna(""),
            translate(lang, N_("Country")): frame["country"],
            translate(lang, N_("Sector")): frame["sector"],
            translate(lang, N_("OE member since")): frame["oe_since"].map(
                lambda d: fmt_date(_date(d), lang)
            ),
            translate(lang, N_("WVE member since")): frame["wve_since"].map(
                lambda d: fmt_date(_date(d), lang)
            ),
        }
    )
    hidden = [
        translate(lang, message)
        for association, message in (("OE", N_("OE member since")), ("WVE", N_("WVE member since")))
        if association not in visible
    ]
    return table.drop(columns=hidden)


def _date(value: object) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    return pd.Timestamp(value).date()  # type: ignore[arg-type]


# Rows of a member list shown on the page; the download has all of them.
TABLE_ROWS: Final = 1000


def member_table(association: str, lang: Lang, viewer: Viewer) -> pd.DataFrame:
    """One association's members as the viewer may see them (none unless the policy lets them
    see the association's names), headers in ``lang``; contact columns for who may see them.
    Made once per data version, association, language and viewer."""
    return _member_table(version().version_id, association, lang, viewer)


@st.cache_data(max_entries=32, show_spinner=False)
def _member_table(version_id: str, association: str, lang: Lang, viewer: Viewer) -> pd.DataFrame:
    visible = list(viewer.visible_associations())
    contacts = viewer.sees_contacts(association)
    frame = query("member_list", association=association, lang=lang, visible=visible).copy()
    frame["size"] = frame["size_class"].map(
        lambda s: translate(lang, SIZE_LABELS[s]) if isinstance(s, str) else None
    )
    frame["division"] = (
        frame["nace_division"].fillna("") + " " + frame["division"].fillna("")
    ).str.strip()
    frame["in_both"] = frame["in_both"].map({True: translate(lang, N_("yes")), False: ""})
    for column in ("member_since", "member_until"):
        frame[column] = frame[column].map(_date)
    columns = [c for c in _LIST_COLUMNS if c not in ("person", "email", "phone")]
    if contacts:
        people = query(
            "member_contacts",
            association=association,
            contacts=list(viewer.contact_associations()),
        )
        frame = frame.merge(people, on="member_id", how="left")
        columns += ["person", "email", "phone"]
    text = [c for c in columns if isinstance(frame[c].dtype, pd.StringDtype)]
    frame[text] = frame[text].fillna("")
    table = frame[columns].rename(columns={c: translate(lang, _LIST_COLUMNS[c]) for c in columns})
    return table.reset_index(drop=True)


def member_workbook(
    association: str, lang: Lang, viewer: Viewer, *, is_sample: bool
) -> Callable[[], bytes]:
    """The member list as .xlsx, made only when the button is clicked (download_button calls
    it then, on another thread: everything it needs is bound now) and kept per data version."""
    version_id = version().version_id
    return lambda: _member_workbook(version_id, association, lang, viewer, is_sample)


@st.cache_data(max_entries=8, show_spinner=False)
def _member_workbook(
    version_id: str, association: str, lang: Lang, viewer: Viewer, is_sample: bool
) -> bytes:
    notes = [
        translate(
            lang,
            N_("Member list {association}, as of {date}"),
            association=association,
            date=fmt_date(today(), lang),
        )
    ]
    if is_sample:
        notes.insert(0, translate(lang, N_("Sample data")) + " · voorbeelddata / Beispieldaten")
    table = _member_table(version_id, association, lang, viewer)
    return workbook_bytes({association: table}, notes)


def first_year_shown() -> int:
    """The timeline starts here by default: the last fifteen years."""
    return today().year - 15
