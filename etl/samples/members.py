"""Sample member lists of both associations: invented companies and people at real places.

Three files as the associations might keep them: OE's workbook (a main sheet with title rows,
a hidden stale column and a totals row, a sheet of 2025's new members with other headers, an
explanations sheet), WVE's workbook and a CSV export (Windows-1252, ``;``) of part of WVE's
members. About 3–4 % of the rows carry the defects real lists have; each ``Row`` of
``plan(scale)`` says which (``defect``) or that it repeats a member (``duplicate``). Every file says "Voorbeelddata /
Beispieldaten" above its header, which is how the reader marks its source as sample.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import random
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any, Final

import pandas as pd
import xlsxwriter

from core.paths import REFERENCE_DIR
from etl import normalise
from etl.memberlist.columns import FIELDS
from etl.reference import region_frame

AS_OF: Final = dt.date(2025, 6, 30)
MARKER: Final = "Voorbeelddata / Beispieldaten"
OE_FILE: Final = "oe_ledenlijst_2025.xlsx"
WVE_FILE: Final = "wve_mitgliederverzeichnis.xlsx"
WVE_CSV: Final = "wve_mitglieder_export_sued.csv"

# Rows per association at scale 1, defects included (scaled linearly).
OE_ROWS: Final = 342
WVE_ROWS: Final = 380
WVE_CSV_SHARE: Final = 0.18
OE_NEW_SHARE: Final = 0.12
BOTH_DE: Final = 10  # German companies in both lists, German address in both
BOTH_BRANCH: Final = 2  # German companies whose Dutch branch is the OE member (parent's HRB)
BOTH_NL: Final = 8  # Dutch companies in both lists
# Defect rows per association: (kind, count). Each rejected row has exactly one defect.
OE_DEFECTS: Final = (
    ("name", 2),
    ("outside", 2),
    ("date", 2),
    ("sector", 2),
    ("employees", 1),
    ("register", 1),
)
WVE_DEFECTS: Final = (("name", 1), ("outside", 2), ("date", 2), ("sector", 2), ("employees", 1))
OE_DUPLICATES: Final = 2
OE_FIRST_NUMBER: Final = 1001
WVE_DUPLICATES: Final = 2  # one inside the workbook, one across workbook and CSV

DEFECT_VALUES: Final[dict[str, dict[str, list[Any]]]] = {
    "NL": {
        "outside": ["9712 CP", "8011 AB", "1012 JS", "7511 JE"],
        "date": ["31-02-2019", "voorjaar 2018", "00-00-2016", "2019-13-01"],
        "sector": ["2S.62", "62.O1", "Kunstofverwerking", "00.00"],
        "employees": ["veel", "ca. twintig"],
        "register": ["aangevraagd", "KvK 123"],
    },
    "DE": {
        "outside": ["49074", "48143", "26122", "49377"],
        "date": ["30.02.2018", "Frühjahr 2017", "00.00.2015", "2018-14-01"],
        "sector": ["6Z.01", "00.00", "Maschienenbau", "2S.11"],
        "employees": ["ca. zwanzig", "viele"],
        "register": ["beantragt", "HRB"],
    },
}


@dataclass(frozen=True)
class Sector:
    weight_nl: int
    weight_de: int
    codes: tuple[str, ...]  # SBI/WZ subclasses as dd.dd(.d)
    words_nl: tuple[str, ...]
    words_de: tuple[str, ...]
    brand: tuple[str, ...]  # brand-name endings
    name_nl: str  # sector name as written in a "Branche" column
    name_de: str


VOCABULARY_FILE: Final = Path(__file__).with_name("member_vocabulary.toml")


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Any]:
    with VOCABULARY_FILE.open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def sectors() -> tuple[Sector, ...]:
    return tuple(
        Sector(
            weight_nl=entry["weight_nl"],
            weight_de=entry["weight_de"],
            codes=tuple(entry["codes"]),
            words_nl=tuple(entry["words_nl"]),
            words_de=tuple(entry["words_de"]),
            brand=tuple(entry["brand"]),
            name_nl=entry["name_nl"],
            name_de=entry["name_de"],
        )
        for entry in _vocabulary()["sector"]
    )


@lru_cache(maxsize=16)
def vocabulary(kind: str, country: str) -> tuple[str, ...]:
    """``surnames``, ``first_names``, ``brand_starts`` or ``streets`` of one country."""
    return tuple(_vocabulary()[kind][country])


AREA_CODES: Final[dict[str, str]] = {
    "GM0114": "0591",
    "GM0109": "0524",
    "GM1681": "0599",
}
DE_AREA_CODES: Final = ("05931", "0591", "04961", "05951", "05932", "05952", "05933", "04963")
LETTERS: Final = "ABCDEGHJKLMNPRSTVWXZ"
LEGAL_NL: Final = ((" B.V.", 70), (" V.O.F.", 10), ("", 14), (" N.V.", 1), (" Holding B.V.", 5))
LEGAL_DE: Final = (
    (" GmbH", 55),
    (" GmbH & Co. KG", 25),
    (" e.K.", 8),
    (" KG", 5),
    (" AG", 2),
    (" eG", 3),
    ("", 2),
)


@dataclass
class Company:
    """One invented company; ``cells`` renders it for one list."""

    country: str
    name: str
    register: str | None  # KvK 8 digits or "HRB 123456" (canonical)
    street: str
    postcode: str  # canonical display (7811 AB / 49716)
    city: str
    region_id: str
    code: str  # SBI/WZ subclass dd.dd
    sector: Sector
    employees: int
    since: dt.date
    until: dt.date | None
    person: str
    email: str
    phone: str


@dataclass(eq=False)  # rows are found by identity: a field-by-field compare costs O(n) each
class Row:
    """One data row of a sample file: the company, how it is written, what should happen."""

    company: Company
    duplicate: bool = False  # the same member again, written a little differently
    defect: tuple[str, Any] | None = None  # (field, value written instead): one fault, one row
    name_override: str | None = None
    address_override: Company | None = None  # a branch: another address than the company's
    register_override: str | None = None
    since_override: dt.date | None = None  # the other association's own join date
    blank_register: bool = False
    member_number: str = ""

    @property
    def clean(self) -> bool:
        return self.defect is None and not self.duplicate


@dataclass
class Plan:
    oe_main: list[Row]
    oe_new: list[Row]
    wve_main: list[Row]
    wve_csv: list[Row]
    both: int  # companies that are members of both associations


# --- places ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    postcode_key: str
    city: str
    region_id: str
    weight: float


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[Place, ...]]:
    pc4 = pd.read_csv(REFERENCE_DIR / "pc4_gemeente.csv", dtype=str, keep_default_na=False)
    pc4 = pc4[pc4["population"] != ""]
    nl = tuple(
        Place(row.pc4, row.place, row.region_id, float(row.population))
        for row in pc4.itertuples(index=False)
    )
    plz = pd.read_csv(REFERENCE_DIR / "plz_gemeinde.csv", dtype=str, keep_default_na=False)
    regions = region_frame()
    population = dict(zip(regions["region_id"], regions["population"], strict=True))
    share = plz.groupby("region_id")["plz"].transform("count")
    de = tuple(
        Place(row.plz, row.name, row.region_id, float(population[row.region_id]) / n)
        for row, n in zip(plz.itertuples(index=False), share, strict=True)
    )
    return {"NL": nl, "DE": de}


@lru_cache(maxsize=2)
def _sector_weights(country: str) -> list[float]:
    return list(accumulate(s.weight_nl if country == "NL" else s.weight_de for s in sectors()))


@lru_cache(maxsize=2)
def _place_weights(country: str) -> list[float]:
    return list(accumulate(p.weight for p in _places()[country]))


# --- drawing companies ----------------------------------------------------------------------


class Drawer:
    """Draws invented companies; names, registers and e-mail domains never repeat."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: set[str] = set()
        self.registers: set[str] = set()

    def pick(self, weighted: tuple[tuple[Any, int], ...]) -> Any:
        items, weights = zip(*weighted, strict=True)
        return self.rng.choices(items, weights=weights)[0]

    def company(self, country: str, since_from: int) -> Company:
        rng = self.rng
        sector = rng.choices(sectors(), cum_weights=_sector_weights(country))[0]
        place = rng.choices(_places()[country], cum_weights=_place_weights(country))[0]
        name, legal = self._name(country, sector, place)
        register = self._register(country, legal)
        employees = self._employees()
        since = self._since(since_from)
        until = None
        if rng.random() < 0.09:
            start = since + dt.timedelta(days=400)
            if start < AS_OF:
                until = start + dt.timedelta(days=rng.randrange((AS_OF - start).days + 1))
        first = rng.choice(vocabulary("first_names", country))
        last = rng.choice(vocabulary("surnames", country))
        domain = normalise.text_key(name.replace(legal, "")) or "firma"
        tld = ".nl" if country == "NL" else ".de"
        return Company(
            country=country,
            name=name,
            register=register,
            street=f"{rng.choice(vocabulary('streets', country))} {rng.randint(1, 140)}"
            + (rng.choice("abc") if rng.random() < 0.08 else ""),
            postcode=(
                f"{place.postcode_key} {rng.choice(LETTERS)}{rng.choice(LETTERS)}"
                if country == "NL"
                else place.postcode_key
            ),
            city=place.city,
            region_id=place.region_id,
            code=rng.choice(sector.codes),
            sector=sector,
            employees=employees,
            since=since,
            until=until,
            person=f"{first} {last}",
            email=f"{normalise.text_key(first)}.{normalise.text_key(last)}@{domain[:24]}{tld}",
            phone=(
                f"{AREA_CODES.get(place.region_id, '0591')}-{rng.randint(200000, 899999)}"
                if country == "NL"
                else f"{rng.choice(DE_AREA_CODES)} {rng.randint(10000, 99999)}"
            ),
        )

    def _name(self, country: str, sector: Sector, place: Place) -> tuple[str, str]:
        rng = self.rng
        words = sector.words_nl if country == "NL" else sector.words_de
        legal = self.pick(LEGAL_NL if country == "NL" else LEGAL_DE)
        for attempt in range(12):
            style = rng.random()
            surname = rng.choice(vocabulary("surnames", country))
            word = rng.choice(words) if words else "Techniek"
            if style < 0.45:
                base = f"{surname} {word}"
            elif style < 0.6:
                base = f"{word} {surname}"
            elif style < 0.75:
                base = f"{word} {place.city.split(' (')[0]}"
            elif style < 0.85:
                base = f"{surname} & {rng.choice(vocabulary('surnames', country))}"
            else:
                base = (
                    f"{rng.choice(vocabulary('brand_starts', country))}{rng.choice(sector.brand)}"
                )
            if attempt >= 8:
                base = f"{base} {place.city.split(' (')[0]}"
            if attempt >= 10:
                base = f"{base} {len(self.names)}"
            key = normalise.text_key(base)
            if key not in self.names:
                self.names.add(key)
                return base + legal, legal
        raise RuntimeError("could not invent a unique company name")

    def _register(self, country: str, legal: str) -> str | None:
        rng = self.rng
        for attempt in range(1_000_000):
            if country == "NL":
                number = (
                    f"04{rng.randint(0, 999999):06d}"
                    if rng.random() < 0.45
                    else str(rng.randint(50000000, 99999999))
                )
                register = f"KvK {number}"
            elif legal.strip() in ("", "GbR"):
                return None
            else:
                kind = {"e.K.": "HRA", "KG": "HRA", "eG": "GnR"}.get(legal.strip(), "HRB")
                if legal.strip() == "GmbH & Co. KG":
                    kind = "HRA"
                # Wider ranges only when the usual ones run out (large benchmark lists).
                widen = 10 ** (attempt // 20)
                low, high = (100, 999) if kind == "GnR" else (100000, 219999)
                register = f"{kind} {rng.randint(low, high * widen)}"
            if register not in self.registers:
                self.registers.add(register)
                return register
        raise RuntimeError("could not invent a unique register number")

    def _employees(self) -> int:
        rng = self.rng
        size = rng.choices(("micro", "small", "medium", "large"), weights=(40, 35, 18, 7))[0]
        low, high = {"micro": (1, 9), "small": (10, 49), "medium": (50, 249), "large": (250, 1800)}[
            size
        ]
        return round(low * (high / low) ** rng.random())

    def _since(self, since_from: int) -> dt.date:
        rng = self.rng
        # More joiners in recent years, and a push during the DIA project (from 2023).
        year = int(since_from + (AS_OF.year - since_from) * rng.random() ** 0.7)
        if rng.random() < 0.12:
            year = rng.choice((2023, 2024, 2025))
        start = dt.date(year, 1, 1)
        end = min(dt.date(year, 12, 31), AS_OF)
        return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


# --- the plan -------------------------------------------------------------------------------


def plan(scale: int = 1) -> Plan:
    """Every row of every sample file."""
    rng = random.Random(f"dia-sample-members-{scale}")
    draw = Drawer(rng)
    oe_defects = [kind for kind, n in OE_DEFECTS for _ in range(n * scale)]
    wve_defects = [kind for kind, n in WVE_DEFECTS for _ in range(n * scale)]
    both_de = [draw.company("DE", 1975) for _ in range(BOTH_DE * scale)]
    both_branch = [draw.company("DE", 1975) for _ in range(BOTH_BRANCH * scale)]
    for company in both_branch:
        if company.register is None:
            company.register = f"HRB {200000 + len(draw.registers)}"
    both_nl = [draw.company("NL", 2000) for _ in range(BOTH_NL * scale)]
    n_both = len(both_de) + len(both_branch) + len(both_nl)
    for company in both_de + both_branch + both_nl:
        company.until = None  # still a member on both sides (its join dates differ)
    oe_only_n = OE_ROWS * scale - n_both - len(oe_defects) - OE_DUPLICATES * scale
    wve_only_n = WVE_ROWS * scale - n_both - len(wve_defects) - WVE_DUPLICATES * scale
    oe_only = [draw.company("NL", 2000) for _ in range(oe_only_n)]
    wve_only = [draw.company("DE", 1975) for _ in range(wve_only_n)]

    oe_rows = [Row(c) for c in oe_only] + [Row(c) for c in both_nl]
    for i, company in enumerate(both_de):
        oe_rows.append(
            Row(
                company,
                name_override=_variant_legal(company.name) if i % 3 == 0 else None,
                blank_register=i % 5 in (1, 3),
                since_override=_later(company.since, rng),
            )
        )
    for company in both_branch:
        branch = draw.company("NL", 2000)
        draw.names.discard(normalise.text_key(branch.name))
        oe_rows.append(
            Row(
                company,
                name_override=company.name.split(" ")[0] + " Nederland B.V.",
                address_override=branch,
                register_override=f"Amtsgericht Osnabrück {company.register}",
                since_override=_later(company.since, rng),
            )
        )
    wve_rows = [Row(c) for c in wve_only] + [Row(c) for c in both_de + both_branch]
    for i, company in enumerate(both_nl):
        wve_rows.append(
            Row(
                company,
                name_override=_variant_legal(company.name),
                blank_register=i % 3 == 2,
                since_override=_later(company.since, rng),
            )
        )
    rng.shuffle(oe_rows)
    rng.shuffle(wve_rows)

    oe_rows = _add_defects(oe_rows, oe_defects, draw, "NL")
    wve_rows = _add_defects(wve_rows, wve_defects, draw, "DE")
    oe_rows = _add_duplicates(oe_rows, OE_DUPLICATES * scale, rng)

    for number, row in enumerate(oe_rows, start=OE_FIRST_NUMBER):
        row.member_number = str(number)
    for number, row in enumerate(wve_rows, start=wve_first_number(len(oe_rows))):
        row.member_number = str(number)

    n_new = int(len(oe_rows) * OE_NEW_SHARE)
    oe_new, oe_main = oe_rows[:n_new], oe_rows[n_new:]
    for row in oe_new:  # the new members' sheet: joined in 2025 (it has no leaving date)
        row.since_override = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(180))
    n_csv = int(len(wve_rows) * WVE_CSV_SHARE)
    wve_csv, wve_main = wve_rows[:n_csv], wve_rows[n_csv:]
    wve_main = _add_duplicates(wve_main, WVE_DUPLICATES * scale - 1 * scale, rng)
    # Members in both the workbook and the CSV export (merged across files), one per unit
    # of scale, each a different member.
    sources = (r for r in wve_main if r.clean and r.company.register)
    for _ in range(scale):
        source = next(sources)
        wve_csv.insert(
            rng.randrange(len(wve_csv) + 1),
            Row(source.company, duplicate=True, member_number="S-" + source.member_number),
        )

    return Plan(oe_main, oe_new, wve_main, wve_csv, both=n_both)


def wve_first_number(oe_rows: int) -> int:
    """WVE numbers from 20001, or from the next 2·10^k past OE's last number when OE's list
    is that long, so a bare member number never names a member of both associations."""
    last_oe = OE_FIRST_NUMBER + oe_rows
    first = 20001
    while first <= last_oe:
        first = (first - 1) * 10 + 1
    return first


def _later(since: dt.date, rng: random.Random) -> dt.date:
    """When a member of one association also joined the other: later, often during DIA."""
    start = max(since, dt.date(2012, 1, 1))
    if rng.random() < 0.4:
        start = max(start, dt.date(2023, 1, 1))
    return start + dt.timedelta(days=rng.randrange(max(1, (AS_OF - start).days)))


def _variant_legal(name: str) -> str:
    """The same company written with another legal form, as the other association keeps it."""
    for old, new in (
        (" B.V.", " BV"),
        (" GmbH & Co. KG", " GmbH"),
        (" GmbH", " GmbH & Co. KG"),
        (" V.O.F.", " vof"),
    ):
        if name.endswith(old):
            return name[: -len(old)] + new
    return name


def _add_defects(rows: list[Row], defects: list[str], draw: Drawer, country: str) -> list[Row]:
    """Append one row per defect (a fresh company written with that single fault)."""
    values = DEFECT_VALUES[country]
    since_from = 2000 if country == "NL" else 1975
    for i, kind in enumerate(defects):
        company = draw.company(country, since_from)
        if kind == "name":
            row = Row(company, defect=("name", ""))
        else:
            value = values[kind][i % len(values[kind])]
            field_name = {"outside": "postcode", "date": "since"}.get(kind, kind)
            row = Row(company, defect=(field_name, value))
        position = draw.rng.randrange(len(rows) + 1)
        rows.insert(position, row)
    return rows


def _add_duplicates(rows: list[Row], count: int, rng: random.Random) -> list[Row]:
    """Repeat ``count`` clean rows later in the list, written a little differently."""
    candidates = [
        r for r in rows if r.clean and r.name_override is None and r.address_override is None
    ]
    for i, original in enumerate(rng.sample(candidates, count)):
        copy = Row(
            original.company,
            duplicate=True,
            name_override=_variant_legal(original.company.name) if i % 2 else None,
            blank_register=i % 2 == 1,
            member_number=original.member_number,
        )
        position = (
            rows.index(original) + 1 + rng.randrange(max(1, len(rows) - rows.index(original)))
        )
        rows.insert(min(position, len(rows)), copy)
    return rows


# --- writing --------------------------------------------------------------------------------

OE_MAIN_HEADERS: Final = (
    "Lidnr",
    "Bedrijfsnaam",
    "KvK-nummer",
    "Adres",
    "Vestigingsplaats",
    "Postcode",
    "Plaats",
    "SBI-code",
    "Aantal medewerkers",
    "Lid sinds",
    "Opzegdatum",
    "Contactpersoon",
    "E-mail",
    "Telefoon",
    "Contributie 2025",
    "Erkend leerbedrijf",
    "Stageplaatsen",
)
OE_NEW_HEADERS: Final = (
    "Naam",
    "KvK",
    "Straat + huisnummer",
    "Postcode",
    "Woonplaats",
    "Branche",
    "Medewerkers",
    "Startdatum lidmaatschap",
    "Contactpersoon",
    "E-mail",
    "Telefoon",
)
WVE_MAIN_HEADERS: Final = (
    "Mitgliedsnummer",
    "Firma",
    "Handelsregister",
    "Straße",
    "PLZ",
    "Ort",
    "WZ 2008",
    "Mitarbeiter",
    "Mitglied seit",
    "Austrittsdatum",
    "Ansprechpartner",
    "E-Mail",
    "Telefon",
    "Ausbildungsbetrieb",
    "Ausbildungsplätze",
    "Beitrag 2025 (€)",
)
WVE_CSV_HEADERS: Final = (
    "Mitgliedsnummer",
    "Unternehmen",
    "HR-Nummer",
    "Anschrift",
    "Postleitzahl",
    "Stadt",
    "Branche",
    "Anzahl Mitarbeiter",
    "Eintrittsdatum",
    "Austritt",
    "Ansprechpartner",
    "E-Mail",
    "Telefon",
)


def _cells(row: Row, style: str, rng: random.Random) -> dict[str, Any]:
    """The row as one list writes it (``style``: oe_main, oe_new, wve_main, wve_csv)."""
    c = row.company
    address = row.address_override or c
    register: Any = row.register_override or c.register
    if row.blank_register:
        register = ""
    elif register and register.startswith("KvK "):
        number = register[4:]
        register = rng.choice(
            (number, number, f"KvK {number}", int(number) if style == "oe_main" else number)
        )
    elif register and style in ("wve_main", "wve_csv", "oe_main") and not row.register_override:
        register = rng.choice(
            (register, register, f"Amtsgericht Osnabrück {register}", f"{register} AG Osnabrück")
        )
    postcode: Any = address.postcode
    if address.country == "NL":
        pc4 = address.postcode[:4]
        postcode = rng.choices(
            (
                address.postcode,
                address.postcode.replace(" ", ""),
                address.postcode.replace(" ", "").lower(),
                int(pc4),
            ),
            weights=(60, 20, 10, 10),
        )[0]
    elif style in ("wve_main", "oe_main") and rng.random() < 0.6:
        postcode = int(address.postcode)
    city = address.city
    if address.country == "DE" and rng.random() < 0.05:
        city = ""  # PLZ alone; a PLZ of several Gemeinden is then placed in its Samtgemeinde
    dotted = c.code
    sector: Any
    if style == "oe_main":
        sector = rng.choices(
            (dotted, dotted.replace(".", ""), f"{_section(dotted)} {dotted}", float(dotted)),
            weights=(55, 20, 15, 10),
        )[0]
    elif style == "oe_new":
        sector = c.sector.name_nl if rng.random() < 0.7 else dotted
    elif style == "wve_main":
        sector = rng.choices(
            (dotted + ".0", dotted, dotted.replace(".", "") + "0", int(dotted.replace(".", ""))),
            weights=(40, 30, 20, 10),
        )[0]
    else:
        sector = c.sector.name_de if rng.random() < 0.5 else dotted
    employees: Any = c.employees
    if rng.random() < 0.05:
        employees = ""
    elif style == "wve_csv" and rng.random() < 0.1:
        employees = f"ca. {c.employees}"
    cells: dict[str, Any] = {
        "member_number": row.member_number,
        "name": row.name_override or c.name,
        "register": register or "",
        "street": address.street,
        "postcode": postcode,
        "city": city,
        "sector": sector,
        "employees": employees,
        "since": row.since_override or c.since,
        "until": c.until or "",
        "person": c.person,
        "email": c.email,
        "phone": c.phone,
        **_training(c.name, c.employees, german=style.startswith("wve")),
    }
    if row.defect:
        cells[row.defect[0]] = row.defect[1]
    return cells


def _training(name: str, employees: int, *, german: bool) -> dict[str, Any]:
    """Whether the company trains and how many places it offers: fixed per company (from its
    name, not from the random stream, so the other columns stay as they were). Most companies
    with ten or more employees train; a few small ones too."""
    digest = int(hashlib.sha1(name.encode()).hexdigest()[:6], 16)
    trains = digest % 10 < (7 if employees >= 10 else 2)
    yes, no = ("ja", "nein") if german else ("ja", "nee")
    places = 1 + digest % 3 + employees // 40 if trains else 0
    return {"training_company": yes if trains else no, "internship_places": places}


def _section(dotted: str) -> str:
    from etl.nace import division_sections

    return division_sections()[dotted[:2]]


def _date_text(value: dt.date, style: str, rng: random.Random) -> str:
    if style.startswith("oe"):
        return (
            f"{value.day}-{value.month}-{value.year}"
            if rng.random() < 0.5
            else value.strftime("%d-%m-%Y")
        )
    if style == "wve_csv":
        return value.isoformat() if rng.random() < 0.5 else value.strftime("%d.%m.%Y")
    return value.strftime("%d.%m.%Y")


def _excel_sheet(
    book: xlsxwriter.Workbook,
    sheet_name: str,
    titles: list[str],
    headers: tuple[str, ...],
    fields: tuple[str | None, ...],
    rows: list[Row],
    style: str,
    rng: random.Random,
    *,
    hidden: tuple[int, ...] = (),
    blank_at: int | None = None,
    totals: list[str] | None = None,
) -> None:
    sheet = book.add_worksheet(sheet_name)
    bold = book.add_format({"bold": True})
    date_format = book.add_format(
        {"num_format": "dd-mm-yyyy" if style.startswith("oe") else "dd.mm.yyyy"}
    )
    title_format = book.add_format({"bold": True, "font_size": 14})
    for index, title in enumerate(titles):
        sheet.write_string(index, 0, title, title_format if index == 0 else None)
    header_row = len(titles) + 1
    sheet.write_row(header_row, 0, headers, bold)
    for column in hidden:
        sheet.set_column(column, column, None, None, {"hidden": True})
    sheet.set_column(0, len(headers) - 1, 16)
    for column in hidden:
        sheet.set_column(column, column, 16, None, {"hidden": True})
    sheet.freeze_panes(header_row + 1, 0)
    row_index = header_row + 1
    for position, row in enumerate(rows):
        if position == blank_at:
            row_index += 1
        cells = _cells(row, style, rng)
        for column, name in enumerate(fields):
            if name is None:
                continue
            value = cells.get(name, "")
            if name == "stale_city":
                value = _stale_city(cells["city"])
            elif name == "fee":
                value = {"micro": 150, "small": 350, "medium": 750, "large": 1500}.get(
                    _size(row), 150
                )
            if isinstance(value, dt.date):
                kind = rng.random()
                if kind < 0.65:
                    sheet.write_datetime(
                        row_index, column, dt.datetime.combine(value, dt.time()), date_format
                    )
                elif kind < 0.85 or not style.startswith("oe"):
                    sheet.write_string(row_index, column, _date_text(value, style, rng))
                else:
                    sheet.write_number(row_index, column, (value - dt.date(1899, 12, 30)).days)
            elif isinstance(value, bool):
                sheet.write_string(row_index, column, str(value))
            elif isinstance(value, int | float):
                sheet.write_number(row_index, column, value)
            elif value != "":
                sheet.write_string(row_index, column, str(value))
        row_index += 1
    if totals:
        sheet.write_row(row_index, 0, totals, bold)


def _stale_city(city: str) -> str:
    """The hidden old column holds last decade's spelling: never to be read."""
    return city.upper() if city else ""


def _size(row: Row) -> str:
    employees = row.company.employees
    return (
        "micro"
        if employees < 10
        else "small"
        if employees < 50
        else "medium"
        if employees < 250
        else "large"
    )


def _book(path: Path, title: str, large: bool) -> xlsxwriter.Workbook:
    # Large benchmark files are streamed row by row (inline strings instead of a shared table).
    book = xlsxwriter.Workbook(str(path), {"constant_memory": large})
    book.set_properties(
        {
            "title": title,
            "subject": MARKER,
            "keywords": "sample, voorbeelddata, Beispieldaten",
            "comments": MARKER + ": invented companies and people",
            "created": dt.datetime(2025, 6, 30, 12, 0, 0),
        }
    )
    return book


def _inserted(fields: tuple[str, ...], before: dict[str, str]) -> tuple[str, ...]:
    """``fields`` with an extra column put before each key of ``before``."""
    return tuple(
        column
        for name in fields
        for column in ((before[name], name) if name in before else (name,))
    )


# Every member-list field plus columns the reader must ignore: OE keeps last decade's place
# (hidden) after the street and the fee before the training columns; WVE keeps the fee last.
OE_SHEET_FIELDS: tuple[str, ...] = _inserted(
    FIELDS, {"postcode": "stale_city", "training_company": "fee"}
)
WVE_SHEET_FIELDS: tuple[str, ...] = (*FIELDS, "fee")
# New members have no number nor end date yet, and no training columns.
OE_NEW_FIELDS: tuple[str, ...] = tuple(
    name
    for name in FIELDS
    if name not in ("member_number", "until", "training_company", "internship_places")
)
# The CRM export has no training columns.
WVE_CSV_FIELDS: tuple[str, ...] = tuple(
    name for name in FIELDS if name not in ("training_company", "internship_places")
)


def _wve_sheet(
    book: xlsxwriter.Workbook,
    titles: list[str],
    rows: list[Row],
    rng: random.Random,
    *,
    members: int,
    blank_at: int | None = None,
) -> None:
    """The "Mitglieder" sheet of a WVE workbook, with its hidden fee column and totals row."""
    _excel_sheet(
        book,
        "Mitglieder",
        ["Mitgliederverzeichnis Wirtschaftsverband Emsland e. V.", *titles],
        WVE_MAIN_HEADERS,
        WVE_SHEET_FIELDS,
        rows,
        "wve_main",
        rng,
        hidden=(WVE_SHEET_FIELDS.index("fee"),),
        blank_at=blank_at,
        totals=["Summe", f"{members} Mitglieder"],
    )


def write_oe(path: Path, p: Plan, rng: random.Random) -> None:
    book = _book(path, "Ledenlijst Ondernemend Emmen", large=len(p.oe_main) > 20_000)
    members = sum(1 for r in p.oe_main if r.defect is None)
    _excel_sheet(
        book,
        "Leden",
        [
            "Ledenlijst Ondernemend Emmen",
            f"{MARKER} – fictieve bedrijven en personen",
            f"Peildatum: {AS_OF:%d-%m-%Y}",
        ],
        OE_MAIN_HEADERS,
        OE_SHEET_FIELDS,
        p.oe_main,
        "oe_main",
        rng,
        hidden=(OE_SHEET_FIELDS.index("stale_city"),),
        blank_at=len(p.oe_main) // 2,
        totals=["Totaal", f"{members} leden"],
    )
    _excel_sheet(
        book,
        "Nieuwe leden 2025",
        [f"Nieuwe leden 2025 – {MARKER}"],
        OE_NEW_HEADERS,
        OE_NEW_FIELDS,
        p.oe_new,
        "oe_new",
        rng,
    )
    notes = book.add_worksheet("Toelichting")
    for index, line in enumerate(
        (
            "Toelichting bij de ledenlijst",
            f"{MARKER}: alle bedrijven en personen in dit bestand zijn verzonnen.",
            "Blad 'Leden': alle leden; blad 'Nieuwe leden 2025': aanmeldingen van dit jaar.",
            "Kolom 'Vestigingsplaats' is verouderd en verborgen.",
        )
    ):
        notes.write_string(index, 0, line)
    book.close()


def write_wve(path: Path, p: Plan, rng: random.Random) -> None:
    book = _book(
        path, "Mitgliederverzeichnis Wirtschaftsverband Emsland", large=len(p.wve_main) > 20_000
    )
    members = sum(1 for r in p.wve_main if r.defect is None)
    _wve_sheet(
        book,
        [f"{MARKER} – fiktive Unternehmen und Personen", f"Stand: {AS_OF:%d.%m.%Y}"],
        p.wve_main,
        rng,
        members=members,
        blank_at=len(p.wve_main) // 3,
    )
    book.close()


def write_wve_csv(path: Path, p: Plan, rng: random.Random) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([f"{MARKER} – CRM-Export Regionalgruppe Süd, Stand {AS_OF:%d.%m.%Y}"])
    writer.writerow([])
    writer.writerow(WVE_CSV_HEADERS)
    for row in p.wve_csv:
        cells = _cells(row, "wve_csv", rng)
        line = []
        for name in WVE_CSV_FIELDS:
            value = cells.get(name, "")
            if isinstance(value, dt.date):
                value = _date_text(value, "wve_csv", rng)
            line.append(str(value))
        writer.writerow(line)
    members = sum(1 for r in p.wve_csv if r.defect is None)
    writer.writerow([f"Anzahl Mitglieder: {members}"])
    path.write_bytes(buffer.getvalue().encode("cp1252"))


def generate(out_dir: Path, scale: int = 1) -> list[Path]:
    p = plan(scale)
    rng = random.Random(f"dia-sample-member-cells-{scale}")
    paths = [out_dir / OE_FILE, out_dir / WVE_FILE, out_dir / WVE_CSV]
    write_oe(paths[0], p, rng)
    write_wve(paths[1], p, rng)
    write_wve_csv(paths[2], p, rng)
    return paths


def write_benchmark_list(path: Path, rows: int) -> None:
    """One WVE-style member workbook of ``rows`` data rows (same kinds and share of defects as
    the samples) for bench/members.py. Written with a shared-string table, as Excel saves."""
    rng = random.Random(f"dia-bench-members-{rows}")
    draw = Drawer(rng)
    kinds = [kind for kind, n in WVE_DEFECTS for _ in range(n)]
    n_defects = rows * len(kinds) // WVE_ROWS
    body = [Row(draw.company("DE", 1975)) for _ in range(rows - n_defects)]
    body = _add_defects(body, [kinds[i % len(kinds)] for i in range(n_defects)], draw, "DE")
    for number, row in enumerate(body, start=20001):
        row.member_number = str(number)
    book = _book(path, "Mitgliederverzeichnis Wirtschaftsverband Emsland", large=False)
    _wve_sheet(book, [f"{MARKER} – Benchmark"], body, rng, members=rows - n_defects)
    book.close()
