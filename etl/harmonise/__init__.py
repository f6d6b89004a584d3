"""Harmonisation steps run after staging, inside the new warehouse file.

Each module of this package exposing ``run(con, report)`` is one step, run by its ``ORDER``
(default 50). A step reads ``stg_*`` tables and fills warehouse tables; it may add rejects to
``report.results`` entries.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def steps() -> list[ModuleType]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if callable(getattr(module, "run", None)):
            found.append(module)
    return sorted(found, key=lambda m: (getattr(m, "ORDER", 50), m.__name__))
