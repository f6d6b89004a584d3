"""An attacker of published aggregates: from what a funder page or export publishes ("<5" cells,
rounded counts, totals, cumulative series) and the relations between them (totals are sums,
a cumulative value is the previous one plus the period's), narrow every unknown by interval
reasoning over the linear equations and report the masked cells whose value is pinned down.

The attacker knows the publishing rule (a "<5" is 1–4; under rounding to base b a published v
stands for v − ⌊b/2⌋ … v + ⌊(b−1)/2⌋, never below 5) but nothing else.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

MASK = "<5"


@dataclass
class Cell:
    name: str
    lo: float
    hi: float
    masked: bool

    @property
    def pinned(self) -> bool:
        return self.lo == self.hi


@dataclass
class Attack:
    base: int
    cells: dict[str, Cell] = field(default_factory=dict)
    equations: list[dict[str, float]] = field(default_factory=list)  # Σ coef·cell = 0

    def publish(self, name: str, shown: object) -> str:
        """Record a published cell: "<5", a number (text in any locale, or float) or None."""
        if name in self.cells:
            return name
        value = parse_number(shown)
        if shown == MASK or (isinstance(shown, str) and shown.strip() == MASK):
            self.cells[name] = Cell(name, 1, 4, True)
        elif value is None:
            self.cells[name] = Cell(name, 0, math.inf, False)  # not shown at all
        elif value == 0 or (self.base > 1 and value % self.base):
            # 0, or a number off the rounding grid: published exactly, and read as such.
            self.cells[name] = Cell(name, value, value, False)
        else:
            self.cells[name] = Cell(name, *self.spread(value), False)
        return name

    def publish_change(self, name: str, shown: str) -> str:
        """Record a published signed change: "+12", "−<5", "0" (a difference of two counts,
        published like a count with its sign)."""
        text = str(shown).strip()
        negative = text[:1] in ("-", "\u2212")
        self.publish(name, text.lstrip("+-\u2212").strip() or "0")
        cell = self.cells[name]
        if negative:
            cell.lo, cell.hi = -cell.hi, -cell.lo
        return name

    def spread(self, value: float) -> tuple[float, float]:
        """The true values a published (rounded, half up) count stands for."""
        low = value - self.base // 2
        return max(low, 5) if self.base > 1 else low, value + (self.base - 1) // 2

    def unknown(self, name: str) -> str:
        self.cells.setdefault(name, Cell(name, 0, math.inf, False))
        return name

    def equal(self, left: list[str], right: list[str], minus: list[str] = ()) -> None:  # type: ignore[assignment]
        """Σ left = Σ right − Σ minus."""
        eq: dict[str, float] = {}
        for name in left:
            eq[name] = eq.get(name, 0) + 1
        for name in right:
            eq[name] = eq.get(name, 0) - 1
        for name in minus:
            eq[name] = eq.get(name, 0) + 1
        self.equations.append(eq)

    def solve(self, rounds: int = 200) -> list[Cell]:
        """Tighten every cell's bounds until nothing changes; the masked cells pinned to one
        value are what the attacker recovered."""
        for _ in range(rounds):
            changed = False
            for eq in self.equations:
                for name, coef in eq.items():
                    lo = hi = 0.0
                    for other, c in eq.items():
                        if other == name:
                            continue
                        cell = self.cells[other]
                        a, b = -c * cell.lo / coef, -c * cell.hi / coef
                        lo += min(a, b)
                        hi += max(a, b)
                    cell = self.cells[name]
                    new_lo = max(cell.lo, math.ceil(lo - 1e-9)) if lo > -math.inf else cell.lo
                    new_hi = min(cell.hi, math.floor(hi + 1e-9)) if hi < math.inf else cell.hi
                    if new_lo > cell.lo or new_hi < cell.hi:
                        cell.lo, cell.hi = new_lo, new_hi
                        changed = True
            if not changed:
                break
        return [c for c in self.cells.values() if c.masked and c.pinned]

    def narrowed(self) -> list[Cell]:
        """Masked cells the attacker narrowed below their prior 1–4 (after :meth:`solve`)."""
        return [c for c in self.cells.values() if c.masked and abs(c.hi - c.lo) < 3]


_NUMBER = re.compile(r"-?\d[\d.,\u202f\xa0']*")


def parse_number(shown: object) -> float | None:
    """A published number from a label in NL/DE (1.234,5) or EN (1,234.5), or a float."""
    if shown is None:
        return None
    if isinstance(shown, (int, float)):
        return None if shown != shown else float(shown)
    text = str(shown).strip()
    if not text or text == MASK:
        return None
    found = _NUMBER.search(text)
    if not found:
        return None
    token = found.group(0).replace("\u202f", "").replace("\xa0", "").replace("'", "")
    if "," in token and "." in token:
        token = (
            token.replace(".", "").replace(",", ".")
            if token.rfind(",") > token.rfind(".")
            else token.replace(",", "")
        )
    elif "," in token:
        head, _, tail = token.rpartition(",")
        token = head.replace(",", "") + ("." + tail if len(tail) != 3 else tail)
    elif token.count(".") > 1 or (token.count(".") == 1 and len(token.rpartition(".")[2]) == 3):
        token = token.replace(".", "")
    try:
        return float(token)
    except ValueError:
        return None
