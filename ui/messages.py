"""A tiny API for non-fatal problems and notices; the main window shows them in its status bar.

Safe to call from any thread: the text travels by a queued signal. The bridge is created on first use,
which the main window does on the GUI thread before any worker starts.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class MessageBridge(QObject):
    posted = Signal(str)


_bridge: MessageBridge | None = None


def bridge() -> MessageBridge:
    global _bridge
    if _bridge is None:
        _bridge = MessageBridge()
    return _bridge


def notify(text: str) -> None:
    """Tell the user something that needs no answer (a skipped file, an export that finished, ...)."""
    log.info("%s", text)
    bridge().posted.emit(text)
