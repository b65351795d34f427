"""Screen many files in worker processes, saving and reporting each as it finishes, and honouring cancel."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from screener.cache import ExtractionCache
from screener.cv_formats import CV_SUFFIXES, read_cv
from screener.duplicates import SamePersonIndex, copy_of, flag_possible_duplicates
from screener.models import Candidate, Document
from screener.screening import Screener, file_sha256
from screener.settings import Settings
from screener.source_file import FileStamp, file_stamp
from screener.store import Session, StoredResult, rescored_result, scoring_fingerprint
from screener.workers import DEFAULT_LIMITS, Extract, Job, Outcome, WorkerLimits, read_in_workers

__all__ = ["ProgressSink", "WorkerLimits", "find_cv_files", "find_pdfs", "screen_files"]


class ProgressSink(Protocol):
    """What a batch reports to: a terminal progress bar, the desktop app, a test."""

    def on_started(self, total: int) -> None: ...

    def on_result(self, candidate: Candidate, done: int, total: int) -> None: ...

    def is_cancelled(self) -> bool: ...


def find_cv_files(paths: Iterable[Path]) -> list[Path]:
    """CV files (PDF, Word and the formats refused with a way to convert them, any case of the suffix) named
    or found below the named folders, sorted, each once."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            # os.walk does not follow symlinked folders, so a link loop cannot trap the walk.
            for folder, _dirs, names in os.walk(path):
                for name in sorted(names):
                    if name.lower().endswith(CV_SUFFIXES):
                        found.setdefault(Path(folder) / name)
        else:
            found.setdefault(path)
    return sorted(found)


find_pdfs = find_cv_files  # the name callers knew when only PDFs were read


def _failed(path: Path, sha256: str, reason: str) -> Candidate:
    return Candidate(file=str(path), sha256=sha256, status="error", error=reason)


class _Batch:
    """The files of one batch as they finish: saved to the session, flagged, reported, collected."""

    def __init__(
        self,
        total: int,
        settings: Settings,
        stores: tuple[Session | None, ExtractionCache | None],
        progress: ProgressSink | None,
    ) -> None:
        self.total = total
        self.session, self.cache = stores
        self.progress = progress
        self.screener = Screener(settings)
        self.fingerprint = scoring_fingerprint(settings)
        self.results: list[Candidate] = []
        self.people = SamePersonIndex()
        self.owners: dict[str, str] = {}  # content hash -> the first file in this batch that holds it

    def cancelled(self) -> bool:
        return bool(self.progress and self.progress.is_cancelled())

    def finish(
        self,
        candidate: Candidate,
        document: Document | str | None = None,
        *,
        stamp: FileStamp | None,
        retry: bool = False,
        stored_candidate: str | None = None,
    ) -> None:
        """Save and report one file, its extraction a Document or the stored form a worker encoded (as it may have
        encoded the candidate, `stored_candidate`); `stamp` is the file's as it was read, `retry` marks a failure
        worth retrying."""
        if candidate.status == "ok":
            original = self.owners.setdefault(candidate.sha256, candidate.file)
            if original != candidate.file:  # a file that changed, while the batch ran, into another one's copy
                candidate, document, stored_candidate = copy_of(candidate.file, candidate.sha256, original), None, None
        if self.session:
            self.session.record(
                candidate,
                document,
                scored_with=self.fingerprint,
                stamp=stamp,
                retry=retry,
                stored_candidate=stored_candidate,
            )
        elif self.cache is not None and document is not None and candidate.status == "ok":
            self.cache.store(candidate, document, self.fingerprint)
        self.report(candidate)

    def known(self, path: Path, sha256: str) -> Candidate | None:
        """A content screened before, from the session or else the cache, scored under the current settings."""
        if self.session:
            in_session = self.session.result(sha256)  # the session re-scored what it holds before the batch
            return dataclasses.replace(in_session.candidate, file=str(path)) if in_session else None
        cached = self.cache.result(sha256) if self.cache is not None else None
        if self.cache is None or cached is None:
            return None
        stored, document = cached
        if stored.scored_with != self.fingerprint:  # another catalogue or day: scored again, the PDF not read
            rescored = rescored_result(self.screener, stored, lambda: document, str(path))
            stored = StoredResult(rescored, self.fingerprint)
            self.cache.store(stored.candidate, document, self.fingerprint)
        return dataclasses.replace(stored.candidate, file=str(path))

    def report(self, candidate: Candidate) -> None:
        """Report a finished file without saving it (the session holds it already)."""
        if candidate.status == "ok":
            self.owners.setdefault(candidate.sha256, candidate.file)
        self.people.add(candidate)
        self.results.append(candidate)
        if self.progress:
            self.progress.on_result(self.people.flagged(candidate), len(self.results), self.total)


def _jobs_to_read(files: Sequence[Path], batch: _Batch, settings: Settings) -> Iterator[Job]:
    """Finish from the session whatever it already knows (by path, then by content); yield the rest, to read.

    The hash taken here only spares reading known content; a worker hashes again the bytes it reads. Yielded as
    they are hashed, so the workers start with the first file while the others are still being hashed.
    """
    stored: dict[str, Candidate] = {}
    unfinished: set[Path] = set(files)
    if batch.session:
        unfinished = set(batch.session.pending(files))
        # Before anything is read: after a crash, the next start knows which files are left to screen.
        batch.session.queue(path for path in files if path in unfinished)
        # Re-scoring first means every stored result below matches the current catalogue and settings.
        in_session = batch.session.rescore(batch.screener)
        stored = {c.file: c for c in in_session if c.status != "duplicate"}
        # A content the session holds keeps its original: a file with it in this batch is a copy, as it is
        # when the session is opened again.
        batch.owners.update((c.sha256, c.file) for c in in_session if c.status == "ok")
    for path in files:
        if batch.cancelled():
            break
        if path not in unfinished and str(path) in stored:
            batch.report(stored[str(path)])
            continue
        stamp = file_stamp(path)  # before hashing: a change while hashing makes the next run look again
        try:
            digest = file_sha256(path)
        except OSError as exc:  # denied, gone or locked now: the next run tries again
            batch.finish(_failed(path, "", f"cannot read the file: {exc.strerror or exc}"), stamp=None, retry=True)
            continue
        original = batch.owners.setdefault(digest, str(path))
        known = None if original != str(path) else batch.known(path, digest)
        if original != str(path):
            batch.finish(copy_of(str(path), digest, original), stamp=stamp)
        elif known:
            batch.finish(known, stamp=stamp)
        else:
            yield Job(path, digest, stamp)


def _finish_read(batch: _Batch, job: Job, outcome: Outcome) -> None:
    """Save a worker's answer under the hash and stamp of the bytes it read, not what the batch saw earlier."""
    if outcome.candidate is None:
        reason = outcome.reason or "the reader gave no result"
        candidate = _failed(job.path, outcome.sha256 or job.sha256, reason)
    else:
        candidate = outcome.candidate
    batch.finish(
        candidate,
        outcome.stored_document,
        stamp=outcome.stamp or job.stamp,
        retry=outcome.retry,
        stored_candidate=outcome.stored_candidate,
    )


def screen_files(
    files: Sequence[Path],
    settings: Settings,
    *,
    workers: int | None = None,
    progress: ProgressSink | None = None,
    session: Session | None = None,
    cache: ExtractionCache | None = None,
    limits: WorkerLimits = DEFAULT_LIMITS,
    extract: Extract = read_cv,
) -> list[Candidate]:
    """Screen the files in worker processes, in their order; stop early, keeping what finished, on cancel.

    With a session, the files not finished yet are queued in it first (`Session.queued` lists what a crash
    left), each finished file is saved as it finishes, and a file whose content the session already holds
    is not read again. Without a session, a `cache` spares reading a content it holds, and lists nothing.
    Each file gets a row: a result, or status "error" with the reason
    (including a file that took longer than `limits.seconds`, crashed its worker or used too much memory),
    or status "duplicate" for a second copy of the same content. `extract` turns a path into a Document
    in the worker (it must be importable by name, as spawned workers import it).
    """
    total = len(files)
    if progress:
        progress.on_started(total)
    batch = _Batch(total, settings, (session, cache), progress)
    jobs = _jobs_to_read(files, batch, settings)
    # As many workers as files at most: how many of them are new is known only once all are hashed.
    count = max(1, min(workers or os.cpu_count() or 1, total))
    outcomes = read_in_workers(
        jobs, settings, workers=count, limits=limits, is_cancelled=batch.cancelled, extract=extract
    )
    for job, outcome in outcomes:
        _finish_read(batch, job, outcome)
    order = {str(path): index for index, path in enumerate(files)}
    return flag_possible_duplicates(sorted(batch.results, key=lambda c: order.get(c.file, total)))
