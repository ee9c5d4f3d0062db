"""The layout keeps its promises: stages import downwards only, no import circles,
no module over 400 lines, a docstring on every module (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "pipeline"
# What each stage may import besides itself; the package root only holds __version__.
ALLOWED = {
    "core": set(),
    "build": {"core", "root"},
    "validate": {"core", "root"},
    "editions": {"core", "root"},
    "tools": {"core", "root", "build", "validate", "editions"},
    "cli": {"core", "root", "build", "validate", "editions", "tools"},
    "root": {"cli", "core"},  # __main__ runs the CLI
}
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


MODULES = _modules()


def _target(name: str) -> str:
    while name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _imports(path: Path) -> set[str]:
    """Every module of ours that `path` imports, at any depth (lazy imports included)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and \
                node.module.split(".")[0] == "pipeline":
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                out.add(full if full in MODULES else _target(node.module))
        elif isinstance(node, ast.Import):
            out.update(_target(a.name) for a in node.names if a.name.split(".")[0] == "pipeline")
    return out


GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def _stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in ("__main__",):
        return "root"
    return parts[1]


def test_every_module_belongs_to_a_stage():
    assert {_stage(m) for m in MODULES} <= set(ALLOWED)
    assert {_stage(m) for m in MODULES} >= {"core", "build", "validate", "editions", "tools",
                                            "cli"}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_stages_only(module):
    stage = _stage(module)
    wrong = sorted(t for t in GRAPH[module] if _stage(t) != stage
                   and _stage(t) not in ALLOWED[stage])
    assert not wrong, f"{module} ({stage}) imports {wrong}"


def test_there_is_no_import_circle():
    seen: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(GRAPH[node]):
            if seen.get(nxt) == 1:
                raise AssertionError(" -> ".join(path[path.index(nxt):] + [node, nxt]))
            if nxt not in seen:
                visit(nxt, path + [node])
        seen[node] = 2

    for module in sorted(GRAPH):
        if module not in seen:
            visit(module, [])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_are_small_and_say_what_they_are_for(module):
    path = MODULES[module]
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= MAX_LINES, f"{path}: {text.count(chr(10))} lines"
    doc = ast.get_docstring(ast.parse(text))
    assert doc and doc.splitlines()[0].strip(), f"{path}: no docstring"


def test_the_import_check_sees_a_wrong_import():
    """The checker itself: an editions module importing the build would be caught."""
    assert _stage("pipeline.editions.digest") == "editions"
    assert "build" not in ALLOWED["editions"]
    assert _target("pipeline.build.ocr.text.LETTER") == "pipeline.build.ocr.text"
    assert "pipeline.core.surface" in GRAPH["pipeline.editions.digest"]
