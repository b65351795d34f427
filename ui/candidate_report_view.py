"""File › Export Candidate Report…: the selected candidate as a PDF a colleague can check without the app."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from screener.candidate_report import (
    PageImage,
    ReportReview,
    cv_pages_to_show,
    render_cv_pages,
    write_candidate_report,
)
from screener.models import Candidate

from . import messages
from .decisions import Review
from .errors import show_exception
from .pdfium_thread import pdfium_pool
from .tasks import run_in_background


class CandidateReportExport(QObject):
    """Renders the CV pages on the PDFium thread, then writes the report on the GUI thread."""

    written = Signal(object)  # the Path written

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent

    def choose_file(self, candidate: Candidate, review: Review, folder: Path) -> None:
        suggested = folder / f"{Path(candidate.file).stem} report.pdf"
        name, _ = QFileDialog.getSaveFileName(self._parent, "Export Candidate Report", str(suggested), "PDF (*.pdf)")
        if name:
            self.export_to(Path(name), candidate, review)

    def export_to(self, path: Path, candidate: Candidate, review: Review) -> None:
        run_in_background(
            pdfium_pool(),  # every PDFium call of the app is made on this one thread
            partial(render_cv_pages, Path(candidate.file), cv_pages_to_show(candidate)),
            partial(self._write, path, candidate, ReportReview(review.verdict, review.note)),
            partial(show_exception, self._parent),
            context=self,
        )

    def _write(self, path: Path, candidate: Candidate, review: ReportReview, pages: list[PageImage]) -> None:
        try:
            write_candidate_report(path, candidate, review, pages)
        except OSError as exc:
            show_exception(self._parent, exc)
            return
        messages.notify(f"Wrote the candidate report {path}.")
        self.written.emit(path)
