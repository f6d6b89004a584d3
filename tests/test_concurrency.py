"""Many sessions clicking through pages of a real dashboard server while builds publish new
versions: no page fails, and after the last build every session shows the newest version on
its next click. Sized for two cores; the p95 page time is reported (its budget is in
``make bench``, not here)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bench.session import Run, Session, free_port, server
from core.versions import current_version
from dia.navigation import PAGES

SESSIONS = 20
BUILDS = 10
ROLES = 6  # the demo previews (dia.auth.DEMO_USERS)
THINK = 1.0  # seconds a user looks at a page before the next click
PAGE_TIMEOUT = 300.0  # a page that takes longer counts as failed

pytestmark = pytest.mark.xdist_group("server")


def _build(data: Path, inbox: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "etl", "build", "--inbox", str(inbox)],
        env={**os.environ, "DIA_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    version = current_version(data / "warehouse")
    assert version is not None
    return version.version_id


def test_sessions_stay_correct_while_builds_publish(
    data_dir: Path, tmp_path: Path, record_property: pytest.RecordProperty
) -> None:
    # Every build reads the same sample files, so no table shrinks and the publish gate lets
    # each one through.
    inbox = data_dir / "samples"
    data = tmp_path / "data"
    first = _build(data, inbox)
    pages = [spec.url_path for spec in PAGES if spec.url_path != "data"]
    runs: list[Run] = []
    failures: list[str] = []
    builds_done = threading.Event()
    lock = threading.Lock()

    def session(index: int) -> None:
        role = {"demo_user": index % ROLES}
        tab = Session(port, timeout=PAGE_TIMEOUT)
        try:
            tab.run(pages[0])  # learn the role switch's id
            step = index
            while not builds_done.is_set():
                run = tab.run(pages[step % len(pages)], role)
                step += 1
                with lock:
                    runs.append(run)
                time.sleep(THINK)
            # The next click, to the first page (every role may open it): the page is made
            # from the newest version (the link it writes names it) and its footer says so
            # (by the id's last part).
            final = tab.run(pages[0], role)
            with lock:
                runs.append(final)
                newest = published[-1]
                short = newest.rsplit("-", 1)[-1]
                if final.versions != {newest} or not any(short in t for t in final.texts):
                    failures.append(
                        f"session {index} on {final.page}: link names {final.versions}, "
                        f"footer {final.texts[-3:]!r}; newest is {newest}"
                    )
        except Exception as exc:  # any failure of a session is a finding
            with lock:
                failures.append(f"session {index}: {exc!r}")
        finally:
            tab.close()

    published = [first]
    port = free_port()
    env = {**os.environ, "DIA_DATA_DIR": str(data)}
    with server(port, env):
        Session(port).run(pages[0])  # the first run imports everything once
        threads = [threading.Thread(target=session, args=(i,)) for i in range(SESSIONS)]
        for thread in threads:
            thread.start()
        started = time.perf_counter()
        for _ in range(BUILDS):
            published.append(_build(data, inbox))
        building = time.perf_counter() - started
        builds_done.set()
        for thread in threads:
            thread.join(timeout=300)
    assert len(set(published)) == BUILDS + 1, "every build published a new version"
    errors = [f"{run.page}: {error}" for run in runs for error in run.errors]
    assert not errors and not failures, (errors[:5], failures[:5])
    times = sorted(run.seconds for run in runs)
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    record_property("page_runs", len(times))
    record_property("p95_page_seconds", round(p95, 3))
    print(
        f"\n{len(times)} page runs by {SESSIONS} sessions during {BUILDS} builds: "
        f"median {statistics.median(times):.2f} s, p95 {p95:.2f} s, max {times[-1]:.2f} s "
        f"(builds took {building:.0f} s)"
    )
    assert len(times) >= 2 * SESSIONS, "every session clicked while the builds ran"
