"""Worker processes that read one file at a time under a time and memory limit, replaced when one dies."""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import logging
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import cast

from screener import ocr
from screener.codec import candidate_to_json, document_from_json, document_to_json
from screener.cv_formats import read_cv
from screener.errors import OcrNeededError, ScreenerError
from screener.models import Candidate, Document
from screener.pdftext import Backend
from screener.screening import Screener
from screener.settings import Settings
from screener.source_file import FileStamp, read_stamped

log = logging.getLogger(__name__)

Extract = Callable[[bytes, Backend], Document]
_POLL_SECONDS = 0.2  # how often a quiet batch looks at its cancel flag, and a worker at its parent and its clock
_STOP_GRACE_SECONDS = 1.0
# Jobs sent to a worker ahead of its answers: it starts the next file while this process stores the last one.
_JOBS_IN_FLIGHT = 2
_WORKER_NICENESS = 10
_STARTED = "started"  # a worker's word that it holds a job: its time counts from here, not from its start-up
_EXIT_PROCESSOR_TIME = 86  # a worker's exit status when its file used up its processor time
_EXIT_ORPHANED = 87
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
# Signals a reader raises itself when a file breaks it; any other signal came from outside (a user, the OOM killer).
_CRASH_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE", "SIGABRT") if hasattr(signal, name)
)


@dataclass(frozen=True)
class WorkerLimits:
    """How much processor time and memory one file may take; None switches the memory limit off.

    `seconds` counts processor time, so a busy machine or a worker waiting at low priority does not time out an
    ordinary CV; `stalled_seconds` of wall time ends a reader that waits without computing (a hung network drive).
    """

    seconds: float = 30.0
    memory_bytes: int | None = 1 << 30  # a CV's text takes tens of MB; a decompression bomb takes gigabytes
    stalled_seconds: float = 600.0
    # A scanned page read by OCR adds its own budget; the OCR engine and its models need more memory.
    ocr_page_seconds: float = 60.0
    ocr_memory_bytes: int = 3 << 30


DEFAULT_LIMITS = WorkerLimits()


@dataclass(frozen=True)
class Job:
    """A file to screen; `sha256` and `stamp` are what the batch saw before the file was handed to a worker."""

    path: Path
    sha256: str
    stamp: FileStamp | None = None


@dataclass(frozen=True)
class Outcome:
    """A worker's answer for one file: its extraction and result, or the reason there are none.

    The extraction and the result also come in the forms a session stores (`stored_document`, `stored_candidate`,
    encoded by the worker): the process that stores them neither decodes a Document from the pipe nor encodes
    either again, and the worker does that work while the main process is free for the next result (in the app,
    free to draw the list). `sha256` and `stamp` describe the bytes the worker read, which may differ from the
    job's if the file changed; `retry` marks a failure that says nothing about the file (a time-out, a denied
    read, a killed worker).
    """

    stored_document: str | None = None
    candidate: Candidate | None = None
    reason: str | None = None
    sha256: str | None = None
    stamp: FileStamp | None = None
    retry: bool = False
    stored_candidate: str | None = None

    @property
    def document(self) -> Document | None:
        """The extraction itself, decoded from its stored form."""
        return None if self.stored_document is None else document_from_json(self.stored_document)


def _limit_memory(memory_bytes: int | None, ocr_memory_bytes: int = 0) -> None:
    """Limit the worker's memory; the OCR engine, when installed, may raise it to `ocr_memory_bytes` once loaded."""
    if memory_bytes is None or sys.platform == "win32":
        return
    import resource

    ceiling = max(memory_bytes, ocr_memory_bytes) if ocr.available() else memory_bytes
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, ceiling))
    except (ValueError, OSError) as exc:  # macOS refuses some values; the time limit still holds
        log.debug("memory limit not applied: %s", exc)


def _yield_cpu() -> None:
    """Run this worker below normal priority, so a window or terminal stays responsive while every core reads.

    At equal priority a desktop window gets a share of a core and a repaint that takes 10 ms idle takes 40-60 ms.
    """
    if sys.platform == "win32":
        import ctypes

        below_normal_priority_class = 0x4000
        kernel32 = ctypes.windll.kernel32
        if not kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal_priority_class):
            log.debug("worker priority not lowered (Windows error %d)", ctypes.GetLastError())
        return
    try:
        os.nice(_WORKER_NICENESS)
    except OSError as exc:  # a sandbox may forbid it; the work is the same, only less polite
        log.debug("worker priority not lowered: %s", exc)


def _die_with_parent() -> None:
    """On Linux, have the kernel end this worker the moment the process that started it dies.

    The kernel acts even while a reader holds the interpreter lock; elsewhere `_Watchdog` watches the parent.
    The signal follows the thread that started the worker: `read_in_workers` starts and ends its workers itself.
    """
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        log.debug("parent-death signal not set (errno %d)", ctypes.get_errno())
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:  # the parent died before the signal was asked for
        os._exit(_EXIT_ORPHANED)


def _limit_processor_time(seconds: float) -> None:
    """Ask the system to stop this worker a little after the watchdog should: a reader spinning in C code that
    holds the interpreter lock stops the watchdog's thread, not the kernel."""
    if sys.platform == "win32":
        return
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(usage.ru_utime + usage.ru_stime + seconds) + 2
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
    except (ValueError, OSError) as exc:
        log.debug("processor time limit not applied: %s", exc)


class _Watchdog:
    """A thread in the worker that ends it when its file has used up its processor time or its parent is gone."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.job_started: float | None = None  # processor time when the current file was taken
        parent = multiprocessing.parent_process()
        self._parent_sentinel = parent.sentinel if parent is not None else None

    def start_job(self) -> None:
        _limit_processor_time(self.seconds)
        self.job_started = time.process_time()

    def end_job(self) -> None:
        self.job_started = None

    def extend(self, seconds: float) -> None:
        """Give the file in hand `seconds` more processor time: a page read by OCR has a budget of its own."""
        started = self.job_started
        if started is not None:
            self.job_started = started + seconds
            _limit_processor_time(self.seconds - (time.process_time() - self.job_started))

    def run(self) -> None:
        while True:
            if self._parent_sentinel is None:
                time.sleep(_POLL_SECONDS)
            elif wait([self._parent_sentinel], _POLL_SECONDS):
                os._exit(_EXIT_ORPHANED)
            started = self.job_started
            if started is not None and time.process_time() - started > self.seconds:
                os._exit(_EXIT_PROCESSOR_TIME)


def _serve(connection: Connection, settings: Settings, limits: WorkerLimits, extract: Extract) -> None:
    """A worker's life: screen the files it is sent until it is told to stop (None) or the parent goes."""
    _die_with_parent()
    watchdog = _Watchdog(limits.seconds)
    threading.Thread(target=watchdog.run, name="watchdog", daemon=True).start()
    _yield_cpu()
    _limit_memory(limits.memory_bytes, limits.ocr_memory_bytes)
    ocr.set_page_budget_hook(partial(watchdog.extend, limits.ocr_page_seconds))
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    screener = Screener(settings)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        connection.send(_STARTED)
        watchdog.start_job()
        outcome = _screen(job, screener, extract, limits.memory_bytes)
        watchdog.end_job()
        connection.send(outcome)


def _screen(job: Job, screener: Screener, extract: Extract, memory_bytes: int | None) -> Outcome:
    """Read the file once and screen those very bytes, so the result is stored under the hash of what was read."""
    try:
        content, stamp = read_stamped(job.path)
    except OSError as exc:  # denied, gone or locked now: it may read next time
        return Outcome(reason=f"cannot read the file: {exc.strerror or exc}", retry=True)
    except MemoryError:
        return Outcome(reason=_too_much_memory(memory_bytes))
    sha256 = hashlib.sha256(content).hexdigest()
    try:
        document = extract(content, screener.settings.backend)
        candidate = screener.screen_document(document, str(job.path), sha256)
        stored_candidate = candidate_to_json(candidate)
        return Outcome(
            document_to_json(document), candidate, sha256=sha256, stamp=stamp, stored_candidate=stored_candidate
        )
    except Exception as exc:  # whatever a file does to a reader is that file's row, not the end of the batch
        retry = isinstance(exc, OcrNeededError)  # a scan reads once OCR is installed: not a final verdict
        return Outcome(reason=_failure_reason(job, exc, memory_bytes), sha256=sha256, stamp=stamp, retry=retry)


def _failure_reason(job: Job, exc: Exception, memory_bytes: int | None) -> str:
    if isinstance(exc, ScreenerError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return _too_much_memory(memory_bytes)
    if isinstance(exc, RecursionError):
        return "the PDF is damaged and cannot be read (objects nested too deeply)"
    log.error("reading %s failed", job.path, exc_info=exc)
    return f"the reader crashed on this file ({type(exc).__name__}: {exc})"


def _too_much_memory(memory_bytes: int | None) -> str:
    limit = f" (over {memory_bytes >> 20} MB)" if memory_bytes else ""
    return f"the reader used too much memory{limit}"


class _Worker:
    """One process and the pipe to it, with the jobs sent to it in order (the first is the one it works on),
    when that job's wall time is up, and whether the worker must be replaced."""

    def __init__(self, context: multiprocessing.context.SpawnContext, args: tuple[object, ...]) -> None:
        self.connection, child = context.Pipe()
        self.process: BaseProcess = context.Process(target=_serve, args=(child, *args), daemon=True)
        self.process.start()
        child.close()
        self.jobs: deque[Job] = deque()
        self.deadline = math.inf  # set when the worker says it started the job: its start-up does not count
        self.broken = False  # dead or stalled: its first job has failed, the others go back to the queue

    @property
    def job(self) -> Job | None:
        return self.jobs[0] if self.jobs else None

    def give(self, job: Job) -> None:
        self.connection.send(job)
        self.jobs.append(job)

    def take_back(self) -> list[Job]:
        """The jobs sent but not started, taken back from a broken worker to give to another."""
        unstarted = list(self.jobs)[1:] if self.broken else []
        self.jobs.clear()
        return unstarted

    def stop(self, *, now: bool) -> None:
        if not now:
            with contextlib.suppress(OSError):  # already gone
                self.connection.send(None)
            self.process.join(_STOP_GRACE_SECONDS)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(_STOP_GRACE_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def _death_outcome(exitcode: int | None, limits: WorkerLimits) -> Outcome:
    """Why a worker died holding a file, and whether that says anything about the file."""
    if exitcode in (_EXIT_PROCESSOR_TIME, -getattr(signal, "SIGXCPU", 0)):
        return Outcome(reason=f"took longer than {limits.seconds:g} s", retry=True)
    # pdfium aborts when an allocation fails, which under the address-space limit means a runaway file.
    if limits.memory_bytes is not None and exitcode == -signal.SIGABRT:
        return Outcome(reason=_too_much_memory(limits.memory_bytes))
    if exitcode is not None and exitcode < 0 and -exitcode not in _CRASH_SIGNALS:
        return Outcome(reason=f"the reader stopped unexpectedly ({_signal_name(-exitcode)})", retry=True)
    if exitcode is not None and exitcode < 0:
        return Outcome(reason=f"the reader crashed on this file ({_signal_name(-exitcode)})")
    return Outcome(reason=f"the reader crashed on this file (exit status {exitcode})")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def read_in_workers(
    jobs: Iterable[Job],
    settings: Settings,
    *,
    workers: int,
    limits: WorkerLimits,
    is_cancelled: Callable[[], bool],
    extract: Extract = read_cv,
) -> Iterator[tuple[Job, Outcome]]:
    """Each job's outcome as it finishes; a hung, crashed or bloated worker fails its job and is replaced.

    Stops early when `is_cancelled()` turns true (checked at least every 0.2 s) or when the caller stops
    iterating; every worker process is ended before this returns. Workers end themselves if this process dies.
    `jobs` may be listed lazily (hashed one by one): the workers start, and take the first file, as soon as it is
    listed, so their start-up overlaps the listing of the others. No worker starts when there is no job.
    """
    listed = iter(jobs)
    first = next(listed, None)
    if first is None or is_cancelled():
        return
    context = multiprocessing.get_context("spawn")  # what Windows and macOS do anyway; fork is unsafe with Qt
    args = (settings, limits, extract)
    count = min(workers, len(jobs)) if isinstance(jobs, Sized) else workers
    pool = [_Worker(context, args) for _ in range(max(1, count))]
    queue = deque([first])
    try:
        _hand_out(queue, pool)
        queue.extend(listed)
        while queue or any(w.job for w in pool):
            _hand_out(queue, pool)
            busy = [w for w in pool if w.job is not None]
            timeout = min(_POLL_SECONDS, max(0.0, min(w.deadline for w in busy) - time.monotonic()))
            wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout)
            for index, worker in enumerate(pool):
                finished = _collect(worker, limits)
                if finished is None:
                    continue
                yield finished
                if worker.broken:
                    queue.extendleft(reversed(worker.take_back()))
                    worker.stop(now=True)
                    if queue:
                        pool[index] = _Worker(context, args)
            if is_cancelled():
                return
    finally:
        for worker in pool:
            worker.stop(now=worker.job is not None)


def _hand_out(queue: deque[Job], pool: list[_Worker]) -> None:
    """Give every idle worker a job before any worker a second one: with few files, every worker reads."""
    for depth in range(1, _JOBS_IN_FLIGHT + 1):
        for worker in pool:
            if queue and not worker.broken and len(worker.jobs) < depth:
                worker.give(queue.popleft())


def _collect(worker: _Worker, limits: WorkerLimits) -> tuple[Job, Outcome] | None:
    """The worker's first job, if it finished or failed; a worker that failed it is marked broken."""
    job = worker.job
    if job is None or worker.broken:
        return None
    while worker.connection.poll():
        try:
            message: Outcome | str = worker.connection.recv()
        except (EOFError, OSError):
            return job, _died(worker, limits)
        if message == _STARTED:
            worker.deadline = time.monotonic() + limits.stalled_seconds
            continue
        worker.jobs.popleft()
        worker.deadline = math.inf
        return job, cast(Outcome, message)
    if not worker.process.is_alive():
        return job, _died(worker, limits)
    if time.monotonic() > worker.deadline:
        log.warning("%s made no progress in %g s; its worker is replaced", job.path, limits.stalled_seconds)
        worker.broken = True
        return job, Outcome(
            reason=f"the reader stopped responding (no result in {limits.stalled_seconds:g} s)", retry=True
        )
    return None


def _died(worker: _Worker, limits: WorkerLimits) -> Outcome:
    """Why the worker died holding its first job; it is marked broken."""
    worker.process.join(_STOP_GRACE_SECONDS)
    worker.broken = True
    return _death_outcome(worker.process.exitcode, limits)
