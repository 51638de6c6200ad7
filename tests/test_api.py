"""The public API as a Python user meets it: names, lazy imports, exceptions, reprs."""

from __future__ import annotations

import ast
import builtins
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
import types
import typing
from pathlib import Path

import attrs
import pytest

import clusterforms as cf
import clusterforms.errors
from clusterforms.testing import sample_application

ROOT = Path(__file__).resolve().parent.parent
INIT = ROOT / "clusterforms" / "__init__.py"
API_DOC = ROOT / "docs" / "api.md"


def python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def every_module() -> list[types.ModuleType]:
    names = [
        m.name
        for m in pkgutil.walk_packages(cf.__path__, "clusterforms.")
        if not m.name.endswith("__main__")  # it runs the command line
    ]
    return [importlib.import_module(name) for name in ["clusterforms", *names]]


class TestNames:
    """Every public name resolves, star-import works, and the three lists in __init__ agree."""

    def test_every_name_in_all_resolves(self) -> None:
        for name in cf.__all__:
            assert getattr(cf, name) is not None, name

    def test_star_import_works_in_a_fresh_interpreter(self) -> None:
        result = python(
            "from clusterforms import *\n"
            "import clusterforms\n"
            "missing = [n for n in clusterforms.__all__ if n not in globals()]\n"
            "print(missing)"
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == "[]\n"

    def test_all_is_sorted_and_unique(self) -> None:
        def isort_style(name: str) -> tuple[int, str]:
            group = 0 if name.isupper() else 1 if name[:1].isupper() else 2
            return group, name

        assert cf.__all__ == sorted(cf.__all__, key=isort_style)
        assert len(set(cf.__all__)) == len(cf.__all__)

    def test_dir_lists_every_public_name_before_it_is_imported(self) -> None:
        result = python(
            "import clusterforms; print(sorted(set(clusterforms.__all__) - set(dir(clusterforms))))"
        )
        assert result.stdout == "[]\n"

    def test_an_unknown_name_is_an_attribute_error(self) -> None:
        with pytest.raises(
            AttributeError, match="module 'clusterforms' has no attribute 'lod_spec'"
        ):
            cf.lod_spec  # type: ignore[attr-defined]  # noqa: B018

    def test_type_checking_imports_lazy_table_and_all_agree(self) -> None:
        """What type checkers read (the TYPE_CHECKING block) is what runs (_EXPORTS)."""
        tree = ast.parse(INIT.read_text(encoding="utf-8"))
        checked: dict[str, tuple[str, str]] = {}
        eager: set[str] = set()
        for node in tree.body:
            is_type_checking = (
                isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
            )
            for statement in node.body if is_type_checking else [node]:
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    for alias in statement.names:
                        public = alias.asname or alias.name
                        if is_type_checking:
                            checked[public] = (statement.module, alias.name)
                        elif statement.module.startswith("clusterforms"):
                            eager.add(public)
        assert checked == cf._WHERE  # type: ignore[attr-defined]
        assert set(cf.__all__) == set(checked) | eager
        for public, (module, name) in checked.items():
            assert getattr(importlib.import_module(module), name) is getattr(cf, public), public

    def test_public_functions_keep_their_names_whatever_is_imported_first(self) -> None:
        """``clusterforms.diff`` is the function even after the subpackage ``clusterforms.diff`` loads."""
        result = python(
            "import clusterforms.migrate.migration, clusterforms.summarize.rows\n"
            "import clusterforms.diff.match, clusterforms as cf\n"
            "print([getattr(cf, n).__class__.__name__ for n in ('diff', 'migrate', 'summarize')])"
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == "['function', 'function', 'function']\n"

    def test_importing_the_package_loads_neither_the_diff_nor_the_converter(self) -> None:
        result = python(
            "import sys, clusterforms\n"
            "print(sorted(m for m in sys.modules if m.startswith('clusterforms')))\n"
            "print('cattrs' in sys.modules, 'attrs' in sys.modules)"
        )
        loaded, deps = result.stdout.splitlines()
        assert loaded == "['clusterforms', 'clusterforms._version', 'clusterforms.errors']"
        assert deps == "False False"


def _classes_in(annotation: object) -> set[type]:
    found: set[type] = set()
    if isinstance(annotation, type):
        found.add(annotation)
    for argument in typing.get_args(annotation):
        found |= _classes_in(argument)
    return found


def _signature_classes(obj: object) -> set[type]:
    """The clusterforms classes named in ``obj``'s signature (or, for a class, its fields and methods)."""
    targets: list[object] = [obj]
    if isinstance(obj, type):
        targets = [
            getattr(obj, n)
            for n, v in vars(obj).items()
            if inspect.isfunction(v) and not n.startswith("_")
        ]
        if attrs.has(obj):
            attrs.resolve_types(obj)
            found = {c for field in attrs.fields(obj) for c in _classes_in(field.type)}
        else:
            found = set()
    else:
        found = set()
    for target in targets:
        if callable(target):
            try:
                hints = typing.get_type_hints(target)
            except (NameError, TypeError):  # pragma: no cover - reported by the assertion below
                hints = {"unresolvable": target}
            for hint in hints.values():
                found |= _classes_in(hint)
    return {c for c in found if c.__module__.startswith("clusterforms")}


def test_every_type_in_a_public_signature_is_exported() -> None:
    exported = {id(getattr(cf, name)) for name in cf.__all__}
    missing = set()
    for name in cf.__all__:
        for cls in _signature_classes(getattr(cf, name)):
            if id(cls) not in exported:
                missing.add(f"{name} uses {cls.__module__}.{cls.__qualname__}")
    assert sorted(missing) == []


def test_the_type_aliases_of_public_signatures_are_exported() -> None:
    for alias in ("Severity", "Impact", "Lang", "Orientation", "TargetCheck", "Tone", "NoteKind"):
        assert alias in cf.__all__
    assert typing.get_args(cf.Severity) == ("error", "warning")
    assert typing.get_args(cf.Lang) == ("zh", "en")
    assert typing.get_args(cf.Impact) == cf.IMPACTS


class TestErrors:
    """Every exception is in errors.py, under ClusterformsError and a builtin, with its own code."""

    ERRORS: typing.ClassVar[list[type[BaseException]]] = [
        obj
        for obj in vars(clusterforms.errors).values()
        if isinstance(obj, type) and issubclass(obj, BaseException)
    ]

    def test_every_error_has_a_stable_distinct_code(self) -> None:
        codes = [e.code for e in self.ERRORS]
        assert len(set(codes)) == len(codes)
        assert all(re.fullmatch(r"[a-z]+(_[a-z]+)*", code) for code in codes)

    def test_every_error_is_a_clusterforms_error_and_a_builtin_one(self) -> None:
        for error in self.ERRORS:
            assert issubclass(error, cf.ClusterformsError)
            if error is not cf.ClusterformsError:
                kinds = [b for b in error.__mro__[1:] if vars(builtins).get(b.__name__) is b]
                assert kinds[0] is not Exception, error

    def test_every_error_is_exported_and_documented_with_its_code(self) -> None:
        doc = API_DOC.read_text(encoding="utf-8")
        for error in self.ERRORS:
            assert getattr(cf, error.__name__) is error
            assert f"`{error.__name__}`" in doc, error
            assert f"`{error.code}`" in doc, error

    def test_no_module_defines_an_exception_of_its_own(self) -> None:
        stray = [
            f"{module.__name__}.{name}"
            for module in every_module()
            for name, obj in vars(module).items()
            if isinstance(obj, type)
            and issubclass(obj, BaseException)
            and obj.__module__ == module.__name__
            and module is not clusterforms.errors
        ]
        assert stray == []

    def test_errors_stay_importable_where_they_were_documented(self) -> None:
        from clusterforms.diff.model import DiffFormatError  # noqa: PLC0415
        from clusterforms.diff.patch import PatchError  # noqa: PLC0415
        from clusterforms.formulas import FormulaError  # noqa: PLC0415
        from clusterforms.migrate.migration import MigrationError  # noqa: PLC0415
        from clusterforms.model.converter import UnknownKindError  # noqa: PLC0415

        assert (DiffFormatError, PatchError, FormulaError, MigrationError, UnknownKindError) == (
            cf.DiffFormatError,
            cf.PatchError,
            cf.FormulaError,
            cf.MigrationError,
            cf.UnknownKindError,
        )

    def test_an_error_carries_its_code_when_raised(self) -> None:
        with pytest.raises(cf.SpecNotFoundError) as info:
            cf.load_spec("no-such-spec-2099")
        assert info.value.code == "spec_not_found"
        with pytest.raises(cf.ReadError) as read:
            cf.read(b"not a form")
        assert read.value.code == "read_failed"


class TestReprs:
    """The big results have short reprs that say what they are."""

    def test_spec_and_section(self) -> None:
        spec = cf.load_spec("national-2023")
        items = sum(1 for _ in spec.walk())
        assert (
            repr(spec)
            == f"<FormSpec national-2023 {spec.title}: 9 sections, {items} items, 5 rules>"
        )
        assert repr(spec.sections[0]).startswith(f"<Section {spec.sections[0].id} ")

    def test_every_big_result_stays_under_a_line_or_two(self) -> None:
        spec, other = cf.load_spec("national-2023"), cf.load_spec("guangxi-2025")
        data = sample_application(spec)
        _, report = cf.migrate(data, other)
        matrix = cf.item_matrix([spec, other])
        reading = cf.read(cf.render(spec, "xlsx", data))
        results = [
            spec,
            cf.diff(spec, other),
            report,
            cf.validate(spec, data),
            matrix,
            matrix.to_table(),
            reading,
            cf.read_application(spec, data),
        ]
        for result in results:
            assert len(repr(result)) < 160, repr(result)[:300]
        assert repr(report).startswith("<MigrationReport national-2023→guangxi-2025: ")
        assert (
            repr(reading)
            == f"<Reading <workbook> (xlsx, national-2023): {len(reading.document['values'])} values, 0 problems>"
        )


def test_every_public_name_is_documented_in_the_api_page() -> None:
    doc = API_DOC.read_text(encoding="utf-8")
    missing = [n for n in cf.__all__ if not re.search(rf"\b{re.escape(n)}\b", doc)]
    assert missing == []
