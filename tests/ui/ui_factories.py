"""Candidates built in code and a fake engine for the desktop app's tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from screener.models import (
    Box,
    Candidate,
    CertCategory,
    CertMatch,
    CertStatus,
    Contact,
    Degree,
    Document,
    Evidence,
    RoleFit,
    Scores,
    Span,
)
from screener.settings import Settings
from screener.store import Session, scoring_fingerprint
from ui.engine import Engine, ProgressSink

# What a fake screening stores as a CV's extraction; nothing in these tests reads it back.
ONE_PAGE = Document(pages=1, lines=())
# Where the generated CV prints its PMP line, in PDF points from the top-left corner.
PMP_BOX = Box(x0=72.0, top=150.0, x1=400.0, bottom=164.0)


def span(text: str, page: int = 1, box: Box = PMP_BOX) -> Span:
    return Span(text=text, page=page, box=box, section="certifications")


def cert(name: str = "PMP", category: CertCategory = "management", status: CertStatus = "held") -> CertMatch:
    return CertMatch(
        cert_id=name.lower(),
        name=name,
        category=category,
        status=status,
        matched_text=name,
        similarity=100.0,
        weight=30.0,
        span=span(name),
    )


def make_candidate(
    name: str = "Ada Lovelace",
    *,
    management: float = 70.0,
    technical: float = 60.0,
    role_fit: RoleFit = "tpm",
    file: str | None = None,
    sha256: str | None = None,
    certifications: Sequence[CertMatch] = (),
    evidence: Sequence[Evidence] = (),
    years: float | None = 8.0,
) -> Candidate:
    return Candidate(
        file=file or f"/cvs/{name.replace(' ', '_').lower()}.pdf",
        sha256=sha256 or f"sha-{name}",
        pages=1,
        contact=Contact(name=name, email=f"{name.split()[0].lower()}@example.com", phone="+44 20 7946 0000"),
        certifications=tuple(certifications),
        degrees=(Degree("master", "Computer Science", True, False, "completed", "MSc Computer Science", span("MSc")),),
        years_experience=years,
        scores=Scores(management, technical, role_fit, tuple(evidence)),
    )


def make_error(file: str, reason: str = "not a PDF file") -> Candidate:
    return Candidate(file=file, sha256=f"sha-{file}", status="error", error=reason)


@dataclass
class FakeScreening:
    """Stands in for screener.batch: one candidate per file, named after the file, optionally slow."""

    seconds_per_file: float = 0.0
    results: dict[str, Candidate] = field(default_factory=dict)  # by file name; others are made up
    calls: list[list[Path]] = field(default_factory=list)
    release: threading.Event | None = None  # when set, each file waits for it (to hold an import open)

    def find_pdfs(self, paths: Iterable[Path]) -> list[Path]:
        found: set[Path] = set()
        for path in paths:
            found.update(path.glob("*.pdf") if path.is_dir() else [path])
        return sorted(found)

    def screen_files(
        self,
        files: Sequence[Path],
        settings: Settings,
        *,
        workers: int | None = None,
        progress: ProgressSink | None = None,
        session: Session | None = None,
    ) -> list[Candidate]:
        self.calls.append(list(files))
        if session is not None:
            session.queue(files)  # as the engine does: an interrupted import is resumed from the queue
        if progress:
            progress.on_started(len(files))
        done: list[Candidate] = []
        for index, path in enumerate(files):
            if progress and progress.is_cancelled():
                break
            if self.release is not None:
                self.release.wait(5)
            time.sleep(self.seconds_per_file)
            candidate = self.results.get(path.name) or make_candidate(
                path.stem.replace("_", " ").title(),
                management=index * 10 % 100,
                technical=index * 7 % 100,
                file=str(path),
            )
            done.append(candidate)
            if session is not None:
                session.record(candidate, ONE_PAGE, scored_with=scoring_fingerprint(settings))
            if progress:
                progress.on_result(candidate, len(done), len(files))
        return done

    def engine(self) -> Engine:
        return Engine(settings=Settings(), find_pdfs=self.find_pdfs, screen_files=self.screen_files)


def pdf_files(folder: Path, count: int) -> list[Path]:
    """Empty files named like CVs: the fake engine never opens them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"candidate_{index:03d}.pdf" for index in range(count)]
    for path in paths:
        path.write_bytes(b"%PDF-1.4\n")
    return paths
