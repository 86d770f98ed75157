"""The shape of the code: no import cycles (lazy imports inside functions count too), a pure core
that imports nothing from loading, rendering or the command line, and no module over ~400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "jxtargets"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every jxtargets module `path` imports at run time, at the top or inside a function."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
        for n in ast.walk(block)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:  # annotations only: not an import at run time
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("jxtargets")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if not mod.startswith("jxtargets"):
                continue
            found.add(mod)
            for alias in node.names:  # `from . import api` imports the module jxtargets.api
                if (PACKAGE.parent / (mod + "." + alias.name).replace(".", "/")).with_suffix(".py").is_file():
                    found.add(f"{mod}.{alias.name}")
    return found - {name}


GRAPH = {_module_name(p): _imports(p) for p in PACKAGE.rglob("*.py")}


def test_no_import_cycles():
    def visit(node: str, path: list[str], done: set[str]) -> list[str] | None:
        if node in path:
            return path[path.index(node) :] + [node]
        if node in done:
            return None
        done.add(node)
        for dep in sorted(GRAPH.get(node, ())):
            # a package's __init__ importing its own modules is not a cycle with them
            if node.startswith(dep + ".") or dep.startswith(node + ".") and node.count(".") < 1:
                continue
            cycle = visit(dep, path + [node], done)
            if cycle:
                return cycle
        return None

    for module in sorted(GRAPH):
        cycle = visit(module, [], set())
        assert cycle is None, " -> ".join(cycle)


def test_core_is_pure():
    for module, deps in GRAPH.items():
        if module.startswith("jxtargets.core"):
            outside = {d for d in deps if not d.startswith("jxtargets.core")}
            assert not outside, f"{module} imports {outside}"


def test_no_module_is_over_400_lines():
    long = {
        _module_name(p): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 420
    }
    assert not long, long
