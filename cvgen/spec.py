"""What a generated CV prints, how it is drawn, and what the screener should find in it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Layout = Literal["single", "sidebar", "table", "ligature"]
Producer = Literal["fpdf2", "reportlab"]
DegreeLevel = Literal["associate", "bachelor", "master", "mba", "phd", "other"]
DegreeStatus = Literal["completed", "in_progress"]
RoleFit = Literal["tpm", "pm", "technical", "other"]

LAYOUTS: tuple[Layout, ...] = ("single", "sidebar", "table", "ligature")
PRODUCERS: tuple[Producer, ...] = ("fpdf2", "reportlab")

# Every label is relative to this day: "Present", "now" and "Since 2020" end here.
AS_OF = date(2026, 11, 25)


@dataclass(frozen=True)
class JobSpec:
    """One position as printed, with the period its date text stands for.

    `start`/`end` follow the printed text: a month form covers whole months ("Jan 2015 – Mar 2016"
    runs from 1 Jan 2015 to 1 Apr 2016); a year-only form runs from 1 January of the first year to
    1 January of the last ("2015-2019" is four years). `end` None with a `start` means ongoing at
    AS_OF; `start` None means the CV gives no dates for the job.
    """

    title: str
    employer: str
    dates_text: str
    bullets: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class EducationSpec:
    """One education line as printed; `level` None means it is not a degree (A-levels, a course)."""

    text: str
    level: DegreeLevel | None = None
    technical: bool = False
    status: DegreeStatus = "completed"


@dataclass(frozen=True)
class ExtraSection:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Headings:
    """Section titles as printed; CVs name the same section many ways."""

    summary: str = "Summary"
    experience: str = "Experience"
    education: str = "Education"
    certifications: str = "Certifications"
    skills: str = "Skills"
    contact: str = "Contact"


@dataclass(frozen=True)
class Style:
    page: Literal["A4", "Letter"] = "A4"
    typeface: Literal["sans", "serif"] = "sans"
    caps_headings: bool = True
    sidebar_side: Literal["left", "right"] = "left"
    dates_right: bool = True  # dates on the title's line, right-aligned; else on the line below
    skills_inline: bool = False  # one comma-separated paragraph instead of one skill per line
    headings: Headings = field(default_factory=Headings)


@dataclass(frozen=True)
class CVSpec:
    """A fictional CV: the printed content, how to draw it, and the truth behind it.

    The truth (`held` ... `role_fit`) is written by whoever builds the spec, next to the lines that
    justify it, because a line such as "PMP candidate" only tells a reader what it means.
    """

    name: str
    email: str | None
    phone: str | None
    headline: str
    summary: str
    jobs: tuple[JobSpec, ...]
    education: tuple[EducationSpec, ...]
    certifications: tuple[str, ...]
    skills: tuple[str, ...]
    role_fit: RoleFit
    location: str | None = None
    extras: tuple[ExtraSection, ...] = ()
    layout: Layout = "single"
    producer: Producer = "fpdf2"
    style: Style = field(default_factory=Style)
    held: tuple[str, ...] = ()
    planned: tuple[str, ...] = ()
    expired: tuple[str, ...] = ()
    traps: tuple[str, ...] = ()


@dataclass(frozen=True)
class DegreeLabel:
    level: DegreeLevel
    technical: bool
    status: DegreeStatus


@dataclass(frozen=True)
class Labels:
    """What a correct screener reports for one CV; `to_json` gives the documented labels.json entry."""

    name: str
    email: str | None
    phone: str | None
    held: tuple[str, ...]
    planned: tuple[str, ...]
    expired: tuple[str, ...]
    traps: tuple[str, ...]
    degrees: tuple[DegreeLabel, ...]
    years: float | None
    role_fit: RoleFit

    def to_json(self) -> dict[str, Any]:
        entry = asdict(self)  # nested dataclasses become dicts, tuples stay tuples
        return {key: list(value) if isinstance(value, tuple) else value for key, value in entry.items()}


def years_of_experience(jobs: tuple[JobSpec, ...], as_of: date = AS_OF) -> float | None:
    """Total years worked, overlapping periods counted once; None when no job is dated."""
    periods = sorted((job.start, job.end or as_of) for job in jobs if job.start is not None)
    if not periods:
        return None
    days = 0
    covered_until = periods[0][0]
    for start, end in periods:
        start = max(start, covered_until)
        if end > start:
            days += (end - start).days
            covered_until = end
    return round(days / 365.25, 1)


def labels_for(spec: CVSpec) -> Labels:
    degrees = tuple(
        DegreeLabel(entry.level, entry.technical, entry.status)
        for entry in spec.education
        if entry.level is not None
    )
    return Labels(
        name=spec.name,
        email=spec.email,
        phone=spec.phone,
        held=tuple(sorted(set(spec.held))),
        planned=tuple(sorted(set(spec.planned))),
        expired=tuple(sorted(set(spec.expired))),
        traps=spec.traps,
        degrees=degrees,
        years=years_of_experience(spec.jobs),
        role_fit=spec.role_fit,
    )
