"""One input file from bytes to a ``ReadResult``: refused before parsing when it breaks a limit,
its kind detected from its content, read by that kind's reader, and every problem located."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from core.i18n import N_
from etl import registry
from etl.explain import explain
from etl.limits import preflight
from etl.memberlist.grid import forget
from etl.model import Notice, ReadResult, Reject
from etl.readers.textfile import binary_kind, read_head, read_text

SUPPORTED_SUFFIXES: Final[frozenset[str]] = frozenset({".xlsx", ".xlsm", ".xls", ".csv", ".txt"})

UNSUPPORTED = N_("File type not supported: {suffix}. Accepted are .xlsx, .xls and .csv.")
UNREADABLE = N_("File could not be read: {error}")
NO_ROWS = N_("The headers were found, but there are no rows below them to load")


def read_file(path: Path) -> ReadResult:
    """Read one file with the reader its content calls for; problems become file-level rejects.

    Never raises for anything the file contains: a broken file must not stop the others."""
    name = path.name
    if not path.is_symlink() and path.suffix.lower() not in SUPPORTED_SUFFIXES:
        reject = Reject(file=name, reason=UNSUPPORTED, params={"suffix": path.suffix})
        return ReadResult(file=name, kind="unsupported", rejects=[reject])
    try:
        refused = preflight(path)
        if refused is not None:
            return ReadResult(file=name, kind="refused", rejects=[refused])
        found = registry.detect(path)
        if found.reader is None:
            return ReadResult(file=name, kind="unrecognised", rejects=[explain(path, found.errors)])
        result: ReadResult = found.reader.read(path)
    except MemoryError:
        raise  # the sandbox reports it with the limit
    except Exception as exc:  # a reader failing on odd bytes is a located answer, not a crash
        text = str(exc).strip() or type(exc).__name__
        reject = Reject(file=name, reason=UNREADABLE, params={"error": text[:300]})
        return ReadResult(file=name, kind="unreadable", rejects=[reject])
    finally:
        forget()
    result.kind = result.kind or found.kind or ""
    if not result.accepted and not result.rejects and not result.skipped:
        result.notices.append(Notice(file=name, reason=NO_ROWS))
    try:
        problems = text_problems(path)
    except Exception:  # the reader has read it; a second look must not lose that
        problems = []
    result.rejects.extend(problems)
    result.skipped = max(0, result.skipped - len(problems))  # blanked, not blank
    return result


def text_problems(path: Path) -> list[Reject]:
    """The lines of a text file the readers were given blank (``TextFile.problems``)."""
    if binary_kind(read_head(path, 8192)) is not None:
        return []
    loaded = read_text(path)
    if loaded is None:
        return []
    return [
        Reject(file=path.name, reason=reason, row_number=line, params=params)
        for line, reason, params in loaded.problems
    ]
