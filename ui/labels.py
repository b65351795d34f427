"""Words and short summaries the app shows for engine values, shared by the table, detail pane and export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from screener.cv_date import is_old

# The engine's words for a role fit, so the list and its export say the same.
from screener.export import ROLE_FIT_LABELS as ROLE_FIT_LABELS
from screener.models import Candidate, RoleFit

# Higher is better: sorting the role-fit column descending puts TPMs first.
ROLE_FIT_RANK: dict[RoleFit, int] = {"tpm": 4, "pm": 3, "technical": 2, "other": 1}

_LIBRARY_WORDS = ("PDFium", "Failed to")  # what a PDF library's own message says; a reviewer needs none of it


def held_certifications_text(candidate: Candidate) -> str:
    return "; ".join(c.name for c in candidate.held_certifications)


def has_pm_certification(candidate: Candidate) -> bool:
    """A held certification in project management or agile delivery (PMP, PRINCE2, CSM, ...)."""
    return any(c.category in ("management", "agile") for c in candidate.held_certifications)


def years_text(years: float | None) -> str:
    return "" if years is None else f"{years:.1f}"


def years_cell(candidate: Candidate) -> str:
    """The years, with the CV's year beside them when it was written more than a year ago ("6.5 · 2021")."""
    years = years_text(candidate.years_experience)
    if years and candidate_is_old(candidate):
        return f"{years} · {candidate.as_of:%Y}"
    return years


def candidate_is_old(candidate: Candidate) -> bool:
    day, source = candidate.as_of, candidate.as_of_source
    return day is not None and source is not None and is_old(day, source, date.today())


def display_name(candidate: Candidate) -> str:
    """The contact name, or the file name when the CV gave none (so error rows still say which file)."""
    return candidate.contact.name or file_name(candidate)


def file_name(candidate: Candidate) -> str:
    return Path(candidate.file).name


def status_text(candidate: Candidate) -> str:
    if candidate.error:
        return f"{candidate.status}: {candidate.error}"
    return f"{candidate.status} · {ocr_text(candidate)}" if candidate.read_by_ocr else candidate.status


def ocr_text(candidate: Candidate) -> str:
    """The list's mark for a CV read by OCR from a scan, with the engine's mean confidence."""
    confidence = candidate.ocr_confidence
    return f"OCR {confidence:.0%}" if confidence is not None else "OCR"


def unreadable_text(candidate: Candidate) -> str:
    """Why a file was not read, in the reader's words without a PDF library's ("PDFium: Data format error")."""
    reason = candidate.error or "no reason was given"
    said, bracket, detail = reason.partition(" (")
    if bracket and any(word in detail for word in _LIBRARY_WORDS):
        reason = said
    return f"This file could not be read: {reason}."


_GATE_MARKS = {"pass": "✓", "fail": "✗", "unknown": "?"}


def gates_text(candidate: Candidate) -> str:
    """One line per must-have of the profile applied: its mark, the requirement and the evidence."""
    fit = candidate.profile_fit
    if fit is None or not fit.gates:
        return ""
    lines = [f"{_GATE_MARKS[g.outcome]} {g.requirement}: {g.evidence}" for g in fit.gates]
    extra = f" (+{fit.nice_to_have_points:g} for nice-to-haves)" if fit.nice_to_have_points else ""
    return f"Must-haves for {fit.profile}{extra}:\n" + "\n".join(lines)
