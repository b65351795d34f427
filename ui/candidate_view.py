"""The candidate list: a table view that says what to do when it has nothing to show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .candidate_model import SCORE_COLUMNS, Column
from .candidate_proxy import CandidateProxyModel
from .delegates import ScoreBarDelegate

_EMPTY_LIST = (
    "Drop CVs (PDF or Word) or a folder here,\nor press Ctrl+O to open files and Ctrl+Shift+O to open a folder."
)
_NOTHING_MATCHES = "No candidate matches the filters."
_COLUMN_WIDTHS: dict[Column, int] = {
    Column.NAME: 150,
    Column.ROLE_FIT: 130,
    Column.MANAGEMENT: 90,
    Column.TECHNICAL: 90,
    Column.YEARS: 55,
    Column.CERTIFICATIONS: 160,
    Column.DEGREE: 160,
    Column.DECISION: 75,
    Column.STATUS: 70,
}


class CandidateTableView(QTableView):
    def __init__(self, proxy: CandidateProxyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list for the next control, as it does everywhere else
        self.sortByColumn(Column.ROLE_FIT, Qt.SortOrder.DescendingOrder)
        # Fixed row heights let the view skip measuring rows: scrolling 10,000 rows stays smooth.
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.hide()
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column in Column:
            # Never narrower than the header's own text and sort arrow, whatever the font and its size.
            width = _COLUMN_WIDTHS.get(column, header.defaultSectionSize())
            self.setColumnWidth(column, max(width, header.sectionSizeFromContents(column).width()))
        bars = ScoreBarDelegate(self)
        for column in SCORE_COLUMNS:
            self.setItemDelegateForColumn(column, bars)
        self._screening = False

    def set_screening(self, screening: bool) -> None:
        """While files are screened the list is about to fill: no hint to drop files on it."""
        self._screening = screening
        self.viewport().update()

    def hint(self) -> str:
        """What the list says in place of rows: how to add CVs, that filters hide every row, or nothing."""
        model = self.model()
        if model.rowCount() > 0:
            return ""
        proxy = model if isinstance(model, CandidateProxyModel) else None
        if proxy is not None and proxy.candidate_model().rowCount() > 0:
            return _NOTHING_MATCHES
        return "" if self._screening else _EMPTY_LIST

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        hint = self.hint()
        if not hint:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, hint)
