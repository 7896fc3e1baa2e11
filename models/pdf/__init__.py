"""PDF rendering of what Suoja lets out: case summaries and the caseload report.

The modules here only turn plain data objects (:mod:`models.pdf.data`) into PDF bytes;
they never open the database. :class:`models.services.exports.ExportService` loads the
data through the service layer (access checks and audit events included) and hands it
over. That split lets the batch exporter render in worker processes that never see the
data key.

* :mod:`~models.pdf.layout` — fonts, styles, the page frame ("CONFIDENTIAL", who
  exported when, page X of Y), metadata and optional AES-256 encryption;
* :mod:`~models.pdf.case_summary` — the police and care profiles of one case;
* :mod:`~models.pdf.caseload` — the supervisors' caseload report with charts;
* :mod:`~models.pdf.batch` — one PDF per case into a folder, on both cores, cancelable.
"""

from __future__ import annotations

from models.pdf.data import CaseloadReport, CaseSummary, ExportStamp, Profile

__all__ = ["CaseSummary", "CaseloadReport", "ExportStamp", "Profile"]
