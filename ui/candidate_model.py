"""The table model behind the candidate list: one row per screened file, reviews read from a DecisionStore."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from screener.decision_log import candidate_label
from screener.export import dated, highest_degree
from screener.models import Candidate
from screener.profiles import gates_summary

from .blind import HIDDEN_FILE, BlindReview
from .decisions import VERDICT_LABELS, DecisionStore, InMemoryDecisionStore, Review, Verdict
from .labels import (
    ROLE_FIT_LABELS,
    ROLE_FIT_RANK,
    candidate_is_old,
    display_name,
    gates_text,
    held_certifications_text,
    status_text,
    years_cell,
)
from .same_person import DUPLICATE_MARK, SamePersonRows, sentence

# Raw values (numbers as numbers, not text): the score bars read this role.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

ModelIndex = QModelIndex | QPersistentModelIndex
SortKey = float | str


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
    GATES = 10  # the must-haves of the profile applied; a descending sort ranks by that profile


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
    Column.GATES: "Must-haves",
}

SCORE_COLUMNS = (Column.MANAGEMENT, Column.TECHNICAL)
_NUMBER_COLUMNS = frozenset((*SCORE_COLUMNS, Column.YEARS))
_RANKED_COLUMNS = frozenset((Column.ROLE_FIT, *_NUMBER_COLUMNS, Column.CERTIFICATIONS, Column.DECISION, Column.GATES))
_COLUMN_COUNT = len(Column)
_IDENTITY_COLUMNS = frozenset((Column.NAME, Column.FILE, Column.STATUS))  # what blind review changes
_NAMING_COLUMNS = frozenset((Column.NAME, Column.FILE))  # sorted by number in blind review
_VERDICT_RANK: dict[Verdict, int] = {"shortlist": 3, "maybe": 2, "reject": 1, "none": 0}
_MISSING = -1.0  # sorts unscored rows (errors) below every real score
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# data() runs for every cell and role on every repaint; comparing against plain ints keeps it quick.
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
_DECORATION_ROLE = int(Qt.ItemDataRole.DecorationRole)
_BACKGROUND_ROLE = int(Qt.ItemDataRole.BackgroundRole)
# Translucent, so a decided row reads the same over a light or a dark palette's base colour.
VERDICT_TINTS: dict[Verdict, QBrush] = {
    "shortlist": QBrush(QColor(40, 170, 70, 70)),
    "maybe": QBrush(QColor(235, 170, 20, 70)),
    "reject": QBrush(QColor(210, 50, 50, 60)),
}
_REVIEW_ROLES = [Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole]
_SORT_ROLE = int(SORT_ROLE)
# The overload of the layout signals that carries a hint, as PySide names it (its stubs know no overloads).
_PARENTS = "QList<QPersistentModelIndex>"
_HINT = QAbstractItemModel.LayoutChangeHint


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
    Column.YEARS: years_cell,
    Column.CERTIFICATIONS: held_certifications_text,
    Column.DEGREE: highest_degree,
    Column.DECISION: lambda c: "",  # read from the decision store when shown: it changes as the user reviews
    Column.STATUS: status_text,
    Column.FILE: lambda c: c.file,
    Column.GATES: lambda c: gates_summary(c.profile_fit.gates) if c.profile_fit else "",
}

_SORT_KEY: dict[Column, Callable[[Candidate], SortKey]] = {
    Column.NAME: lambda c: display_name(c).casefold(),
    Column.ROLE_FIT: _role_fit_key,
    Column.MANAGEMENT: lambda c: c.scores.management if c.scores else _MISSING,
    Column.TECHNICAL: lambda c: c.scores.technical if c.scores else _MISSING,
    Column.YEARS: lambda c: _MISSING if c.years_experience is None else c.years_experience,
    Column.CERTIFICATIONS: lambda c: len(c.held_certifications),
    Column.DEGREE: lambda c: highest_degree(c).casefold(),
    Column.DECISION: lambda c: 0,  # ranked from the decision store when sorting
    Column.STATUS: lambda c: c.status,
    Column.FILE: lambda c: c.file.casefold(),
    Column.GATES: lambda c: c.profile_fit.standing if c.profile_fit else _MISSING,
}


def _insertion_point(count: int, key_at: Callable[[int], SortKey], key: SortKey, descending: bool) -> int:
    """Where `key` goes among `count` rows sorted as told, reading only the keys a binary search needs: after
    every key equal to it, as a stable sort puts a later row."""
    low, high = 0, count
    while low < high:
        middle = (low + high) // 2
        if (key_at(middle) < key) if descending else (key < key_at(middle)):  # type: ignore[operator]
            high = middle
        else:
            low = middle + 1
    return low


def _years_tooltip(candidate: Candidate) -> str | None:
    """Which day "Present" counted to, and a warning when the CV is more than a year old."""
    note = dated(candidate)
    if note and candidate_is_old(candidate):
        return f"Years {note}: this CV is more than a year old"
    return f"Years {note}" if note else None


def search_text(candidate: Candidate, blind: BlindReview | None = None) -> str:
    """Everything the text filter matches against, folded once so filtering 10,000 rows stays quick.

    While blind review hides the candidate, their number stands for name, email and file: typing a name
    must not find whom it hides."""
    who = [display_name(candidate), candidate.contact.email or "", candidate.file]
    if blind is not None and blind.hides(candidate):
        who = [blind.name(candidate)]
    parts = [
        *who,
        held_certifications_text(candidate),
        " ".join(f"{d.level} {d.field}" for d in candidate.degrees),
        blind.text(candidate, candidate.error or "") if blind else candidate.error or "",
    ]
    return "\n".join(parts).casefold()


@dataclass(frozen=True, slots=True)
class _Row:
    """One candidate with what the list shows and sorts by, worked out once when it arrives."""

    candidate: Candidate
    texts: tuple[str, ...]
    sort_keys: tuple[SortKey, ...]
    search_text: str

    @classmethod
    def of(cls, candidate: Candidate) -> _Row:
        return cls(
            candidate,
            tuple(_DISPLAY[column](candidate) for column in Column),
            tuple(_SORT_KEY[column](candidate) for column in Column),
            search_text(candidate),
        )


class CandidateTableModel(QAbstractTableModel):
    """Keeps its rows in the order the user sorted by; new rows are appended, then moved into that order.

    Sorting here, with Python's sort on keys computed once per row, takes milliseconds for 10,000 rows,
    where a proxy comparing pairs of cells through data() takes the best part of a second. Rows change
    places when sorted: hold a QPersistentModelIndex, not a row number, to follow one candidate.
    """

    def __init__(self, store: DecisionStore | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._store: DecisionStore = store if store is not None else InMemoryDecisionStore()
        self._rows: list[_Row] = []
        self._rows_by_sha: dict[str, list[int]] | None = None  # built when first needed after rows move
        # Files with the content of a row's file, by content hash: shown on that row, never as rows of their own.
        self._copies: dict[str, dict[str, Candidate]] = {}
        self._people = SamePersonRows()  # rows that seem to hold the same person as another row
        self._sort_column: Column | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._blind: BlindReview | None = None
        self._blind_search: dict[str, str] = {}  # by file, while blind review is on

    # Qt model interface -------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMN_COUNT:
            return None
        if role == _DISPLAY_ROLE:
            return HEADERS[Column(section)]
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # The first click on a ranking column puts the best first; on a text column, A to Z.
            ranked = section in _RANKED_COLUMNS
            return Qt.SortOrder.DescendingOrder if ranked else Qt.SortOrder.AscendingOrder
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column in _IDENTITY_COLUMNS and self._blind is not None and self._blind.hides(self._rows[row].candidate):
            return self._blind_data(row, Column(column), role)
        if role == _DISPLAY_ROLE:
            if column == Column.DECISION:
                return VERDICT_LABELS[self.review(row).verdict]
            if column == Column.STATUS:
                return self._status_text(row)
            return self._rows[row].texts[column]
        if role == _SORT_ROLE:
            if column == Column.DECISION:
                return _VERDICT_RANK[self.review(row).verdict]
            return self._rows[row].sort_keys[column]
        if role == _ALIGNMENT_ROLE:
            return _RIGHT_ALIGNED if column in _NUMBER_COLUMNS else None
        if role == _TOOLTIP_ROLE:
            return self._tooltip(row, Column(column))
        if role == _BACKGROUND_ROLE:
            return VERDICT_TINTS.get(self.review(row).verdict)
        if role == _DECORATION_ROLE and column == Column.STATUS and self._rows[row].candidate.status == "error":
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's value (numbers by number, unscored rows last when descending); -1 stops sorting."""
        self._sort_column = Column(column) if 0 <= column < _COLUMN_COUNT else None
        self._sort_order = order
        self._keep_sorted()

    # Blind review -------------------------------------------------------------------------------------

    def set_blind(self, blind: BlindReview) -> None:
        """Show candidates as blind review says: by number, with name, file and identifying text hidden."""
        self._blind = blind
        blind.changed.connect(self._blind_changed)

    def name(self, row: int) -> str:
        """What the app calls this row's candidate: their name, or their number in blind review."""
        candidate = self._rows[row].candidate
        return self._blind.name(candidate) if self._blind is not None else display_name(candidate)

    def possible_duplicates(self, row: int, name: Callable[[Candidate], str] | None = None) -> str:
        """The other rows that seem to hold this row's person, "possible duplicate of Candidate 51 (same email)",
        each called `name` (by default as the list shows them: by number while hidden, else by name and file);
        "" for none."""
        return self._people.text(self._rows[row].candidate, name or self._other_name)

    def _other_name(self, candidate: Candidate) -> str:
        if self._blind is not None and self._blind.hides(candidate):
            return self._blind.blind_label(candidate)
        return candidate_label(candidate)  # the name alone would not tell apart two files of one person

    def _status_text(self, row: int) -> str:
        """The status, scrubbed while hidden, with the row's copies and a mark when it seems to be a duplicate."""
        candidate = self._rows[row].candidate
        text = self._rows[row].texts[Column.STATUS]
        if candidate.error and self._blind is not None:
            text = self._blind.text(candidate, text)
        marks = [self._copies_text(row)] if candidate.sha256 in self._copies else []
        marks += [DUPLICATE_MARK] if self._people.is_marked(candidate) else []
        return " · ".join((text, *marks))

    def _same_person_tooltip(self, row: int) -> str:
        return sentence(self.possible_duplicates(row))

    def _blind_changed(self) -> None:
        self._blind_search = {}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, _COLUMN_COUNT - 1))
        if self._sort_column in _NAMING_COLUMNS:
            self._keep_sorted()

    def _blind_data(self, row: int, column: Column, role: int) -> Any:
        """A cell of a hidden candidate's name, file or status: the number, nothing, or the text scrubbed."""
        assert self._blind is not None
        candidate = self._rows[row].candidate
        if role == _DISPLAY_ROLE:
            if column == Column.NAME:
                return self._blind.name(candidate)
            if column == Column.FILE:
                return HIDDEN_FILE
            return self._status_text(row)
        if role == _SORT_ROLE:
            return self._row_key(self._rows[row], column)
        if role == _TOOLTIP_ROLE and column == Column.STATUS:
            problems = (self._blind.text(candidate, candidate.error or ""), self._same_person_tooltip(row))
            return "\n".join(problem for problem in problems if problem) or None
        if role == _DECORATION_ROLE and column == Column.STATUS and candidate.status == "error":
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role in (_ALIGNMENT_ROLE, _TOOLTIP_ROLE):
            return None
        if role == _BACKGROUND_ROLE:
            return VERDICT_TINTS.get(self.review(row).verdict)
        return None

    # Candidates and reviews ---------------------------------------------------------------------------

    def append_candidates(self, candidates: Sequence[Candidate]) -> None:
        """Add rows, each where the current sort order puts it (selections follow their rows).

        A copy (status "duplicate") gets no row: the row of its content, now or when it arrives, counts it.
        """
        listed = self._keep_copies(candidates)
        if listed:
            self._insert_in_order([_Row.of(candidate) for candidate in listed])
        arrived = {candidate.file for candidate in listed}  # painted as they are inserted
        marked = {candidate.file for candidate in self._people.add(listed)} - arrived
        # A scan rather than the index by content, which rebuilt for every batch would leave 10,000 lists for a
        # full garbage collection to walk: a pause of a fifth of a second in the window.
        for row in self._rows_of_files(marked) if marked else ():
            status = self.index(row, Column.STATUS)
            self.dataChanged.emit(status, status, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])
        for sha256 in {c.sha256 for c in candidates if c.status == "duplicate"}:
            self._copies_changed(sha256)

    def replace_candidates(self, candidates: Sequence[Candidate]) -> None:
        """Show new results for the rows held, in the same order (re-scored, or measured by another profile)."""
        if len(candidates) != len(self._rows):
            raise ValueError(f"{len(candidates)} results for {len(self._rows)} rows")
        if not candidates:
            return
        self._rows = [_Row.of(candidate) for candidate in candidates]
        self._rows_by_sha = None
        self._people.reset(candidates)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, _COLUMN_COUNT - 1))
        self._keep_sorted()

    def show_session(self, candidates: Sequence[Candidate], store: DecisionStore) -> None:
        """Hold these rows, in the current sort order, with reviews from `store`: another session was opened."""
        self.beginResetModel()
        self._store = store
        self._copies = {}
        self._rows = [_Row.of(candidate) for candidate in self._keep_copies(candidates)]
        self._rows = [self._rows[old_row] for old_row in self._sorted_order()]
        self._rows_by_sha = None
        self._people.reset(self.candidates())
        self.endResetModel()

    def candidates(self) -> list[Candidate]:
        return [row.candidate for row in self._rows]

    def candidate(self, row: int) -> Candidate:
        return self._rows[row].candidate

    def search_text(self, row: int) -> str:
        if self._blind is None or not self._blind.is_on():
            return self._rows[row].search_text
        candidate = self._rows[row].candidate
        if candidate.file not in self._blind_search:
            self._blind_search[candidate.file] = search_text(candidate, self._blind)
        return self._blind_search[candidate.file]

    def known_files(self) -> frozenset[str]:
        """The files listed, copies included: importing them again screens nothing."""
        copies = (file for same_cv in self._copies.values() for file in same_cv)
        return frozenset((*(row.candidate.file for row in self._rows), *copies))

    def copies(self, sha256: str) -> list[Candidate]:
        """The other files holding this content, in the order they arrived."""
        return list(self._copies.get(sha256, {}).values())

    def review(self, row: int) -> Review:
        return self._store.review(self._rows[row].candidate.sha256)

    def set_review(self, row: int, review: Review) -> None:
        """Save a review; every row showing the same CV (a duplicate file) shows it too."""
        self.set_cv_review(self._rows[row].candidate.sha256, review)

    def cv_review(self, sha256: str) -> Review:
        """The review of a CV by content: what undo keeps, since rows move when the list is sorted."""
        return self._store.review(sha256)

    def set_cv_review(self, sha256: str, review: Review) -> None:
        if self._store.review(sha256) == review:
            return
        rows = self._same_cv_rows(sha256)
        self._store.save(sha256, review, self._rows[rows[0]].candidate if rows else None)
        for same_cv_row in rows:
            # The whole row: its tint shows the decision in every cell.
            first, last = self.index(same_cv_row, 0), self.index(same_cv_row, _COLUMN_COUNT - 1)
            self.dataChanged.emit(first, last, _REVIEW_ROLES)

    def remove_files(self, files: Collection[str]) -> None:
        """Drop the rows and copies of these files; a CV no row shows any more has its review forgotten."""
        for sha256, same_cv in list(self._copies.items()):
            if any(file in same_cv for file in files):
                self._copies[sha256] = {file: copy for file, copy in same_cv.items() if file not in files}
                self._copies_changed(sha256)
        removed: set[str] = set()
        for row in reversed(range(len(self._rows))):  # from the end, so the rows still to remove keep their number
            if self._rows[row].candidate.file in files:
                self.beginRemoveRows(QModelIndex(), row, row)
                removed.add(self._rows.pop(row).candidate.sha256)
                self._rows_by_sha = None
                self.endRemoveRows()
        for sha256 in removed - {row.candidate.sha256 for row in self._rows}:
            self._store.forget(sha256)
        if removed:
            self._people.reset(self.candidates())  # a row left: those it was the duplicate of may be no more
        if removed and self._rows:
            self.dataChanged.emit(self.index(0, Column.STATUS), self.index(len(self._rows) - 1, Column.STATUS))

    def _keep_copies(self, candidates: Sequence[Candidate]) -> list[Candidate]:
        """The candidates that get a row; each copy is kept with the others of its content."""
        listed: list[Candidate] = []
        for candidate in candidates:
            if candidate.status == "duplicate":
                self._copies.setdefault(candidate.sha256, {})[candidate.file] = candidate
            else:
                listed.append(candidate)
        return listed

    def _copies_text(self, row: int) -> str:
        count = len(self._copies.get(self._rows[row].candidate.sha256, ()))
        return f"{count} cop{'y' if count == 1 else 'ies'}"

    def _copies_changed(self, sha256: str) -> None:
        if not self._copies.get(sha256):
            self._copies.pop(sha256, None)
        for row in self._same_cv_rows(sha256):
            roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]
            self.dataChanged.emit(self.index(row, Column.NAME), self.index(row, _COLUMN_COUNT - 1), roles)

    def _rows_of_files(self, files: set[str]) -> list[int]:
        return [row for row, shown in enumerate(self._rows) if shown.candidate.file in files]

    def _same_cv_rows(self, sha256: str) -> list[int]:
        if self._rows_by_sha is None:
            self._rows_by_sha = {}
            for row, shown in enumerate(self._rows):
                self._rows_by_sha.setdefault(shown.candidate.sha256, []).append(row)
        return self._rows_by_sha.get(sha256, [])

    def _insert_in_order(self, rows: list[_Row]) -> None:
        """Insert the rows where a stable sort would put them: views hear of a few inserted rows rather than a new
        layout of every row, which would make a filtering proxy test each row again (10,000 rows: a frozen window)."""
        self._rows_by_sha = None
        if self._sort_column is None:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
            return
        column, descending = self._sort_column, self._sort_order == Qt.SortOrder.DescendingOrder

        def key_at(index: int) -> SortKey:
            return self._row_key(self._rows[index], column)

        for row in sorted(rows, key=lambda row: self._row_key(row, column), reverse=descending):
            at = _insertion_point(len(self._rows), key_at, self._row_key(row, column), descending)
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, row)
            self.endInsertRows()

    def _keep_sorted(self) -> None:
        order = self._sorted_order()
        if all(old == new for new, old in enumerate(order)):
            return  # already in order: views need not hear about it
        self._move_rows(order)

    def _sorted_order(self) -> list[int]:
        """The row that belongs at each place in the current sort order."""
        if self._sort_column is None:
            return list(range(len(self._rows)))
        keys = self._column_keys(self._sort_column)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)

    def _column_keys(self, column: Column) -> list[SortKey]:
        return [self._row_key(row, column) for row in self._rows]

    def _row_key(self, row: _Row, column: Column) -> SortKey:
        if column in _NAMING_COLUMNS and self._blind is not None and self._blind.is_on():
            # By number, not by the names and files that blind review hides, or the order would tell them.
            return float(self._blind.number_of(row.candidate))
        if column == Column.DECISION:
            return _VERDICT_RANK[self._store.review(row.candidate.sha256).verdict]
        if column == Column.STATUS and self._people.is_marked(row.candidate):
            return f"{row.sort_keys[column]} · {DUPLICATE_MARK}"  # sorted beside each other, after plain "ok"
        return row.sort_keys[column]

    def _move_rows(self, order: list[int]) -> None:
        """Put the row that was at `order[i]` at row i, telling views so they keep selection and scroll position."""
        # The sort hint lets selection models keep whole-row ranges instead of saving every selected cell.
        hint = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
        self.layoutAboutToBeChanged[_PARENTS, _HINT].emit([], hint)  # type: ignore[index]
        new_row_of = [0] * len(order)
        for new_row, old_row in enumerate(order):
            new_row_of[old_row] = new_row
        self._rows = [self._rows[old_row] for old_row in order]
        self._rows_by_sha = None
        moved = self.persistentIndexList()
        self.changePersistentIndexList(moved, [self.index(new_row_of[i.row()], i.column()) for i in moved])
        self.layoutChanged[_PARENTS, _HINT].emit([], hint)  # type: ignore[index]

    def _tooltip(self, row: int, column: Column) -> str | None:
        candidate = self._rows[row].candidate
        if column == Column.DECISION:
            return self.review(row).note or None
        copies = self.copies(candidate.sha256)
        if column in (Column.NAME, Column.FILE, Column.STATUS) and copies:
            also = "\n".join(copy.file for copy in copies)
            same_person = f"\n{self._same_person_tooltip(row)}" if column == Column.STATUS else ""
            return f"{candidate.error or candidate.file}\n{self._copies_text(row)} of this file:\n{also}{same_person}"
        if column == Column.STATUS:
            return "\n".join(text for text in (candidate.error, self._same_person_tooltip(row)) if text) or None
        if column in (Column.NAME, Column.FILE):
            return candidate.file
        if column == Column.GATES and candidate.profile_fit:
            return gates_text(candidate)
        if column == Column.CERTIFICATIONS and candidate.certifications:
            return "\n".join(f"{c.name}: {c.status}" for c in candidate.certifications)
        if column == Column.YEARS:
            return _years_tooltip(candidate)
        return None
