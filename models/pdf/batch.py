"""Batch export: one PDF per case into a folder, on both cores, with progress and cancel.

The calling thread loads each case through ``load`` (the service layer: access check,
``view`` and ``export`` audit events) and hands the plain :class:`CaseSummary` to a pool
of render processes. The workers get only that data, the export stamp and the optional
PDF password — never the database path, the user's password or the data key — and they
are started with ``spawn``, so they do not inherit the parent's memory (open database
connections, key material) either.

Every file is written under a fresh ``<name>.<random>.part`` (created new and owner-only,
never through a planted link) and renamed when whole: stopping the batch
(the ``cancel`` event, Ctrl-C, a crash) never leaves a half-written file under its final
name. The GUI drives the same function from a worker thread and shows ``progress``.

Each worker also hashes the file it wrote and counts its pages (what the batch index
lists, :mod:`models.pdf.police_exchange`), and with ``with_json`` writes the police
summary's JSON companion beside it, after the PDF: a case whose JSON cannot be written
is a failed case, and its PDF is removed again.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from models.domain import i18n
from models.domain.enums import Language
from models.domain.errors import KnownError
from models.domain.i18n import N_, gettext
from models.pdf.case_summary import protected, render_case_summary
from models.pdf.data import CaseSummary, ExportStamp, Profile
from models.pdf.layout import styles, write_atomically
from models.pdf.police_exchange import (
    WrittenFile,
    document_bytes,
    json_name,
    page_count,
    police_document,
)

log = logging.getLogger("suoja.pdf.batch")

#: Render jobs queued per worker: enough to keep the workers busy while the next case
#: loads, few enough that a cancel takes effect at once and memory stays small.
QUEUE_PER_WORKER = 2

#: Why a case was skipped when its PDF could not be made (translated where it is kept).
RENDER_FAILED = N_("the PDF could not be made (see the log)")


def summary_file_name(reference: str, profile: Profile) -> str:
    """``SUO-2020-00042-police.pdf``: the reference and the profile, nothing personal."""
    return f"{reference}-{Profile(profile).value}.pdf"


@dataclass
class BatchResult:
    """What a batch did.

    Attributes:
        total: cases asked for.
        written: files written whole, in the order they were finished.
        files: the same files with their hash, page count and index facts.
        failed: (case id, reason) of cases that were skipped; the reason is a plain
            sentence without personal data.
        cancelled: the batch stopped early because ``cancel`` was set.
        seconds: wall-clock time.
    """

    total: int
    written: list[Path] = field(default_factory=list)
    files: list[WrittenFile] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def done(self) -> int:
        return len(self.written) + len(self.failed)

    def add(self, written: WrittenFile) -> None:
        self.written.append(written.pdf)
        self.files.append(written)


def render_to_file(summary: CaseSummary, stamp: ExportStamp, target: Path,
                   password: str | None = None, with_json: bool = False) -> WrittenFile:
    """Render one summary and write it atomically, with its JSON companion if asked
    (what each worker does).

    Raises:
        ValueError: ``with_json`` for a summary that is not the police profile's.
    """
    plain = render_case_summary(summary, stamp)
    pages = page_count(plain)
    data = protected(summary, plain, password)
    companion = None
    if with_json:
        document = document_bytes(police_document(summary, stamp, target.name))
        companion = target.with_name(json_name(target.name))
    write_atomically(target, data)
    if companion is not None:
        try:
            write_atomically(companion, document)
        except BaseException:
            target.unlink(missing_ok=True)  # never a PDF the index cannot describe
            raise
    return WrittenFile(
        case_id=summary.case.id, reference=summary.reference, profile=summary.profile,
        pdf=target, sha256=hashlib.sha256(data).hexdigest(), pages=pages,
        report_numbers=tuple(r.report_number for r in summary.police_reports),
        contacts=(len(summary.extortion_contacts) if summary.profile is Profile.POLICE
                  else None),
        json=companion,
    )


def _init_worker(language: Language) -> None:
    # Ctrl-C reaches the whole process group; the parent decides how to stop, so a worker
    # finishes the file in hand instead of dying half-way.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A spawned worker starts afresh: it writes the PDFs in the parent's language.
    i18n.use(language)
    styles()  # load the fonts once per worker, before the first job


def export_batch(
    case_ids: Sequence[int],
    load: Callable[[int], CaseSummary],
    folder: Path,
    stamp: ExportStamp,
    *,
    password: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
    workers: int = 2,
    with_json: bool = False,
) -> BatchResult:
    """Export ``case_ids`` as ``<reference>-<profile>.pdf`` files into ``folder``.

    Args:
        case_ids: the cases, in the order to export them.
        load: loads one case's summary (and audits the export); a
            :class:`~models.domain.errors.KnownError` from it skips that case.
        folder: an existing folder; files of the same name are replaced.
        stamp: who exports, and when (the same on every file of the batch).
        password: encrypt every PDF with AES-256 under it.
        progress: called in the calling thread with (cases done, total).
        cancel: when set, no further case is loaded; the files in hand are finished.
        workers: render processes; ``0`` renders in the calling thread.
        with_json: write each police summary's JSON companion beside its PDF.

    Returns:
        What was written, skipped and whether the batch was cancelled.
    """
    cancel = cancel or threading.Event()
    result = BatchResult(total=len(case_ids))
    started = time.perf_counter()

    def report() -> None:
        if progress is not None:
            progress(result.done, result.total)

    try:
        if workers <= 0:
            _run_inline(case_ids, load, folder, stamp, password, cancel, result, report,
                        with_json)
        else:
            _run_pool(case_ids, load, folder, stamp, password, cancel, result, report, workers,
                      with_json)
    finally:
        result.seconds = time.perf_counter() - started
    result.cancelled = cancel.is_set() and result.done < result.total
    return result


def _load(load: Callable[[int], CaseSummary], case_id: int,
          result: BatchResult) -> CaseSummary | None:
    try:
        return load(case_id)
    except KnownError as error:
        result.failed.append((case_id, str(error)))
        return None


def _run_inline(
    case_ids: Sequence[int], load: Callable[[int], CaseSummary], folder: Path,
    stamp: ExportStamp, password: str | None, cancel: threading.Event, result: BatchResult,
    report: Callable[[], None], with_json: bool,
) -> None:
    for case_id in case_ids:
        if cancel.is_set():
            return
        summary = _load(load, case_id, result)
        if summary is not None:
            target = folder / summary_file_name(summary.reference, summary.profile)
            result.add(render_to_file(summary, stamp, target, password, with_json))
        report()


def _run_pool(
    case_ids: Sequence[int], load: Callable[[int], CaseSummary], folder: Path,
    stamp: ExportStamp, password: str | None, cancel: threading.Event, result: BatchResult,
    report: Callable[[], None], workers: int, with_json: bool,
) -> None:
    pending: dict[Future[WrittenFile], tuple[int, Path, CaseSummary]] = {}
    pool_broken = False

    def render_here(summary: CaseSummary, target: Path) -> None:
        result.add(render_to_file(summary, stamp, target, password, with_json))

    def collect(futures: set[Future[WrittenFile]]) -> None:
        nonlocal pool_broken
        for future in futures:
            case_id, target, summary = pending.pop(future)
            try:
                result.add(future.result())
            except BrokenProcessPool:
                # A worker died (killed for memory, say): finish the batch here instead.
                if not pool_broken:
                    log.warning("render workers stopped; rendering in this process")
                pool_broken = True
                render_here(summary, target)
            except Exception as error:  # noqa: BLE001 - one bad case must not stop the batch
                log.error("rendering a case failed: %s", type(error).__name__)
                result.failed.append((case_id, gettext(RENDER_FAILED)))
            report()

    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker, initargs=(i18n.current(),),
    )
    try:
        for case_id in case_ids:
            if cancel.is_set():
                break
            while len(pending) >= workers * QUEUE_PER_WORKER:
                collect(wait(pending, return_when=FIRST_COMPLETED).done)
            summary = _load(load, case_id, result)
            if summary is not None:
                target = folder / summary_file_name(summary.reference, summary.profile)
                if not pool_broken:
                    try:
                        future = pool.submit(render_to_file, summary, stamp, target, password,
                                             with_json)
                        pending[future] = (case_id, target, summary)
                        continue
                    except BrokenProcessPool:
                        log.warning("render workers stopped; rendering in this process")
                        pool_broken = True
                render_here(summary, target)
            report()
        # Cases already loaded were audited as exported: finish their files.
        while pending:
            collect(wait(pending, return_when=FIRST_COMPLETED).done)
    except BaseException:
        # Ctrl-C or a bug: drop what has not started; running jobs finish their file.
        cancel.set()
        pool.shutdown(wait=True, cancel_futures=True)
        for _case_id, target, _summary in pending.values():
            target.with_name(target.name + ".part").unlink(missing_ok=True)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
