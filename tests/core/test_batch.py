"""Batches: a file that hangs, crashes or bloats its worker fails alone; sessions spare re-reading; duplicates."""

from __future__ import annotations

import ctypes
import os
import shutil
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF

from screener.batch import WorkerLimits, screen_files
from screener.models import Candidate, Document
from screener.pdftext import Backend, read_document
from screener.settings import Settings
from screener.store import Session

SETTINGS = Settings(as_of=date(2025, 6, 1))


# Readers run in spawned workers, which import them from this module by name.
def hostile_reader(path: Path, backend: Backend) -> Document:
    """Reads normally, except files named for what they do to the worker."""
    if path.stem == "hangs":
        time.sleep(600)
    elif path.stem == "exits":
        os._exit(3)
    elif path.stem == "segfaults":
        ctypes.string_at(0)
    elif path.stem == "bloats":
        bytearray(4 << 30)
    return read_document(path, backend)


def failing_reader(path: Path, backend: Backend) -> Document:
    raise AssertionError(f"{path} was read again")


class Recorder:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.results: list[Candidate] = []
        self.cancel_after = cancel_after

    def on_started(self, total: int) -> None:
        self.total = total

    def on_result(self, candidate: Candidate, done: int, total: int) -> None:
        self.results.append(candidate)

    def is_cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.results) >= self.cancel_after


def by_name(results: list[Candidate]) -> dict[str, Candidate]:
    return {Path(c.file).name: c for c in results}


def test_hung_crashed_and_bloated_workers_fail_their_file_and_the_batch_goes_on(
    tmp_path: Path, cv_files: list[Path]
) -> None:
    stems = ("hangs", "exits", "segfaults", "bloats")
    files = [Path(shutil.copy(path, tmp_path / f"{stem}.pdf")) for path, stem in zip(cv_files, stems, strict=False)]
    files += cv_files[4:]
    limits = WorkerLimits(seconds=3.0, memory_bytes=1 << 30)
    started = time.monotonic()
    results = by_name(screen_files(files, SETTINGS, workers=2, limits=limits, extract=hostile_reader))
    assert time.monotonic() - started < 20
    assert results["hangs.pdf"].error == "took longer than 3 s"
    assert results["exits.pdf"].error == "the reader crashed on this file (exit status 3)"
    assert results["segfaults.pdf"].error is not None and "the reader crashed" in results["segfaults.pdf"].error
    assert results["bloats.pdf"].error == "the reader used too much memory (over 1024 MB)"
    assert all(c.status == "error" and c.sha256 for c in list(results.values())[:4])
    assert [results[p.name].status for p in cv_files[4:]] == ["ok", "ok"]


def test_cancel_stops_a_batch_waiting_on_a_hung_file(tmp_path: Path, cv_files: list[Path]) -> None:
    files = [Path(shutil.copy(cv_files[0], tmp_path / "hangs.pdf")), *cv_files[1:]]
    progress = Recorder(cancel_after=1)
    started = time.monotonic()
    results = screen_files(files, SETTINGS, workers=2, progress=progress, extract=hostile_reader)
    assert time.monotonic() - started < 10  # not the 30 s time limit
    assert 1 <= len(results) < len(files) and results == progress.results


def test_a_session_spares_reading_known_files_again(tmp_path: Path, cv_files: list[Path]) -> None:
    with Session.open(tmp_path / "s.sqlite") as session:
        first = screen_files(cv_files, SETTINGS, workers=2, session=session)
        again = screen_files(cv_files, SETTINGS, workers=2, session=session, extract=failing_reader)
        renamed = Path(shutil.copy(cv_files[0], tmp_path / "renamed copy.pdf"))
        moved = screen_files([renamed], SETTINGS, session=session, extract=failing_reader)
    assert sorted(again, key=lambda c: c.file) == sorted(first, key=lambda c: c.file)
    assert moved == [replace(by_name(first)[cv_files[0].name], file=str(renamed))]


def test_a_changed_catalogue_rescores_the_session_without_reading(tmp_path: Path, cv_files: list[Path]) -> None:
    with Session.open(tmp_path / "s.sqlite") as session:
        screen_files(cv_files[:3], SETTINGS, session=session)
        later = replace(SETTINGS, as_of=date(2040, 1, 1))
        rescored = screen_files(cv_files[:3], later, session=session, extract=failing_reader)
    expected = screen_files(cv_files[:3], later, workers=2)
    assert sorted(rescored, key=lambda c: c.file) == sorted(expected, key=lambda c: c.file)


def test_the_same_content_twice_is_one_candidate_and_a_duplicate(tmp_path: Path, cv_files: list[Path]) -> None:
    copy = Path(shutil.copy(cv_files[0], tmp_path / "zz copy.pdf"))
    results = screen_files([cv_files[0], copy], SETTINGS, workers=1)
    assert [(c.status, c.error) for c in results] == [("ok", None), ("duplicate", f"duplicate of {cv_files[0]}")]
    assert results[1].sha256 == results[0].sha256


def contact_cv(path: Path, *lines: str) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(0, 12, "Dana Whitfield", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for text in lines:
        pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_the_same_person_in_two_different_files_is_flagged(tmp_path: Path) -> None:
    contact_cv(tmp_path / "2024.pdf", "dana@example.com", "+1 312.555.0384", "Project Manager")
    contact_cv(tmp_path / "2025.pdf", "dana@example.com", "Senior Project Manager")
    contact_cv(tmp_path / "no email.pdf", "+1 312.555.0384", "Programme Manager")
    progress = Recorder()
    results = by_name(screen_files(sorted(tmp_path.glob("*.pdf")), SETTINGS, workers=1, progress=progress))
    assert len({c.sha256 for c in results.values()}) == 3
    assert f"possible duplicate of {tmp_path / '2025.pdf'} (same email)" in results["2024.pdf"].warnings
    assert f"possible duplicate of {tmp_path / '2024.pdf'} (same email)" in results["2025.pdf"].warnings
    assert f"possible duplicate of {tmp_path / '2024.pdf'} (same name and phone)" in results["no email.pdf"].warnings
    streamed = by_name(progress.results)
    assert not any("2025.pdf" in w for w in streamed["2024.pdf"].warnings)  # only earlier files while streaming
    assert streamed["2025.pdf"].warnings == results["2025.pdf"].warnings


@pytest.mark.parametrize("workers", [1, 3])
def test_every_file_gets_one_row(tmp_path: Path, cv_files: list[Path], workers: int) -> None:
    results = screen_files(cv_files, SETTINGS, workers=workers)
    assert sorted(c.file for c in results) == sorted(map(str, cv_files))
    assert {c.status for c in results} == {"ok"}
