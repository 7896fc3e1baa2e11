"""Every file and folder Suoja writes: created new, owner-only, never through a link.

What Suoja writes holds personal data (PDF exports, backups, the audit CSV) or keys and
counters. A folder more than one person may write to (a shared drive, ``/tmp``, a team
folder) lets another staff member plant a name before Suoja writes there: a link to a place
they can read, or a world-writable file they keep open. So, here and nowhere else:

* A file is always *created*, never reopened: ``O_CREAT | O_EXCL`` (which also refuses a
  link at that name, dangling or not) and ``O_NOFOLLOW``, mode exactly 0600 whatever the
  umask. A name in the way is refused with one sentence (:class:`FileInTheWay`), never
  written through, and never removed (it is the owner's, or evidence).
* A whole file (:func:`atomic_write`, :func:`write_private`) is written under a fresh,
  unguessable name beside its target (``<name>.<random>.part``), so a planted
  ``<name>.part`` receives nothing; it is flushed to disk, checked to be still the file
  that was written (not swapped meanwhile), and renamed over the target. A rename replaces
  a link planted at the target with the new file and never writes through it; whatever the
  link pointed to is left as it was. A failure or an interruption removes the temporary
  file, so no half-written file ever carries the final name.
* Suoja's own folders (:func:`private_folder`: ``backups/``, the audit anchors' folder, the
  settings' folder) are created 0700, missing parents too; an existing one must be a real
  folder of the user's own (not a link) and is narrowed to 0700. Folders a person chose
  (:func:`new_folders`: an export's folder) are created 0700 where missing and otherwise
  used as they are.

Windows has no ``O_NOFOLLOW`` and no POSIX modes: there ``O_EXCL`` (``CREATE_NEW``, which
a link at the name also fails) and the profile's ACLs do the work; the flags are looked up
with ``getattr`` so the same code runs.

Suoja's layers put this module in ``domain``: storage, security and pdf all write files,
and ``domain`` is the one layer all three may import.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from models.domain.errors import DataError
from models.domain.i18n import gettext as _

FILE_MODE = 0o600
FOLDER_MODE = 0o700

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_COMMON = _NOFOLLOW | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
#: A new file only: never one that exists, never through a link.
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _COMMON
#: A lock file is reused between runs, so it may exist; a link is still refused.
_LOCK = os.O_RDWR | os.O_CREAT | _COMMON
#: Longest target name kept in a temporary name (file systems allow 255 bytes).
_NAME_KEPT = 180
_TEMP_ATTEMPTS = 100


class FileInTheWay(DataError):
    """A name Suoja was to create is taken (a file, a link, another user's folder):
    nothing was written there, and what is there was left as it was."""


def _in_the_way(path: Path) -> FileInTheWay:
    return FileInTheWay(_(
        "{name} already exists or is a link; Suoja writes only new files of its own, so "
        "nothing was written there.").format(name=path.name))


def _not_own_file(path: Path) -> FileInTheWay:
    return FileInTheWay(_(
        "{name} is a link, a folder or another user's file; Suoja does not use it, so "
        "nothing was written there.").format(name=path.name))


def _not_own_folder(path: Path) -> FileInTheWay:
    return FileInTheWay(_(
        "{name} is not a folder of your own (it is a link, a file or another user's); "
        "Suoja keeps its files only in a folder of your own.").format(name=path.name))


def _is_link_refusal(error: OSError) -> bool:
    """``O_NOFOLLOW`` met a link: Linux says ELOOP, the BSDs EMLINK or EFTYPE."""
    return error.errno in (errno.ELOOP, errno.EMLINK, getattr(errno, "EFTYPE", -1))


def _exact_mode(fd: int, mode: int) -> None:
    """The umask only takes bits away; make the mode exactly ``mode`` (where POSIX)."""
    if hasattr(os, "fchmod") and stat.S_IMODE(os.fstat(fd).st_mode) != mode:
        os.fchmod(fd, mode)


# -- files ---------------------------------------------------------------------------


def create_private(path: Path) -> int:
    """Create the new file ``path`` (0600) and return its descriptor, open for writing.

    Raises:
        FileInTheWay: something (a file, a link, a folder) already has that name.
        OSError: the folder is missing or not writable, the disk is full, …
    """
    try:
        fd = os.open(path, _CREATE, FILE_MODE)
    except FileExistsError:
        raise _in_the_way(Path(path)) from None
    except OSError as error:
        if _is_link_refusal(error):
            raise _in_the_way(Path(path)) from None
        raise
    try:
        _exact_mode(fd, FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    return fd


def create_fresh(folder: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """Create a new file (0600) in ``folder`` named ``<prefix><random><suffix>``, a name
    nobody could plant first; return its descriptor (open for writing) and its path.

    Raises:
        FileInTheWay: every one of many random names was taken (someone is flooding).
    """
    for _attempt in range(_TEMP_ATTEMPTS):
        path = Path(folder) / f"{prefix}{secrets.token_hex(6)}{suffix}"
        try:
            return create_private(path), path
        except FileInTheWay:
            continue  # someone took that name: take another one, never theirs
    raise _in_the_way(Path(folder) / f"{prefix}{suffix}")


def _fresh_temporary(target: Path) -> tuple[int, Path]:
    """A new, owner-only file beside ``target``: ``<name>.<random>.part``."""
    return create_fresh(target.parent, f"{target.name[:_NAME_KEPT]}.", ".part")


@contextlib.contextmanager
def atomic_write(target: Path, *, text: bool = False, encoding: str = "utf-8",
                 newline: str | None = None) -> Iterator[IO[Any]]:
    """Yield a handle whose content replaces ``target`` (0600) once the block ends whole.

    The handle writes a fresh temporary file beside ``target``; at the end of the block it
    is flushed to disk and renamed over ``target`` (over a link there too, never through
    it). If the block raises, the temporary file is removed and ``target`` is unchanged.

    Raises:
        FileInTheWay: the temporary file was replaced while it was written.
        OSError: as :func:`create_private`, and the rename (e.g. ``target`` is a folder).
    """
    target = Path(target)
    fd, temporary = _fresh_temporary(target)
    try:
        handle: IO[Any]
        if text:
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        else:
            handle = os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        _discard(temporary)
        raise
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            _still_the_file_written(handle.fileno(), temporary)
        os.replace(temporary, target)
    except BaseException:
        _discard(temporary)
        raise
    fsync_folder(target.parent)


def write_private(target: Path, data: bytes) -> None:
    """Write ``data`` as ``target`` (0600), whole or not at all (see :func:`atomic_write`)."""
    with atomic_write(target) as handle:
        handle.write(data)


def _still_the_file_written(fd: int, temporary: Path) -> None:
    """Refuse to rename a temporary file someone swapped for their own meanwhile."""
    written = os.fstat(fd)
    try:
        named = os.lstat(temporary)
    except FileNotFoundError:
        raise _in_the_way(temporary) from None
    if (named.st_dev, named.st_ino) != (written.st_dev, written.st_ino):
        raise _in_the_way(temporary)


def _discard(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def open_lock_file(path: Path) -> int:
    """Open (creating it 0600 if missing) a lock file that lives on between runs.

    A lock file holds nothing, but it must not be a link (opening one would touch the
    file it points to) or another user's file.

    Raises:
        FileInTheWay: ``path`` is a link, not a regular file, or not the user's own.
    """
    try:
        fd = os.open(path, _LOCK, FILE_MODE)
    except OSError as error:
        if _is_link_refusal(error) or error.errno == errno.EISDIR:
            raise _not_own_file(Path(path)) from None
        raise
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode) or not _own(found):
            raise _not_own_file(Path(path))
        _exact_mode(fd, FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    return fd


def ensure_private_file(path: Path) -> Path:
    """Make sure ``path`` is an owner-only file for another program to write in place
    (Qt's settings keep an existing file's mode): created empty (0600) if missing, else
    checked to be a regular file of the user's own, not a link, and narrowed to 0600.

    Raises:
        FileInTheWay: ``path`` is a link, not a regular file, or another user's.
    """
    path = Path(path)
    if not os.path.lexists(path):
        try:
            os.close(create_private(path))
            return path
        except FileInTheWay:
            pass  # made meanwhile: checked as an existing one
    found = os.lstat(path)
    if not stat.S_ISREG(found.st_mode) or not _own(found):
        raise _not_own_file(path)
    if os.name == "posix" and stat.S_IMODE(found.st_mode) != FILE_MODE:
        os.chmod(path, FILE_MODE)
    return path


def refuse_links(*paths: Path) -> None:
    """Refuse names that are links where a program other than Suoja will create or open a
    file (SQLite's ``-wal`` and ``-shm`` beside a database): it would follow them.

    Raises:
        FileInTheWay: one of ``paths`` is a link (left as found).
    """
    for path in paths:
        if os.path.islink(path):
            raise _not_own_file(Path(path))


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no folder handles to flush)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- folders -------------------------------------------------------------------------


def _own(found: os.stat_result) -> bool:
    return not hasattr(os, "geteuid") or found.st_uid == os.geteuid()


def new_folders(path: Path) -> Path:
    """Create ``path`` and any missing parents 0700; an existing folder is used as it is
    (a folder a person chose, e.g. for a batch of PDFs).

    Raises:
        OSError: a parent is not writable, or a file has that name.
    """
    path = Path(path)
    missing: list[Path] = []
    probe = path
    while not os.path.lexists(probe) and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, FOLDER_MODE)
        except FileExistsError:
            continue  # made meanwhile by someone else: not ours to narrow
        if hasattr(os, "geteuid") and stat.S_IMODE(os.lstat(folder).st_mode) != FOLDER_MODE:
            os.chmod(folder, FOLDER_MODE)  # a umask that took the owner's bits
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    return path


def private_folder(path: Path) -> Path:
    """A folder of Suoja's own: created 0700 (missing parents too), or checked to be a
    real folder (not a link) of the user's own and narrowed to 0700.

    Raises:
        FileInTheWay: ``path`` is a link, a file, or another user's folder.
        OSError: a parent is not writable.
    """
    path = Path(path)
    if not os.path.lexists(path):
        new_folders(path)
    found = os.lstat(path)
    if not stat.S_ISDIR(found.st_mode) or not _own(found):
        raise _not_own_folder(path)
    if os.name == "posix" and stat.S_IMODE(found.st_mode) != FOLDER_MODE:
        os.chmod(path, FOLDER_MODE)
    return path
