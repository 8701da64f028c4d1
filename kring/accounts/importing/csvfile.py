"""Reading an employee CSV: bytes to text, the header to our columns, lines to rows.

Everything that makes the whole file unusable raises a translated ValidationError with a `code`,
so the upload form, the management command and the API can all show the same message.
"""

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Our columns, in the order the example file and the help text list them.
COLUMNS = ("name", "email", "unit", "job_title", "wave", "manager_email")
REQUIRED_COLUMNS = ("name", "email", "unit")

# Header names we accept, after lower-casing and dropping spaces, "_", "-" and ".".
# Dutch HR exports and hand-made Excel sheets use the Dutch words.
HEADER_ALIASES = {
    "name": "name",
    "naam": "name",
    "fullname": "name",
    "volledigenaam": "name",
    "email": "email",
    "emailadres": "email",
    "emailaddress": "email",
    "unit": "unit",
    "unitpath": "unit",
    "eenheid": "unit",
    "jobtitle": "job_title",
    "functie": "job_title",
    "functietitel": "job_title",
    "wave": "wave",
    "rolloutwave": "wave",
    "golf": "wave",
    "uitrolgolf": "wave",
    "manageremail": "manager_email",
    "manager": "manager_email",
    "leidinggevende": "manager_email",
    "leidinggevendeemail": "manager_email",
}

DELIMITERS = (",", ";")

# Characters a header may contain without being a (wrong) delimiter: words, spaces, "e-mail",
# "job_title", quotes.
_HEADER_CHARS = set(" -_.'\"")

# Opening bytes of files people upload by mistake instead of a CSV export.
_BINARY_SIGNATURES = (
    b"PK\x03\x04",  # .xlsx, .docx, .zip
    b"\xd0\xcf\x11\xe0",  # old .xls, .doc
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def normalise_header(cell: str) -> str:
    return "".join(ch for ch in cell.strip().lower() if ch not in " _-.")


@dataclass(frozen=True)
class CsvRow:
    line: int
    values: dict[str, str]
    has_extra_cells: bool


@dataclass(frozen=True)
class CsvFile:
    delimiter: str
    headers: dict[str, str]  # our column -> the header as the file writes it
    ignored_columns: list[str]
    rows: list[CsvRow]


def _empty() -> ValidationError:
    return ValidationError(_("The file is empty."), code="empty")


def _not_csv() -> ValidationError:
    return ValidationError(
        _("This is not a CSV file. In Excel choose “Save as” and then “CSV UTF-8”."),
        code="not_csv",
    )


def _wrong_encoding(line: int) -> ValidationError:
    return ValidationError(
        _(
            "The file has the wrong encoding (it is not UTF-8; the first problem is on line "
            "%(line)s). In Excel choose “Save as” and then “CSV UTF-8”."
        ),
        code="encoding",
        params={"line": line},
    )


def decode(data: bytes) -> str:
    """The file's text, or a ValidationError for empty, binary and non-UTF-8 files."""
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise _empty()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" is UTF-16: text, but the wrong encoding.
        raise _wrong_encoding(1)
    if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data:
        raise _not_csv()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _wrong_encoding(data[: error.start].count(b"\n") + 1) from error
    text = text.rstrip("\x1a")  # an old DOS end-of-file marker, harmless
    if _CONTROL_CHARS.search(text):
        raise _not_csv()
    return text


def _describe_delimiter(char: str) -> str:
    return _("tab") if char == "\t" else f"“{char}”"


def _choose_delimiter(header_line: str) -> tuple[str, list[str]]:
    best: tuple[int, int, str, list[str]] | None = None
    for delimiter in DELIMITERS:
        cells = next(csv.reader([header_line], delimiter=delimiter))
        known = sum(1 for cell in cells if normalise_header(cell) in HEADER_ALIASES)
        candidate = (known, len(cells), delimiter, cells)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    assert best is not None
    _known, _count, delimiter, cells = best
    if len(cells) == 1:
        # One column: the file was split with something else (tab, "|", ...).
        others = Counter(ch for ch in header_line if not ch.isalnum() and ch not in _HEADER_CHARS)
        if others:
            wrong = others.most_common(1)[0][0]
            raise ValidationError(
                _(
                    "Wrong delimiter: the columns are separated by %(delimiter)s. "
                    "Separate them with a comma or a semicolon (in Excel: “Save as” and "
                    "then “CSV UTF-8”)."
                ),
                code="delimiter",
                params={"delimiter": _describe_delimiter(wrong)},
            )
    return delimiter, cells


def _map_headers(cells: list[str]) -> tuple[dict[str, int], dict[str, str], list[str]]:
    positions: dict[str, int] = {}
    labels: dict[str, str] = {}
    ignored: list[str] = []
    for index, cell in enumerate(cells):
        label = cell.strip()
        column = HEADER_ALIASES.get(normalise_header(cell))
        if column is None:
            if label:  # Excel adds empty header cells after a trailing delimiter
                ignored.append(label)
            continue
        if column in positions:
            raise ValidationError(
                _("The column “%(column)s” appears twice in the header."),
                code="duplicate_column",
                params={"column": label},
            )
        positions[column] = index
        labels[column] = label
    missing = [column for column in REQUIRED_COLUMNS if column not in positions]
    if missing:
        raise ValidationError(
            _(
                "Missing required column(s): %(missing)s. The first line must name the "
                "columns: %(columns)s."
            ),
            code="missing_columns",
            params={"missing": ", ".join(missing), "columns": ", ".join(COLUMNS)},
        )
    return positions, labels, ignored


def parse(text: str) -> CsvFile:
    """Split decoded text into rows keyed by our column names, with their line numbers."""
    if not text.strip():
        raise _empty()
    # Only real line breaks: str.splitlines() would also split on \x85 and \u2028 in names.
    lines = re.split(r"\r\n|\r|\n", text)
    header_index = next(i for i, line in enumerate(lines) if line.strip())
    delimiter, cells = _choose_delimiter(lines[header_index])
    positions, labels, ignored = _map_headers(cells)

    rest = "\n".join(lines[header_index + 1 :])
    reader = csv.reader(io.StringIO(rest, newline=""), delimiter=delimiter)
    rows: list[CsvRow] = []
    previous_end = 0
    try:
        for record in reader:
            line = header_index + 2 + previous_end
            previous_end = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            values = {
                column: record[index] if index < len(record) else ""
                for column, index in positions.items()
            }
            extra = any(cell.strip() for cell in record[len(cells) :])
            rows.append(CsvRow(line=line, values=values, has_extra_cells=extra))
    except csv.Error as error:
        raise ValidationError(
            _("The file cannot be read as CSV near line %(line)s: %(error)s"),
            code="not_csv",
            params={"line": header_index + 1 + reader.line_num, "error": str(error)},
        ) from error
    if not rows:
        raise ValidationError(
            _("The file has a header but no people. An empty import would deactivate everyone."),
            code="no_rows",
        )
    return CsvFile(delimiter=delimiter, headers=labels, ignored_columns=ignored, rows=rows)
