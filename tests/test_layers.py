"""The package's layers: imports only point down, never in a circle, and the analysis core
never imports the dashboard, Streamlit or the command line."""

import ast
from pathlib import Path

ANALYSIS = Path(__file__).resolve().parent.parent / "analysis"


def module_name(path: Path) -> str:
    parts = path.relative_to(ANALYSIS.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports (relative or not)."""
    graph: dict[str, set[str]] = {}
    for path in ANALYSIS.rglob("*.py"):
        name = module_name(path)
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")
                if node.level:
                    base = base[: len(base) - node.level + 1]
                    target = ".".join([*base, node.module] if node.module else base)
                else:
                    target = node.module or ""
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = found
    modules = set(graph)
    return {
        name: {t for t in targets if t in modules and t != name} for name, targets in graph.items()
    }


def test_no_import_cycles():
    graph = imports()
    # The package faces (__init__) re-export their own parts: an edge from a part up to its
    # own package face is the only way back up, and it is not allowed either.
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                raise AssertionError(" -> ".join([*path, node, target]))
            if target not in state:
                visit(target, [*path, node])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_the_core_knows_nothing_of_its_edges():
    graph = imports()
    for name, targets in graph.items():
        if not name.startswith(("analysis.cli", "analysis.__main__")):
            assert not {t for t in targets if t.startswith("analysis.cli")}, name
    for path in ANALYSIS.rglob("*.py"):
        source = path.read_text("utf-8")
        assert "import streamlit" not in source and "from dashboard" not in source, path
