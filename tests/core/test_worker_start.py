"""Worker start-up, which every batch pays: a worker loads only what reading and screening need, and the
workers start with the first file to read, not after every file has been hashed."""

from __future__ import annotations

import hashlib
import multiprocessing
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from screener.settings import Settings
from screener.workers import DEFAULT_LIMITS, Job, read_in_workers

# The libraries of sessions, exports, reports, Word files and the window: none of them reads a PDF.
_NOT_IN_A_WORKER = ("openpyxl", "reportlab", "docx", "PySide6", "shiboken6", "numpy")


def test_a_worker_imports_no_export_report_word_or_window_library() -> None:
    # What a spawned worker imports: the script it was started from (the `screener` command) and its target.
    code = (
        "import sys, ui.launcher, screener.workers\n"
        f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set({_NOT_IN_A_WORKER!r}))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_workers_start_before_the_files_after_the_first_are_listed(cv_files: list[Path]) -> None:
    workers_when_listing: list[int] = []

    def listing() -> Iterator[Job]:
        for path in cv_files[:3]:
            workers_when_listing.append(len(multiprocessing.active_children()))
            yield Job(path, hashlib.sha256(path.read_bytes()).hexdigest())

    settings = Settings(as_of=date(2026, 12, 1))
    outcomes = list(read_in_workers(listing(), settings, workers=2, limits=DEFAULT_LIMITS, is_cancelled=lambda: False))
    assert [outcome.candidate is not None for _, outcome in outcomes] == [True, True, True]
    assert workers_when_listing == [0, 2, 2]


def test_no_worker_starts_when_there_is_nothing_to_read() -> None:
    settings = Settings(as_of=date(2026, 12, 1))
    assert list(read_in_workers(iter(()), settings, workers=2, limits=DEFAULT_LIMITS, is_cancelled=lambda: False)) == []
    assert multiprocessing.active_children() == []
