"""A victim's rectification history (GDPR art. 16): what the edits of the victim's details
write, and the history a supervisor reads.

:class:`~models.services.cases.CaseService` calls these inside its units of work:
:func:`record_corrections` when the victim's details or identity code change (one
:class:`~models.domain.entities.VictimCorrection` row per changed field, nothing for a
field saved unchanged), :func:`correction_entries` for the history. Identity codes have
their own history, ``identity_code_record``; :func:`correction_entries` shows each code
recorded in place of another (or where there was none) as a correction of the field
:data:`~models.domain.dto.IDENTITY_CODE_FIELD`, in the same list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.domain.dto import IDENTITY_CODE_FIELD, CorrectionEntry
from models.domain.entities import (
    CorrectedField,
    IdentityCodeRecord,
    User,
    Victim,
    VictimCorrection,
)
from models.domain.validation import IdentityCode

#: The victim's columns whose changes are kept, in the order the victim's form shows them.
CORRECTED_FIELDS: tuple[str, ...] = tuple(f.value for f in CorrectedField)


def stored_text(value: Any) -> str | None:
    """A column's value as the history keeps it: dates ISO 8601, flags ``true``/``false``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def snapshot(victim: Victim) -> dict[str, str | None]:
    """The victim's corrected fields as text, to compare after an edit."""
    return {name: stored_text(getattr(victim, name)) for name in CORRECTED_FIELDS}


def record_corrections(db_session: Session, victim: Victim, before: Mapping[str, str | None],
                       user_id: int, at: dt.datetime) -> list[str]:
    """Add a row for each field whose value differs from ``before`` (a :func:`snapshot`).

    Returns:
        The codes of the fields that changed, in :data:`CORRECTED_FIELDS` order.
    """
    after = snapshot(victim)
    changed = [name for name in CORRECTED_FIELDS if after[name] != before[name]]
    db_session.add_all(
        VictimCorrection(victim_id=victim.id, field=name, previous_value=before[name],
                         new_value=after[name], changed_at=at, changed_by_id=user_id)
        for name in changed)
    return changed


def correction_entries(db_session: Session, victim_id: int, *, reveal: bool
                       ) -> tuple[CorrectionEntry, ...]:
    """Every correction of one victim, newest first; identity codes masked unless
    ``reveal`` (the caller audits the reveal)."""
    names: dict[int, str] = {
        user_id: name for user_id, name in db_session.execute(
            select(User.id, User.display_name))}
    entries: list[tuple[dt.datetime, int, int, CorrectionEntry]] = [
        (row.changed_at, 1, row.id, CorrectionEntry(
            changed_at=row.changed_at, changed_by=names.get(row.changed_by_id),
            field=row.field, previous=row.previous_value, new=row.new_value))
        for row in db_session.scalars(
            select(VictimCorrection).where(VictimCorrection.victim_id == victim_id))
    ]

    def shown(code: str | None) -> str | None:
        if code is None or reveal:
            return code
        return IdentityCode.from_stored(code).masked

    codes = db_session.scalars(
        select(IdentityCodeRecord).where(IdentityCodeRecord.victim_id == victim_id)
        .order_by(IdentityCodeRecord.valid_from, IdentityCodeRecord.id)).all()
    previous: IdentityCodeRecord | None = None
    for record in codes:
        # The first code (intake, import) is no correction; every later one is, and so
        # is a first code someone recorded where there was none.
        if previous is not None or record.changed_by_id is not None:
            entries.append((record.valid_from, 0, record.id, CorrectionEntry(
                changed_at=record.valid_from,
                changed_by=names.get(record.changed_by_id) if record.changed_by_id else None,
                field=IDENTITY_CODE_FIELD,
                previous=shown(previous.identity_code if previous else None),
                new=shown(record.identity_code), note=record.note)))
        previous = record
    # Newest first; the fields of one edit in the form's order, a new code before the
    # date of birth it brought.
    entries.sort(key=lambda entry: entry[1:3])
    entries.sort(key=lambda entry: entry[0], reverse=True)
    return tuple(entry for *_key, entry in entries)


__all__ = ["CORRECTED_FIELDS", "correction_entries", "record_corrections", "snapshot",
           "stored_text"]
