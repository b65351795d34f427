"""The day a CV was written: "Present" in it means that day, not the day it is screened.

Agencies screen CVs that are years old. A CV's own date line ("Last updated: March 2023") decides, else the
day its PDF was last saved; never a day after today. A date set for the whole run (`--as-of`) overrides both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from screener.experience import DateRange, find_date_ranges
from screener.models import CvDates, DateSource, Document, Line

__all__ = ["ReferenceDate", "cv_dates", "describe", "is_old", "reference_date"]

SOURCE_WORDS: dict[DateSource, str] = {
    "run": "set for the run",
    "cv": "from the CV's date line",
    "pdf": "from the PDF",
    "today": "today: the CV gives no date",
}
# Words that introduce the day a CV was written, in the languages CVs arrive in.
_DATE_CUE = re.compile(
    r"\b(?:(?:last\s+)?(?:updated|revised|modified)(?:\s+on)?|as\s+of|stand|stand\s+vom|aktualisiert(?:\s+am)?"
    r"|mis\s+à\s+jour(?:\s+le)?|actualizado(?:\s+en)?|aggiornato(?:\s+al)?|bijgewerkt(?:\s+op)?|atualizado(?:\s+em)?)"
    r"\s*[:\-–]?\s*",
    re.IGNORECASE,
)


_DAYS_IN_A_YEAR = 365
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class ReferenceDate:
    """The day "Present" stands for in one CV, and where that day came from."""

    day: date
    source: DateSource


def describe(day: date, source: DateSource) -> str:
    """E.g. "as of Aug 2023, from the PDF"."""
    return f"as of {day:%b %Y}, {SOURCE_WORDS[source]}"


def is_old(day: date, source: DateSource, today: date) -> bool:
    """Written more than a year before today: its "Present" is long past, worth a flag in the list."""
    return source in ("cv", "pdf") and (today - day).days > _DAYS_IN_A_YEAR


def cv_dates(document: Document, today: date) -> CvDates:
    """The dates the CV carries: its "Last updated" line, and its PDF's date when that is plausible."""
    saved = document.pdf_date
    if saved is not None and _dated_before_its_work(saved, document.lines):
        saved = None
    return CvDates(written_date(document.lines, today), saved)


def reference_date(dates: CvDates, run_date: date | None, today: date) -> ReferenceDate:
    """The run's date when one is set, else the CV's own date line, else its PDF's date, else today."""
    if run_date is not None:
        return ReferenceDate(run_date, "run")
    if dates.written is not None:
        return ReferenceDate(min(dates.written, today), "cv")
    if dates.saved is not None:
        return ReferenceDate(min(dates.saved, today), "pdf")
    return ReferenceDate(today, "today")


def _dated_before_its_work(saved: date, lines: Sequence[Line]) -> bool:
    """A PDF "saved" before a year its work history names carries a date that is not the CV's (tools that
    stamp a fixed date, such as 2000-01-01): a CV is not written before the jobs it lists."""
    return any(
        int(year) > saved.year for line in lines if line.section == "experience" for year in _YEAR.findall(line.text)
    )


def written_date(lines: Sequence[Line], today: date) -> date | None:
    """The last day of the period a "Last updated ..." line names, or None when the CV has no such line."""
    for line in lines:
        for cue in _DATE_CUE.finditer(line.text):
            found = find_date_ranges(line.text[cue.end() :], today)
            if found and found[0].start_index == 0 and _single_day_or_period(found[0]):
                return found[0].written_end
    return None


def _single_day_or_period(found: DateRange) -> bool:
    """A day, month or year ("March 2023"), not a range of years ("2020 - 2022") nor "since 2020"."""
    return found.written_end is not None and found.written_end.year == found.start.year
