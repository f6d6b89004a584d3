"""Sample project records of DIA: two years of activities from the kick-off in Emmen on
3 November 2021, who took part, the collaborations that followed, and the work plan's
milestones. Invented, deterministic, and labelled "Voorbeelddata / Beispieldaten".

The participants are the sample member companies: the member lists written by the member
generator (which runs first, ``etl.samples.GENERATORS``) are read back through the real
member-list reader, and companies are named by KvK / Handelsregister number or member number as
staff would. Three files, kept the
way the partners might keep them: OE's activity register with the participants of its events
(Dutch headers), WVE's participant lists as a CSV export (German headers, ``;``, Windows-1252),
and WVE's workbook of collaborations and milestones (German headers). A few rows carry the
mistakes real lists have, each marked in ``plan(out_dir)`` by a ``defect`` key (not written).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections import Counter
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Final

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from etl import memberlist
from etl.memberlist.rows import company_keys
from etl.records.kinds import headers
from etl.records.workbook import save_workbook

MARKER: Final = "Voorbeelddata / Beispieldaten"
ACTIVITIES_FILE: Final = "dia_activiteitenregister_2021-2023.xlsx"
PARTICIPANTS_CSV: Final = "wve_teilnehmerlisten_dia.csv"
COLLABORATIONS_FILE: Final = "dia_kooperationen_meilensteine.xlsx"
AS_OF: Final = dt.date(2023, 11, 30)  # the records end here: the project's fifth period
PROJECT: Final = (dt.date(2021, 7, 1), dt.date(2024, 6, 30))
INTERESTED: Final = 0.4  # share of members that would come to a DIA event at all


@dataclass(frozen=True)
class Event:
    date: dt.date
    type: str
    format: str
    theme: str
    venue: str  # municipality as staff write it; "" for online events
    organiser: str
    title: str
    nl: int  # participating companies per side
    de: int


# type, format, theme and organiser as staff write them in the register (Dutch).
TYPE_NL: Final = {
    "matchmaking": "Matchmaking",
    "workshop": "Workshop",
    "webinar": "Webinar",
    "company visit": "Bedrijfsbezoek",
    "trade fair": "Beurs",
    "network meeting": "Netwerkbijeenkomst",
    "training": "Training",
}
FORMAT_NL: Final = {"physical": "Fysiek", "digital": "Online", "hybrid": "Hybride"}
THEME_NL: Final = {
    "digitalisation": "Digitalisering",
    "innovation": "Innovatie",
    "exchange": "Uitwisseling",
    "energy": "Energie",
    "labour market": "Arbeidsmarkt",
    "training": "Opleiding",
}
ORGANISER_NL: Final = {"OE": "OE", "WVE": "WVE", "both": "OE en WVE"}

E = Event
EVENTS: Final[tuple[Event, ...]] = (
    E(dt.date(2021, 11, 3), "network meeting", "hybrid", "exchange", "Emmen", "both",
      "Kick-off DIA: gezamenlijke bijeenkomst in Emmen / Gemeinsames Auftakttreffen", 34, 26),
    E(dt.date(2021, 11, 25), "webinar", "digital", "digitalisation", "", "OE",
      "Webinar: digitalisering in de maakindustrie / Digitalisierung in der Fertigung", 13, 6),
    E(dt.date(2021, 12, 9), "matchmaking", "digital", "exchange", "", "both",
      "Online matchmaking NL–DE, eerste ronde / erste Runde", 10, 9),
    E(dt.date(2022, 1, 20), "webinar", "digital", "innovation", "", "WVE",
      "Webinar: Fördermöglichkeiten für Innovation / Subsidies voor innovatie", 5, 12),
    E(dt.date(2022, 2, 10), "workshop", "hybrid", "digitalisation", "Lingen (Ems)", "WVE",
      "Workshop: Digitale Zwillinge im Maschinenbau / Digital twins in de machinebouw", 6, 11),
    E(dt.date(2022, 3, 3), "matchmaking", "hybrid", "exchange", "Coevorden", "both",
      "Matchmaking kunststof & metaal / Kunststoff & Metall", 9, 8),
    E(dt.date(2022, 3, 24), "company visit", "physical", "innovation", "Emmen", "OE",
      "Bedrijfsbezoek: recycling van kunststoffen in Emmen / Kunststoffrecycling", 4, 7),
    E(dt.date(2022, 4, 7), "webinar", "digital", "digitalisation", "", "OE",
      "Webinar: cybersecurity voor het mkb", 15, 0),
    E(dt.date(2022, 4, 28), "training", "hybrid", "training", "Meppen", "WVE",
      "Schulung: Grenzüberschreitend arbeiten – Recht und Steuern / Werken over de grens", 7, 9),
    E(dt.date(2022, 5, 19), "company visit", "physical", "innovation", "Papenburg", "WVE",
      "Firmenbesuch: Werft und Zulieferer in Papenburg / Werf en toeleveranciers", 6, 5),
    E(dt.date(2022, 6, 9), "network meeting", "physical", "exchange", "Borger-Odoorn", "both",
      "Ondernemersavond DIA in Borger-Odoorn / Unternehmerabend", 12, 9),
    E(dt.date(2022, 6, 23), "workshop", "digital", "digitalisation", "", "OE",
      "Workshop: datagedreven produceren / Datengetriebene Produktion", 7, 6),
    E(dt.date(2022, 9, 8), "matchmaking", "hybrid", "exchange", "Meppen", "both",
      "Matchmaking logistiek / Logistik", 8, 10),
    E(dt.date(2022, 9, 29), "webinar", "digital", "energy", "", "OE",
      "Webinar: zonne-energie op bedrijfsdaken / Photovoltaik auf Firmendächern", 11, 8),
    E(dt.date(2022, 10, 13), "workshop", "hybrid", "energy", "Emmen", "both",
      "Workshop: waterstof in de regio / Wasserstoff in der Region", 9, 8),
    E(dt.date(2022, 10, 25), "trade fair", "physical", "innovation", "Hannover", "WVE",
      "Gemeinschaftsstand DIA auf der EuroBLECH / Gezamenlijke stand op de EuroBLECH", 4, 6),
    E(dt.date(2022, 11, 3), "network meeting", "hybrid", "exchange", "Lingen (Ems)", "both",
      "Jahrestreffen DIA in Lingen / Jaarbijeenkomst DIA", 22, 25),
    E(dt.date(2022, 11, 17), "training", "digital", "training", "", "OE",
      "Training: zakendoen in Duitsland voor beginners", 11, 0),
    E(dt.date(2022, 12, 1), "company visit", "physical", "energy", "Haren (Ems)", "WVE",
      "Firmenbesuch: Windpark und Service in Haren / Windpark en service", 6, 4),
    E(dt.date(2022, 12, 8), "matchmaking", "digital", "digitalisation", "", "both",
      "Online matchmaking: ICT-dienstverleners / IT-Dienstleister", 7, 7),
    E(dt.date(2023, 1, 19), "webinar", "digital", "labour market", "", "WVE",
      "Webinar: Fachkräfte aus den Niederlanden gewinnen / Vakmensen uit Nederland", 5, 13),
    E(dt.date(2023, 2, 9), "workshop", "hybrid", "labour market", "Coevorden", "both",
      "Workshop: grensoverschrijdend werven / Grenzüberschreitende Personalgewinnung", 8, 7),
    E(dt.date(2023, 3, 2), "training", "hybrid", "training", "Emmen", "OE",
      "Training: praktijkopleiden over de grens / Ausbilden über die Grenze", 9, 6),
    E(dt.date(2023, 3, 16), "matchmaking", "hybrid", "energy", "Papenburg", "both",
      "Matchmaking energietransitie / Energiewende", 9, 10),
    E(dt.date(2023, 4, 13), "company visit", "physical", "digitalisation", "Emmen", "OE",
      "Bedrijfsbezoek: smart factory in Emmen / Smart Factory in Emmen", 5, 8),
    E(dt.date(2023, 4, 18), "trade fair", "physical", "innovation", "Hannover", "WVE",
      "Gemeinschaftsstand DIA auf der Hannover Messe / Gezamenlijke stand Hannover Messe", 3, 5),
    E(dt.date(2023, 5, 25), "training", "digital", "training", "", "WVE",
      "Schulung: Förderprogramme und Antragstellung / Subsidieaanvragen", 4, 9),
    E(dt.date(2023, 6, 8), "network meeting", "physical", "exchange", "Coevorden", "both",
      "Zomerbijeenkomst DIA in Coevorden / Sommertreffen", 14, 11),
    E(dt.date(2023, 6, 22), "workshop", "digital", "innovation", "", "both",
      "Workshop: innoveren met AI / Innovation mit KI", 8, 7),
    E(dt.date(2023, 7, 6), "webinar", "digital", "energy", "", "WVE",
      "Webinar: Energiemanagement nach ISO 50001", 0, 12),
    E(dt.date(2023, 9, 7), "matchmaking", "hybrid", "labour market", "Meppen", "both",
      "Matchmaking vakmensen & opleiding / Fachkräfte & Ausbildung", 8, 9),
    E(dt.date(2023, 9, 21), "company visit", "physical", "energy", "Coevorden", "OE",
      "Bedrijfsbezoek: biogas en groen gas in Coevorden / Biogas in Coevorden", 5, 6),
    E(dt.date(2023, 10, 5), "training", "hybrid", "training", "Lingen (Ems)", "WVE",
      "Schulung: Digitale Kompetenzen für Auszubildende / Digitale vaardigheden", 6, 10),
    E(dt.date(2023, 10, 19), "workshop", "hybrid", "digitalisation", "Borger-Odoorn", "OE",
      "Workshop: digitaal samenwerken in de keten / Digitale Lieferkette", 8, 6),
    E(dt.date(2023, 11, 2), "network meeting", "hybrid", "exchange", "Emmen", "both",
      "Twee jaar DIA: jaarbijeenkomst in Emmen / Zwei Jahre DIA", 24, 20),
    E(dt.date(2023, 11, 23), "matchmaking", "digital", "innovation", "", "both",
      "Online matchmaking: innovatieprojecten 2024 / Innovationsprojekte 2024", 7, 8),
)  # fmt: skip

# The work plan's milestones: (work package, milestone, planned, days late or None if open).
MILESTONES: Final[tuple[tuple[str, str, dt.date, int | None], ...]] = (
    ("WP1", "Kick-off-Veranstaltung in Emmen", dt.date(2021, 11, 5), -2),
    ("WP1", "Projektwebsite und Kommunikationsplan", dt.date(2021, 12, 15), 12),
    ("WP1", "Zwischenbericht an das INTERREG-Programm", dt.date(2022, 9, 30), 0),
    ("WP1", "Zweiter Zwischenbericht", dt.date(2023, 9, 29), 0),
    ("WP1", "Abschlussbericht und Abschlusskonferenz", dt.date(2024, 6, 15), None),
    ("WP2", "Matchmaking-Format NL–DE erprobt", dt.date(2022, 3, 31), -20),
    ("WP2", "50 Unternehmen in Matchmaking-Gesprächen", dt.date(2022, 9, 30), 21),
    ("WP2", "Online-Matchmaking-Plattform in Betrieb", dt.date(2023, 3, 31), 5),
    ("WP2", "Evaluation der Kooperationen", dt.date(2024, 3, 31), None),
    ("WP3", "Digitalisierungs-Check für 30 Unternehmen", dt.date(2022, 6, 30), 9),
    ("WP3", "Innovationswerkstatt KI abgeschlossen", dt.date(2023, 6, 30), -8),
    ("WP3", "Leitfaden digitale Zusammenarbeit veröffentlicht", dt.date(2023, 9, 30), None),
    ("WP4", "Arbeitsmarktanalyse Grenzregion", dt.date(2022, 12, 31), 45),
    ("WP4", "Praktikantenaustausch gestartet", dt.date(2023, 4, 30), 0),
    ("WP4", "Ausbildungsnetzwerk NL–DE gegründet", dt.date(2024, 2, 29), None),
    ("WP5", "Energiekansenkaart Zuidoost-Drenthe/Emsland", dt.date(2022, 10, 31), 14),
    ("WP5", "Pilotprojekte Wasserstoff und Biogas ausgewählt", dt.date(2023, 10, 31), None),
    ("WP5", "Abschlussworkshop Energiewende", dt.date(2024, 5, 31), None),
)
# The milestones' names in Dutch and English (the sheet's NL and EN name columns; the German
# column stays empty, so the work plan's wording shows on German pages).
MILESTONE_NAMES: Final[dict[str, tuple[str, str]]] = {
    "Kick-off-Veranstaltung in Emmen": ("Kick-offbijeenkomst in Emmen", "Kick-off event in Emmen"),
    "Projektwebsite und Kommunikationsplan": (
        "Projectwebsite en communicatieplan", "Project website and communication plan"),
    "Zwischenbericht an das INTERREG-Programm": (
        "Tussenrapportage aan het INTERREG-programma", "Interim report to the INTERREG programme"),
    "Zweiter Zwischenbericht": ("Tweede tussenrapportage", "Second interim report"),
    "Abschlussbericht und Abschlusskonferenz": (
        "Eindrapport en slotconferentie", "Final report and closing conference"),
    "Matchmaking-Format NL–DE erprobt": (
        "Matchmakingformat NL–DE beproefd", "NL–DE matchmaking format tested"),
    "50 Unternehmen in Matchmaking-Gesprächen": (
        "50 bedrijven in matchmakinggesprekken", "50 companies in matchmaking talks"),
    "Online-Matchmaking-Plattform in Betrieb": (
        "Online matchmakingplatform in gebruik", "Online matchmaking platform live"),
    "Evaluation der Kooperationen": ("Evaluatie van de samenwerkingen", "Evaluation of the collaborations"),
    "Digitalisierungs-Check für 30 Unternehmen": (
        "Digitaliseringsscan voor 30 bedrijven", "Digitalisation check for 30 companies"),
    "Innovationswerkstatt KI abgeschlossen": (
        "Innovatiewerkplaats AI afgerond", "AI innovation workshop completed"),
    "Leitfaden digitale Zusammenarbeit veröffentlicht": (
        "Handreiking digitale samenwerking gepubliceerd", "Guide to digital cooperation published"),
    "Arbeitsmarktanalyse Grenzregion": (
        "Arbeidsmarktanalyse grensregio", "Labour market analysis of the border region"),
    "Praktikantenaustausch gestartet": ("Stage-uitwisseling gestart", "Internship exchange started"),
    "Ausbildungsnetzwerk NL–DE gegründet": (
        "Opleidingsnetwerk NL–DE opgericht", "NL–DE training network founded"),
    "Energiekansenkaart Zuidoost-Drenthe/Emsland": (
        "Energiekansenkaart Zuidoost-Drenthe/Emsland", "Energy opportunity map SE Drenthe/Emsland"),
    "Pilotprojekte Wasserstoff und Biogas ausgewählt": (
        "Pilotprojecten waterstof en biogas gekozen", "Hydrogen and biogas pilots selected"),
    "Abschlussworkshop Energiewende": (
        "Slotworkshop energietransitie", "Closing workshop energy transition"),
}  # fmt: skip
# Collaborations: (type, status) counts.
COLLABORATIONS: Final[tuple[tuple[str, str, int], ...]] = (
    ("knowledge exchange", "active", 6),
    ("knowledge exchange", "completed", 4),
    ("knowledge exchange", "stopped", 2),
    ("knowledge exchange", "planned", 1),
    ("joint project", "active", 6),
    ("joint project", "completed", 2),
    ("joint project", "planned", 2),
    ("supplier relation", "active", 5),
    ("supplier relation", "completed", 2),
    ("supplier relation", "stopped", 1),
    ("supplier relation", "planned", 1),
    ("internship exchange", "active", 3),
    ("internship exchange", "completed", 3),
    ("internship exchange", "stopped", 1),
    ("internship exchange", "planned", 1),
)
STATUS_DE: Final = {
    "planned": "geplant",
    "active": "aktiv",
    "completed": "abgeschlossen",
    "stopped": "abgebrochen",
}
TYPE_DE: Final = {
    "knowledge exchange": "Wissensaustausch",
    "joint project": "Gemeinsames Projekt",
    "supplier relation": "Lieferbeziehung",
    "internship exchange": "Praktikantenaustausch",
}
EVIDENCE: Final = {
    "knowledge exchange": ("Gesprächsprotokoll vom {date}", "Verslag kennisuitwisseling {date}"),
    "joint project": ("Kooperationsvereinbarung vom {date}", "Projektantrag eingereicht {date}"),
    "supplier relation": ("Auftragsbestätigung vom {date}", "Rahmenvertrag vom {date}"),
    "internship exchange": ("Praktikumsvertrag vom {date}", "Stageovereenkomst {date}"),
}


@dataclass(frozen=True)
class Company:
    key: str
    country: str
    name: str
    register_id: str | None
    memberships: tuple[tuple[str, str | None], ...]  # (association, member number)
    engagement: float  # how keen the company is to take part (0: not at all)


@dataclass
class Plan:
    activities: list[dict[str, Any]]
    participations_nl: list[dict[str, Any]]  # OE's register
    participations_de: list[dict[str, Any]]  # WVE's CSV
    collaborations: list[dict[str, Any]]
    milestones: list[dict[str, Any]]


def member_companies(folder: Path) -> list[Company]:
    """The sample member companies, read back with the member-list reader; a company in both
    associations once, with both member numbers."""
    frames = []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        if memberlist.detect(path):
            frames.append(memberlist.read(path).tables["member"])
    members = pd.concat(frames, ignore_index=True)
    members["key"] = company_keys(members)
    rng = random.Random("dia-sample-engagement")
    # Plain rows grouped by key: per-group pandas calls cost milliseconds each at scale.
    columns = ["key", "register_id", "country", "member_until", "association", "member_number"]
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in members[[*columns, "name"]].to_dict("records"):
        groups.setdefault(str(row["key"]), []).append(row)
    companies = []
    for key in sorted(groups):
        rows = groups[key]
        register = [r["register_id"] for r in rows if not pd.isna(r["register_id"])]
        register_id = str(register[0]) if register else None
        if register_id is None:
            country = str(rows[0]["country"])
        else:
            country = "NL" if register_id.startswith("KvK") else "DE"
        ended = [r["member_until"] for r in rows if not pd.isna(r["member_until"])]
        if len(ended) == len(rows) and pd.Timestamp(max(ended)).date() < PROJECT[0]:
            continue  # no member during the project
        seen: set[str] = set()
        memberships = []
        for r in rows:
            if r["association"] in seen:
                continue
            seen.add(r["association"])
            number = None if pd.isna(r["member_number"]) else str(r["member_number"])
            memberships.append((str(r["association"]), number))
        companies.append(
            Company(
                key=key,
                country=country,
                name=str(rows[0]["name"]),
                register_id=register_id,
                memberships=tuple(memberships),
                engagement=rng.paretovariate(1.3) if rng.random() < INTERESTED else 0.0,
            )
        )
    return companies


def _pick(rng: random.Random, pool: list[Company], n: int) -> list[Company]:
    """``n`` distinct companies of the ``pool`` of keen ones, the keener ones more often."""
    chosen: list[Company] = []
    candidates = list(pool)
    weights = [c.engagement for c in candidates]
    for _ in range(min(n, len(candidates))):
        index = rng.choices(range(len(candidates)), weights=weights)[0]
        weights.pop(index)
        chosen.append(candidates.pop(index))
    return chosen


def reference(company: Company, rng: random.Random, style: str) -> str:
    """How a participant list names a company: register number in some spelling, or member
    number (with the association in front when two lists are kept together)."""
    numbered = [(a, n) for a, n in company.memberships if n]
    if company.register_id and (not numbered or rng.random() < 0.7):
        register = company.register_id
        if register.startswith("KvK"):
            digits = register.removeprefix("KvK ")
            return rng.choice((register, digits, f"KvK-nr. {digits}"))
        return rng.choice((register, register, f"{register} Amtsgericht Osnabrück"))
    association, number = rng.choice(numbered)
    return f"{association} {number}" if style == "prefixed" or rng.random() < 0.5 else str(number)


def plan(folder: Path, scale: int = 1) -> Plan:
    rng = random.Random(f"dia-sample-records-{scale}")
    companies = member_companies(folder)
    # At scale N every event runs N times, each copy for its own cohort of members (a slice of
    # the pool), so each pick costs what it costs at scale 1 and the work grows linearly.
    pools = {side: [c for c in companies if c.country == side] for side in ("NL", "DE")}
    cohorts = {
        side: [[c for c in pool[i::scale] if c.engagement > 0] for i in range(scale)]
        for side, pool in pools.items()
    }
    activities: list[dict[str, Any]] = []
    part_nl: list[dict[str, Any]] = []
    part_de: list[dict[str, Any]] = []
    attended: dict[str, list[tuple[dt.date, Company]]] = {}
    counters: Counter[int] = Counter()
    events = sorted(
        (
            (copy, Event(_copy_date(e.date, copy), *[getattr(e, f) for f in _EVENT_FIELDS]))
            for e in EVENTS
            for copy in range(scale)
        ),
        key=lambda pair: pair[1].date,
    )
    for copy, event in events:
        counters[event.date.year] += 1
        activity_id = f"DIA-{event.date.year}-{counters[event.date.year]:02d}"
        activities.append(_activity_row(activity_id, event, rng))
        target = part_de if event.organiser == "WVE" else part_nl
        for side, count in (("NL", event.nl), ("DE", event.de)):
            for company in _pick(rng, cohorts[side][copy], count):
                persons = 1 + (rng.random() < 0.3) + (rng.random() < 0.1)
                if event.type == "network meeting" and rng.random() < 0.3:
                    persons += 1
                target.append(
                    {
                        "activity_id": activity_id if rng.random() > 0.05 else activity_id.lower(),
                        "company": reference(company, rng, "prefixed" if target is part_nl else ""),
                        "company_name": company.name,
                        "persons": persons,
                    }
                )
                attended.setdefault(activity_id, []).append((event.date, company))
    registers = {c.register_id for c in companies}
    oe_by_kvk = {
        c.register_id: c
        for c in companies
        if c.register_id and any(a == "OE" and n for a, n in c.memberships)
    }
    for copy in range(scale):
        _add_record_defects(activities, part_nl, registers, oe_by_kvk, copy, counters)
    collaborations = _collaborations(attended, rng, scale)
    milestones = [
        {
            "work_package": rng.choice((wp, wp.replace("WP", "AP "), f"{wp} ")),
            "milestone": text,
            "milestone_nl": MILESTONE_NAMES[text][0],
            "milestone_en": MILESTONE_NAMES[text][1],
            "planned_on": planned,
            "done_on": None if late is None else planned + dt.timedelta(days=late),
        }
        for wp, text, planned, late in MILESTONES
    ]
    return Plan(activities, part_nl, part_de, collaborations, milestones)


_EVENT_FIELDS: Final = ("type", "format", "theme", "venue", "organiser", "title", "nl", "de")


def _copy_date(date: dt.date, copy: int) -> dt.date:
    """The copy's date: within the same week as the original, never after the records end."""
    return min(date + dt.timedelta(days=copy % 7), AS_OF)


def _activity_row(activity_id: str, event: Event, rng: random.Random) -> dict[str, Any]:
    return {
        "activity_id": activity_id,
        "date": event.date
        if rng.random() < 0.85
        else f"{event.date.day}-{event.date.month}-{event.date.year}",
        "title": event.title,
        "type": TYPE_NL[event.type],
        "format": FORMAT_NL[event.format],
        "theme": THEME_NL[event.theme],
        "region": event.venue,
        "organiser": ORGANISER_NL[event.organiser],
    }


def _add_record_defects(
    activities: list[dict[str, Any]],
    part_nl: list[dict[str, Any]],
    registers: set[str | None],
    oe_by_kvk: dict[str, Company],
    copy: int,
    counters: Counter[int],
) -> None:
    """The mistakes real registers have, one set per unit of scale, each row marked with its
    ``defect``. Their activity numbers lie past the year's last real one (``counters``)."""

    def spare(year: int, offset: int) -> str:
        return f"DIA-{year}-{max(counters[year] + 1, offset) + 3 * copy:02d}"

    activities.append(
        {
            "activity_id": spare(2022, 99),
            "date": "31-11-2022",
            "title": "Nieuwjaarsborrel Emmen (datum onbekend)",
            "type": "Netwerkbijeenkomst",
            "format": "Fysiek",
            "theme": "Uitwisseling",
            "region": "Emmen",
            "organiser": "OE",
            "defect": "bad_date",
        }
    )
    activities.append(
        {
            "activity_id": spare(2023, 98),
            "date": dt.date(2023, 1, 12),
            "title": "Nieuwjaarsreceptie OE",
            "type": "Borrel",
            "format": "Fysiek",
            "theme": "Uitwisseling",
            "region": "Emmen",
            "organiser": "OE",
            "defect": "unknown_type",
        }
    )
    base = 10 * copy  # each set of defects copies other participations
    part_nl.append({**part_nl[base], "activity_id": spare(2021, 77), "defect": "unknown_activity"})
    unknown = next(
        f"KvK {n}" for n in range(99887766 - copy, 0, -1000) if f"KvK {n}" not in registers
    )
    part_nl.append({**part_nl[base + 5], "company": unknown, "defect": "unknown_company"})
    part_nl.append({**part_nl[base + 8], "persons": "veel", "defect": "bad_persons"})
    # One company named twice for one event, once by KvK and once by OE member number.
    both_ways, company = next(
        (row, found)
        for row in islice(part_nl, base, None)
        if "defect" not in row
        and row["company"].startswith(("KvK", "0", "KvK-nr"))
        and (found := _company_of(row, oe_by_kvk)) is not None
    )
    number = next(n for a, n in company.memberships if a == "OE" and n)
    part_nl.append({**both_ways, "company": f"OE {number}", "persons": 1, "defect": "twice"})


def _company_of(row: dict[str, Any], oe_by_kvk: dict[str, Company]) -> Company | None:
    digits = "".join(ch for ch in str(row["company"]) if ch.isdigit())
    return oe_by_kvk.get(f"KvK {digits}")


def _collaborations(
    attended: dict[str, list[tuple[dt.date, Company]]],
    rng: random.Random,
    scale: int,
) -> list[dict[str, Any]]:
    """Pairs of a Dutch and a German company that met at the same event, starting some weeks
    later; companies in one association only, so their side is beyond doubt."""
    meetings: list[tuple[dt.date, list[Company], list[Company]]] = []
    for _activity, guests in sorted(attended.items()):
        nl = [c for _d, c in guests if c.country == "NL" and len(c.memberships) == 1]
        de = [c for _d, c in guests if c.country == "DE" and len(c.memberships) == 1]
        if nl and de:
            meetings.append((guests[0][0], nl, de))
    rows: list[dict[str, Any]] = []
    used: set[tuple[str, str]] = set()
    plan_rows = [(kind, status) for kind, status, n in COLLABORATIONS for _ in range(n * scale)]
    rng.shuffle(plan_rows)
    for number, (kind, status) in enumerate(plan_rows, start=1):
        while True:
            met, nl_guests, de_guests = rng.choice(meetings)
            partner_nl, partner_de = rng.choice(nl_guests), rng.choice(de_guests)
            if (partner_nl.key, partner_de.key) not in used:
                used.add((partner_nl.key, partner_de.key))
                break
        started = met + dt.timedelta(days=rng.randint(20, 150))
        if status != "planned" and started > AS_OF:
            started = AS_OF - dt.timedelta(days=rng.randint(1, 20))
        evidence_de, evidence_nl = EVIDENCE[kind]
        rows.append(
            {
                "collaboration_id": f"K-{number:03d}",
                "company_nl": reference(partner_nl, rng, "prefixed"),
                "name_nl": partner_nl.name,
                "company_de": reference(partner_de, rng, "prefixed"),
                "name_de": partner_de.name,
                "collaboration_type": TYPE_DE[kind],
                "started_on": None if status == "planned" else started,
                "status": STATUS_DE[status],
                "evidence": None
                if status == "planned"
                else rng.choice((evidence_de, evidence_nl)).format(
                    date=started.strftime("%d.%m.%Y")
                ),
            }
        )
    for copy in range(scale):
        # A German company written in the Dutch partner's column.
        right = rows[3 + 7 * copy]
        wrong = {**right, "defect": "swapped_sides"}
        wrong["collaboration_id"] = f"K-{len(rows) + 1:03d}"
        wrong["company_nl"], wrong["company_de"] = right["company_de"], right["company_nl"]
        wrong["name_nl"], wrong["name_de"] = right["name_de"], right["name_nl"]
        rows.append(wrong)
    return rows


# --- writing --------------------------------------------------------------------------------


def _sheet(
    book: Workbook, title: str, kind: str, lang: str, rows: list[dict[str, Any]], heading: str
) -> None:
    sheet = book.create_sheet(title)
    sheet.append([f"{MARKER} – {heading}"])
    sheet["A1"].font = Font(bold=True, color="9C0006")
    sheet.append([])
    names = headers(kind, lang)
    sheet.append(list(names.values()))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(field) for field in names])
    for column, field_name in enumerate(names, start=1):
        letter = sheet.cell(row=3, column=column).column_letter
        sheet.column_dimensions[letter].width = (
            44
            if field_name in ("title", "name_nl", "name_de", "company_name", "evidence")
            or field_name.startswith("milestone")
            else 16
        )
        if field_name in ("date", "started_on", "planned_on", "done_on"):
            for cell in sheet[letter][3:]:
                cell.number_format = "DD-MM-YYYY" if lang == "nl" else "DD.MM.YYYY"


def _save(book: Workbook, path: Path) -> None:
    book.properties.creator = "DIA Monitor (sample data)"
    save_workbook(book, path, dt.datetime(2023, 12, 1))


def write_activities(path: Path, p: Plan) -> None:
    book = Workbook()
    book.remove(book.active)
    _sheet(book, "Activiteiten", "activity", "nl", p.activities, "DIA activiteitenregister OE")
    _sheet(
        book, "Deelnames", "participation", "nl", p.participations_nl, "deelnemers per activiteit"
    )
    _save(book, path)


def write_participants_csv(path: Path, p: Plan) -> None:
    names = headers("participation", "de")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([f"{MARKER} – Teilnehmerlisten WVE (Export)"])
    writer.writerow(list(names.values()))
    for row in p.participations_de:
        writer.writerow([row.get(field, "") for field in names])
    path.write_bytes(buffer.getvalue().encode("cp1252", errors="replace"))


def write_collaborations(path: Path, p: Plan) -> None:
    book = Workbook()
    book.remove(book.active)
    _sheet(
        book, "Kooperationen", "collaboration", "de", p.collaborations, "DIA-Kooperationen (WVE)"
    )
    _sheet(book, "Meilensteine", "milestone", "de", p.milestones, "Meilensteine laut Arbeitsplan")
    _save(book, path)


def generate(out_dir: Path, scale: int = 1) -> list[Path]:
    p = plan(out_dir, scale)
    paths = [out_dir / ACTIVITIES_FILE, out_dir / PARTICIPANTS_CSV, out_dir / COLLABORATIONS_FILE]
    write_activities(paths[0], p)
    write_participants_csv(paths[1], p)
    write_collaborations(paths[2], p)
    return paths
