"""The window's review commands with undo: decisions, notes and removals, the Edit menu's Undo and Redo, and
keys that must reach the window even while a text box has the focus."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from screener.store import Session

from . import messages
from .candidate_model import CandidateTableModel
from .decisions import Review, Verdict
from .history import CandidateRemoval, decision_change, note_change

_MENU_NAMES: dict[Verdict, str] = {"shortlist": "Shortlist", "maybe": "Maybe", "reject": "Reject", "none": "Clear"}


class WindowKeys(QObject):
    """Lets these keys through to the window's actions while a text box has the focus.

    A text box claims keys it has its own use for (Ctrl+E moves to the end of the line on Linux, Ctrl+Z undoes
    its last typing); for these, the window's action is what the user means.
    """

    def __init__(self, keys: Sequence[QKeySequence], parent: QObject) -> None:
        super().__init__(parent)
        self._keys = list(keys)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in self._keys):
                event.ignore()  # not the text box's: the shortcut goes to the window
                return True
        return False


class ReviewActions(QObject):
    """Every change a reviewer makes to the list goes on one undo stack, kept for the life of the window."""

    def __init__(
        self,
        window: QWidget,
        model: CandidateTableModel,
        selected_rows: Callable[[], list[int]],
        session: Callable[[], Session | None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._model = model
        self._selected_rows = selected_rows
        self._session = session
        self.stack = QUndoStack(self)
        self.undo_action = self.stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        # Ctrl+Shift+Z as on Linux and macOS, and Ctrl+Y as on Windows, wherever the user learnt it.
        self.redo_action = self.stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.remove_action = QAction("Re&move from Session…", self)
        self.remove_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")])
        self.remove_action.setStatusTip("Take the selected candidates off the list and out of the session (undoable)")
        self.remove_action.triggered.connect(self.remove_selected)
        for action in (self.undo_action, self.redo_action, self.remove_action):
            window.addAction(action)  # their keys work wherever the focus is in the window

    def decide(self, verdict: Verdict) -> None:
        """Decide on every selected candidate, keeping each one's note: one step to undo for all of them."""
        rows = self._selected_rows()
        if not rows:
            messages.notify("Select a candidate first.")
            return
        change = decision_change(self._model, rows, lambda before: Review(verdict, before.note), _MENU_NAMES[verdict])
        self._push(change)

    def edit_note(self, row: int, note: str) -> None:
        self._push(note_change(self._model, row, note))

    def remove_selected(self) -> None:
        """Ask, then take the selected candidates out of the list and the session."""
        rows = self._selected_rows()
        if rows and confirm_removal(self._window, [self._model.name(row) for row in rows]):
            self._push(CandidateRemoval.of_rows(self._model, self._session(), rows))

    def forget_history(self) -> None:
        """Another session is shown: the steps taken in the last one no longer apply."""
        self.stack.clear()

    def _push(self, command: QUndoCommand | None) -> None:
        if command is not None:
            self.stack.push(command)


def clear_filter_action(window: QWidget, clear: Callable[[], None], cancel_import: QAction) -> QAction:
    """Escape clears the text filter, except during an import, when it cancels the import as it always did (in
    the filter box itself it clears the filter: see FilterBar.eventFilter)."""
    action = QAction("C&lear Filter", window)
    action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    action.setStatusTip("Show every candidate the quick filters let through")
    action.triggered.connect(clear)
    # Never both enabled: the same key on two enabled actions would trigger neither.
    action.setEnabled(not cancel_import.isEnabled())
    cancel_import.enabledChanged.connect(lambda importing: action.setEnabled(not importing))
    window.addAction(action)
    return action


def confirm_removal(parent: QWidget, names: Sequence[str]) -> bool:
    who = names[0] if len(names) == 1 else f"these {len(names)} candidates"
    text = (
        f"Remove {who} from the session, with decision and note?\n\nThe files stay on disk; Undo (Ctrl+Z) "
        "brings the candidates back."
    )
    return ask_first(parent, "Remove from session", text)


def ask_first(parent: QWidget, title: str, text: str) -> bool:
    """Whether the user goes ahead with a deletion; Cancel is the default, so Enter deletes nothing."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
