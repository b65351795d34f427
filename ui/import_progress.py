"""The status-bar panel shown while an import runs: done / total, the current file, time left and Cancel."""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from screener.models import Candidate

from .labels import file_name


def time_left_text(seconds: float) -> str:
    if seconds < 60:
        return f"about {max(1, round(seconds))} s left"
    return f"about {round(seconds / 60)} min left"


@dataclass
class ImportTally:
    """What the files of one import came to, for the status bar's summary when it ends."""

    files: int = 0
    unreadable: int = 0
    copies: int = 0

    def count(self, candidate: Candidate) -> None:
        self.files += 1
        self.unreadable += candidate.status == "error"
        self.copies += candidate.status == "duplicate"

    def summary(self, cancelled: bool) -> str:
        """'Screened 3 CVs.', '1 of 2 files could not be read (see the Status column).', and copies said."""
        files = f"{self.files} file{'s' if self.files != 1 else ''}"
        if self.unreadable:
            said = f"{self.unreadable} of {files} could not be read (see the Status column)"
            said = f"Import cancelled: {said}" if cancelled else said
        else:
            verb = "Cancelled after screening" if cancelled else "Screened"
            said = f"{verb} {self.files} CV{'s' if self.files != 1 else ''}"
        if self.copies:
            were = "was a copy" if self.copies == 1 else "were copies"
            said += f"; {self.copies} {were} of a CV in the list, counted on its row"
        return f"{said}."


class ImportProgress(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar = QProgressBar()
        self._bar.setMaximumWidth(220)
        self._bar.setFormat("%v / %m")
        self._label = QLabel()
        self._cancel = QPushButton("Cancel (Esc)")
        self._cancel.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._label)
        layout.addWidget(self._bar)
        layout.addWidget(self._cancel)
        self._started_at = 0.0
        self.hide_files = False
        self.hide()

    def start(self) -> None:
        """Show the panel while the files are still being found."""
        self._started_at = time.monotonic()
        self._bar.setRange(0, 0)  # busy indicator until the total is known
        self._label.setText("Looking for CV files…")
        self._cancel.setEnabled(True)
        self.show()

    def set_total(self, total: int) -> None:
        self._started_at = time.monotonic()
        self._bar.setRange(0, total)
        self._bar.setValue(0)
        self._label.setText(f"Screening {total} CV{'s' if total != 1 else ''}…")

    def advance(self, candidate: Candidate, done: int, total: int) -> None:
        self._bar.setMaximum(total)
        self._bar.setValue(done)
        elapsed = time.monotonic() - self._started_at
        left = time_left_text(elapsed / done * (total - done)) if 0 < done < total else ""
        shown = f"{done} of {total}" if self.hide_files else file_name(candidate)  # blind review hides files
        self._label.setText(f"{shown}  {left}".strip())

    def cancelling(self) -> None:
        self._cancel.setEnabled(False)
        self._label.setText("Cancelling after the files in progress…")

    def finish(self) -> None:
        self.hide()
