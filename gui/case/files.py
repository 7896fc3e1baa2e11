"""A case's files: evidence added from disk, and stored files opened with the desktop's
program, each on a worker (:class:`CaseFiles`).

A stored file opens through a private temporary copy (:class:`PrivateFiles`: a 0700 folder,
0600 files), deleted when the case view closes or the app locks. Tests replace
:func:`choose_files` and :func:`open_url`.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from gui.shared import errors
from gui.shared.background import BackgroundOp, Generation
from gui.shared.labels import plural
from gui.shared.session import Session
from models.domain.dto import AttachmentInfo
from models.domain.entities import MAX_ATTACHMENT_BYTES
from models.domain.errors import KnownError
from models.domain.private_files import create_private, private_folder

log = logging.getLogger("suoja.gui.case_files")

T = TypeVar("T")


def choose_files(parent: QWidget) -> list[Path]:
    """Ask for evidence files."""
    names, _filter = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("CaseFiles", "Add evidence files"), "",
        QCoreApplication.translate(
            "CaseFiles", "Evidence (*.png *.jpg *.jpeg *.gif *.pdf *.eml *.msg *.txt *.html "
            "*.htm);;All files (*)"),
    )
    return [Path(name) for name in names]


def open_url(url: QUrl) -> bool:
    """Open a file with the desktop's program for it."""
    return QDesktopServices.openUrl(url)


class PrivateFiles:
    """A private temporary folder (0700, files 0600) for attachments opened from a view.

    Everything in it is deleted when the view closes or the app locks. Written from worker
    threads, hence the lock.
    """

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._lock = threading.Lock()
        self._closed = False

    @property
    def folder(self) -> Path | None:
        return self._folder

    def write(self, attachment_id: int, filename: str, content: bytes) -> Path:
        """Write ``content`` as ``filename`` (made safe) in the private folder.

        Raises:
            RuntimeError: the view has closed meanwhile (nothing is written).
        """
        with self._lock:
            if self._closed:
                raise RuntimeError("the case view has closed")
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="suoja-open-"))  # mode 0700
            folder = private_folder(self._folder / str(attachment_id))
            path = folder / safe_filename(filename)
            path.unlink(missing_ok=True)  # an earlier copy (a link counts: not followed)
            with os.fdopen(create_private(path), "wb") as handle:
                handle.write(content)
            return path

    def remove_all(self) -> None:
        """Delete the folder and everything in it; later writes are refused."""
        with self._lock:
            self._closed = True
            folder, self._folder = self._folder, None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def safe_filename(name: str) -> str:
    """A file name that is safe to create in a folder (no paths, no odd characters)."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ()]", "_", base).strip(" .")
    return base[:120] or "attachment"


class CaseFiles(QObject):
    """Adds files to one case and opens its stored ones, each on a worker.

    Args:
        view: the case view: it shows the messages, and work is dropped with it.
        session: the signed-in session; work started before a lock is dropped.
        case_id: the case the files belong to.
        opener: opens a file URL with the desktop's program (tests pass a stand-in).
    """

    #: What is going on (for the view's status line) and how many tasks still run.
    progress = Signal(str, int)

    def __init__(self, view: QWidget, session: Session, case_id: int,
                 opener: Callable[[QUrl], bool] | None = None) -> None:
        super().__init__(view)
        self._view = view
        self._session = session
        self._case_id = case_id
        self.opener: Callable[[QUrl], bool] = opener or open_url
        self.private = PrivateFiles()
        self._tasks = 0
        #: Adding and opening files run side by side; dropping them all drops every one.
        self._generation = Generation(newest_only=False)
        self._dropped = False

    @property
    def folder(self) -> Path | None:
        """Where opened attachments are written (``None`` before the first one)."""
        return self.private.folder

    @property
    def busy_tasks(self) -> int:
        """How many background tasks (adding or opening files) are running."""
        return self._tasks

    def add(self, paths: Sequence[Path], extortion_contact_id: int | None = None) -> None:
        """Add files as evidence, on a worker; refuse what is too big with a clear message."""
        if self._dropped or self._session.is_locked:
            return
        files = [Path(p) for p in paths if Path(p).is_file()]
        if len(files) < len(paths):
            errors.show_error(self._view, KnownError(self.tr(
                "Only files can be added; folders and files that no longer exist were left "
                "out.")))
        too_big = [p for p in files if p.stat().st_size > MAX_ATTACHMENT_BYTES]
        if too_big:
            errors.show_error(self._view, KnownError(plural(
                len(too_big),
                self.tr("{n} file is larger than the {limit} MB limit and was not added. "
                        "Attach a smaller copy instead, such as a screenshot or a PDF of the "
                        "page."),
                self.tr("{n} files are larger than the {limit} MB limit and were not added. "
                        "Attach a smaller copy instead, such as a screenshot or a PDF of the "
                        "page."),
                limit=MAX_ATTACHMENT_BYTES // (1024 * 1024))))
        files = [p for p in files if p not in too_big]
        if not files:
            return
        services = self._session.services
        case_id = self._case_id

        def work() -> int:
            for path in files:
                content = path.read_bytes()
                services.records.add_attachment(case_id, path.name, content, None,
                                                extortion_contact_id)
            return len(files)

        def done(count: int) -> None:
            self._finish_task(
                plural(count, self.tr("Added {n} file."), self.tr("Added {n} files.")))

        self._start_task(
            plural(len(files), self.tr("Adding {n} file…"), self.tr("Adding {n} files…")))
        self._background(work).success(done).run()

    def open(self, attachment: AttachmentInfo) -> None:
        """Open a stored file with the desktop's program, via a private temporary copy."""
        if self._dropped or self._session.is_locked:
            return
        services = self._session.services
        private = self.private

        def work() -> Path:
            content = services.records.attachment_content(attachment.id)
            return private.write(attachment.id, attachment.filename, content)

        def done(path: Path) -> None:
            self._finish_task(self.tr("Opened {name}.").format(name=attachment.filename))
            if not self.opener(QUrl.fromLocalFile(str(path))):
                errors.show_error(self._view, KnownError(
                    self.tr("No program on this computer opens this kind of file.")))

        self._start_task(self.tr("Opening {name}…").format(name=attachment.filename))
        # Written after the view was wiped, the copy is deleted at once.
        self._background(work).success(done).dropped(lambda _path: private.remove_all()).run()

    def drop(self) -> None:
        """Forget the running work and delete the private copies (the view closes or locks)."""
        self._dropped = True
        self._generation.drop_running()
        self.private.remove_all()

    def _background(self, work: Callable[[], T]) -> BackgroundOp[T]:
        """An op for the view: dropped once it is wiped (closed, locked) or deleted."""
        return BackgroundOp(self._view, work, session=self._session,
                            generation=self._generation).failure(self._task_failed)

    def _start_task(self, text: str) -> None:
        self._tasks += 1
        self.progress.emit(text, self._tasks)

    def _finish_task(self, text: str) -> None:
        self._tasks = max(self._tasks - 1, 0)
        self.progress.emit(text, self._tasks)

    def _task_failed(self, error: BaseException) -> None:
        self._finish_task("")
        if isinstance(error, KnownError):
            errors.show_error(self._view, error)
        elif isinstance(error, OSError):
            errors.show_error(self._view, KnownError(
                self.tr("The file could not be read or written; check that it still exists "
                        "and that you may open it.")))
        else:  # a bug: the crash dialog tells it
            log.error("attachment task failed: %s", type(error).__name__)
