"""The organisation's settings: what every workstation and every PDF shares.

Anyone signed in reads them (every export prints the classification line); only an
administrator or a supervisor changes them, and each change is audited (which settings
changed, never their text).
"""

from __future__ import annotations

from dataclasses import asdict, fields

from sqlalchemy import select

from models.domain.changes import ChangeKind
from models.domain.dto import OrganisationSettings
from models.domain.entities import OrganisationSetting
from models.domain.enums import AuditAction
from models.domain.i18n import gettext as _
from models.domain.validation import validate_text
from models.security.permissions import Operation
from models.services._base import Service

#: The longest text each setting takes (a line; a few lines; a short paragraph).
MAX_LENGTHS = {"classification_line": 200, "help_lines": 1000, "data_requests": 500,
               "police_contact": 500}


class OrganisationService(Service):
    def settings(self) -> OrganisationSettings:
        """The settings as saved (defaults where nothing is)."""
        with self._db.reading() as db_session:
            saved = dict(db_session.execute(
                select(OrganisationSetting.key, OrganisationSetting.value)).all())
        return OrganisationSettings(**{f.name: saved.get(f.name, "")
                                       for f in fields(OrganisationSettings)})

    def update(self, settings: OrganisationSettings) -> OrganisationSettings:
        """Save ``settings`` for every workstation.

        Raises:
            PermissionDenied: not an administrator or a supervisor.
            ValidationError: a text is too long or holds control characters.
        """
        self._require(Operation.MANAGE_ORGANISATION)
        names = {"classification_line": _("Classification line"),
                 "help_lines": _("Help lines"), "data_requests": _("Data requests"),
                 "police_contact": _("Contact for the police")}
        values = {
            key: validate_text(value, field=names[key], max_length=MAX_LENGTHS[key],
                               required=False)
            for key, value in asdict(settings).items()
        }
        if "\n" in values["classification_line"]:
            values["classification_line"] = " ".join(values["classification_line"].split())
        with self._db.writing() as db_session:
            current = {row.key: row for row in db_session.scalars(select(OrganisationSetting))}
            changed = []
            for key, value in values.items():
                row = current.get(key)
                if (row.value if row is not None else "") == value:
                    continue
                if row is None:
                    db_session.add(OrganisationSetting(key=key, value=value))
                else:
                    row.value = value
                changed.append(key)
            if changed:
                self._audit(db_session, AuditAction.UPDATE, "organisation",
                            detail="changed " + ",".join(changed))
        if changed:
            self._changes.announce(ChangeKind.USER, [])
        return OrganisationSettings(**values)
