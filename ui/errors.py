"""One path for showing errors to the user, and the hooks that route uncaught exceptions to it."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from screener.errors import Cancelled, ScreenerError

from . import messages

log = logging.getLogger(__name__)

_UNEXPECTED = (
    "Something unexpected went wrong. Your list and decisions are still there and the app keeps running.\n\n"
    "If it happens again, copy the details below and send them to whoever supports CV Screener."
)

# A button label and what it does: how the user gets out of a problem without leaving the app.
WayOut = tuple[str, Callable[[], object]]

# A broken paint or timer can raise many times a second; one open dialog is enough.
_open_dialog: QMessageBox | None = None


def user_message(exc: BaseException) -> str:
    """What the user reads: the engine's own words, the operating system's, or a plain apology."""
    if isinstance(exc, ScreenerError):
        return str(exc)
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        return f"{reason}: {exc.filename}" if exc.filename else reason
    return _UNEXPECTED


def not_saved(what: str, path: Path, exc: BaseException) -> BaseException:
    """A failure to write `what` to `path`, in words saying what was not saved and what to do about it."""
    if not isinstance(exc, OSError):
        return exc
    reason = (exc.strerror or str(exc)).rstrip(".")
    return ScreenerError(
        f"{what} was not saved to {path}: {reason[:1].lower()}{reason[1:]}. Choose another folder or file name."
    )


def show_exception(parent: QWidget | None, exc: BaseException, ways_out: Sequence[WayOut] = ()) -> None:
    """Show an error without blocking the caller; cancellation is the user's own choice and stays silent.

    Each way out is a button beside Close; its action runs once the dialog has closed.
    """
    global _open_dialog
    if isinstance(exc, Cancelled):
        return
    if not isinstance(exc, (ScreenerError, OSError)):
        log.error("Unexpected error", exc_info=exc)
    if _open_dialog is not None:
        messages.notify(user_message(exc).splitlines()[0])
        return
    plain_close = QMessageBox.StandardButton.Close if ways_out else QMessageBox.StandardButton.Ok
    box = QMessageBox(QMessageBox.Icon.Warning, "CV Screener", user_message(exc), plain_close, parent)
    if not isinstance(exc, (ScreenerError, OSError)):
        box.setDetailedText("".join(traceback.format_exception(exc)))
    for label, action in ways_out:
        button = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        # Later, so that an error in the action has no dialog in its way.
        button.clicked.connect(partial(QTimer.singleShot, 0, action))
        if box.defaultButton() is None:
            box.setDefaultButton(button)  # the first way out: what Enter does
    box.finished.connect(_forget_dialog)
    # A dialog whose window closes under it never finishes: forget it then too, or no error would show again.
    box.destroyed.connect(partial(_forget_destroyed, box))
    _open_dialog = box
    box.open()


def _forget_dialog() -> None:
    global _open_dialog
    if _open_dialog is not None:
        _open_dialog.deleteLater()
    _open_dialog = None


def _forget_destroyed(box: QMessageBox, *_: object) -> None:
    global _open_dialog
    if _open_dialog is box:
        _open_dialog = None


class _ExceptionRelay(QObject):
    """Carries exceptions raised on any thread to the GUI thread, where dialogs may be opened."""

    raised = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.raised.connect(self._show)

    @Slot(object)
    def _show(self, exc: BaseException) -> None:
        show_exception(QApplication.activeWindow(), exc)


def install_excepthooks() -> None:
    """Route uncaught exceptions (GUI thread and worker threads) to the error dialog instead of ending the app."""
    relay = _ExceptionRelay(QApplication.instance())

    def on_uncaught(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("Uncaught exception", exc_info=(kind, exc, tb))
        relay.raised.emit(exc)

    def on_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            on_uncaught(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = on_uncaught
    threading.excepthook = on_uncaught_in_thread
