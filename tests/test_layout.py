"""The architecture, held by the source itself: which way imports go, how big the top level is."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import clusterforms

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "clusterforms"
RENDERERS = ROOT / "renderers" / "clusterforms_renderers"
#: The modules a renderer (built in or third party) may import from the core.
PUBLIC = frozenset(
    {"clusterforms", "clusterforms.errors", "clusterforms.renderer", "clusterforms.formulas"}
)
CLI = CORE / "cli"
#: What the command line may import besides its own modules (``clusterforms.cli.*``):
#: the public API, and the private writing of files and the version.
CLI_MAY_IMPORT = PUBLIC | {"clusterforms.cli", "clusterforms._files", "clusterforms._version"}
#: The most modules the top level of the package may have: the public surface only.
TOP_LEVEL_LIMIT = 14


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """``(line, module)`` for every import in ``path``, at any depth (inside functions too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            yield node.lineno, node.module
            if node.module == "clusterforms":  # ``from clusterforms import model`` is a module too
                for alias in node.names:
                    if alias.name in clusterforms.__all__:
                        continue  # a public name, even if a subpackage shares it (``diff``)
                    if (CORE / alias.name).is_dir() or (CORE / f"{alias.name}.py").is_file():
                        yield node.lineno, f"clusterforms.{alias.name}"


def test_renderers_import_only_the_public_api() -> None:
    private = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in sorted(RENDERERS.rglob("*.py"))
        for line, module in imports(path)
        if module.split(".")[0] == "clusterforms" and module not in PUBLIC
    ]
    assert private == []


def test_the_cli_is_a_thin_layer_over_the_public_api() -> None:
    """What the command line does, a Python user can do: it reaches nothing they cannot."""
    private = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in sorted(CLI.rglob("*.py"))
        for line, module in imports(path)
        if module.split(".")[0] == "clusterforms"
        and module not in CLI_MAY_IMPORT
        and not module.startswith("clusterforms.cli.")
    ]
    assert private == []


def test_the_core_never_imports_a_renderer() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in sorted(CORE.rglob("*.py"))
        for line, module in imports(path)
        if module.split(".")[0] == "clusterforms_renderers"
    ]
    assert found == []


def test_the_top_level_keeps_to_the_public_surface() -> None:
    modules = sorted(p.name for p in CORE.glob("*.py"))
    assert len(modules) <= TOP_LEVEL_LIMIT, modules


def test_the_check_sees_what_it_must_refuse(tmp_path: Path) -> None:
    """The walk finds imports in every form they take, so the checks above cannot pass vacuously."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from clusterforms.model.items import TextItem\n"
        "import clusterforms.validation.findings\n"
        "from clusterforms import model\n"
        "from clusterforms import diff\n"
        "def later():\n"
        "    from clusterforms_renderers.xlsx import XlsxRenderer\n",
        encoding="utf-8",
    )
    found = [module for _, module in imports(sample)]
    assert "clusterforms.model.items" in found
    assert "clusterforms.validation.findings" in found
    assert "clusterforms.model" in found
    assert "clusterforms.diff" not in found  # the public function, not the subpackage
    assert "clusterforms_renderers.xlsx" in found
