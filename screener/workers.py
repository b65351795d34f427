"""Worker processes that read one file at a time under a time and memory limit, replaced when one dies."""

from __future__ import annotations

import contextlib
import logging
import math
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from screener.errors import ScreenerError
from screener.models import Candidate, Document
from screener.pdftext import Backend, read_document
from screener.screening import Screener
from screener.settings import Settings

log = logging.getLogger(__name__)

Extract = Callable[[Path, Backend], Document]
_POLL_SECONDS = 0.2  # how often a quiet batch looks at its cancel flag
_STOP_GRACE_SECONDS = 1.0
_WORKER_NICENESS = 10


@dataclass(frozen=True)
class WorkerLimits:
    """How long and how much memory one file may take; None switches the memory limit off."""

    seconds: float = 30.0
    memory_bytes: int | None = 1 << 30  # a CV's text takes tens of MB; a decompression bomb takes gigabytes


DEFAULT_LIMITS = WorkerLimits()


@dataclass(frozen=True)
class Job:
    path: Path
    sha256: str


@dataclass(frozen=True)
class Outcome:
    """A worker's answer for one file: its extraction and result, or the reason there are none."""

    document: Document | None = None
    candidate: Candidate | None = None
    reason: str | None = None


def _limit_memory(memory_bytes: int | None) -> None:
    if memory_bytes is None or sys.platform == "win32":
        return
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
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


def _serve(connection: Connection, settings: Settings, memory_bytes: int | None, extract: Extract) -> None:
    """A worker's life: screen the files it is sent until it is told to stop (None) or the parent goes."""
    _yield_cpu()
    _limit_memory(memory_bytes)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    screener = Screener(settings)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        connection.send(_screen(job, screener, extract, memory_bytes))


def _screen(job: Job, screener: Screener, extract: Extract, memory_bytes: int | None) -> Outcome:
    try:
        document = extract(job.path, screener.settings.backend)
        return Outcome(document, screener.screen_document(document, str(job.path), job.sha256))
    except ScreenerError as exc:
        return Outcome(reason=str(exc))
    except OSError as exc:
        return Outcome(reason=f"cannot read the file: {exc.strerror or exc}")
    except MemoryError:
        return Outcome(reason=_too_much_memory(memory_bytes))
    except RecursionError:
        return Outcome(reason="the PDF is damaged and cannot be read (objects nested too deeply)")
    except Exception as exc:  # a bug in a reader on one file must not end the batch
        log.exception("reading %s failed", job.path)
        return Outcome(reason=f"the reader crashed on this file ({type(exc).__name__}: {exc})")


def _too_much_memory(memory_bytes: int | None) -> str:
    limit = f" (over {memory_bytes >> 20} MB)" if memory_bytes else ""
    return f"the reader used too much memory{limit}"


class _Worker:
    """One process and the pipe to it, with the job it is working on and when that job's time is up."""

    def __init__(self, context: multiprocessing.context.SpawnContext, args: tuple[object, ...]) -> None:
        self.connection, child = context.Pipe()
        self.process: BaseProcess = context.Process(target=_serve, args=(child, *args), daemon=True)
        self.process.start()
        child.close()
        self.job: Job | None = None
        self.deadline = math.inf

    def give(self, job: Job, seconds: float) -> None:
        self.connection.send(job)
        self.job, self.deadline = job, time.monotonic() + seconds

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


def _death_reason(exitcode: int | None, limits: WorkerLimits) -> str:
    # pdfium aborts when an allocation fails, which under the address-space limit means a runaway file.
    if limits.memory_bytes is not None and exitcode in (-signal.SIGABRT, -signal.SIGKILL):
        return _too_much_memory(limits.memory_bytes)
    return f"the reader crashed on this file (exit status {exitcode})"


def read_in_workers(
    jobs: Sequence[Job],
    settings: Settings,
    *,
    workers: int,
    limits: WorkerLimits,
    is_cancelled: Callable[[], bool],
    extract: Extract = read_document,
) -> Iterator[tuple[Job, Outcome]]:
    """Each job's outcome as it finishes; a hung, crashed or bloated worker fails its job and is replaced.

    Stops early when `is_cancelled()` turns true (checked at least every 0.2 s) or when the caller stops
    iterating; every worker process is ended before this returns.
    """
    queue = deque(jobs)
    context = multiprocessing.get_context("spawn")  # what Windows and macOS do anyway; fork is unsafe with Qt
    args = (settings, limits.memory_bytes, extract)
    pool = [_Worker(context, args) for _ in range(max(1, min(workers, len(jobs))))]
    try:
        while queue or any(w.job for w in pool):
            for worker in pool:
                if worker.job is None and queue:
                    worker.give(queue.popleft(), limits.seconds)
            busy = [w for w in pool if w.job is not None]
            timeout = min(_POLL_SECONDS, max(0.0, min(w.deadline for w in busy) - time.monotonic()))
            wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout)
            for index, worker in enumerate(pool):
                finished = _collect(worker, limits)
                if finished is None:
                    continue
                yield finished
                if not worker.process.is_alive() or worker.job is not None:
                    worker.job = None
                    worker.stop(now=True)
                    if queue:
                        pool[index] = _Worker(context, args)
            if is_cancelled():
                return
    finally:
        for worker in pool:
            worker.stop(now=worker.job is not None)


def _collect(worker: _Worker, limits: WorkerLimits) -> tuple[Job, Outcome] | None:
    """The worker's finished job, if any; a worker left holding its job must be replaced."""
    job = worker.job
    if job is None:
        return None
    if worker.connection.poll():
        try:
            outcome: Outcome = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(_STOP_GRACE_SECONDS)
            return job, Outcome(reason=_death_reason(worker.process.exitcode, limits))
        worker.job, worker.deadline = None, math.inf
        return job, outcome
    if not worker.process.is_alive():
        return job, Outcome(reason=_death_reason(worker.process.exitcode, limits))
    if time.monotonic() > worker.deadline:
        log.warning("%s took longer than %g s; its worker is replaced", job.path, limits.seconds)
        return job, Outcome(reason=f"took longer than {limits.seconds:g} s")
    return None
