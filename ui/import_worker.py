"""Screens files on a worker thread and reports each finished CV to the GUI thread by queued signals."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThread, Signal

from screener.errors import Cancelled
from screener.models import Candidate

from . import messages
from .engine import Engine


class _SignalProgressSink:
    """Adapts the engine's plain progress object to the worker's signals; runs on the worker thread."""

    def __init__(self, worker: ImportWorker) -> None:
        self._worker = worker

    def on_started(self, total: int) -> None:
        self._worker.import_started.emit(total)

    def on_result(self, candidate: Candidate, done: int, total: int) -> None:
        self._worker.candidate_screened.emit(candidate, done, total)

    def is_cancelled(self) -> bool:
        return self._worker.is_cancelled()


class ImportWorker(QThread):
    """One import: find the PDFs under the dropped paths, skip those already listed, screen the rest.

    Signals are emitted on the worker thread and delivered queued to receivers on the GUI thread; the
    worker never touches a widget.
    """

    import_started = Signal(int)  # files to screen
    candidate_screened = Signal(object, int, int)  # Candidate, done, total
    import_finished = Signal(bool)  # True when the user cancelled
    import_failed = Signal(object)  # the exception, for show_exception

    def __init__(self, engine: Engine, paths: Sequence[Path], known_files: frozenset[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._paths = tuple(paths)
        self._known_files = known_files
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the engine to stop after the files it is working on; safe from any thread."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            files = self._files_to_screen()
            if files and not self.is_cancelled():
                self._engine.screen_files(
                    files, self._engine.settings, progress=_SignalProgressSink(self), session=self._engine.session
                )
        except Cancelled:
            self._cancel.set()
        except Exception as exc:
            self.import_failed.emit(exc)
            return
        self.import_finished.emit(self.is_cancelled())

    def _files_to_screen(self) -> list[Path]:
        found = self._engine.find_pdfs(self._paths)
        new = [f for f in found if str(f) not in self._known_files]
        if len(new) < len(found):
            already = len(found) - len(new)
            messages.notify(f"{already} file{'s' if already != 1 else ''} already in the list, not screened again.")
        if not found:
            messages.notify("No CV files (PDF or Word) found in what was opened.")
        return new
