"""Reading a list of affected people from a CSV file: encoding, delimiter, columns, rules.

The breached organisation or the police may hand over thousands of names as a
spreadsheet export. This module turns the file's bytes into validated victim columns
without touching the database: :func:`read_csv` detects the encoding (UTF-8, UTF-8 with a
byte-order mark, else Windows-1252) and the delimiter (``;`` as Finnish Excel writes, or
``,``); :func:`guess_mapping` maps the header's Finnish or English names to the fields;
:func:`validate_rows` checks every row with the intake's rules
(:func:`models.services.normalise.victim_columns`).

Problems name the file line (the header is line 1), the field and the rule — never the
value, which is personal data. Writing is :class:`models.services.imports.ImportService`'s.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.domain.dto import VictimDraft
from models.domain.enums import Language
from models.domain.errors import KnownError, ValidationError
from models.domain.formatting import count_text
from models.domain.i18n import N_, ngettext
from models.domain.i18n import gettext as _
from models.domain.validation import parse_date

#: The largest file accepted (a 40,000-row list is a few megabytes).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: The most data rows one import takes.
MAX_ROWS = 200_000
#: How many lines the delimiter detection looks at.
_SNIFF_LINES = 50

#: Target field → the label used in problems and in the dialog (marked with ``N_``: show it
#: translated, ``gettext(FIELD_LABELS[field])``).
FIELD_LABELS: dict[str, str] = {
    "first_names": N_("First names"),
    "last_name": N_("Last name"),
    "identity_code": N_("Identity code"),
    "birth_date": N_("Date of birth"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "street_address": N_("Street address"),
    "postal_code": N_("Postal code"),
    "city": N_("City"),
    "language": N_("Language"),
}
REQUIRED_FIELDS = ("first_names", "last_name")

#: Header names (normalised by :func:`header_key`) that map to each field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_names": ("etunimet", "etunimi", "firstnames", "firstname", "givennames",
                    "givenname", "forenames", "forename", "förnamn"),
    "last_name": ("sukunimi", "lastname", "surname", "familyname", "efternamn"),
    "identity_code": ("henkilötunnus", "hetu", "henkilotunnus", "identitycode",
                      "personalidentitycode", "personalidentitycodehetu", "idcode",
                      "personbeteckning"),
    "birth_date": ("syntymäaika", "syntymaaika", "syntymäpäivä", "syntymapaiva", "birthdate",
                   "dateofbirth", "dob", "födelsedatum"),
    "phone": ("puhelin", "puhelinnumero", "matkapuhelin", "phone", "phonenumber", "telephone",
              "mobile", "mobilephone", "telefon"),
    "email": ("sähköposti", "sahkoposti", "sähköpostiosoite", "email", "emailaddress",
              "epost", "epost"),
    "street_address": ("osoite", "katuosoite", "lähiosoite", "lahiosoite", "streetaddress",
                       "address", "adress"),
    "postal_code": ("postinumero", "postalcode", "postcode", "zip", "zipcode",
                    "postnummer"),
    "city": ("postitoimipaikka", "kaupunki", "paikkakunta", "city", "town", "postort"),
    "language": ("kieli", "asiointikieli", "language", "preferredlanguage", "språk"),
}

_LANGUAGES: dict[str, Language] = {
    "": Language.FINNISH,
    "fi": Language.FINNISH, "fin": Language.FINNISH, "suomi": Language.FINNISH,
    "finnish": Language.FINNISH, "finska": Language.FINNISH,
    "sv": Language.SWEDISH, "swe": Language.SWEDISH, "ruotsi": Language.SWEDISH,
    "svenska": Language.SWEDISH, "swedish": Language.SWEDISH,
    "en": Language.ENGLISH, "eng": Language.ENGLISH, "englanti": Language.ENGLISH,
    "english": Language.ENGLISH, "engelska": Language.ENGLISH,
}


class ImportFileError(KnownError):
    """The file cannot be read as a list of people (wrong format, no usable columns)."""

    exit_code = 4


@dataclass(frozen=True, kw_only=True)
class CsvTable:
    """A CSV file read into cells.

    Attributes:
        encoding: ``"UTF-8"``, ``"UTF-8 with BOM"`` (in the language in use) or
            ``"Windows-1252"``.
        delimiter: ``";"`` or ``","``.
        header: the header's cells (line 1).
        rows: ``(line number, cells)`` per data row; blank lines are left out.
    """

    encoding: str
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True, kw_only=True)
class Problem:
    """Why one row was refused: the file line, the field and the rule (never the value)."""

    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return _("line {line}: {field}: {reason}").format(
            line=self.line, field=self.field, reason=self.reason)


@dataclass(frozen=True, kw_only=True)
class ValidRow:
    """A row that passed every rule: its line and the victim columns to store."""

    line: int
    columns: dict[str, Any]


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding.

    Strict UTF-8 (with or without a byte-order mark) is tried first: Windows-1252 text with
    ä/ö/å is almost never valid UTF-8, so a file that decodes is UTF-8.

    Raises:
        ImportFileError: the file is empty, binary, too big or in neither encoding.
    """
    if not data:
        raise ImportFileError(_("The file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than {size} MB; split it.").format(
            size=MAX_FILE_BYTES // (1024 * 1024)))
    if b"\x00" in data:
        raise ImportFileError(_("The file is not a text file (it contains NUL bytes)."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return text, _("UTF-8 with BOM") if data.startswith(b"\xef\xbb\xbf") else "UTF-8"
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise ImportFileError(_(
            "The file is neither UTF-8 nor Windows-1252 text; save it as CSV (UTF-8)."
        )) from None


def detect_delimiter(text: str) -> str:
    """``;`` or ``,``: csv.Sniffer restricted to those two, checked against the header."""
    lines = text.splitlines()[:_SNIFF_LINES]
    header = lines[0] if lines else ""
    try:
        sniffed: str | None = csv.Sniffer().sniff("\n".join(lines), delimiters=";,").delimiter
    except csv.Error:
        sniffed = None
    semicolons, commas = header.count(";"), header.count(",")
    # The sniffer may pick a comma that only occurs inside addresses; the header decides.
    if sniffed in (";", ",") and header.count(sniffed) > 0:
        return sniffed
    return "," if commas > semicolons else ";"


def read_csv(data: bytes) -> CsvTable:
    """Decode and split a CSV file into its header and data rows.

    Raises:
        ImportFileError: the file is not readable CSV text, has no header or too many rows.
    """
    text, encoding = decode(data)
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if header is None:
                header = tuple(cell.strip() for cell in cells)
                if start != 1 or not any(header):
                    raise ImportFileError(_("Line 1 must be a header naming the columns."))
                continue
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(_("The file has more than {rows} rows; split it.").format(
                    rows=count_text(MAX_ROWS)))
            rows.append((start, tuple(cells)))
    except csv.Error as error:
        # csv's messages describe the structure ("field larger than field limit"), but
        # keep to our own words so no cell content can ever reach the message.
        raise ImportFileError(
            _("Line {line}: the file is not well-formed CSV ({reason}).").format(
                line=reader.line_num, reason=_csv_reason(error))
        ) from None
    if header is None:
        raise ImportFileError(_("The file is empty."))
    return CsvTable(encoding=encoding, delimiter=delimiter, header=header, rows=tuple(rows))


def _csv_reason(error: csv.Error) -> str:
    message = str(error)
    if "field limit" in message:
        return _("a field is too long")
    if "new-line" in message:
        return _("a line break inside an unquoted field")
    return _("unbalanced quotes or a stray character")


def header_key(name: str) -> str:
    """A header cell reduced to lower-case letters and digits (ä/ö/å kept)."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


_BY_SYNONYM = {synonym: field for field, names in SYNONYMS.items() for synonym in names}


def guess_mapping(header: Sequence[str]) -> dict[str, int]:
    """Target field → column index, from the header's names (the first match wins)."""
    mapping: dict[str, int] = {}
    for index, name in enumerate(header):
        field = _BY_SYNONYM.get(header_key(name))
        if field is not None and field not in mapping:
            mapping[field] = index
    return mapping


def apply_overrides(
    header: Sequence[str], mapping: Mapping[str, int], overrides: Mapping[str, str]
) -> dict[str, int]:
    """``mapping`` changed by ``target=column`` choices (a header name or a 1-based number).

    An empty column unmaps the target.

    Raises:
        ValidationError: an unknown target field or a column the header does not have.
    """
    result = dict(mapping)
    keys = [header_key(name) for name in header]
    for target, column in overrides.items():
        if target not in FIELD_LABELS:
            raise ValidationError(
                _("Column mapping"), _("{target} is not a field; use one of {fields}").format(
                    target=repr(target), fields=", ".join(FIELD_LABELS)))
        column = column.strip()
        if not column:
            result.pop(target, None)
            continue
        if column.isdigit() and 1 <= int(column) <= len(header):
            result[target] = int(column) - 1
        elif header_key(column) in keys:
            result[target] = keys.index(header_key(column))
        else:
            raise ValidationError(
                _("Column mapping"),
                _("the file has no column named as given for {target}").format(target=target))
    return result


def check_mapping(mapping: Mapping[str, int]) -> None:
    """Raises ImportFileError when a required field has no column."""
    missing = [_(FIELD_LABELS[f]) for f in REQUIRED_FIELDS if f not in mapping]
    if missing:
        fields = missing[0] if len(missing) == 1 else _("{first} and {last}").format(
            first=", ".join(missing[:-1]), last=missing[-1])
        raise ImportFileError(_(
            "No column is mapped to {fields}; name the column in the header or map it "
            "(e.g. --map first_names=COLUMN)."
        ).format(fields=fields))


def _language(text: str) -> Language:
    language = _LANGUAGES.get(text.strip().casefold())
    if language is None:
        raise ValidationError(_("Language"), _("must be fi, sv or en"))
    return language


def draft_from_cells(cells: Sequence[str], mapping: Mapping[str, int]) -> VictimDraft:
    """A victim draft from one row's cells (missing trailing cells count as empty).

    Raises:
        ValidationError: the date of birth or the language cannot be read.
    """
    def cell(field: str) -> str:
        index = mapping.get(field)
        if index is None or index >= len(cells):
            return ""
        return cells[index].strip()

    birth = cell("birth_date")
    return VictimDraft(
        first_names=cell("first_names"),
        last_name=cell("last_name"),
        identity_code=cell("identity_code") or None,
        birth_date=parse_date(birth, field=_("Date of birth"), iso=True) if birth else None,
        phone=cell("phone") or None,
        email=cell("email") or None,
        street_address=cell("street_address"),
        postal_code=cell("postal_code"),
        city=cell("city"),
        language=_language(cell("language")),
    )


def validate_rows(
    table: CsvTable, mapping: Mapping[str, int], *, today: dt.date | None = None
) -> Iterator[ValidRow | Problem]:
    """Each data row checked with the intake's rules: a ValidRow or the row's Problem."""
    from models.services.normalise import victim_columns

    check_mapping(mapping)
    width = len(table.header)
    for line, cells in table.rows:
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            yield Problem(line=line, field=_("Row"), reason=ngettext(
                "has {n} field but the header has {width}",
                "has {n} fields but the header has {width}", len(cells),
            ).format(n=len(cells), width=width))
            continue
        try:
            columns = victim_columns(draft_from_cells(cells, mapping), today=today)
        except ValidationError as error:
            yield Problem(line=line, field=error.field, reason=error.reason)
        else:
            yield ValidRow(line=line, columns=columns)
