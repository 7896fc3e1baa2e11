"""Signals hand their arguments only to parameters meant for them.

PySide6 passes a signal's arguments to a Python slot positionally, as many as the slot
takes: ``QAction.triggered`` gives ``checked`` (a bool) to ``def report(self, target=None)``,
which then writes to "False". ``@Slot()`` does not prevent it in PySide6 6.11
(:func:`test_pyside_passes_signal_arguments_to_optional_parameters`); a lambda or a
keyword-only parameter does.

:func:`test_no_signal_argument_lands_in_an_optional_parameter` reads every
``….<signal>.connect(slot)`` in ``gui/`` with :mod:`ast`, finds the slot (a method of the
class the connect is written in, a function, a lambda, a ``functools.partial``) and its
signature, and the most arguments a signal of that name carries in Qt or in ``gui/``
(from the classes' meta-objects). A slot fails when those arguments would reach a
parameter with a default, or when it needs more than the signal gives.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from PySide6 import QtCharts, QtCore, QtGui, QtWidgets
from PySide6.QtCore import QMetaMethod, QObject, Slot
from PySide6.QtGui import QAction

import gui

ROOT = Path(__file__).resolve().parent.parent
#: A signal nobody declares: assume it may carry anything.
UNKNOWN = 99


@dataclass(frozen=True)
class Parameters:
    """How a slot takes positional arguments."""

    required: int
    optional: int

    def named(self, arguments: int) -> int:
        """How many of a signal's ``arguments`` land in named parameters (as many as fit;
        the rest go to ``*args``)."""
        return min(arguments, self.required + self.optional)


def gui_modules() -> list[ModuleType]:
    names = [m.name for m in pkgutil.walk_packages(gui.__path__, "gui.")]
    return [importlib.import_module(name) for name in names]


def _qobject_classes(module: ModuleType) -> Iterator[type[QObject]]:
    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, QObject):
            yield value


def signal_arities() -> dict[str, int]:
    """Signal name → the most arguments a signal of that name carries, in Qt or gui/."""
    arities: dict[str, int] = {}
    for module in (QtCore, QtGui, QtWidgets, QtCharts, *gui_modules()):
        for cls in _qobject_classes(module):
            meta = cls.staticMetaObject
            for index in range(meta.methodCount()):
                method = meta.method(index)
                if method.methodType() != QMetaMethod.MethodType.Signal:
                    continue
                name = bytes(method.name().data()).decode()
                arities[name] = max(arities.get(name, 0), method.parameterCount())
    return arities


def _ast_parameters(args: ast.arguments, bound: int = 0) -> Parameters:
    positional = len(args.posonlyargs) + len(args.args) - bound
    optional = len(args.defaults)
    return Parameters(positional - optional, optional)


def _callable_parameters(function: object, bound: int) -> Parameters | None:
    try:
        signature = inspect.signature(function)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    kinds = inspect.Parameter
    positional = [p for p in signature.parameters.values()
                  if p.kind in (kinds.POSITIONAL_ONLY, kinds.POSITIONAL_OR_KEYWORD)][bound:]
    optional = sum(1 for p in positional if p.default is not kinds.empty)
    return Parameters(len(positional) - optional, optional)


@dataclass(frozen=True)
class Connection:
    where: str  # file:line
    signal: str | None  # None when the signal is a plain variable
    slot: str
    parameters: Parameters | None  # None: a Qt method (C++ slot), matched by Qt itself


class _Finder(ast.NodeVisitor):
    def __init__(self, module: ModuleType, path: Path) -> None:
        self.module = module
        self.path = path
        self.scopes: list[ast.AST] = []
        self.found: list[Connection] = []
        self.unresolved: list[str] = []

    def generic_visit(self, node: ast.AST) -> None:
        scoped = isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        if scoped:
            self.scopes.append(node)
        super().generic_visit(node)
        if scoped:
            self.scopes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        function = node.func
        if (isinstance(function, ast.Attribute) and function.attr == "connect"
                and node.args):
            emitter = function.value
            signal = emitter.attr if isinstance(emitter, ast.Attribute) else None
            where = f"{self.path.relative_to(ROOT)}:{node.lineno}"
            slot = node.args[0]
            resolved = self._resolve(slot)
            if resolved is _UNRESOLVED:
                self.unresolved.append(f"{where}: {ast.unparse(slot)}")
            else:
                assert not isinstance(resolved, _Unresolved)
                self.found.append(Connection(where, signal, ast.unparse(slot), resolved))
        self.generic_visit(node)

    def _enclosing_class(self) -> type | None:
        for scope in reversed(self.scopes):
            if isinstance(scope, ast.ClassDef):
                value = getattr(self.module, scope.name, None)
                return value if isinstance(value, type) else None
        return None

    def _local_function(self, name: str) -> ast.FunctionDef | None:
        for scope in reversed(self.scopes):
            if isinstance(scope, ast.FunctionDef):
                for statement in ast.walk(scope):
                    if isinstance(statement, ast.FunctionDef) and statement.name == name:
                        return statement
        return None

    def _resolve(self, slot: ast.expr) -> Parameters | None | _Unresolved:
        if isinstance(slot, ast.Lambda):
            return _ast_parameters(slot.args)
        if isinstance(slot, ast.Attribute):
            owner = slot.value
            if isinstance(owner, ast.Name) and owner.id == "self":
                cls = self._enclosing_class()
                if cls is None:
                    return _UNRESOLVED
                value = inspect.getattr_static(cls, slot.attr, None)
                if isinstance(value, QtCore.Signal):
                    return None  # signal to signal: Qt matches the arguments
                if inspect.isfunction(value):
                    return _callable_parameters(value, bound=1)
                if value is None and not hasattr(cls, slot.attr):
                    return _UNRESOLVED
                return None  # a Qt method (reject, close, …)
            if slot.attr in _qt_method_names():
                return None  # e.g. self.password.setEnabled, timer.start
            return _UNRESOLVED
        if isinstance(slot, ast.Name):
            local = self._local_function(slot.id)
            if local is not None:
                return _ast_parameters(local.args)
            value = getattr(self.module, slot.id, None)
            if inspect.isfunction(value):
                return _callable_parameters(value, bound=0)
            return _UNRESOLVED
        if (isinstance(slot, ast.Call) and ast.unparse(slot.func) == "functools.partial"
                and slot.args and isinstance(slot.args[0], ast.Name)):
            inner = self._resolve(slot.args[0])
            if isinstance(inner, Parameters):
                bound = len(slot.args) - 1
                required = max(inner.required - bound, 0)
                optional = inner.optional - max(bound - inner.required, 0)
                return Parameters(required, optional)
            return inner
        return _UNRESOLVED


class _Unresolved:
    pass


_UNRESOLVED = _Unresolved()
_QT_METHODS: set[str] = set()


def _qt_method_names() -> set[str]:
    if not _QT_METHODS:
        for module in (QtCore, QtGui, QtWidgets, QtCharts):
            for cls in _qobject_classes(module):
                _QT_METHODS.update(name for name in dir(cls) if not name.startswith("_"))
    return _QT_METHODS


def gui_connections() -> tuple[list[Connection], list[str]]:
    found: list[Connection] = []
    unresolved: list[str] = []
    for module in gui_modules():
        assert module.__file__ is not None
        path = Path(module.__file__)
        finder = _Finder(module, path)
        finder.visit(ast.parse(path.read_text(encoding="utf-8")))
        found += finder.found
        unresolved += finder.unresolved
    return found, unresolved


def misrouted(connections: list[Connection], arities: dict[str, int]) -> list[str]:
    problems = []
    for connection in connections:
        parameters = connection.parameters
        if parameters is None:
            continue
        most = arities.get(connection.signal or "", UNKNOWN)
        if parameters.named(most) > parameters.required:
            problems.append(
                f"{connection.where}: {connection.signal or 'a signal'} with up to {most} "
                f"argument(s) fills an optional parameter of {connection.slot}")
    return problems


def test_no_signal_argument_lands_in_an_optional_parameter(qapp) -> None:  # type: ignore[no-untyped-def]
    connections, unresolved = gui_connections()
    # The walk really saw the app's connections, the report action's among them.
    assert len(connections) > 150
    assert any(c.where.startswith("gui/window/toolbar.py") and c.slot == "self.caseload_report"
               for c in connections)
    assert unresolved == [], "slots the test cannot check:\n" + "\n".join(unresolved)
    problems = misrouted(connections, signal_arities())
    assert problems == [], "\n".join(problems)


def test_the_checker_catches_the_mistake() -> None:
    arities = {"triggered": 1, "timeout": 0, "selectionChanged": 2}
    optional = Parameters(required=0, optional=1)
    keyword_only = Parameters(required=0, optional=0)  # def report(self, *, target=None)
    swallows = Parameters(required=0, optional=0)  # def update(self, *_args)
    index_then_optional = Parameters(required=1, optional=1)
    connections = [
        Connection("a.py:1", "triggered", "self.report", optional),
        Connection("a.py:2", "timeout", "self.report", optional),
        Connection("a.py:3", "triggered", "self.report", keyword_only),
        Connection("a.py:4", "selectionChanged", "self.update", swallows),
        Connection("a.py:5", "selectionChanged", "self.show", index_then_optional),
        Connection("a.py:6", "triggered", "self.show", index_then_optional),
        Connection("a.py:7", None, "self.report", optional),
    ]
    assert [p.split(":")[1] for p in misrouted(connections, arities)] == ["1", "5", "7"]


# -- what PySide6 really does ---------------------------------------------------------------


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[tuple[str, object]] = []

    def optional(self, target: object = None) -> None:
        self.got.append(("optional", target))

    @Slot()
    def decorated(self, target: object = None) -> None:
        self.got.append(("decorated", target))

    def keyword_only(self, *, target: object = None) -> None:
        self.got.append(("keyword_only", target))


def test_pyside_passes_signal_arguments_to_optional_parameters(qapp) -> None:  # type: ignore[no-untyped-def]
    receiver = _Receiver()
    action = QAction("Report")
    action.triggered.connect(receiver.optional)
    action.triggered.connect(receiver.decorated)
    action.triggered.connect(receiver.keyword_only)
    action.triggered.connect(lambda: receiver.optional())
    action.trigger()
    assert receiver.got == [("optional", False), ("decorated", False),
                            ("keyword_only", None), ("optional", None)]


@pytest.mark.parametrize("slot", ["optional", "keyword_only"])
def test_the_parameter_model_matches_pyside(slot: str, qapp) -> None:  # type: ignore[no-untyped-def]
    receiver = _Receiver()
    action = QAction("Report")
    action.triggered.connect(getattr(receiver, slot))
    action.trigger()
    parameters = _callable_parameters(getattr(_Receiver, slot), bound=1)
    assert parameters is not None
    received = parameters.named(1)
    assert (receiver.got[0][1] is False) == (received == 1)
