"""The attacker test: what a funder's pages and exports publish must not give any "<5" away.

For every publication we collect the published cells as a funder gets them — chart labels AND
chart geometry (bar heights, line points), table cells, spreadsheet cells — and the relations an
analyst knows between them (a year's members = last year's + joined − left; a cumulative = the
previous one + this period's; a total = the sum of its sides or categories). The attacker
(tests/attacker.py) narrows every cell by interval reasoning and must pin down no masked cell.
With rounding switched off (``ROUNDING_BASE = 1``: the "<5" label alone, as before), the same
attacker does recover masked counts: the attack is real, and the rounding is what stops it.
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from dia import privacy
from dia.auth import Role
from tests.apptest import index_of, open_page
from tests.attacker import MASK, Attack, Cell
from tests.test_reporting import Scenario, scenario  # noqa: F401  (submitted, then corrected)

FUNDER = index_of(Role.FUNDER)


def _array(value: object) -> list[object]:
    """A plotly data array as published: plain list or base64-typed array."""
    if isinstance(value, dict) and "bdata" in value:
        raw = base64.b64decode(value["bdata"])
        return list(np.frombuffer(raw, dtype=np.dtype(value["dtype"])).astype(float))
    return list(value) if isinstance(value, list) else []


def _charts(at: object) -> list[dict[str, object]]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]  # type: ignore[attr-defined]


def _chart(at: object, title_part: str) -> dict[str, object]:
    for spec in _charts(at):
        title = spec["layout"].get("title", {}).get("text") or ""  # type: ignore[union-attr]
        if title_part in title:
            return spec
    raise AssertionError(f"no chart titled {title_part!r}")


def _publish_point(attack: Attack, name: str, label: object, height: object) -> str:
    """One published cell, seen twice: its label and its drawn size. The attacker keeps the
    tighter reading; a masked label drawn at its true size is pinned by the geometry."""
    attack.publish(name, label)
    cell = attack.cells[name]
    if height is not None and height == height and float(height) != 0:
        drawn = abs(float(height))
        seen = Cell(name, drawn, drawn, False) if attack.base == 1 or cell.masked else None
        if seen is None:
            seen = Cell(name, *attack.spread(drawn), False)
        cell.lo, cell.hi = max(cell.lo, seen.lo), min(cell.hi, seen.hi)
    return name


def _consistent(attack: Attack) -> None:
    broken = [c for c in attack.cells.values() if c.lo > c.hi]
    assert not broken, f"the relations do not hold for {broken[:3]}: the attack is mis-modelled"


def attack_members_timeline(base: int) -> Attack:
    """Members page: per association and year, members at year end = the year before + joined
    − left (the example of the issue: 14 joined, "<5" left, 99 → 112)."""
    at = open_page("views/members.py", FUNDER, "en")
    assert not at.exception
    spec = _chart(at, "Joins and leavers")
    attack = Attack(base)
    for association in ("OE", "WVE"):
        traces = {
            t["name"].split(" · ")[1]: t  # type: ignore[index, union-attr]
            for t in spec["data"]  # type: ignore[union-attr]
            if str(t.get("name", "")).startswith(association + " · ")  # type: ignore[union-attr]
        }
        joined, left, stock = traces["joined"], traces["left"], traces["members at year end"]
        years = [int(y) for y in _array(joined["x"])]
        cells: dict[str, dict[int, str]] = {"joined": {}, "left": {}, "stock": {}}
        for key, trace in (("joined", joined), ("left", left), ("stock", stock)):
            labels = trace.get("customdata") or [None] * len(years)
            heights = _array(trace.get("y"))
            for year, label, height in zip(years, labels, heights, strict=True):
                label = label if label != "" else 0  # an empty label: nothing joined or left
                cells[key][year] = _publish_point(
                    attack, f"{association}.{key}.{year}", label, height
                )
        for year in years[1:]:
            attack.equal(
                [cells["stock"][year]],
                [cells["stock"][year - 1], cells["joined"][year]],
                minus=[cells["left"][year]],
            )
    return attack


def attack_members_totals(base: int) -> Attack:
    """Members page: the members of an association = the sum of its size classes = the sum of
    its sectors (row totals against the headline figure)."""
    at = open_page("views/members.py", FUNDER, "en")
    attack = Attack(base)
    metrics = {m.label: m.value for m in at.metric}
    for association in ("OE", "WVE"):
        total = attack.publish(f"{association}.total", metrics[f"Members {association}"])
        for title in ("by company size", "by sector"):
            trace = next(
                t
                for t in _chart(at, title)["data"]  # type: ignore[union-attr]
                if t.get("name") == association  # type: ignore[union-attr]
            )
            horizontal = trace.get("orientation") == "h"
            heights = _array(trace["x"] if horizontal else trace["y"])
            labels = trace.get("text") or [None] * len(heights)
            names = [
                _publish_point(attack, f"{association}.{title}.{i}", label or 0, height)
                for i, (label, height) in enumerate(zip(labels, heights, strict=True))
            ]
            attack.equal([total], names)
    return attack


def attack_indicators_page(base: int) -> Attack:
    """Indicators page, for every reporting period and every indicator: in the ledger,
    cumulative = previously reported + this period = NL + DE + jointly; in the indicator's
    chart, each period's cumulative = the previous one + the period's sides."""
    at = open_page("views/indicators.py", FUNDER, "en")
    assert not at.exception
    attack = Attack(base)
    period_box = next(box for box in at.selectbox if box.label == "Reporting period")
    for index, period in enumerate(period_box.options):
        period_box.select_index(index)
        at.run()
        _ledger_relations(attack, at.table[0].value, prefix=period)
        period_box = next(box for box in at.selectbox if box.label == "Reporting period")
    indicator_box = next(box for box in at.selectbox if box.label == "Indicator")
    for indicator in indicator_box.options:
        indicator_box.set_value(indicator.split(" · ")[0])  # the widget's value is the code
        at.run()
        assert not at.exception
        for spec in _charts(at):
            _series_relations(attack, spec, prefix=indicator.split(" · ")[0])
        indicator_box = next(box for box in at.selectbox if box.label == "Indicator")
    return attack


def _ledger_relations(attack: Attack, table: object, prefix: str) -> dict[str, dict[str, str]]:
    """One period's ledger: cumulative = previously reported + correction + this period =
    NL + DE + NL–DE jointly (a side the indicator does not have reads "–")."""
    cells: dict[str, dict[str, str]] = {}
    for _, row in table.iterrows():  # type: ignore[attr-defined]
        code = f"{prefix}.{row['Code']}"
        previous = attack.publish(f"{code}.previous", row["Previously reported"])
        this = attack.publish(f"{code}.this", row["This period"])
        cumulative = attack.publish(f"{code}.cumulative", row["Cumulative"])
        correction = attack.publish_change(f"{code}.correction", str(row.get("Correction", "0")))
        attack.equal([cumulative], [previous, correction, this])
        sides = [
            attack.publish(f"{code}.{side}", row[side])
            for side in ("NL", "DE", "NL–DE jointly")
            if side in row and row[side] not in ("–", "")
        ]
        if sides:
            attack.equal([cumulative], sides)
        cells[str(row["Code"])] = {
            "previous": previous,
            "correction": correction,
            "cumulative": cumulative,
        }
    return cells


def _series_relations(attack: Attack, spec: dict[str, object], prefix: str) -> None:
    data = spec["data"]  # type: ignore[index]
    line = [t for t in data if t.get("mode") == "lines+markers"]  # type: ignore[union-attr]
    bars = [t for t in data if t.get("type") == "bar"]  # type: ignore[union-attr]
    if not line or not bars:
        return
    periods = list(line[0]["x"])
    cumulative = [
        _publish_point(attack, f"{prefix}.cum.{p}", label, h)
        for p, label, h in zip(periods, line[0]["text"], _array(line[0]["y"]), strict=True)
    ]
    per_side = [
        [
            _publish_point(attack, f"{prefix}.{b['name']}.{p}", label, h)
            for p, label, h in zip(periods, b["text"], _array(b["y"]), strict=True)
        ]
        for b in bars
    ]
    attack.equal([cumulative[0]], [side[0] for side in per_side])
    for k in range(1, len(periods)):
        attack.equal([cumulative[k]], [cumulative[k - 1], *(side[k] for side in per_side)])


def attack_ledger_workbook(base: int) -> Attack:
    """The funder's ledger workbook: per period, total = NL + DE + jointly and cumulative = the
    previous period's cumulative + total; in the ledger sheet, cumulative = previous + this
    period."""
    from dia.data import project
    from dia.export import ledger as ledger_report
    from dia.policy import viewer_for

    cal = project.calendar()
    report = ledger_report.prepare(cal.current, "en", cal, is_sample=project.is_sample())
    data = ledger_report.excel_bytes(report, viewer_for(Role.FUNDER))
    book = openpyxl.load_workbook(io.BytesIO(data))
    attack = Attack(base)
    sheet = book["Per period"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    top = next(i for i, r in enumerate(rows) if r and r[0] == "Code")
    last: dict[str, str] = {}
    for number, row in enumerate(rows[top + 1 :]):
        code = row[0]
        if not code:
            break
        nl, de, joint, total, cumulative = (
            attack.publish(f"p{number}.{key}", value if value is not None else 0)
            for key, value in zip(("nl", "de", "joint", "total", "cum"), row[5:10], strict=True)
        )
        attack.equal([total], [nl, de, joint])
        if code in last:
            attack.equal([cumulative], [last[code], total])
        else:
            attack.equal([cumulative], [total])
        last[code] = cumulative
    sheet = book["Ledger"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    top = next(i for i, r in enumerate(rows) if r and r[0] == "Code")
    headers = rows[top]
    for number, row in enumerate(rows[top + 1 :]):
        if not row[0] or not str(row[0]).isupper():
            break
        value = dict(zip(headers, row, strict=False))
        previous, this, cumulative = (
            attack.publish(f"l{number}.{key}", value[header])
            for key, header in (
                ("prev", "Previously reported"),
                ("this", "This period"),
                ("cum", "Cumulative"),
            )
        )
        attack.equal([cumulative], [previous, this])
    return attack


def attack_home_members(base: int) -> Attack:
    """Landing page, member tile: per association the change over twelve months = joined − left
    (the members now and a year ago are the two ends of the same flow)."""
    at = open_page("views/home.py", FUNDER, "en")
    assert not at.exception
    attack = Attack(base)
    metrics = {m.label: m for m in at.metric}
    flows = [c.value for c in at.caption if " joined, " in c.value]
    for association, flow in zip(("OE", "WVE"), flows, strict=True):
        change = attack.publish_change(f"{association}.change", metrics[association].delta)
        attack.publish(f"{association}.members", metrics[association].value)
        joined_text, left_text = flow.removesuffix(" left").split(" joined, ")
        joined = attack.publish(f"{association}.joined", joined_text)
        left = attack.publish(f"{association}.left", left_text)
        attack.equal([change], [joined], minus=[left])
    return attack


def attack_cooperation_page(base: int) -> Attack:
    """Cooperation page: persons taking part = the sum over quarters and sides of the persons
    chart; collaborations (active or completed) = the sum of the sector matrix = the sum of its
    row totals = the sum of its column totals, each row and column total the sum of its cells;
    = the sum of the map's links + the collaborations the map cannot place."""
    at = open_page("views/cooperation.py", FUNDER, "en")
    assert not at.exception
    attack = Attack(base)
    metrics = {m.label: m.value for m in at.metric}
    persons = attack.publish("persons", metrics["Persons taking part"])
    collaborating = attack.publish("collaborations", metrics["Collaborations"])
    for name in ("Companies NL", "Companies DE"):
        attack.publish(name, metrics[name])

    matrix = _chart(at, "by sector of the partners")["data"][0]  # type: ignore[index]
    texts = matrix["text"]
    rows, columns = matrix["y"], matrix["x"]
    z = matrix["z"]
    flat = _array(z) if isinstance(z, dict) else [v for row in z for v in row]  # type: ignore[union-attr]
    heights = [flat[r * len(columns) : (r + 1) * len(columns)] for r in range(len(rows))]
    grid = [
        [
            _publish_point(attack, f"m.{r}.{c}", texts[r][c] or 0, heights[r][c])
            for c in range(len(columns))
        ]
        for r in range(len(rows))
    ]
    row_totals = [
        attack.publish(f"m.row{r}", label.rpartition("(")[2].rstrip(")"))
        for r, label in enumerate(rows)
    ]
    col_totals = [
        attack.publish(f"m.col{c}", label.rpartition("(")[2].rstrip(")"))
        for c, label in enumerate(columns)
    ]
    for r, total in enumerate(row_totals):
        attack.equal([total], grid[r])
    for c, total in enumerate(col_totals):
        attack.equal([total], [grid[r][c] for r in range(len(rows))])
    attack.equal([collaborating], row_totals)
    attack.equal([collaborating], col_totals)

    map_spec = next(s for s in _charts(at) if any(t.get("type") == "choropleth" for t in s["data"]))  # type: ignore[union-attr]
    links = [
        attack.publish(f"link.{t['name']}.{i}", text.rpartition(": ")[2])  # type: ignore[index]
        for t in map_spec["data"]  # type: ignore[union-attr]
        if t.get("type") == "scattergeo" and t.get("mode") == "markers"  # type: ignore[union-attr]
        for i, text in enumerate(t.get("text") or [])  # type: ignore[union-attr]
    ]
    unplaced = next(
        (c.value.split(" collaborations")[0] for c in at.caption if "not on this map" in c.value),
        0,
    )
    attack.equal([collaborating], [*links, attack.publish("unplaced", unplaced)])

    count = next(r for r in at.get("radio") if r.label == "Count")
    count.set_value("persons")
    at.run()
    assert not at.exception
    bars = _chart(at, "Persons taking part per quarter")["data"]  # type: ignore[index]
    quarters = [
        _publish_point(attack, f"q.{b['name']}.{i}", label or 0, height)
        for b in bars  # type: ignore[union-attr]
        for i, (label, height) in enumerate(zip(b["text"], _array(b["y"]), strict=True))
    ]
    attack.equal([persons], quarters)
    return attack


def attack_energy_page(base: int) -> Attack:
    """Energy page: for every project, the member companies across the border in the project
    list = the sum of the companies per role in the project's partner table."""
    at = open_page("views/energy.py", FUNDER, "en")
    assert not at.exception
    attack = Attack(base)
    column = "Member companies across the border"
    projects = next(d.value for d in at.dataframe if column in d.value.columns)
    for index, count in enumerate(projects[column]):
        total = attack.publish(f"p{index}", count)
        box = next(b for b in at.selectbox if b.label == "Project")
        box.select_index(index).run()
        assert not at.exception
        roles = next(
            (d.value for d in at.dataframe if "Number of companies" in d.value.columns), None
        )
        if roles is None:
            attack.equal([total], [])
            continue
        parts = [
            attack.publish(f"p{index}.{role}", n)
            for role, n in zip(roles["Role"], roles["Number of companies"], strict=True)
        ]
        attack.equal([total], parts)
    return attack


ATTACKS = {
    "members-timeline": attack_members_timeline,
    "members-totals": attack_members_totals,
    "indicators-page": attack_indicators_page,
    "ledger-workbook": attack_ledger_workbook,
    "home-members": attack_home_members,
    "cooperation-page": attack_cooperation_page,
    "energy-page": attack_energy_page,
}


# Publications where the sample data lets the attacker recover masked counts once the protection
# is off (rounding, hidden small totals): the test below must see these leak.
LEAKING_UNPROTECTED = (
    "members-timeline",
    "indicators-page",
    "ledger-workbook",
    "home-members",
    "cooperation-page",
    "energy-page",
)


@pytest.mark.parametrize("publication", list(ATTACKS))
def test_no_masked_count_can_be_worked_back(data_dir: Path, publication: str) -> None:
    assert privacy.ROUNDING_BASE == 10
    attack = ATTACKS[publication](privacy.ROUNDING_BASE)
    masked = [c for c in attack.cells.values() if c.masked]
    assert masked, "the sample data publishes some <5 cells here"
    recovered = attack.solve()
    _consistent(attack)
    assert recovered == [], f"{publication}: recovered {[(c.name, c.lo) for c in recovered]}"


def test_unprotected_publications_do_leak(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without rounding ("<5" alone) the attacker recovers masked counts from totals and period
    differences — so the test above would notice a leak."""
    monkeypatch.setattr(privacy, "ROUNDING_BASE", 1)
    monkeypatch.setattr(privacy, "HIDE_SMALL_TOTALS", False)
    leaked = {}
    for publication in LEAKING_UNPROTECTED:
        attack = ATTACKS[publication](1)
        recovered = attack.solve()
        _consistent(attack)
        leaked[publication] = len(recovered)
    assert all(n > 0 for n in leaked.values()), leaked
    assert MASK == privacy.MASK


# --- corrections of a submitted report ------------------------------------------------------


def attack_corrections(data: Path, base: int) -> Attack:
    """After 2023-H1 was submitted, an activity of it was removed from the records: the report
    for 2023-H2 carries corrections ("−<5" among them). The funder sees the submitted ledger,
    the corrections with counts of their evidence (reporting page) and the 2023-H2 ledger
    (indicators page). Relations: the 2023-H2 ledger's "previously reported" is the submitted
    cumulative; cumulative = previously reported + correction + this period = the sides; the
    reporting page's correction is the ledger's; a correction of the events indicator (RCO115:
    one event per cross-border activity) = activities added − removed."""
    from dia.data import project
    from tests.test_reporting import NEXT, PERIOD, using

    attack = Attack(base)
    with using(data):
        at = open_page("views/reports.py", FUNDER, "en")
        assert not at.exception
        submitted = _ledger_relations(attack, at.table[0].value, prefix=PERIOD)
        frames = [d.value for d in at.dataframe]
        corrections = next(f for f in frames if "Correction" in f.columns)
        evidence = next(f for f in frames if "removed" in f.columns)
        at = open_page("views/indicators.py", FUNDER, "en")
        box = next(b for b in at.selectbox if b.label == "Reporting period")
        label = project.period_label(NEXT, "en")
        box.select_index(next(i for i, o in enumerate(box.options) if o == label)).run()
        assert not at.exception
        following = _ledger_relations(attack, at.table[0].value, prefix=NEXT)
    for code, cells in following.items():
        if code in submitted:
            attack.equal([cells["previous"]], [submitted[code]["cumulative"]])
    for _, row in corrections.iterrows():
        shown = attack.publish_change(f"page.{row['Code']}.correction", row["Correction"])
        attack.equal([shown], [following[row["Code"]]["correction"]])
    events = evidence[(evidence["Indicator"] == "RCO115") & (evidence["What"] == "activities")]
    for number, (_, row) in enumerate(events.iterrows()):
        added = attack.publish(f"RCO115.added.{number}", row["added"])
        removed = attack.publish(f"RCO115.removed.{number}", row["removed"])
        attack.equal([following["RCO115"]["correction"]], [added], minus=[removed])
    return attack


@pytest.mark.parametrize("base", [10, 1])
def test_masked_corrections_cannot_be_worked_back(
    scenario: Scenario,  # noqa: F811  (the fixture imported above)
    base: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A "−<5" correction is safe with the rule (rounding); without it the ledger's own
    arithmetic (cumulative − previously reported − this period) gives it away."""
    monkeypatch.setattr(privacy, "ROUNDING_BASE", base)
    attack = attack_corrections(scenario.data, base)
    masked = [c for c in attack.cells.values() if c.masked and ".correction" in c.name]
    assert masked, "the scenario publishes a masked correction"
    recovered = attack.solve()
    _consistent(attack)
    if base == 10:
        assert recovered == [], [(c.name, c.lo) for c in recovered]
    else:
        assert any(".correction" in c.name for c in recovered), [c.name for c in recovered]
