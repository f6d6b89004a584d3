"""Read one file in a child process with time and memory limits.

Whatever a parser does with a hostile file (allocate without end, abort, loop), it happens in a
child: the build or the dashboard that asked gets a located reject and carries on. Children are
forked from a clean server process (``forkserver``) that has the readers imported already, so a
child starts in milliseconds and never inherits the parent's threads or open warehouse.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Final

from core.i18n import N_
from etl.limits import Limits, load_limits
from etl.model import ReadResult, Reject

OUT_OF_TIME = N_("Reading the file took longer than {seconds} s and was stopped")
OUT_OF_MEMORY = N_("Reading the file needed more than {limit} MB of memory and was stopped")
CRASHED_WITH = N_("The file made the reader fail: {error}")
CRASHED = N_("The file made the spreadsheet reader fail (exit {code}); it was not read")

POLL_SECONDS: Final = 0.05
WALL_FACTOR: Final = 3
_CONTEXT: Final = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["etl.intake"])
# Children may be started from several threads (read_in_background); ``__main__`` is swapped
# while one starts.
_STARTING: Final = threading.Lock()
# Files read at the same time: each child uses a CPU, and may take up to its memory limit.
MAX_PARALLEL: Final = 2


def _child(path: str, limits: Limits, environ: dict[str, str], conn: Connection) -> None:
    # The server forked at first use; the caller's environment (DIA_DATA_DIR) is today's.
    os.environ.clear()
    os.environ.update(environ)
    # The hard ceiling on the data segment; the parent watches the resident size.
    memory = (limits.memory_mb + limits.reserve_mb) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    used = int(resource.getrusage(resource.RUSAGE_SELF).ru_utime) + 1
    cpu = used + limits.seconds
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    from etl.intake import read_file

    try:
        result: ReadResult | str = read_file(Path(path))
    except MemoryError:
        result = "memory"
    except Exception as exc:  # read_file answers for the file; this is a last line of defence
        reject = Reject(file=Path(path).name, reason=CRASHED_WITH, params={"error": str(exc)[:300]})
        result = ReadResult(file=Path(path).name, kind="unreadable", rejects=[reject])
    if isinstance(result, ReadResult):
        result.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send(result)
    conn.close()


def resident_mb(pid: int | None) -> float:
    """The resident memory of a process in MB (0 when it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def _plain_main() -> Iterator[None]:
    """Start children without the caller's ``__main__``: multiprocessing re-imports it in every
    child, and once a Streamlit page has run in this process (tests), ``__main__`` is that page."""
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if saved is not None:
            sys.modules["__main__"] = saved


def read_limited(path: Path, limits: Limits | None = None) -> ReadResult:
    """``intake.read_file(path)`` in a child process within ``limits``."""
    limits = limits or load_limits()
    receive, send = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(
        target=_child, args=(str(path), limits, dict(os.environ), send), daemon=True
    )
    with _STARTING, _plain_main():
        child.start()
    send.close()
    outcome: ReadResult | str | None = None
    started = time.monotonic()
    # The CPU time is limited in the child (RLIMIT_CPU); this deadline only catches a child
    # that waits without using CPU. It is generous: on a busy machine a read takes several
    # times its CPU time.
    deadline = started + WALL_FACTOR * limits.seconds + 5
    try:
        while time.monotonic() < deadline:
            if receive.poll(POLL_SECONDS):
                outcome = receive.recv()
                break
            if not child.is_alive():
                if receive.poll(0):  # it answered between the wait above and its end
                    outcome = receive.recv()
                break
            if resident_mb(child.pid) > limits.memory_mb:
                outcome = "memory"
                break
    except (EOFError, OSError):
        outcome = None  # the child died before it could answer
    finally:
        receive.close()
        if child.is_alive() and not isinstance(outcome, ReadResult):
            child.kill()
        child.join(10)
    if isinstance(outcome, ReadResult):
        outcome.seconds = time.monotonic() - started
        return outcome
    name = path.name
    if outcome == "memory" or child.exitcode in (-6, -11):
        # Native parsers abort (SIGABRT) or fault when an allocation is refused.
        reject = Reject(file=name, reason=OUT_OF_MEMORY, params={"limit": limits.memory_mb})
    elif child.exitcode is None or child.exitcode in (-9, -24):
        reject = Reject(file=name, reason=OUT_OF_TIME, params={"seconds": limits.seconds})
    else:
        reject = Reject(file=name, reason=CRASHED, params={"code": child.exitcode})
    return ReadResult(
        file=name, kind="unreadable", rejects=[reject], seconds=time.monotonic() - started
    )


@contextmanager
def read_in_background(
    paths: list[Path], done: Callable[[Path], None] | None = None
) -> Iterator[Callable[[], list[ReadResult]]]:
    """Read ``paths`` with ``read_limited`` while the block runs: one child per CPU (at most
    ``MAX_PARALLEL``), the largest files first so the longest read starts at once. The block
    gets a function that waits for every read and returns the results in the order of
    ``paths``; ``done`` is told of each file as it is read."""
    workers = max(1, min(MAX_PARALLEL, os.cpu_count() or 1, len(paths)))

    def read(path: Path) -> ReadResult:
        result = read_limited(path)
        if done is not None:
            done(path)
        return result

    def size(path: Path) -> int:
        try:
            return path.stat().st_size
        except OSError:
            return 0

    with ThreadPoolExecutor(workers, thread_name_prefix="read") as pool:
        futures = {path: pool.submit(read, path) for path in sorted(paths, key=size, reverse=True)}
        try:
            yield lambda: [futures[path].result() for path in paths]
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def read_files(paths: list[Path]) -> list[ReadResult]:
    """``read_limited`` of every path, several at a time, in the order of ``paths``."""
    with read_in_background(paths) as results:
        return results()
