"""``make bench``: every speed target of the project, measured in one run.

1. Samples and ETL at 1×, 10× and 100× (``etl samples --scale N``, ``etl build``): time, peak
   memory, warehouse size, growth against 1×.
2. The 100,000-row member workbook: raw python-calamine parse, pandas + openpyxl reading, and
   our whole build, each in its own process (time and peak memory), as ratios.
3. Every page for every role at 1× and 100× against a real dashboard server, over its
   websocket (bench/session.py): cold (first open in a new session) and warm (rerun) time,
   bytes sent, map bytes.

Each figure is min / median / max over ``--repeat`` runs; a figure over its budget is marked
MISS. The machine is shared and noisy: the load average is printed before and after, and
ratios are measured side by side in the same run. Results also go to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SCALES = (1, 10, 100)
BUDGET = {
    "samples_100_s": 60.0,
    "build_vs_raw": 2.5,
    "openpyxl_vs_build": 5.0,
    "memory_vs_raw": 2.5,
    "cold_1_s": 1.0,
    "warm_1_s": 0.15,
    "warm_100_s": 0.5,
    "map_kb": 250.0,
    "page_100_kb": 1000.0,
}
misses: list[str] = []


@dataclass
class Spread:
    values: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def text(self, fmt: str = "{:.2f}") -> str:
        low, mid, high = min(self.values), self.median, max(self.values)
        return "/".join(fmt.format(v) for v in (low, mid, high))


def check(label: str, value: float, budget: float, *, at_least: bool = False) -> str:
    ok = value >= budget if at_least else value <= budget
    if not ok:
        misses.append(f"{label}: {value:.2f} (budget {'≥' if at_least else '≤'} {budget})")
    return "" if ok else "  MISS"


def child(args: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, peak memory MiB) of one child process; it must succeed."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(args), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
    return seconds, usage.ru_maxrss / 1024


def repeat(times: int, run: Callable[[int], tuple[float, float]]) -> tuple[Spread, Spread]:
    found = [run(i) for i in range(times)]
    return Spread([w for w, _ in found]), Spread([m for _, m in found])


def etl_at_scale(work: Path, repeats: int) -> dict[str, Any]:
    print("== samples and ETL at 1×, 10×, 100× (wall s min/median/max; peak MiB median)")
    out: dict[str, Any] = {}
    py = sys.executable
    for scale in SCALES:
        samples = work / f"samples-{scale}"
        n = repeats if scale < 100 else max(1, repeats - 1)
        gen, gen_mem = repeat(
            n,
            lambda _i, s=scale, d=samples: child(
                [py, "-m", "etl", "samples", "--scale", str(s), "--out", str(d)]
            ),
        )
        data = work / f"data-{scale}"

        def build(i: int, d: Path = data, s: Path = samples) -> tuple[float, float]:
            env = {**os.environ, "DIA_DATA_DIR": str(d if i == 0 else d.with_name(f"{d.name}-{i}"))}
            return child([py, "-m", "etl", "build", "--inbox", str(s)], env)

        built, built_mem = repeat(n, build)
        size = max(p.stat().st_size for p in (data / "warehouse").glob("*.duckdb")) / 2**20
        out[str(scale)] = {
            "samples_s": gen.values,
            "samples_mib": gen_mem.median,
            "build_s": built.values,
            "build_mib": built_mem.median,
            "warehouse_mib": size,
            "data_dir": str(data),
        }
        first = out["1"]
        growth = built.median / statistics.median(first["build_s"])
        mark = check("samples 100×", gen.median, BUDGET["samples_100_s"]) if scale == 100 else ""
        print(
            f"  {scale:>3}×  samples {gen.text()} s {gen_mem.median:.0f} MiB{mark}  |  "
            f"build {built.text()} s {built_mem.median:.0f} MiB  warehouse {size:.1f} MiB  "
            f"growth ×{growth:.1f} time, ×{size / first['warehouse_mib']:.1f} size"
        )
    return out


WORKBOOK_CODE = {
    "raw": "from bench.members import raw_parse as f; f(P)",
    "openpyxl": "from bench.members import pandas_openpyxl as f; f(P)",
    "build": "from etl.build import build as f; f([P])",
}


def member_workbook(work: Path, repeats: int) -> dict[str, Any]:
    from bench.members import workbook

    path = workbook(100_000)
    print(
        f"== member workbook, 100,000 rows ({path.stat().st_size / 1e6:.1f} MB), own process each"
    )
    spreads: dict[str, tuple[Spread, Spread]] = {}
    for name, code in WORKBOOK_CODE.items():
        runs = 1 if name == "openpyxl" else repeats
        program = f"from pathlib import Path; P = Path({str(path)!r}); {code}"

        def run(i: int, program: str = program, name: str = name) -> tuple[float, float]:
            env = {**os.environ, "DIA_DATA_DIR": str(work / f"workbook-{name}-{i}")}
            return child([sys.executable, "-c", program], env)

        spreads[name] = repeat(runs, run)
        wall, mem = spreads[name]
        print(f"  {name:8} {wall.text()} s  peak {mem.median:.0f} MiB")
    raw, build, openpyxl = spreads["raw"], spreads["build"], spreads["openpyxl"]
    ratio = build[0].median / raw[0].median
    faster = openpyxl[0].median / build[0].median
    memory = build[1].median / raw[1].median
    print(f"  build / raw parse {ratio:.2f}{check('build / raw', ratio, BUDGET['build_vs_raw'])}")
    print(
        f"  pandas+openpyxl / build {faster:.2f}"
        + check("openpyxl / build", faster, BUDGET["openpyxl_vs_build"], at_least=True)
    )
    print(
        f"  peak memory build / raw {memory:.2f}{check('memory', memory, BUDGET['memory_vs_raw'])}"
    )
    return {
        "seconds": {k: v[0].values for k, v in spreads.items()},
        "peak_mib": {k: v[1].values for k, v in spreads.items()},
        "build_vs_raw": ratio,
        "openpyxl_vs_build": faster,
        "memory_vs_raw": memory,
    }


def pages(data_dirs: dict[int, Path], repeats: int) -> dict[str, Any]:
    from bench.session import Session, free_port, server
    from dia.auth import DEMO_USERS
    from dia.navigation import PAGES
    from dia.policy import viewer_for

    print("== pages per role: cold s, warm s min/median/max, KB sent (map KB)")
    out: dict[str, Any] = {}
    for scale, data in data_dirs.items():
        port = free_port()
        with server(port, {**os.environ, "DIA_DATA_DIR": str(data)}):
            Session(port).run("")  # imports and the published version opened once
            for index, (role, association) in enumerate(DEMO_USERS):
                viewer = viewer_for(role, [association] if association else [], demo=True)
                who = f"{role.value}-{association}" if association else role.value
                for spec in PAGES:
                    if not viewer.may_open(spec.url_path) or spec.url_path == "data":
                        continue
                    tab = Session(port)
                    tab.run("")  # learn the role switch
                    choice = {"demo_user": index}
                    tab.run("", choice)
                    cold = tab.run(spec.url_path, choice)
                    warm = [tab.run(spec.url_path, choice) for _ in range(repeats)]
                    tab.close()
                    errors = cold.errors + [e for w in warm for e in w.errors]
                    times = Spread([w.seconds for w in warm])
                    kb = statistics.median(w.bytes for w in warm) / 1000
                    map_kb = max(w.map_bytes for w in warm) / 1000
                    label = f"{spec.url_path} {who} {scale}×"
                    marks = check(f"warm {label}", times.median, BUDGET[f"warm_{scale}_s"])
                    if scale == 1:
                        marks += check(f"cold {label}", cold.seconds, BUDGET["cold_1_s"])
                    marks += check(f"map KB {label}", map_kb, BUDGET["map_kb"])
                    if scale == 100:
                        marks += check(f"KB {label}", kb, BUDGET["page_100_kb"])
                    if errors:
                        misses.append(f"errors on {label}: {errors[:2]}")
                        marks += "  ERROR"
                    print(
                        f"  {scale:>3}× {spec.url_path:13} {who:13} cold {cold.seconds:5.2f}  "
                        f"warm {times.text()}  {kb:7.1f} KB ({map_kb:.0f}){marks}"
                    )
                    out[label] = {
                        "cold_s": cold.seconds,
                        "warm_s": times.values,
                        "kb": kb,
                        "map_kb": map_kb,
                        "errors": errors,
                    }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip", action="append", default=[], choices=["etl", "workbook", "pages"])
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress as it comes
    load = os.getloadavg()
    print(f"{os.cpu_count()} CPUs, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    result: dict[str, Any] = {"when": datetime.now(UTC).isoformat(timespec="seconds")}
    with tempfile.TemporaryDirectory(prefix="dia-bench-") as folder:
        work = Path(folder)
        if "etl" not in args.skip:
            result["etl"] = etl_at_scale(work, args.repeat)
        if "workbook" not in args.skip:
            result["workbook"] = member_workbook(work, args.repeat)
        if "pages" not in args.skip and "etl" not in args.skip:
            dirs = {s: Path(result["etl"][str(s)]["data_dir"]) for s in (1, 100)}
            result["pages"] = pages(dirs, args.repeat)
    load = os.getloadavg()
    print(f"load average after: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    result["misses"] = misses
    print(f"{len(misses)} misses" + "".join(f"\n  MISS {m}" for m in misses))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    (RESULTS / f"bench-{stamp}.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
