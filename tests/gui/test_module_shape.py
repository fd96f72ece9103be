"""The window's modules and the Word import's form no import cycle (type-only and
function-level imports included), and the workflows reach the case through the case-state, not
through the window."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tillit_desk"
GUI = PACKAGE / "gui"


def _imports(folder: Path = GUI) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in folder.glob("*.py"):
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    deps.add(node.module.split(".")[0])
                else:
                    deps.update(alias.name for alias in node.names)
        graph[path.stem] = deps
    return graph


@pytest.mark.parametrize("folder", ["gui", "wordimport"])
def test_no_import_cycle_between_modules(folder):
    graph = _imports(PACKAGE / folder)
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        for dep in sorted(graph.get(module, ())):
            if dep in path:
                cycles.append(path[path.index(dep):] + [dep])
            elif dep in graph:
                visit(dep, [*path, dep])

    for module in graph:
        visit(module, [module])
    assert cycles == []


def test_workflows_do_not_import_the_window():
    graph = _imports()
    for module in ("review_workflow", "review_live", "case_state", "commands", "section_documents",
                   "pdf_export", "interaction", "export_flow", "file_flow", "decision_flow",
                   "find_replace", "phrase_flow"):
        assert "mainwindow" not in graph[module], module
    assert not {"editor", "mainwindow", "caseform", "panes"} & graph["case_state"]
