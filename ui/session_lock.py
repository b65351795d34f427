"""A lock file beside the session a window shows, so a second app opening the same session is warned."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from screener.errors import SessionError


class SessionLock:
    """Held while a window shows a session; released when it shows another or closes.

    A lock left by an app that crashed is taken over: Qt checks whether the process that wrote it still runs.
    """

    def __init__(self, session_path: Path) -> None:
        self._path = session_path
        self._lock = QLockFile(f"{session_path}.lock")
        # Stale only when its app is gone, however long a reviewer has kept the session open.
        self._lock.setStaleLockTime(0)
        self._held = self._lock.tryLock(0)

    def problem(self) -> SessionError | None:
        """What the user is told when another app holds the session; None when this window holds it."""
        if self._held:
            return None
        pid, host, _app = self._lock.getLockInfo()
        holder = f"process {pid} on {host}" if pid else "another app"
        return SessionError(
            f"{self._path.name} is open in another CV Screener window ({holder}). Both save to it, but neither "
            "shows what the other changes, and a decision taken in one can undo the other's.\n\n"
            "Close the other window, or work in another session."
        )

    def release(self) -> None:
        if self._held:
            self._lock.unlock()
            self._held = False
