"""How one CV was read, as text: its blocks by page and section, then each finding, the years and the scores."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from screener.blocks import join_wrapped
from screener.errors import UnreadablePdfError
from screener.models import Candidate, CertMatch, Degree, Document, Job, Span
from screener.screening import file_sha256
from screener.settings import Settings
from screener.workers import DEFAULT_LIMITS, read_in_workers
from screener.workers import Job as FileToRead

__all__ = ["explain", "explain_file", "read_in_a_worker"]

NOT_FOUND = "—"


def read_in_a_worker(path: Path, settings: Settings) -> tuple[Document, Candidate]:
    """The file's extraction and result, read as a batch reads it: in a worker, under its time and memory limits.

    Raises UnreadablePdfError with the reason when the file cannot be read (or its reader crashed).
    """
    job = FileToRead(path, file_sha256(path))
    outcomes = read_in_workers([job], settings, workers=1, limits=DEFAULT_LIMITS, is_cancelled=lambda: False)
    _job, outcome = next(iter(outcomes))
    if outcome.document is None or outcome.candidate is None:
        raise UnreadablePdfError(outcome.reason or "the reader gave no result")
    return outcome.document, outcome.candidate


def explain_file(path: Path, settings: Settings) -> str:
    """Read and screen one file, then explain what was found where."""
    document, candidate = read_in_a_worker(path, settings)
    return explain(document, candidate, candidate.as_of or settings.reference_date())


def explain(document: Document, candidate: Candidate, as_of: date) -> str:
    """The document's blocks, then every finding with the text that decided it, then years and scores."""
    return "\n".join(
        [
            f"{candidate.file}: {document.pages} page(s), 'Present' read as {as_of.isoformat()}",
            *_warnings(document.warnings + candidate.warnings),
            *_blocks(document),
            *_findings("Jobs", ((_job_summary(job), job.span) for job in candidate.jobs)),
            *_findings("Degrees", ((_degree_summary(d), d.span) for d in candidate.degrees)),
            *_findings("Certifications", ((_certification_summary(c), c.span) for c in candidate.certifications)),
            *_summary(candidate),
        ]
    )


def _titled(title: str, entries: list[str]) -> list[str]:
    return ["", f"{title} ({len(entries)}):", *(entries or [f"  {NOT_FOUND}"])]


def _where(span: Span) -> str:
    return f"p{span.page} {span.section}: {span.text!r}"


def _warnings(warnings: Iterable[str]) -> list[str]:
    return [f"warning: {warning}" for warning in warnings]


def _blocks(document: Document) -> list[str]:
    # Blocks, not physical lines: certifications and degrees are read from them, so a paragraph joined
    # wrongly (or not joined) shows here as it was read.
    rows = [
        f"  p{block.page:<3} {block.section:<14} {'#' if block.is_heading else ' '} {block.text}"
        for block in join_wrapped(document.lines)
    ]
    return _titled("Blocks (wrapped lines joined): page, section, '#' before a heading", rows)


def _findings(title: str, found: Iterable[tuple[str, Span]]) -> list[str]:
    """One entry per finding: what was read, then the text it was read from."""
    return _titled(title, [f"  {summary}\n      from {_where(span)}" for summary, span in found])


def _job_summary(job: Job) -> str:
    kinds = [kind for kind, is_kind in (("management", job.management), ("technical", job.technical)) if is_kind]
    end = f"{job.end.isoformat()} (open-ended)" if job.open_ended else job.end.isoformat()
    return (
        f"{job.title or NOT_FOUND} | {job.employer or NOT_FOUND} | {job.start.isoformat()} – {end} | "
        f"{', '.join(kinds) or 'neither management nor technical'}"
    )


def _degree_summary(degree: Degree) -> str:
    technical = "technical" if degree.technical else "not technical"
    field = degree.field or NOT_FOUND
    return f"{degree.level} | {field} | {technical} | {degree.status} | matched {degree.matched_text!r}"


def _certification_summary(cert: CertMatch) -> str:
    return f"{cert.cert_id} | {cert.status} | matched {cert.matched_text!r} (similarity {cert.similarity:.0f})"


def _years(value: float | None) -> str:
    return NOT_FOUND if value is None else f"{value:.1f}"


def _summary(candidate: Candidate) -> list[str]:
    contact = candidate.contact
    rows = [
        "",
        f"Contact: name {contact.name or NOT_FOUND}; email {contact.email or NOT_FOUND}; "
        f"phone {contact.phone or NOT_FOUND}",
        f"Years: total {_years(candidate.years_experience)}, managing {_years(candidate.years_management)}, "
        f"technical {_years(candidate.years_technical)}",
    ]
    scores = candidate.scores
    if scores is None:
        return [*rows, "Scores: none"]
    evidence = [
        f"  {item.axis:<10} {item.points:>5.1f}  {item.component}: {item.label}  ({_where(item.span)})"
        for item in scores.evidence
    ]
    return [
        *rows,
        f"Scores: management {scores.management:.1f}, technical {scores.technical:.1f}; role fit {scores.role_fit}",
        *_titled("Evidence: axis, points, what, where", evidence)[1:],
    ]
