"""File › Export Candidate Report…: the selected candidate as a PDF a colleague can check without the app."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from screener.blind import covers_by_page
from screener.candidate_report import (
    PageImage,
    ReportReview,
    cv_pages_to_show,
    render_cv_pages,
    write_candidate_report,
)
from screener.models import Candidate, Contact

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

    def choose_file(self, candidate: Candidate, review: Review, folder: Path, blind_label: str = "") -> None:
        """Ask where to save; a blind report (`blind_label`, "Candidate 17") is proposed under that name."""
        suggested = folder / f"{blind_label or Path(candidate.file).stem} report.pdf"
        name, _ = QFileDialog.getSaveFileName(self._parent, "Export Candidate Report", str(suggested), "PDF (*.pdf)")
        if name:
            self.export_to(Path(name), candidate, review, blind_label)

    def export_to(self, path: Path, candidate: Candidate, review: Review, blind_label: str = "") -> None:
        """Write the report; a blind one names no one and shows the CV pages with personal details covered."""
        file, pages = Path(candidate.file), cv_pages_to_show(candidate)
        render = (
            partial(_covered_pages, file, pages, candidate.contact)
            if blind_label
            else partial(render_cv_pages, file, pages)
        )
        run_in_background(
            pdfium_pool(),  # every PDFium call of the app is made on this one thread
            render,
            partial(self._write, path, candidate, ReportReview(review.verdict, review.note, blind_label)),
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


def _covered_pages(file: Path, pages: list[int], contact: Contact) -> list[PageImage]:
    """The pages with what blind review hides painted over; reads the CV with PDFium, so on its thread."""
    return render_cv_pages(file, pages, covers=covers_by_page(file, contact))
