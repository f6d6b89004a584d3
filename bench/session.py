"""A Streamlit session driven over its websocket, as a browser tab would, without a browser.

Used by ``make bench`` (page times and bytes) and by the concurrency test: it asks the server
to run a page (``page_name`` = the page's url path), reads every message of that run until
the script finishes, and reports the time, the bytes received, any exception shown on the
page and the warehouse version the page was made from (the ``data`` parameter it writes into
the link) with the texts shown (the footer names that version by its last part).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qs

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Subprotocol

ROOT: Final = Path(__file__).resolve().parent.parent
DATA_PARAM: Final = "data"  # dia/links.py: the link names the data version


@dataclass
class Run:
    """One script run as the browser sees it."""

    page: str
    seconds: float = 0.0
    bytes: int = 0
    messages: int = 0
    errors: list[str] = field(default_factory=list)
    versions: set[str] = field(default_factory=set)  # version ids the link named
    texts: list[str] = field(default_factory=list)
    map_bytes: int = 0  # of charts with map geometry (GeoJSON) in them


def _inner(element: Any) -> Any:
    kind = element.WhichOneof("type")
    return getattr(element, kind) if kind else None


class Session:
    """One browser tab: its own Streamlit session on the server."""

    def __init__(self, port: int, timeout: float = 120.0) -> None:
        self.timeout = timeout
        self.ws: ClientConnection = connect(  # closed by close()
            f"ws://127.0.0.1:{port}/_stcore/stream",
            subprotocols=[Subprotocol("streamlit")],
            max_size=None,
            open_timeout=timeout,
            ping_interval=None,  # a busy server answers pings late; a browser tab does not ping
            legacy=True,  # kept open across calls; close() ends it
        )
        self.widget_ids: dict[str, str] = {}  # widget key → its id, learnt from earlier runs
        self.options: dict[str, list[str]] = {}  # select box key → its options as shown
        self.sent: dict[str, ForwardMsg] = {}  # messages the server may refer to by hash

    def close(self) -> None:
        self.ws.close()

    def run(self, page: str, widgets: Mapping[str, int] | None = None) -> Run:
        """Run ``page``; ``widgets`` picks options of select boxes by key and position (e.g.
        ``{"demo_user": 4}``), which an earlier run of this session has shown."""
        msg = BackMsg()
        msg.rerun_script.page_name = page
        msg.rerun_script.query_string = ""
        for key, value in (widgets or {}).items():
            # A key may carry a suffix (``demo_user.en``): the widget is one per language.
            found = next(k for k in self.widget_ids if k == key or k.startswith(key + "."))
            state = msg.rerun_script.widget_states.widgets.add()
            state.id = self.widget_ids[found]
            state.string_value = self.options[found][value]
        run = Run(page=page)
        started = time.perf_counter()
        self.ws.send(msg.SerializeToString())
        while True:
            data = self.ws.recv(timeout=self.timeout)
            assert isinstance(data, bytes)
            run.bytes += len(data)
            run.messages += 1
            forward = ForwardMsg()
            forward.ParseFromString(data)
            if forward.WhichOneof("type") == "ref_hash":
                # A message this session was sent before, referred to by its hash.
                forward = self.sent.get(forward.ref_hash, forward)
            elif forward.hash:
                self.sent[forward.hash] = forward
            kind = forward.WhichOneof("type")
            if kind == "page_info_changed":
                query = parse_qs(forward.page_info_changed.query_string)
                run.versions.update(query.get(DATA_PARAM, []))
                continue
            if kind == "script_finished":
                if forward.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # the page asked for a rerun (st.rerun): the next run follows
                if forward.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    run.errors.append("the page script did not compile")
                break
            if kind != "delta":
                continue
            element = forward.delta.new_element
            inner = _inner(element)
            if inner is None:
                continue
            if element.WhichOneof("type") == "plotly_chart" and '"geojson"' in inner.spec:
                run.map_bytes += len(data)
            if element.WhichOneof("type") == "exception":
                run.errors.append(f"{inner.type}: {inner.message}")
            for name in ("body", "label"):
                text = getattr(inner, name, None)
                if isinstance(text, str) and text:
                    run.texts.append(text)
            widget_id = getattr(inner, "id", None)
            if isinstance(widget_id, str) and "-" in widget_id:
                key = widget_id.rsplit("-", 1)[-1]
                self.widget_ids[key] = widget_id
                if element.WhichOneof("type") == "selectbox":
                    self.options[key] = list(inner.options)
        run.seconds = time.perf_counter() - started
        return run


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system, every thread) the process ``pid`` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(
    port: int, env: Mapping[str, str], ready_timeout: float = 120.0
) -> Iterator[subprocess.Popen[bytes]]:
    """A real ``streamlit run dashboard.py`` on ``port`` until the block ends."""
    process = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
            "--server.port", str(port), "--server.headless", "true",
            "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
        ],
        cwd=ROOT,
        env=dict(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + ready_timeout
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the dashboard did not start") from None
                time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
