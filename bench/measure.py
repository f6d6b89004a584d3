"""One measured action in its own process, for ``make bench``: prints one JSON line with the
action's wall seconds and CPU seconds (this process and every child it started, the readers'
children included), measured after the imports the action needs.

    python -m bench.measure raw <workbook>        python-calamine parse into Python rows
    python -m bench.measure openpyxl <workbook>   pandas.read_excel(engine="openpyxl")
    python -m bench.measure build <file>…         etl.build.build with the files as inbox
    python -m bench.measure etl <argument>…       python -m etl <argument>…

The caller reads the peak memory from the process's resource usage (bench/__main__.py).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path


def _children_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def _stop_readers() -> None:
    """Stop the readers' fork server (etl/sandbox.py), so that its children's CPU time, which
    it collected, is counted to this process."""
    from multiprocessing import forkserver

    server = forkserver._forkserver  # type: ignore[attr-defined]
    if getattr(server, "_forkserver_pid", None) is not None:
        server._stop()  # type: ignore[attr-defined]


def measure(action: Callable[[], object]) -> dict[str, float]:
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    action()
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu
    _stop_readers()
    return {"wall_s": wall, "cpu_s": cpu + _children_cpu() - children}


def action(what: str, args: list[str]) -> Callable[[], object]:
    if what == "raw":
        from bench.members import raw_parse

        return lambda: raw_parse(Path(args[0]))
    if what == "openpyxl":
        from bench.members import pandas_openpyxl

        return lambda: pandas_openpyxl(Path(args[0]))
    if what == "build":
        from etl.build import build

        return lambda: build([Path(a) for a in args])
    if what == "etl":
        from etl.__main__ import main

        def run() -> None:
            if main(args) != 0:
                raise SystemExit(f"python -m etl {' '.join(args)} failed")

        return run
    raise SystemExit(f"unknown action {what}")


def main(argv: list[str]) -> int:
    result = measure(action(argv[0], argv[1:]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
