"""The package's import layers (issue 19), read from the source with ``ast``.

Every import counts, at the top of a module, inside a function (a lazy import is a
dependency all the same) or under ``if TYPE_CHECKING:`` (a type-only import still ties two
modules: it must not need a circle either).

- No circle: no module imports, directly or through others, a module that imports it.
- The engine's side (``parser/engine.py``, the readers, nlp, catalog, verify and badges
  packages, and every module they import: document, models, limits, sniff, …) never imports
  the layers above it.
- Above the engine, from the bottom: the execution layer (``parser/run/``), the library
  (``parser/library.py`` and the package's ``__init__``, which exports it), the HTTP service
  (``parser/http/``) and the CLI (``parser/cli.py``). A module imports only from its own layer
  or those below it; every other module (storage, writers, evaluate, …) is below them all.
"""

from __future__ import annotations

import ast
from collections import deque
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "parser"

#: Where the engine's side starts; everything these import belongs to it too.
ENGINE_ROOTS = (
    "parser.engine",
    "parser.readers",
    "parser.nlp",
    "parser.catalog",
    "parser.verify",
    "parser.badges",
)
#: The layers above the engine, bottom first: a module or a package (with its submodules).
LAYERS = (
    ("parser.run",),
    ("parser.library", "parser"),
    ("parser.http",),
    ("parser.cli",),
)


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    return {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _existing(name: str) -> str | None:
    """The module ``name`` names, or the nearest package or module above it that exists."""
    while name not in modules():
        if "." not in name:
            return None
        name = name.rsplit(".", 1)[0]
    return name


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The package's modules one import statement names."""
    if isinstance(node, ast.Import):
        found = [_existing(a.name) for a in node.names if a.name.split(".")[0] == "parser"]
        return [t for t in found if t]
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
    else:
        base = node.module or ""
        if base.split(".")[0] != "parser":
            return []
    out = []
    for alias in node.names:  # `from . import jose` names a module; `from .x import f`, module x
        target = f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules() else _existing(base)
        if target:
            out.append(target)
    return out


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module → the package's modules it imports (itself left out)."""
    result = {}
    for name, path in modules().items():
        found: set[str] = set()
        todo: list[ast.AST] = [ast.parse(path.read_text(encoding="utf-8"))]
        while todo:
            node = todo.pop()
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.update(_targets(name, path.name == "__init__.py", node))
            else:
                todo.extend(ast.iter_child_nodes(node))
        result[name] = frozenset(found - {name})
    return result


def _in(module: str, prefix: str) -> bool:
    return module == prefix or (prefix != "parser" and module.startswith(prefix + "."))


def layer(module: str) -> int:
    """0, 1, … for the layers above the engine (bottom first); -1 for the rest."""
    for rank, members in enumerate(LAYERS):
        if any(_in(module, m) for m in members):
            return rank
    return -1


def cycles() -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph()[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph()):
        if v not in index:
            visit(v)
    return found


def engine_side() -> dict[str, str | None]:
    """Every module of the engine's side, with the module that brought it in (None: a root)."""
    came_from: dict[str, str | None] = {
        m: None for m in modules() if any(_in(m, root) for root in ENGINE_ROOTS)
    }
    queue = deque(came_from)
    while queue:
        m = queue.popleft()
        for dep in sorted(graph()[m]):
            if dep not in came_from:
                came_from[dep] = m
                queue.append(dep)
    return came_from


def _chain(came_from: dict[str, str | None], module: str) -> str:
    steps = [module]
    while (parent := came_from[steps[-1]]) is not None:
        steps.append(parent)
    return " <- ".join(steps)


def test_imports_are_read_at_module_level_and_inside_functions():
    g = graph()
    assert "parser.nlp.pipeline" in g["parser.engine"]  # module level
    assert "parser.run.isolate" in g["parser.library"]  # inside a method
    assert "parser.run.scan" in g["parser.cli"]  # inside a command
    assert "parser.run.jobs" in g["parser.run.pool"]  # relative, module level
    assert "parser.library" in g["parser"]  # the package exports the library, lazily
    assert len(modules()) > 60


def test_no_import_cycle():
    assert cycles() == []


def test_the_engine_side_imports_nothing_above_it():
    came_from = engine_side()
    assert "parser.models" in came_from and "parser.limits" in came_from  # what the engine needs
    above = sorted(m for m in came_from if layer(m) >= 0)
    assert [_chain(came_from, m) for m in above] == []


def test_each_layer_imports_only_from_itself_and_below():
    upward = [
        f"{module} (layer {layer(module)}) imports {dep} (layer {layer(dep)})"
        for module, deps in sorted(graph().items())
        for dep in sorted(deps)
        if layer(dep) > layer(module)
    ]
    assert upward == []


def test_the_layers_hold_what_the_issue_names():
    """The execution layer and the HTTP service are packages; the old top-level modules are gone."""
    names = set(modules())
    assert {"parser.run.pool", "parser.run.scan", "parser.run.isolate", "parser.run.dask"} <= names
    assert {"parser.http.app", "parser.http.settings", "parser.http.server", "parser.http.upload"} <= names
    old = "isolate batch dask_engine pool api server middleware upload header_deadline".split()
    assert names & {f"parser.{m}" for m in old} == set()
