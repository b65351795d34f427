"""Batches: a file that hangs, crashes or bloats its worker fails alone; sessions spare re-reading; duplicates."""

from __future__ import annotations

import csv
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF

from screener import batch
from screener.batch import WorkerLimits, screen_files
from screener.cache import ExtractionCache
from screener.cli import main
from screener.duplicates import copy_of
from screener.models import Candidate, Document
from screener.pdftext import Backend, read_document
from screener.settings import Settings
from screener.store import Session

SETTINGS = Settings(as_of=date(2025, 6, 1))


KILL_EVERY_PDF = "SCREENER_TEST_KILL_EVERY_PDF"  # set while a test wants every worker killed on a PDF


# Readers run in spawned workers, which import them from this module by name.
def hostile_reader(content: bytes, backend: Backend) -> Document:
    """Reads normally, except contents that start with what they do to the worker."""
    if content.startswith(b"sleeps"):
        time.sleep(600)
    elif content.startswith(b"spins"):
        while True:
            pass
    elif content.startswith(b"exits"):
        os._exit(3)
    elif content.startswith(b"segfaults"):
        ctypes.string_at(0)
    elif content.startswith(b"bloats"):
        bytearray(4 << 30)
    elif os.environ.get(KILL_EVERY_PDF) and content.startswith(b"%PDF"):
        os.kill(os.getpid(), signal.SIGKILL)  # as a user or the system's out-of-memory killer would
    return read_document(content, backend)


def failing_reader(content: bytes, backend: Backend) -> Document:
    raise AssertionError("a file was read again")


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


def hostile_file(folder: Path, behaviour: str) -> Path:
    path = folder / f"{behaviour}.pdf"
    path.write_bytes(behaviour.encode() + b" %PDF-1.4")
    return path


def test_hung_crashed_and_bloated_workers_fail_their_file_and_the_batch_goes_on(
    tmp_path: Path, cv_files: list[Path]
) -> None:
    files = [hostile_file(tmp_path, behaviour) for behaviour in ("spins", "exits", "segfaults", "bloats")]
    files += cv_files[4:]
    limits = WorkerLimits(seconds=3.0, memory_bytes=1 << 30)
    results = by_name(screen_files(files, SETTINGS, workers=2, limits=limits, extract=hostile_reader))
    assert results["spins.pdf"].error == "took longer than 3 s"
    assert results["exits.pdf"].error == "the reader crashed on this file (exit status 3)"
    assert results["segfaults.pdf"].error is not None and "the reader crashed" in results["segfaults.pdf"].error
    assert results["bloats.pdf"].error == "the reader used too much memory (over 1024 MB)"
    assert all(c.status == "error" and c.sha256 for c in list(results.values())[:4])
    assert [results[p.name].status for p in cv_files[4:]] == ["ok", "ok"]


def test_cancel_stops_a_batch_waiting_on_a_hung_file(tmp_path: Path, cv_files: list[Path]) -> None:
    files = [hostile_file(tmp_path, "sleeps"), *cv_files[1:]]
    progress = Recorder(cancel_after=1)
    started = time.monotonic()
    results = screen_files(files, SETTINGS, workers=2, progress=progress, extract=hostile_reader)
    # Far above a busy machine's start-up and stop, far below the 600 s a hung file is waited for.
    assert time.monotonic() - started < 120
    assert 1 <= len(results) < len(files) and results == progress.results


def test_a_session_spares_reading_known_files_again(tmp_path: Path, cv_files: list[Path]) -> None:
    with Session.open(tmp_path / "s.sqlite") as session:
        first = screen_files(cv_files, SETTINGS, workers=2, session=session)
        again = screen_files(cv_files, SETTINGS, workers=2, session=session, extract=failing_reader)
        renamed = Path(shutil.copy(cv_files[0], tmp_path / "renamed copy.pdf"))
        moved = screen_files([renamed], SETTINGS, session=session, extract=failing_reader)
    assert sorted(again, key=lambda c: c.file) == sorted(first, key=lambda c: c.file)
    # The session holds that content already: the new file is its copy, as it is when the session is reopened.
    assert moved == [copy_of(str(renamed), by_name(first)[cv_files[0].name].sha256, str(cv_files[0]))]


def test_the_session_and_the_cache_hold_the_extraction_a_worker_read(tmp_path: Path, cv_files: list[Path]) -> None:
    # Workers hand over the extraction already encoded: what is stored must decode to the document itself.
    with Session.open(tmp_path / "s.sqlite") as session:
        [candidate] = screen_files(cv_files[:1], SETTINGS, workers=1, session=session)
        assert session.document(candidate.sha256) == read_document(cv_files[0])
        stored_result = session.result(candidate.sha256)  # the result, encoded by the worker too
        assert stored_result is not None and stored_result.candidate == candidate
    with ExtractionCache.open(tmp_path / "cache.sqlite") as cache:
        screen_files(cv_files[:1], SETTINGS, workers=1, cache=cache)
        stored = cache.result(candidate.sha256)
    assert stored is not None and stored[1] == read_document(cv_files[0])


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


def test_the_first_file_imported_stays_the_original_in_later_imports_and_after_reopening(
    tmp_path: Path, cv_files: list[Path]
) -> None:
    original = Path(shutil.copy(cv_files[0], tmp_path / "zz first.pdf"))
    copies = [Path(shutil.copy(cv_files[0], tmp_path / name)) for name in ("aa copy.pdf", "mm copy.pdf")]
    with Session.open(tmp_path / "s.sqlite") as session:
        screen_files([original], SETTINGS, session=session)
        imported = screen_files(copies, SETTINGS, session=session, extract=failing_reader)
    with Session.open(tmp_path / "s.sqlite") as session:
        reopened = {c.file: (c.status, c.error) for c in session.candidates()}
    sha256 = imported[0].sha256
    assert imported == [copy_of(str(copy), sha256, str(original)) for copy in copies]
    as_copies = {str(copy): ("duplicate", f"duplicate of {original}") for copy in copies}
    assert reopened == {str(original): ("ok", None)} | as_copies


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
    # While streaming, a file is told of the earlier files of its person; the group grows as later ones arrive.
    assert f"possible duplicate of {tmp_path / '2024.pdf'} (same email)" in streamed["2025.pdf"].warnings


def test_the_command_lines_csv_names_possible_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    contact_cv(folder / "2024.pdf", "dana@example.com", "Project Manager")
    contact_cv(folder / "2025.pdf", "dana@example.com", "Senior Project Manager")
    out = tmp_path / "out.csv"
    assert main(["screen", str(folder), "--csv", str(out), "--workers", "1", "--as-of", "2026-11-25"]) == 0
    with out.open(encoding="utf-8-sig") as stream:
        rows = {Path(row["file"]).name: row for row in csv.DictReader(stream)}
    assert f"possible duplicate of {folder / '2025.pdf'} (same email)" in rows["2024.pdf"]["warnings"]
    assert f"possible duplicate of {folder / '2024.pdf'} (same email)" in rows["2025.pdf"]["warnings"]


@pytest.mark.parametrize("workers", [1, 3])
def test_every_file_gets_one_row(tmp_path: Path, cv_files: list[Path], workers: int) -> None:
    results = screen_files(cv_files, SETTINGS, workers=workers)
    assert sorted(c.file for c in results) == sorted(map(str, cv_files))
    assert {c.status for c in results} == {"ok"}


def test_a_file_replaced_after_it_was_hashed_is_stored_as_the_person_it_now_holds(
    tmp_path: Path, cv_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = by_name(screen_files(cv_files[:2], SETTINGS, workers=2)).values()
    assert first.contact.name and second.contact.name and first.contact.name != second.contact.name
    replaced = Path(shutil.copy(first.file, tmp_path / "zz.pdf"))
    hash_file = batch.file_sha256

    def hash_then_replace(path: Path) -> str:
        digest = hash_file(path)
        if path == replaced:  # the user saves another CV over it while the batch runs
            replaced.write_bytes(Path(second.file).read_bytes())
        return digest

    monkeypatch.setattr(batch, "file_sha256", hash_then_replace)
    with Session.open(tmp_path / "s.sqlite") as session:
        [row] = screen_files([replaced], SETTINGS, session=session)
        monkeypatch.undo()
        true_copy = Path(shutil.copy(first.file, tmp_path / "true copy.pdf"))
        [copy_row] = screen_files([true_copy], SETTINGS, session=session)
        assert session.pending([replaced, true_copy]) == []
    assert (row.sha256, row.contact, row.scores) == (second.sha256, second.contact, second.scores)
    assert (copy_row.sha256, copy_row.contact, copy_row.scores) == (first.sha256, first.contact, first.scores)


def test_waiting_for_the_processor_and_a_slow_start_do_not_time_out_a_cv(tmp_path: Path, cv_files: list[Path]) -> None:
    # The reader's module takes 3 s to import in each worker and the reader waits 2 s per file without computing,
    # as a worker does on a busy machine: neither is processor time spent on the file.
    from waiting_reader import read_after_waiting

    limits = WorkerLimits(seconds=1.0)
    results = screen_files(cv_files[:2], SETTINGS, workers=2, limits=limits, extract=read_after_waiting)
    assert [(c.status, c.error) for c in results] == [("ok", None), ("ok", None)]


def test_a_reader_that_waits_forever_is_stopped(tmp_path: Path) -> None:
    limits = WorkerLimits(seconds=1.0, stalled_seconds=3.0)
    [result] = screen_files([hostile_file(tmp_path, "sleeps")], SETTINGS, limits=limits, extract=hostile_reader)
    assert result.error == "the reader stopped responding (no result in 3 s)"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_transient_failure_is_tried_again_and_a_verdict_on_the_file_is_kept(
    tmp_path: Path, cv_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cv = Path(shutil.copy(cv_files[0], tmp_path / "cv.pdf"))
    spins = hostile_file(tmp_path, "spins")
    not_a_pdf = tmp_path / "notes.pdf"
    not_a_pdf.write_text("meeting notes")
    files = [cv, not_a_pdf, spins]
    limits = WorkerLimits(seconds=1.0)
    monkeypatch.setenv(KILL_EVERY_PDF, "1")
    with Session.open(tmp_path / "s.sqlite") as session:
        first = by_name(
            screen_files(files, SETTINGS, workers=2, session=session, limits=limits, extract=hostile_reader)
        )
        assert first["cv.pdf"].error == "the reader stopped unexpectedly (SIGKILL)"
        assert first["spins.pdf"].error == "took longer than 1 s"
        assert first["notes.pdf"].error == "not a PDF file"
        assert session.pending(files) == [cv, spins]
        monkeypatch.delenv(KILL_EVERY_PDF)
        # Unchanged files, read again only because their failure said nothing about them.
        again = by_name(screen_files(files, SETTINGS, workers=2, session=session, extract=read_document))
        assert session.pending(files) == []
    assert (again["cv.pdf"].status, again["cv.pdf"].error) == ("ok", None)
    assert again["spins.pdf"].error is not None and again["spins.pdf"].error.startswith("the PDF is damaged")
    assert again["notes.pdf"] == first["notes.pdf"]


def name_in_another_encoding(folder: Path) -> Path:
    """A file name in Latin-1, as an old Linux share or a ZIP from Windows leaves them; skipped where refused."""
    try:
        path = folder / os.fsdecode(b"Jos\xe9 CV.pdf")
        path.touch()
    except (OSError, UnicodeError):
        pytest.skip("this file system accepts only valid Unicode names")
    return path


def test_a_file_name_in_another_encoding_is_screened_and_kept(tmp_path: Path, cv_files: list[Path]) -> None:
    odd = name_in_another_encoding(tmp_path)
    shutil.copy(cv_files[0], odd)
    shutil.copy(cv_files[0], tmp_path / "same CV.pdf")
    files = [odd, Path(shutil.copy(cv_files[1], tmp_path / "other.pdf")), tmp_path / "same CV.pdf"]
    with Session.open(tmp_path / "s.sqlite") as session:
        results = by_name(screen_files(files, SETTINGS, workers=2, session=session))
        assert session.pending(files) == [] and session.queued() == []
        assert sorted(c.file for c in session.candidates()) == sorted(map(str, files))
    assert [c.status for c in results.values()] == ["ok", "ok", "duplicate"]
    assert results["same CV.pdf"].error == "duplicate of " + str(tmp_path / "Jos\ufffd CV.pdf")


def test_the_command_line_shows_a_name_in_another_encoding_readably(tmp_path: Path, cv_files: list[Path]) -> None:
    shutil.copy(cv_files[0], name_in_another_encoding(tmp_path))
    command = [sys.executable, "-m", "screener.cli", "screen", "--session", str(tmp_path / "s.sqlite"), "--json", "-",
               str(tmp_path)]  # fmt: skip
    finished = subprocess.run(command, capture_output=True, check=True, env={**os.environ, "PYTHONUTF8": "1"})
    [row] = json.loads(finished.stdout)["candidates"]
    assert (row["status"], row["file"]) == ("ok", str(tmp_path / "Jos\ufffd CV.pdf"))
