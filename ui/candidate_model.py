"""The table model behind the candidate list: one row per screened file, reviews read from a DecisionStore."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from screener.export import highest_degree
from screener.models import Candidate

from .decisions import VERDICT_LABELS, DecisionStore, InMemoryDecisionStore, Review, Verdict
from .labels import (
    ROLE_FIT_LABELS,
    ROLE_FIT_RANK,
    display_name,
    held_certifications_text,
    status_text,
    years_text,
)

# Raw values for sorting (numbers sort by value, not as text); the proxy sorts on this role.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    ROLE_FIT = 1
    MANAGEMENT = 2
    TECHNICAL = 3
    YEARS = 4
    CERTIFICATIONS = 5
    DEGREE = 6
    DECISION = 7
    STATUS = 8
    FILE = 9


HEADERS: dict[Column, str] = {
    Column.NAME: "Name",
    Column.ROLE_FIT: "Role fit",
    Column.MANAGEMENT: "Management",
    Column.TECHNICAL: "Technical",
    Column.YEARS: "Years",
    Column.CERTIFICATIONS: "Held certifications",
    Column.DEGREE: "Highest degree",
    Column.DECISION: "Decision",
    Column.STATUS: "Status",
    Column.FILE: "File",
}

SCORE_COLUMNS = (Column.MANAGEMENT, Column.TECHNICAL)
_NUMBER_COLUMNS = (*SCORE_COLUMNS, Column.YEARS)
_VERDICT_RANK: dict[Verdict, int] = {"shortlist": 3, "maybe": 2, "reject": 1, "none": 0}
_MISSING = -1.0  # sorts unscored rows (errors) below every real score


def _role_fit_key(c: Candidate) -> float:
    # Within one role fit, stronger candidates first: a descending sort on this column is a ranking.
    if c.scores is None:
        return _MISSING
    return ROLE_FIT_RANK[c.scores.role_fit] * 1000 + c.scores.management + c.scores.technical


_DISPLAY: dict[Column, Callable[[Candidate], str]] = {
    Column.NAME: display_name,
    Column.ROLE_FIT: lambda c: ROLE_FIT_LABELS[c.scores.role_fit] if c.scores else "",
    Column.MANAGEMENT: lambda c: "" if c.scores is None else f"{c.scores.management:.0f}",
    Column.TECHNICAL: lambda c: "" if c.scores is None else f"{c.scores.technical:.0f}",
    Column.YEARS: lambda c: years_text(c.years_experience),
    Column.CERTIFICATIONS: held_certifications_text,
    Column.DEGREE: highest_degree,
    Column.STATUS: status_text,
    Column.FILE: lambda c: c.file,
}

_SORT_KEY: dict[Column, Callable[[Candidate], float | str]] = {
    Column.NAME: lambda c: display_name(c).casefold(),
    Column.ROLE_FIT: _role_fit_key,
    Column.MANAGEMENT: lambda c: c.scores.management if c.scores else _MISSING,
    Column.TECHNICAL: lambda c: c.scores.technical if c.scores else _MISSING,
    Column.YEARS: lambda c: _MISSING if c.years_experience is None else c.years_experience,
    Column.CERTIFICATIONS: lambda c: len(c.held_certifications),
    Column.DEGREE: lambda c: highest_degree(c).casefold(),
    Column.STATUS: lambda c: c.status,
    Column.FILE: lambda c: c.file.casefold(),
}


def search_text(candidate: Candidate) -> str:
    """Everything the text filter matches against, folded once so filtering 10,000 rows stays quick."""
    parts = [
        display_name(candidate),
        candidate.contact.email or "",
        candidate.file,
        held_certifications_text(candidate),
        " ".join(f"{d.level} {d.field}" for d in candidate.degrees),
        candidate.error or "",
    ]
    return "\n".join(parts).casefold()


class CandidateTableModel(QAbstractTableModel):
    """Rows only ever grow by appending batches, so a large import never resets the view."""

    def __init__(self, store: DecisionStore | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._store: DecisionStore = store if store is not None else InMemoryDecisionStore()
        self._candidates: list[Candidate] = []
        self._sort_keys: list[tuple[float | str, ...]] = []
        self._search_texts: list[str] = []
        self._rows_by_sha: dict[str, list[int]] = {}

    # Qt model interface -------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._candidates)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return HEADERS[Column(section)]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), Column(index.column())
        if role == SORT_ROLE:
            if column == Column.DECISION:
                return _VERDICT_RANK[self.review(row).verdict]
            return self._sort_keys[row][column]
        candidate = self._candidates[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.DECISION:
                return VERDICT_LABELS[self.review(row).verdict]
            return _DISPLAY[column](candidate)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(candidate, column, row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.STATUS and candidate.status == "error":
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # Candidates and reviews ---------------------------------------------------------------------------

    def append_candidates(self, candidates: Sequence[Candidate]) -> None:
        if not candidates:
            return
        first = len(self._candidates)
        self.beginInsertRows(QModelIndex(), first, first + len(candidates) - 1)
        for row, candidate in enumerate(candidates, start=first):
            self._candidates.append(candidate)
            self._sort_keys.append(tuple(_SORT_KEY[c](candidate) if c in _SORT_KEY else 0 for c in Column))
            self._search_texts.append(search_text(candidate))
            self._rows_by_sha.setdefault(candidate.sha256, []).append(row)
        self.endInsertRows()

    def candidate(self, row: int) -> Candidate:
        return self._candidates[row]

    def candidates(self) -> Sequence[Candidate]:
        return self._candidates

    def search_text(self, row: int) -> str:
        return self._search_texts[row]

    def known_files(self) -> frozenset[str]:
        return frozenset(c.file for c in self._candidates)

    def review(self, row: int) -> Review:
        return self._store.review(self._candidates[row].sha256)

    def set_review(self, row: int, review: Review) -> None:
        """Save a review; every row showing the same CV (a duplicate file) shows it too."""
        sha256 = self._candidates[row].sha256
        if self._store.review(sha256) == review:
            return
        self._store.save(sha256, review)
        for same_cv_row in self._rows_by_sha[sha256]:
            cell = self.index(same_cv_row, Column.DECISION)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole])

    def _tooltip(self, candidate: Candidate, column: Column, row: int) -> str | None:
        if column == Column.STATUS and candidate.error:
            return candidate.error
        if column == Column.DECISION:
            return self.review(row).note or None
        if column in (Column.NAME, Column.FILE):
            return candidate.file
        if column == Column.CERTIFICATIONS and candidate.certifications:
            return "\n".join(f"{c.name}: {c.status}" for c in candidate.certifications)
        return None
