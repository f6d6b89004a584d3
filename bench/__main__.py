"""Run every benchmark module of this package (``make bench``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import bench


def main() -> int:
    status = 0
    for info in pkgutil.iter_modules(bench.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        if callable(getattr(module, "main", None)):
            print(f"== bench.{info.name}")
            status |= int(module.main() or 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
