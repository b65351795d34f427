"""File › Export Candidate Report…: the selected candidate as a PDF a colleague can check without the app."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import NamedTuple

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
from screener.models import Candidate, Contact, Document

from . import messages
from .decisions import Review
from .errors import not_saved, show_exception
from .pdfium_thread import pdfium_pool
from .tasks import run_in_background


class Blinding(NamedTuple):
    """How a blind report hides who the candidate is: the label naming them ("Candidate 17"), and their stored
    extraction, where the details its pages cover are found (None: the CV is read again)."""

    label: str
    extraction: Document | None


class CandidateReportExport(QObject):
    """Renders the CV pages on the PDFium thread, then writes the report on the GUI thread."""

    written = Signal(object)  # the Path written

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent

    def choose_file(self, candidate: Candidate, review: Review, folder: Path, blind: Blinding | None = None) -> None:
        """Ask where to save; a blind report (`blind`) is proposed under the candidate's label ("Candidate 17")."""
        suggested = folder / f"{blind.label if blind else Path(candidate.file).stem} report.pdf"
        name, _ = QFileDialog.getSaveFileName(self._parent, "Export Candidate Report", str(suggested), "PDF (*.pdf)")
        if name:
            self.export_to(Path(name), candidate, review, blind)

    def export_to(self, path: Path, candidate: Candidate, review: Review, blind: Blinding | None = None) -> None:
        """Write the report; a blind one names no one and shows the CV pages with personal details covered."""
        file, pages = Path(candidate.file), cv_pages_to_show(candidate)
        render = (
            partial(_covered_pages, file, pages, candidate.contact, blind.extraction)
            if blind
            else partial(render_cv_pages, file, pages)
        )
        run_in_background(
            pdfium_pool(),  # every PDFium call of the app is made on this one thread
            render,
            partial(self._write, path, candidate, review, blind),
            partial(show_exception, self._parent),
            context=self,
        )

    def _write(
        self, path: Path, candidate: Candidate, review: Review, blind: Blinding | None, pages: list[PageImage]
    ) -> None:
        try:
            report_review = ReportReview(review.verdict, review.note, blind.label if blind else "")
            write_candidate_report(path, candidate, report_review, pages)
        except OSError as exc:
            again = ("Choose Another File…", partial(self.choose_file, candidate, review, path.parent, blind))
            show_exception(self._parent, not_saved("The candidate report", path, exc), [again])
            return
        messages.notify(f"Wrote the candidate report {path}.")
        self.written.emit(path)


def _covered_pages(file: Path, pages: list[int], contact: Contact, extraction: Document | None) -> list[PageImage]:
    """The pages with what blind review hides painted over, found in the CV's `extraction` when given, else in
    the CV read again; reads the CV with PDFium, so on its thread."""
    return render_cv_pages(file, pages, covers=covers_by_page(file, contact, extraction))
