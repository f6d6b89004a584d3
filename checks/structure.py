"""Structure check (`make structure`): dependencies point one way and no module takes part in an
import circle.

    views/, dashboard.py → dia → core        etl → core

Fails (exit 1, one line per finding) on an import from etl into the dashboard (dia, views,
dashboard.py), from the dashboard into etl, from core into dia or etl, on any import of a page
script, and on every import circle among the modules of core, dia and etl.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "dia", "etl")
# Page scripts: run by Streamlit, imported by nobody.
SCRIPTS = ("views", "dashboard")
# Top-level name of the importer → top-level names it must never import.
FORBIDDEN: Mapping[str, frozenset[str]] = {
    "core": frozenset({"dia", "etl", *SCRIPTS}),
    "etl": frozenset({"dia", *SCRIPTS}),
    "dia": frozenset({"etl", *SCRIPTS}),
    "views": frozenset({"etl", *SCRIPTS}),
    "dashboard": frozenset({"etl", *SCRIPTS}),
}

Graph = dict[str, set[str]]


def package_graph(packages: Iterable[str] = PACKAGES) -> Graph:
    """Direct imports between the modules of ``packages`` (parsed, not executed)."""
    graph = grimp.build_graph(*packages, cache_dir=None)
    return {
        module: set(graph.find_modules_directly_imported_by(module)) for module in graph.modules
    }


def script_imports(root: Path = ROOT) -> Graph:
    """What each page script and the router import, by module name (``views.members`` …)."""
    files = [root / "dashboard.py", *sorted((root / "views").glob("*.py"))]
    imports: Graph = {}
    for file in files:
        name = file.relative_to(root).with_suffix("").as_posix().replace("/", ".")
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        targets: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets.add(node.module)
        imports[name] = targets
    return imports


def forbidden_imports(graph: Mapping[str, set[str]]) -> list[str]:
    findings = []
    for importer, imported in sorted(graph.items()):
        banned = FORBIDDEN.get(importer.split(".")[0], frozenset())
        for target in sorted(imported):
            if target.split(".")[0] in banned:
                findings.append(f"forbidden import: {importer} imports {target}")
    return findings


def circles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of two or more modules (and modules importing themselves),
    found with Tarjan's algorithm, iteratively so deep packages cannot hit the recursion limit."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in graph.get(node, ()):
                    found.append(sorted(group))
    return sorted(found)


def findings(root: Path = ROOT, packages: Iterable[str] = PACKAGES) -> list[str]:
    graph = package_graph(packages)
    problems = forbidden_imports({**graph, **script_imports(root)})
    problems += [f"import circle: {' ↔ '.join(group)}" for group in circles(graph)]
    return problems


def main() -> int:
    sys.path.insert(0, str(ROOT))
    problems = findings()
    for line in problems:
        print(line)
    print(f"structure: {len(problems)} finding(s)" if problems else "structure: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
