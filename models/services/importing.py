"""Reading a list of affected people from a CSV file: encoding, delimiter, columns, rules.

The breached organisation or the police may hand over thousands of names as a
spreadsheet export. This module turns the file into validated victim and case columns
without touching the database, one row at a time, so a 50 MB list never sits in memory
whole: :func:`read_csv` detects the encoding (UTF-8, UTF-8 with a byte-order mark, else
Windows-1252) and the delimiter (``;`` as Finnish Excel writes, or ``,``), reads the header,
counts the rows and keeps the first few for a preview; :meth:`CsvTable.rows` reads the
rows again from the file when they are needed. :func:`guess_mapping` maps the header's
Finnish, Swedish or English names to the fields; :func:`check_columns` refuses a file that
does not look like a list of people, has no rows, lacks a required field or has a column
that is neither mapped to a field nor ignored (no column is dropped silently);
:func:`validate_rows` checks every row with the intake's rules
(:func:`models.services.normalise.victim_columns` and ``case_columns``).

Problems name the spreadsheet row a person sees in Excel or LibreOffice (the header is
row 1), the file line when it differs (a quoted field with line breaks), the field and the
rule — never the value, which is personal data. Writing is
:class:`models.services.imports.ImportService`'s.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from models.domain.dto import CaseDraft, VictimDraft
from models.domain.enums import Language
from models.domain.errors import KnownError, UsageError, ValidationError
from models.domain.formatting import count_text
from models.domain.i18n import N_, ngettext
from models.domain.i18n import gettext as _
from models.domain.validation import mask_code_shaped, parse_date

#: The largest file accepted (a 40,000-row list is a few megabytes).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: The most data rows one import takes.
MAX_ROWS = 200_000
#: Rows kept for the preview (the dialog's table).
PREVIEW_ROWS = 20
#: How much of the file's start the delimiter detection and the text check look at.
_SAMPLE_CHARS = 64 * 1024
#: How many lines the delimiter detection looks at.
_SNIFF_LINES = 50
#: Bytes read at a time.
_CHUNK_BYTES = 64 * 1024
#: Control characters (other than tab and line breaks) tolerated per 1,000 characters of
#: the sample: a spreadsheet export has none, random bytes about 120.
_CONTROLS_PER_MILLE = 5
#: A header cell longer than this is not a column name.
_MAX_HEADER_CELL = 200

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
    "safe_contact_note": N_("Safe-contact note"),
    "intake_note": N_("Intake note"),
    "opened_on": N_("Opened on"),
}
REQUIRED_FIELDS = ("first_names", "last_name")
#: Fields that take free text (a "notes" or "additional information" column maps here):
#: how the person may be contacted safely, or what else is known of them (the case's
#: intake note, never its risk reason: that is the staff's assessment, shown as "Risk").
TEXT_FIELDS = ("safe_contact_note", "intake_note")
#: Fields that take a date: ``opened_on`` is the case's first day, the day the person
#: first contacted the service or was notified.
DATE_FIELDS = ("birth_date", "opened_on")

#: Header names (normalised by :func:`header_key`) that map to each field. Columns as
#: loose as "Lisätiedot" (additional information) or "Ilmoitettu" (notified) are not
#: guessed: the importer says where they belong (``--map``) or that they go (``--ignore-column``).
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
    "safe_contact_note": ("turvallisetyhteydenottotavat", "turvallinenyhteydenotto",
                          "safecontactnote", "safecontactrules", "säkrakontaktsätt"),
    "intake_note": ("ensikontaktinmuistiinpano", "ensikontakti", "intakenote",
                    "anteckningvidförstakontakten"),
    "opened_on": ("avattu", "avauspäivä", "openedon", "öppnad"),
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


class UnresolvedColumns(UsageError):
    """The file has columns that are neither mapped to a field nor ignored (exit code 2).

    Attributes:
        columns: the columns' names as the file gives them (``column N`` for an unnamed one).
    """

    def __init__(self, message: str, columns: Sequence[str]) -> None:
        super().__init__(message)
        self.columns = tuple(columns)


def not_a_list(reason: str) -> ImportFileError:
    """The error for a file that is not a list of people, whatever it is."""
    return ImportFileError(_("This does not look like a list of people: {reason}.").format(
        reason=reason))


@dataclass(frozen=True, kw_only=True)
class DataRow:
    """One data row of the file.

    Attributes:
        row: the spreadsheet row a person sees in Excel or LibreOffice (the header is 1).
        line: the file line the row starts on (larger than ``row`` after a quoted field
            with line breaks).
        cells: the row's cells as written.
    """

    row: int
    line: int
    cells: tuple[str, ...]


def where(row: int, line: int) -> str:
    """``row 24``, or ``row 24 (file line 26)`` when the file line differs."""
    if row == line:
        return _("row {row}").format(row=row)
    return _("row {row} (file line {line})").format(row=row, line=line)


@dataclass(frozen=True, kw_only=True)
class CsvTable:
    """A CSV file's shape, read once; its rows are read again from the file on demand.

    Attributes:
        encoding: ``"UTF-8"``, ``"UTF-8 with BOM"`` (in the language in use) or
            ``"Windows-1252"``.
        delimiter: ``";"`` or ``","``.
        header: the header's cells (row 1).
        row_count: data rows (blank lines are left out).
        preview: the first :data:`PREVIEW_ROWS` data rows.
        filled: the indexes of the columns that hold a value in some row.
    """

    encoding: str
    delimiter: str
    header: tuple[str, ...]
    row_count: int
    preview: tuple[DataRow, ...]
    filled: frozenset[int]
    _codec: str = field(repr=False)
    _open: Callable[[], BinaryIO] = field(repr=False, compare=False)

    def rows(self) -> Iterator[DataRow]:
        """Every data row, read from the file one at a time (blank lines left out).

        Raises:
            ImportFileError: the file is no longer well-formed CSV.
            OSError: the file can no longer be read.
        """
        for record in _records(self._open, self._codec, self.delimiter):
            if record.row > 1 and any(cell.strip() for cell in record.cells):
                yield record

    def column_name(self, index: int) -> str:
        """A column's header name as shown, or ``column N`` (1-based) when it has none."""
        return shown_column_name(self.header, index)


@dataclass(frozen=True, kw_only=True)
class Problem:
    """Why one row was refused: its row and line, the field and the rule (never the value)."""

    row: int
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return _("{where}: {field}: {reason}").format(
            where=where(self.row, self.line), field=self.field, reason=self.reason)


@dataclass(frozen=True, kw_only=True)
class ValidRow:
    """A row that passed every rule: where it is, and the victim and case columns to store.

    Attributes:
        case: ``intake_note`` and ``opened_on`` when the file has them (else absent).
    """

    row: int
    line: int
    columns: dict[str, Any]
    case: dict[str, Any] = field(default_factory=dict)


# -- reading the file -----------------------------------------------------------------------


def _opener(source: bytes | Path) -> Callable[[], BinaryIO]:
    if isinstance(source, Path):
        return lambda: source.open("rb")
    return lambda: io.BytesIO(source)


def _size(source: bytes | Path) -> int:
    return source.stat().st_size if isinstance(source, Path) else len(source)


def _encoding(open_file: Callable[[], BinaryIO]) -> tuple[str, str, str]:
    """The codec, the encoding's name as shown and the first characters of the text.

    Strict UTF-8 (with or without a byte-order mark) is tried first, reading the whole
    file a chunk at a time: Windows-1252 text with ä/ö/å is almost never valid UTF-8, so a
    file that decodes is UTF-8.
    """
    utf8 = codecs.getincrementaldecoder("utf-8-sig")()
    cp1252 = codecs.getincrementaldecoder("cp1252")()
    sample: list[str] = []
    sampled = 0
    is_utf8, has_bom, first = True, False, True
    with open_file() as binary:
        while chunk := binary.read(_CHUNK_BYTES):
            if b"\x00" in chunk:
                raise not_a_list(_("it is not a text file (it contains NUL bytes)"))
            if first:
                has_bom, first = chunk.startswith(codecs.BOM_UTF8), False
            if is_utf8:
                try:
                    text = utf8.decode(chunk)
                except UnicodeDecodeError:
                    is_utf8 = False
                    sample.clear()
                    sampled = 0
                    binary.seek(0)
                    continue
            else:
                try:
                    text = cp1252.decode(chunk)
                except UnicodeDecodeError:
                    raise ImportFileError(_(
                        "The file is neither UTF-8 nor Windows-1252 text; save it as CSV "
                        "(UTF-8)."
                    )) from None
            if sampled < _SAMPLE_CHARS:
                sample.append(text[: _SAMPLE_CHARS - sampled])
                sampled += len(sample[-1])
        if is_utf8:
            try:
                sample.append(utf8.decode(b"", final=True))
            except UnicodeDecodeError:
                raise not_a_list(_("its last bytes are not text")) from None
    if is_utf8:
        return "utf-8-sig", (_("UTF-8 with BOM") if has_bom else "UTF-8"), "".join(sample)
    return "cp1252", "Windows-1252", "".join(sample)


def _looks_like_text(sample: str) -> None:
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    if controls * 1000 > max(len(sample), 1) * _CONTROLS_PER_MILLE:
        raise not_a_list(_("it is not a text file (it contains control characters)"))


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


def _records(
    open_file: Callable[[], BinaryIO], codec: str, delimiter: str
) -> Iterator[DataRow]:
    """Every record of the file with its spreadsheet row and file line, blank ones too
    (a blank line is a row in a spreadsheet, so it counts)."""
    with open_file() as binary:
        text = io.TextIOWrapper(binary, encoding=codec, newline="")
        reader = csv.reader(text, delimiter=delimiter, strict=False)
        line = 1
        try:
            for row, cells in enumerate(reader, start=1):
                start, line = line, reader.line_num + 1
                yield DataRow(row=row, line=start, cells=tuple(cells))
        except csv.Error as error:
            # csv's messages describe the structure ("field larger than field limit"),
            # but keep to our own words so no cell content can ever reach the message.
            raise ImportFileError(
                _("Line {line}: the file is not well-formed CSV ({reason}).").format(
                    line=reader.line_num, reason=_csv_reason(error))
            ) from None
        except UnicodeDecodeError:  # the file changed since it was first read
            raise ImportFileError(_(
                "The file is neither UTF-8 nor Windows-1252 text; save it as CSV (UTF-8)."
            )) from None


def read_csv(source: bytes | Path) -> CsvTable:
    """Detect the encoding and delimiter, read the header, count the rows.

    The file is read through once (the rows are not kept, but the first few for the
    preview); :meth:`CsvTable.rows` reads them again.

    Raises:
        ImportFileError: the file is empty, too big, not text, not well-formed CSV, has no
            header on line 1 or too many rows.
    """
    size = _size(source)
    if not size:
        raise ImportFileError(_("The file is empty."))
    if size > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than {size} MB; split it.").format(
            size=MAX_FILE_BYTES // (1024 * 1024)))
    open_file = _opener(source)
    codec, encoding, sample = _encoding(open_file)
    _looks_like_text(sample)
    delimiter = detect_delimiter(sample)
    header: tuple[str, ...] | None = None
    preview: list[DataRow] = []
    filled: set[int] = set()
    count = 0
    for record in _records(open_file, codec, delimiter):
        if header is None:
            header = tuple(cell.strip() for cell in record.cells)
            if not any(header):
                raise ImportFileError(_("Line 1 must be a header naming the columns."))
            if any(len(name) > _MAX_HEADER_CELL for name in header):
                raise not_a_list(_("line 1 does not name columns"))
            continue
        cells = record.cells
        if not any(cell.strip() for cell in cells):
            continue
        count += 1
        if count > MAX_ROWS:
            raise ImportFileError(_("The file has more than {rows} rows; split it.").format(
                rows=count_text(MAX_ROWS)))
        if len(preview) < PREVIEW_ROWS:
            preview.append(record)
        filled.update(i for i, cell in enumerate(cells) if i not in filled and cell.strip())
    if header is None:
        raise ImportFileError(_("The file is empty."))
    return CsvTable(encoding=encoding, delimiter=delimiter, header=header, row_count=count,
                    preview=tuple(preview), filled=frozenset(filled), _codec=codec,
                    _open=open_file)


def _csv_reason(error: csv.Error) -> str:
    message = str(error)
    if "field limit" in message:
        return _("a field is too long")
    if "new-line" in message:
        return _("a line break inside an unquoted field")
    return _("unbalanced quotes or a stray character")


# -- columns --------------------------------------------------------------------------------


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


def find_column(header: Sequence[str], column: str) -> int | None:
    """The index of ``column`` (a header name, in any case, or a 1-based number).

    Raises:
        UsageError: two columns have that name (the number tells them apart).
    """
    column = column.strip()
    if column.isdigit() and 1 <= int(column) <= len(header):
        return int(column) - 1
    keys = [header_key(name) for name in header]
    key = header_key(column)
    found = [index for index, name in enumerate(keys) if key and name == key]
    if len(found) > 1:
        raise UsageError(_(
            "The file has {n} columns named {column} (columns {numbers}); give the "
            "column's number instead of its name."
        ).format(n=len(found), column=repr(column),
                 numbers=_names([str(index + 1) for index in found])))
    return found[0] if found else None


def shown_column_name(header: Sequence[str], index: int) -> str:
    """A header name as messages and the dialog show it, or ``column N`` (1-based) when
    it has none. A file without a header row has a person in line 1: an identity code
    there is shown masked, as everywhere."""
    name = header[index] if index < len(header) else ""
    return mask_code_shaped(name) if name else _("column {n}").format(n=index + 1)


def _no_such_column(header: Sequence[str], column: str, option: str) -> UsageError:
    named = [shown_column_name(header, index) for index in range(len(header))]
    return UsageError(_(
        "The file has no column {column} ({option}); its columns are {columns}."
    ).format(column=repr(column.strip()), option=option,
             columns=", ".join(repr(name) for name in named)))


def apply_overrides(
    header: Sequence[str], mapping: Mapping[str, int], overrides: Mapping[str, str]
) -> dict[str, int]:
    """``mapping`` changed by ``field=column`` choices (a header name or a 1-based number).

    An empty column unmaps the field.

    Raises:
        ValidationError: an unknown field.
        UsageError: a column the header does not have, or a name two columns share.
    """
    result = dict(mapping)
    for target, column in overrides.items():
        if target not in FIELD_LABELS:
            raise ValidationError(
                _("Column mapping"), _("{target} is not a field; use one of {fields}").format(
                    target=repr(target), fields=", ".join(FIELD_LABELS)))
        if not column.strip():
            result.pop(target, None)
            continue
        index = find_column(header, column)
        if index is None:
            raise _no_such_column(header, column, f"--map {target}={column.strip()}")
        result[target] = index
    return result


def ignored_columns(header: Sequence[str], columns: Sequence[str]) -> frozenset[int]:
    """The indexes of the columns to ignore (header names or 1-based numbers).

    Raises:
        UsageError: a column the header does not have, or a name two columns share.
    """
    ignored: set[int] = set()
    for column in columns:
        index = find_column(header, column)
        if index is None:
            raise _no_such_column(header, column, f"--ignore-column {column.strip()}")
        ignored.add(index)
    return frozenset(ignored)


def column_label(table: CsvTable, index: int) -> str:
    """A column as a message names it: its name, with its number when another column has
    the same name (``'Huom' (column 6)``), or ``'column N'`` when it has none."""
    name = table.header[index] if index < len(table.header) else ""
    shown = repr(table.column_name(index))
    if name and sum(1 for other in table.header if header_key(other) == header_key(name)) > 1:
        return _("{name} (column {n})").format(name=shown, n=index + 1)
    return shown


def _names(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def unresolved_columns(
    table: CsvTable, mapping: Mapping[str, int], ignored: Collection[int]
) -> list[int]:
    """Columns neither mapped to a field nor ignored: every named one, and an unnamed one
    that holds a value (an empty column without a name has nothing to lose)."""
    used = set(mapping.values()) | set(ignored)
    return [index for index, name in enumerate(table.header)
            if index not in used and (name or index in table.filled)]


def check_columns(
    table: CsvTable, mapping: Mapping[str, int], ignored: Collection[int] = ()
) -> None:
    """Refuse a file that cannot be imported as it is mapped, before any row is read.

    Raises:
        ImportFileError: no column is mapped (the file does not look like a list of
            people), the file has no data rows, or a required field has no column.
        UnresolvedColumns: a column is neither mapped nor ignored.
        UsageError: a column is both mapped and ignored.
    """
    if not mapping:
        raise not_a_list(_(
            "line 1 names no column Suoja knows (such as Etunimet, Sukunimi or "
            "Henkilötunnus), and none is mapped to a field"))
    if table.row_count == 0:
        raise ImportFileError(_("The file has a header but no rows to import."))
    missing = [_(FIELD_LABELS[f]) for f in REQUIRED_FIELDS if f not in mapping]
    if missing:
        raise ImportFileError(_(
            "No column is mapped to {fields}; name the column in the header or map it "
            "(e.g. --map first_names=COLUMN)."
        ).format(fields=_names(missing)))
    both = sorted(set(mapping.values()) & set(ignored))
    if both:
        raise UsageError(ngettext(
            "The column {columns} is both mapped to a field and ignored; choose one.",
            "The columns {columns} are both mapped to a field and ignored; choose one for "
            "each.", len(both)).format(
                columns=_names([column_label(table, index) for index in both])))
    unresolved = unresolved_columns(table, mapping, ignored)
    if unresolved:
        names = [table.column_name(index) for index in unresolved]
        raise UnresolvedColumns(ngettext(
            "Suoja would not store the column {columns}; map it to a field "
            "(--map FIELD=COLUMN) or ignore it (--ignore-column COLUMN).",
            "Suoja would not store the columns {columns}; map each to a field "
            "(--map FIELD=COLUMN) or ignore it (--ignore-column COLUMN).",
            len(names)).format(
                columns=_names([column_label(table, index) for index in unresolved])), names)


# -- rows -----------------------------------------------------------------------------------


def _language(text: str) -> Language:
    language = _LANGUAGES.get(text.strip().casefold())
    if language is None:
        raise ValidationError(_("Language"), _("must be fi, sv or en"))
    return language


def _cell(cells: Sequence[str], mapping: Mapping[str, int], field: str) -> str:
    index = mapping.get(field)
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def draft_from_cells(cells: Sequence[str], mapping: Mapping[str, int]) -> VictimDraft:
    """A victim draft from one row's cells (missing trailing cells count as empty).

    Raises:
        ValidationError: the date of birth or the language cannot be read.
    """
    def cell(field: str) -> str:
        return _cell(cells, mapping, field)

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
        safe_contact_note=cell("safe_contact_note"),
    )


def case_from_cells(cells: Sequence[str], mapping: Mapping[str, int]) -> dict[str, Any]:
    """The case columns a row gives (``intake_note``, ``opened_on``), checked like the
    intake's; empty when the file maps neither.

    Raises:
        ValidationError: the date cannot be read, lies ahead, or the text is too long.
    """
    from models.services.normalise import case_columns

    if "intake_note" not in mapping and "opened_on" not in mapping:
        return {}
    opened = _cell(cells, mapping, "opened_on")
    columns = case_columns(CaseDraft(
        intake_note=_cell(cells, mapping, "intake_note"),
        opened_on=parse_date(opened, field=_("Opened on"), iso=True) if opened else None))
    # An unmapped or empty date leaves the day of the import (as at intake).
    return {name: columns[name] for name in ("intake_note", "opened_on") if name in mapping}


def validate_rows(
    table: CsvTable,
    mapping: Mapping[str, int],
    ignored: Collection[int] = (),
    *,
    today: dt.date | None = None,
) -> Iterator[ValidRow | Problem]:
    """Each data row, read from the file, checked with the intake's rules: a ValidRow or the
    row's Problem.

    Raises:
        ImportFileError, UnresolvedColumns: as :func:`check_columns`, before any row.
    """
    from models.services.normalise import victim_columns

    check_columns(table, mapping, ignored)
    width = len(table.header)
    used = set(mapping.values()) | set(ignored)
    # Unnamed columns that were empty when the file was first read: a value there now
    # would otherwise be dropped.
    loose = [index for index in range(width) if index not in used]
    for record in table.rows():
        row, line, cells = record.row, record.line, record.cells
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            yield Problem(row=row, line=line, field=_("Row"), reason=ngettext(
                "has {n} field but the header has {width}",
                "has {n} fields but the header has {width}", len(cells),
            ).format(n=len(cells), width=width))
            continue
        stray = next((i for i in loose if i < len(cells) and cells[i].strip()), None)
        if stray is not None:
            yield Problem(row=row, line=line, field=table.column_name(stray), reason=_(
                "has a value, but the column is neither imported nor ignored"))
            continue
        try:
            columns = victim_columns(draft_from_cells(cells, mapping), today=today)
            case = case_from_cells(cells, mapping)
        except ValidationError as error:
            yield Problem(row=row, line=line, field=error.field, reason=error.reason)
        else:
            yield ValidRow(row=row, line=line, columns=columns, case=case)
