"""Deleting what a session holds about people from the window: the whole session, candidates screened long ago,
and the retention setting applied when a session opens; each asks first and can be undone while the window is
open (the undo step keeps the deleted data in memory only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QInputDialog, QWidget

from screener.errors import SessionError
from screener.store import Session

from . import messages
from .actions import ask_first
from .candidate_model import CandidateTableModel
from .errors import show_exception
from .history import CandidateRemoval

DEFAULT_PURGE_DAYS = 180
_UNDO_HINT = "Undo (Ctrl+Z) brings them back while this window is open."


def _candidates(count: int) -> str:
    return f"{count} candidate{'s' if count != 1 else ''}"


class SessionDeletion(QUndoCommand):
    """The session file and its companions deleted; undo writes the file back from the copy held in memory."""

    def __init__(
        self, window: QWidget, session: Session, close: Callable[[], None], reopen: Callable[[Path], None]
    ) -> None:
        super().__init__(f"Delete Session {session.path.name}")
        self._window = window
        self._session = session
        self._path = session.path
        self._close = close
        self._reopen = reopen
        self._image = b""

    def redo(self) -> None:
        try:
            self._image = self._session.image()
            self._close()
            Session.delete(self._path)
        except SessionError as exc:
            self.setObsolete(True)  # nothing to undo: the stack drops the step
            show_exception(self._window, exc)
            return
        messages.notify(f"Deleted the session {self._path}. Undo (Ctrl+Z) restores it while this window is open.")

    def undo(self) -> None:
        try:
            Session.restore_image(self._path, self._image)
        except SessionError as exc:
            show_exception(self._window, exc)
            return
        # Opening a session starts a new history, which must not happen inside this step's undo.
        QTimer.singleShot(0, partial(self._reopen, self._path))


class SessionDeletions(QObject):
    """File › Delete Session… and Remove Old Candidates…, and the retention setting's purge when a session opens."""

    def __init__(
        self,
        window: QWidget,
        model: CandidateTableModel,
        stack: QUndoStack,
        session: Callable[[], Session | None],
        retention_days: Callable[[], int | None],
        close_session: Callable[[], None],
        open_session: Callable[[Path], None],
    ) -> None:
        """`close_session` leaves the window without a session; `open_session` shows one (a deleted one restored)."""
        super().__init__(window)
        self._window = window
        self._model = model
        self._stack = stack
        self._session = session
        self._retention_days = retention_days
        self._close_session = close_session
        self._open_session = open_session
        self.delete_session_action = QAction("&Delete Session…", self)
        self.delete_session_action.setStatusTip("Delete the session file with every candidate, decision and note")
        self.delete_session_action.triggered.connect(self.delete_session)
        self.purge_action = QAction("Remove &Old Candidates…", self)
        self.purge_action.setStatusTip("Take the candidates screened longer ago than some days out of the session")
        self.purge_action.triggered.connect(self.purge_old)

    def delete_session(self) -> None:
        """Ask, then delete the session shown."""
        session = self._session()
        if session is None:
            messages.notify("No session is open.")
            return
        text = (
            f"Delete the session {session.path.name} with its {_candidates(self._model.rowCount())}, their "
            f"decisions, notes and decision log?\n\nThe CV files stay on disk; Undo (Ctrl+Z) restores the session "
            "while this window is open."
        )
        if ask_first(self._window, "Delete session", text):
            self._stack.clear()  # the steps taken in the session do not apply without it
            self._stack.push(SessionDeletion(self._window, session, self._close_session, self._open_session))

    def purge_old(self) -> None:
        """Ask how old, then which candidates go, and remove them (one step to undo)."""
        session = self._session()
        if session is None:
            messages.notify("No session is open.")
            return
        days, chosen = QInputDialog.getInt(
            self._window,
            "Remove old candidates",
            "Remove the candidates screened more than this many days ago:",
            self._retention_days() or DEFAULT_PURGE_DAYS,
            1,
            36500,
        )
        if chosen:
            self._remove_older_than(session, days, "")

    def apply_retention(self) -> None:
        """When the retention setting is on, offer to remove what it no longer keeps from the session just opened."""
        session, days = self._session(), self._retention_days()
        if session is not None and days is not None:
            reason = f"Your settings keep candidates for {days} days. "
            # Later: at start the window is not shown yet, and a dialog needs it as its parent.
            QTimer.singleShot(0, partial(self._remove_older_than, session, days, reason, quiet=True))

    def _remove_older_than(self, session: Session, days: int, reason: str, quiet: bool = False) -> None:
        if session is not self._session():
            return  # another session was opened meanwhile
        cutoff = datetime.now(timezone.utc) - timedelta(days=days)
        older = f"screened more than {days} day{'s' if days != 1 else ''} ago"
        removal = CandidateRemoval.of_files(
            self._model, session, set(session.screened_before(cutoff)), f"Remove the candidates {older}"
        )
        if removal is None:
            if not quiet:
                messages.notify(f"No candidate in the session was {older}.")
            return
        text = (
            f"{reason}Remove the {_candidates(removal.count())} {older} from the session, with their decisions "
            f"and notes?\n\nThe CV files stay on disk; {_UNDO_HINT}"
        )
        if ask_first(self._window, "Remove old candidates", text):
            self._stack.push(removal)
            messages.notify(f"Removed {_candidates(removal.count())} {older}.")
