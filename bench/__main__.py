"""``make bench``: every speed target of the project, measured in one run.

1. Samples and ETL at 1×, 10× and 100× (``etl samples --scale N``, ``etl build``): time, CPU,
   peak memory, warehouse size, growth against 1×.
2. The 100,000-row member workbook: raw python-calamine parse, pandas + openpyxl reading, and
   our whole build, each in its own process (time, CPU, peak memory), as ratios.
3. Every page for every role at 1× and 100× against a real dashboard server, over its
   websocket (bench/session.py): cold (first open in a new session) and warm (rerun) time,
   the server's CPU time per rerun, bytes sent, map bytes.

Each figure is min / median / max over ``--repeat`` runs; a figure over its budget is marked
MISS. Budgets are wall-clock times on a quiet machine; on a shared one the CPU times (the
process and its children; for pages the server's) show what the code costs, and the load
average is printed before and after. Ratios are measured side by side in the same run.
Results also go to bench/results/bench-<time>.json. ``--quick`` runs everything once.
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
PAGE_SCALES = (1, 100)
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


@dataclass
class Measured:
    wall_s: float  # of the action, after its imports
    cpu_s: float  # of the action, children included
    process_s: float  # the whole process, imports included
    peak_mib: float  # the largest resident size of the process or any of its children


def child(args: Sequence[str], env: dict[str, str] | None = None) -> Measured:
    """``python -m bench.measure <args>`` in its own process; it must succeed."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "bench.measure", *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=err,
        )
        _, status, usage = os.wait4(process.pid, 0)  # its resource usage: the peak memory
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {err.read().decode()[-2000:]}")
        figures = json.loads(out.read().decode().strip().splitlines()[-1])
    return Measured(figures["wall_s"], figures["cpu_s"], seconds, usage.ru_maxrss / 1024)


def repeat(times: int, run: Callable[[int], Measured]) -> dict[str, Spread]:
    found = [run(i) for i in range(times)]
    return {
        name: Spread([getattr(m, name) for m in found])
        for name in ("wall_s", "cpu_s", "process_s", "peak_mib")
    }


def etl_at_scale(work: Path, repeats: int) -> dict[str, Any]:
    print("== samples and ETL at 1×, 10×, 100× (s min/median/max; CPU s median; peak MiB)")
    out: dict[str, Any] = {}
    for scale in SCALES:
        samples = work / f"samples-{scale}"
        n = repeats if scale < 100 else max(1, repeats - 1)

        def generate(_i: int, s: int = scale, d: Path = samples) -> Measured:
            return child(["etl", "samples", "--scale", str(s), "--out", str(d)])

        gen = repeat(n, generate)
        data = work / f"data-{scale}"

        def build(i: int, d: Path = data, s: Path = samples) -> Measured:
            env = {**os.environ, "DIA_DATA_DIR": str(d if i == 0 else d.with_name(f"{d.name}-{i}"))}
            return child(["etl", "build", "--inbox", str(s)], env)

        built = repeat(n, build)
        size = max(p.stat().st_size for p in (data / "warehouse").glob("*.duckdb")) / 2**20
        out[str(scale)] = {
            "samples": {k: v.values for k, v in gen.items()},
            "build": {k: v.values for k, v in built.items()},
            "warehouse_mib": size,
            "data_dir": str(data),
        }
        first = out["1"]
        growth = built["wall_s"].median / statistics.median(first["build"]["wall_s"])
        wall = gen["wall_s"]
        mark = check("samples 100×", wall.median, BUDGET["samples_100_s"]) if scale == 100 else ""
        print(
            f"  {scale:>3}×  samples {wall.text()} s (CPU {gen['cpu_s'].median:.1f}) "
            f"{_mib(gen)}{mark}\n"
            f"        build {built['wall_s'].text()} s (CPU {built['cpu_s'].median:.1f}) "
            f"{_mib(built)}  warehouse {size:.1f} MiB  "
            f"growth ×{growth:.1f} time, ×{size / first['warehouse_mib']:.1f} size"
        )
    return out


def _mib(spread: dict[str, Spread]) -> str:
    return f"{max(spread['peak_mib'].values):.0f} MiB"


def member_workbook(work: Path, repeats: int) -> dict[str, Any]:
    from bench.members import workbook

    path = workbook(100_000)
    print(
        f"== member workbook, 100,000 rows ({path.stat().st_size / 1e6:.1f} MB), own process "
        "each: action s min/median/max, CPU s median, whole process s median, peak MiB"
    )
    spreads: dict[str, dict[str, Spread]] = {}
    for name in ("raw", "build", "openpyxl"):
        runs = 1 if name == "openpyxl" else repeats

        def run(i: int, name: str = name) -> Measured:
            env = {**os.environ, "DIA_DATA_DIR": str(work / f"workbook-{name}-{i}")}
            return child([name, str(path)], env)

        spreads[name] = found = repeat(runs, run)
        print(
            f"  {name:8} {found['wall_s'].text()} s  CPU {found['cpu_s'].median:.2f}  "
            f"process {found['process_s'].median:.2f}  peak {_mib(found)}"
        )
    raw, build, openpyxl = spreads["raw"], spreads["build"], spreads["openpyxl"]
    result: dict[str, Any] = {
        "seconds": {k: v["wall_s"].values for k, v in spreads.items()},
        "cpu_seconds": {k: v["cpu_s"].values for k, v in spreads.items()},
        "process_seconds": {k: v["process_s"].values for k, v in spreads.items()},
        "peak_mib": {k: v["peak_mib"].values for k, v in spreads.items()},
    }
    for clock in ("wall_s", "cpu_s", "process_s"):
        ratio = build[clock].median / raw[clock].median
        faster = openpyxl[clock].median / build[clock].median
        result[clock] = {"build_vs_raw": ratio, "openpyxl_vs_build": faster}
        marks = ""
        if clock == "wall_s":  # the budget; CPU and whole-process figures for judging noise
            marks = check("build / raw", ratio, BUDGET["build_vs_raw"]) + check(
                "openpyxl / build", faster, BUDGET["openpyxl_vs_build"], at_least=True
            )
        print(
            f"  {clock.removesuffix('_s'):7}: build / raw parse {ratio:.2f} (≤ 2.5), "
            f"pandas+openpyxl / build {faster:.2f} (≥ 5){marks}"
        )
    memory = max(build["peak_mib"].values) / max(raw["peak_mib"].values)
    result["memory_vs_raw"] = memory
    print(
        f"  peak memory build / raw {memory:.2f} (≤ 2.5)"
        + check("memory build / raw", memory, BUDGET["memory_vs_raw"])
    )
    return result


def pages(data_dirs: dict[int, Path], repeats: int) -> dict[str, Any]:
    from bench.session import Session, free_port, server
    from dia.auth import DEMO_USERS
    from dia.navigation import PAGES
    from dia.policy import viewer_for

    print(
        "== pages per role (one session per role): cold s (the page's first run in the "
        "session), warm s min/median/max, server CPU ms per warm run (median), KB sent (map KB)"
    )
    out: dict[str, Any] = {}
    for scale, data in data_dirs.items():
        port = free_port()
        with server(port, {**os.environ, "DIA_DATA_DIR": str(data)}) as process:
            Session(port).run("")  # imports and the published version opened once
            for index, (role, association) in enumerate(DEMO_USERS):
                viewer = viewer_for(role, [association] if association else [], demo=True)
                who = f"{role.value}-{association}" if association else role.value
                tab = Session(port)
                try:
                    tab.run("")  # learn the role switch
                    choice = {"demo_user": index}
                    tab.run("", choice)
                    for spec in PAGES:
                        if not viewer.may_open(spec.url_path) or spec.url_path == "data":
                            continue
                        label = f"{spec.url_path} {who} {scale}×"
                        try:
                            out[label] = found = page(
                                tab, process.pid, spec.url_path, choice, repeats
                            )
                        except Exception as exc:  # one failing page must not end the run
                            misses.append(f"failed {label}: {exc!r}")
                            print(f"  {scale:>3}× {spec.url_path:13} {who:13} FAILED {exc!r}")
                            tab.close()
                            tab = Session(port)
                            tab.run("")
                            tab.run("", choice)
                            continue
                        print(
                            f"  {scale:>3}× {spec.url_path:13} {who:13} "
                            + judged(label, scale, found)
                        )
                finally:
                    tab.close()
        cpu = [v["warm_cpu_ms"] for k, v in out.items() if k.endswith(f" {scale}×")]
        if cpu:
            print(
                f"  {scale}×: server CPU per warm run, median over pages "
                f"{statistics.median(cpu):.0f} ms, max {max(cpu):.0f} ms"
            )
    return out


def page(tab: Any, pid: int, url_path: str, choice: dict[str, int], repeats: int) -> dict[str, Any]:
    from bench.session import cpu_seconds

    before = cpu_seconds(pid)
    cold = tab.run(url_path, choice)
    cold_cpu = (cpu_seconds(pid) - before) * 1000
    warm, cpu = [], []
    for _ in range(repeats):
        before = cpu_seconds(pid)
        warm.append(tab.run(url_path, choice))
        cpu.append((cpu_seconds(pid) - before) * 1000)
    return {
        "cold_s": cold.seconds,
        "cold_cpu_ms": cold_cpu,
        "warm_s": [w.seconds for w in warm],
        "warm_cpu_ms": statistics.median(cpu),
        "kb": statistics.median(w.bytes for w in warm) / 1000,
        "map_kb": max(w.map_bytes for w in warm) / 1000,
        "errors": cold.errors + [e for w in warm for e in w.errors],
    }


def judged(label: str, scale: int, found: dict[str, Any]) -> str:
    """The figures of one page, with a MISS for each budget it is over."""
    times = Spread(found["warm_s"])
    marks = check(f"warm {label}", times.median, BUDGET[f"warm_{scale}_s"])
    if scale == 1:
        marks += check(f"cold {label}", found["cold_s"], BUDGET["cold_1_s"])
    marks += check(f"map KB {label}", found["map_kb"], BUDGET["map_kb"])
    if scale == 100:
        marks += check(f"KB {label}", found["kb"], BUDGET["page_100_kb"])
    if found["errors"]:
        misses.append(f"errors on {label}: {found['errors'][:2]}")
        marks += "  ERROR"
    return (
        f"cold {found['cold_s']:5.2f} (CPU {found['cold_cpu_ms']:4.0f} ms)  warm {times.text()}  "
        f"CPU {found['warm_cpu_ms']:4.0f} ms  {found['kb']:7.1f} KB ({found['map_kb']:.0f}){marks}"
    )


def summary(result: dict[str, Any], started: float) -> None:
    print("== summary")
    minutes = (time.perf_counter() - started) / 60
    print(f"  bench took {minutes:.1f} min")
    if "workbook" in result:
        w = result["workbook"]
        print(
            f"  100k workbook: build / raw {w['wall_s']['build_vs_raw']:.2f} wall, "
            f"{w['cpu_s']['build_vs_raw']:.2f} CPU; openpyxl / build "
            f"{w['wall_s']['openpyxl_vs_build']:.1f} wall, {w['cpu_s']['openpyxl_vs_build']:.1f} "
            f"CPU; memory ×{w['memory_vs_raw']:.2f}"
        )
    if "pages" in result:
        for scale in PAGE_SCALES:
            found = {k: v for k, v in result["pages"].items() if k.endswith(f" {scale}×")}
            if not found:
                continue
            budget = BUDGET[f"warm_{scale}_s"]
            over = [k for k, v in found.items() if statistics.median(v["warm_s"]) > budget]
            cpu_over = [k for k, v in found.items() if v["warm_cpu_ms"] / 1000 > budget]
            print(
                f"  pages {scale}×: {len(found)} page×role, warm over {budget * 1000:.0f} ms: "
                f"{len(over)} by wall time, {len(cpu_over)} by server CPU time"
                + (f" ({', '.join(cpu_over[:6])})" if cpu_over else "")
            )
    print(f"  {len(misses)} misses" + "".join(f"\n    MISS {m}" for m in misses))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs of every figure")
    parser.add_argument("--quick", action="store_true", help="every figure once (--repeat 1)")
    parser.add_argument("--skip", action="append", default=[], choices=["etl", "workbook", "pages"])
    args = parser.parse_args(argv)
    repeats = 1 if args.quick else max(1, args.repeat)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress as it comes
    started = time.perf_counter()
    load = os.getloadavg()
    print(f"{os.cpu_count()} CPUs, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    result: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "repeat": repeats,
        "load_before": load,
    }
    with tempfile.TemporaryDirectory(prefix="dia-bench-") as folder:
        work = Path(folder)
        if "etl" not in args.skip:
            result["etl"] = etl_at_scale(work, repeats)
        if "workbook" not in args.skip:
            result["workbook"] = member_workbook(work, repeats)
        if "pages" not in args.skip and "etl" not in args.skip:
            dirs = {s: Path(result["etl"][str(s)]["data_dir"]) for s in PAGE_SCALES}
            result["pages"] = pages(dirs, repeats)
    load = os.getloadavg()
    result["load_after"] = load
    print(f"load average after: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    result["misses"] = misses
    summary(result, started)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    path = RESULTS / f"bench-{stamp}.json"
    path.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(f"  results: {path.relative_to(ROOT)}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
