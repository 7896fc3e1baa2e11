"""Finnish police report numbers (``5500/R/12345/20``)."""

from __future__ import annotations

import re

from models.domain.errors import ValidationError
from models.domain.i18n import N_
from models.domain.i18n import gettext as _
from models.domain.validation._common import REQUIRED, field_name, require_str

#: ``DDDD/R/N/YY``: department, the letter R (rikosilmoitus), running number, year.
_POLICE_REPORT = re.compile(
    r"(?P<department>[0-9]{4})/[Rr]/(?P<number>[0-9]{1,8})/(?P<year>[0-9]{2})"
)


def validate_police_report_number(value: str, *,
                                  field: str = N_("Police report number")) -> str:
    """Check a Finnish police report number such as ``5500/R/12345/20``.

    Args:
        value: the number as typed; surrounding whitespace is ignored and a lower-case
            ``r`` accepted.
        field: the field name used in the error message.

    Returns:
        The number with an upper-case ``R``. The running number is kept as typed,
        including any leading zeros.

    Raises:
        ValidationError: the number is empty, not of the form ``DDDD/R/N/YY`` (1–8 digit
            running number), or its running number is zero.
    """
    text = require_str(value).strip()
    field = field_name(field)
    if not text:
        raise ValidationError(field, _(REQUIRED))
    match = _POLICE_REPORT.fullmatch(text)
    if match is None:
        raise ValidationError(field, _("must look like 5500/R/12345/20"))
    if int(match["number"]) == 0:
        raise ValidationError(field, _("running number must not be zero"))
    return f"{match['department']}/R/{match['number']}/{match['year']}"
