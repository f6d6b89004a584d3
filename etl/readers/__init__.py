"""Reader registry: every input file's kind is detected from its content, not its name."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Final

from core.i18n import N_
from etl.model import ReadResult, Reject

SUPPORTED_SUFFIXES: Final[frozenset[str]] = frozenset({".xlsx", ".xlsm", ".xls", ".csv", ".txt"})

UNSUPPORTED = N_("File type not supported: {suffix}. Accepted are .xlsx, .xls and .csv.")
UNRECOGNISED = N_("Content not recognised as any accepted format: {detail}")
UNREADABLE = N_("File could not be read: {error}")


@lru_cache(maxsize=1)
def _modules() -> tuple[ModuleType, ...]:
    """Every module in this package exposing ``detect(path) -> str | None`` and
    ``read(path) -> ReadResult``, ordered by its ``PRIORITY`` (lower first; default 50) so the
    more specific format is tried before a general one."""
    modules = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if callable(getattr(module, "detect", None)) and callable(getattr(module, "read", None)):
            modules.append(module)
    return tuple(sorted(modules, key=lambda m: (getattr(m, "PRIORITY", 50), m.__name__)))


def detect(path: Path) -> tuple[str, ModuleType] | None:
    for module in _modules():
        kind = module.detect(path)
        if kind:
            return kind, module
    return None


def explain(path: Path) -> str:
    """Why no reader claims ``path``, in one sentence for staff."""
    try:
        from etl.readers.textfile import explain_unsupported
    except ImportError:
        return "no reader for this layout"
    return explain_unsupported(path)


def read_file(path: Path) -> ReadResult:
    """Read one file with the reader its content calls for; problems become file-level rejects."""
    name = path.name
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return ReadResult(
            file=name,
            kind="unsupported",
            rejects=[Reject(file=name, reason=UNSUPPORTED, params={"suffix": path.suffix})],
        )
    try:
        found = detect(path)
        if found is None:
            reject = Reject(file=name, reason=UNRECOGNISED, params={"detail": explain(path)})
            return ReadResult(file=name, kind="unrecognised", rejects=[reject])
        kind, module = found
        result: ReadResult = module.read(path)
    except Exception as exc:  # a broken file must not stop the other files
        reject = Reject(
            file=name, reason=UNREADABLE, params={"error": f"{type(exc).__name__}: {exc}"}
        )
        return ReadResult(file=name, kind="unreadable", rejects=[reject])
    result.kind = result.kind or kind
    return result
