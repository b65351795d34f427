"""Filters the candidate list: free text plus quick filters on role fit, certification, score and decision."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal

from screener.models import RoleFit
from screener.ranking import counts_as

from .candidate_model import CandidateTableModel
from .decisions import Verdict
from .labels import has_pm_certification


@dataclass(frozen=True)
class CandidateFilter:
    """What the user asked to see; the defaults show everyone."""

    text: str = ""
    role_fit: RoleFit | None = None
    pm_certified: bool = False
    min_management: float = 0.0
    min_technical: float = 0.0
    verdict: Verdict | None = None

    def needs_scores(self) -> bool:
        return self.role_fit is not None or self.pm_certified or self.min_management > 0 or self.min_technical > 0


class CandidateProxyModel(QSortFilterProxyModel):
    """Rows that could not be scored (unreadable files) pass the score-based filters, so no CV goes unseen.

    Sorting is handed to the source model, which sorts far faster than pairwise comparisons through
    data(); this proxy keeps the source's order and only decides which rows are shown.
    """

    filter_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = CandidateFilter()
        self.setDynamicSortFilter(True)  # re-filters a row when its decision changes

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.candidate_model().sort(column, order)

    def candidate_model(self) -> CandidateTableModel:
        model = self.sourceModel()
        assert isinstance(model, CandidateTableModel)
        return model

    def current_filter(self) -> CandidateFilter:
        return self._filter

    def set_filter(self, candidate_filter: CandidateFilter) -> None:
        if candidate_filter == self._filter:
            return
        self.beginFilterChange()
        self._filter = candidate_filter
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.filter_changed.emit()

    def source_row(self, proxy_row: int) -> int:
        return self.mapToSource(self.index(proxy_row, 0)).row()

    def proxy_row(self, source_row: int) -> int:
        """The row in this view, or -1 when the filter hides it."""
        return self.mapFromSource(self.candidate_model().index(source_row, 0)).row()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.candidate_model()
        wanted = self._filter
        if wanted.text and wanted.text.casefold() not in model.search_text(source_row):
            return False
        if wanted.verdict is not None and model.review(source_row).verdict != wanted.verdict:
            return False
        if not wanted.needs_scores():
            return True
        candidate = model.candidate(source_row)
        scores = candidate.scores
        if scores is None:
            return candidate.status == "error"
        return (
            (wanted.role_fit is None or counts_as(scores.role_fit, wanted.role_fit))
            and (not wanted.pm_certified or has_pm_certification(candidate))
            and scores.management >= wanted.min_management
            and scores.technical >= wanted.min_technical
        )
