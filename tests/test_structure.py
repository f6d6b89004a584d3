"""The structure check: one-way dependencies and no import circles (checks/structure.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from checks import structure

ROOT = Path(__file__).resolve().parent.parent


def test_forbidden_imports_are_named() -> None:
    graph = {
        "dia.uploads": {"etl.check", "core.paths"},
        "etl.build": {"dia.data.warehouse", "core.paths"},
        "core.paths": {"dia.page"},
        "views.data": {"etl.memberlist.templates", "dia.page"},
        "dia.page": {"views.overview"},
        "dia.data.members": {"core.i18n"},
    }
    assert structure.forbidden_imports(graph) == [
        "forbidden import: core.paths imports dia.page",
        "forbidden import: dia.page imports views.overview",
        "forbidden import: dia.uploads imports etl.check",
        "forbidden import: etl.build imports dia.data.warehouse",
        "forbidden import: views.data imports etl.memberlist.templates",
    ]


def test_circles_of_any_length_are_found() -> None:
    graph = {
        "a": {"b"},
        "b": {"c"},
        "c": {"a", "d"},  # a → b → c → a
        "d": set(),
        "e": {"e"},  # imports itself
        "f": {"g"},
        "g": set(),
    }
    assert structure.circles(graph) == [["a", "b", "c"], ["e"]]
    assert structure.circles({"x": {"y"}, "y": set()}) == []


def test_page_scripts_are_read_from_source(tmp_path: Path) -> None:
    (tmp_path / "views").mkdir()
    (tmp_path / "views" / "one.py").write_text(
        "import streamlit as st\nfrom dia.page import page_setup\nfrom etl import check\n"
    )
    (tmp_path / "dashboard.py").write_text("import dia.page\n")
    assert structure.script_imports(tmp_path) == {
        "dashboard": {"dia.page"},
        "views.one": {"streamlit", "dia.page", "etl"},
    }


def test_the_project_has_one_way_dependencies_and_no_circles() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "checks" / "structure.py")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("structure: ok")
