"""Results as the JSON contract (screener.results/1), as table rows, and as CSV safe for spreadsheets."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from screener.catalogue import Catalogue
from screener.cv_date import describe
from screener.models import Candidate, Span
from screener.profiles import DEGREE_RANK, gates_summary
from screener.source_file import readable_path

RESULTS_SCHEMA = "screener.results/1"
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


def highest_degree(candidate: Candidate) -> str:
    if not candidate.degrees:
        return ""
    best = max(candidate.degrees, key=lambda d: DEGREE_RANK[d.level])
    return f"{best.level} {best.field}".strip()


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
        "evidence": [
            {"axis": e.axis, "component": e.component, "label": e.label, "points": e.points, **_span(e.span)}
            for e in (scores.evidence if scores else ())
        ],
        "warnings": list(candidate.warnings),
        **_profile_fit(candidate),
    }


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


def results_document(candidates: Iterable[Candidate], catalogue: Catalogue) -> dict[str, Any]:
    return {
        "schema": RESULTS_SCHEMA,
        "catalogue": {
            "source": catalogue.source,
            "schema_version": catalogue.schema_version,
            "certifications": len(catalogue.certifications),
            "thresholds": dict(catalogue.scoring.thresholds),
        },
        "candidates": [candidate_to_dict(c) for c in candidates],
    }


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
        "email": candidate.contact.email or "",
        "phone": candidate.contact.phone or "",
        "file": readable_path(candidate.file),
    }


def write_csv(rows: Iterable[dict[str, object]], stream: IO[str], columns: Sequence[str] = TABLE_COLUMNS) -> None:
    """CSV with one row per candidate, every text cell neutralised against formula injection."""
    writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: neutralise_cell(value) for key, value in row.items()})


def write_csv_file(rows: Iterable[dict[str, object]], path: Path, columns: Sequence[str] = TABLE_COLUMNS) -> None:
    # utf-8-sig so that Excel on Windows reads accented names correctly.
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        write_csv(rows, stream, columns)
