"""Running the real dashboard for browser tests: a Streamlit server on a free port, and the
Chromium the tests drive."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from tests.apptest import ROOT, wait_until_up

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def served_dashboard(
    data_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    options: Sequence[str] = (),
) -> Iterator[str]:
    """A fresh dashboard server on ``data_dir``, its URL while the block runs."""
    port = port or free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.headless=true",
            f"--server.port={port}",
            f"--server.address={host}",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
            *options,
        ],
        cwd=ROOT,
        env={**os.environ, "DIA_DATA_DIR": str(data_dir)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://{host}:{port}"
    try:
        wait_until_up(url)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
