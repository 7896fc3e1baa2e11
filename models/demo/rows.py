"""What the parts of the demo generator share: the rows of one slice of victims, the
victim and case the later parts draw on, and the state every part draws with.

Rows are plain dicts with their primary keys given here, so a slice is written with one
Core ``INSERT`` executemany per table.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table

from models.demo.draw import Pick
from models.domain.entities import (
    Attachment,
    Case,
    ExtortionContact,
    FollowUp,
    IdentityCodeRecord,
    PoliceReport,
    ProtectiveAction,
    SupportSession,
    Victim,
    victim_breach,
)

Row = dict[str, Any]

#: The tables whose ids the generator counts, one counter each for the whole run.
COUNTED_IDS = ("identity_code", "contact", "report", "session", "follow_up", "action", "attachment")


def table_of(entity: type[Any]) -> Table:
    table = entity.__table__
    assert isinstance(table, Table)
    return table


@dataclass
class Staff:
    """The demo accounts' ids cases and follow-ups are given to."""

    liaisons: list[int]
    counsellor_pick: Pick[int]


@dataclass
class Batch:
    """Rows for one slice of victims, in the order the foreign keys need."""

    victims: list[Row] = field(default_factory=list)
    victim_breaches: list[Row] = field(default_factory=list)
    identity_codes: list[Row] = field(default_factory=list)
    cases: list[Row] = field(default_factory=list)
    contacts: list[Row] = field(default_factory=list)
    reports: list[Row] = field(default_factory=list)
    sessions: list[Row] = field(default_factory=list)
    follow_ups: list[Row] = field(default_factory=list)
    actions: list[Row] = field(default_factory=list)
    attachments: list[Row] = field(default_factory=list)

    def tables(self) -> list[tuple[Table, list[Row]]]:
        return [
            (table_of(Victim), self.victims),
            (victim_breach, self.victim_breaches),
            (table_of(IdentityCodeRecord), self.identity_codes),
            (table_of(Case), self.cases),
            (table_of(ExtortionContact), self.contacts),
            (table_of(PoliceReport), self.reports),
            (table_of(FollowUp), self.follow_ups),  # before the sessions that plan them
            (table_of(SupportSession), self.sessions),
            (table_of(ProtectiveAction), self.actions),
            (table_of(Attachment), self.attachments),
        ]


@dataclass(frozen=True, slots=True)
class VictimCase:
    """One victim and their case as :mod:`models.demo.people` drew them: what the
    extortion contacts and the case work are drawn around."""

    case_id: int
    victim_id: int
    first_names: str
    language: str
    email: str | None
    has_identity_code: bool
    #: The day a granted identity-code change took effect, if one did.
    code_changed_on: dt.date | None
    opened: dt.date
    opened_at: dt.datetime
    status: str
    closed: bool
    #: The day the case closed, or today.
    end: dt.date
    counsellor: int | None


class Part:
    """A part of the generator. Every part draws from the same ``random.Random`` in turn
    (the order of the draws is the data: same seed, same rows), relative to the same
    ``today``, and counts ids in the same ``ids``."""

    def __init__(
        self, rng: random.Random, today: dt.date, staff: Staff, ids: dict[str, int]
    ) -> None:
        self.rng = rng
        self.today = today
        self.staff = staff
        self.ids = ids
