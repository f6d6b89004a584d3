"""CBS StatLine downloads.

Three layouts are accepted, each recognised from its content:

- ``statline_flat``: "CSV met statistische symbolen" (``;``, every field quoted, padded region
  codes, right-aligned numbers with decimal point, ``"       ."`` for missing); one column per
  measure with the header pattern ``Topic/Sub/Measure (Unit)``;
- ``statline_pivoted``: the classic download (title line, blank line, header block, subjects
  as rows with a ``|``-joined path and a unit column, regions as columns, decimal comma,
  ``Bron: CBS`` footer);
- ``statline_table_en``: the new English "table" download (``,``, quoted, English headers,
  ``Source: CBS.`` footer).

All become the tidy ``statistic`` table (see ``etl.readers.textfile.STATISTIC_COLUMNS``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from core.i18n import N_
from etl.model import ReadResult, SourceInfo
from etl.readers.textfile import (
    CBS_ATTRIBUTION,
    CBS_LICENCE,
    CBS_PUBLISHER,
    MISSING_SYMBOLS,
    REJECT_PERIOD,
    StatisticOutput,
    detect_head,
    head_lines,
    is_blank,
    is_region_code,
    normalise_region_code,
    parse_period,
    parse_rows,
    read_detected,
    region_geography,
    slug,
    split_line,
    split_provisional,
    split_unit,
)

KIND_FLAT: Final = "statline_flat"
KIND_PIVOTED: Final = "statline_pivoted"
KIND_TABLE_EN: Final = "statline_table_en"

REJECT_NO_PERIOD: Final = N_("No period in the file: no Perioden column and no year in the title")

PERIOD_DIMENSIONS: Final = frozenset({"perioden", "periode", "periods", "period"})
REGION_DIMENSIONS: Final = frozenset(
    {
        "regio's",
        "regio",
        "regios",
        "wijken en buurten",
        "gemeenten",
        "gemeente",
        "provincies",
        "regions",
        "region",
        "districts and neighbourhoods",
        "municipalities",
        "provinces",
    }
)
# CBS dimensions that are classifications we harmonise; others keep the dimension's name.
CLASSIFICATIONS: Final[dict[str, str]] = {
    "beroep": "BRC2014",
    "beroepen": "BRC2014",
    "beroepsklasse": "BRC2014",
    "beroepsgroep": "BRC2014",
    "occupation": "BRC2014",
    "bedrijfstak": "SBI2008",
    "bedrijfstakken/branches (sbi 2008)": "SBI2008",
    "bedrijfstakken": "SBI2008",
    "geslacht": "sex",
    "sex": "sex",
}
SUBJECT_HEADERS: Final = frozenset({"onderwerp", "onderwerpen", "topic", "topics", "subject"})
# Rows of the pivoted layout that describe the region columns rather than hold figures.
REGION_META_CODE: Final = frozenset({"codering", "code", "coding"})
REGION_META_TYPE: Final = frozenset({"soort regio", "type of region"})
REGION_META_IGNORED: Final = frozenset({"gemeentenaam", "naam", "municipality name"})
FOOTERS: Final = ("bron: cbs", "source: cbs")
_TABLE_CODE_RE: Final = re.compile(r"(\d{5}(?:NED|ENG))", re.IGNORECASE)
_DOWNLOAD_STAMP_RE: Final = re.compile(r"_\d{8}_\d{6}$")
_YEAR_RE: Final = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_CLASS_CODE_RE: Final = re.compile(r"^(?P<code>[A-Z]|\d[\d.]*)\s+(?P<label>\S.*)$")
_WIJK_RE: Final = re.compile(r"^(Wijk|District)\s+\d+\b", re.IGNORECASE)


# --------------------------------------------------------------------------- detection


def detect(path: Path) -> str | None:
    return detect_head(path, detect_text)


def detect_text(text: str) -> str | None:
    lines = head_lines(text, 40)
    if len(lines) < 2:
        return None
    if _is_pivoted(lines):
        return KIND_PIVOTED
    if not lines[0].lstrip().startswith('"'):
        return None  # CBS quotes every header field
    semicolon = [cell.strip() for cell in split_line(lines[0], ";")]
    # the head's last lines: the footer of a small file (a cut-off head just ends mid-table)
    tail = text.rstrip().splitlines()[-3:]
    if len(semicolon) >= 2 and _looks_like_table(semicolon, split_line(lines[1], ";"), tail):
        return KIND_FLAT
    comma = [cell.strip() for cell in split_line(lines[0], ",")]
    if len(comma) >= 2 and _looks_like_table(comma, split_line(lines[1], ","), tail):
        return KIND_TABLE_EN
    return None


def _is_pivoted(lines: Sequence[str]) -> bool:
    if len(split_line(lines[0], ";")) != 1 or not lines[0].lstrip().startswith('"'):
        return False
    for line in lines[1:12]:
        cells = split_line(line, ";")
        if cells and cells[0].strip().lower() in SUBJECT_HEADERS and len(cells) >= 3:
            return True
    return False


def _looks_like_table(header: Sequence[str], first_row: Sequence[str], tail: Sequence[str]) -> bool:
    """A CBS table header: a unit-suffixed measure column plus a CBS dimension (Perioden, a
    region dimension) or a region-code column; or the ``Source: CBS`` footer."""
    if len(first_row) != len(header):
        return False
    if not any(split_unit(name) for name in header):
        return False
    names = {name.lower() for name in header}
    if names & (PERIOD_DIMENSIONS | REGION_DIMENSIONS):
        return True
    for index, name in enumerate(header):
        unit = split_unit(name)
        if unit is not None and unit[1] == "code" and is_region_code(first_row[index]):
            return True
    return any(line.strip().strip('"').lower().startswith(FOOTERS) for line in tail)


def near_miss(text: str) -> str | None:
    """Why a CBS-looking text is not readable, for ``explain_unsupported``."""
    lines = head_lines(text, 40)
    if not lines or detect_text(text):
        return None
    lowered = text.lower()
    if "bron: cbs" in lowered or "source: cbs" in lowered or '"perioden"' in lowered:
        return (
            "looks like a CBS StatLine download but the layout is not recognised; download "
            "it as 'CSV met statistische symbolen' or as the English table CSV"
        )
    return None


# --------------------------------------------------------------------------- reading


@dataclass
class _Output(StatisticOutput):
    title: str = ""

    def finish(self) -> ReadResult:
        code_match = _TABLE_CODE_RE.search(self.path.stem)
        table = code_match.group(1).upper() if code_match else ""
        title = self.title or _title_from_name(self.path)
        source_id, vintage = self.stamp("cbs", table or slug(title)[:60])
        return self.result(
            SourceInfo(
                source_id=source_id,
                title=f"{title} ({table})" if table else title,
                publisher=CBS_PUBLISHER,
                licence=CBS_LICENCE,
                attribution=CBS_ATTRIBUTION,
                vintage=vintage,
            )
        )


def read(path: Path) -> ReadResult:
    text, kind = read_detected(path, detect_text, "a CBS StatLine download")
    out = _Output(path, kind)
    if kind == KIND_PIVOTED:
        _read_pivoted(parse_rows(text, ";"), out)
    else:
        delimiter = ";" if kind == KIND_FLAT else ","
        _read_table(parse_rows(text, delimiter), out)
    return out.finish()


def _title_from_name(path: Path) -> str:
    """CBS names downloads after the table title plus a download stamp
    (``SES_WOA_scores_per_wijk_en_buurt_25042023_160857``); the flat files have no title."""
    stem = _DOWNLOAD_STAMP_RE.sub("", path.stem)
    stem = _TABLE_CODE_RE.sub("", stem)
    words = " ".join(stem.replace("_", " ").split())
    return words if words and words.lower() != "table" else "CBS StatLine table"


def _is_footer(row: Sequence[str]) -> bool:
    filled = [cell for cell in row if cell.strip()]
    return len(filled) == 1 and row[0].strip().lower().startswith(FOOTERS)


def _geography(code: str, name: str, declared: str = "") -> str:
    """Level of a region: the file's own "Soort regio", else its code prefix, else the name
    (English tables carry names only)."""
    if declared:
        return declared.strip().lower()
    if code:
        return region_geography(code)
    if name.strip().lower() in {"nederland", "netherlands"}:
        return "land"
    return "wijk" if _WIJK_RE.match(name.strip()) else ""


def _class(dimension: str, label: str) -> tuple[str, str, str] | None:
    """A breakdown cell of a CBS dimension; ``None`` for totals (Totaal …/Total …)."""
    stripped = label.strip()
    lowered = stripped.lower()
    if not stripped or lowered.startswith(("totaal", "total")):
        return None
    classification = CLASSIFICATIONS.get(dimension.lower(), dimension)
    coded = _CLASS_CODE_RE.match(stripped)
    code = coded["code"] if coded else stripped
    return classification, code, stripped


# --------------------------------------------------------------------------- flat and English


def _read_table(rows: list[tuple[int, list[str]]], out: _Output) -> None:
    _line, header = rows[0]
    header = [cell.strip() for cell in header]
    data = []
    for line, row in rows[1:]:
        if is_blank(row) or _is_footer(row):
            out.skipped += 1
            continue
        if out.wrong_width(line, row, len(header), ","):
            continue
        data.append((line, row))

    period_col = region_col = code_col = None
    measures: dict[int, tuple[str, str, str]] = {}
    dimensions: list[int] = []
    for index, name in enumerate(header):
        unit = split_unit(name)
        lowered = name.lower()
        if unit is None:
            if lowered in PERIOD_DIMENSIONS and period_col is None:
                period_col = index
            elif region_col is None and (
                lowered in REGION_DIMENSIONS or "regio" in lowered or "region" in lowered
            ):
                region_col = index
            else:
                dimensions.append(index)
        elif code_col is None and unit[1] == "code" and _all_region_codes(data, index):
            code_col = index
        else:
            measures[index] = (slug(unit[0]), unit[0], unit[1])
    if period_col is None:
        out.notes.append("The file has no period column; period left empty")
    if code_col is None:
        out.notes.append("The file has no region codes; region_code left empty (match by name)")

    for line, row in data:
        period: tuple[str, str | None] = ("", None)
        if period_col is not None:
            bare, flag = split_provisional(row[period_col])
            try:
                period = (parse_period(bare), flag)
            except ValueError:
                out.rejects.add(
                    REJECT_PERIOD,
                    row_number=line,
                    column_name=header[period_col],
                    value=row[period_col],
                )
                continue
        code = normalise_region_code(row[code_col]) if code_col is not None else ""
        name = row[region_col].strip() if region_col is not None else ""
        region = (code, name, _geography(code, name))
        classes = [
            found
            for index in dimensions
            if (found := _class(header[index], row[index])) is not None
        ]
        for index, measure in measures.items():
            out.add_cell(
                row[index],
                ".",
                line=line,
                column=header[index],
                region=region,
                period=period[0],
                measure=measure,
                classes=classes,
                flag=period[1],  # a provisional period (2022*) flags its figures
            )


def _all_region_codes(data: Sequence[tuple[int, list[str]]], index: int) -> bool:
    values = [row[index].strip() for _line, row in data]
    filled = [value for value in values if value and value not in MISSING_SYMBOLS]
    return bool(filled) and all(is_region_code(value) for value in filled)


# --------------------------------------------------------------------------- pivoted


def _read_pivoted(rows: list[tuple[int, list[str]]], out: _Output) -> None:
    out.title = rows[0][1][0].strip()
    subject_index = next(
        index
        for index, (_line, row) in enumerate(rows)
        if row and row[0].strip().lower() in SUBJECT_HEADERS
    )
    _line, subject_row = rows[subject_index]
    columns = list(range(2, len(subject_row)))
    names = [subject_row[index].strip() for index in columns]
    periods: list[tuple[str, str | None]] | None = None
    for _line, row in rows[1:subject_index]:
        cells = [split_provisional(row[index] if index < len(row) else "") for index in columns]
        try:
            periods = [(parse_period(bare), flag) for bare, flag in cells]
        except ValueError:
            continue  # a dimension-name line such as "Wijken en buurten"
    if periods is None:
        years = _YEAR_RE.findall(out.title)
        if not years:
            out.rejects.add(REJECT_NO_PERIOD, row_number=rows[0][0], value=out.title)
            return
        periods = [(years[-1], None)] * len(columns)

    codes = [""] * len(columns)
    kinds = [""] * len(columns)
    figures: list[tuple[int, list[str]]] = []
    for line, row in rows[subject_index + 1 :]:
        if is_blank(row) or _is_footer(row):
            out.skipped += 1
            continue
        path = [part.strip() for part in row[0].split("|")]
        leaf = path[-1].lower()
        if len(path) > 1 and path[0].lower() in {"regioaanduiding", "regional designation"}:
            if leaf in REGION_META_CODE:
                codes = [normalise_region_code(row[index]) for index in columns]
                continue
            if leaf in REGION_META_TYPE:
                kinds = [row[index] for index in columns]
                continue
            if leaf in REGION_META_IGNORED:
                continue
        figures.append((line, row))

    regions = [
        (code, name, _geography(code, name, kind))
        for code, name, kind in zip(codes, names, kinds, strict=True)
    ]
    for line, row in figures:
        if out.wrong_width(line, row, len(subject_row), ";"):
            continue
        label = row[0].strip()
        measure = (slug(label), label, row[1].strip())
        for position, index in enumerate(columns):
            out.add_cell(
                row[index],
                ",",
                line=line,
                column=names[position],
                region=regions[position],
                period=periods[position][0],
                measure=measure,
                classes=[],
                flag=periods[position][1],
            )
