"""Shared fixtures: every test gets its own encrypted database and its own folders.

Tests marked ``both_databases`` run twice: on the embedded SQLCipher file and on a
PostgreSQL server (``tests/helpers/pg_server.py`` finds or starts one). Without a server
the PostgreSQL half is skipped with the reason, never passed silently.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import pytest

# Before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests speak English (the source language) unless they choose another; the processes
# they start inherit it. Tests of Finnish and Swedish set the language themselves.
os.environ["SUOJA_LANG"] = "en"

from models.security.signin import SignInGuard  # noqa: E402
from models.storage.keyfile import KdfParams  # noqa: E402
from models.storage.store import create_database  # noqa: E402
from models.storage.unit_of_work import Actor, Database, Target  # noqa: E402
from tests.helpers import pg_server  # noqa: E402

pytest_plugins = ("pytester",)  # tests/test_crash_hook.py runs a pytest of its own

#: Argon2id cheap enough for hundreds of tests; production parameters are tested apart.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every per-user folder at a folder of the test's own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("SUOJA_PASSWORD", raising=False)


@pytest.fixture(autouse=True)
def _nothing_deployed() -> Iterator[None]:
    """No organisation's deployment file, whatever this computer has in /etc/suoja (tests
    of one point the process at their own with ``deployment.use``)."""
    from models.domain import deployment

    deployment.use(deployment.NOTHING_DEPLOYED)
    yield
    deployment.use(deployment.NOTHING_DEPLOYED)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Each test starts in English, the source language, whatever a test before chose."""
    from models.domain import i18n
    from models.domain.enums import Language

    i18n.use(Language.ENGLISH, overridden=True)
    yield
    i18n.use(Language.ENGLISH, overridden=True)
    if "gui.shared.i18n" in sys.modules:
        sys.modules["gui.shared.i18n"].install(Language.ENGLISH)


@pytest.fixture(autouse=True)
def crash_dialogs(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
                  ) -> Iterator[list[str]]:
    """An unhandled exception fails the test with its traceback, under the app's hook too.

    pytest-qt fails a test whose slot or Qt virtual raised, through the ``sys.excepthook``
    it puts in place before each test. The app puts its own there
    (``gui.start.crash.install_excepthook``, called by ``run_app``): a modal crash dialog that
    would block an offscreen run while pytest-qt never hears of the exception. In tests
    the app's hook shows its dialog's text without blocking (yielded here, for tests that
    check what a person would read) and then hands the exception on to the hook that was
    there before: pytest-qt's, which fails the test. Without pytest-qt's capture
    (``qt_no_exception_capture``) this fixture fails the test itself.
    """
    from PySide6.QtWidgets import QMessageBox

    from gui.start import crash

    shown: list[str] = []
    unhandled: list[str] = []
    before = sys.excepthook  # pytest-qt's, started before any fixture
    real_hook = crash.crash_hook

    class _Answered:
        """QMessageBox for the crash hook: records the text, never waits for a click."""

        StandardButton = QMessageBox.StandardButton

        @staticmethod
        def critical(parent: object, title: str, text: str, *args: object,
                     **kwargs: object) -> QMessageBox.StandardButton:
            shown.append(text)
            return QMessageBox.StandardButton.Ok

    def hook(kind: type[BaseException], error: BaseException,
             tb: TracebackType | None) -> None:
        unhandled.append("".join(traceback.format_exception(kind, error, tb)))
        real_hook(kind, error, tb)
        before(kind, error, tb)

    monkeypatch.setattr(crash, "QMessageBox", _Answered)
    monkeypatch.setattr(crash, "crash_hook", hook)
    yield shown
    if sys.excepthook is hook:
        sys.excepthook = before
    if unhandled and getattr(request.node, "qt_exception_capture_manager", None) is None:
        pytest.fail("unhandled exception under the app's crash hook:\n" + "\n".join(unhandled),
                    pytrace=False)


@dataclass
class QuitQuestions:
    """How the question before quitting with unsaved forms is answered, and what it said.

    Attributes:
        quit: the answer: True is "Quit and discard", False is Cancel.
        asked: per question, the number of forms it named and whether it spoke of the demo.
    """

    quit: bool = True
    asked: list[tuple[int, bool]] = field(default_factory=list)
    #: The same for Sign out from the Lock button's menu: its answer, and per question
    #: the number of forms it named.
    sign_out: bool = True
    asked_sign_out: list[int] = field(default_factory=list)


@pytest.fixture(autouse=True)
def quit_questions(monkeypatch: pytest.MonkeyPatch) -> QuitQuestions:
    """The questions closing a main window and signing out ask when forms hold typed input
    (``gui.shared.questions.confirm_quit``, ``confirm_sign_out``), answered without
    waiting for a click.

    pytest-qt closes every window a test leaves open, some with typed forms in them; that
    close is the test's end, not a person deciding, so by default it quits as it did before
    the question existed. Tests of the question read :attr:`QuitQuestions.asked`, set
    :attr:`QuitQuestions.quit`, or put the real message box back.
    """
    from gui.shared import questions

    answers = QuitQuestions()

    def confirm_quit(parent: object, unsaved_forms: int, *, demo: bool = False) -> bool:
        answers.asked.append((unsaved_forms, demo))
        return answers.quit

    def confirm_sign_out(parent: object, unsaved_forms: int) -> bool:
        answers.asked_sign_out.append(unsaved_forms)
        return answers.sign_out

    monkeypatch.setattr(questions, "confirm_quit", confirm_quit)
    monkeypatch.setattr(questions, "confirm_sign_out", confirm_sign_out)
    return answers


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    chosen = any(marker.args and marker.args[0] == "backend"
                 for marker in metafunc.definition.iter_markers("parametrize"))
    if ("backend" in metafunc.fixturenames and not chosen
            and metafunc.definition.get_closest_marker("both_databases")):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` (the default) or ``postgresql`` (tests marked ``both_databases``)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg() -> Iterator[pg_server.PgServer | None]:
    """A PostgreSQL server for the whole run, or None (then PostgreSQL tests skip)."""
    server, why = pg_server.start()
    pg_server.SKIP_REASON = why
    yield server
    if server is not None:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(pg: pg_server.PgServer | None) -> str | None:
    """A server database migrated to the newest schema, copied for each test."""
    if pg is None:
        return None
    from models.storage import migration
    from models.storage.server import ServerUrl, open_server_engine

    name = pg.create_database(name=f"suoja_template_{os.getpid()}")
    engine = open_server_engine(ServerUrl.parse(pg.url_for(name)))
    try:
        migration.upgrade(engine)
    finally:
        engine.dispose()
    return name


@pytest.fixture
def server_target(pg: pg_server.PgServer | None, pg_template: str | None
                  ) -> Iterator[Target]:
    """A fresh, empty (schema only) server database of the test's own."""
    if pg is None or pg_template is None:
        pg_server.unavailable(pg_server.SKIP_REASON)
    from models.storage.server import ServerUrl

    name = pg.create_database(template=pg_template)
    yield ServerUrl.parse(pg.url_for(name))
    pg.drop_database(name)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "suoja.db"


@pytest.fixture
def target(backend: str, request: pytest.FixtureRequest, db_path: Path) -> Target:
    """Where the test's database is: the SQLite file or a server database."""
    if backend == "postgresql":
        server = request.getfixturevalue("server_target")
        assert isinstance(server, Target)
        return server
    return db_path


@pytest.fixture
def opened(target: Target) -> Iterator[tuple[Database, Actor, str]]:
    """A fresh database with its first supervisor: (database, actor, recovery code)."""
    result = create_database(target, username="super", password=PASSWORD, kdf=FAST_KDF)
    yield result.database, result.actor, result.recovery_code
    result.database.dispose()


@contextlib.contextmanager
def guard_for(target: Target) -> Iterator[SignInGuard]:
    """The sign-in counters of ``target`` (a file beside SQLite, a row on a server)."""
    from models.storage.server import ServerCounters, ServerUrl, open_server_engine

    if not isinstance(target, ServerUrl):
        yield SignInGuard(target)
        return
    engine = open_server_engine(target)
    try:
        yield SignInGuard(ServerCounters(engine))
    finally:
        engine.dispose()


@pytest.fixture
def database(opened: tuple[Database, Actor, str]) -> Database:
    return opened[0]


@pytest.fixture
def supervisor(opened: tuple[Database, Actor, str]) -> Actor:
    return opened[1]
