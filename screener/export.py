"""Results as the JSON contract (screener.results/3), as table rows, and as CSV or XLSX safe for spreadsheets."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from screener.catalogue import Catalogue
from screener.cv_date import describe
from screener.errors import ScreenerError
from screener.models import Candidate, Degree, DegreeLevel, RoleFit, Span
from screener.profiles import DEGREE_RANK, gates_summary
from screener.source_file import readable_path

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

RESULTS_SCHEMA = "screener.results/3"
# A spreadsheet runs a cell starting with one of these as a formula (CSV/formula injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
TABLE_COLUMNS = (
    "name",
    "role_fit",
    "management_score",
    "technical_score",
    "years_experience",
    "as_of",
    "held_certifications",
    "highest_degree",
    "must_haves",
    "status",
    "error",
    "warnings",
    "email",
    "phone",
    "file",
)


def neutralise_cell(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe; numbers pass through."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def _span(span: Span) -> dict[str, Any]:
    box = span.box
    return {
        "page": span.page,
        "section": span.section,
        "text": span.text,
        "box": [round(box.x0, 1), round(box.top, 1), round(box.x1, 1), round(box.bottom, 1)],
    }


DEGREE_LABELS: dict[DegreeLevel, str] = {
    "associate": "Associate",
    "bachelor": "Bachelor's",
    "master": "Master's",
    "mba": "MBA",
    "phd": "PhD",
    "other": "Degree",
}


def degree_text(degree: Degree) -> str:
    """A degree as a recruiter writes it: "Bachelor's, History", "MBA"; a field naming the level is not repeated."""
    label, field = DEGREE_LABELS[degree.level], degree.field.strip()
    if field.casefold() in ("", label.casefold(), degree.level):
        return label
    return f"{label}, {field}"


def highest_degree(candidate: Candidate) -> str:
    if not candidate.degrees:
        return ""
    return degree_text(max(candidate.degrees, key=lambda d: DEGREE_RANK[d.level]))


def dated(candidate: Candidate) -> str | None:
    """Which day "Present" stood for and why, e.g. "as of Aug 2023, from the PDF"."""
    if candidate.as_of is None or candidate.as_of_source is None:
        return None
    return describe(candidate.as_of, candidate.as_of_source)


def candidate_to_dict(candidate: Candidate) -> dict[str, Any]:
    """One candidate in the JSON contract's shape."""
    scores = candidate.scores
    return {
        "file": readable_path(candidate.file),
        "sha256": candidate.sha256,
        "status": candidate.status,
        "error": candidate.error,
        "pages": candidate.pages,
        "name": candidate.contact.name,
        "email": candidate.contact.email,
        "phone": candidate.contact.phone,
        "certifications": [
            {
                "id": c.cert_id,
                "name": c.name,
                "category": c.category,
                "status": c.status,
                "matched_text": c.matched_text,
                "page": c.span.page,
                "similarity": c.similarity,
                "section": c.span.section,
            }
            for c in candidate.certifications
        ],
        "degrees": [
            {
                "level": d.level,
                "field": d.field,
                "technical": d.technical,
                "status": d.status,
                "matched_text": d.matched_text,
                "page": d.span.page,
            }
            for d in candidate.degrees
        ],
        "jobs": [
            {
                "title": j.title,
                "employer": j.employer,
                "start": j.start.isoformat(),
                "end": j.end.isoformat(),
                "management": j.management,
                "technical": j.technical,
                "page": j.span.page,
            }
            for j in candidate.jobs
        ],
        "years_experience": candidate.years_experience,
        "years_management": candidate.years_management,
        "years_technical": candidate.years_technical,
        "as_of": candidate.as_of.isoformat() if candidate.as_of else None,
        "as_of_note": dated(candidate),
        "management_score": scores.management if scores else None,
        "technical_score": scores.technical if scores else None,
        "role_fit": scores.role_fit if scores else None,
        **_evidence(candidate),
        "warnings": list(candidate.warnings),
        # Read by OCR from a scanned page: names, dates and credentials are as good as the scan.
        "ocr": candidate.read_by_ocr,
        "ocr_pages": list(candidate.ocr_pages),
        "ocr_confidence": round(candidate.ocr_confidence, 3) if candidate.ocr_confidence is not None else None,
        **_profile_fit(candidate),
    }


def _evidence(candidate: Candidate) -> dict[str, Any]:
    """The evidence items, each naming by index the span it rests on, and those spans.

    Several items often rest on one line (a job header, a bullet naming two practices): its text is written once,
    not with each item, as a batch of thousands of CVs would otherwise carry it many times over.
    """
    spans: dict[Span, int] = {}
    items = [
        {
            "axis": e.axis,
            "component": e.component,
            "label": e.label,
            "points": e.points,
            "span": spans.setdefault(e.span, len(spans)),
            **({"ocr_low_confidence": True} if e.ocr_unsure else {}),
        }
        for e in (candidate.scores.evidence if candidate.scores else ())
    ]
    return {"evidence": items, "spans": [_span(span) for span in spans]}


def _profile_fit(candidate: Candidate) -> dict[str, Any]:
    """The profile's gates, only when a profile was applied, so results without one keep their shape."""
    fit = candidate.profile_fit
    if fit is None:
        return {}
    return {
        "profile": fit.profile,
        "gates": [{"requirement": g.requirement, "outcome": g.outcome, "evidence": g.evidence} for g in fit.gates],
        "nice_to_have_points": fit.nice_to_have_points,
    }


# What a copy of a CV (another file of the same person, read alike) repeats word for word: written once.
SHARED_FINDINGS = ("jobs", "evidence", "spans")


def _listed_once(candidates: Iterable[Candidate]) -> Iterator[dict[str, Any]]:
    """Each candidate in the contract's shape; one whose jobs, evidence and spans an earlier one has exactly
    names that one by its index (`same_findings_as`) instead of repeating them.

    A batch holding many copies of few people (re-sent CVs, a folder screened twice) was otherwise mostly the same
    explanation over and over. Only digests of earlier findings are kept, so memory stays small.
    """
    first_with: dict[bytes, int] = {}
    for index, candidate in enumerate(candidates):
        entry = candidate_to_dict(candidate)
        shared = [entry[key] for key in SHARED_FINDINGS]
        if any(shared):
            digest = hashlib.sha256(json.dumps(shared, ensure_ascii=False).encode()).digest()
            first = first_with.setdefault(digest, index)
            if first != index:
                entry = {key: value for key, value in entry.items() if key not in SHARED_FINDINGS}
                entry["same_findings_as"] = first
        yield entry


def results_document(candidates: Iterable[Candidate], catalogue: Catalogue) -> dict[str, Any]:
    return {
        "schema": RESULTS_SCHEMA,
        "catalogue": {
            "source": catalogue.source,
            "schema_version": catalogue.schema_version,
            "certifications": len(catalogue.certifications),
            "thresholds": dict(catalogue.scoring.thresholds),
        },
        "candidates": list(_listed_once(candidates)),
    }


def results_json(candidates: Iterable[Candidate], catalogue: Catalogue) -> str:
    """The results document as compact JSON: indentation would make a batch of thousands of CVs a third larger."""
    return json.dumps(results_document(candidates, catalogue), ensure_ascii=False, separators=(",", ":"))


def table_row(candidate: Candidate) -> dict[str, object]:
    """The flat row the CLI table, the CSV and the app's export share."""
    scores = candidate.scores
    return {
        "name": candidate.contact.name or "",
        "role_fit": scores.role_fit if scores else "",
        "management_score": scores.management if scores else "",
        "technical_score": scores.technical if scores else "",
        "years_experience": "" if candidate.years_experience is None else candidate.years_experience,
        "as_of": dated(candidate) or "",
        "held_certifications": "; ".join(c.name for c in candidate.held_certifications),
        "highest_degree": highest_degree(candidate),
        "must_haves": gates_summary(candidate.profile_fit.gates) if candidate.profile_fit else "",
        "status": candidate.status,
        "error": candidate.error or "",
        # What to check before trusting the row: a possible duplicate, a page read by OCR, text left out.
        "warnings": "; ".join(candidate.warnings),
        "email": candidate.contact.email or "",
        "phone": candidate.contact.phone or "",
        "file": readable_path(candidate.file),
    }


def write_csv(
    rows: Iterable[dict[str, object]],
    stream: IO[str],
    columns: Sequence[str] = TABLE_COLUMNS,
    headers: Sequence[str] | None = None,
) -> None:
    """CSV with one row per candidate, every text cell neutralised against formula injection.

    `headers` names the columns for people; without it the header row holds the row keys.
    """
    writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore")
    writer.writerow(dict(zip(columns, headers or columns, strict=True)))
    for row in rows:
        writer.writerow({key: neutralise_cell(value) for key, value in row.items()})


def write_csv_file(
    rows: Iterable[dict[str, object]],
    path: Path,
    columns: Sequence[str] = TABLE_COLUMNS,
    headers: Sequence[str] | None = None,
) -> None:
    # utf-8-sig so that Excel on Windows reads accented names correctly.
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        write_csv(rows, stream, columns, headers)


# The list a recruiter sends on ------------------------------------------------------------------------

ReportRow = dict[str, object]
ROLE_FIT_LABELS: dict[RoleFit, str] = {
    "tpm": "TPM",
    "pm": "PM",
    "technical": "Technical specialist",
    "other": "Other",
}


@dataclass(frozen=True)
class ReportColumn:
    """One column of the exported list: the row key, its header, its width in characters and number format."""

    key: str
    header: str
    width: int
    number_format: str = "General"
    contact: bool = False  # left out when the user exports without contact details


REPORT_COLUMNS = (
    ReportColumn("rank", "Rank", 6, "0"),
    ReportColumn("name", "Name", 26),
    ReportColumn("decision", "Decision", 10),
    ReportColumn("role_fit", "Role fit", 19),
    ReportColumn("management", "Management", 12, "0"),
    ReportColumn("technical", "Technical", 10, "0"),
    ReportColumn("years", "Years", 7, "0.0"),
    ReportColumn("must_haves", "Must-haves", 12),
    ReportColumn("held_certifications", "Held certifications", 34),
    ReportColumn("highest_degree", "Highest degree", 26),
    ReportColumn("note", "Note", 34),
    ReportColumn("email", "Email", 28, contact=True),
    ReportColumn("phone", "Phone", 18, contact=True),
    ReportColumn("status", "Status", 8),
    ReportColumn("error", "Problem", 28),
    ReportColumn("file", "File", 50),
)


# In blind review the list names each candidate by number and leaves out who they are: name, email, phone, file.
BLIND_COLUMN = ReportColumn("candidate", "Candidate (blind review)", 24)
IDENTITY_KEYS = ("name", "email", "phone", "file")
BLIND_TITLE = "Candidates (blind review)"


def report_columns(include_contact: bool = True, blind: bool = False) -> tuple[ReportColumn, ...]:
    if blind:
        return tuple(BLIND_COLUMN if c.key == "name" else c for c in REPORT_COLUMNS if c.key not in IDENTITY_KEYS[1:])
    return tuple(c for c in REPORT_COLUMNS if include_contact or not c.contact)


def blind_report_row(row: ReportRow, label: str, error: str) -> ReportRow:
    """A row of the blind list: the candidate's number for their name, no contact or file, the problem given
    without the file's name (`error`, as the app scrubbed it)."""
    kept = {key: value for key, value in row.items() if key not in IDENTITY_KEYS}
    return {**kept, "candidate": label, "error": error}


def report_row(candidate: Candidate, rank: int | None, decision: str = "", note: str = "") -> ReportRow:
    """The candidate as the app shows it: role fit in words, whole scores, years to one decimal, full path."""
    row = table_row(candidate)
    scores = candidate.scores
    years = candidate.years_experience
    return {
        **row,
        "rank": "" if rank is None else rank,
        "decision": decision,
        "note": note,
        "role_fit": ROLE_FIT_LABELS[scores.role_fit] if scores else "",
        # Rounded as the list shows them, so the CSV and the sheet read 72, not 72.0 beside 71.66666666666667.
        "management": round(scores.management) if scores else "",
        "technical": round(scores.technical) if scores else "",
        "years": "" if years is None else round(years, 1),
        "file": str(Path(str(row["file"])).absolute()),
    }


def report_rows(listed: Iterable[tuple[Candidate, str, str]]) -> list[ReportRow]:
    """Rows for (candidate, decision, note) in the order given; screened CVs are ranked 1, 2, … in that order."""
    rows = []
    rank = 0
    for candidate, decision, note in listed:
        rank += candidate.scores is not None
        rows.append(report_row(candidate, rank if candidate.scores else None, decision, note))
    return rows


def _put(cell: Cell, value: object) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if not isinstance(value, str):
        cell.value = value
        return
    # openpyxl refuses control characters an odd PDF can carry; they mean nothing in a name or a note.
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not text:
        return  # an empty cell, not an empty string Excel would count in the filter
    cell.value = text
    # Text stays text, never a formula: the value is kept as written (no apostrophe added), and the quote
    # prefix tells Excel to keep it text when someone edits the cell.
    cell.data_type = "s"
    cell.quotePrefix = value.startswith(_FORMULA_PREFIXES)


def _link_files(sheet: Worksheet, column: int) -> None:
    for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
        if isinstance(cell.value, str) and Path(cell.value).is_absolute():
            cell.hyperlink = Path(cell.value).as_uri()
            cell.style = "Hyperlink"


def write_xlsx(
    rows: Iterable[ReportRow], path: Path, columns: Sequence[ReportColumn] = REPORT_COLUMNS, title: str = "Candidates"
) -> None:
    """One sheet: bold frozen headers with a filter, sized columns, text as text and each file a link."""
    # openpyxl (and numpy, which it loads) only when a workbook is written: a CSV or JSON export needs neither.
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = title
    for number, column in enumerate(columns, 1):
        header = sheet.cell(1, number, column.header)
        header.font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    for row_number, row in enumerate(rows, 2):
        for number, column in enumerate(columns, 1):
            cell = sheet.cell(row_number, number)
            _put(cell, row.get(column.key, ""))
            cell.number_format = column.number_format
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    keys = [c.key for c in columns]
    if "file" in keys:
        _link_files(sheet, keys.index("file") + 1)
    workbook.save(path)


def write_report(path: Path, rows: Sequence[ReportRow], include_contact: bool = True, blind: bool = False) -> int:
    """Write in the format the file name asks for; returns the number of candidates written.

    A blind list (rows from `blind_report_row`) says so in its sheet's name, its first column and its JSON."""
    write_table(path, rows, report_columns(include_contact, blind), BLIND_TITLE if blind else "Candidates")
    return len(rows)


def write_table(
    path: Path, rows: Sequence[ReportRow], columns: Sequence[ReportColumn], title: str = "Candidates"
) -> None:
    """Write rows as CSV, as a sheet named `title` or as JSON titled so, as the file name asks."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv_file(rows, path, [c.key for c in columns], [c.header for c in columns])
    elif suffix == ".xlsx":
        write_xlsx(rows, path, columns, title)
    elif suffix == ".json":
        write_json_table(rows, path, columns, title)
    else:
        raise ScreenerError(f"Cannot export to “{path.name}”: choose a name ending in .csv, .xlsx or .json.")


def write_json_table(rows: Iterable[ReportRow], path: Path, columns: Sequence[ReportColumn], title: str) -> None:
    """The rows as JSON objects holding the columns' keys only, with the title and the columns' headers."""
    document = {
        "title": title,
        "blind": "blind" in title,
        "columns": {c.key: c.header for c in columns},
        "rows": [{c.key: row.get(c.key, "") for c in columns} for row in rows],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
