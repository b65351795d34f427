"""Undoable changes to the list: decisions and notes, and candidates removed from the session."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtGui import QUndoCommand

from screener.models import Candidate
from screener.store import RemovedCandidate, Session

from .candidate_model import CandidateTableModel
from .decisions import Review

ReviewChanges = dict[str, tuple[Review, Review]]  # by CV content: the review before and after
_TYPING_A_NOTE = 1  # the id under which keystrokes in one candidate's note merge into one undo step


def _names(model: CandidateTableModel, rows: Sequence[int]) -> str:
    return model.name(rows[0]) if len(rows) == 1 else f"{len(rows)} candidates"


class ReviewChange(QUndoCommand):
    """New reviews for some CVs, kept by content because rows move when the list is sorted."""

    def __init__(self, model: CandidateTableModel, changes: ReviewChanges, text: str, note_of: str = "") -> None:
        super().__init__(text)
        self._model = model
        self._changes = changes
        self._note_of = note_of  # the CV whose note is being typed; "" for a decision

    def redo(self) -> None:
        for sha256, (_, after) in self._changes.items():
            self._model.set_cv_review(sha256, after)

    def undo(self) -> None:
        for sha256, (before, _) in self._changes.items():
            self._model.set_cv_review(sha256, before)

    def id(self) -> int:
        return _TYPING_A_NOTE if self._note_of else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing a note is one step to undo, not one per key, as long as it stays on one candidate."""
        if not isinstance(other, ReviewChange) or other._note_of != self._note_of:
            return False
        before, _ = self._changes[self._note_of]
        _, after = other._changes[self._note_of]
        self._changes[self._note_of] = (before, after)
        self.setObsolete(before == after)  # typed and erased again: nothing left to undo
        return True


def decision_change(
    model: CandidateTableModel, rows: Sequence[int], review_of: Callable[[Review], Review], text: str
) -> ReviewChange | None:
    """The change `review_of` makes to the CVs in these rows, or None when it changes nothing."""
    changes: ReviewChanges = {}
    for row in rows:
        before = model.review(row)
        after = review_of(before)
        if after != before:
            changes[model.candidate(row).sha256] = (before, after)
    return ReviewChange(model, changes, f"{text} {_names(model, rows)}") if changes else None


def note_change(model: CandidateTableModel, row: int, note: str) -> ReviewChange:
    before = model.review(row)
    sha256 = model.candidate(row).sha256
    after = Review(before.verdict, note)
    return ReviewChange(model, {sha256: (before, after)}, f"Note on {_names(model, [row])}", note_of=sha256)


class CandidateRemoval(QUndoCommand):
    """Candidates taken off the list and out of the session; undo puts them back with decision and note."""

    def __init__(
        self, model: CandidateTableModel, session: Session | None, candidates: Sequence[Candidate], text: str
    ) -> None:
        super().__init__(text)
        self._model = model
        self._session = session
        self._candidates = list(candidates)
        self._reviews = {c.sha256: model.cv_review(c.sha256) for c in self._candidates}
        self._removed: list[RemovedCandidate] = []

    @classmethod
    def of_rows(cls, model: CandidateTableModel, session: Session | None, rows: Sequence[int]) -> CandidateRemoval:
        shown = [model.candidate(row) for row in rows]
        # A row stands for its content: its copies go with it, or the next start would list one in its place.
        candidates = shown + [copy for c in shown for copy in model.copies(c.sha256)]
        return cls(model, session, candidates, f"Remove {_names(model, rows)}")

    @classmethod
    def of_files(
        cls, model: CandidateTableModel, session: Session, files: Collection[str], text: str
    ) -> CandidateRemoval | None:
        """The removal of the listed candidates (rows and copies) read from these files; None if none is listed."""
        listed = (c for shown in model.candidates() for c in (shown, *model.copies(shown.sha256)))
        chosen = {c.file: c for c in listed if c.file in files}
        return cls(model, session, list(chosen.values()), text) if chosen else None

    def count(self) -> int:
        return len(self._candidates)

    def redo(self) -> None:
        if self._session is not None:
            self._removed = self._session.remove_candidates([candidate.file for candidate in self._candidates])
        self._model.remove_files({candidate.file for candidate in self._candidates})

    def undo(self) -> None:
        if self._session is not None:
            self._session.restore_candidates(self._removed)
        self._model.append_candidates(self._candidates)
        for sha256, review in self._reviews.items():
            self._model.set_cv_review(sha256, review)  # the list forgot the review with its last row
