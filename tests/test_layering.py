"""Imports inside src/ssgraph point one way: faces → services → features → store → core.

Read from the source with `ast`, so a new upward arrow fails here before it is used.
The layers, and why, are in src/ssgraph/README.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "ssgraph"

# The first name under ssgraph (a subpackage or a top-level module) → its layer.
LAYER_OF = {
    # core: no knowledge of RDF stores, files of the user, or faces
    "namespaces": 0, "paths": 0, "settings": 0, "errors": 0, "catalogue": 0,
    "logs": 0,  # log formatting and set-up, used by both faces (the CLI's commands and the web service)
    "owned_files": 0,  # writing files whole, and caches only in folders ssgraph made
    # the one door to triple stores
    "store": 1,
    # features: what ssgraph does with the data
    "reference": 2, "importing": 2, "validation": 2, "analysis": 2, "queries": 2, "reasoning": 2,
    "setup": 2, "versions": 2, "extracting": 2, "search": 2, "publication": 2,
    # the services both faces call (parse → one call → render)
    "services": 3, "rendering": 3,
    # the faces
    "cli": 4, "web": 4,
}
# Faces may not import each other, except that the CLI starts the web service.
ALLOWED_SIDEWAYS = {("cli", "web")}
# Modules outside store/ that import pyoxigraph: none (the query worker, the RDF file
# parsers and the in-memory SPARQL engine live in store/). Nothing joins this list.
PYOXIGRAPH_ALLOWED: set[str] = set()
ROOT_MODULES = {"__init__", "__main__"}  # the public API and `python -m ssgraph`


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, package: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in the file, relative imports resolved, and
    `from ssgraph import x` read as the module ssgraph.x."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    own = module_name(path, package)
    own_package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = own_package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            if base == "ssgraph":
                found += [(node.lineno, f"ssgraph.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, base))
    return found


def violations(package: Path) -> list[str]:
    problems = []
    for path in sorted(package.rglob("*.py")):
        own = module_name(path, package)
        own_top = own.split(".")[1] if "." in own else "__init__"
        if own_top in ROOT_MODULES:
            continue
        if own_top not in LAYER_OF:
            problems.append(f"{path.relative_to(package.parent)}: '{own_top}' has no layer in tests/test_layering.py")
            continue
        for line, target in imported_modules(path, package):
            where = f"{path.relative_to(package.parent)}:{line}"
            if target.split(".")[0] == "pyoxigraph" and own_top != "store" and own not in PYOXIGRAPH_ALLOWED:
                problems.append(f"{where}: only store/ imports pyoxigraph ({own})")
            if not target.startswith("ssgraph."):
                continue
            target_top = target.split(".")[1]
            if target_top == own_top or target_top not in LAYER_OF:
                continue
            upward = LAYER_OF[target_top] > LAYER_OF[own_top]
            sideways_face = (LAYER_OF[target_top] == LAYER_OF[own_top] == LAYER_OF["cli"]
                             and (own_top, target_top) not in ALLOWED_SIDEWAYS)
            if upward or sideways_face:
                problems.append(f"{where}: {own_top} (layer {LAYER_OF[own_top]}) imports {target} "
                                f"(layer {LAYER_OF[target_top]})")
    return problems


def test_imports_point_one_way():
    assert violations(PACKAGE) == []


def test_the_pyoxigraph_allow_list_only_shrinks():
    still_importing = {
        module_name(path, PACKAGE)
        for path in PACKAGE.rglob("*.py")
        if any(target.split(".")[0] == "pyoxigraph" for _, target in imported_modules(path, PACKAGE))
    }
    assert PYOXIGRAPH_ALLOWED <= still_importing, (
        f"no longer importing pyoxigraph, remove from the allow-list: {sorted(PYOXIGRAPH_ALLOWED - still_importing)}")


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("store/extra.py", "from ssgraph.importing import importer\n", "store (layer 1) imports ssgraph.importing"),
        ("errors_more.py", "", "'errors_more' has no layer"),
        ("analysis/x.py", "import pyoxigraph\n", "only store/ imports pyoxigraph"),
        ("web/x.py", "from ssgraph.cli import main\n", "web (layer 4) imports ssgraph.cli"),
        ("importing/x.py", "from ..web import create_app\n", "importing (layer 2) imports ssgraph.web"),
    ],
)
def test_a_planted_upward_import_is_found(tmp_path, module, source, expected):
    package = tmp_path / "ssgraph"
    (package / Path(module).parent).mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / module).write_text(source)
    assert any(expected in problem for problem in violations(package)), violations(package)
