"""Screen many files in worker processes, reporting each result as it finishes and honouring cancel."""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Protocol

from screener.models import Candidate
from screener.screening import Screener
from screener.settings import Settings

log = logging.getLogger(__name__)

_worker_screener: Screener | None = None


class ProgressSink(Protocol):
    """What a batch reports to: a terminal progress bar, the desktop app, a test."""

    def on_started(self, total: int) -> None: ...

    def on_result(self, candidate: Candidate, done: int, total: int) -> None: ...

    def is_cancelled(self) -> bool: ...


def find_pdfs(paths: Iterable[Path]) -> list[Path]:
    """PDF files named or found below the named folders (any case of .pdf), sorted, each once."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            # os.walk does not follow symlinked folders, so a link loop cannot trap the walk.
            for folder, _dirs, names in os.walk(path):
                for name in sorted(names):
                    if name.lower().endswith(".pdf"):
                        found.setdefault(Path(folder) / name)
        else:
            found.setdefault(path)
    return sorted(found)


def _init_worker(settings: Settings) -> None:
    global _worker_screener
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    _worker_screener = Screener(settings)


def _screen_in_worker(path: Path) -> Candidate:
    assert _worker_screener is not None, "worker started without its initializer"
    return _worker_screener.screen_file(path)


def _crashed(path: Path, exc: BaseException) -> Candidate:
    log.warning("screening %s failed: %r", path, exc)
    return Candidate(file=str(path), sha256="", status="error", error=f"the reader crashed on this file ({exc})")


def screen_files(
    files: Sequence[Path],
    settings: Settings,
    *,
    workers: int | None = None,
    progress: ProgressSink | None = None,
) -> list[Candidate]:
    """Screen the files in a spawn-based process pool; stop early, keeping what finished, on cancel."""
    total = len(files)
    if progress:
        progress.on_started(total)
    results: list[Candidate] = []
    if not files:
        return results
    workers = max(1, min(workers or os.cpu_count() or 1, total))
    context = multiprocessing.get_context("spawn")  # what Windows and macOS do anyway; fork is unsafe with Qt
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(settings,)) as pool:
        pending: dict[Future[Candidate], Path] = {pool.submit(_screen_in_worker, p): p for p in files}
        while pending:
            finished, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                path = pending.pop(future)
                try:
                    candidate = future.result()
                except (BrokenProcessPool, Exception) as exc:
                    candidate = _crashed(path, exc)
                results.append(candidate)
                if progress:
                    progress.on_result(candidate, len(results), total)
            if progress and progress.is_cancelled():
                for future in pending:
                    future.cancel()
                break
    return results
