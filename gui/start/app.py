"""Starting the desktop app: the Qt application, the database location, first-run setup or
sign-in, and the main window.

Which database (:func:`resolve_target`): ``--db-url`` if given, else ``--db``, else the
server URL the configuration holds (remembered by the first-run setup), else the file in
the platform's data folder. A server is looked at first to choose between setup and
sign-in (with psycopg alone, :func:`probe_server`); if it cannot be reached the app says
so in one sentence and exits with code 4.

Sign-in and the main window run in a loop: *Sign out* closes the window (its session and
views destroyed) and shows the sign-in window again, in the same process. ``--demo``
prepares a fresh demo database in a temporary folder, removed on every way out (Ctrl+C
and SIGTERM included); quitting the demo asks first, since its changes are lost then.

The organisation's deployment file (:mod:`models.domain.deployment`) is read first: one
that is there but unusable is shown in one sentence, and the app exits with code 4.

The sign-in window is shown before the database's modules are imported (SQLAlchemy, the
entities, the services, the main window): nothing it shows needs them. While it waits for
a password, a thread imports the Qt-free ones (:func:`preload`); signing in waits for that
thread before it opens the database, so no two threads import at once. The main window's
modules are imported once someone has signed in.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QObject,
    QSocketNotifier,
    QStandardPaths,
    QThreadPool,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from gui.shared import i18n
from gui.shared.settings import Preferences, WindowState, parse_server_url
from gui.shared.style import apply_style
from gui.start import login, ui_script
from gui.start.crash import install_excepthook
from gui.start.login import LoginDialog
from gui.start.qt_platform import create_application
from gui.start.setup import SetupDialog
from models.domain import deployment
from models.domain.errors import AuthenticationError, DataError, KnownError
from models.storage.errors import from_database_error
from models.storage.server_url import (
    ServerPasswordNeeded,
    ServerUrl,
    error_kind,
    holds_suoja,
)

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow
    from models.storage.unit_of_work import Actor, Database, Target

DEMO_VICTIMS = 2000
# Imported while the sign-in window waits for a password: what signing in and the main
# window's services need, Qt-free (``models`` never imports Qt), so safe off the GUI thread.
PRELOADED = ("models.storage.store", "models.services", "models.storage.anchoring")
# How long after the sign-in window is shown the preloading starts (its first paint first).
PRELOAD_DELAY_MS = 100

_preloading: threading.Thread | None = None


def preload() -> None:
    """Start importing :data:`PRELOADED` on a thread of its own (once per process)."""
    global _preloading
    if _preloading is None:
        _preloading = threading.Thread(target=_import_preloaded, name="suoja-preload")
        _preloading.start()


def _import_preloaded() -> None:
    for name in PRELOADED:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - imported again when needed, failing there as before
            return


def wait_for_preload() -> None:
    """Return once the preloading thread, if one was started, is done."""
    if _preloading is not None:
        _preloading.join()


def open_database(db_path: Target, username: str, password: str,
                  **options: Any) -> tuple[Database, Actor]:
    """:func:`models.storage.store.open_database`, whose modules (SQLAlchemy, the entities,
    the key file's cryptography) load when it is first called: after the sign-in window is
    shown, on the sign-in's worker thread (or already by :func:`preload`)."""
    wait_for_preload()
    from models.storage.store import open_database as opening

    return opening(db_path, username, password, **options)


def default_database_path() -> Path:
    folder = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    )
    return folder / "suoja.db"


def resolve_target(db_url: str | None, db_path: Path | None,
                   preferences: Preferences) -> Target:
    """The database to open: ``--db-url``, ``--db``, the configured server, the default file.

    Raises:
        UsageError: ``--db-url`` is not a password-free PostgreSQL URL.
    """
    if db_url:
        return parse_server_url(db_url)
    if db_path is not None:
        return db_path
    return preferences.server_url or default_database_path()


def show_problem(message: str) -> None:
    """One plain sentence in a message box (tests replace this)."""
    QMessageBox.critical(None, QApplication.translate("app", "Suoja"), message)


def tell_schema_upgrade(notice: str) -> None:
    """Say that this sign-in upgraded the database's schema, and where the copy from before
    it is (tests replace this)."""
    box = QMessageBox(QMessageBox.Icon.Information,
                      QApplication.translate("app", "Suoja — database upgraded"), notice,
                      QMessageBox.StandardButton.Ok)
    box.setObjectName("schemaUpgraded")
    box.exec()


def probe_server(target: ServerUrl) -> tuple[ServerUrl, bool] | int:
    """Look at the server: (the target, whether it already holds Suoja), or an exit code.

    With psycopg alone (:func:`~models.storage.server_url.holds_suoja`): SQLAlchemy and
    the entities load after the sign-in window is shown, as for a file.

    If the server asks for its own password, the person is asked (and asked again if the
    server refuses it); the password stays in the returned target, in memory only.
    Cancelled: 0. Unreachable, refused or unreadable: the reason is shown, then 4.
    """
    asked = False
    while True:
        try:
            return target, holds_suoja(target)
        except (ServerPasswordNeeded, AuthenticationError) as error:
            if not isinstance(error, ServerPasswordNeeded) and not asked:
                show_problem(str(error))
                return 4
            password = login.ask_server_password(None, target, str(error))
            if password is None:
                return 0
            target, asked = target.with_password(password), True
        except KnownError as error:
            show_problem(str(error))
            return 4
        except Exception as error:  # e.g. a TLS option libpq does not know
            show_problem(str(_server_problem(error, target)))
            return 4


def _server_problem(error: Exception, target: ServerUrl) -> KnownError:
    return from_database_error(error) or DataError(QApplication.translate(
        "app", "The database server ({server}) could not be opened ({kind}); check the "
        "database URL and its options.").format(server=target.display,
                                                kind=error_kind(error)))


def prepare_demo(
    folder: Path, progress: Callable[[int, int], None] | None = None,
) -> tuple[Path, list[tuple[str, str, str]], str]:
    """A fresh demo database with synthetic data in ``folder``.

    Returns:
        Its path, the accounts as (username, role, display name), and their password.
    """
    from models.demo.seed import DEMO_KDF, DEMO_PASSWORD, DEMO_SUPERVISOR, seed_demo
    from models.security.passwords import demo_password_allowed
    from models.storage.store import create_database

    db_path = folder / "suoja-demo.db"
    with demo_password_allowed():  # the published password: refused for any other database
        result = create_database(db_path, username=DEMO_SUPERVISOR.username,
                                 password=DEMO_PASSWORD,
                                 display_name=DEMO_SUPERVISOR.display_name, kdf=DEMO_KDF)
    try:
        summary = seed_demo(result.database, result.actor, victims=DEMO_VICTIMS, seed=1,
                            kdf=DEMO_KDF, progress=progress)
    finally:
        result.database.dispose()
    accounts = [(account.username, account.role.value, account.display_name)
                for account in (DEMO_SUPERVISOR, *summary.accounts)]
    return db_path, accounts, DEMO_PASSWORD


class _Interrupted(Exception):
    """Ctrl+C or SIGTERM arrived while the demo was being prepared (or a bug, which the
    crash dialog has told, ended it)."""


class _StopOnSignal(QObject):
    """Ctrl+C (SIGINT) or SIGTERM ends the app the orderly way, demo folder removed.

    Python runs its signal handlers only between bytecodes, and none run while Qt's event
    loop waits; the signal's wake-up byte on a socket the loop watches makes it run them.
    The handler ends every event loop (``QApplication.exit``); :func:`run_app` then
    returns 128 + the signal's number instead of carrying on.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.number: int | None = None
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._drain)
        self._previous = {number: signal.signal(number, self._arrived)
                          for number in self.SIGNALS}

    @property
    def exit_code(self) -> int | None:
        return None if self.number is None else 128 + self.number

    def _arrived(self, number: int, _frame: object) -> None:
        self.number = number
        QApplication.exit(128 + number)
        # Between a window's show() and its exec() no loop runs, and exit() is lost: the
        # next loop to start is ended too, as soon as it runs.
        QTimer.singleShot(0, functools.partial(QApplication.exit, 128 + number))

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(512)

    def restore(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


def _prepare_demo_in_view(folder: Path) -> tuple[Path, list[tuple[str, str, str]], str]:
    """:func:`prepare_demo` on a worker, with a progress window meanwhile.

    Raises:
        The worker's KnownError or OSError, if it failed so; :class:`_Interrupted` when
        a signal or a bug ended the wait (after the worker is done with the folder).
    """
    window = QProgressDialog(
        QApplication.translate("app", "Preparing the demo database with synthetic data…"),
        "", 0, DEMO_VICTIMS)
    window.setObjectName("demoProgress")
    window.setWindowTitle(QApplication.translate("app", "Suoja — demo"))
    window.setCancelButton(None)
    window.setMinimumDuration(0)
    window.setValue(0)
    from gui.shared.background import BackgroundOp, is_expected

    loop = QEventLoop()
    outcome: list[object] = []  # the result or an expected error; a bug is not kept

    def failed(error: BaseException) -> None:
        if is_expected(error):
            outcome.append(error)

    (BackgroundOp.reporting(window, lambda report: prepare_demo(folder, report))
        .progress(lambda done, _total: window.setValue(done)).always(loop.quit)
        .success(outcome.append).failure(failed).run())
    loop.exec()
    window.close()
    window.deleteLater()
    if not outcome:  # a signal (or a bug) ended the loop: let the worker finish first
        QThreadPool.globalInstance().waitForDone()
        raise _Interrupted
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result  # type: ignore[return-value]


def run_app(db_path: Path | None = None, demo: bool = False,
            db_url: str | None = None) -> int:
    app = create_application(sys.argv[:1])
    app.setApplicationName("Suoja")
    app.setOrganizationName("Suoja")
    i18n.install()  # the language main.py chose: --lang, SUOJA_LANG or the system's
    apply_style(app)
    install_excepthook()
    script = os.environ.get(ui_script.VARIABLE)
    if script:
        ui_script.start(app, Path(script))
    try:  # the organisation's policy is never ignored: an unusable file stops the start
        deployment.current()
    except KnownError as error:
        show_problem(str(error))
        return error.exit_code

    stop = _StopOnSignal(app)
    demo_dir: tempfile.TemporaryDirectory[str] | None = None
    try:
        accounts: list[tuple[str, str, str]] = []
        demo_password = ""
        preferences = Preferences()
        target: Target
        if demo:
            demo_dir = tempfile.TemporaryDirectory(prefix="suoja-demo-")
            try:
                target, accounts, demo_password = _prepare_demo_in_view(Path(demo_dir.name))
            except _Interrupted:
                return stop.exit_code or 1
            except KnownError as error:
                show_problem(str(error))
                return error.exit_code
        else:
            try:
                target = resolve_target(db_url, db_path, preferences)
            except KnownError as error:
                show_problem(str(error))
                return error.exit_code
        return _run_sessions(app, target, accounts, demo_password, demo=demo,
                             preferences=preferences, stop=stop)
    finally:
        stop.restore()
        # Every way out, failures included: the demo database lives only this long.
        if demo_dir is not None:
            demo_dir.cleanup()


def _run_sessions(
    app: QApplication, target: Target, accounts: Sequence[tuple[str, ...]],
    demo_password: str, *, demo: bool, preferences: Preferences, stop: _StopOnSignal,
) -> int:
    """Sign-in (or first-run setup) and the main window, again after each sign-out.

    Returns:
        The exit code: the event loop's when the window was closed, else ``_start``'s;
        128 + the signal's number after Ctrl+C or SIGTERM.
    """
    signed_in_before = False
    while True:
        window = _start(target, list(accounts), demo_password, automatic_backups=not demo,
                        preferences=preferences, discard_on_quit=demo)
        if isinstance(window, int):
            if stop.exit_code is not None:
                return stop.exit_code
            # Cancelling the sign-in after a sign-out ends the demo: say what is lost.
            if window == 0 and demo and signed_in_before:
                from gui.window.main_window import confirm_discard_demo

                if not confirm_discard_demo(None):
                    continue
            return window
        signed_in_before = True
        code = stop.exit_code
        if code is None:
            window.show()
            code = app.exec()
        signed_out = window.signed_out
        target = _next_target(window.session.db_path)
        _dispose_window(window, closing_backup=stop.exit_code is None)
        if stop.exit_code is not None:
            return stop.exit_code
        if not signed_out:
            return code


def _next_target(used: Target) -> Target:
    """Where the next sign-in goes: where this one went (e.g. a restored copy or the
    place the first-run setup chose), without a server password typed for this session."""
    return ServerUrl(used.url) if isinstance(used, ServerUrl) else used


def _dispose_window(window: MainWindow, *, closing_backup: bool = True) -> None:
    """Close the session's database and destroy the window and all it showed."""
    from models.storage.anchoring import take_anchor

    if window.automatic_backups and closing_backup:
        window.auto_backup.run_on_close(None)
    if not window.session.is_locked:  # quitting while signed in: a sign-out, anchored
        take_anchor(window.session.services.database)
    # After an unlock the open database is a new one: the session knows which.
    window.session.close()
    # A worker may still be reporting to the window (e.g. the daily backup, which the
    # lock before a sign-out cut short): let it, while the window still exists.
    QThreadPool.globalInstance().waitForDone()
    QApplication.sendPostedEvents()
    window.deleteLater()
    # No event loop runs now: delete it here, before anyone else signs in.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _start(
    db_path: Target, accounts: Sequence[tuple[str, ...]], demo_password: str,
    automatic_backups: bool = True, preferences: Preferences | None = None,
    discard_on_quit: bool = False,
) -> MainWindow | int:
    """First-run setup or sign-in, then the main window; or the exit code (cancelled: 0).

    A function of its own so that nothing but the window's session keeps the opened
    database once this returns: the idle lock must be able to let go of it.

    On a server there are no automatic backups (the server is backed up with pg_dump),
    and a server signed in to or created by the setup is remembered in the configuration.
    """
    preferences = preferences if preferences is not None else Preferences()
    target: Target = db_path
    if isinstance(target, ServerUrl):
        automatic_backups = False
        probed = probe_server(target)
        if isinstance(probed, int):
            return probed
        target, initialised = probed
        needs_setup = not initialised
    else:
        needs_setup = not target.exists()
    if needs_setup:
        setup = SetupDialog(target)
        if setup.exec() != QDialog.DialogCode.Accepted or setup.result_value is None:
            return 0
        (database, actor), setup.result_value = setup.result_value, None
        if isinstance(setup.created_target, ServerUrl):
            automatic_backups = False
            preferences.server_url = setup.created_target  # the URL only, no password
        setup.deleteLater()
    else:
        dialog = LoginDialog(target, open_database, accounts, demo_password,
                             organisation=deployment.current().text("name"))
        QTimer.singleShot(PRELOAD_DELAY_MS, preload)  # runs once the window is shown
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_value is None:
            return 0
        (database, actor), dialog.result_value = dialog.result_value, None
        dialog.deleteLater()
        if database.schema_upgrade is not None:
            tell_schema_upgrade(database.schema_upgrade.notice())
        if isinstance(target, ServerUrl):
            # Signed in to a server (e.g. started once with --db-url): the next start
            # goes there too. The URL only; a server password is never kept.
            preferences.server_url = ServerUrl(target.url)
    # The window speaks the account's language (unless --lang or SUOJA_LANG chose one).
    i18n.switch_after_sign_in(actor.language)
    # Loaded only now, once someone has signed in: the sign-in window shows without them.
    wait_for_preload()
    from gui.window.main_window import MainWindow
    from models import services as services_module

    try:
        # The window signs the same user in again after an idle lock: the path and the
        # username come with the services, ``open_database`` does the rest.
        return MainWindow(
            services_module.build(database, actor), opener=open_database,
            idle_lock_minutes=Preferences().idle_lock_minutes,
            automatic_backups=automatic_backups, window_state=WindowState(),
            discard_on_quit=discard_on_quit,
        )
    except KnownError as error:
        show_problem(str(error))
        database.dispose()
        return 4
