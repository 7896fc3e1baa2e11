"""The organisation's settings: what every workstation and every PDF shares.

Anyone signed in reads them (every export prints the classification line); only an
administrator or a supervisor changes them, and each change is audited (which settings
changed, never their text).

The organisation's deployment file (:mod:`models.domain.deployment`) has the last word:
an enforced setting is the file's, whatever is saved, and a change of it is refused (not
audited: nothing changed); a default of the file stands in where nothing is saved (an
empty text, as for the letters' own defaults).
"""

from __future__ import annotations

from dataclasses import asdict, fields

from sqlalchemy import select

from models.domain import deployment
from models.domain.changes import ChangeKind
from models.domain.deployment import ORGANISATION_TEXT_LIMITS, Deployment
from models.domain.dto import OrganisationSettings
from models.domain.entities import OrganisationSetting
from models.domain.enums import AuditAction
from models.domain.i18n import gettext as _
from models.domain.validation import validate_text
from models.security.permissions import Operation
from models.services._base import Service

#: The longest text each setting takes (a name; a line; a few lines; a short paragraph).
MAX_LENGTHS = ORGANISATION_TEXT_LIMITS


class OrganisationService(Service):
    def settings(self) -> OrganisationSettings:
        """The settings in force: the deployment file's where it enforces them, else as
        saved, else the file's defaults (else empty: the letters' own defaults)."""
        deployed = deployment.current()
        saved = self._saved()
        return OrganisationSettings(**{
            key: deployed.text(key) if deployed.enforces(key)
            else saved.get(key, "") or deployed.text(key)
            for key in _KEYS})

    def for_editing(self) -> OrganisationSettings:
        """What an editor starts from: the settings as saved, the enforced ones as the
        deployment file has them (:meth:`update` leaves those as they are)."""
        deployed = deployment.current()
        saved = self._saved()
        return OrganisationSettings(**{
            key: deployed.text(key) if deployed.enforces(key) else saved.get(key, "")
            for key in _KEYS})

    def deployment(self) -> Deployment:
        """The organisation's deployment file as this workstation read it."""
        return deployment.current()

    def _saved(self) -> dict[str, str]:
        with self._db.reading() as db_session:
            return dict(db_session.execute(
                select(OrganisationSetting.key, OrganisationSetting.value)).all())

    def update(self, settings: OrganisationSettings) -> OrganisationSettings:
        """Save ``settings`` for every workstation (from :meth:`for_editing`'s values).

        Returns:
            The settings in force afterwards.

        Raises:
            PermissionDenied: not an administrator or a supervisor.
            ValidationError: a text is too long or holds control characters, or differs
                from a value the deployment file enforces (then nothing is saved).
        """
        self._require(Operation.MANAGE_ORGANISATION)
        names = {"name": _("Name of the organisation"),
                 "classification_line": _("Classification line"),
                 "help_lines": _("Help lines"), "data_requests": _("Data requests"),
                 "police_contact": _("Contact for the police")}
        values = {
            key: validate_text(value, field=names[key], max_length=MAX_LENGTHS[key],
                               required=False)
            for key, value in asdict(settings).items()
        }
        for key in ("name", "classification_line"):
            if "\n" in values[key]:
                values[key] = " ".join(values[key].split())
        deployed = deployment.current()
        for key in [key for key in values if deployed.enforces(key)]:
            if values.pop(key) != deployed.text(key):
                raise deployed.refusal(names[key])
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
        return self.settings()


_KEYS = [f.name for f in fields(OrganisationSettings)]
