"""The loaders import one way (issue 13.3): no module of `jxtargets.loading`, nor `validate` or
`output`, is in an import cycle, counting the imports made inside functions (the old
`actuals` <-> `xlsx` cycle was hidden by such lazy imports)."""

from __future__ import annotations

import ast
from pathlib import Path

import jxtargets

PACKAGE = Path(jxtargets.__file__).resolve().parent
CHECKED = ("jxtargets.loading", "jxtargets.validate", "jxtargets.output")


def _graph() -> dict[str, set[str]]:
    modules: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                for alias in node.names:
                    found.add(f"{module}.{alias.name}" if f"{module}.{alias.name}" in modules else module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), list(graph[start])
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(graph[node])
    return False


def test_no_loader_is_in_an_import_cycle():
    graph = _graph()
    assert "jxtargets.loading.table_rows" in graph["jxtargets.loading.xlsx"]  # the graph sees imports
    cyclic = sorted(m for m in graph if m.startswith(CHECKED) and _reaches(graph, m, m))
    assert cyclic == []
