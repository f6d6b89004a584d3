"""Member lists at scale: a 100,000-row member workbook end to end.

Three ways through the same file, measured in one run (so machine load hits all alike) and
reported as ratios:

- raw: python-calamine parses the workbook into Python rows (the floor for any reader);
- pandas + openpyxl: ``pandas.read_excel(engine="openpyxl")``, the common way;
- ours: ``etl.build.build`` with the file as inbox — detect, read, validate, harmonise, load
  into a new DuckDB version, run the quality checks, publish;
- fixed: the same build with an empty member list (the blank template). Every build pays this
  (schema, reference geography and statistics, the other harmonisation steps, checks,
  publish) whatever the member list; ``ours − fixed`` is what the 100,000 rows cost.

Goals: ours ≤ 2.5 × raw, and pandas + openpyxl ≥ 5 × ours. Run ``python -m bench.members``;
results go to stdout and ``bench/results/members-<time>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
GOAL_RAW = 2.5
GOAL_OPENPYXL = 5.0


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process, all threads) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def workbook(rows: int) -> Path:
    """The benchmark workbook, generated once per size and kept in bench/results/."""
    from etl.samples.members import write_benchmark_list

    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"members_{rows}.xlsx"
    if not path.exists():
        partial = path.with_suffix(".part.xlsx")
        write_benchmark_list(partial, rows)
        partial.replace(path)
    return path


def raw_parse(path: Path) -> None:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()


def pandas_openpyxl(path: Path) -> None:
    import pandas as pd

    pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl")


def end_to_end(path: Path, data_dir: Path) -> dict[str, Any]:
    from etl.build import build

    os.environ["DIA_DATA_DIR"] = str(data_dir)
    report = build([path])
    members = next(r for r in report.results if r.file == path.name)
    return {"accepted": members.accepted, "rejected": len(members.rejects), "kind": members.kind}


def blank_list(folder: Path) -> Path:
    from etl.memberlist.templates import write_template

    path = folder / "members_wve_blank.xlsx"
    write_template("WVE", path)
    return path


def reader_only(path: Path) -> None:
    from etl.intake import read_file

    read_file(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.members", description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of raw, reader and ours")
    parser.add_argument("--openpyxl-repeat", type=int, default=1, help="runs of pandas+openpyxl")
    args = parser.parse_args(argv)

    path = workbook(args.rows)
    times: dict[str, list[tuple[float, float]]] = {
        "raw": [],
        "reader": [],
        "ours": [],
        "fixed": [],
        "openpyxl": [],
    }
    outcome: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="dia-bench-") as folder:
        # Warm up imports and the reference tables, so no run pays for them alone.
        end_to_end(path, Path(folder) / "warm")
        blank = blank_list(Path(folder))
        for run in range(args.repeat):
            times["raw"].append(timed(lambda: raw_parse(path)))
            times["reader"].append(timed(lambda: reader_only(path)))
            target = Path(folder) / f"run{run}"
            times["ours"].append(timed(lambda t=target: outcome.update(end_to_end(path, t))))
            times["fixed"].append(
                timed(lambda t=target: end_to_end(blank, t.with_name(t.name + "-blank")))
            )
            if run < args.openpyxl_repeat:
                times["openpyxl"].append(timed(lambda: pandas_openpyxl(path)))

    median = {
        name: {
            "wall_s": statistics.median(w for w, _ in runs),
            "cpu_s": statistics.median(c for _, c in runs),
        }
        for name, runs in times.items()
    }
    ratios = {
        clock: {
            "ours_vs_raw": median["ours"][clock] / median["raw"][clock],
            "ours_minus_fixed_vs_raw": (median["ours"][clock] - median["fixed"][clock])
            / median["raw"][clock],
            "reader_vs_raw": median["reader"][clock] / median["raw"][clock],
            "openpyxl_vs_ours": median["openpyxl"][clock] / median["ours"][clock],
            "openpyxl_vs_ours_minus_fixed": median["openpyxl"][clock]
            / (median["ours"][clock] - median["fixed"][clock]),
        }
        for clock in ("wall_s", "cpu_s")
    }
    met = (
        ratios["wall_s"]["ours_vs_raw"] <= GOAL_RAW
        and ratios["wall_s"]["openpyxl_vs_ours"] >= GOAL_OPENPYXL
    )
    result = {
        "benchmark": "members",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "rows": args.rows,
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "cpus": os.cpu_count(),
        "runs": {name: len(runs) for name, runs in times.items()},
        "median": median,
        "ratios": ratios,
        "goals": {"ours_vs_raw_max": GOAL_RAW, "openpyxl_vs_ours_min": GOAL_OPENPYXL, "met": met},
        "members_file": outcome,
    }
    print(f"{args.rows:,} member rows, {result['file_mb']} MB, {os.cpu_count()} CPUs")
    for clock, label in (("wall_s", "wall"), ("cpu_s", "CPU")):
        r = ratios[clock]
        print(
            f"  {label:4}: ours / raw parse = {r['ours_vs_raw']:.2f} (goal ≤ {GOAL_RAW}), "
            f"pandas+openpyxl / ours = {r['openpyxl_vs_ours']:.1f} (goal ≥ {GOAL_OPENPYXL})"
        )
        print(
            f"        without the fixed cost of a build: ours / raw = "
            f"{r['ours_minus_fixed_vs_raw']:.2f}, pandas+openpyxl / ours = "
            f"{r['openpyxl_vs_ours_minus_fixed']:.1f}; read + validate only / raw = "
            f"{r['reader_vs_raw']:.2f}"
        )
    print(f"  accepted {outcome.get('accepted')}, rejected {outcome.get('rejected')}")
    print("  goals met" if met else "  goals NOT met")
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    (RESULTS / f"members-{stamp}.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
