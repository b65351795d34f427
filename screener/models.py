"""Frozen value types that carry a CV from its text to its scores."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Section = Literal[
    "header",  # anything before the first heading: name, contact, title
    "summary",
    "experience",
    "education",
    "certifications",
    "skills",
    "projects",
    "training",
    "languages",
    "other",
]
CertStatus = Literal["held", "planned", "expired"]
CertCategory = Literal["management", "agile", "technical"]
DegreeLevel = Literal["associate", "bachelor", "master", "mba", "phd", "other"]
DegreeStatus = Literal["completed", "in_progress"]
Axis = Literal["management", "technical"]
RoleFit = Literal["tpm", "pm", "technical", "other"]
FileStatus = Literal["ok", "error", "duplicate"]
GateOutcome = Literal["pass", "fail", "unknown"]
DateSource = Literal["run", "cv", "pdf", "today"]
MentionKind = Literal["practice", "project", "duty", "skill"]


@dataclass(frozen=True)
class Box:
    """A rectangle on a page in PDF points, origin at the top-left (pdfplumber's convention)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0), min(self.top, other.top), max(self.x1, other.x1), max(self.bottom, other.bottom)
        )

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.top < other.bottom and other.top < self.bottom


@dataclass(frozen=True)
class Line:
    """One line of text in reading order, with where it sits and what it looks like."""

    text: str
    page: int  # 1-based
    box: Box
    size: float  # font size in points (median over the line's characters)
    bold: bool
    section: Section = "header"
    is_heading: bool = False


@dataclass(frozen=True)
class Document:
    """The extraction of one PDF: everything scoring needs, cheap to store and re-score."""

    pages: int
    lines: tuple[Line, ...]
    page_sizes: tuple[tuple[float, float], ...] = ()  # (width, height) per page, in points
    pages_read: int = 0  # fewer than `pages` when a long document was cut short
    warnings: tuple[str, ...] = ()
    pdf_date: date | None = None  # when the PDF was last saved, from its metadata
    ocr_pages: tuple[int, ...] = ()  # pages read by OCR (scanned), 1-based
    ocr_confidence: float | None = None  # the OCR engine's mean confidence over those pages, 0-1
    ocr_seconds: tuple[float, ...] = ()  # the processor time OCR took on each of them
    ocr_turns: tuple[tuple[int, int], ...] = ()  # (page, degrees clockwise) of pages read turned upright
    ocr_unsure: tuple[tuple[int, Box], ...] = ()  # (page, box) of each word OCR read with low confidence


@dataclass(frozen=True)
class Span:
    """Where a piece of evidence sits: the line it was read from."""

    text: str
    page: int
    box: Box
    section: Section


@dataclass(frozen=True)
class CertMatch:
    cert_id: str
    name: str
    category: CertCategory
    status: CertStatus
    matched_text: str
    similarity: float
    weight: float
    span: Span


@dataclass(frozen=True)
class Degree:
    level: DegreeLevel
    field: str
    technical: bool
    management: bool
    status: DegreeStatus
    matched_text: str
    span: Span


@dataclass(frozen=True)
class Job:
    title: str
    employer: str
    start: date
    end: date
    management: bool
    technical: bool
    span: Span
    duties: tuple[str, ...] = ()
    # As the CV states it, so the end can be resolved again for another reference date.
    written_end: date | None = None
    open_ended: bool = False  # "Present", "now", "since 2020"

    @property
    def years(self) -> float:
        return max(0.0, (self.end - self.start).days / 365.25)


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Mention:
    """A line scoring counts for its words: the first to name a practice area, technical duty or skill, or a
    line about project work. Found with the other findings, so scoring them again needs no text."""

    kind: MentionKind
    topic: str  # the practice area, duty or skill; for project work the line's first words
    span: Span


@dataclass(frozen=True)
class CvDates:
    """The CV's own dates, which the day its "Present" stands for is taken from when the run sets none."""

    written: date | None = None  # its "Last updated ..." line
    saved: date | None = None  # its PDF's date, unless that is earlier than the work it lists


@dataclass(frozen=True)
class Evidence:
    """One scored fact: the points it adds to an axis and the text it rests on."""

    axis: Axis
    component: str
    label: str
    points: float
    span: Span
    ocr_unsure: bool = False  # its line holds a word OCR read with low confidence: check it on the page


@dataclass(frozen=True)
class Scores:
    management: float
    technical: float
    role_fit: RoleFit
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class GateResult:
    """How a candidate stands on one must-have of a role profile, and what in the CV says so."""

    requirement: str
    outcome: GateOutcome
    evidence: str


@dataclass(frozen=True)
class ProfileFit:
    """A candidate measured against a role profile; the scores themselves stay pure evidence sums."""

    profile: str
    gates: tuple[GateResult, ...]
    nice_to_have_points: float
    standing: float  # higher ranks first: see screener.profiles.standing

    @property
    def failed_gates(self) -> tuple[GateResult, ...]:
        return tuple(g for g in self.gates if g.outcome == "fail")


@dataclass(frozen=True)
class Candidate:
    """The screening result for one file; a failed file is a Candidate with status 'error'."""

    file: str
    sha256: str
    status: FileStatus = "ok"
    error: str | None = None
    pages: int = 0
    contact: Contact = field(default_factory=Contact)
    certifications: tuple[CertMatch, ...] = ()
    degrees: tuple[Degree, ...] = ()
    jobs: tuple[Job, ...] = ()
    years_experience: float | None = None
    years_management: float | None = None
    years_technical: float | None = None
    scores: Scores | None = None
    warnings: tuple[str, ...] = ()
    profile_fit: ProfileFit | None = None  # set when a role profile is applied, never by screening
    as_of: date | None = None  # the day "Present" stood for in this CV
    as_of_source: DateSource | None = None  # where that day came from: see screener.cv_date
    ocr_pages: tuple[int, ...] = ()  # pages read by OCR: the text there is as good as the scan
    ocr_confidence: float | None = None  # the OCR engine's mean confidence over those pages, 0-1
    # (page, degrees clockwise) of scanned pages read turned upright: their evidence is boxed on the page so turned.
    ocr_turns: tuple[tuple[int, int], ...] = ()
    mentions: tuple[Mention, ...] = ()
    ocr_unsure: tuple[tuple[int, Box], ...] = ()  # as in its Document: what its evidence is checked against
    cv_dates: CvDates = field(default_factory=CvDates)

    @property
    def read_by_ocr(self) -> bool:
        return bool(self.ocr_pages)

    @property
    def held_certifications(self) -> tuple[CertMatch, ...]:
        return tuple(c for c in self.certifications if c.status == "held")
